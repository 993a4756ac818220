/**
 * SheetDescription -> ExcelJS worksheets. Replaces only the sheets recorded as ours (see
 * ownership.ts); a user sheet that already has a wanted name keeps it, and ours gets a free name,
 * reported in `renamed`. Charts are not written here (ExcelJS has none): see chart.ts / package.ts,
 * which take the returned `sheets` (names and references as written).
 */
import ExcelJS from 'exceljs';
import { writableValue, type CellStyle, type ConditionalFormat, type SheetCell, type SheetDescription } from '../../core/report/sheet';
import type { SheetRename } from '../../core/report/sheetNames';
import { readOwnedSheets, writeOwnedSheets } from './ownership';
import { representativeCells, styleKey } from './sheetXml';
import { planSheets } from './sheetPlan';

export interface RenderResult {
  /** Sheet names written, in the order of the descriptions. */
  written: string[];
  /** Our sheets that could not take their wanted name because a user sheet has it. */
  renamed: SheetRename[];
  /** Our sheets removed without a replacement (see RenderOptions.removeStale, or one of ours that held a wanted name). */
  removed: string[];
  /** The descriptions as written: names and every formula / chart reference follow `renamed`. */
  sheets: SheetDescription[];
  /**
   * With `cells: 'package'`: the sheets whose cells are still to be written into the package
   * (sheetXml.ts), each with its representative cell per style (style key -> [row, col], zero-based).
   */
  deferred: { sheet: SheetDescription; representatives: Map<string, [number, number]> }[];
}

export interface RenderOptions {
  /**
   * Also remove our sheets of roles not written now when this returns true (a re-run of rebalance
   * drops the Moves sheet of a scenario that no longer exists, but keeps the history). Default: keep them.
   */
  removeStale?: (role: string) => boolean;
  /** Open the workbook on the first sheet written (the rebalance output opens on Scenario Comparison). Default: leave the active tab. */
  activateFirst?: boolean;
  /**
   * Where our sheets' cells go: into ExcelJS's worksheets ('model', renderSheets' default: the
   * reference the tests compare the other with), or straight into the saved package ('package',
   * saveWorkbookBuffer's default: ExcelJS gets one cell per distinct style and saveWorkbookBuffer
   * writes the rest, see sheetXml.ts; the workbook then holds only their formats).
   */
  cells?: 'model' | 'package';
}

export function renderSheets(workbook: ExcelJS.Workbook, sheets: SheetDescription[], options: RenderOptions = {}): RenderResult {
  const plan = planSheets(
    workbook.worksheets.map((ws) => ws.name),
    readOwnedSheets(workbook),
    sheets,
    options.removeStale,
  );
  // our old sheets come out; a replaced one leaves its place in the tab order to its successor
  const positionOfRole = new Map<string, number>();
  for (const [role, old] of plan.replaces) positionOfRole.set(role, ordered(workbook.getWorksheet(old)!).orderNo);
  for (const name of plan.remove) workbook.removeWorksheet(workbook.getWorksheet(name)!.id);

  const deferred: RenderResult['deferred'] = [];
  for (const sheet of plan.asWritten) {
    const ws = workbook.addWorksheet(sheet.name);
    const position = positionOfRole.get(sheet.role);
    if (position !== undefined) ordered(ws).orderNo = position;
    if (options.cells === 'package') {
      const representatives = representativeCells(sheet);
      fillWorksheet(ws, { ...sheet, rows: onlyCells(sheet, representatives) });
      deferred.push({ sheet, representatives });
    } else fillWorksheet(ws, sheet);
  }
  writeOwnedSheets(workbook, plan.owned);
  if (options.activateFirst && plan.asWritten.length > 0) activate(workbook, plan.asWritten[0].name);
  return { written: plan.asWritten.map((s) => s.name), renamed: plan.renamed, removed: plan.removed, sheets: plan.asWritten, deferred };
}

/** The sheet's rows with only the cells at `at` (the rest empty). */
function onlyCells(sheet: SheetDescription, at: Map<string, [number, number]>): SheetDescription['rows'] {
  const rows: SheetDescription['rows'] = [];
  for (const [r, c] of at.values()) {
    const row = (rows[r] ??= []);
    row[c] = sheet.rows[r][c];
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return rows;
}

/** Makes `name` the active (and only selected) tab when the workbook is opened. */
function activate(workbook: ExcelJS.Workbook, name: string): void {
  const tabs = workbook.worksheets; // ExcelJS returns them in tab order (orderNo)
  const index = tabs.findIndex((ws) => ws.name === name);
  if (index < 0) return;
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: 'visible' }];
  for (const ws of tabs) {
    const view = ws.views?.[0] ?? {};
    // ExcelJS writes tabSelected (sheet-view-xform) but its typings do not list it.
    ws.views = [{ ...view, tabSelected: ws.name === name } as unknown as ExcelJS.WorksheetView];
  }
}

/** ExcelJS keeps sheet order in `orderNo` (not in its typings); a replaced sheet takes its predecessor's place. */
function ordered(ws: ExcelJS.Worksheet): { orderNo: number } {
  return ws as unknown as { orderNo: number };
}

export function fillWorksheet(ws: ExcelJS.Worksheet, sheet: SheetDescription): void {
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  sheet.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell) writeCell(ws.getCell(r + 1, c + 1), cell, styles);
    });
  });
  sheet.columnWidths?.forEach((width, c) => {
    ws.getColumn(c + 1).width = width;
  });
  if (sheet.print) {
    ws.pageSetup.orientation = sheet.print.landscape ? 'landscape' : 'portrait';
    if (sheet.print.fitToWidth) Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: sheet.print.onePage ? 1 : 0 });
  }
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    ws.views = [{ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }];
  }
  for (const range of sheet.merges ?? []) ws.mergeCells(range);
  (sheet.conditionalFormats ?? []).forEach((cf, i) => ws.addConditionalFormatting(conditionalFormatting(cf, i + 1)));
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
}

function writeCell(target: ExcelJS.Cell, cell: SheetCell, styles: Map<string, Partial<ExcelJS.Style>>): void {
  const value = writableValue(cell.value);
  if (cell.formula) {
    target.value = value === null ? { formula: cell.formula, date1904: false } : { formula: cell.formula, result: value, date1904: false };
  } else {
    target.value = value;
  }
  target.style = sharedStyle(cell, styles);
}

/**
 * The ExcelJS style of a cell, one object per distinct style in a sheet. ExcelJS's writer serializes
 * each style object once (it keeps them in a WeakMap), so cells sharing one cost nothing more; with a
 * fresh object per cell it serialized a style for every cell (2.4 s of the 12 s it took to save a
 * 50k-account output). Nothing changes a cell's style after this, so sharing is safe.
 */
function sharedStyle(style: SheetCell, styles: Map<string, Partial<ExcelJS.Style>>): Partial<ExcelJS.Style> {
  const key = styleKey(style);
  let shared = styles.get(key);
  if (!shared) styles.set(key, (shared = excelStyle(style)));
  return shared;
}

function excelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.numFmt) out.numFmt = style.numFmt;
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.size) font.size = style.size;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  if (Object.keys(font).length > 0) out.font = font;
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.align || style.wrap) {
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (style.align) alignment.horizontal = style.align;
    if (style.wrap) alignment.wrapText = true;
    alignment.vertical = 'top';
    out.alignment = alignment;
  }
  return out;
}

function conditionalFormatting(cf: ConditionalFormat, priority: number): ExcelJS.ConditionalFormattingOptions {
  const style: Partial<ExcelJS.Style> = {};
  if (cf.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } };
  if (cf.fontColor || cf.bold) {
    style.font = {};
    if (cf.fontColor) style.font.color = { argb: argb(cf.fontColor) };
    if (cf.bold) style.font.bold = true;
  }
  return { ref: cf.range, rules: [{ type: 'expression', priority, formulae: [cf.formula], style }] };
}

/** 'DDEBF7' -> 'FFDDEBF7' (ExcelJS colours carry alpha first). */
export function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return h.length === 8 ? h : `FF${h}`;
}
