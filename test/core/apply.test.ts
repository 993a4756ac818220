import { HISTORY_HEADER, historySheet, ownerStyle, parseHistorySheet, parseMovesSheet, planApply, planUndo, resolveRep, type HistoryRow, type OwnerCell } from '../../src/core/apply';
import type { Account, RawCell, Rep, TerritoryData } from '../../src/core/model';
import { makeAccount, makeRep, makeTerritory } from '../support/model';

const rep = (id: string, name: string, row: number): Rep => makeRep(id, { name, row });
const account = (id: string, owner: string | null, row: number): Account => makeAccount(id, owner, { row, potential: 1000, segment: 'SMB' });

const REPS = [rep('R1', 'Ann Lee', 2), rep('R2', 'Bo Chen', 3), rep('R3', 'Cy Diaz', 4)];

/** Accounts on sheet rows 2..6 (the header is row 1); owner column D. */
function territory(owners: (string | null)[]): TerritoryData {
  const data = makeTerritory(
    owners.map((o, i) => account(`A-${i + 1}`, o, i + 2)),
    REPS,
  );
  return { ...data, source: { ...data.source, ownerColumn: 'D' } };
}

/** A little sheet: Owner cells by row, changed by the cells a plan writes. */
function write(sheet: Map<number, RawCell>, cells: OwnerCell[]): Map<number, RawCell> {
  const next = new Map(sheet);
  for (const c of cells) {
    expect(c.column).toBe('D');
    next.set(c.row, c.value);
  }
  return next;
}

/** History through the sheet and back, as the hosts store it. */
function roundTrip(history: HistoryRow[]): HistoryRow[] {
  const values: RawCell[][] = historySheet(history).rows.map((row) => row.map((c) => c?.value ?? null));
  const parsed = parseHistorySheet(values);
  expect(parsed.problems).toEqual([]);
  return parsed.history;
}

describe('planApply / planUndo', () => {
  it('writes names where the sheet has names, records the exact previous text, and undo restores it', () => {
    const data = territory(['R1', 'R1', 'R2', null, 'R3']);
    // the sheet as typed by a person: odd spacing and case, a blank owner
    const cells: RawCell[] = ['Ann Lee', '  ann lee ', 'Bo Chen', null, 'Cy Diaz'];
    const sheet = new Map(cells.map((v, i) => [i + 2, v] as [number, RawCell]));

    const plan = planApply(data, ['R1', 'R3', 'R2', 'R2', 'R1'], 'Minimal', '2026-01-05T10:00:00Z', { ownerCellsNow: cells });
    expect(plan.problems).toEqual([]);
    expect(plan.batch).toBe(1);
    expect(plan.ownerCells).toEqual([
      { row: 3, column: 'D', value: 'Cy Diaz' },
      { row: 5, column: 'D', value: 'Bo Chen' },
      { row: 6, column: 'D', value: 'Ann Lee' },
    ]);
    expect(plan.batchRows.map((h) => [h.accountId, h.row, h.previousOwner, h.newOwner])).toEqual([
      ['A-2', 3, '  ann lee ', 'Cy Diaz'],
      ['A-4', 5, null, 'Bo Chen'],
      ['A-5', 6, 'Cy Diaz', 'Ann Lee'],
    ]);
    expect(plan.history).toEqual(plan.batchRows);
    const applied = write(sheet, plan.ownerCells);
    expect([...applied.values()]).toEqual(['Ann Lee', 'Cy Diaz', 'Bo Chen', 'Bo Chen', 'Ann Lee']);

    const history = roundTrip(plan.history);
    expect(history).toEqual(plan.history);
    const current = data.accounts.map((a) => ({ accountId: a.id, row: a.row, value: applied.get(a.row) ?? null }));
    const undo = planUndo(history, current, 'D', 'Accounts');
    expect(undo.problems).toEqual([]);
    expect(undo.batch).toBe(1);
    expect(undo.remainingHistory).toEqual([]);
    expect([...write(applied, undo.ownerCells).values()]).toEqual(cells);
  });

  it('writes IDs, as numbers when the sheet stores numeric IDs', () => {
    const reps = [rep('101', 'Ann Lee', 2), rep('102', 'Bo Chen', 3)];
    const data = { ...territory(['101', '102']), reps };
    const plan = planApply(data, ['102', '102'], 'Balanced', 't', { ownerCellsNow: [101, 102] });
    expect(plan.ownerCells).toEqual([{ row: 2, column: 'D', value: 102 }]);
    expect(plan.batchRows[0].previousOwner).toBe(101);
    const textIds = planApply(territory(['R1', 'R2', 'R3']), ['R2', 'R2', 'R3'], 'Balanced', 't', { ownerCellsNow: ['R1', 'R2', 'R3'] });
    expect(textIds.ownerCells).toEqual([{ row: 2, column: 'D', value: 'R2' }]);
    expect(ownerStyle(REPS, ['Ann Lee', 'R2', 'Bo Chen'])).toEqual({ kind: 'name', numeric: false });
    expect(ownerStyle(REPS, ['R1', 'R2', 'Bo Chen'])).toEqual({ kind: 'id', numeric: false });
  });

  it('numbers batches and undoes only the last one; two undos give back the original sheet', () => {
    const original: RawCell[] = ['R1', 'R1', 'R2', 'R2', 'R3'];
    let sheet = new Map(original.map((v, i) => [i + 2, v] as [number, RawCell]));
    let data = territory(original as string[]);
    const first = planApply(data, ['R1', 'R2', 'R2', 'R3', 'R3'], 'Minimal', 't1', { ownerCellsNow: original });
    sheet = write(sheet, first.ownerCells);
    data = territory([...sheet.values()] as string[]);
    const second = planApply(data, ['R3', 'R2', 'R2', 'R3', 'R1'], 'Redesign', 't2', { ownerCellsNow: [...sheet.values()], history: roundTrip(first.history) });
    expect(second.batch).toBe(2);
    expect(second.history.map((h) => h.batch)).toEqual([1, 1, 2, 2]);
    const afterFirst = new Map(sheet);
    sheet = write(sheet, second.ownerCells);
    expect([...sheet.values()]).toEqual(['R3', 'R2', 'R2', 'R3', 'R1']);

    const current = () => territory([...sheet.values()] as string[]).accounts.map((a) => ({ accountId: a.id, row: a.row, value: sheet.get(a.row) ?? null }));
    const undo2 = planUndo(roundTrip(second.history), current(), 'D', 'Accounts');
    expect(undo2.batch).toBe(2);
    sheet = write(sheet, undo2.ownerCells);
    expect(sheet).toEqual(afterFirst);
    const undo1 = planUndo(undo2.remainingHistory, current(), 'D', 'Accounts');
    expect(undo1.batch).toBe(1);
    sheet = write(sheet, undo1.ownerCells);
    expect([...sheet.values()]).toEqual(original);
    expect(planUndo(undo1.remainingHistory, current(), 'D', 'Accounts').problems[0].message).toBe('There is no Apply to undo.');
  });

  it('finds a moved account by its ID, restores a hand-edited owner with a warning, and reports a deleted account', () => {
    const history: HistoryRow[] = [
      { batch: 1, appliedAt: 't', scenario: 'Minimal', accountId: 'A-1', row: 2, previousOwner: 'R1', newOwner: 'R2' },
      { batch: 1, appliedAt: 't', scenario: 'Minimal', accountId: 'A-2', row: 3, previousOwner: 'R1', newOwner: 'R3' },
      { batch: 1, appliedAt: 't', scenario: 'Minimal', accountId: 'A-3', row: 4, previousOwner: 'R2', newOwner: 'R3' },
    ];
    // the table was sorted (A-1 is now on row 9), A-2 edited by hand, A-3 deleted
    const undo = planUndo(history, [{ accountId: 'A-1', row: 9, value: 'R2' }, { accountId: 'A-2', row: 3, value: 'R1 ' }], 'D', 'Accounts');
    expect(undo.ownerCells).toEqual([
      { row: 9, column: 'D', value: 'R1' },
      { row: 3, column: 'D', value: 'R1' },
    ]);
    expect(undo.problems.map((p) => `${p.severity} ${p.cell}`)).toEqual(['warning D3', 'warning ']);
    expect(undo.problems[1].message).toContain('A-3');
  });

  it('refuses without an Owner column or with misaligned owners, and applies nothing when no owner changes', () => {
    const noColumn = { ...territory(['R1']), source: { accountsSheet: 'Accounts', repsSheet: 'Reps', ownerColumn: null } };
    expect(planApply(noColumn, ['R2'], 'X', 't').problems[0]).toMatchObject({ severity: 'error', sheet: 'Accounts' });
    expect(planApply(territory(['R1', 'R2']), ['R2'], 'X', 't').problems[0].message).toBe('The scenario has 1 owners for 2 accounts.');
    const same = planApply(territory(['R1', 'R2']), ['R1', 'R2'], 'X', 't');
    expect(same.batch).toBe(0);
    expect(same.ownerCells).toEqual([]);
    expect(same.problems[0].severity).toBe('info');
  });

  it('describes the history sheet with its header and reads it back, reporting unreadable rows', () => {
    const sheet = historySheet([]);
    expect(sheet).toMatchObject({ name: 'Rebalance History', role: 'history', freeze: { rows: 1, cols: 0 } });
    expect(sheet.rows[0].map((c) => c?.value)).toEqual([...HISTORY_HEADER]);
    const values: RawCell[][] = [
      [...HISTORY_HEADER],
      [1, '2026-01-05', 'Minimal', 'A-7', 8, 'Ann Lee', 'Bo Chen'],
      [null, null, null, null, null, null, null],
      ['x', '2026-01-05', 'Minimal', 'A-8', 9, 'Ann Lee', 'Bo Chen'],
      ['2', '2026-01-06', 'Balanced', 104, '10', null, 'R2'],
    ];
    const parsed = parseHistorySheet(values);
    expect(parsed.history).toEqual([
      { batch: 1, appliedAt: '2026-01-05', scenario: 'Minimal', accountId: 'A-7', row: 8, previousOwner: 'Ann Lee', newOwner: 'Bo Chen' },
      { batch: 2, appliedAt: '2026-01-06', scenario: 'Balanced', accountId: '104', row: 10, previousOwner: null, newOwner: 'R2' },
    ]);
    expect(parsed.problems).toEqual([{ severity: 'warning', sheet: 'Rebalance History', cell: 'A4:G4', message: 'History row without a batch, account ID or sheet row; skipped.' }]);
  });
});

describe('parseMovesSheet', () => {
  const reps = [...REPS, rep('R4', 'Ann Lee', 5)];

  it('reads Account ID -> To under a title block, resolving IDs, names and "Name (ID)" labels', () => {
    const values: RawCell[][] = [
      ['Minimal: 4 account moves'],
      ['Generated by Territory Rebalancer'],
      ['Scenario Minimal, band met'],
      ['Account ID', 'Account Name', 'From', 'To', 'Reason'],
      ['A-1', 'One', 'Bo Chen', 'Ann Lee (R4)', 'x'],
      [102, 'Two', 'Ann Lee (R1)', ' bo chen ', 'x'],
      ['A-3', 'Three', null, 'R3', 'x'],
      ['Total', 3, null, null, null],
    ];
    const read = parseMovesSheet(values, reps, 'Moves - Minimal');
    expect(read.problems).toEqual([]);
    expect([...read.owners]).toEqual([
      ['A-1', 'R4'],
      ['102', 'R2'],
      ['A-3', 'R3'],
    ]);
  });

  it('reports a To that is no rep, or an ambiguous name, at its cell', () => {
    const values: RawCell[][] = [['Account ID', 'From', 'To'], ['A-1', 'R1', 'Zed'], ['A-2', 'R1', 'Ann Lee']];
    const read = parseMovesSheet(values, reps, 'Moves - X');
    expect(read.owners.size).toBe(0);
    expect(read.problems.map((p) => `${p.sheet}!${p.cell}: ${p.message}`)).toEqual(['Moves - X!C2: "Zed" is not a rep in the Reps table.', 'Moves - X!C3: "Ann Lee" is not a rep in the Reps table.']);
    expect(resolveRep('Cy Diaz', reps)?.id).toBe('R3');
    expect(parseMovesSheet([['Account', 'Owner']], reps, 'S').problems[0].message).toBe('No header row with "Account ID" and "To" columns.');
  });
});
