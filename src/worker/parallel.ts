/**
 * One optimizer run on two workers (two cores): Minimal and Balanced in one, since Balanced re-solves
 * Minimal's LP from its final basis; Redesign and the custom scenario in the other. Each worker is
 * deterministic and the split depends only on the account count and the cores, so the same workbook
 * gives the same plans on the same machine. Minimal and Balanced are the same as in one worker;
 * Redesign and the custom plan can differ a little (their LP and, without HiGHS, their start differ:
 * Redesign at 20k × 50 −538.85 split, −548.32 in one worker).
 * Measured through Node worker threads (Minimal + Balanced + Redesign, worker start included), one
 * worker against two: 5k × 25 2.53 s / 2.64 s, 20k × 50 4.59 s / 4.01 s, 50k × 200 17.1 s / 11.8 s
 * (peak RSS 0.79 GB / 1.22 GB). So a run is split only between `minAccountsToSplit` (below it, the
 * second worker's start and set-up cost more than they save) and `maxAccountsToSplit` (memory), and
 * only with two cores and two scenario groups.
 */
import type { TerritoryData } from '../core/model';
import type { OptimizeResult } from '../core/optimize/api';
import { defaultScenarios, splitScenarios } from '../core/optimize/scenarios';
import { createOptimizerClient, type ClientOptions, type OptimizerClient, type RunCallOptions, type WarmOptions, type WarmOutcome } from './bridge';
import type { WorkerLike } from './protocol';

export interface ParallelOptions extends ClientOptions {
  /** Cores available (os.cpus().length, navigator.hardwareConcurrency); fewer than 2 = one worker. */
  cores: number;
  /** Below this many accounts a run stays in one worker. Default 10,000. */
  minAccountsToSplit?: number;
  /** Above this many accounts a run stays in one worker (memory: two workers peaked at 1.22 GB at 50k × 200). Default 50,000. */
  maxAccountsToSplit?: number;
}

/** How many workers a run of `accounts` accounts uses: 2 with two cores between the account limits, else 1. */
export function workersFor(accounts: number, options: ParallelOptions): 1 | 2 {
  const min = options.minAccountsToSplit ?? 10_000;
  const max = options.maxAccountsToSplit ?? 50_000;
  return options.cores >= 2 && accounts >= min && accounts <= max ? 2 : 1;
}

export function createParallelOptimizer(spawn: () => WorkerLike, options: ParallelOptions): OptimizerClient {
  const clients = [createOptimizerClient(spawn, options), createOptimizerClient(spawn, options)];
  return {
    async warm(warmOptions: WarmOptions = {}): Promise<WarmOutcome> {
      // the first worker runs at every size; the second only when a run of that size is split
      const n = warmOptions.accounts === undefined ? 1 : workersFor(warmOptions.accounts, options);
      const outcomes = await Promise.all(clients.slice(0, n).map((c) => c.warm(warmOptions)));
      // the least any worker warmed, of those that were asked (a worker that has run is warm already)
      const warmed = outcomes.filter((o) => !o.alreadyWarm);
      if (warmed.length === 0) return { territories: 0, alreadyWarm: true };
      const error = warmed.find((o) => o.error)?.error;
      return { territories: Math.min(...warmed.map((o) => o.territories)), ...(error ? { error } : {}) };
    },
    async run(data: TerritoryData, call: RunCallOptions = {}): Promise<OptimizeResult> {
      const scenarios = call.scenarios ?? defaultScenarios(data.settings);
      const groups = splitScenarios(scenarios);
      if (groups.length < 2 || workersFor(data.accounts.length, options) < 2) return clients[0].run(data, { ...call, scenarios });
      const fractions = groups.map(() => 0);
      const results = await Promise.all(
        groups.map((group, g) =>
          clients[g].run(data, {
            ...call,
            scenarios: group.map((k) => scenarios[k]),
            onProgress: (p) => {
              fractions[g] = p.fraction;
              const fraction = groups.reduce((sum, grp, h) => sum + fractions[h] * grp.length, 0) / scenarios.length;
              call.onProgress?.({ ...p, fraction });
            },
          }),
        ),
      );
      const plans = new Array<OptimizeResult['plans'][number]>(scenarios.length);
      groups.forEach((group, g) => group.forEach((k, j) => (plans[k] = results[g].plans[j])));
      const notes: string[] = [];
      for (const r of results) for (const n of r.notes) if (!notes.includes(n)) notes.push(n);
      return { plans, notes };
    },
    terminate() {
      for (const c of clients) c.terminate();
    },
    get hasWorker() {
      return clients.some((c) => c.hasWorker);
    },
  };
}
