/**
 * Runs the optimizer in Node worker threads (two scenario groups on two cores, see worker/parallel.ts),
 * with progress on stderr and Ctrl-C as Cancel (the workers then return their best plans so far; a
 * second Ctrl-C quits). The command starts the worker and has it load HiGHS before it reads the
 * workbook, so the two overlap.
 */
import type { TerritoryData } from '../core/model';
import type { OptimizeProgress, OptimizeResult } from '../core/optimize/api';
import { cpus } from 'node:os';
import type { OptimizerClient } from '../worker/bridge';
import { createParallelOptimizer } from '../worker/parallel';
import { spawnNodeOptimizer } from '../hosts/node/worker';
import type { Terminal } from './terminal';

/**
 * The CLI's optimizer, its first worker spawned and loading HiGHS at once (not the warm-up workload:
 * see WarmOptions.workload). The caller terminates it.
 */
export function startOptimizer(): OptimizerClient {
  const client = createParallelOptimizer(() => spawnNodeOptimizer(), { idleMs: 1000, cores: cpus().length });
  void client.warm({ workload: false });
  return client;
}

export async function optimizeInWorker(client: OptimizerClient, data: TerritoryData, io: Terminal, timeLimitMs?: number): Promise<OptimizeResult> {
  const controller = new AbortController();
  const onInt = () => {
    if (controller.signal.aborted) process.exit(130);
    io.err('Cancelling: keeping the best plans found so far (Ctrl-C again to quit).');
    controller.abort();
  };
  process.on('SIGINT', onInt);
  const throttle = progressThrottle(io);
  try {
    return await client.run(data, { timeLimitMs, signal: controller.signal, onProgress: throttle });
  } finally {
    process.off('SIGINT', onInt);
    io.endProgress();
  }
}

/** At most one progress line per 200 ms, and always when the scenario or phase changes. */
function progressThrottle(io: Terminal): (p: OptimizeProgress) => void {
  let last = 0;
  let lastKey = '';
  return (p) => {
    const key = `${p.scenario}|${p.phase}`;
    const now = Date.now();
    if (key === lastKey && now - last < 200) return;
    last = now;
    lastKey = key;
    const percent = Math.round(Math.max(0, Math.min(1, p.fraction)) * 100);
    const head = `${p.scenario}: ${p.phase}`;
    const detail = p.message && p.message !== head ? ` - ${p.message}` : '';
    io.progress(`Optimizing ${String(percent).padStart(3)}%  ${head}${detail}`);
  };
}
