/**
 * The user's tables read straight from the .xlsx package: each worksheet's cells as the values
 * ExcelJS gives through read.ts (a number in a date format is a Date, a formula is its cached
 * result, rich text is its text, an error is its code, a cell a merged range covers is empty), and
 * its Excel Tables. Where ExcelJS builds a model of every cell, row, style and formula (3.2 s and
 * ~0.4 GB at 50k accounts), this keeps only values: the CLI reads with it, and falls back to
 * ExcelJS for a package it returns null for (readBook's refusals, or a worksheet whose elements carry a
 * namespace prefix). Jszip only, no file system.
 */
import JSZip from 'jszip';
import type { RawCell } from '../../core/model';
import type { SheetValues } from '../../core/read/locate';
import { OWNERSHIP_SHEET, parseOwnership } from '../../core/report/ownership';
import { parseA1Range } from '../../core/report/sheet';
import { readBook, sharedStrings, textRuns, decodeText, REL_WORKSHEET, type Book } from './book';
import { rels, resolve } from './carry';
import { attributes } from './package';
import { attribute, items, section } from './styleMerge';
import { textAt } from './zipParts';

export interface WorkbookSheets {
  /** The worksheets read, in tab order (our record left out), as read.ts's sheetValuesOf gives them. */
  sheets: SheetValues[];
  /** Our output sheets, role -> sheet name, from the record (empty when the workbook has none). */
  owned: Map<string, string>;
  /** Every worksheet's name in tab order, those left out too (our record excepted). */
  names: string[];
}

/**
 * The worksheets of `bytes` but our record and our output sheets (those `keep` accepts, by role
 * and name, are read too), or null when the package is not one this reads (the caller then uses ExcelJS).
 */
export async function readPackageSheets(bytes: Uint8Array, keep: (role: string, name: string) => boolean = () => false): Promise<WorkbookSheets | null> {
  const zip = await JSZip.loadAsync(bytes);
  const book = await readBook(zip);
  if (!book) return null;
  const reader = await SheetReader.open(zip, book);
  const record = book.sheets.find((s) => s.name === OWNERSHIP_SHEET && s.type === REL_WORKSHEET);
  const recordValues = record ? await reader.read(record.path) : null;
  if (record && !recordValues) return null;
  const owned = recordValues ? parseOwnership(recordValues.values) : new Map<string, string>();
  const skip = new Set([...owned].filter(([role, name]) => !keep(role, name)).map(([, name]) => name));
  const sheets: SheetValues[] = [];
  const names: string[] = [];
  for (const entry of book.sheets) {
    if (entry.type !== REL_WORKSHEET || entry.name === OWNERSHIP_SHEET || !zip.file(entry.path)) continue;
    names.push(entry.name);
    if (skip.has(entry.name)) continue;
    const read = await reader.read(entry.path);
    if (!read) return null;
    const tables = await reader.tables(entry.path, read.values);
    sheets.push(tables.length > 0 ? { name: entry.name, values: read.values, listObjects: tables } : { name: entry.name, values: read.values });
  }
  return { sheets, owned, names };
}

/** Our record (role -> sheet name) in a package graft.ts edits; empty when there is none. */
export async function readRecord(zip: JSZip, book: Book): Promise<Map<string, string>> {
  const record = book.sheets.find((s) => s.name === OWNERSHIP_SHEET);
  if (!record) return new Map();
  const read = await (await SheetReader.open(zip, book)).read(record.path);
  return parseOwnership(read?.values ?? []);
}

/**
 * Built-in number formats whose numbers ExcelJS reads as dates (its isDateFmt on its table of
 * built-in formats; the locale-dependent ones, 27-36 and 50-81, it does not know and reads as numbers).
 */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A format code shows a date or time when, outside quotes and brackets, it has a date or time letter (as ExcelJS decides). */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

class SheetReader {
  private constructor(
    private readonly zip: JSZip,
    private readonly book: Book,
    private readonly dateStyles: Uint8Array,
    private readonly date1904: boolean,
    private shared: string[] | null,
  ) {}

  static async open(zip: JSZip, book: Book): Promise<SheetReader> {
    const stylesPath = book.targets.find((t) => t.type.endsWith('/styles'))?.path;
    const styles = (stylesPath && (await textAt(zip, stylesPath))) || '';
    const pr = /<workbookPr\b[^>]*>/.exec(book.xml)?.[0];
    const date1904 = pr ? /^(1|true)$/.test(attributes(pr).date1904 ?? '') : false;
    return new SheetReader(zip, book, dateStyles(styles), date1904, null);
  }

  /** A worksheet's values from A1 to its last cell with a value; null when its elements carry a prefix. */
  async read(path: string): Promise<{ values: RawCell[][] } | null> {
    const xml = (await textAt(this.zip, path)) ?? '';
    if (/<\w+:worksheet\b/.test(xml.slice(0, 2000))) return null;
    const shared = xml.includes('t="s"') ? (this.shared ??= await sharedStrings(this.zip, this.book)) : [];
    return { values: worksheetCells(xml, shared, this.dateStyles, this.date1904) };
  }

  /** The sheet's Excel Tables, each with its values (the totals row left out), as read.ts's tablesOf gives them. */
  async tables(path: string, values: RawCell[][]): Promise<NonNullable<SheetValues['listObjects']>> {
    const found: NonNullable<SheetValues['listObjects']> = [];
    const targets = (await rels(this.zip, path)).filter((r) => r.type.endsWith('/table') && !r.external && r.target);
    for (const r of targets) {
      const xml = await textAt(this.zip, resolve(path, r.target));
      const root = xml ? /<table\b[^>]*>/.exec(xml)?.[0] : undefined;
      if (!root) continue;
      const a = attributes(root);
      const range = a.ref ? parseA1Range(a.ref) : null;
      if (!range) continue;
      const bottom = a.totalsRowCount === '1' ? range.bottom - 1 : range.bottom;
      const width = range.right - range.left + 1;
      const block: RawCell[][] = [];
      for (let row = range.top; row <= bottom; row++) {
        const line = (values[row - 1] ?? []).slice(range.left - 1, range.right);
        while (line.length < width) line.push(null);
        block.push(line);
      }
      found.push({ name: a.displayName ?? a.name ?? '', origin: { row: range.top, col: range.left }, values: block });
    }
    return found;
  }
}

/** For each cell format (`s`), 1 when its number format is a date's. */
function dateStyles(stylesXml: string): Uint8Array {
  const formats = section(stylesXml, 'numFmts');
  const custom = new Map<number, string>();
  for (const tag of formats ? items(formats.inner, 'numFmt') : []) {
    const a = attributes(tag);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = section(stylesXml, 'cellXfs');
  return Uint8Array.from(xfs ? items(xfs.inner, 'xf') : [], (xf) => {
    const id = Number(attribute(xf, 'numFmtId') ?? 0);
    if (!id) return 0;
    const code = custom.get(id);
    if (code !== undefined) return isDateFormat(code) ? 1 : 0;
    return BUILT_IN_DATE_FORMATS.has(id) ? 1 : 0;
  });
}

const TAG = /<(row|c)\b([^>]*?)(\/?)>/g;

/**
 * A worksheet part's cells as a rectangle from A1 to the last cell with a value. A row or cell
 * without its address follows the one before it; a cell a merged range covers (not its first) is empty.
 */
function worksheetCells(xml: string, shared: readonly string[], dateStyle: Uint8Array, date1904: boolean): RawCell[][] {
  const start = xml.indexOf('<sheetData');
  const end = xml.indexOf('</sheetData>');
  const rows: RawCell[][] = [];
  let lastRow = 0;
  let lastCol = 0;
  if (start >= 0 && end > start) {
    let row = 0;
    let col = 0;
    TAG.lastIndex = start;
    for (let m = TAG.exec(xml); m && m.index < end; m = TAG.exec(xml)) {
      const attrs = m[2];
      if (m[1] === 'row') {
        const r = attr(attrs, 'r');
        row = r ? Number(r) : row + 1;
        col = 0;
        continue;
      }
      const ref = attr(attrs, 'r');
      col = ref ? columnOf(ref) : col + 1;
      if (ref) {
        const n = rowOf(ref);
        if (n) row = n;
      }
      if (m[3] === '/') continue;
      const close = xml.indexOf('</c>', TAG.lastIndex);
      if (close < 0) break;
      const value = cellValue(xml.slice(TAG.lastIndex, close), attr(attrs, 't'), Number(attr(attrs, 's') ?? 0), shared, dateStyle, date1904);
      TAG.lastIndex = close + 4;
      if (value === null || row < 1 || col < 1) continue;
      (rows[row - 1] ??= [])[col - 1] = value;
      if (row > lastRow) lastRow = row;
      if (col > lastCol) lastCol = col;
    }
  }
  for (const tag of xml.slice(end > 0 ? end : 0).match(/<mergeCell\b[^>]*>/g) ?? []) {
    const range = parseA1Range(attributes(tag).ref ?? '');
    if (!range) continue;
    for (let r = range.top; r <= range.bottom; r++) {
      const line = rows[r - 1];
      if (!line) continue;
      for (let c = range.left; c <= range.right; c++) if (r !== range.top || c !== range.left) delete line[c - 1];
    }
  }
  // the extent once merges are applied: a covered cell's value does not count
  let height = 0;
  let width = 0;
  for (let r = 0; r < lastRow; r++) {
    const line = rows[r];
    if (!line) continue;
    for (let c = Math.min(line.length, lastCol) - 1; c >= 0; c--)
      if (line[c] !== undefined) {
        height = r + 1;
        width = Math.max(width, c + 1);
        break;
      }
  }
  const out: RawCell[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const line = rows[r];
    const dense: RawCell[] = new Array(width);
    for (let c = 0; c < width; c++) dense[c] = line?.[c] ?? null;
    out[r] = dense;
  }
  return out;
}

/** One cell's value from its content (`<f>`, `<v>`, `<is>`), type `t` and format `s`. */
function cellValue(body: string, t: string | undefined, s: number, shared: readonly string[], dateStyle: Uint8Array, date1904: boolean): RawCell {
  if (t === 'inlineStr') {
    const is = /<is>([\s\S]*?)<\/is>/.exec(body);
    const text = is ? textRuns(is[1]) : '';
    return text === '' ? null : text;
  }
  const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
  if (!v) return null;
  switch (t) {
    case 's':
      return shared[parseInt(v, 10)] ?? null;
    case 'str':
      return decodeText(v);
    case 'b':
      return parseInt(v, 10) !== 0;
    case 'e':
      return decodeText(v);
    case 'd': {
      const d = new Date(v);
      return Number.isNaN(d.getTime()) ? null : d;
    }
    default: {
      const n = parseFloat(v);
      if (s > 0 && dateStyle[s] === 1) return new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86400000));
      return n;
    }
  }
}

/** An attribute's value in a tag's attribute text (`r`, `s`, `t`: never escaped), whatever whitespace precedes it. */
function attr(attrs: string, name: string): string | undefined {
  const key = `${name}="`;
  let at = attrs.indexOf(key);
  while (at >= 0 && !(at > 0 && attrs.charCodeAt(at - 1) <= 32)) at = attrs.indexOf(key, at + 1);
  if (at < 0) return undefined;
  const from = at + key.length;
  return attrs.slice(from, attrs.indexOf('"', from));
}

function columnOf(ref: string): number {
  let n = 0;
  for (let k = 0; k < ref.length; k++) {
    const ch = ref.charCodeAt(k);
    if (ch >= 65 && ch <= 90) n = n * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) n = n * 26 + ch - 96;
    else break;
  }
  return n;
}

function rowOf(ref: string): number {
  let k = 0;
  while (k < ref.length && ref.charCodeAt(k) > 57) k++;
  return Number(ref.slice(k)) || 0;
}
