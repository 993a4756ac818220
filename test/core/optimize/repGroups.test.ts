/**
 * Groups of reps that block the band together: the maximum flow behind them, the groups it finds
 * on a territory built so that no single rep blocks, and agreement with the LP relaxation's floor.
 */
import { buildInstance, defaultScenarios, optimize } from '../../../src/core/optimize';
import { withBand, type Instance } from '../../../src/core/optimize/instance';
import { FlowNetwork } from '../../../src/core/optimize/maxFlow';
import { Relaxations } from '../../../src/core/optimize/relaxation';
import { blockingRepGroups, groupsFloor } from '../../../src/core/optimize/repGroups';
import { bandAtLeast, diagnoseBlockers } from '../../../src/core/optimize/blockers';
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

  test('residuals within epsilon count as saturated: (0.1 + 0.2) − 0.1 − 0.2 leaves 3e-17, and the cut stays at the source', () => {
    // s=0 → 1 (0.1 + 0.2 in floating point), then 1 → t=2 twice (0.1 and 0.2): the source edge keeps a rounding residual
    const net = new FlowNetwork(3);
    net.addEdge(0, 1, 0.1 + 0.2);
    net.addEdge(1, 2, 0.1);
    net.addEdge(1, 2, 0.2);
    expect(net.maxFlow(0, 2, 1e-12)).toBeCloseTo(0.3, 12);
    expect(Array.from(net.sourceSide(0, 1e-12))).toEqual([1, 0, 0]);
    expect(Array.from(net.sourceSide(0, 0))).toEqual([1, 1, 0]); // without epsilon the residual reopens the edge
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
  const data = (band = 0.25, maxDistanceMiles: number | null = null, candidateReps = 1) =>
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
      { candidateReps, band, maxDistanceMiles },
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

  test('the LP relaxation agrees with the groups\' floor: infeasible just below it, feasible at it', async () => {
    const floor = groupsFloor(minimal());
    expect(floor).toBeCloseTo(0.6, 12);
    const shared = new Relaxations(await loadHighs());
    try {
      expect(shared.solve(withBand(minimal(), floor - 0.001), 60).result.infeasible).toBe(true);
      expect(shared.solve(withBand(minimal(), floor + 0.0001), 60).result.optimal).toBe(true);
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
        "Accounts that can go only to reps R1 and R2 (locked, Stage 3+, or no candidate elsewhere) hold $240 potential, above those reps' combined band maximum of $188 potential: as a group they need a band of at least ±60%. " +
          'A higher Candidate Reps setting (now 1) lets more of these accounts go elsewhere.',
      );
      expect(plan.blockers).toContain(
        'Reps R3 and R4 together can reach only $60 potential among accounts they may own (nearest-1 candidates), below their combined band minimum of $113 potential: as a group they need a band of at least ±60%. ' +
          'A higher Candidate Reps setting (now 1) lets more accounts reach them.',
      );
      expect(plan.blockers.filter((b) => /^R\d( can reach only|: accounts that must stay)/.test(b))).toEqual([]);
      expect(plan.tightestBand).toBeGreaterThanOrEqual(0.6);
      // the groups state the floor; the LP relaxation's certificate of the same floor is not said twice
      expect(plan.blockers).toHaveLength(2);
    }
  });

  test('the advice names the setting that cuts the choice here: not a distance limit that cuts nothing, but one that does', async () => {
    const reach = async (maxDistanceMiles: number, candidateReps: number) => {
      const d = data(0.25, maxDistanceMiles, candidateReps);
      const { plans } = await optimize(d, { highs: null, scenarios: [defaultScenarios(d.settings)[0]], timeLimitMs: 10000 });
      return plans[0].blockers.find((b) => b.startsWith('Reps R3 and R4'))?.replace(/^.*%\. /, '');
    };
    // 2,000 mi reaches everyone: the nearest-1 rule alone keeps Chicago's accounts from Denver
    expect(await reach(2000, 1)).toBe('A higher Candidate Reps setting (now 1) lets more accounts reach them.');
    // 3 candidates, but Denver is ~900 mi from Chicago: the 500 mi limit is what keeps them apart
    expect(await reach(500, 3)).toBe('A longer Max Distance (now 500 mi) lets more accounts reach them.');
  });
});

describe('locked accounts in a group', () => {
  // Chicago: R1 and R2, whose accounts L* are locked; F1 can go only to R1 or R2. Denver: R3 with two
  // accounts. At ±25% the Chicago pair must hold everything in Chicago.
  const chicago = { lat: 41.88, lon: -87.63 };
  const denver = { lat: 39.74, lon: -104.99 };
  const build = (r1Locks: number, r2Lock: number) => {
    const d = territory(
      [
        ...['L1', 'L2', 'L3'].map((id) => account(id, 'R1', r1Locks, { ...chicago, locked: true })),
        account('L4', 'R2', r2Lock, { ...chicago, locked: true }),
        account('F1', 'R2', 60, chicago),
        account('D1', 'R3', 45, denver),
        account('D2', 'R3', 45, denver),
      ],
      [rep('R1', { homeLat: chicago.lat, homeLon: chicago.lon }), rep('R2', { homeLat: chicago.lat + 0.1, homeLon: chicago.lon }), rep('R3', { homeLat: denver.lat, homeLon: denver.lon })],
      { candidateReps: 1, band: 0.25 },
    );
    return buildInstance(d, defaultScenarios(d.settings)[0]);
  };

  test('a rep its locks overfill is named on its own, and its group too: unlocking alone would not do', () => {
    // fair share 230, maximum 287.5: R1's locks hold 300 (over by 12.5), but Chicago holds 600 against 575
    const inst = build(100, 240);
    const [group] = blockingRepGroups(inst);
    expect(group).toMatchObject({ kind: 'over', reps: [0, 1], amount: 600, limit: 575, pinned: 540 });
    const blockers = diagnoseBlockers(inst);
    expect(blockers.filter((b) => b.startsWith('R1: accounts that must stay'))).toHaveLength(1);
    expect(blockers).toContain(
      "Accounts that can go only to reps R1 and R2 (locked, Stage 3+, or no candidate elsewhere) hold $600 potential, above those reps' combined band maximum of $575 potential: " +
        'as a group they need a band of at least ±30.43%. A higher Candidate Reps setting (now 1) lets more of these accounts go elsewhere.',
    );
  });

  test('when the locks alone exceed the group\'s maximum, the blocker says only unlocking helps', () => {
    // fair share 316.7, maximum 395.8: the locks hold 800 against 791.7 for the pair
    const inst = build(150, 350);
    const [group] = blockingRepGroups(inst);
    expect(group).toMatchObject({ kind: 'over', reps: [0, 1], amount: 860, pinned: 800 });
    expect(diagnoseBlockers(inst).find((b) => b.startsWith('Accounts that can go only to reps R1 and R2'))).toMatch(
      /Their locked and Stage 3\+ accounts alone hold \$800 potential: only unlocking some \(or allowing Stage 3\+ moves\) brings them within it\.$/,
    );
  });
});

/** An instance built by hand: reps with targets, accounts with values and candidate reps (all free). */
function handBuilt(values: number[], candidates: number[][], targets: number[], band: number): Instance {
  const start = Int32Array.from([0, ...candidates.map((_, i) => candidates.slice(0, i + 1).flat().length)]);
  const target = Float64Array.from(targets);
  return {
    nA: values.length,
    nR: targets.length,
    value: Float64Array.from(values),
    pinned: new Int32Array(values.length).fill(-1),
    cand: { start, reps: Int32Array.from(candidates.flat()), miles: new Float64Array(start[values.length]) },
    eligible: targets.map(() => true),
    band: { lo: target.map((t) => (1 - band) * t), hi: target.map((t) => (1 + band) * t), target },
    scenario: { band },
  } as unknown as Instance;
}

describe('groups by hand (reps A–E, fair share 10 each)', () => {
  test('two excesses are two groups, not one averaged: an account that can also leave does not join them', () => {
    // x {A,B} 30 and y {C,D} 24 are stuck; w {B,C,E} 1 could go to E; f {E} 10 stays with E
    const groups = blockingRepGroups(handBuilt([30, 24, 1, 10], [[0, 1], [2, 3], [1, 2, 4], [4]], [10, 10, 10, 10, 10], 0.1));
    expect(groups.map((g) => [g.kind, g.reps, g.amount])).toEqual([
      ['over', [0, 1], 30],
      ['over', [2, 3], 24],
    ]);
    expect(groups[0].floor).toBeCloseTo(0.5, 12);
    expect(groups[1].floor).toBeCloseTo(0.2, 12);
  });

  test('the floor is found again until nothing blocks: the largest excess in money is not the widest band', () => {
    // x {A,B} 30, y {B,C} 13, z {C,D} 13: at ±10% the cut is all four reps (56 against 44, ±40%), but
    // A and B alone need ±50% (30 against 20 × 1.5)
    const inst = handBuilt([30, 13, 13], [[0, 1], [1, 2], [2, 3]], [10, 10, 10, 10], 0.1);
    expect(blockingRepGroups(inst).map((g) => g.floor.toFixed(2))).toEqual(['0.40']);
    expect(groupsFloor(inst)).toBeCloseTo(0.5, 12);
  });

  test('negative values (a credit in Revenue TTM) get no groups: the flow argument needs one sign', () => {
    // x {A,B} 30, a credit y {B,C} −10, z {C} 10 and x2 {D,E} 30: A 11, B 19 − 10 = 9 and C 10 meet ±10%,
    // though the sums would say A and B hold 30 > 22. No group is claimed at all (D and E are over too:
    // the analysis stays silent rather than risk a false claim).
    const inst = handBuilt([30, -10, 10, 30], [[0, 1], [1, 2], [2], [3, 4]], [10, 10, 10, 10, 10], 0.1);
    expect(blockingRepGroups(inst)).toEqual([]);
    expect(groupsFloor(inst)).toBe(0);
  });
});

test('reps with no fair share (0 FTE) holding accounts that cannot leave: no band helps, and repair still balances the rest', async () => {
  // R1 and R2 (0 FTE) in Chicago hold C1 and C2, whose other candidates are the two of them; R3 holds
  // all twelve Denver accounts (666), which R4 and R5 nearby can take
  const chicago = { lat: 41.88, lon: -87.63 };
  const denver = { lat: 39.74, lon: -104.99 };
  const d = territory(
    [
      account('C1', 'R1', 100, chicago),
      account('C2', 'R2', 100, chicago),
      ...Array.from({ length: 12 }, (_, k) => account(`D${k}`, 'R3', 50 + k, { lat: denver.lat + k * 0.01, lon: denver.lon })),
    ],
    [
      rep('R1', { fte: 0, homeLat: chicago.lat, homeLon: chicago.lon }),
      rep('R2', { fte: 0, homeLat: chicago.lat + 0.1, homeLon: chicago.lon }),
      rep('R3', { homeLat: denver.lat, homeLon: denver.lon }),
      rep('R4', { homeLat: denver.lat + 0.05, homeLon: denver.lon }),
      rep('R5', { homeLat: denver.lat + 0.1, homeLon: denver.lon }),
    ],
    { candidateReps: 2, band: 0.1, maxDistanceMiles: 100 },
  );
  const minimal = defaultScenarios(d.settings)[0];
  expect(groupsFloor(buildInstance(d, minimal))).toBe(Infinity);
  expect(diagnoseBlockers(buildInstance(d, minimal)).join(' ')).toMatch(/Accounts that can go only to reps R1 and R2 .*: no band helps, as their fair share is 0\./);
  const { plans } = await optimize(d, { highs: null, scenarios: [minimal], timeLimitMs: 10000 });
  const load = (id: string) => d.accounts.reduce((sum, a, i) => sum + (plans[0].owners[i] === id ? a.potential : 0), 0);
  // 666 over three Denver reps: repair spreads it (an unbounded aim would have left it all with R3)
  for (const id of ['R3', 'R4', 'R5']) expect(load(id)).toBeGreaterThan(150);
});

test('the floor includes single reps: locks over one rep\'s maximum set it when they need more than any group', () => {
  // C {A,B} 30 is stuck with A and B (±50% for the pair); D holds a locked 40 against a fair share of 10 (±300%)
  const inst = handBuilt([30, 40], [[0, 1], [3]], [10, 10, 10, 10], 0.1);
  (inst.pinned as Int32Array)[1] = 3;
  expect(groupsFloor(inst)).toBeCloseTo(3, 12);
});

test('without coordinates every rep is a candidate: the blocker suggests no setting', () => {
  // R2 and R3 can reach nothing (every account is locked with R1); no setting widens a choice that is already all reps
  const d = territory(
    [account('A1', 'R1', 50, { locked: true }), account('A2', 'R1', 50, { locked: true })],
    [rep('R1'), rep('R2'), rep('R3')],
    { candidateReps: 1, band: 0.25 },
  );
  const blockers = diagnoseBlockers(buildInstance(d, defaultScenarios(d.settings)[0]));
  const r2 = blockers.find((b) => b.startsWith('R2 can reach only'));
  expect(r2).toMatch(/below the band minimum of \$25 potential\.$/);
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

test('bandAtLeast rounds down to 0.01 pt, and says "just above" when that would not show the floor above the band', () => {
  expect(bandAtLeast(0.12133, 0.1)).toBe('a band of at least ±12.13%');
  expect(bandAtLeast(0.15082, 0.1)).toBe('a band of at least ±15.08%');
  expect(bandAtLeast(0.6, 0.25)).toBe('a band of at least ±60%');
  expect(bandAtLeast(0.150004, 0.15)).toBe('a band just above ±15%');
});

test('reps whose capacities together cannot carry the accounts that can go only to them are named as a group, with both engines', async () => {
  const west = (id: string) => account(id, id === 'A1' ? 'W1' : 'W2', 100, { workload: 5, lat: 34, lon: -118, region: 'West' });
  const d = territory(
    [west('A1'), west('A2'), west('A3'), west('A4'), west('A5'), account('A6', 'E1', 100, { workload: 1, lat: 40, lon: -75, region: 'East' })],
    [
      rep('W1', { homeLat: 34, homeLon: -118, region: 'West', capacity: 10 }),
      rep('W2', { homeLat: 34.1, homeLon: -118.1, region: 'West', capacity: 10 }),
      rep('E1', { homeLat: 40, homeLon: -75, region: 'East' }),
    ],
    { withinRegion: true },
  );
  // neither rep alone is forced over its capacity (each could hand accounts to the other): only the pair is
  for (const highs of [await loadHighs(), null]) {
    const { plans } = await optimize(d, { highs, scenarios: [defaultScenarios(d.settings)[0]], timeLimitMs: 10000 });
    const plan = plans[0];
    expect(plan.check.ok).toBe(false);
    expect(plan.blockers).toContain(
      "Accounts that can go only to reps W1 and W2 (locked, Stage 3+, or no candidate elsewhere) carry workload 25.0, above those reps' combined capacity 20.0: no plan keeps their capacity. " +
        'Rebalancing across regions lets more of these accounts go elsewhere.',
    );
    expect(plan.blockers.some((b) => /^W\d: accounts that must stay carry workload/.test(b))).toBe(false);
  }
});
