import { formatProblem, type RawCell } from '../../../src/core/model';
import { readTerritoryData, SEGMENT_WORKLOAD } from '../../../src/core/read';
import { accountRows, prng, repRows, table } from './fixtures';

/** Accounts header: A Account ID, B Name, C Owner, D Segment, E Potential, F Revenue TTM, G Employees, H Industry. */
function withAccounts(rows: RawCell[][], reps = 4) {
  return readTerritoryData({ accounts: table('Accounts', rows), reps: table('Reps', repRows(reps)) });
}

describe('located problems', () => {
  test('a bad potential in row 18, column E reads "Accounts!E18: Potential "abc" is not a number"', () => {
    const rows = accountRows(20, 4, 7);
    rows[17][4] = 'abc'; // values[17] is sheet row 18 (header in row 1); index 4 is column E
    const data = withAccounts(rows);
    const messages = data.problems.map(formatProblem);
    expect(messages).toContain('Accounts!E18: Potential "abc" is not a number');
    const bad = data.accounts.find((a) => a.row === 18)!;
    expect(bad.id).toBe('A00017');
    expect(bad.potentialEstimated).toBe(true);
    expect(bad.potential).toBeGreaterThan(0);
    expect(data.accounts.filter((a) => a.potentialEstimated)).toHaveLength(1);
  });

  test('the address follows the table origin when the header is not in A1', () => {
    const rows = accountRows(5, 2, 3);
    rows[2][4] = 'lots';
    const data = readTerritoryData({ accounts: table('Accounts', rows, { row: 4, col: 2 }), reps: table('Reps', repRows(2)) });
    // values[2] → sheet row 4 + 2 = 6; column index 4 → column 2 + 4 = F.
    expect(data.problems.map(formatProblem)).toContain('Accounts!F6: Potential "lots" is not a number');
    expect(data.source.ownerColumn).toBe('D');
    expect(data.accounts[0].row).toBe(5);
  });
});

describe('numbers typed as text', () => {
  test('a potential typed with a decimal comma reads as the number meant ("84.000,50" → 84000.5, "12,5k" → 12500), and "1,2,3" is a located problem', () => {
    const rows = accountRows(6, 2, 5);
    rows[1][4] = '84.000,50'; // sheet row 2
    rows[2][4] = '12,5k'; // sheet row 3
    rows[3][4] = '1,2,3'; // sheet row 4
    const data = withAccounts(rows, 2);
    const potential = (row: number) => data.accounts.find((a) => a.row === row)!;
    expect(potential(2).potential).toBeCloseTo(84000.5, 9);
    expect(potential(3).potential).toBe(12500);
    expect(potential(2).potentialEstimated).toBe(false);
    expect(potential(4).potentialEstimated).toBe(true);
    expect(data.problems.map(formatProblem)).toContain('Accounts!E4: Potential "1,2,3" is not a number');
  });
});

describe('no row dropped silently', () => {
  test('blank IDs and duplicates are skipped with an error; blank rows are not data', () => {
    const rows = accountRows(10, 2, 11);
    rows[3][0] = null; // sheet row 4: blank ID
    rows[6][0] = rows[2][0]; // sheet row 7 duplicates row 3 (A00002)
    rows.splice(8, 0, [null, '', null, null, null, null, null, null]); // a blank row → sheet row 9
    const data = withAccounts(rows, 2);
    const messages = data.problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(messages).toEqual(['Accounts!A4: Account ID is blank; row skipped', 'Accounts!A7: Account ID "A00002" duplicates row 3; row skipped']);
    expect(data.accounts).toHaveLength(8);
    expect(data.accounts.filter((a) => a.id === 'A00002').map((a) => a.row)).toEqual([3]);
  });

  test('every non-blank input row is an account or a "row skipped" problem (seeded messy data)', () => {
    const rand = prng(42);
    const rows = accountRows(300, 5, 42);
    let blank = 0;
    for (let r = 1; r < rows.length; r++) {
      const x = rand();
      if (x < 0.05) rows[r][0] = null;
      else if (x < 0.1) rows[r][0] = rows[1 + Math.floor(rand() * (rows.length - 1))][0];
      else if (x < 0.13) {
        rows[r] = rows[r].map(() => null);
        blank++;
      } else if (x < 0.2) rows[r][2] = 'Nobody';
      else if (x < 0.25) rows[r][4] = 'tbd';
    }
    const data = withAccounts(rows, 5);
    const skipped = data.problems.filter((p) => p.message.endsWith('row skipped')).length;
    expect(skipped).toBeGreaterThan(10);
    expect(blank).toBeGreaterThan(3);
    expect(data.accounts.length + skipped + blank).toBe(300);
    // No two accounts share an ID.
    expect(new Set(data.accounts.map((a) => a.id)).size).toBe(data.accounts.length);
  });
});

describe('owners', () => {
  test('owners match rep ID or name ignoring case; unknown owner → unassigned with a warning; blank → one info', () => {
    const rows: RawCell[][] = [
      ['Account ID', 'Owner', 'Potential'],
      ['A1', 'R1', 100],
      ['A2', 'r2', 100],
      ['A3', 'rep 3', 100],
      ['A4', 'Zed', 100],
      ['A5', null, 100],
      ['A6', '  ', 100],
    ];
    const data = withAccounts(rows, 3);
    expect(data.accounts.map((a) => a.owner)).toEqual(['R1', 'R2', 'R3', null, null, null]);
    expect(data.problems.map(formatProblem)).toEqual([
      'Accounts!B5: Owner "Zed" matches no rep; account treated as unassigned',
      'Accounts!B2:B7: 2 of 6 accounts have no Owner (unassigned); the rebalance will place them',
    ]);
    expect(data.problems.map((p) => p.severity)).toEqual(['warning', 'info']);
    const assignments = data.checklist.find((c) => c.item === 'Rep-to-account assignments')!;
    expect(assignments.status).toBe('partial');
    expect(assignments.detail).toBe('3 of 6 accounts assigned to 3 reps; 2 unassigned, 1 with an owner who is not on the Reps table');
  });
});

describe('account fields', () => {
  test('workload defaults by segment; Locked, Strategic, stage, growth and dates are read', () => {
    const rows: RawCell[][] = [
      ['Account ID', 'Owner', 'Potential', 'Segment', 'Workload', 'Locked', 'Strategic', 'Max Stage', 'Growth Rate', 'Last Activity', 'Renewal', 'Pipeline'],
      ['A1', 'R1', '$84,000', 'SMB', null, 'Y', 'N', 'Stage 3', '12%', '2025-03-14', 'Yes', '$5,000'],
      ['A2', 'R1', 50000, 'mid market', null, null, 'Yes', 0, 5, 45658, 'N', null],
      ['A3', 'R1', 50000, 'ENT', null, 'no', null, null, 0.08, null, null, null],
      ['A4', 'R1', 50000, null, 7, null, null, 9, null, 'soon', null, null],
    ];
    const data = withAccounts(rows, 1);
    const [a1, a2, a3, a4] = data.accounts;
    expect(SEGMENT_WORKLOAD).toEqual({ SMB: 1, 'Mid-Market': 2, Enterprise: 4 });
    expect(data.accounts.map((a) => a.workload)).toEqual([1, 2, 4, 7]);
    expect(data.accounts.map((a) => a.segment)).toEqual(['SMB', 'Mid-Market', 'Enterprise', null]);
    expect([a1.locked, a2.locked, a3.locked]).toEqual([true, false, false]);
    expect([a1.strategic, a2.strategic]).toEqual([false, true]);
    expect(a1.potential).toBe(84000);
    expect(a1.pipeline).toBe(5000);
    expect(a1.maxStage).toBe(3);
    expect(a1.growthRate).toBeCloseTo(0.12, 12);
    expect(a2.growthRate).toBeCloseTo(0.05, 12);
    expect(a3.growthRate).toBeCloseTo(0.08, 12);
    expect([a1.lastActivity, a2.lastActivity, a4.lastActivity]).toEqual([45730, 45658, null]);
    expect([a1.renewal, a2.renewal]).toEqual([true, false]);
    expect(a4.maxStage).toBe(5);
    expect(data.problems.map(formatProblem)).toEqual([
      'Accounts!H5: Max Stage 9 is outside 0-5; using 5',
      'Accounts!J5: Last Activity "soon" is not a date',
    ]);
  });

  test('a missing required column is an error that says what was looked for', () => {
    const data = withAccounts([['Customer Ref', 'Owner'], ['X1', 'R1']], 1);
    expect(data.accounts).toHaveLength(0);
    expect(data.problems.map(formatProblem)[0]).toBe(
      'Accounts!A1:B1: No Account ID column (looked for Account ID, Account Id, Account Number, Account No, Account #, ID, Account, Acct ID, Customer ID); 1 account row not read',
    );
  });
});
