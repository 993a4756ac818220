/**
 * The optimizer worker's loop, shared by the browser Web Worker and the Node worker thread:
 * receives `run`, streams `progress`, answers `result` (or `error`); a `cancel` for the running id
 * makes `shouldStop` true so the optimizer returns its best plans so far (status 'cancelled').
 * `yieldToEvents` lets queued messages (cancel) arrive between optimizer steps. A `warm` message
 * loads the engine and runs the warm-up workload once, best effort; a run that arrives meanwhile
 * stops it and goes next.
 */
import type { HighsSolver, OptimizeResult } from '../core/optimize/api';
import type { ScenarioSpec, TerritoryData } from '../core/model';
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
  /** What `warm` runs after loading the engine, in order (worker/warmUp.ts); without it, `warm` only loads the engine. */
  warmUp?: () => WarmUpWorkload[];
}

export interface WarmUpWorkload {
  data: TerritoryData;
  scenarios: ScenarioSpec[];
  /** The warm-up never runs longer than this (ms). */
  timeLimitMs: number;
}

export function serveOptimizer(port: WorkerPort, options: ServeOptions): void {
  const cancelled = new Set<number>();
  let engine: Promise<Engine> | null = null;
  const yieldEvery = options.yieldEveryMs ?? 25;
  /** The last warm asked for, chained after the ones before it; a run waits for it (the warm-ups stop at their next step once a run arrived). */
  let warming: Promise<void> = Promise.resolve();
  let warmedUp = false;
  let runArrived = false;

  port.onMessage((message: ToWorker) => {
    if (message.type === 'cancel') {
      cancelled.add(message.id);
      return;
    }
    if (message.type === 'warm') {
      const { id, workload } = message;
      const stop = view(message.stopFlag);
      const stopped = () => runArrived || raised(stop);
      warming = warming
        .then(async () => {
          // warm once: after a warm-up or a run there is nothing left to warm
          const outcome = warmedUp || runArrived ? { territories: 0 } : await warmUp(workload, stopped);
          if (workload) warmedUp = true;
          port.post({ type: 'warmed', id, ...outcome });
        })
        .catch(() => undefined); // the chain must never reject: every later run awaits it
      return;
    }
    if (message.type === 'run') {
      runArrived = true;
      void run(message.id, message.data, message.options, view(message.cancelFlag));
    }
  });

  function loadEngine(): Promise<Engine> {
    engine ??= options.loadEngine().catch((e: unknown) => ({ highs: null, note: `HiGHS could not load (${errorText(e)}); used the TypeScript fallback` }));
    return engine;
  }

  /** Yields to the event loop at most every `yieldEvery` ms, so messages (cancel, run) get in. */
  function pacedPause(): () => Promise<void> {
    let lastYield = Date.now();
    return async () => {
      if (Date.now() - lastYield < yieldEvery) return;
      await options.yieldToEvents();
      lastYield = Date.now();
    };
  }

  /** Best effort: a failure is only reported in `warmed` (a real run reports its own errors). */
  async function warmUp(workload: boolean, stopped: () => boolean): Promise<{ territories: number; error?: string }> {
    let territories = 0;
    try {
      const { highs, note } = await loadEngine();
      if (!highs) return { territories, error: note ?? 'HiGHS is not available' };
      if (!workload || !options.warmUp) return { territories };
      for (const { data, scenarios, timeLimitMs } of options.warmUp()) {
        if (stopped()) break;
        await options.optimize(data, { highs, scenarios, timeLimitMs, shouldStop: stopped, pause: pacedPause() });
        if (!stopped()) territories++;
      }
      return { territories };
    } catch (e) {
      return { territories, error: errorText(e) };
    }
  }

  async function run(id: number, data: TerritoryData, runOptions: WorkerRunOptions, flag: Int32Array | null): Promise<void> {
    try {
      await warming;
      const { highs, note } = await loadEngine();
      const result = await options.optimize(data, {
        ...runOptions,
        highs,
        onProgress: (progress) => port.post({ type: 'progress', id, progress }),
        shouldStop: () => cancelled.has(id) || raised(flag),
        pause: pacedPause(),
      });
      port.post({ type: 'result', id, result: note ? { ...result, notes: [note, ...result.notes] } : result });
    } catch (e) {
      port.post({ type: 'error', id, message: errorText(e) });
    } finally {
      cancelled.delete(id);
    }
  }
}

/** A shared flag's view, made once (the stop checks run on the optimizer's hot paths). */
function view(flag: SharedArrayBuffer | undefined): Int32Array | null {
  return flag ? new Int32Array(flag) : null;
}

/** Whether the bridge has raised a shared flag (a run's cancel, a warm-up's stop). */
function raised(flag: Int32Array | null): boolean {
  return flag !== null && Atomics.load(flag, 0) === 1;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
