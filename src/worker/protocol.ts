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
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; progress: OptimizeProgress }
  | { type: 'result'; id: number; result: OptimizeResult }
  | { type: 'error'; id: number; message: string };

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
