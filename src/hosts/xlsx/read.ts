/**
 * Workbook -> plain values, the way Office.js `values` gives them: every worksheet from A1 as a
 * rectangle of RawCell, plus its Excel Tables. ExcelJS's rich values are flattened here (rich
 * text -> text, formula -> its cached result, hyperlink -> its text, error -> "#N/A"), so the
 * core never sees an ExcelJS type. The hosts get the workbook's bytes (the CLI from a file, the page
 * from the user's pick) and read them (readSheetsOf: our own reader of the package, ExcelJS where
 * it refuses one); no file-system import here.
 */
import ExcelJS from 'exceljs';
import type { RawCell } from '../../core/model';
import type { SheetValues } from '../../core/read/locate';
import { OWNERSHIP_SHEET } from '../../core/report/ownership';
import { parseA1Range, writableValue, type SheetDescription } from '../../core/report/sheet';
import { readOwnedSheets } from './ownership';
import { readPackageSheets, type WorkbookSheets } from './readPackage';
import { mergedCells, XML_INVALID_CHARACTERS } from './sheetXml';

/** The workbook ExcelJS reads from `bytes`. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

/**
 * The sheets of the workbook in `bytes`, our output sheets left out but those `keep` accepts (by
 * role and name): read straight from its package (readPackage.ts), or, for a package that reader
 * refuses, through ExcelJS's model of the whole workbook.
 */
export async function readSheetsOf(bytes: Uint8Array, keep: (role: string, name: string) => boolean = () => false): Promise<WorkbookSheets> {
  const read = await readPackageSheets(bytes, keep);
  if (read) return read;
  const workbook = await loadWorkbook(bytes);
  const owned = readOwnedSheets(workbook);
  const skip = new Set([...owned].filter(([role, name]) => !keep(role, name)).map(([, name]) => name));
  const all = sheetValuesOf(workbook);
  return { sheets: all.filter((sheet) => !skip.has(sheet.name)), owned, names: all.map((sheet) => sheet.name) };
}

/** The values of every worksheet of ExcelJS's model except our very hidden bookkeeping sheet. */
export function sheetValuesOf(workbook: ExcelJS.Workbook): SheetValues[] {
  return workbook.worksheets.filter((ws) => ws.name !== OWNERSHIP_SHEET).map(worksheetValues);
}

/**
 * A described sheet's values as they read back from the saved file (the standalone page reads the
 * sheets it wrote from their descriptions): a formula's value, nothing for
 * a number no file holds or a cell a merged range covers (not its first), strings without the
 * control characters XML cannot hold; the rectangle from A1 to the last cell with a value.
 */
export function describedValues(sheet: SheetDescription): SheetValues {
  const covered = mergedCells(sheet, () => 0);
  const read = (r: number, c: number): RawCell => {
    const cell = sheet.rows[r]?.[c];
    if (!cell || covered.get(r)?.has(c)) return null;
    const value = writableValue(cell.value);
    return typeof value === 'string' ? value.replace(XML_INVALID_CHARACTERS, '') : value;
  };
  let lastRow = 0;
  let lastCol = 0;
  sheet.rows.forEach((row, r) => {
    for (let c = row.length - 1; c >= 0; c--)
      if (read(r, c) !== null) {
        lastRow = r + 1;
        lastCol = Math.max(lastCol, c + 1);
        break;
      }
  });
  const values: RawCell[][] = [];
  for (let r = 0; r < lastRow; r++) values.push(Array.from({ length: lastCol }, (_, c) => read(r, c)));
  return { name: sheet.name, values };
}

export function worksheetValues(ws: ExcelJS.Worksheet): SheetValues {
  let lastRow = 0;
  let lastCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (rawValue(cell) !== null) {
        lastRow = Math.max(lastRow, r);
        lastCol = Math.max(lastCol, c);
      }
    });
  });
  const values = block(ws, 1, 1, lastRow, lastCol);
  const listObjects = tablesOf(ws);
  return listObjects.length > 0 ? { name: ws.name, values, listObjects } : { name: ws.name, values };
}

function block(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): RawCell[][] {
  const out: RawCell[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const line: RawCell[] = [];
    for (let c = left; c <= right; c++) line.push(rawValue(row.getCell(c)));
    out.push(line);
  }
  return out;
}

interface TableModel {
  name?: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
  totalsRow?: boolean;
  columns?: unknown[];
}

function tablesOf(ws: ExcelJS.Worksheet): NonNullable<SheetValues['listObjects']> {
  const found: NonNullable<SheetValues['listObjects']> = [];
  for (const t of ws.getTables() as unknown as { table?: TableModel }[]) {
    const model = t.table;
    const ref = model?.tableRef ?? model?.ref;
    if (!model || !ref) continue;
    const range = decodeRange(ref, model.columns?.length ?? 1);
    if (!range) continue;
    const bottom = model.totalsRow ? range.bottom - 1 : range.bottom;
    found.push({
      name: model.displayName ?? model.name ?? '',
      origin: { row: range.top, col: range.left },
      values: block(ws, range.top, range.left, bottom, range.right),
    });
  }
  return found;
}

/** A table's range; a table given by its top-left cell only spans its `width` columns. */
function decodeRange(ref: string, width: number): { top: number; left: number; bottom: number; right: number } | null {
  const r = parseA1Range(ref);
  return r && !ref.includes(':') ? { ...r, right: r.left + width - 1 } : r;
}

/** One cell as RawCell. The second cell of a merge reads as empty, as in Excel. */
export function rawValue(cell: ExcelJS.Cell): RawCell {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  // `cell.value` drops a formula's falsy result (0, FALSE, ""); `cell.result` keeps it.
  if (cell.type === ExcelJS.ValueType.Formula) return flatten(cell.result ?? null);
  return flatten(cell.value);
}

function flatten(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((run) => run.text ?? '').join('');
  if ('error' in o) return String(o.error);
  if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? flatten(o.result) : null;
  if ('text' in o) return flatten(o.text);
  return null;
}
