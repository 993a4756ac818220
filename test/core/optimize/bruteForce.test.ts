/** Minimal must equal the brute-force optimum on instances small enough to enumerate (3 reps, 9 accounts). */
import { buildInstance, checkPlan, defaultScenarios, objectiveOf, optimize } from '../../../src/core/optimize';
import type { TerritoryData } from '../../../src/core/model';
import { loadHighs } from '../../../src/hosts/node/highs';
import { tinyTerritory } from './fixtures';

const cache = new Map<TerritoryData, ReturnType<typeof enumerate>>();
function bruteForce(data: TerritoryData) {
  if (!cache.has(data)) cache.set(data, enumerate(data));
  return cache.get(data)!;
}

function enumerate(data: TerritoryData): { objective: number; owners: string[] } | null {
  const scenario = defaultScenarios(data.settings)[0];
  const inst = buildInstance(data, scenario);
  const ids = data.reps.map((r) => r.id);
  const n = data.accounts.length;
  let best: { objective: number; owners: string[] } | null = null;
  const idx = new Int32Array(n);
  for (let code = 0; code < ids.length ** n; code++) {
    let c = code;
    for (let i = 0; i < n; i++) (idx[i] = c % ids.length), (c = Math.floor(c / ids.length));
    // cheap band pre-filter; the checker decides
    const load = [0, 0, 0];
    for (let i = 0; i < n; i++) load[idx[i]] += data.accounts[i].potential;
    if (load.some((l, k) => Math.abs(l / inst.band.target[k] - 1) > scenario.band + 1e-9)) continue;
    const owners = Array.from(idx, (k) => ids[k]);
    const check = checkPlan(data, scenario, owners);
    if (!check.ok || !check.bandMet) continue;
    const objective = objectiveOf(inst, idx);
    if (best === null || objective < best.objective - 1e-12) best = { objective, owners };
  }
  return best;
}

describe('Minimal against brute force', () => {
  const seeds = [1, 2, 3, 4, 5];
  const territories = new Map(seeds.map((s) => [s, tinyTerritory(s)]));
  test.each(seeds)('seed %i: HiGHS pipeline reaches the enumerated optimum', async (seed) => {
    const data = territories.get(seed)!;
    const best = bruteForce(data);
    const highs = await loadHighs();
    const { plans } = await optimize(data, { highs, scenarios: [defaultScenarios(data.settings)[0]], timeLimitMs: 10000 });
    const plan = plans[0];
    expect(best).not.toBeNull();
    expect(plan.feasible).toBe(true);
    expect(plan.objective).toBeCloseTo(best!.objective, 9);
    expect(plan.lowerBound).not.toBeNull();
    expect(plan.lowerBound!).toBeLessThanOrEqual(plan.objective + 1e-9);
    // the enumerated optimum really moves accounts: the band is binding
    expect(plan.metrics.moves).toBeGreaterThan(0);
  });

  test.each(seeds)('seed %i: TypeScript fallback is feasible and never beats the optimum', async (seed) => {
    const data = territories.get(seed)!;
    const best = bruteForce(data)!;
    const { plans, notes } = await optimize(data, { highs: null, scenarios: [defaultScenarios(data.settings)[0]], timeLimitMs: 10000 });
    expect(plans[0].engine).toBe('typescript');
    expect(plans[0].feasible).toBe(true);
    expect(plans[0].objective).toBeGreaterThanOrEqual(best.objective - 1e-9);
    expect(notes.join(' ')).toMatch(/TypeScript engine/);
  });
});
