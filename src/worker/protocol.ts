/**
 * The messages between the optimizer worker and its bridge. Only structured-cloneable data
 * crosses: no functions, no engine. The worker loads its own LP engine.
 */
import type { ScenarioSpec, TerritoryData } from '../core/model';
import type { OptimizeProgress, OptimizeResult } from '../core/optimize/api';

/** OptimizeOptions without its functions and engine. */
export interface WorkerRunOptions {
  scenarios?: ScenarioSpec[];
  timeLimitMs?: number;
}

export type ToWorker =
  | {
      type: 'run';
      id: number;
      data: TerritoryData;
      options: WorkerRunOptions;
      /**
       * Where shared memory is available (Node worker threads, cross-origin-isolated pages): an
       * Int32Array's buffer whose element 0 the bridge sets to 1 on cancel, so the optimizer sees
       * the cancel even in the middle of a synchronous step, before the `cancel` message arrives.
       */
      cancelFlag?: SharedArrayBuffer;
    }
  | { type: 'cancel'; id: number }
  /**
   * Get ready before the first run: load HiGHS and, with `workload`, run the warm-up workload
   * (worker/warmUp.ts) so that the WebAssembly and the optimizer's code are compiled and tiered up
   * when a real run arrives. A run that arrives meanwhile stops the warm-up at its next step. Warms
   * are done in the order asked, each answered by a `warmed` with its id; the workload runs once.
   */
  | {
      type: 'warm';
      id: number;
      workload: boolean;
      /**
       * As a run's cancelFlag: the bridge sets element 0 to 1 when it posts a run, and the warm-up
       * sees it at its next check, even inside a JavaScript step (a HiGHS solve runs to its end).
       */
      stopFlag?: SharedArrayBuffer;
    };

export type FromWorker =
  | { type: 'progress'; id: number; progress: OptimizeProgress }
  | { type: 'result'; id: number; result: OptimizeResult }
  | { type: 'error'; id: number; message: string }
  /**
   * The warm `id` is over: done, cut short by a run, or failed (it is best effort). `territories`:
   * how many warm-up territories it ran to the end; `error`: why it failed (HiGHS not loading too).
   */
  | { type: 'warmed'; id: number; territories: number; error?: string };

/** A worker seen from the page or the CLI: a Web Worker or a Node worker thread behind one shape. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  /** Registers the listeners; called once, right after spawning. `onError` = the worker died. */
  listen(onMessage: (message: FromWorker) => void, onError: (error: Error) => void): void;
  terminate(): void;
}

/** The worker's side of the channel. */
export interface WorkerPort {
  post(message: FromWorker): void;
  onMessage(handler: (message: ToWorker) => void): void;
}
