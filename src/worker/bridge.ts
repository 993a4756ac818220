/**
 * The page's (or CLI's) handle on the optimizer worker, in squoosh's shape: calls are queued and
 * run one at a time; an AbortSignal cancels (a running call resolves with the worker's best plans
 * so far, status 'cancelled'; a call still waiting in the queue rejects with an AbortError); the
 * worker is spawned on first use and shut down after being idle for `idleMs`. `warm()` spawns it
 * ahead of the first run and has it compile and tier up its code on a small built-in territory,
 * so that the run the user waits for meets a warm engine.
 */
import type { TerritoryData } from '../core/model';
import type { OptimizeProgress, OptimizeResult } from '../core/optimize/api';
import type { FromWorker, WorkerLike, WorkerRunOptions } from './protocol';

export interface RunCallOptions extends WorkerRunOptions {
  onProgress?: (progress: OptimizeProgress) => void;
  signal?: AbortSignal;
}

export interface OptimizerClient {
  run(data: TerritoryData, options?: RunCallOptions): Promise<OptimizeResult>;
  /**
   * Spawns the worker now (if none is alive) and warms it up; resolves when the warm-up is over, or
   * at once when the worker is already warm (it has run). A run called meanwhile cuts the warm-up
   * short. A worker warmed up and left without a run is shut down after `warmIdleMs`. Never
   * rejects: a worker that cannot start or warm up says why in `error`.
   */
  warm(options?: WarmOptions): Promise<WarmOutcome>;
  /** Stops the worker now; calls in flight or queued reject. */
  terminate(): void;
  /** True while a worker is alive (for tests and the pane's status line). */
  readonly hasWorker: boolean;
}

export interface ClientOptions {
  /** Terminate the worker after this long without work (ms); default 10 s. */
  idleMs?: number;
  /**
   * After `warm()` on a worker that has not run yet, keep it this long (ms) waiting for the run it
   * was warmed for; default 5 minutes. Longer than `idleMs` since a person reads the verdict before
   * asking for plans, and such a worker holds only the warm-up territories' memory (a worker that
   * has run keeps `idleMs`: its memory has grown to the real territory's).
   */
  warmIdleMs?: number;
}

export interface WarmOptions {
  /**
   * Run the warm-up workload (default true), or only spawn the worker and load HiGHS. The workload
   * needs a core of its own: on two cores it slowed the CLI's read of a 5k workbook from 0.55 s to
   * 1.6 s, more than it saved, so the CLI loads only the engine while it reads; the pane warms fully
   * while the user reads the verdict.
   */
  workload?: boolean;
  /** The size of the run to come, when known: a client of several workers (worker/parallel.ts) warms as many as that run will use. */
  accounts?: number;
}

/**
 * What a warm-up did: the warm-up territories it ran to the end (those finished before a run cut it
 * short), why it failed if it did, and `alreadyWarm` when the worker had run and was not asked anything.
 */
export interface WarmOutcome {
  territories: number;
  error?: string;
  alreadyWarm?: true;
}

interface Running {
  id: number;
  resolve: (r: OptimizeResult) => void;
  reject: (e: Error) => void;
  onProgress?: (p: OptimizeProgress) => void;
}

export function abortError(): Error {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  return e;
}

/** A one-int shared cancel flag where shared memory exists (Node; cross-origin-isolated pages), else null. */
function sharedFlag(): SharedArrayBuffer | null {
  return typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(4) : null;
}

/** Raises a shared flag: the worker sees it at its next check, even in the middle of a synchronous step. */
function raise(flag: SharedArrayBuffer | null): void {
  if (flag) Atomics.store(new Int32Array(flag), 0, 1);
}

export function createOptimizerClient(spawn: () => WorkerLike, clientOptions: ClientOptions = {}): OptimizerClient {
  const idleMs = clientOptions.idleMs ?? 10000;
  const warmIdleMs = clientOptions.warmIdleMs ?? 300_000;
  let worker: WorkerLike | null = null;
  let running: Running | null = null;
  /** Bumped by terminate(): queued calls of an older generation reject instead of starting a worker. */
  let generation = 0;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** warm() calls waiting for the worker's `warmed`, by warm id. */
  let warmWaiters = new Map<number, (outcome: WarmOutcome) => void>();
  let nextWarmId = 1;
  /** The shared flag that stops the worker's warm-up when a run is posted (where shared memory exists); one per worker until its first run. */
  let warmStop: SharedArrayBuffer | null = null;
  /** The current worker has taken a run: it is warm, and its memory is the real territory's. */
  let workerHasRun = false;

  /** Answers the warm() calls still waiting (worker stopped or died): no territory ran. */
  function warmsOver(): void {
    const waiters = warmWaiters;
    warmWaiters = new Map();
    for (const resolve of waiters.values()) resolve({ territories: 0 });
  }

  /** Stops the current worker (if any): the warms still waiting get their answer. */
  function dropWorker(): void {
    const w = worker;
    worker = null;
    w?.terminate();
    warmsOver();
  }

  function ensureWorker(): WorkerLike {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (worker) return worker;
    const w = spawn();
    w.listen(onMessage, (error) => {
      if (worker !== w) return;
      dropWorker();
      const r = running;
      running = null;
      r?.reject(error);
    });
    worker = w;
    workerHasRun = false;
    warmStop = null;
    return w;
  }

  function onMessage(message: FromWorker): void {
    if (message.type === 'warmed') {
      const resolve = warmWaiters.get(message.id);
      warmWaiters.delete(message.id);
      resolve?.({ territories: message.territories, ...(message.error ? { error: message.error } : {}) });
      return;
    }
    const r = running;
    if (!r || message.id !== r.id) return;
    if (message.type === 'progress') {
      r.onProgress?.(message.progress);
      return;
    }
    running = null;
    if (message.type === 'result') r.resolve(message.result);
    else r.reject(new Error(message.message));
  }

  function scheduleIdle(after = idleMs): void {
    if (pending > 0 || !worker) return;
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if (pending === 0) dropWorker();
    }, after);
    // Node: an idle timer alone must not keep the process alive.
    (idleTimer as { unref?: () => void }).unref?.();
  }

  function runNow(data: TerritoryData, options: RunCallOptions): Promise<OptimizeResult> {
    const { signal, onProgress, ...runOptions } = options;
    const w = ensureWorker();
    const id = nextId++;
    const flag = sharedFlag();
    raise(warmStop);
    warmStop = null;
    workerHasRun = true;
    return new Promise<OptimizeResult>((resolve, reject) => {
      const onAbort = () => {
        raise(flag);
        w.postMessage({ type: 'cancel', id });
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      running = {
        id,
        onProgress,
        resolve: (r) => {
          done();
          resolve(r);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      };
      w.postMessage(flag ? { type: 'run', id, data, options: runOptions, cancelFlag: flag } : { type: 'run', id, data, options: runOptions });
    });
  }

  return {
    warm(options = {}) {
      // a worker that has run is warm, and keeps its usual idle time
      if (worker && workerHasRun) return Promise.resolve({ territories: 0, alreadyWarm: true });
      const id = nextWarmId++;
      const over = new Promise<WarmOutcome>((resolve) => warmWaiters.set(id, resolve));
      try {
        const w = ensureWorker();
        // one flag per worker: a warm-up under way watches the flag it was first given
        warmStop ??= sharedFlag();
        const workload = options.workload ?? true;
        w.postMessage(warmStop ? { type: 'warm', id, workload, stopFlag: warmStop } : { type: 'warm', id, workload });
      } catch (e) {
        warmWaiters.delete(id);
        scheduleIdle();
        return Promise.resolve({ territories: 0, error: e instanceof Error ? e.message : String(e) });
      }
      scheduleIdle(warmIdleMs);
      return over;
    },
    run(data, options = {}) {
      const { signal } = options;
      if (signal?.aborted) return Promise.reject(abortError());
      pending++;
      const queuedIn = generation;
      return new Promise<OptimizeResult>((resolve, reject) => {
        let started = false;
        // Aborted while still waiting in the queue: reject at once, never start.
        const onQueuedAbort = () => {
          if (!started) reject(abortError());
        };
        signal?.addEventListener('abort', onQueuedAbort, { once: true });
        queue = queue.then(async () => {
          started = true;
          signal?.removeEventListener('abort', onQueuedAbort);
          try {
            if (queuedIn !== generation) reject(stoppedError());
            else if (signal?.aborted) reject(abortError());
            else resolve(await runNow(data, options));
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          } finally {
            pending--;
            scheduleIdle();
          }
        });
      });
    },
    terminate() {
      generation++;
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      dropWorker();
      const r = running;
      running = null;
      r?.reject(stoppedError());
    },
    get hasWorker() {
      return worker !== null;
    },
  };
}

function stoppedError(): Error {
  return new Error('The optimizer worker was stopped');
}
