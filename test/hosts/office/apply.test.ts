import { HISTORY_HEADER, HISTORY_ROLE, HISTORY_SHEET } from '../../../src/core/apply';
import { readWorkbookSheets } from '../../../src/core/read';
import { applyScenario, undoLastApply } from '../../../src/hosts/office/apply';
import { allApis } from '../../../src/hosts/office/capabilities';
import { ROLE_PROPERTY } from '../../../src/hosts/office/marker';
import { readSheets } from '../../../src/hosts/office/read';
import { FakeExcel } from './fakeExcel';
import type { Primitive } from './fakeRange';

type Owner = Primitive | null;

/** n accounts; owners cycle through the reps with a blank every 9th account. Numeric rep IDs when `numeric`. */
function territories(n: number, numeric = false): { excel: FakeExcel; owners: Owner[] } {
  const excel = new FakeExcel();
  const reps = numeric ? [101, 102, 103, 104] : ['R1', 'R2', 'R3', 'R4'];
  const owners: Owner[] = [];
  const rows: (Primitive | null)[][] = [['Account ID', 'Account Name', 'Owner', 'Potential']];
  for (let i = 1; i <= n; i++) {
    const owner = i % 9 === 0 ? null : reps[(i * 7) % reps.length];
    owners.push(owner);
    rows.push([`A${String(i).padStart(4, '0')}`, `Account ${i}`, owner, 5_000 + 250 * ((i * 13) % 40)]);
  }
  excel.seedSheet('Accounts', rows);
  excel.seedSheet('Reps', [['Rep ID', 'Name'], ...reps.map((r, k) => [r, `Rep ${k + 1}`])]);
  return { excel, owners };
}

const options = { supports: allApis, now: () => new Date(Date.UTC(2026, 0, 5, 9, 30)) };

function ownerColumn(excel: FakeExcel, n: number): Owner[] {
  const ws = excel.sheet('Accounts');
  return Array.from({ length: n }, (_, i) => ws.cell(`C${i + 2}`)?.value ?? null);
}

async function loadData(excel: FakeExcel) {
  return readWorkbookSheets(await readSheets(excel.context));
}

describe('applyScenario and undoLastApply', () => {
  it('writes the new owners, records the previous ones, and Undo restores them exactly', async () => {
    const n = 60;
    const { excel, owners } = territories(n);
    const data = await loadData(excel);
    expect(data.accounts).toHaveLength(n);
    // every 4th account moves to R4; blanks (every 9th) are placed on R1
    const planned = data.accounts.map((a, i) => (a.owner === null ? 'R1' : i % 4 === 0 ? 'R4' : a.owner));
    const expectedChanges = planned.filter((o, i) => o !== data.accounts[i].owner).length;

    const applied = await applyScenario(excel.context, data, planned, 'Balanced', options);
    expect(applied.changed).toBe(expectedChanges);
    expect(applied.batch).toBe(1);
    expect(ownerColumn(excel, n)).toEqual(planned);

    const history = excel.read(HISTORY_SHEET, `A1:G${expectedChanges + 1}`);
    expect(history[0]).toEqual([...HISTORY_HEADER]);
    const firstMoved = planned.findIndex((o, i) => o !== data.accounts[i].owner);
    expect(history[1]).toEqual([1, '2026-01-05T09:30:00.000Z', 'Balanced', `A${String(firstMoved + 1).padStart(4, '0')}`, firstMoved + 2, owners[firstMoved] ?? '', planned[firstMoved]]);
    expect(excel.sheet(HISTORY_SHEET).props.get(ROLE_PROPERTY.toLowerCase())?.value).toBe(HISTORY_ROLE);

    excel.resetStats();
    const undone = await undoLastApply(excel.context, options);
    expect(undone.restored).toBe(expectedChanges);
    expect(ownerColumn(excel, n)).toEqual(owners);
    expect(excel.read(HISTORY_SHEET, 'A1:A3')).toEqual([['Batch'], [''], ['']]);
    // Undo reads each sheet once: Accounts, Reps and the history (taken from that read, not read again)
    expect(excel.syncs.reduce((cells, s) => cells + s.readCells, 0)).toBe((n + 1) * 4 + 5 * 2 + (expectedChanges + 1) * HISTORY_HEADER.length);
  });

  it('restores numeric owners as numbers and blanks as blanks, and undoes only the last of two batches', async () => {
    const n = 30;
    const { excel, owners } = territories(n, true);
    const data = await loadData(excel);
    const first = data.accounts.map((a, i) => (i < 10 ? '104' : a.owner));
    await applyScenario(excel.context, data, first, 'Minimal', options);
    const afterFirst = ownerColumn(excel, n);
    expect(afterFirst.slice(0, 10)).toEqual(new Array(10).fill(104));

    const data2 = await loadData(excel);
    const second = data2.accounts.map((a, i) => (i >= 20 ? '101' : a.owner));
    const applied = await applyScenario(excel.context, data2, second, 'Redesign', options);
    expect(applied.batch).toBe(2);

    const undone = await undoLastApply(excel.context, options);
    expect(undone.batch).toBe(2);
    expect(ownerColumn(excel, n)).toEqual(afterFirst);
    await undoLastApply(excel.context, options);
    const restored = ownerColumn(excel, n);
    expect(restored).toEqual(owners);
    expect(restored.filter((o) => typeof o === 'number')).toHaveLength(owners.filter((o) => typeof o === 'number').length);
    expect(restored[8]).toBeNull();
    await expect(undoLastApply(excel.context, options)).rejects.toThrow(/no Apply to undo/);
  });

  it('writes owner cells in chunks within the cell budget, suspending calculation in each', async () => {
    const n = 300;
    const { excel } = territories(n);
    const data = await loadData(excel);
    const planned = data.accounts.map((a) => (a.owner === 'R2' ? 'R3' : a.owner === 'R3' ? 'R2' : a.owner));
    excel.resetStats();
    const applied = await applyScenario(excel.context, data, planned, 'Swap', { ...options, maxCellsPerSync: 50 });
    const writeSyncs = excel.syncs.filter((s) => s.cells > 0);
    expect(Math.max(...excel.syncs.map((s) => s.cells))).toBeLessThanOrEqual(50);
    // ~150 owner cells in runs of <= 50 plus the history sheet: several batches, each suspended
    expect(writeSyncs.length).toBeGreaterThanOrEqual(4);
    expect(writeSyncs.every((s) => s.suspended)).toBe(true);
    expect(applied.changed).toBe(planned.filter((o, i) => o !== data.accounts[i].owner).length);
    expect(ownerColumn(excel, n)).toEqual(planned);
  });

  it('rejects a scenario that changes nothing, and one without an Owner column, with the reason', async () => {
    const { excel } = territories(10);
    const data = await loadData(excel);
    await expect(applyScenario(excel.context, data, data.accounts.map((a) => a.owner), 'Same', options)).rejects.toThrow(/changes no owner/);
    const noOwner = { ...data, source: { ...data.source, ownerColumn: null } };
    await expect(applyScenario(excel.context, noOwner, data.accounts.map(() => 'R1'), 'X', options)).rejects.toThrow(/Accounts: The Accounts table has no Owner column/);
    expect(excel.sheetNames()).toEqual(['Accounts', 'Reps']);
  });
});
