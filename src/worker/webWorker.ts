/**
 * A browser Web Worker as a WorkerLike. The page spawns the bundled worker itself, e.g.
 * `createOptimizerClient(() => fromWebWorker(new Worker(new URL('../worker/optimizer.worker.ts', import.meta.url))))`.
 */
import type { FromWorker, WorkerLike } from './protocol';

export function fromWebWorker(worker: Worker): WorkerLike {
  return {
    postMessage: (message) => worker.postMessage(message),
    listen(onMessage, onError) {
      worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        onError(new Error(e.message || 'The optimizer worker failed'));
      };
    },
    terminate: () => worker.terminate(),
  };
}
