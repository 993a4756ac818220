/**
 * Groups of reps that block the band together: the maximum flow behind them, the groups it finds
 * on a territory built so that no single rep blocks, and agreement with the LP relaxation's floor.
 */
import { buildInstance, defaultScenarios, optimize } from '../../../src/core/optimize';
import { withBand } from '../../../src/core/optimize/instance';
import { FlowNetwork } from '../../../src/core/optimize/maxFlow';
import { Relaxations } from '../../../src/core/optimize/relaxation';
import { blockingRepGroups } from '../../../src/core/optimize/repGroups';
import { diagnoseBlockers, floorPercent } from '../../../src/core/optimize/blockers';
import { loadHighs } from '../../../src/hosts/node/highs';
import { account, rep, territory } from './fixtures';
import { makeInstance } from '../../../bench/instances';

describe('FlowNetwork', () => {
  test('the textbook network (CLRS 26.1): maximum flow 23, and the minimum cut {s, v1, v2, v4}', () => {
    // s=0, v1..v4 = 1..4, t=5
    const net = new FlowNetwork(6);
    for (const [u, v, c] of [
      [0, 1, 16],
      [0, 2, 13],
      [2, 1, 4],
      [1, 3, 12],
      [3, 2, 9],
      [2, 4, 14],
      [4, 3, 7],
      [3, 5, 20],
      [4, 5, 4],
    ])
      net.addEdge(u, v, c);
    expect(net.maxFlow(0, 5)).toBe(23);
    expect(Array.from(net.sourceSide(0))).toEqual([1, 1, 1, 0, 1, 0]);
  });

  test('infinite middle edges and real capacities: the flow is the smaller side, within epsilon', () => {
    // two sources of 0.1 + 0.2 into one sink edge of 0.3 (0.1 + 0.2 !== 0.3 in floating point)
    const net = new FlowNetwork(4);
    net.addEdge(0, 1, 0.1);
    net.addEdge(0, 2, 0.2);
    net.addEdge(1, 3, Infinity);
    net.addEdge(2, 3, 0.3);
    expect(net.maxFlow(0, 3, 1e-12)).toBeCloseTo(0.3, 12);
    expect(net.sourceSide(0, 1e-12)[3]).toBe(0);
  });

  test('a path of 100,000 edges: no recursion, so no stack overflow', () => {
    const n = 100_001;
    const net = new FlowNetwork(n, n);
    for (let u = 0; u + 1 < n; u++) net.addEdge(u, u + 1, 5 + (u % 7));
    expect(net.maxFlow(0, n - 1)).toBe(5);
  });
});

describe('reps that block the band together', () => {
  // Chicago: R1 and R2 own eight accounts of 30 (240); Denver: R3 and R4 own one account of 30 each
  // (60). Fair share 75 each. With one candidate beyond the owner, every Chicago account can go only
  // to R1 or R2, and every Denver account only to R3 or R4. At ±25% each rep alone could be in band
  // (R3 reaches 60 ≥ 56.25; neither Chicago rep is pinned), but as pairs: R1 + R2 must hold 240
  // against a maximum of 187.5, and R3 + R4 can reach 60 against a minimum of 112.5. Both pairs
  // need ±60%: 240 / 150 − 1 and 1 − 60 / 150.
  const chicago = { lat: 41.88, lon: -87.63 };
  const denver = { lat: 39.74, lon: -104.99 };
  const data = (band = 0.25, maxDistanceMiles: number | null = null) =>
    territory(
      [
        ...Array.from({ length: 8 }, (_, k) => account(`C${k + 1}`, k < 4 ? 'R1' : 'R2', 30, chicago)),
        account('D1', 'R3', 30, denver),
        account('D2', 'R4', 30, denver),
      ],
      [
        rep('R1', { homeLat: chicago.lat, homeLon: chicago.lon }),
        rep('R2', { homeLat: chicago.lat + 0.1, homeLon: chicago.lon }),
        rep('R3', { homeLat: denver.lat, homeLon: denver.lon }),
        rep('R4', { homeLat: denver.lat + 0.1, homeLon: denver.lon }),
      ],
      { candidateReps: 1, band, maxDistanceMiles },
    );
  const minimal = (band?: number) => {
    const d = data(band);
    return buildInstance(d, defaultScenarios(d.settings)[0]);
  };

  test('the flow finds both pairs, with their sums and the ±60% they need', () => {
    const groups = blockingRepGroups(minimal());
    expect(groups).toHaveLength(2);
    const [over, short] = groups;
    expect(over).toMatchObject({ kind: 'over', reps: [0, 1], amount: 240, limit: 187.5 });
    expect(short).toMatchObject({ kind: 'short', reps: [2, 3], amount: 60, limit: 112.5 });
    expect(over.floor).toBeCloseTo(0.6, 12);
    expect(short.floor).toBeCloseTo(0.6, 12);
  });

  test('at ±60% and wider nothing blocks; just inside it both pairs do', () => {
    expect(blockingRepGroups(minimal(0.6))).toEqual([]);
    expect(blockingRepGroups(minimal(0.7))).toEqual([]);
    expect(blockingRepGroups(minimal(0.59)).map((g) => g.kind)).toEqual(['over', 'short']);
  });

  test('the LP relaxation agrees: infeasible just below ±60%, feasible at it', async () => {
    const shared = new Relaxations(await loadHighs());
    try {
      expect(shared.solve(withBand(minimal(), 0.599), 60).result.infeasible).toBe(true);
      expect(shared.solve(withBand(minimal(), 0.6001), 60).result.optimal).toBe(true);
    } finally {
      shared.dispose();
    }
  });

  test('the plan names both pairs, with and without HiGHS, and no single rep', async () => {
    const d = data();
    for (const highs of [await loadHighs(), null]) {
      const { plans } = await optimize(d, { highs, scenarios: [defaultScenarios(d.settings)[0]], timeLimitMs: 10000 });
      const plan = plans[0];
      expect(plan.feasible).toBe(false);
      expect(plan.blockers).toContain(
        "Accounts that can go only to reps R1 and R2 (locked, Stage 3+, or no candidate elsewhere) hold $240 potential, above those reps' combined band maximum of $188 potential: as a group they need a band of at least ±60.0%. " +
          'A higher Candidate Reps setting (now 1) lets more of these accounts go elsewhere.',
      );
      expect(plan.blockers).toContain(
        'Reps R3 and R4 together can reach only $60 potential among accounts they may own (nearest-1 candidates), below their combined band minimum of $113 potential: as a group they need a band of at least ±60.0%. ' +
          'A higher Candidate Reps setting (now 1) lets more accounts reach them.',
      );
      expect(plan.blockers.filter((b) => /^R\d( can reach only|: accounts that must stay)/.test(b))).toEqual([]);
      expect(plan.tightestBand).toBeGreaterThanOrEqual(0.6);
    }
  });

  test('with a distance limit, the blocker names it among the settings that widen the choice', async () => {
    const d = data(0.25, 2000); // every candidate is well within 2,000 mi: the same pairs
    const { plans } = await optimize(d, { highs: null, scenarios: [defaultScenarios(d.settings)[0]], timeLimitMs: 10000 });
    expect(plans[0].blockers.filter((b) => b.startsWith('Reps R3 and R4'))).toEqual([
      'Reps R3 and R4 together can reach only $60 potential among accounts they may own (nearest-1 candidates, 2000 mi limit), below their combined band minimum of $113 potential: ' +
        'as a group they need a band of at least ±60.0%. A higher Candidate Reps setting (now 1) or a longer Max Distance (now 2000 mi) lets more accounts reach them.',
    ]);
  });
});

test('a rep that locked accounts alone overfill is named on its own, not folded into a group', () => {
  // fair share 230, maximum 287.5 at ±25%. R1's locked accounts hold 300; R2's locked one 240, and
  // F1 (60) can go only to R1 or R2. The flow's cut holds R1 and R2 (600 against 575), but R1's locks
  // are the cause, and no choice of reps fixes them: the blockers name R1 alone.
  const chicago = { lat: 41.88, lon: -87.63 };
  const denver = { lat: 39.74, lon: -104.99 };
  const d = territory(
    [
      ...['L1', 'L2', 'L3'].map((id) => account(id, 'R1', 100, { ...chicago, locked: true })),
      account('L4', 'R2', 240, { ...chicago, locked: true }),
      account('F1', 'R2', 60, chicago),
      account('D1', 'R3', 45, denver),
      account('D2', 'R3', 45, denver),
    ],
    [rep('R1', { homeLat: chicago.lat, homeLon: chicago.lon }), rep('R2', { homeLat: chicago.lat + 0.1, homeLon: chicago.lon }), rep('R3', { homeLat: denver.lat, homeLon: denver.lon })],
    { candidateReps: 1, band: 0.25 },
  );
  const inst = buildInstance(d, defaultScenarios(d.settings)[0]);
  expect(blockingRepGroups(inst)).toEqual([]);
  const blockers = diagnoseBlockers(inst);
  expect(blockers.filter((b) => b.startsWith('R1: accounts that must stay'))).toHaveLength(1);
  expect(blockers.filter((b) => b.includes('Accounts that can go only to reps'))).toEqual([]);
});

test('without HiGHS, repair aims at the blocking group\'s floor instead of the unreachable band: a tighter plan', async () => {
  // 5,000 accounts × 100 reps: four reps (R010, R030, R050, R065) can together reach only enough for
  // ±15.08%, so Balanced's ±10% is out of reach. Repairing toward ±10% ended at ±15.4%; aimed at the
  // group's floor, the plan reaches ±15.2%.
  const d = makeInstance({ accounts: 5000, reps: 100, seed: 20260101 });
  const balanced = defaultScenarios(d.settings)[1];
  const groups = blockingRepGroups(buildInstance(d, balanced));
  const floor = Math.max(...groups.map((g) => g.floor));
  expect(floor).toBeCloseTo(0.1508, 4);
  const { plans } = await optimize(d, { highs: null, scenarios: [balanced], timeLimitMs: 60000 });
  expect(plans[0].feasible).toBe(false);
  expect(plans[0].tightestBand).toBeGreaterThanOrEqual(floor);
  expect(plans[0].tightestBand).toBeLessThanOrEqual(0.153);
});

test('floorPercent rounds down, with the digits it takes to show the floor above the band', () => {
  expect(floorPercent(0.1213, 0.1)).toBe('12.1');
  expect(floorPercent(0.15082, 0.15)).toBe('15.08');
  expect(floorPercent(0.150004, 0.15)).toBe('15.000');
  expect(floorPercent(0.6, 0.25)).toBe('60.0');
});
