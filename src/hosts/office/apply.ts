/**
 * Apply and Undo in the open workbook, around the pure planners of core/apply.ts. Apply reads the
 * Owner cells as they are and the history so far, records the batch on our `Rebalance History`
 * sheet first (so an interrupted write can still be undone), then writes the new owners in
 * chunks. Undo reads the workbook, restores the last batch's previous owners exactly and drops
 * the batch from the history. Problems of severity 'error' are thrown, so they reach the user.
 */
import { HISTORY_ROLE, HISTORY_SHEET, historySheet, parseHistorySheet, planApply, planUndo, type HistoryRow, type OwnerCell } from '../../core/apply';
import { stopUnlessSomethingToDo, type Problem, type RawCell, type TerritoryData } from '../../core/model';
import { readWorkbookSheets } from '../../core/read';
import { columnNumber } from '../../core/report/sheet';
import { DEFAULT_BUDGET, SyncBatcher, COMMAND_BYTES, jsonBytes } from './batch';
import { officeApiSupport } from './capabilities';
import { valueInput } from './cells';
import { discoverSheets } from './marker';
import { readSheets, readUsedValues } from './read';
import type { SheetValues } from '../../core/read/locate';
import type { ApplyResult, UndoResult } from '../workbookHost';
import { renderSheets, type RenderOptions } from './render';

export interface ApplyOptions extends RenderOptions {
  /** Clock for the history's "Applied At" (tests pass a fixed one). */
  now?: () => Date;
}

function cellOf(value: unknown): RawCell {
  if (value === '' || value === undefined || value === null) return null;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
}

/**
 * The history so far, from our history sheet (marked with the history role, else a sheet with the
 * history's name); its values are taken from `read` when the caller has just read every sheet.
 */
async function readHistory(context: Excel.RequestContext, options: ApplyOptions, read?: SheetValues[]): Promise<{ history: HistoryRow[]; problems: Problem[] }> {
  const sheets = await discoverSheets(context, options.supports ?? officeApiSupport);
  const own = sheets.find((s) => s.role === HISTORY_ROLE) ?? sheets.find((s) => s.name.toLowerCase() === HISTORY_SHEET.toLowerCase());
  if (!own) return { history: [], problems: [] };
  const values = read?.find((s) => s.name === own.name)?.values ?? (await readUsedValues(context, [own.worksheet], options.maxCellsPerSync ?? DEFAULT_BUDGET.maxCellsPerSync))[0];
  return parseHistorySheet(values, own.name);
}

/** The Owner cells of the given rows, read in blocks. */
async function readOwnerCells(context: Excel.RequestContext, sheet: string, column: string, rows: number[], maxCells: number): Promise<RawCell[]> {
  if (rows.length === 0) return [];
  const ws = context.workbook.worksheets.getItem(sheet);
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const byRow = new Map<number, RawCell>();
  for (let r = first; r <= last; r += maxCells) {
    const end = Math.min(last, r + maxCells - 1);
    const range = ws.getRange(`${column}${r}:${column}${end}`).load('values');
    await context.sync();
    range.values.forEach((row, i) => byRow.set(r + i, cellOf(row[0])));
  }
  return rows.map((r) => byRow.get(r) ?? null);
}

/** Writes owner cells, runs of consecutive rows as one column range each, within the sync budget. */
async function writeOwnerCells(context: Excel.RequestContext, sheet: string, cells: OwnerCell[], options: ApplyOptions): Promise<void> {
  const supports = options.supports ?? officeApiSupport;
  const batcher = new SyncBatcher(
    context,
    { maxCellsPerSync: options.maxCellsPerSync ?? DEFAULT_BUDGET.maxCellsPerSync, maxBytesPerSync: options.maxBytesPerSync ?? DEFAULT_BUDGET.maxBytesPerSync },
    supports('1.6') ? () => context.application.suspendApiCalculationUntilNextSync() : undefined,
  );
  const ws = context.workbook.worksheets.getItem(sheet);
  const sorted = [...cells].sort((a, b) => (a.column === b.column ? a.row - b.row : a.column < b.column ? -1 : 1));
  let i = 0;
  while (i < sorted.length) {
    const room = batcher.remaining();
    let end = i + 1;
    let bytes = COMMAND_BYTES + jsonBytes(sorted[i].value);
    while (
      end < sorted.length &&
      sorted[end].column === sorted[i].column &&
      sorted[end].row === sorted[end - 1].row + 1 &&
      end - i < room.cells &&
      bytes + jsonBytes(sorted[end].value) + 4 < room.bytes
    ) {
      bytes += jsonBytes(sorted[end].value) + 4;
      end++;
    }
    const run = sorted.slice(i, end);
    await batcher.reserve(run.length, bytes);
    // A blank owner is written as '' (null would leave the cell unchanged).
    ws.getRange(`${run[0].column}${run[0].row}:${run[0].column}${run[run.length - 1].row}`).values = run.map((c) => [c.value === null ? '' : valueInput(c.value)]);
    i = end;
  }
  await batcher.flush();
}

export async function applyScenario(
  context: Excel.RequestContext,
  data: TerritoryData,
  owners: (string | null)[],
  scenarioName: string,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const column = data.source.ownerColumn;
  const sheet = data.source.accountsSheet;
  const maxCells = options.maxCellsPerSync ?? DEFAULT_BUDGET.maxCellsPerSync;
  const ownerCellsNow = column ? await readOwnerCells(context, sheet, column, data.accounts.map((a) => a.row), maxCells) : undefined;
  const prior = await readHistory(context, options);
  const appliedAt = (options.now?.() ?? new Date()).toISOString();
  const plan = planApply(data, owners, scenarioName, appliedAt, { ownerCellsNow, history: prior.history });
  const problems = [...prior.problems, ...plan.problems];
  stopUnlessSomethingToDo(problems, plan.batch > 0, `Scenario "${scenarioName}" changes no owner.`);
  await renderSheets(context, [historySheet(plan.history)], options);
  await writeOwnerCells(context, sheet, plan.ownerCells, options);
  return { changed: plan.ownerCells.length, batch: plan.batch, problems };
}

export async function undoLastApply(context: Excel.RequestContext, options: ApplyOptions = {}): Promise<UndoResult> {
  const sheets = await readSheets(context, options);
  const data = readWorkbookSheets(sheets);
  const column = data.source.ownerColumn;
  if (!column) throw new Error(`${data.source.accountsSheet}: the Accounts table has no Owner column to restore.`);
  const prior = await readHistory(context, options, sheets);
  const accounts = sheets.find((s) => s.name === data.source.accountsSheet);
  const col = columnNumber(column) - 1;
  const current = data.accounts.map((a) => ({ accountId: a.id, row: a.row, value: accounts?.values[a.row - 1]?.[col] ?? null }));
  const plan = planUndo(prior.history, current, column, data.source.accountsSheet);
  const problems = [...prior.problems, ...plan.problems];
  stopUnlessSomethingToDo(problems, plan.batch > 0, 'There is no Apply to undo.');
  await writeOwnerCells(context, data.source.accountsSheet, plan.ownerCells, options);
  await renderSheets(context, [historySheet(plan.remainingHistory)], options);
  return { restored: plan.ownerCells.length, batch: plan.batch, problems };
}
