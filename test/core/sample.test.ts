import type { RawCell } from '../../src/core/model';
import { ACCOUNT_HEADERS, REP_HEADERS, generateSample, sampleSize, sampleTerritory } from '../../src/core/sample';
import { auditTerritories } from '../../src/core/triggers/index';

const col = (table: RawCell[][], header: string) => {
  const i = table[0].indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return table.slice(1).map((row) => row[i]);
};

function repAttainments(reps: RawCell[][]): Map<string, number> {
  const ids = col(reps, 'Rep ID') as string[];
  const quarters = ['Q1 Attainment', 'Q2 Attainment', 'Q3 Attainment', 'Q4 Attainment'].map((h) => col(reps, h));
  const out = new Map<string, number>();
  ids.forEach((id, r) => {
    const values = quarters.map((q) => q[r]).filter((v): v is number => typeof v === 'number');
    out.set(id, values.reduce((s, v) => s + v, 0) / values.length);
  });
  return out;
}

describe('generateSample', () => {
  const sample = generateSample({});

  it('is seeded: the same seed gives identical tables, another seed different ones', () => {
    expect(generateSample({ seed: 42 })).toEqual(sample);
    expect(generateSample({ seed: 7 }).accounts).not.toEqual(sample.accounts);
  });

  it('defaults to 1500 accounts and 14 reps, with the SPEC headers', () => {
    expect(sample.accounts).toHaveLength(1501);
    expect(sample.reps).toHaveLength(15);
    expect(sample.accounts[0]).toEqual([...ACCOUNT_HEADERS]);
    expect(sample.reps[0]).toEqual([...REP_HEADERS]);
    expect(sample.settings[0]).toEqual(['Name', 'Value']);
    const ids = col(sample.accounts, 'Account ID');
    expect(new Set(ids).size).toBe(1500);
  });

  it('runs trailing-4Q attainment from about 60% to 130%', () => {
    const att = [...repAttainments(sample.reps).values()];
    expect(Math.min(...att)).toBeGreaterThanOrEqual(0.55);
    expect(Math.min(...att)).toBeLessThanOrEqual(0.68);
    expect(Math.max(...att)).toBeGreaterThanOrEqual(1.22);
    expect(Math.max(...att)).toBeLessThanOrEqual(1.38);
    // Spread well past the 30-point trigger.
    expect((Math.max(...att) - Math.min(...att)) * 100).toBeGreaterThan(55);
  });

  it('has exactly one Departing rep, from the top quartile, and one new rep under 6 months', () => {
    const status = col(sample.reps, 'Status');
    const ids = col(sample.reps, 'Rep ID') as string[];
    const departing = ids.filter((_, i) => status[i] === 'Departing');
    expect(departing).toHaveLength(1);
    const att = repAttainments(sample.reps);
    const sorted = [...att.values()].sort((a, b) => a - b);
    const q3 = sorted[Math.floor(0.75 * (sorted.length - 1))];
    expect(att.get(departing[0])!).toBeGreaterThanOrEqual(q3);
    const tenure = col(sample.reps, 'Tenure (months)') as number[];
    const newReps = ids.filter((_, i) => status[i] === 'New');
    expect(newReps).toHaveLength(1);
    expect(tenure[ids.indexOf(newReps[0])]).toBeLessThan(6);
  });

  it('has one territory where a single customer carries more than 60% of the revenue', () => {
    const owners = col(sample.accounts, 'Owner');
    const revenue = col(sample.accounts, 'Revenue TTM') as number[];
    const byRep = new Map<string, number[]>();
    owners.forEach((o, i) => {
      if (typeof o === 'string') byRep.set(o, [...(byRep.get(o) ?? []), revenue[i]]);
    });
    const concentrated = [...byRep].filter(([, rs]) => Math.max(...rs) / rs.reduce((s, v) => s + v, 0) > 0.6);
    expect(concentrated).toHaveLength(1);
  });

  it('leaves some Potential cells blank, some accounts unassigned, a few locked and strategic', () => {
    const n = 1500;
    const blanks = col(sample.accounts, 'Potential').filter((v) => v === null).length;
    expect(blanks).toBeGreaterThan(0.02 * n);
    expect(blanks).toBeLessThan(0.08 * n);
    const owners = col(sample.accounts, 'Owner');
    const repIds = new Set(col(sample.reps, 'Rep ID'));
    expect(owners.every((o) => o === null || repIds.has(o))).toBe(true);
    expect(owners.filter((o) => o === null).length).toBeGreaterThan(5);
    expect(col(sample.accounts, 'Locked').filter((v) => v === 'Y').length).toBeGreaterThan(3);
    expect(col(sample.accounts, 'Strategic').filter((v) => v === 'Y').length).toBeGreaterThan(3);
    const segments = new Set(col(sample.accounts, 'Segment'));
    expect([...segments].sort()).toEqual(['Enterprise', 'Mid-Market', 'SMB']);
  });

  it('places accounts near real US metros and rep homes', () => {
    const lat = col(sample.accounts, 'Latitude') as number[];
    const lon = col(sample.accounts, 'Longitude') as number[];
    expect(Math.min(...lat)).toBeGreaterThan(23);
    expect(Math.max(...lat)).toBeLessThan(50);
    expect(Math.min(...lon)).toBeGreaterThan(-125);
    expect(Math.max(...lon)).toBeLessThan(-69);
  });

  it('is imbalanced: potential per active rep ranges over more than ±15% of the mean', () => {
    const owners = col(sample.accounts, 'Owner');
    const potential = col(sample.accounts, 'Potential');
    const status = new Map(sample.reps.slice(1).map((r) => [r[0], r[2]]));
    const per = new Map<string, number>();
    owners.forEach((o, i) => {
      if (typeof o === 'string' && status.get(o) === 'Active') per.set(o, (per.get(o) ?? 0) + ((potential[i] as number | null) ?? 0));
    });
    const values = [...per.values()];
    const m = values.reduce((s, v) => s + v, 0) / values.length;
    expect(Math.max(...values) / m).toBeGreaterThan(1.15);
    expect(Math.min(...values) / m).toBeLessThan(0.85);
  });

  it('scales down: 200 accounts and 6 reps keep the same story', () => {
    const small = generateSample({ accounts: 200, reps: 6, seed: 3 });
    expect(small.accounts).toHaveLength(201);
    expect(small.reps).toHaveLength(7);
    expect(col(small.reps, 'Status').filter((s) => s === 'Departing')).toHaveLength(1);
  });
});

describe('the sample read back through the core', () => {
  it('reads without errors, estimates the blank potentials, and the audit says Rebalance', () => {
    const t = generateSample({});
    const data = sampleTerritory();
    expect(data.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(data.accounts).toHaveLength(1500);
    expect(data.reps).toHaveLength(14);
    const blanks = t.accounts.slice(1).filter((row) => row[3] === null).length;
    expect(data.potentialModel?.estimated).toBe(blanks);
    expect(data.settings.custom.balanceOn).toBe('growthPotential');

    const audit = auditTerritories(data);
    expect(audit.verdict).toBe('Rebalance');
    const fired = audit.triggers.filter((x) => x.status === 'FIRED').map((x) => x.name);
    expect(fired).toEqual(expect.arrayContaining(['Attainment spread > 30 pts', 'Top-quartile rep departing', 'Single customer > 60% of a territory']));
    expect(audit.team.attainmentSpreadPts).toBeGreaterThan(55);
    expect(audit.candidates.length).toBeGreaterThanOrEqual(2);
  });
});

test('sampleSize: the defaults, and at least 10 accounts and 3 reps, as generateSample makes them', () => {
  expect(sampleSize()).toEqual({ accounts: 1500, reps: 14, seed: 42 });
  expect(sampleSize({ accounts: 3, reps: 1.7, seed: 9 })).toEqual({ accounts: 10, reps: 3, seed: 9 });
  const tables = generateSample({ accounts: 3, reps: 1 });
  expect([tables.accounts.length - 1, tables.reps.length - 1]).toEqual([10, 3]);
});
