import { teamMetrics, territoryMetrics, OUT_OF_BAND } from '../../../src/core/metrics/territory';
import { account, healthyTeam, rep, territoryData } from './fixtures';

/**
 * Worked example: A (1 FTE), B (1 FTE, 3 months' tenure → ramp 50% → effective 0.5), C departing.
 * Potential: A 100 + 200, B 150, C 50, one unassigned 100 → total 600.
 * Fair shares by effective FTE 1 : 0.5 : 0 → A 400, B 200, C 0.
 */
function workedExample() {
  const reps = [
    rep('A', { homeLat: 0, homeLon: 0, capacity: 4, attainment: [1.0, 1.2, 0.8, 1.0, 1.4] }),
    rep('B', { tenureMonths: 3 }),
    rep('C', { status: 'Departing' }),
  ];
  const accounts = [
    account('a1', 'A', { potential: 100, revenueTTM: 60, pipeline: 10, lat: 1, lon: 0 }),
    account('a2', 'A', { potential: 200, revenueTTM: 40, pipeline: 5, lat: 0, lon: 0 }),
    account('b1', 'B', { potential: 150, revenueTTM: 100 }),
    account('c1', 'C', { potential: 50 }),
    account('u1', null, { potential: 100 }),
  ];
  return territoryData(reps, accounts);
}

describe('territoryMetrics', () => {
  const data = workedExample();
  const [a, b, c] = territoryMetrics(data);

  it('sums each book and computes fair share from FTE × ramp', () => {
    expect(a).toMatchObject({ repId: 'A', accounts: 2, potential: 300, revenueTTM: 100, pipeline: 15, workload: 2, capacity: 4, utilization: 0.5 });
    expect(a.fairShare).toBeCloseTo(400, 9);
    expect(b.fairShare).toBeCloseTo(200, 9);
    expect(c.fairShare).toBe(0);
  });

  it('potential index = 100 × potential / fair share', () => {
    expect(a.potentialIndex).toBeCloseTo(75, 9); // 300 / 400
    expect(b.potentialIndex).toBeCloseTo(75, 9); // 150 / 200
    expect(c.potentialIndex).toBe(0);
  });

  it('top-account share, average distance (haversine) and trailing-4Q attainment', () => {
    expect(a.topAccountShare).toBeCloseTo(0.6, 9); // 60 of 100
    expect(b.topAccountShare).toBe(1);
    // one degree of latitude = 69.09 miles; accounts at 69.09 and 0 miles → 34.55 average
    expect(a.avgDistanceMiles).toBeCloseTo(69.093 / 2, 2);
    expect(b.avgDistanceMiles).toBeNull();
    // last four of [1.0, 1.2, 0.8, 1.0, 1.4] → (1.2 + 0.8 + 1.0 + 1.4) / 4 = 1.1
    expect(a.attainment).toBeCloseTo(1.1, 9);
    expect(b.attainment).toBeNull();
  });

  it('flags metrics out of band by the documented rules; departing reps are never flagged', () => {
    expect(a.outOfBand).toEqual([OUT_OF_BAND.potential]); // 75 is outside 85-115; 60% share is not above 60%
    expect(b.outOfBand).toEqual([OUT_OF_BAND.potential, OUT_OF_BAND.concentration]); // 100% share
    expect(c.outOfBand).toEqual([]);
  });

  it('uses the owners given instead of the current ones', () => {
    const owners = data.accounts.map((x) => (x.owner === null ? 'B' : x.owner));
    const moved = territoryMetrics(data, owners);
    expect(moved[1].potential).toBe(250);
    expect(moved[1].potentialIndex).toBeCloseTo(125, 9);
  });

  it('flags workload, accounts, utilization, attainment and travel', () => {
    const reps = ['P', 'Q', 'R', 'S'].map((id, i) =>
      rep(id, { capacity: 3, homeLat: 0, homeLon: 0, attainment: [i === 3 ? 0.7 : 1.0] }),
    );
    const accounts = [
      // P: 4 accounts (workload 4 > capacity 3), potential 100 each → 400
      ...[1, 2, 3, 4].map((k) => account(`p${k}`, 'P', { potential: 100, lat: 0.1, lon: 0 })),
      // Q, R, S: 2 accounts of 200 each → 400; S is far away (3 degrees)
      ...[1, 2].map((k) => account(`q${k}`, 'Q', { potential: 200, lat: 0.1, lon: 0 })),
      ...[1, 2].map((k) => account(`r${k}`, 'R', { potential: 200, lat: 0.1, lon: 0 })),
      ...[1, 2].map((k) => account(`s${k}`, 'S', { potential: 200, lat: 3, lon: 0 })),
    ];
    const t = territoryMetrics(territoryData(reps, accounts));
    // workload per FTE 4,2,2,2 → mean 2.5: P +60%, others −20% (all outside ±15%)
    expect(t[0].outOfBand).toEqual([OUT_OF_BAND.workload, OUT_OF_BAND.accounts, OUT_OF_BAND.utilization]);
    expect(t[0].utilization).toBeCloseTo(4 / 3, 9);
    expect(t[1].outOfBand).toEqual([OUT_OF_BAND.workload, OUT_OF_BAND.accounts]);
    // attainment mean (1+1+1+0.7)/4 = 0.925; S at 0.7 is 22.5 pts below (band ±12.5); S travel 207 mi vs mean 57 mi
    expect(t[3].outOfBand).toEqual([OUT_OF_BAND.workload, OUT_OF_BAND.accounts, OUT_OF_BAND.attainment, OUT_OF_BAND.travel]);
    expect(t.every((x) => x.potentialIndex === 100)).toBe(true);
  });

  it('finds nothing out of band on a seeded healthy team', () => {
    const t = territoryMetrics(healthyTeam({ reps: 8, accountsPerRep: 6, seed: 7 }));
    expect(t).toHaveLength(8);
    for (const x of t) {
      expect(x.potentialIndex).toBeCloseTo(100, 6);
      expect(x.outOfBand).toEqual([]);
    }
  });
});

describe('teamMetrics', () => {
  it('worked example: potential deviation 25%, per-FTE dispersion 0', () => {
    const data = workedExample();
    const team = teamMetrics(data, territoryMetrics(data));
    expect(team.potentialMaxDeviation).toBeCloseTo(0.25, 9);
    expect(team.potentialCV).toBeCloseTo(0, 9); // 300/1 and 150/0.5 are both 300 per effective FTE
    expect(team.potentialGini).toBeCloseTo(0, 9);
    expect(team.workloadCV).toBeCloseTo(0, 9); // 2/1 and 1/0.5
    expect(team.attainmentSpreadPts).toBe(0); // one rep with data
  });

  it('dispersion of potential per FTE: CV and Gini', () => {
    // potentials 100, 200, 300, 400 at 1 FTE each: CV = sqrt(12500)/250 = 0.4472, Gini = 0.25
    const reps = ['A', 'B', 'C', 'D'].map((id) => rep(id, { attainment: [] }));
    reps[0].attainment = [1.3];
    reps[3].attainment = [0.6];
    const accounts = [100, 200, 300, 400].map((p, i) => account(`x${i}`, reps[i].id, { potential: p }));
    const data = territoryData(reps, accounts);
    const team = teamMetrics(data, territoryMetrics(data));
    expect(team.potentialCV).toBeCloseTo(Math.sqrt(12500) / 250, 9);
    expect(team.potentialGini).toBeCloseTo(0.25, 9);
    expect(team.potentialMaxDeviation).toBeCloseTo(0.6, 9); // 400 vs fair 250, 100 vs 250
    expect(team.attainmentSpreadPts).toBeCloseTo(70, 9);
  });
});
