/**
 * Sheet cells as Office.js receives them: formulas with their '=', text protected from Excel's
 * typing rules, and styles grouped into rectangles so one command formats many cells. Pure.
 */
import { writableValue, type CellStyle, type CellValue, type SheetCell } from '../../core/report/sheet';

export type CellInput = string | number | boolean | null;

const ERROR_TEXT = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)$/i;
const NUMBER_OR_DATE_LIKE = /^[\s\d.,:/\-+%$€£()eE]+$/;
const MONTH_DATE_LIKE = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/]*\d/i;

/**
 * Text as Office.js must receive it to store exactly that text: Excel parses what an add-in
 * writes as if typed, so "=x", "+1", "-", "2-4", "0042", "TRUE" and "Mar 5" would become formulas,
 * numbers, dates or booleans. Those get a leading apostrophe (Excel's text marker, not shown).
 */
export function literalText(text: string): string {
  const coercible =
    /^[=+\-@']/.test(text) ||
    /^(true|false)$/i.test(text.trim()) ||
    ERROR_TEXT.test(text.trim()) ||
    (/\d/.test(text) && NUMBER_OR_DATE_LIKE.test(text)) ||
    MONTH_DATE_LIKE.test(text.trim()) ||
    /\d\s*(am|pm)$/i.test(text.trim());
  return coercible ? `'${text}` : text;
}

/** A plain value as written to `range.values` / `range.formulas`. Non-finite numbers are left empty. */
export function valueInput(value: CellValue): CellInput {
  if (typeof value === 'string') return literalText(value);
  return writableValue(value);
}

/** What to write for one cell: the formula (with '=') for a formula cell, the value otherwise. */
export function cellInput(cell: SheetCell | null | undefined): CellInput {
  if (!cell) return null;
  if (cell.formula) return `=${cell.formula}`;
  return valueInput(cell.value);
}

// ---------------------------------------------------------------- styles

/** The style of a cell minus its number format (which is written per cell as a 2-D array). */
export type FormatStyle = Omit<CellStyle, 'numFmt'>;

const STYLE_KEYS: (keyof FormatStyle)[] = ['bold', 'italic', 'wrap', 'fill', 'fontColor', 'align', 'size'];

function formatStyle(cell: SheetCell | null | undefined): { key: string; style: FormatStyle } | null {
  if (!cell) return null;
  const style: FormatStyle = {};
  let any = false;
  for (const k of STYLE_KEYS) {
    if (cell[k] !== undefined) {
      (style as Record<string, unknown>)[k] = cell[k];
      any = true;
    }
  }
  return any ? { key: JSON.stringify(STYLE_KEYS.map((k) => style[k] ?? null)), style } : null;
}

/** A block of cells sharing one style. Zero-based row and column. */
export interface StyleRect {
  row: number;
  col: number;
  rows: number;
  cols: number;
  style: FormatStyle;
}

/**
 * Covers every styled cell with rectangles of identical style: runs along each row, stacked
 * downwards while the run below has the same columns and style (a styled column of 40,000 rows
 * is one rectangle).
 */
export function styleRectangles(rows: (SheetCell | null)[][]): StyleRect[] {
  const done: StyleRect[] = [];
  let open = new Map<string, StyleRect>();
  rows.forEach((row, r) => {
    const next = new Map<string, StyleRect>();
    let c = 0;
    while (c < row.length) {
      const f = formatStyle(row[c]);
      if (!f) {
        c++;
        continue;
      }
      let end = c + 1;
      while (end < row.length && formatStyle(row[end])?.key === f.key) end++;
      const runKey = `${c}:${end}:${f.key}`;
      const above = open.get(runKey);
      if (above && above.row + above.rows === r) {
        above.rows++;
        next.set(runKey, above);
      } else {
        const rect: StyleRect = { row: r, col: c, rows: 1, cols: end - c, style: f.style };
        done.push(rect);
        next.set(runKey, rect);
      }
      c = end;
    }
    open = next;
  });
  return done;
}

/** Column width in characters (as in ExcelJS / the file) to points for `format.columnWidth`: ~7 px a character plus 5 px padding, whole pixels, 0.75 pt per px. */
export function widthToPoints(chars: number): number {
  return Math.round(chars * 7 + 5) * 0.75;
}
