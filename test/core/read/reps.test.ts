import { formatProblem, type RawCell } from '../../../src/core/model';
import { readTerritoryData } from '../../../src/core/read';
import { table } from './fixtures';

const accounts: RawCell[][] = [
  ['Account ID', 'Owner', 'Potential', 'Last Activity'],
  ['A1', 'R1', 100, '2025-06-30'],
];

function withReps(rows: RawCell[][], settings?: RawCell[][]) {
  return readTerritoryData({ accounts: table('Accounts', accounts), reps: table('Reps', rows), settings: settings && table('Settings', settings) });
}

describe('reps', () => {
  test('an FTE above 2 (200%) is a warning and counts as 1: one such rep would take every fair share', () => {
    const data = withReps([
      ['Rep ID', 'FTE'],
      ['R1', 1e12],
      ['R2', 0.5],
    ]);
    expect(data.reps.map((r) => r.fte)).toEqual([1, 0.5]);
    expect(data.problems.map(formatProblem)).toContain('Reps!B2: FTE "1000000000000" is above 2 (200%); using 1');
  });

  test('a bare FTE above 2 and below 10 (2.5 would read as 2.5%) is a warning and counts as 1; 80, 80% and 0.8 are 0.8', () => {
    const data = withReps([
      ['Rep ID', 'FTE'],
      ['R1', 2.5],
      ['R2', '4'],
      ['R3', 80],
      ['R4', '80%'],
      ['R5', 0.8],
      ['R6', '2.5%'],
      ['R7', 2],
      ['R8', 9.99],
      ['R9', 10],
      ['R10', -2.5],
    ]);
    expect(data.reps.map((r) => r.fte)).toEqual([1, 1, 0.8, 0.8, 0.8, 0.025, 2, 1, 0.1, 1]);
    const problems = data.problems.map(formatProblem);
    expect(problems).toContain('Reps!B2: FTE "2.5" would be 2.5% of a full-time seat; using 1 (type 0.5 or 50% for a half-time rep)');
    expect(problems).toContain('Reps!B3: FTE "4" would be 4% of a full-time seat; using 1 (type 0.5 or 50% for a half-time rep)');
    expect(problems).toContain('Reps!B9: FTE "9.99" would be 9.99% of a full-time seat; using 1 (type 0.5 or 50% for a half-time rep)');
    // the message quotes what was typed, not what it was read as
    expect(problems).toContain('Reps!B11: FTE "-2.5" is negative; using 1');
    // typed with its % sign, 2.5% is what the user wrote; 2 and 10 are no warning
    expect(problems.filter((p) => p.startsWith('Reps!B'))).toHaveLength(4);
  });

  test('an FTE typed as text with a decimal comma ("0,5") is read as a decimal, and "2,5" is the ambiguous 2.5', () => {
    const data = withReps([
      ['Rep ID', 'FTE'],
      ['R1', '0,5'],
      ['R2', '1,25'],
      ['R3', '2,5'],
      ['R4', '1,000'],
    ]);
    // "1,000" keeps its thousands comma: 1000 → 1000% → above 200%, 1
    expect(data.reps.map((r) => r.fte)).toEqual([0.5, 1.25, 1, 1]);
    const problems = data.problems.map(formatProblem);
    expect(problems).toEqual(
      expect.arrayContaining([
        'Reps!B4: FTE "2,5" would be 2.5% of a full-time seat; using 1 (type 0.5 or 50% for a half-time rep)',
        'Reps!B5: FTE "1,000" is above 2 (200%); using 1',
      ]),
    );
    expect(problems.filter((p) => p.startsWith('Reps!B'))).toHaveLength(2);
  });

  test('every rep Departing is an error on the Status column: no rep is left to take the accounts', () => {
    const data = withReps([
      ['Rep ID', 'Status'],
      ['R1', 'Departing'],
      ['R2', 'Leaving'],
    ]);
    expect(data.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
      'Reps!B2:B3: Every rep is Departing (2): no rep is left to take the accounts; mark the reps who stay Active, New or Ramping',
    ]);
  });

  test('attainment: 130 → 1.3, "95%" → 0.95, 0.8 → 0.8, quarters oldest first', () => {
    const data = withReps([
      ['Rep ID', 'Rep Name', 'Q1 Attainment', 'Q2 Attainment', 'Q3 Attainment', 'Q4 Attainment'],
      ['R1', 'Ann', 130, '95%', 0.8, '1.1'],
      ['R2', 'Bo', 60, 70, null, 'n/a'],
    ]);
    expect(data.reps[0].attainment.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([1.3, 0.95, 0.8, 1.1]);
    expect(data.reps[1].attainment.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0.6, 0.7]);
    const item = data.checklist.find((c) => c.item === 'Trailing 4Q attainment')!;
    expect(item.status).toBe('partial');
    expect(item.detail).toBe('Four quarters for 1 of 2 reps; 1 with fewer; 0 with none');
  });

  test('a single Attainment column; defaults Active and FTE 1; statuses and FTE percent', () => {
    const data = withReps([
      ['Rep', 'Status', 'FTE', 'Attainment', 'Capacity'],
      ['R1', null, null, '130%', 40],
      ['R2', 'Leaving', '50%', 0.75, null],
      ['R3', 'New Hire', 0.8, null, 30],
      ['R4', 'On sabbatical', 1, 105, null],
    ]);
    expect(data.reps.map((r) => [r.id, r.name, r.status, r.fte])).toEqual([
      ['R1', 'R1', 'Active', 1],
      ['R2', 'R2', 'Departing', 0.5],
      ['R3', 'R3', 'New', 0.8],
      ['R4', 'R4', 'Active', 1],
    ]);
    expect(data.reps.map((r) => r.attainment)).toEqual([[1.3], [0.75], [], [1.05]]);
    expect(data.problems.map(formatProblem)).toEqual(['Reps!B5: Status "On sabbatical" is not Active, Departing or New']);
    expect(data.checklist.find((c) => c.item === 'Rep capacity')).toEqual({
      item: 'Rep capacity',
      status: 'partial',
      detail: 'Capacity for 2 of 4 reps; workload defaulted by segment (SMB 1, Mid-Market 2, Enterprise 4 per account)',
    });
  });

  test('tenure from Hire Date relative to the As Of Date setting, else to the latest Last Activity', () => {
    const reps: RawCell[][] = [
      ['Rep ID', 'Hire Date', 'Tenure (months)'],
      ['R1', '2024-12-31', null],
      ['R2', '2025-06-01', 30],
      ['R3', null, null],
    ];
    // As Of 2025-12-31: 365 days after hire = 365 / (365.25/12) = 11.99 months.
    const set = withReps(reps, [['Setting', 'Value'], ['As Of Date', '2025-12-31']]);
    expect(set.reps[0].tenureMonths).toBeCloseTo(365 / (365.25 / 12), 9);
    expect(set.reps[1].tenureMonths).toBe(30);
    expect(set.reps[2].tenureMonths).toBeNull();
    // Without the setting: latest Last Activity is 2025-06-30, 181 days after hire.
    const latest = withReps(reps);
    expect(latest.reps[0].tenureMonths).toBeCloseTo(181 / (365.25 / 12), 9);
  });

  test('duplicate rep IDs are skipped with an error; a blank ID falls back to the name', () => {
    const data = withReps([
      ['Rep ID', 'Rep Name'],
      ['R1', 'Ann'],
      ['r1', 'Ann again'],
      [null, 'Cy'],
      [null, null, 'stray'],
    ]);
    expect(data.reps.map((r) => r.id)).toEqual(['R1', 'Cy']);
    expect(data.problems.map(formatProblem)).toEqual([
      'Reps!A3: Rep ID "r1" duplicates row 2; row skipped',
      'Reps!A4: Rep ID is blank; using the name "Cy" as the ID',
      'Reps!A5: Rep ID is blank; row skipped',
    ]);
  });
});
