import { formatProblem, type RawCell } from '../../../src/core/model';
import { readTerritoryData } from '../../../src/core/read';
import { median } from '../../../src/core/read/regression';
import { gaussian, prng, repRows, table } from './fixtures';

const SEGMENT_FACTOR: Record<string, number> = { SMB: 1, 'Mid-Market': 1.5, Enterprise: 2.5 };

/** potential = 1000 × employees^0.8 × segment factor × lognormal noise (σ = 0.1); every 7th potential blanked. */
function synthetic(n: number, seed: number) {
  const rand = prng(seed);
  const rows: RawCell[][] = [['Account ID', 'Owner', 'Segment', 'Employees', 'Potential']];
  const truth = new Map<string, number>();
  for (let i = 1; i <= n; i++) {
    const segment = Object.keys(SEGMENT_FACTOR)[Math.floor(rand() * 3)];
    const employees = Math.round(Math.exp(3 + rand() * 6));
    const potential = 1000 * employees ** 0.8 * SEGMENT_FACTOR[segment] * Math.exp(0.1 * gaussian(rand));
    const id = `C${String((i * 7919) % 100000).padStart(5, '0')}`;
    truth.set(id, potential);
    rows.push([id, `R${(i % 5) + 1}`, segment, employees, i % 7 === 0 ? null : Math.round(potential)]);
  }
  return { rows, truth };
}

describe('missing potential', () => {
  test('a log-linear model recovers potential = 1000 × employees^0.8 × segment factor', () => {
    const { rows, truth } = synthetic(700, 2025);
    const data = readTerritoryData({ accounts: table('Accounts', rows), reps: table('Reps', repRows(5)) });
    const report = data.potentialModel!;
    expect(report.estimated).toBe(100); // every 7th of 700
    expect(report.trainedOn).toBe(600);
    // One slope and two segment terms (the commonest segment is the reference level).
    expect(report.features).toHaveLength(3);
    expect(report.features[0]).toBe('log(1+Employees)');
    for (const f of report.features.slice(1)) expect(['Segment = SMB', 'Segment = Mid-Market', 'Segment = Enterprise']).toContain(f);
    expect(report.holdoutR2).toBeGreaterThan(0.8);
    expect(report.holdoutMedianAPE).toBeLessThan(0.15);

    // The fitted slope on log(1+employees) is close to the true 0.8.
    const slope = Number(/\+ ([0-9.]+)·log\(1\+Employees\)/.exec(report.description)![1]);
    expect(Math.abs(slope - 0.8)).toBeLessThan(0.05);
    // With Mid-Market (the commonest here) as reference: SMB log(1/1.5) = −0.41, Enterprise log(2.5/1.5) = +0.51.
    const coef = (level: string) => {
      const m = new RegExp(`([+−]) ([0-9.]+)·\\[Segment = ${level}\\]`).exec(report.description)!;
      return (m[1] === '−' ? -1 : 1) * Number(m[2]);
    };
    expect(Math.abs(coef('SMB') - Math.log(1 / 1.5))).toBeLessThan(0.05);
    expect(Math.abs(coef('Enterprise') - Math.log(2.5 / 1.5))).toBeLessThan(0.05);

    const estimated = data.accounts.filter((a) => a.potentialEstimated);
    expect(estimated).toHaveLength(100);
    const errors = estimated.map((a) => Math.abs(a.potential - truth.get(a.id)!) / truth.get(a.id)!);
    expect(median(errors)).toBeLessThan(0.3);
    // Read values are untouched.
    const read = data.accounts.find((a) => !a.potentialEstimated)!;
    expect(read.potential).toBe(Math.round(truth.get(read.id)!));

    const summary = data.problems.find((p) => p.message.startsWith('Potential estimated'))!;
    expect(summary.severity).toBe('info');
    expect(formatProblem(summary)).toMatch(
      /^Accounts!E2:E701: Potential estimated for 100 of 700 accounts by a log-linear model log\(Potential\) = [0-9.]+ \+ 0\.[0-9]{2}·log\(1\+Employees\)( [+−] [0-9.]+·\[Segment = [A-Za-z-]+\]){2} trained on 600 accounts with Potential \(held-out R² 0\.9[0-9], median error [0-9]+% on 120 accounts\)\. Estimated values are marked\.$/,
    );
    expect(data.checklist.find((c) => c.item === 'Account potential')!.status).toBe('partial');
  });

  test('the same workbook gives the same estimates (deterministic split)', () => {
    const a = readTerritoryData({ accounts: table('Accounts', synthetic(200, 9).rows), reps: table('Reps', repRows(5)) });
    const b = readTerritoryData({ accounts: table('Accounts', synthetic(200, 9).rows), reps: table('Reps', repRows(5)) });
    expect(a.accounts.map((x) => x.potential)).toEqual(b.accounts.map((x) => x.potential));
    expect(a.potentialModel).toEqual(b.potentialModel);
  });

  test('no Potential column at all: Employees is the proxy, and a warning says so', () => {
    const rows: RawCell[][] = [
      ['Account ID', 'Owner', 'Employees'],
      ['A1', 'R1', 120],
      ['A2', 'R1', 40],
      ['A3', 'R2', null],
      ['A4', 'R2', 80],
    ];
    const data = readTerritoryData({ accounts: table('Accounts', rows), reps: table('Reps', repRows(2)) });
    expect(data.accounts.map((a) => a.potential)).toEqual([120, 40, 80, 80]);
    expect(data.accounts.every((a) => a.potentialEstimated)).toBe(true);
    expect(data.potentialModel).toMatchObject({ features: ['Employees (proxy)'], trainedOn: 0, estimated: 4 });
    expect(data.problems.map(formatProblem)).toEqual([
      'Accounts!A1:C1: There is no Potential column: Employees is used as the potential proxy for all 4 accounts (seed 001: "use employee count or NAICS as a proxy"); 1 account without Employees gets the median (80). Potential figures are in units of Employees, not currency',
    ]);
    expect(data.problems[0].severity).toBe('warning');
  });

  test('an empty Potential column with Revenue TTM only: revenue is the proxy', () => {
    const rows: RawCell[][] = [
      ['Account ID', 'Owner', 'Potential', 'Revenue TTM'],
      ['A1', 'R1', null, 5000],
      ['A2', 'R1', '', 7000],
    ];
    const data = readTerritoryData({ accounts: table('Accounts', rows), reps: table('Reps', repRows(1)) });
    expect(data.accounts.map((a) => a.potential)).toEqual([5000, 7000]);
    expect(data.potentialModel!.features).toEqual(['Revenue TTM (proxy)']);
    expect(data.problems[0].message.startsWith('No account has a Potential value: Revenue TTM is used as the potential proxy')).toBe(true);
  });

  test('too few accounts to hold out: estimated anyway, and the report says the fit is not measured', () => {
    const rows: RawCell[][] = [['Account ID', 'Owner', 'Employees', 'Potential']];
    for (let i = 1; i <= 8; i++) rows.push([`A${i}`, 'R1', 10 * i, i <= 5 ? 1000 * i : null]);
    const data = readTerritoryData({ accounts: table('Accounts', rows), reps: table('Reps', repRows(1)) });
    const report = data.potentialModel!;
    expect(report.trainedOn).toBe(5);
    expect(report.estimated).toBe(3);
    expect(Number.isNaN(report.holdoutR2)).toBe(true);
    expect(report.description).toContain('too few accounts to hold any out, so the fit is not measured');
    // potential = 100 × employees exactly, so log-log slope 1 (on log(1+e)) extrapolates upward.
    const est = data.accounts.filter((a) => a.potentialEstimated).map((a) => a.potential);
    expect(est[0]).toBeGreaterThan(5000);
    expect(est[2]).toBeGreaterThan(est[1]);
    expect(data.problems.find((p) => p.message.startsWith('Potential estimated'))!.severity).toBe('warning');
  });
});
