import { buildInstance, buildLp, defaultScenarios, objectiveOf, optimize } from '../../../src/core/optimize';
import { Assignment, greedyStart, NO_LIMIT } from '../../../src/core/optimize/assignment';
import { lagrangianStart } from '../../../src/core/optimize/lagrangian';
import { localSearch } from '../../../src/core/optimize/localSearch';
import { repair } from '../../../src/core/optimize/repair';
import { loadHighs } from '../../../src/hosts/node/highs';
import { makeInstance } from '../../../bench/instances';
import { account, rep, territory } from './fixtures';

/** The TypeScript engine's first route: the greedy start, repaired and searched. */
function greedyRoute(inst: ReturnType<typeof buildInstance>): Assignment {
  const a = new Assignment(inst, greedyStart(inst));
  repair(a, NO_LIMIT);
  localSearch(a, NO_LIMIT);
  return a;
}

describe('the Lagrangian start of the TypeScript engine', () => {
  test.each([
    [1000, 20, 20260101],
    [400, 8, 3],
    [300, 6, 11],
  ])('%i accounts x %i reps (seed %i): its value is a lower bound within 1.5%% of the LP relaxation, which bounds it', async (accounts, reps, seed) => {
    const data = makeInstance({ accounts, reps, seed });
    const inst = buildInstance(data, defaultScenarios(data.settings)[0]);
    const highs = await loadHighs();
    const model = buildLp(inst, { free: null, owner: null, integer: false });
    const lp = highs.solveArrays!(model.arrays, { output_flag: false, presolve: 'off' });
    expect(lp.status).toBe('Optimal');
    const lpBound = lp.objective + model.constant;
    const start = lagrangianStart(inst, greedyRoute(inst).owner, NO_LIMIT)!;
    // every Lagrangian value is at most the LP optimum (the Lagrangian dual's maximum), and the steps get close to it
    expect(start.bound).toBeLessThanOrEqual(lpBound + 1e-6);
    expect(start.bound).toBeGreaterThan(0.985 * lpBound);
    // the start is a whole assignment on the candidates, nearer the band than the greedy start
    expect(objectiveOf(inst, start.owner)).toBeLessThan(Infinity);
    expect(new Assignment(inst, start.owner).totalBandViolation()).toBeLessThan(new Assignment(inst, greedyStart(inst)).totalBandViolation());
  });

  it('makes the TypeScript plan cheaper than the greedy route alone, and never dearer (1k x 20: 95.07 by the greedy route)', async () => {
    const data = makeInstance({ accounts: 1000, reps: 20, seed: 20260101 });
    for (const scenario of defaultScenarios(data.settings)) {
      const inst = buildInstance(data, scenario);
      const greedy = greedyRoute(inst);
      const plan = (await optimize(data, { highs: null, scenarios: [scenario] })).plans[0];
      expect(plan.check.ok).toBe(true);
      expect(plan.objective).toBeLessThanOrEqual(greedy.objective() + 1e-9);
      if (scenario.kind === 'Minimal') expect(plan.objective).toBeLessThan(0.93 * greedy.objective());
    }
  });

  it('stops at once where every rep is already within its band at no price: everyone at their cheapest candidate', () => {
    const data = territory(
      [account('A1', 'R1', 100), account('A2', 'R2', 100), account('A3', 'R1', 50), account('A4', 'R2', 50)],
      [rep('R1'), rep('R2')],
    );
    const inst = buildInstance(data, defaultScenarios(data.settings)[0]);
    const start = lagrangianStart(inst, greedyStart(inst), NO_LIMIT)!;
    expect(start.excess).toBe(0);
    expect(Array.from(start.owner)).toEqual(Array.from(inst.current));
    expect(start.bound).toBe(0);
  });

  it('prices an overloaded rep until accounts leave it', () => {
    // R1 holds 300 of 400: its band (±15% of 200) needs the 120 or the 100 to go to R2 (the three at one
    // price would all move at once, or none: the start breaks ties no better than that, repair does)
    const data = territory(
      [account('A1', 'R1', 120), account('A2', 'R1', 100), account('A3', 'R1', 80), account('A4', 'R2', 100)],
      [rep('R1'), rep('R2')],
    );
    const inst = buildInstance(data, defaultScenarios(data.settings)[0]);
    const start = lagrangianStart(inst, greedyRoute(inst).owner, NO_LIMIT)!;
    expect(start.excess).toBe(0);
    expect(Array.from(start.owner).filter((r) => r === 0)).toHaveLength(2);
    expect(start.bound).toBeGreaterThan(0);
    expect(start.bound).toBeLessThanOrEqual(objectiveOf(inst, start.owner) + 1e-9);
  });

  it('gives no start when no rep may own accounts', () => {
    const data = territory([account('A1', 'R1', 100)], [rep('R1', { status: 'Departing' })]);
    const inst = buildInstance(data, defaultScenarios(data.settings)[0]);
    expect(lagrangianStart(inst, greedyStart(inst), NO_LIMIT)).toBeNull();
  });
});
