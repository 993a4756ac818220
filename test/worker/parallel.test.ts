/**
 * Two workers on one run: the split of the scenarios, plans back in the caller's order, one
 * progress fraction over both, notes once; one worker on one core or for very large territories;
 * and through real Node worker threads, the same plans on every run.
 */
import { DEFAULT_SETTINGS, type ScenarioSpec, type TerritoryData } from '../../src/core/model';
import { defaultScenarios, optimize } from '../../src/core/optimize';
import type { OptimizeOptions } from '../../src/core/optimize/api';
import { loadHighs } from '../../src/hosts/node/highs';
import { spawnNodeOptimizer } from '../../src/hosts/node/worker';
import { splitScenarios } from '../../src/core/optimize/scenarios';
import { createParallelOptimizer } from '../../src/worker/parallel';
import { WARM_UP } from '../../src/worker/warmUp';
import { makeInstance } from '../../bench/instances';
import { emptyData, inProcessWorker, planWith } from './fakeWorker';

const scenarios = defaultScenarios(DEFAULT_SETTINGS);

describe('splitScenarios', () => {
  it('puts Minimal and Balanced in one worker, Redesign and the custom scenario in the other', () => {
    expect(splitScenarios(scenarios)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(splitScenarios([scenarios[2], scenarios[0], scenarios[3]])).toEqual([[1], [0, 2]]);
  });

  it('keeps a single group together', () => {
    expect(splitScenarios([scenarios[0]])).toEqual([[0]]);
    expect(splitScenarios([scenarios[2], scenarios[3]])).toEqual([[0, 1]]);
  });
});

/** A fake optimizer: one plan per scenario it is given, objective = 10 × position in the full list, progress in two steps. */
function namingOptimizer(runs: string[][]) {
  return async (_data: TerritoryData, options: OptimizeOptions) => {
    const given = (options.scenarios ?? []) as ScenarioSpec[];
    runs.push(given.map((s) => s.name));
    for (const f of [0.5, 1]) {
      options.onProgress?.({ scenario: given[0].name, phase: 'step', fraction: f, message: '' });
      await options.pause?.();
    }
    return { plans: given.map((s) => planWith(s.name, 'optimal', 10 * scenarios.findIndex((x) => x.name === s.name))), notes: ['HiGHS 1.x', `ran ${given.map((s) => s.name).join('+')}`] };
  };
}

/** A parallel client over in-process workers running namingOptimizer; counts the workers it spawns. */
function fakeParallel(cores: number, maxAccountsToSplit?: number, minAccountsToSplit = 0) {
  const runs: string[][] = [];
  const spawned = { count: 0 };
  const spawn = () => {
    spawned.count++;
    return inProcessWorker(1, undefined, namingOptimizer(runs));
  };
  return { client: createParallelOptimizer(spawn, { cores, minAccountsToSplit, maxAccountsToSplit, idleMs: 60000 }), runs, spawned };
}

describe('createParallelOptimizer with in-process workers', () => {
  it('runs the two groups on two workers and returns the plans in the order asked', async () => {
    const { client, runs, spawned } = fakeParallel(2);
    const fractions: number[] = [];
    const result = await client.run(emptyData(), { scenarios, onProgress: (p) => fractions.push(p.fraction) });
    client.terminate();
    expect(spawned.count).toBe(2);
    expect(runs.sort()).toEqual([
      ['Minimal', 'Balanced'],
      ['Redesign', 'Custom'],
    ]);
    expect(result.plans.map((p) => [p.scenario.name, p.objective])).toEqual([
      ['Minimal', 0],
      ['Balanced', 10],
      ['Redesign', 20],
      ['Custom', 30],
    ]);
    expect(result.notes).toEqual(['HiGHS 1.x', 'ran Minimal+Balanced', 'ran Redesign+Custom']);
    // one fraction over both workers: never decreasing, ending at 1
    expect(fractions.every((f, k) => k === 0 || f >= fractions[k - 1])).toBe(true);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(Math.max(...fractions.slice(0, -1))).toBeLessThan(1);
  });

  it.each([
    ['one core', 1, Infinity, 0],
    ['more accounts than maxAccountsToSplit', 2, -1, 0],
    ['fewer accounts than minAccountsToSplit', 2, Infinity, 1],
  ])('%s: one worker runs every scenario', async (_name, cores, maxAccountsToSplit, minAccountsToSplit) => {
    const { client, runs, spawned } = fakeParallel(cores, maxAccountsToSplit, minAccountsToSplit);
    const result = await client.run(emptyData(), { scenarios });
    client.terminate();
    expect(spawned.count).toBe(1);
    expect(runs).toEqual([['Minimal', 'Balanced', 'Redesign', 'Custom']]);
    expect(result.plans.map((p) => p.scenario.name)).toEqual(['Minimal', 'Balanced', 'Redesign', 'Custom']);
  });
});

describe('warming a parallel client', () => {
  it('warms the first worker, and the second only for a run of a size that is split', async () => {
    const small = fakeParallel(2, 50_000, 10_000);
    await small.client.warm();
    expect(small.spawned.count).toBe(1);
    await small.client.warm({ accounts: 5_000 });
    expect(small.spawned.count).toBe(1);
    await small.client.warm({ accounts: 20_000 });
    expect(small.spawned.count).toBe(2);
    small.client.terminate();
    const oneCore = fakeParallel(1, 50_000, 10_000);
    await oneCore.client.warm({ accounts: 20_000 });
    expect(oneCore.spawned.count).toBe(1);
    oneCore.client.terminate();
  });

  it('answers for the workers it warmed: a worker that has run is left out, and both having run says so', async () => {
    const runs: string[][] = [];
    const warmData = emptyData();
    const optimize = async (data: TerritoryData, options: OptimizeOptions) =>
      data === warmData ? { plans: [], notes: [] } : namingOptimizer(runs)(data, options);
    const spawn = () => inProcessWorker(1, async () => ({ highs: {} as never }), optimize, () => [{ data: warmData, scenarios: [], timeLimitMs: 100 }]);
    const client = createParallelOptimizer(spawn, { cores: 2, minAccountsToSplit: 0, idleMs: 60000 });
    // Minimal and Balanced only: one scenario group, so only the first worker runs
    await client.run(emptyData(), { scenarios: scenarios.slice(0, 2) });
    expect(runs).toEqual([['Minimal', 'Balanced']]);
    // the second worker warms its one territory; the first, which has run, is not asked
    await expect(client.warm({ accounts: 20_000 })).resolves.toEqual({ territories: 1 });
    await client.run(emptyData(), { scenarios });
    await expect(client.warm({ accounts: 20_000 })).resolves.toEqual({ territories: 0, alreadyWarm: true });
    client.terminate();
  });
});

describe('createParallelOptimizer with real Node worker threads', () => {
  it('a warmed-up client gives the same plans as a cold one', async () => {
    const data = makeInstance({ accounts: 400, reps: 11, seed: 78 });
    const options = { cores: 2, minAccountsToSplit: 0, idleMs: 500 };
    const cold = createParallelOptimizer(() => spawnNodeOptimizer(), options);
    let spawned = 0;
    const warm = createParallelOptimizer(() => {
      spawned++;
      return spawnNodeOptimizer();
    }, options);
    try {
      const coldResult = await cold.run(data, { timeLimitMs: 30000 });
      // both threads ran every warm-up territory (worker/warmUp.ts) to the end
      await expect(warm.warm({ accounts: data.accounts.length })).resolves.toEqual({ territories: WARM_UP.length });
      expect(spawned).toBe(2);
      expect(warm.hasWorker).toBe(true);
      const warmResult = await warm.run(data, { timeLimitMs: 30000 });
      expect(spawned).toBe(2); // the run used the warmed workers
      expect(warmResult.plans.map((p) => p.objective)).toEqual(coldResult.plans.map((p) => p.objective));
      for (const [k, plan] of warmResult.plans.entries()) {
        expect(plan.check.ok).toBe(true);
        expect(plan.owners).toEqual(coldResult.plans[k].owners);
      }
    } finally {
      cold.terminate();
      warm.terminate();
    }
  }, 60000);


  it('gives the same checked plans on every run; Minimal and Balanced equal the in-process run', async () => {
    const data = makeInstance({ accounts: 600, reps: 12, seed: 77 });
    let spawned = 0;
    const client = createParallelOptimizer(
      () => {
        spawned++;
        return spawnNodeOptimizer();
      },
      { cores: 2, minAccountsToSplit: 0, idleMs: 500 },
    );
    try {
      const first = await client.run(data, { timeLimitMs: 30000 });
      expect(spawned).toBe(2); // the run was split over two threads
      const second = await client.run(data, { timeLimitMs: 30000 });
      expect(first.plans.map((p) => p.scenario.name)).toEqual(['Minimal', 'Balanced', 'Redesign', 'Custom']);
      for (const [k, plan] of first.plans.entries()) {
        expect(plan.check.ok).toBe(true);
        expect(plan.owners).toEqual(second.plans[k].owners);
      }
      // in process, the first worker's scenarios only
      const inProcess = await optimize(data, { highs: await loadHighs(), timeLimitMs: 30000, scenarios: defaultScenarios(data.settings).slice(0, 2) });
      expect(first.plans[0].owners).toEqual(inProcess.plans[0].owners);
      expect(first.plans[1].owners).toEqual(inProcess.plans[1].owners);
    } finally {
      client.terminate();
    }
  }, 60000);
});
