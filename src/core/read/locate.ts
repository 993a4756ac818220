/**
 * Finding the Accounts, Reps and Settings tables in a workbook: by Excel Table name first, then by
 * sheet name, then by scanning every sheet for a header row with the columns the table needs.
 * A header row may sit below a title; a plain range ends at its first fully blank row.
 */
import type { Problem, RawCell, TableSource, WorkbookTables } from '../model';
import { a1 } from '../report/sheet';
import { isBlank, plural, squash } from './cells';
import { FIELDS, headerKey, isQuarterAttainment, looseHeaderKey, type TableName } from './headers';

export interface ListObjectValues {
  name: string;
  /** 1-based sheet row and column of the table's header cell. */
  origin: { row: number; col: number };
  /** Header row first. */
  values: RawCell[][];
}

export interface SheetValues {
  name: string;
  /** The used range from A1. */
  values: RawCell[][];
  listObjects?: ListObjectValues[];
}

/** How far down a sheet a header row is looked for. */
export const HEADER_SCAN_ROWS = 50;

const TABLE_NAMES: Record<TableName, string[]> = {
  Accounts: ['accounts', 'account', 'accountlist', 'customers'],
  Reps: ['reps', 'rep', 'salesreps', 'representatives', 'salesteam', 'team'],
  Settings: ['settings', 'setting', 'config', 'configuration', 'parameters', 'options'],
};

const REQUIRED_TEXT: Record<TableName, string> = {
  Accounts: 'Account ID and Owner columns',
  Reps: 'a Rep ID or Rep Name column and a rep column such as Status, FTE, Quota or Attainment',
  Settings: 'Setting and Value columns',
};

/** "tblAccounts", "Accounts_Table", "accounts" → "accounts". */
function nameMatches(kind: TableName, name: string): boolean {
  const s = squash(name).replace(/^(tbl|table)/, '').replace(/(tbl|table|sheet|data)$/, '');
  return TABLE_NAMES[kind].includes(s);
}

function has(keys: Set<string>, kind: TableName, field: string): boolean {
  const spec = FIELDS[kind].find((f) => f.field === field);
  return spec !== undefined && spec.synonyms.some((syn) => keys.has(headerKey(syn)));
}

/** Does this row look like the header row of `kind`? */
export function isHeaderRowOf(kind: TableName, row: readonly RawCell[]): boolean {
  const keys = new Set<string>();
  let quarters = false;
  for (const cell of row) {
    if (typeof cell !== 'string' || cell.trim() === '') continue;
    keys.add(headerKey(cell));
    keys.add(looseHeaderKey(cell));
    if (isQuarterAttainment(cell)) quarters = true;
  }
  const accounts = has(keys, 'Accounts', 'id') && has(keys, 'Accounts', 'owner');
  if (kind === 'Accounts') return accounts;
  if (kind === 'Settings') return has(keys, 'Settings', 'name') && has(keys, 'Settings', 'value');
  const repKey = has(keys, 'Reps', 'id') || has(keys, 'Reps', 'name');
  const repColumn = quarters || ['status', 'fte', 'quota', 'attainment', 'capacity', 'homeLat', 'tenureMonths', 'hireDate', 'manager'].some((f) => has(keys, 'Reps', f));
  return repKey && repColumn && !accounts;
}

interface Located {
  source: TableSource;
  /** For plain ranges: the columns used (0-based, inclusive) and the last data row index. */
  plain?: { sheet: SheetValues; c0: number; c1: number; lastRow: number };
}

function rowBlank(row: readonly RawCell[] | undefined, c0: number, c1: number): boolean {
  if (!row) return true;
  for (let c = c0; c <= c1; c++) if (!isBlank(row[c] ?? null)) return false;
  return true;
}

/** Runs of non-blank cells in a row, as [first, last] column indexes. */
function runs(row: readonly RawCell[]): [number, number][] {
  const out: [number, number][] = [];
  for (let c = 0; c < row.length; c++) {
    if (isBlank(row[c])) continue;
    const start = c;
    while (c + 1 < row.length && !isBlank(row[c + 1])) c++;
    out.push([start, c]);
  }
  return out;
}

/**
 * The plain range whose header is row index `hr`, columns c0..c1 (default: the row's non-blank
 * span), down to the first row that is blank across those columns.
 */
function plainRange(sheet: SheetValues, hr: number, span?: [number, number]): Located {
  const header = sheet.values[hr];
  let [c0, c1] = span ?? [0, header.length - 1];
  if (!span) {
    while (c0 < header.length && isBlank(header[c0])) c0++;
    while (c1 > c0 && isBlank(header[c1])) c1--;
  }
  let end = hr + 1;
  while (end < sheet.values.length && !rowBlank(sheet.values[end], c0, c1)) end++;
  const values: RawCell[][] = [];
  for (let r = hr; r < end; r++) {
    const row = sheet.values[r] ?? [];
    const out: RawCell[] = new Array(c1 - c0 + 1);
    for (let c = c0; c <= c1; c++) out[c - c0] = row[c] ?? null;
    values.push(out);
  }
  return { source: { sheet: sheet.name, origin: { row: hr + 1, col: c0 + 1 }, values }, plain: { sheet, c0, c1, lastRow: end - 1 } };
}

/**
 * Header candidates of `kind` on a row: the fewest adjacent runs of non-blank cells that hold the
 * required columns, so tables side by side are told apart; then widened over neighbouring runs
 * one blank header cell away that are not themselves another table's header (a column left
 * without a header inside a table).
 */
function headerSpans(kind: TableName, row: readonly RawCell[]): [number, number][] {
  const rs = runs(row);
  const others = (['Accounts', 'Reps', 'Settings'] as TableName[]).filter((k) => k !== kind);
  const foreign = (i: number) => others.some((k) => isHeaderRowOf(k, row.slice(rs[i][0], rs[i][1] + 1)));
  for (let len = 1; len <= rs.length; len++) {
    const out: [number, number][] = [];
    for (let i = 0; i + len <= rs.length; i++) {
      if (!isHeaderRowOf(kind, row.slice(rs[i][0], rs[i + len - 1][1] + 1))) continue;
      let first = i;
      let last = i + len - 1;
      while (first > 0 && rs[first][0] - rs[first - 1][1] === 2 && !foreign(first - 1)) first--;
      while (last + 1 < rs.length && rs[last + 1][0] - rs[last][1] === 2 && !foreign(last + 1)) last++;
      out.push([rs[first][0], rs[last][1]]);
    }
    if (out.length > 0) return out;
  }
  return [];
}

function fromListObject(sheet: SheetValues, lo: ListObjectValues): Located {
  return { source: { sheet: sheet.name, origin: lo.origin, values: lo.values, tableName: lo.name } };
}

const keyOf = (l: Located) => `${l.source.sheet}!${l.source.origin.row}:${l.source.origin.col}`;

function scanSheet(kind: TableName, sheet: SheetValues, claimed: Set<string>): Located | null {
  for (const lo of sheet.listObjects ?? []) {
    const l = fromListObject(sheet, lo);
    if (!claimed.has(keyOf(l)) && isHeaderRowOf(kind, lo.values[0] ?? [])) return l;
  }
  const limit = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = sheet.values[r];
    if (!row || insideListObject(sheet, r)) continue;
    for (const span of headerSpans(kind, row)) {
      const l = plainRange(sheet, r, span);
      if (!claimed.has(keyOf(l))) return l;
    }
  }
  return null;
}

function insideListObject(sheet: SheetValues, r: number): boolean {
  return (sheet.listObjects ?? []).some((lo) => r + 1 >= lo.origin.row && r + 1 < lo.origin.row + lo.values.length);
}

/** A sheet named for the table: its matching Excel Table, else its header row, else its first non-blank row. */
function fromNamedSheet(kind: TableName, sheet: SheetValues, claimed: Set<string>): Located | null {
  const found = scanSheet(kind, sheet, claimed);
  if (found) return found;
  const los = sheet.listObjects ?? [];
  if (los.length === 1 && !claimed.has(keyOf(fromListObject(sheet, los[0])))) return fromListObject(sheet, los[0]);
  // No full header: the first row naming the table's key column, else the first row with two or
  // more cells (a title has one), else the first non-blank row; the reader reports what is missing.
  const limit = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
  const key = KEY_FIELDS[kind];
  const tests: ((row: readonly RawCell[]) => boolean)[] = [
    (row) => {
      const keys = new Set(row.filter((c): c is string => typeof c === 'string').flatMap((c) => [headerKey(c), looseHeaderKey(c)]));
      return key.some((f) => has(keys, kind, f));
    },
    (row) => row.filter((c) => !isBlank(c)).length >= 2,
    (row) => !rowBlank(row, 0, row.length - 1),
  ];
  for (const test of tests) {
    for (let r = 0; r < limit; r++) {
      const row = sheet.values[r];
      if (!row || !test(row)) continue;
      const l = plainRange(sheet, r);
      return claimed.has(keyOf(l)) ? null : l;
    }
  }
  return null;
}

const KEY_FIELDS: Record<TableName, string[]> = { Accounts: ['id', 'owner'], Reps: ['id', 'name'], Settings: ['name', 'value'] };

function locate(kind: TableName, sheets: SheetValues[], claimed: Set<string>): Located | null {
  for (const sheet of sheets) {
    for (const lo of sheet.listObjects ?? []) {
      const l = fromListObject(sheet, lo);
      if (nameMatches(kind, lo.name) && !claimed.has(keyOf(l))) return l;
    }
  }
  for (const sheet of sheets) {
    if (!nameMatches(kind, sheet.name)) continue;
    const l = fromNamedSheet(kind, sheet, claimed);
    if (l) return l;
  }
  for (const sheet of sheets) {
    const l = scanSheet(kind, sheet, claimed);
    if (l) return l;
  }
  return null;
}

/** Non-blank rows under a plain range's ending blank row, not part of another table: read nowhere, so say so. */
function warnRowsBelow(kind: TableName, l: Located, all: Located[], problems: Problem[]): void {
  if (!l.plain) return;
  const { sheet, c0, c1, lastRow } = l.plain;
  const taken = (r: number) =>
    all.some((o) => o.source.sheet === sheet.name && r + 1 >= o.source.origin.row && r + 1 < o.source.origin.row + o.source.values.length) ||
    insideListObject(sheet, r);
  let count = 0;
  let first = -1;
  let last = -1;
  for (let r = lastRow + 2; r < sheet.values.length; r++) {
    if (rowBlank(sheet.values[r], c0, c1) || taken(r)) continue;
    count++;
    if (first < 0) first = r;
    last = r;
  }
  if (count === 0) return;
  problems.push({
    severity: 'warning',
    sheet: sheet.name,
    cell: `${a1(first + 1, c0 + 1)}:${a1(last + 1, c1 + 1)}`,
    message: `${plural(count, 'non-blank row')} below the blank row ${lastRow + 2} were not read as part of the ${kind} table; remove the blank row (or make the data an Excel Table) to include them`,
  });
}

export function findTables(sheets: SheetValues[]): { tables: WorkbookTables | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const claimed = new Set<string>();
  const found: Partial<Record<TableName, Located>> = {};
  for (const kind of ['Accounts', 'Reps', 'Settings'] as TableName[]) {
    const l = locate(kind, sheets, claimed);
    if (l) {
      found[kind] = l;
      claimed.add(keyOf(l));
    }
  }
  const all = Object.values(found).filter((l): l is Located => l !== undefined);
  for (const kind of ['Accounts', 'Reps', 'Settings'] as TableName[]) {
    const l = found[kind];
    if (l) warnRowsBelow(kind, l, all, problems);
    else if (kind === 'Settings') problems.push({ severity: 'info', sheet: 'Settings', cell: '', message: 'No Settings table found; the defaults are used' });
    else {
      const names = sheets.map((s) => s.name).join(', ') || 'none';
      problems.push({
        severity: 'error',
        sheet: kind,
        cell: '',
        message: `No ${kind} table found: looked for an Excel Table named "${kind}", a sheet named "${kind}", and a header row (in the first ${HEADER_SCAN_ROWS} rows) with ${REQUIRED_TEXT[kind]} on sheets ${names}`,
      });
    }
  }
  const tables = found.Accounts && found.Reps ? { accounts: found.Accounts.source, reps: found.Reps.source, settings: found.Settings?.source } : null;
  return { tables, problems };
}
