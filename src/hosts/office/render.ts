/**
 * Renders SheetDescriptions into the open workbook. No computation of its own: the description
 * says what goes where; this module decides only sheet names, batching and API-set fallbacks.
 *
 * - Our sheets (marked with their role, see marker.ts) are cleared and rewritten in place, so
 *   references to them survive; a user's sheet is never touched, even with the wanted name: ours
 *   then takes "Name (2)" and the pair is reported in `renamed` (formula and chart references to
 *   it are rewritten to the name used).
 * - Every sync stays under `maxCellsPerSync` cells and about `maxBytesPerSync` bytes of payload
 *   (defaults 20,000 and 1 MB; Excel on the web refuses requests over 5 MB).
 * - Calculation is suspended for each batch (`suspendApiCalculationUntilNextSync`, ExcelApi 1.6).
 */
import type { SheetDescription } from '../../core/report/sheet';
import { DEFAULT_BUDGET, SyncBatcher, COMMAND_BYTES } from './batch';
import { officeApiSupport, type ApiSupport } from './capabilities';
import { writeChart } from './charts';
import { discoverSheets, markSheet, saveRoleSetting } from './marker';
import { applyRenames, type SheetRename } from '../../core/report/sheetNames';
import { clearSheet, writeCells, writeSheetLayout, writeStyles, type WriteEnv } from './sheetWriter';
import { planSheetTargets } from './targets';

export interface RenderProgress {
  /** Sheet being written (the name used). */
  sheet: string;
  /** Cells queued so far, over all sheets, and the total to write. */
  cellsDone: number;
  cellsTotal: number;
}


export interface RenderOptions {
  maxCellsPerSync?: number;
  maxBytesPerSync?: number;
  onProgress?: (progress: RenderProgress) => void;
  /** Requirement-set check; defaults to asking Office.js. */
  supports?: ApiSupport;
}

export interface RenderResult {
  /** Names of the sheets written, in description order. */
  written: string[];
  /** Sheets that could not take the wanted name. */
  renamed: SheetRename[];
}

export async function renderSheets(
  context: Excel.RequestContext,
  wantedSheets: SheetDescription[],
  options: RenderOptions = {},
): Promise<RenderResult> {
  const supports = options.supports ?? officeApiSupport;
  const existing = await discoverSheets(context, supports);
  const targets = planSheetTargets(wantedSheets, existing);
  // formulas, conditional formats and chart ranges follow the names used, once, in the core
  const { sheets, renamed } = applyRenames(wantedSheets, targets.map((t) => t.used));
  const batcher = new SyncBatcher(
    context,
    {
      maxCellsPerSync: options.maxCellsPerSync ?? DEFAULT_BUDGET.maxCellsPerSync,
      maxBytesPerSync: options.maxBytesPerSync ?? DEFAULT_BUDGET.maxBytesPerSync,
    },
    supports('1.6') ? () => context.application.suspendApiCalculationUntilNextSync() : undefined,
  );
  const env: WriteEnv = { batcher, supports };
  const needIds = !supports('1.12') && supports('1.4');

  // Charts of the sheets we replace are loaded so that they can be deleted.
  const reused = targets.filter((t) => t.reuse !== null).map((t) => existing[t.reuse as number].worksheet);
  if (reused.length > 0) {
    reused.forEach((ws) => ws.charts.load('items/name'));
    await context.sync();
  }

  const worksheets: Excel.Worksheet[] = [];
  for (const [i, target] of targets.entries()) {
    let ws: Excel.Worksheet;
    if (target.reuse !== null) {
      const current = existing[target.reuse];
      ws = current.worksheet;
      await clearSheet(ws, env);
      if (current.name !== target.used) ws.name = target.used;
    } else {
      await batcher.reserve(0, COMMAND_BYTES);
      ws = context.workbook.worksheets.add(target.used);
      if (needIds) ws.load('id');
    }
    await batcher.reserve(0, COMMAND_BYTES);
    markSheet(ws, sheets[i].role, supports);
    worksheets.push(ws);
  }

  const cellsTotal = sheets.reduce((n, s) => n + s.rows.length * s.rows.reduce((w, r) => Math.max(w, r.length), 0), 0);
  let cellsDone = 0;
  for (const [i, sheet] of sheets.entries()) {
    const { name } = sheet;
    const onCells = (cells: number): void => {
      cellsDone += cells;
      options.onProgress?.({ sheet: name, cellsDone, cellsTotal });
    };
    await writeCells(worksheets[i], sheet.rows, { ...env, onCells });
    await writeStyles(worksheets[i], sheet.rows, env);
    await writeSheetLayout(worksheets[i], sheet, env);
  }

  const sheetFor = (name: string): Excel.Worksheet => {
    const index = targets.findIndex((t) => t.used === name);
    return index >= 0 ? worksheets[index] : context.workbook.worksheets.getItem(name);
  };
  for (const [i, sheet] of sheets.entries()) {
    for (const chart of sheet.charts ?? []) await writeChart(worksheets[i], sheet.name, chart, { batcher, supports, sheetFor });
  }
  await batcher.flush();

  if (needIds) {
    const claimed = new Set(targets.map((t) => t.reuse));
    const roles = [
      ...existing.filter((s, i) => s.role !== null && !claimed.has(i)).map((s) => ({ id: s.id, role: s.role as string })),
      ...worksheets.map((ws, i) => ({ id: ws.id, role: sheets[i].role })),
    ];
    await batcher.reserve(0, COMMAND_BYTES + JSON.stringify(roles).length);
    saveRoleSetting(context, roles, supports);
    await batcher.flush();
  }
  return { written: sheets.map((s) => s.name), renamed };
}
