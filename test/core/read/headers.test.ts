import type { Problem } from '../../../src/core/model';
import { fieldLabel, resolveColumns } from '../../../src/core/read/headers';
import { table } from './fixtures';

const fieldsOf = (m: { field: string; header: string | null; column: string | null }[]) =>
  Object.fromEntries(m.filter((x) => x.header !== null).map((x) => [x.field, `${x.header}@${x.column}`]));

describe('header synonyms', () => {
  test('accounts headers written the other common ways map to the right fields and columns', () => {
    const header = ['acct id', 'ACCOUNT OWNER', 'TAM', 'Closed Won TTM', 'Opp Stage', 'Last Activity Date', 'Lat', 'Lng', 'Headcount', 'Growth', 'Lock', 'Strategic', 'Open Opportunities', 'Open Pipeline', 'Mid notes'];
    const problems: Problem[] = [];
    // Header starts in column C (origin col 3), so the first header is column C.
    const r = resolveColumns('Accounts', table('Accounts', [header], { row: 4, col: 3 }), {}, problems);
    expect(fieldsOf(r.mapping)).toEqual({
      id: 'acct id@C',
      owner: 'ACCOUNT OWNER@D',
      potential: 'TAM@E',
      revenueTTM: 'Closed Won TTM@F',
      maxStage: 'Opp Stage@G',
      lastActivity: 'Last Activity Date@H',
      lat: 'Lat@I',
      lon: 'Lng@J',
      employees: 'Headcount@K',
      growthRate: 'Growth@L',
      locked: 'Lock@M',
      strategic: 'Strategic@N',
      openOpps: 'Open Opportunities@O',
      pipeline: 'Open Pipeline@P',
    });
    expect(problems).toEqual([]);
  });

  test('"Rep", "Revenue" and "Revenue Potential" each go to one field', () => {
    const r = resolveColumns('Accounts', table('Accounts', [['Account ID', 'Rep', 'Revenue', 'Revenue Potential', 'Employee Count']]), {}, []);
    expect(fieldsOf(r.mapping)).toEqual({ id: 'Account ID@A', owner: 'Rep@B', revenueTTM: 'Revenue@C', potential: 'Revenue Potential@D', employees: 'Employee Count@E' });
  });

  test('reps: quarter columns oldest first by header order, "Tenure (months)", home coordinates', () => {
    const header = ['Rep', 'Name', 'Annual Quota', 'Q3 2025 Attainment', 'Q4 2025 Attainment', 'Q1 2026 Attainment', 'Q2 2026 Attainment', 'Max Workload', 'Home Lat', 'Home Longitude', 'Tenure (months)', 'Hire Date', 'Manager'];
    const r = resolveColumns('Reps', table('Reps', [header]), {}, []);
    expect(fieldsOf(r.mapping)).toEqual({
      id: 'Rep@A',
      name: 'Name@B',
      quota: 'Annual Quota@C',
      attainment1: 'Q3 2025 Attainment@D',
      attainment2: 'Q4 2025 Attainment@E',
      attainment3: 'Q1 2026 Attainment@F',
      attainment4: 'Q2 2026 Attainment@G',
      capacity: 'Max Workload@H',
      homeLat: 'Home Lat@I',
      homeLon: 'Home Longitude@J',
      tenureMonths: 'Tenure (months)@K',
      hireDate: 'Hire Date@L',
      manager: 'Manager@M',
    });
  });

  test('with five quarter columns the last four are the trailing four', () => {
    const header = ['Rep ID', 'Q4 2024 Attainment', 'Q1 2025 Attainment', 'Q2 2025 Attainment', 'Q3 2025 Attainment', 'Q4 2025 Attainment'];
    const r = resolveColumns('Reps', table('Reps', [header]), {}, []);
    expect(r.columns.get('attainment1')).toBe(2);
    expect(r.columns.get('attainment4')).toBe(5);
  });

  test('a user override wins, "" unmaps a field, and a header that is not there is reported', () => {
    const problems: Problem[] = [];
    const header = ['Account ID', 'Owner', 'Potential', 'Wallet Estimate', 'Segment'];
    const r = resolveColumns(
      'Accounts',
      table('Accounts', [header]),
      { 'Accounts.potential': 'wallet estimate', 'Accounts.segment': '', 'Accounts.region': 'Geo', 'Reps.quota': 'Potential', 'Accounts.bogus': 'Owner' },
      problems,
    );
    expect(r.columns.get('potential')).toBe(3);
    expect(r.columns.has('segment')).toBe(false);
    expect(r.columns.has('region')).toBe(false);
    expect(problems.map((p) => p.message)).toEqual([
      'Column mapping "Accounts.region": no column "Geo" on the header row; matched automatically instead',
      'Column mapping "Accounts.bogus" names no Accounts field; ignored',
    ]);
  });
});

test('field labels for the mapping table', () => {
  expect(fieldLabel('Accounts', 'revenueTTM')).toBe('Revenue TTM');
  expect(fieldLabel('Reps', 'attainment1')).toBe('Attainment, quarter 1 (oldest)');
  expect(fieldLabel('Reps', 'attainment4')).toBe('Attainment, quarter 4 (latest)');
  expect(fieldLabel('Reps', 'tenureMonths')).toBe('Tenure (months)');
});
