/**
 * The optimizer worker's loop, shared by the browser Web Worker and the Node worker thread:
 * receives `run`, streams `progress`, answers `result` (or `error`); a `cancel` for the running id
 * makes `shouldStop` true so the optimizer returns its best plans so far (status 'cancelled').
 * `yieldToEvents` lets queued messages (cancel) arrive between optimizer steps.
 */
import type { HighsSolver, OptimizeResult } from '../core/optimize/api';
import type { TerritoryData } from '../core/model';
import type { ToWorker, WorkerPort, WorkerRunOptions } from './protocol';
import type { OptimizeOptions } from '../core/optimize/api';

export interface Engine {
  highs: HighsSolver | null;
  /** Said in the result's notes, e.g. why HiGHS could not load. */
  note?: string;
}

export type OptimizeFn = (data: TerritoryData, options: OptimizeOptions) => Promise<OptimizeResult>;

export interface ServeOptions {
  optimize: OptimizeFn;
  loadEngine: () => Promise<Engine>;
  yieldToEvents: () => Promise<void>;
  /** Yield at most this often (ms) so the optimizer is not slowed by every step; default 25. */
  yieldEveryMs?: number;
}

export function serveOptimizer(port: WorkerPort, options: ServeOptions): void {
  const cancelled = new Set<number>();
  let engine: Promise<Engine> | null = null;
  const yieldEvery = options.yieldEveryMs ?? 25;

  port.onMessage((message: ToWorker) => {
    if (message.type === 'cancel') {
      cancelled.add(message.id);
      return;
    }
    if (message.type === 'run') void run(message.id, message.data, message.options, message.cancelFlag ? new Int32Array(message.cancelFlag) : null);
  });

  async function run(id: number, data: TerritoryData, runOptions: WorkerRunOptions, flag: Int32Array | null): Promise<void> {
    try {
      engine ??= options.loadEngine().catch((e: unknown) => ({ highs: null, note: `HiGHS could not load (${errorText(e)}); used the TypeScript fallback` }));
      const { highs, note } = await engine;
      let lastYield = Date.now();
      const result = await options.optimize(data, {
        ...runOptions,
        highs,
        onProgress: (progress) => port.post({ type: 'progress', id, progress }),
        shouldStop: () => cancelled.has(id) || (flag !== null && Atomics.load(flag, 0) === 1),
        pause: async () => {
          if (Date.now() - lastYield < yieldEvery) return;
          await options.yieldToEvents();
          lastYield = Date.now();
        },
      });
      port.post({ type: 'result', id, result: note ? { ...result, notes: [note, ...result.notes] } : result });
    } catch (e) {
      port.post({ type: 'error', id, message: errorText(e) });
    } finally {
      cancelled.delete(id);
    }
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
