/**
 * A description of one output sheet, as data. Every workbook host (Office.js, ExcelJS) renders
 * these and nothing else, so the two cannot drift apart. Pure types and small helpers only.
 */

export type CellValue = string | number | boolean | null;

/** What a workbook host writes for a value: a number that is not finite (no file format holds one) is left empty. */
export function writableValue(value: CellValue): CellValue {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

export interface CellStyle {
  /** Excel number format, e.g. '#,##0', '0.0%', '$#,##0', 'yyyy-mm-dd'. */
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  wrap?: boolean;
  /** 6-digit hex without '#', e.g. 'DDEBF7'. */
  fill?: string;
  fontColor?: string;
  align?: 'left' | 'center' | 'right';
  /** Font size in points (default 11). */
  size?: number;
}

export interface SheetCell extends CellStyle {
  /** The value shown. For a formula cell this is the value the formula computes (written as its cached result). */
  value: CellValue;
  /** A native formula without the leading '=' (common functions only: SUM, SUMIFS, COUNTIFS, INDEX, MATCH, IF, ...). */
  formula?: string;
}

export interface ConditionalFormat {
  /** A1 range on this sheet, e.g. 'F5:F20'. */
  range: string;
  /** An Excel formula (no '=') relative to the top-left cell of `range`, true where the format applies. */
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

/** A1 reference to cells of a sheet, sheet-qualified when used in a chart: `'Scenario Comparison'!$B$2:$D$2`. */
export type RangeRef = string;

export interface ChartSeries {
  /** Series name (literal text). */
  name: string;
  /** Bar/column: category labels; scatter: x values. */
  categories: RangeRef;
  /** Bar/column: values; scatter: y values. */
  values: RangeRef;
  /** 6-digit hex colour, optional. */
  color?: string;
}

export interface ChartDescription {
  kind: 'column' | 'bar' | 'scatter';
  title: string;
  series: ChartSeries[];
  /** Zero-based cell anchors: the chart spans from `from` (top-left) to `to` (bottom-right). */
  from: { col: number; row: number };
  to: { col: number; row: number };
  xAxisTitle?: string;
  yAxisTitle?: string;
}

export interface SheetDescription {
  /** Exact sheet name (Excel rules: <= 31 chars, none of : \ / ? * [ ]). */
  name: string;
  /** Stable identity of the sheet across runs ('scenario-comparison', 'moves:Minimal', ...), used to mark and replace our own sheets. */
  role: string;
  /** Rows from A1 down; null = empty cell. Rows may differ in length. */
  rows: (SheetCell | null)[][];
  /** Width per column in characters, from column A. */
  columnWidths?: number[];
  /** Frozen rows/columns at the top-left. */
  freeze?: { rows: number; cols: number };
  conditionalFormats?: ConditionalFormat[];
  charts?: ChartDescription[];
  /** Merged ranges, A1 notation. */
  merges?: string[];
  tabColor?: string;
  /** Page setup for printing: orientation, scaling to one page wide (as many pages tall as needed), or to one page in all. */
  print?: { landscape: boolean; fitToWidth: boolean; onePage?: boolean };
}

/** Column letters to number (1-based): A -> 1, AA -> 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * An A1 address ('$B$2:D9', 'C5') as 1-based corners, '$' ignored; a single cell gives its own
 * corners. Null when it is not an address.
 */
export function parseA1Range(address: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(address.trim());
  if (!m) return null;
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? columnNumber(m[3]) : left };
}

/**
 * A range reference split into its sheet (quotes undone; null when the reference names none) and
 * its address without '$': `'Scenario Comparison'!$B$2:$D$2` -> Scenario Comparison, B2:D2.
 */
export function splitSheetRef(ref: string): { sheet: string | null; address: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref.trim());
  if (!m) return { sheet: null, address: ref.replace(/\$/g, '').trim() };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: m[3].replace(/\$/g, '') };
}

/** Column number (1-based) to letters: 1 -> A, 27 -> AA. */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 1-based row and column to an A1 address. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Sheet name quoted for use in a formula or chart reference. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
