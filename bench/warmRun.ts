/**
 * Bench helper, run as its own process (`tsx bench/warmRun.ts '<request JSON>'`, prints the result
 * JSON): the task pane's path, measured in Node. The optimizer's worker threads are started and
 * warmed up (worker/warmUp.ts), as the pane does with its Web Workers while the user reads the
 * verdict; then Minimal + Balanced + Redesign run on them. Its own process, because worker threads share compiled WebAssembly with
 * their process: in the bench's process the workers would find HiGHS already tiered up by the runs
 * before them.
 */
import { cpus } from 'node:os';
import { defaultScenarios } from '../src/core/optimize';
import { spawnNodeOptimizer } from '../src/hosts/node/worker';
import { createParallelOptimizer } from '../src/worker/parallel';
import { makeInstance } from './instances';

export interface WarmRunRequest {
  accounts: number;
  reps: number;
  seed: number;
}

export interface WarmRunResult {
  /** From warm() to its answer: worker start, HiGHS load and the warm-up territories. */
  warmUpSeconds: number | null;
  /** Warm-up territories run to the end, per worker (the least). */
  territories: number | null;
  /** The three scenarios on the warmed workers (null when the run failed: see status). */
  seconds: number | null;
  objective: number | null;
  moves: number | null;
  status: string;
}

async function main(req: WarmRunRequest): Promise<WarmRunResult> {
  const data = makeInstance({ accounts: req.accounts, reps: req.reps, seed: req.seed });
  const client = createParallelOptimizer(() => spawnNodeOptimizer(), { cores: cpus().length, idleMs: 1000 });
  try {
    let t = performance.now();
    const warmed = await client.warm({ accounts: data.accounts.length });
    const warmUpSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const run = await client.run(data, { timeLimitMs: 600_000, scenarios: defaultScenarios(data.settings).slice(0, 3) });
    const seconds = (performance.now() - t) / 1000;
    const minimal = run.plans[0];
    return {
      warmUpSeconds,
      territories: warmed.territories,
      seconds,
      objective: minimal.objective,
      moves: minimal.metrics.moves,
      status: `${minimal.status}${minimal.check.ok ? '' : ' (rules broken!)'}${warmed.error ? `; warm-up failed: ${warmed.error}` : ''}`,
    };
  } finally {
    client.terminate();
  }
}

if (require.main === module)
  main(JSON.parse(process.argv[2]) as WarmRunRequest).then(
    (r) => console.log(JSON.stringify(r)),
    (e) => console.log(JSON.stringify({ warmUpSeconds: null, territories: null, seconds: null, objective: null, moves: null, status: `error: ${String(e)}` })),
  );
