/**
 * Apply and Undo on workbook bytes (browser page and Node alike; no file system): read the
 * workbook, plan with src/core/apply.ts, write the Owner cells and the `Rebalance History` sheet,
 * and save new bytes (charts carried over). The command line applies the owners of the
 * `Moves - <Scenario>` sheet a rebalance wrote, so what was reviewed (and perhaps edited by hand) is
 * what gets applied; the standalone page applies the plan its pane shows.
 */
import { HISTORY_ROLE, HISTORY_SHEET, historySheet, parseHistorySheet, parseMovesSheet, planApply, planUndo, type HistoryRow, type MovesRead, type OwnerCell } from '../../core/apply';
import type { Problem, RawCell, Rep, TerritoryData } from '../../core/model';
import { readWorkbookSheets } from '../../core/read/index';
import { columnNumber } from '../../core/report/sheet';
import { movesSheetName } from '../../core/report/common';
import { movesRole } from '../../core/report/moves';
import { readSheetsOf } from './read';
import type { WorkbookSheets } from './readPackage';
import type { SaveOptions } from './save';
import { writeOutputsInto } from './writeBytes';

export interface ApplyResult {
  /** True when new bytes were produced. */
  ok: boolean;
  /** Accounts whose owner was written (Apply) or restored (Undo). */
  changed: number;
  /** The history batch applied or undone (0 when none). */
  batch: number;
  problems: Problem[];
}

export interface AppliedWorkbook {
  result: ApplyResult;
  /** The saved workbook; null when nothing was written. */
  buffer: Uint8Array | null;
}

/** An Apply or Undo made on an open workbook: the Owner cells are written; `history` is what the history sheet must now hold. */
interface WorkbookEdit {
  result: ApplyResult;
  history: HistoryRow[];
  /** The Owner cells written, and the sheet they are on. */
  ownerCells: OwnerCell[];
  accountsSheet: string;
}

/**
 * Writes `owners` (aligned with data.accounts, as the rebalance that produced them read the
 * workbook) into the Owner cells of the workbook in `bytes`, keeping the previous owners in the
 * history: the standalone page's Apply. No bytes when there are errors or no change. `read`: the
 * workbook's sheets as the caller has just read them from `bytes` (with the history), not read
 * again; `pack` as for SaveOptions.
 */
export async function applyOwnersToWorkbook(
  bytes: Uint8Array,
  data: TerritoryData,
  owners: readonly (string | null)[],
  scenarioName: string,
  appliedAt: string,
  options: { read?: WorkbookSheets; pack?: SaveOptions['pack'] } = {},
): Promise<AppliedWorkbook> {
  const edit = planApplyIn(options.read ?? (await readSheetsOf(bytes, (role) => role === HISTORY_ROLE)), data, owners, scenarioName, appliedAt);
  return { result: edit.result, buffer: edit.result.ok ? await save(bytes, edit, options.pack) : null };
}

/** The Apply of `owners`: the Owner cells to write and the history after it (nothing when there are errors or no change). */
function planApplyIn(book: WorkbookSheets, data: TerritoryData, owners: readonly (string | null)[], scenarioName: string, appliedAt: string): WorkbookEdit {
  const before = historyIn(book);
  const plan = planApply(data, [...owners] as string[], scenarioName, appliedAt, { ownerCellsNow: ownerCellsNow(book, data), history: before.history });
  const problems = [...before.problems, ...plan.problems];
  if (plan.problems.some((p) => p.severity === 'error') || plan.batch === 0) return { result: notDone(problems), history: before.history, ownerCells: [], accountsSheet: data.source.accountsSheet };
  return { result: { ok: true, changed: plan.ownerCells.length, batch: plan.batch, problems }, history: plan.history, ownerCells: plan.ownerCells, accountsSheet: data.source.accountsSheet };
}

/** The Undo of the last Apply: the Owner cells that restore it and the history without it. */
function planUndoIn(book: WorkbookSheets): WorkbookEdit {
  const data = readWorkbookSheets(book.sheets);
  const before = historyIn(book);
  const column = data.source.ownerColumn;
  if (!column) return { result: notDone([{ severity: 'error', sheet: data.source.accountsSheet, cell: '', message: 'The Accounts table has no Owner column to restore.' }]), history: before.history, ownerCells: [], accountsSheet: data.source.accountsSheet };
  const cellsNow = ownerCellsNow(book, data);
  const current = data.accounts.map((a, i) => ({ accountId: a.id, row: a.row, value: cellsNow[i] }));
  const plan = planUndo(before.history, current, column, data.source.accountsSheet);
  const problems = [...before.problems, ...plan.problems];
  if (plan.batch === 0) return { result: notDone(problems), history: before.history, ownerCells: [], accountsSheet: data.source.accountsSheet };
  return { result: { ok: true, changed: plan.ownerCells.length, batch: plan.batch, problems }, history: plan.remainingHistory, ownerCells: plan.ownerCells, accountsSheet: data.source.accountsSheet };
}

export async function applyScenarioToWorkbook(bytes: Uint8Array, scenarioName: string, appliedAt: string, pack?: SaveOptions['pack']): Promise<AppliedWorkbook> {
  // the history and the Moves sheets (the one to apply, the others named when it is missing)
  const book = await readSheetsOf(bytes, (role) => role === HISTORY_ROLE || role.startsWith(movesRole('')));
  const data = readWorkbookSheets(book.sheets);
  const moves = movesIn(book, scenarioName, data.reps);
  if (moves.problems.some((p) => p.severity === 'error')) return { result: notDone(moves.problems), buffer: null };
  const problems: Problem[] = [...moves.problems];
  const known = new Set(data.accounts.map((a) => a.id));
  const strays = [...moves.owners.keys()].filter((id) => !known.has(id));
  if (strays.length > 0) {
    problems.push({ severity: 'warning', sheet: moves.sheet, cell: '', message: `${strays.length} moved account(s) not in the Accounts table were skipped: ${strays.slice(0, 5).join(', ')}.` });
  }
  const owners = data.accounts.map((a) => moves.owners.get(a.id) ?? a.owner);
  const edit = planApplyIn(book, data, owners, scenarioName, appliedAt);
  const result = { ...edit.result, problems: [...problems, ...edit.result.problems] };
  return { result, buffer: result.ok ? await save(bytes, edit, pack) : null };
}

/** Undoes the last Apply in the workbook in `bytes`; `read` as for applyOwnersToWorkbook, `pack` as for SaveOptions. */
export async function undoLastApplyInWorkbook(bytes: Uint8Array, options: { pack?: SaveOptions['pack']; read?: WorkbookSheets } = {}): Promise<AppliedWorkbook> {
  const { pack, read } = options;
  const edit = planUndoIn(read ?? (await readSheetsOf(bytes, (role) => role === HISTORY_ROLE)));
  return { result: edit.result, buffer: edit.result.ok ? await save(bytes, edit, pack) : null };
}

function valuesOf(book: WorkbookSheets, sheet: string): RawCell[][] | null {
  return book.sheets.find((s) => s.name === sheet)?.values ?? null;
}

function notDone(problems: Problem[]): ApplyResult {
  return { ok: false, changed: 0, batch: 0, problems };
}

/**
 * The edited workbook as new bytes: the Owner cells and the history sheet written into the input's
 * own package, every other part kept as it was (or through ExcelJS's whole workbook, writeBytes.ts).
 * `pack`: how the package is compressed (the command line passes Node's zlib, which copies the
 * untouched parts' compressed bytes).
 */
async function save(original: Uint8Array, edit: WorkbookEdit, pack?: SaveOptions['pack']): Promise<Uint8Array> {
  const cellEdits = { sheet: edit.accountsSheet, cells: edit.ownerCells };
  return (await writeOutputsInto(original, [historySheet(edit.history)], { cellEdits, pack })).buffer;
}

/** The Owner cells as they are, aligned with data.accounts. */
function ownerCellsNow(book: WorkbookSheets, data: TerritoryData): RawCell[] {
  const column = data.source.ownerColumn;
  const values = valuesOf(book, data.source.accountsSheet);
  if (!values || !column) return data.accounts.map((a) => a.owner);
  const col = columnNumber(column) - 1;
  return data.accounts.map((a) => values[a.row - 1]?.[col] ?? null);
}

function historyIn(book: WorkbookSheets): { history: HistoryRow[]; problems: Problem[] } {
  const name = book.owned.get(HISTORY_ROLE) ?? HISTORY_SHEET;
  const values = valuesOf(book, name);
  return values ? parseHistorySheet(values, name) : { history: [], problems: [] };
}

/** The scenario's Moves sheet (found through the ownership record, else by its name, in any case), parsed. */
function movesIn(book: WorkbookSheets, scenarioName: string, reps: Rep[]): MovesRead & { sheet: string } {
  const wanted = book.owned.get(movesRole(scenarioName)) ?? movesSheetName(scenarioName);
  const read = book.sheets.find((s) => s.name === wanted) ?? book.sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
  if (!read) {
    const scenarios = book.names.filter((n) => n.startsWith('Moves - ')).map((n) => n.slice('Moves - '.length));
    const hint = scenarios.length > 0 ? ` Scenarios in this workbook: ${scenarios.join(', ')}.` : ' Run rebalance first.';
    return { sheet: wanted, owners: new Map(), problems: [{ severity: 'error', sheet: wanted, cell: '', message: `No sheet "${wanted}" for scenario "${scenarioName}".${hint}` }] };
  }
  return { sheet: read.name, ...parseMovesSheet(read.values, reps, read.name) };
}
