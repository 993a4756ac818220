/**
 * Apply and Undo, shared by the workbook hosts. Apply writes a scenario's owners into the Accounts
 * table's Owner column and records, per changed account, the owner cell exactly as it was; Undo
 * puts the last batch back exactly. The record is an ordinary sheet, `Rebalance History`
 * (described and parsed here), so it survives closing the workbook and needs no add-in to read.
 * Pure: the hosts read the cells, pass them in, and write back the `ownerCells` returned.
 */
import type { Problem, RawCell, Rep, TerritoryData } from './model';
import { a1, type CellValue, type SheetDescription } from './report/sheet';

export const HISTORY_SHEET = 'Rebalance History';
export const HISTORY_ROLE = 'history';
export const HISTORY_HEADER = ['Batch', 'Applied At', 'Scenario', 'Account ID', 'Sheet Row', 'Previous Owner', 'New Owner'] as const;

export interface HistoryRow {
  /** 1 for the first Apply, then one more per Apply. */
  batch: number;
  /** When the batch was applied (ISO 8601 text, as the host gave it). */
  appliedAt: string;
  scenario: string;
  accountId: string;
  /** 1-based row on the Accounts sheet at the time of Apply. */
  row: number;
  /** The owner cell exactly as it was before (text stays text, a number stays a number, blank is null). */
  previousOwner: CellValue;
  newOwner: CellValue;
}

/** A value for the Owner column: `column` is a letter, `row` 1-based, on `data.source.accountsSheet`. */
export interface OwnerCell {
  row: number;
  column: string;
  value: CellValue;
}

export interface ApplyPlan {
  ownerCells: OwnerCell[];
  /** The number of this Apply's batch (0 when nothing changes). */
  batch: number;
  /** The history rows of this batch only. */
  batchRows: HistoryRow[];
  /** The whole history after this Apply: the previous rows, then this batch. Render with `historySheet`. */
  history: HistoryRow[];
  problems: Problem[];
}

export interface ApplyContext {
  /** The Owner cells as they are now, aligned with `data.accounts` (recorded exactly; also tells whether the sheet uses rep IDs or names). */
  ownerCellsNow?: RawCell[];
  /** The history so far (from `parseHistorySheet`). */
  history?: HistoryRow[];
}

/**
 * Owners (Rep.id, aligned with data.accounts; null = leave unassigned) -> the Owner cells to write
 * and the history batch. Only accounts whose owner changes are written and recorded. The new owner
 * is written the way the sheet writes owners: rep names if its Owner cells hold names, else IDs.
 */
export function planApply(data: TerritoryData, owners: (string | null)[], scenarioName: string, appliedAt: string, context: ApplyContext = {}): ApplyPlan {
  const previous = context.history ?? [];
  const column = data.source.ownerColumn;
  const problems: Problem[] = [];
  const sheet = data.source.accountsSheet;
  if (!column) problems.push({ severity: 'error', sheet, cell: '', message: 'The Accounts table has no Owner column to write to.' });
  if (owners.length !== data.accounts.length) {
    problems.push({ severity: 'error', sheet, cell: '', message: `The scenario has ${owners.length} owners for ${data.accounts.length} accounts.` });
  }
  if (!column || problems.length > 0) return { ownerCells: [], batch: 0, batchRows: [], history: previous, problems };

  const cellsNow = context.ownerCellsNow ?? data.accounts.map((a) => a.owner);
  const style = ownerStyle(data.reps, cellsNow);
  const batch = previous.reduce((max, h) => Math.max(max, h.batch), 0) + 1;
  const ownerCells: OwnerCell[] = [];
  const batchRows: HistoryRow[] = [];
  const repById = new Map([...data.reps].reverse().map((r) => [r.id, r])); // the first rep with an ID wins, as a search would
  data.accounts.forEach((account, i) => {
    const to = owners[i];
    if (to === account.owner) return;
    const rep = to === null ? undefined : repById.get(to);
    if (to !== null && !rep) {
      problems.push({ severity: 'warning', sheet, cell: `${column}${account.row}`, message: `New owner "${to}" of account ${account.id} is not in the Reps table; written as given.` });
    }
    const value = to === null ? null : ownerValue(rep, to, style);
    ownerCells.push({ row: account.row, column, value });
    batchRows.push({ batch, appliedAt, scenario: scenarioName, accountId: account.id, row: account.row, previousOwner: exact(cellsNow[i] ?? null), newOwner: value });
  });
  if (batchRows.length === 0) {
    problems.push({ severity: 'info', sheet, cell: '', message: `Scenario "${scenarioName}" changes no owner; nothing was applied.` });
    return { ownerCells, batch: 0, batchRows, history: previous, problems };
  }
  return { ownerCells, batch, batchRows, history: [...previous, ...batchRows], problems };
}

type OwnerStyle = { kind: 'id' | 'name'; numeric: boolean };

/** Whether the Owner cells hold rep names or rep IDs (the majority of the non-blank cells), and whether IDs are numbers. */
export function ownerStyle(reps: Rep[], cellsNow: RawCell[]): OwnerStyle {
  const ids = new Set(reps.map((r) => norm(r.id)));
  const names = new Set(reps.map((r) => norm(r.name)));
  let byId = 0;
  let byName = 0;
  let numbers = 0;
  for (const cell of cellsNow) {
    if (cell === null || cell === '') continue;
    const text = norm(String(cell));
    if (ids.has(text)) byId++;
    else if (names.has(text)) byName++;
    if (typeof cell === 'number') numbers++;
  }
  return { kind: byName > byId ? 'name' : 'id', numeric: numbers > 0 && numbers >= byId / 2 };
}

function ownerValue(rep: Rep | undefined, id: string, style: OwnerStyle): CellValue {
  if (rep && style.kind === 'name') return rep.name;
  const key = rep ? rep.id : id;
  return style.numeric && /^-?\d+(\.\d+)?$/.test(key) ? Number(key) : key;
}

function norm(text: string): string {
  return text.trim().toLowerCase();
}

function exact(cell: RawCell): CellValue {
  if (cell === '') return null;
  return cell instanceof Date ? cell.toISOString() : cell;
}

// ---------------------------------------------------------------- undo

/** An account's Owner cell as it is now. */
export interface CurrentOwner {
  accountId: string;
  row: number;
  value: RawCell;
}

export interface UndoPlan {
  ownerCells: OwnerCell[];
  /** The batch undone, or 0 when there was none. */
  batch: number;
  remainingHistory: HistoryRow[];
  problems: Problem[];
}

/**
 * Restore the owners of the last batch exactly. Each account is found by its ID (it may have moved
 * rows since Apply); an account no longer on the sheet is reported and skipped; an owner changed
 * by hand since Apply is restored all the same, with a warning.
 */
export function planUndo(history: HistoryRow[], current: CurrentOwner[], ownerColumn: string, accountsSheet: string): UndoPlan {
  const batch = history.reduce((max, h) => Math.max(max, h.batch), 0);
  if (batch === 0) {
    return { ownerCells: [], batch: 0, remainingHistory: history, problems: [{ severity: 'info', sheet: HISTORY_SHEET, cell: '', message: 'There is no Apply to undo.' }] };
  }
  const byId = new Map(current.map((c) => [c.accountId, c]));
  const ownerCells: OwnerCell[] = [];
  const problems: Problem[] = [];
  for (const h of history.filter((r) => r.batch === batch)) {
    const now = byId.get(h.accountId);
    if (!now) {
      problems.push({ severity: 'warning', sheet: accountsSheet, cell: '', message: `Account ${h.accountId} is no longer in the Accounts table; its owner was not restored.` });
      continue;
    }
    const cell = `${ownerColumn}${now.row}`;
    if (text(now.value) !== text(h.newOwner)) {
      problems.push({ severity: 'warning', sheet: accountsSheet, cell, message: `Owner of ${h.accountId} was changed by hand since Apply (now "${text(now.value)}"); restored to "${text(h.previousOwner)}".` });
    }
    ownerCells.push({ row: now.row, column: ownerColumn, value: h.previousOwner });
  }
  return { ownerCells, batch, remainingHistory: history.filter((r) => r.batch !== batch), problems };
}

function text(v: RawCell): string {
  return v === null ? '' : v instanceof Date ? v.toISOString() : String(v).trim();
}

// ---------------------------------------------------------------- the Rebalance History sheet

export function historySheet(history: HistoryRow[]): SheetDescription {
  const header = HISTORY_HEADER.map((h) => ({ value: h, bold: true, fill: 'DDEBF7' }));
  const rows = history.map((h) => [
    { value: h.batch, numFmt: '0' },
    { value: h.appliedAt },
    { value: h.scenario },
    { value: h.accountId },
    { value: h.row, numFmt: '0' },
    { value: h.previousOwner },
    { value: h.newOwner },
  ]);
  return { name: HISTORY_SHEET, role: HISTORY_ROLE, rows: [header, ...rows], columnWidths: [8, 24, 16, 14, 10, 20, 20], freeze: { rows: 1, cols: 0 } };
}

/** The history back from the sheet's values (from A1). Rows that cannot be read are reported and left out. */
export function parseHistorySheet(values: RawCell[][], sheet: string = HISTORY_SHEET): { history: HistoryRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const headerAt = values.findIndex((row) => HISTORY_HEADER.every((h, c) => norm(String(row[c] ?? '')) === norm(h)));
  if (headerAt < 0) {
    const nonEmpty = values.some((row) => row.some((v) => v !== null && v !== ''));
    if (nonEmpty) problems.push({ severity: 'warning', sheet, cell: 'A1', message: `No header "${HISTORY_HEADER.join(' | ')}" found; the history was not read.` });
    return { history: [], problems };
  }
  const history: HistoryRow[] = [];
  for (let r = headerAt + 1; r < values.length; r++) {
    const row = values[r];
    if (row.every((v) => v === null || v === '')) continue;
    const batch = wholeNumber(row[0]);
    const sheetRow = wholeNumber(row[4]);
    const accountId = row[3] === null ? '' : text(row[3]);
    if (batch === null || sheetRow === null || accountId === '') {
      problems.push({ severity: 'warning', sheet, cell: `A${r + 1}:G${r + 1}`, message: 'History row without a batch, account ID or sheet row; skipped.' });
      continue;
    }
    history.push({
      batch,
      appliedAt: text(row[1] ?? null),
      scenario: text(row[2] ?? null),
      accountId,
      row: sheetRow,
      previousOwner: exact(blankToNull(row[5])),
      newOwner: exact(blankToNull(row[6])),
    });
  }
  return { history, problems };
}

function wholeNumber(v: RawCell | undefined): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

function blankToNull(v: RawCell | undefined): RawCell {
  return v === undefined || v === '' ? null : v;
}

// ---------------------------------------------------------------- the scenario's Moves sheet

export interface MovesRead {
  /** Account ID -> new owner (Rep.id). */
  owners: Map<string, string>;
  problems: Problem[];
}

/**
 * The Account ID and To columns of a `Moves - <Scenario>` sheet (values from A1), To resolved to a
 * rep. The header row is found by its "Account ID" and "To" cells; rows without both (the total,
 * a "no moves" note) are not moves.
 */
export function parseMovesSheet(values: RawCell[][], reps: Rep[], sheet: string): MovesRead {
  const owners = new Map<string, string>();
  const key = (v: RawCell | undefined) => (v === null || v === undefined ? '' : String(v).trim().toLowerCase());
  const headerAt = values.findIndex((row) => row.some((v) => key(v) === 'account id') && row.some((v) => key(v) === 'to'));
  if (headerAt < 0) return { owners, problems: [{ severity: 'error', sheet, cell: '', message: 'No header row with "Account ID" and "To" columns.' }] };
  const idCol = values[headerAt].findIndex((v) => key(v) === 'account id');
  const toCol = values[headerAt].findIndex((v) => key(v) === 'to');
  const problems: Problem[] = [];
  const resolve = repResolver(reps);
  for (let r = headerAt + 1; r < values.length; r++) {
    const id = values[r][idCol];
    const to = values[r][toCol];
    if (key(id) === '' || key(to) === '') continue;
    const rep = resolve(String(to));
    if (rep) owners.set(String(id).trim(), rep.id);
    else problems.push({ severity: 'error', sheet, cell: a1(r + 1, toCol + 1), message: `"${String(to)}" is not a rep in the Reps table.` });
  }
  return { owners, problems };
}

/** A rep from a label as the report writes it: the ID, the name, or "Name (ID)" when names repeat. */
export function resolveRep(label: string, reps: Rep[]): Rep | undefined {
  return repResolver(reps)(label);
}

/** resolveRep with the reps indexed once (a Moves sheet resolves one label per row). */
function repResolver(reps: Rep[]): (label: string) => Rep | undefined {
  const byId = new Map<string, Rep>();
  const byName = new Map<string, Rep[]>();
  for (const r of reps) {
    if (!byId.has(norm(r.id))) byId.set(norm(r.id), r);
    const n = norm(r.name);
    byName.set(n, [...(byName.get(n) ?? []), r]);
  }
  return (label) => {
    const text = norm(label);
    const tagged = /\(([^()]+)\)\s*$/.exec(label);
    const named = byName.get(text) ?? [];
    return byId.get(text) ?? (tagged ? byId.get(norm(tagged[1])) : undefined) ?? (named.length === 1 ? named[0] : undefined);
  };
}
