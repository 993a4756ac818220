import { readSheets } from '../../../src/hosts/office/read';
import { FakeExcel } from './fakeExcel';

/** Accounts as an Excel Table starting at B3 under a title, Reps as a plain range, and an empty sheet. */
function workbook(accounts: number): FakeExcel {
  const excel = new FakeExcel();
  const rows: (string | number | boolean | null)[][] = [['Account ID', 'Account Name', 'Owner', 'Potential']];
  for (let i = 1; i <= accounts; i++) rows.push([`A${i}`, `Account ${i}`, i % 7 === 0 ? null : `R${1 + (i % 3)}`, 1000 * i]);
  excel.seedSheet('Accounts', [['Territory accounts, FY26']], 'A1');
  excel.seedSheet('Accounts', rows, 'B3');
  excel.seedTable('Accounts', `B3:E${3 + accounts}`, 'tblAccounts');
  excel.seedSheet('Reps', [['Rep ID', 'Name', 'Active'], ['R1', 'Ana', true], ['R2', 'Ben', true], ['R3', 'Cy', false]]);
  excel.addSheet('Notes');
  return excel;
}

describe('readSheets', () => {
  it('returns each sheet from A1, padded for the used range offset, with blanks as null', async () => {
    const excel = workbook(20);
    const sheets = await readSheets(excel.context);
    expect(sheets.map((s) => s.name)).toEqual(['Accounts', 'Reps', 'Notes']);
    const accounts = sheets[0].values;
    expect(accounts).toHaveLength(23); // title row, blank row, header, 20 accounts
    expect(accounts[0]).toEqual(['Territory accounts, FY26', null, null, null, null]);
    expect(accounts[1]).toEqual([null, null, null, null, null]);
    expect(accounts[2]).toEqual([null, 'Account ID', 'Account Name', 'Owner', 'Potential']);
    expect(accounts[9]).toEqual([null, 'A7', 'Account 7', null, 7000]);
    expect(sheets[1].values[3]).toEqual(['R3', 'Cy', false]);
    expect(sheets[2].values).toEqual([]);
  });

  it('leaves out the _TerritoryRebalancer record sheet: it is ours, not data', async () => {
    const excel = workbook(3);
    excel.seedSheet('_TerritoryRebalancer', [['Role', 'Sheet'], ['rep-impact', 'Rep Impact']]);
    const sheets = await readSheets(excel.context);
    expect(sheets.map((s) => s.name)).toEqual(['Accounts', 'Reps', 'Notes']);
  });

  it('returns the Excel Tables with their 1-based origin and values including the header', async () => {
    const sheets = await readSheets(workbook(20).context);
    const [table] = sheets[0].listObjects ?? [];
    expect(table.name).toBe('tblAccounts');
    expect(table.origin).toEqual({ row: 3, col: 2 });
    expect(table.values).toHaveLength(21);
    expect(table.values[0]).toEqual(['Account ID', 'Account Name', 'Owner', 'Potential']);
    expect(table.values[20]).toEqual(['A20', 'Account 20', 'R3', 20000]);
    expect(sheets[1].listObjects).toBeUndefined();
  });

  it('reads in three syncs when the values fit one request', async () => {
    const excel = workbook(20);
    await readSheets(excel.context);
    expect(excel.syncs).toHaveLength(3);
  });

  it('reads large sheets in row blocks of at most maxCellsPerSync cells', async () => {
    const excel = workbook(2_000);
    const sheets = await readSheets(excel.context, { maxCellsPerSync: 1_000 });
    // used range of Accounts: A1:E2003 = 2,003 rows x 5 columns = 10,015 cells; Reps 12 cells.
    const reads = excel.syncs.map((s) => s.readCells);
    expect(Math.max(...reads)).toBeLessThanOrEqual(1_000);
    expect(reads.reduce((a, b) => a + b, 0)).toBe(10_015 + 12);
    // 200 rows a block -> 11 blocks; Reps' block shares the last sync.
    expect(excel.syncs.filter((s) => s.readCells > 0)).toHaveLength(11);
    expect(sheets[0].values[2002]).toEqual([null, 'A2000', 'Account 2000', 'R3', 2_000_000]);
    expect(sheets[0].listObjects?.[0].values).toHaveLength(2_001);
  });
});
