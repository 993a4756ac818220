/**
 * The run's shared LP relaxations: each scenario after the first starts from the previous basis,
 * and gets the same lower bound as its own LP solved from scratch, in fewer iterations.
 */
import { buildInstance, buildLp, defaultScenarios, solveLp } from '../../../src/core/optimize';
import { Relaxations } from '../../../src/core/optimize/relaxation';
import { makeInstance } from '../../../bench/instances';
import { loadHighs } from '../../../src/hosts/node/highs';

test('Balanced and Redesign warm-started from Minimal: same bounds as cold solves, fewer iterations', async () => {
  const highs = await loadHighs();
  const data = makeInstance({ accounts: 1000, reps: 20, seed: 20260101 });
  const [minimal, balanced, redesign] = defaultScenarios(data.settings).map((s) => buildInstance(data, s));
  const shared = new Relaxations(highs);
  try {
    const first = shared.solve(minimal, 60);
    expect(first.warm).toBe(false);
    // a band change (Balanced) re-uses most of the basis; new costs (Redesign) less of it
    for (const [inst, share] of [
      [balanced, 0.25],
      [redesign, 0.75],
    ] as const) {
      const warm = shared.solve(inst, 60);
      expect(warm.warm).toBe(true);
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
  expect(viaText.warm).toBe(false);
  expect(viaText.result.objective!).toBeCloseTo(warmless.result.objective!, 6);
});
