import type { TerritoryData } from '../../src/core/model';
import { triggerCheck } from '../../src/functions/functions';
import { FunctionInputError } from '../../src/functions/errors';
import { healthyTeam, setAttainment } from '../core/metrics/fixtures';

/** The team as the 2-D arrays Excel passes for whole tables (header row first, blanks as ""). */
function asRanges(data: TerritoryData): { reps: unknown[][]; accounts: unknown[][] } {
  const reps: unknown[][] = [['Rep ID', 'Rep Name', 'Status', 'FTE', 'Q1 Attainment', 'Q2 Attainment', 'Q3 Attainment', 'Q4 Attainment']];
  for (const r of data.reps) reps.push([r.id, r.name, r.status, r.fte, ...[0, 1, 2, 3].map((q) => r.attainment[q] ?? '')]);
  const accounts: unknown[][] = [['Account ID', 'Account Name', 'Owner', 'Potential', 'Revenue TTM', 'Segment']];
  for (const a of data.accounts) accounts.push([a.id, a.name, a.owner ?? '', a.potential, a.revenueTTM, a.segment ?? '']);
  return { reps, accounts };
}

const column = (rows: string[][], name: string) => rows.find((r) => r[0] === name);

describe('TRIGGER_CHECK', () => {
  it('spills a header, 11 trigger rows and a verdict row; 130% vs 60% fires the spread', () => {
    const data = healthyTeam({ reps: 8, accountsPerRep: 6, seed: 31 });
    setAttainment(data, 'R1', [1.3, 1.3, 1.3, 1.3]);
    setAttainment(data, 'R2', [0.6, 0.6, 0.6, 0.6]);
    const { reps, accounts } = asRanges(data);
    const out = triggerCheck(reps, accounts, null as unknown as undefined);
    expect(out).toHaveLength(13);
    expect(out[0]).toEqual(['Trigger', 'Status', 'Evidence']);
    expect(out.every((row) => row.length === 3)).toBe(true);
    expect(column(out, 'Attainment spread > 30 pts')?.[1]).toBe('FIRED');
    expect(column(out, 'Attainment spread > 30 pts')?.[2]).toContain('a 70-point spread');
    expect(out[12]).toEqual(['Verdict', 'Rebalance', 'Rebalance: a data trigger fired: Attainment spread > 30 pts.']);
  });

  it('a request in Settings with healthy data is pressure with no data: NOT A TRIGGER, Hold', () => {
    const { reps, accounts } = asRanges(healthyTeam({ reps: 8, accountsPerRep: 6, seed: 32 }));
    const settings = [
      ['Setting', 'Value'],
      ['Rebalance Requested By', 'VP Sales West'],
    ];
    const out = triggerCheck(reps, accounts, settings);
    expect(column(out, 'Pressure with no data')?.slice(1)).toEqual([
      'NOT A TRIGGER',
      'Rebalance requested by VP Sales West, but no data trigger fired: hold the line until the data justifies the change.',
    ]);
    expect(out[out.length - 1][1]).toBe('Hold');
  });

  it('a declared ICP shift in Settings gives Review', () => {
    const { reps, accounts } = asRanges(healthyTeam({ reps: 8, accountsPerRep: 6, seed: 33 }));
    const out = triggerCheck(reps, accounts, [
      ['Name', 'Value'],
      ['ICP Shift', 'Moving upmarket'],
    ]);
    expect(column(out, 'ICP shift')?.[1]).toBe('FIRED');
    expect(out[out.length - 1][1]).toBe('Review');
  });

  it('a table with no data rows is #VALUE! with the located problem', () => {
    const { reps } = asRanges(healthyTeam({ reps: 3, accountsPerRep: 2, seed: 34 }));
    let error: unknown = null;
    try {
      triggerCheck(reps, [['Account ID', 'Owner', 'Potential']]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FunctionInputError);
    expect((error as FunctionInputError).code).toBe('#VALUE!');
    expect((error as FunctionInputError).message).toMatch(/^Accounts!.*The Accounts table has no accounts$/);
  });
});
