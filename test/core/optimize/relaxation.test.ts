/**
 * The run's shared LP relaxations: each scenario starts from a dual-feasible basis (the previous
 * scenario's, or the crash basis) and gets the same lower bound as its own LP solved from scratch,
 * in far fewer iterations. An infeasible one comes with a Farkas certificate that bounds the
 * narrowest reachable band.
 */
import { buildInstance, buildLp, defaultScenarios, optimize, solveLp } from '../../../src/core/optimize';
import type { HighsSolver } from '../../../src/core/optimize/api';
import { withBand, type Instance } from '../../../src/core/optimize/instance';
import { certifiedUnreachableUpTo } from '../../../src/core/optimize/lp';
import { Relaxations } from '../../../src/core/optimize/relaxation';
import { account, rep, territory } from './fixtures';
import { makeInstance } from '../../../bench/instances';
import { loadHighs } from '../../../src/hosts/node/highs';

/** The LP relaxation of `inst` on its own model, from HiGHS's own start (presolve off, as the shared LPs). */
const coldSolve = (highs: HighsSolver, inst: Instance) => solveLp(highs, buildLp(inst, { free: null, owner: null, integer: false }), 60, undefined, undefined, { presolve: 'off' });

test('Balanced and Redesign after Minimal, from a starting basis: same bounds as cold solves, far fewer iterations', async () => {
  const highs = await loadHighs();
  const data = makeInstance({ accounts: 1000, reps: 20, seed: 20260101 });
  const [minimal, balanced, redesign] = defaultScenarios(data.settings).map((s) => buildInstance(data, s));
  const shared = new Relaxations(highs);
  try {
    const first = shared.solve(minimal, 60);
    expect(first.start).toBe('crash basis');
    const coldMinimal = coldSolve(highs, minimal);
    expect(first.result.objective!).toBeCloseTo(coldMinimal.objective!, 6);
    expect(first.result.iterations!).toBeLessThan(coldMinimal.iterations! * 0.5);
    // Balanced (same costs, other bounds) starts from Minimal's final basis, Redesign (new costs) from the crash basis
    for (const [inst, share] of [
      [balanced, 0.25],
      [redesign, 0.25],
    ] as const) {
      const warm = shared.solve(inst, 60);
      expect(warm.start).toBe(inst === balanced ? 'previous basis' : 'crash basis');
      const cold = coldSolve(highs, inst);
      expect(warm.result.optimal).toBe(true);
      expect(warm.result.objective!).toBeCloseTo(cold.objective!, 6);
      expect(warm.result.iterations!).toBeLessThan(cold.iterations! * share);
    }
  } finally {
    shared.dispose();
  }
});

test('without a persistent API (LP text only), a scenario solves its own LP to the same bound', async () => {
  const highs = await loadHighs();
  const textOnly = { solve: highs.solve };
  const data = makeInstance({ accounts: 300, reps: 8, seed: 5 });
  const inst = buildInstance(data, defaultScenarios(data.settings)[1]);
  const shared = new Relaxations(textOnly);
  const viaText = shared.solve(inst, 60);
  shared.dispose();
  const viaArrays = new Relaxations(highs);
  const warmless = viaArrays.solve(inst, 60);
  viaArrays.dispose();
  expect(viaText.start).toBe('own model');
  expect(viaText.result.objective!).toBeCloseTo(warmless.result.objective!, 6);
});

test('a persistent LP that fails in the host is not tried again: later scenarios solve their own LPs', async () => {
  const highs = await loadHighs();
  let opened = 0;
  const failing: HighsSolver = {
    ...highs,
    openLp: () => {
      opened++;
      throw new Error('out of memory');
    },
  };
  const data = makeInstance({ accounts: 300, reps: 8, seed: 5 });
  const [minimal, balanced] = defaultScenarios(data.settings).map((s) => buildInstance(data, s));
  const shared = new Relaxations(failing);
  const first = shared.solve(minimal, 60);
  const second = shared.solve(balanced, 60);
  shared.dispose();
  expect([first.start, second.start]).toEqual(['own model', 'own model']);
  expect(first.result.optimal && second.result.optimal).toBe(true);
  expect(opened).toBe(1);
});

describe('an unreachable band: Farkas certificates from the infeasible LP', () => {
  // Chicago: R1 and R2 own 8 accounts of 30 (240); Denver: R3 owns 2 accounts of 30 (60). Fair share
  // 100 each. With one candidate beyond the owner, no Chicago account can reach R3 (each one's nearest
  // other rep is in Chicago), so R3 holds at most 60, 40% under: for Minimal (no workload band), every
  // band below ±40% is unreachable, even fractionally, and ±40% is reachable.
  const chicago = { lat: 41.88, lon: -87.63 };
  const denver = { lat: 39.74, lon: -104.99 };
  const data = () =>
    territory(
      [
        ...Array.from({ length: 8 }, (_, k) => account(`C${k + 1}`, k < 4 ? 'R1' : 'R2', 30, chicago)),
        account('D1', 'R3', 30, denver),
        account('D2', 'R3', 30, denver),
      ],
      [rep('R1', { homeLat: chicago.lat, homeLon: chicago.lon }), rep('R2', { homeLat: chicago.lat, homeLon: chicago.lon }), rep('R3', { homeLat: denver.lat, homeLon: denver.lon })],
      { candidateReps: 1 },
    );

  test('the certificate of the solve at ±15% proves bands up to ±40% unreachable, and no further', async () => {
    const highs = await loadHighs();
    const d = data();
    const inst = buildInstance(d, defaultScenarios(d.settings)[0]);
    expect(inst.scenario.band).toBe(0.15);
    const shared = new Relaxations(highs);
    try {
      const first = shared.solve(inst, 60);
      expect(first.result.infeasible).toBe(true);
      expect(first.ray).not.toBeNull();
      const upTo = certifiedUnreachableUpTo(first.model, inst, first.ray!, 0.15)!;
      // sound: never beyond the true floor; and here the one certificate reaches it
      expect(upTo).toBeLessThanOrEqual(0.4);
      expect(upTo).toBeCloseTo(0.4, 6);
      // the opposite multipliers prove the same; multipliers that prove nothing are refused
      expect(certifiedUnreachableUpTo(first.model, inst, first.ray!.map((v) => -v), 0.15)).toBeCloseTo(upTo, 9);
      expect(certifiedUnreachableUpTo(first.model, inst, new Float64Array(first.ray!.length), 0.15)).toBeNull();
      // a certificate is only taken where it proves something: not at bands beyond its reach
      expect(certifiedUnreachableUpTo(first.model, inst, first.ray!, 0.41)).toBeNull();
      // and the LP agrees on both sides of the floor
      expect(shared.solve(withBand(inst, 0.399), 60).result.infeasible).toBe(true);
      expect(shared.solve(withBand(inst, 0.401), 60).result.optimal).toBe(true);
    } finally {
      shared.dispose();
    }
  });

  /** The relaxation of `inst` at `band`: infeasible or not, and how far its certificate reaches. */
  async function certificateAt(inst: Instance, band: number): Promise<{ infeasible: boolean; upTo: number | null }> {
    const shared = new Relaxations(await loadHighs());
    try {
      const { result, model, ray } = shared.solve(withBand(inst, band), 60);
      return { infeasible: result.infeasible, upTo: ray ? certifiedUnreachableUpTo(model, inst, ray, band) : null };
    } finally {
      shared.dispose();
    }
  }
  /** The same HiGHS with LP sessions that have no dual rays; `onSolve` runs after each solve. */
  function withoutDualRays(highs: HighsSolver, onSolve: () => void = () => undefined): HighsSolver {
    return {
      ...highs,
      openLp: (m) => {
        const session = highs.openLp!(m);
        return {
          solve: (...args) => {
            const out = session.solve(...args);
            onSolve();
            return out;
          },
          dispose: () => session.dispose(),
        };
      },
    };
  }
  /** 10 accounts of workload 1, capacity 3 each: 10 > 9 whatever the band. */
  const shortOfCapacity = () => {
    const d = data();
    d.reps.forEach((r) => (r.capacity = 3));
    return d;
  };

  test('a certificate that rests on capacity holds for every band', async () => {
    const d = shortOfCapacity();
    expect(await certificateAt(buildInstance(d, defaultScenarios(d.settings)[0]), 0.9)).toEqual({ infeasible: true, upTo: Infinity });
  });

  test('capacity short for the whole team: the plan is returned, and its blockers say which rule it still breaks', async () => {
    const d = shortOfCapacity();
    for (const highs of [await loadHighs(), null]) {
      const { plans } = await optimize(d, { highs, scenarios: [defaultScenarios(d.settings)[0]], timeLimitMs: 10000 });
      const plan = plans[0];
      expect(plan.feasible).toBe(false);
      expect(plan.check.ok).toBe(false);
      expect(plan.blockers).toContain("Total workload 10.0 exceeds the reps' total capacity 9.0");
      expect(plan.blockers.join(' ')).toMatch(/The best plan found still breaks a rule: R\d carries workload 4, above its capacity 3\./);
    }
  });

  test('Balanced: its workload band (±20%) blocks whatever the balance band, and the plan says so', async () => {
    const highs = await loadHighs();
    const d = data();
    const balanced = defaultScenarios(d.settings)[1];
    expect(balanced.workloadBand).toBe(0.2);
    // R3 can reach 2 accounts of workload 1; its workload band minimum is 0.8 × 10/3 = 2.67
    expect(await certificateAt(buildInstance(d, balanced), 0.5)).toEqual({ infeasible: true, upTo: Infinity });
    const { plans } = await optimize(d, { highs, scenarios: [balanced], timeLimitMs: 10000 });
    expect(plans[0].feasible).toBe(false);
    expect(plans[0].blockers).toContain('R3 can reach only workload 2.0 among accounts it may own, below the workload band minimum 2.7');
    expect(plans[0].blockers.join(' ')).toMatch(/nor any wider band: widening the balance band alone cannot help/);
    expect(plans[0].check.ok).toBe(true);
  });

  test('a Cancel during the band search stops it: no LP is solved after the cancel', async () => {
    let solves = 0;
    let cancelled = false;
    // no dual rays, so the search would bisect over several LPs
    const host = withoutDualRays(await loadHighs(), () => {
      solves++;
      cancelled = true;
    });
    const d = data();
    const { plans } = await optimize(d, { highs: host, scenarios: [defaultScenarios(d.settings)[0]], shouldStop: () => cancelled });
    expect(solves).toBe(1);
    expect(plans[0].status).toBe('cancelled');
    expect(plans[0].check.ok).toBe(true);
  });

  test.each([
    ['certificates', false],
    ['bisection (a host without dual rays)', true],
  ])('optimize names the floor and plans to it: %s', async (_name, withoutRays) => {
    const highs = await loadHighs();
    const host = withoutRays ? withoutDualRays(highs) : highs;
    const d = data();
    const { plans } = await optimize(d, { highs: host, scenarios: [defaultScenarios(d.settings)[0]], timeLimitMs: 10000 });
    const plan = plans[0];
    expect(plan.feasible).toBe(false);
    expect(plan.blockers.join(' ')).toMatch(/it needs a band of at least ±(39\.9\d|40)%/);
    expect(plan.blockers).toContain(
      'R3 can reach only $60 potential (60% of fair share) among accounts it may own (nearest-1 candidates), below the band minimum of $85 potential. ' +
        'A higher Candidate Reps setting (now 1) lets more accounts reach it.',
    );
    expect(plan.tightestBand).toBeCloseTo(0.4, 2);
    expect(plan.check.ok).toBe(true);
  });
});

test('when the LP proves no balance band helps (a workload band blocks), the tightest band is still the plan\'s own, not "no band", with both engines', async () => {
  const chicago = { lat: 41.88, lon: -87.63 };
  const denver = { lat: 39.74, lon: -104.99 };
  const d = territory(
    [...Array.from({ length: 8 }, (_, k) => account(`C${k + 1}`, k < 4 ? 'R1' : 'R2', 30, chicago)), account('D1', 'R3', 30, denver), account('D2', 'R3', 30, denver)],
    [rep('R1', { homeLat: chicago.lat, homeLon: chicago.lon }), rep('R2', { homeLat: chicago.lat, homeLon: chicago.lon }), rep('R3', { homeLat: denver.lat, homeLon: denver.lon })],
    { candidateReps: 1 },
  );
  const balanced = defaultScenarios(d.settings)[1];
  for (const highs of [await loadHighs(), null]) {
    const plan = (await optimize(d, { highs, scenarios: [balanced], timeLimitMs: 10000 })).plans[0];
    expect(plan.check.worstDeviation).toBeCloseTo(0.4, 6); // R3 holds 60 of a 100 fair share
    expect(plan.tightestBand).toBeCloseTo(0.4, 2);
  }
});
