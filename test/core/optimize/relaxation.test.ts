/**
 * The run's shared LP relaxations: each scenario starts from a dual-feasible basis (the previous
 * scenario's, or the crash basis) and gets the same lower bound as its own LP solved from scratch,
 * in far fewer iterations.
 */
import { buildInstance, buildLp, defaultScenarios, solveLp } from '../../../src/core/optimize';
import { Relaxations } from '../../../src/core/optimize/relaxation';
import { makeInstance } from '../../../bench/instances';
import { loadHighs } from '../../../src/hosts/node/highs';

test('Balanced and Redesign after Minimal, from a starting basis: same bounds as cold solves, far fewer iterations', async () => {
  const highs = await loadHighs();
  const data = makeInstance({ accounts: 1000, reps: 20, seed: 20260101 });
  const [minimal, balanced, redesign] = defaultScenarios(data.settings).map((s) => buildInstance(data, s));
  const shared = new Relaxations(highs);
  try {
    const first = shared.solve(minimal, 60);
    expect(first.start).toBe('crash basis');
    const coldMinimal = solveLp(highs, buildLp(minimal, { free: null, owner: null, reps: null, integer: false }), 60, undefined, undefined, { presolve: 'off' });
    expect(first.result.objective!).toBeCloseTo(coldMinimal.objective!, 6);
    expect(first.result.iterations!).toBeLessThan(coldMinimal.iterations! * 0.5);
    // Balanced (same costs, other bounds) starts from Minimal's final basis, Redesign (new costs) from the crash basis
    for (const [inst, share] of [
      [balanced, 0.25],
      [redesign, 0.25],
    ] as const) {
      const warm = shared.solve(inst, 60);
      expect(warm.start).toBe(inst === balanced ? 'previous basis' : 'crash basis');
      const coldModel = buildLp(inst, { free: null, owner: null, reps: null, integer: false });
      const cold = solveLp(highs, coldModel, 60, undefined, undefined, { presolve: 'off' });
      expect(warm.result.optimal).toBe(true);
      expect(warm.result.objective!).toBeCloseTo(cold.objective!, 6);
      expect(warm.result.iterations!).toBeLessThan(cold.iterations! * share);
    }
  } finally {
    shared.dispose();
  }
});

test('without a persistent API (LP text only), each scenario solves its own LP to the same bound', async () => {
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
