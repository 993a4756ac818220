/**
 * The optimizer client for browser pages: the worker bridge over Web Workers (two on two cores) running
 * optimizer.worker.js (its own webpack entry, next to the page, with highs.wasm beside it).
 */
import type { OptimizerClient } from '../worker/bridge';
import { createParallelOptimizer } from '../worker/parallel';
import { fromWebWorker } from '../worker/webWorker';

export const WORKER_SCRIPT = 'optimizer.worker.js';

export function createBrowserOptimizer(): OptimizerClient {
  return createParallelOptimizer(() => fromWebWorker(new Worker(new URL(WORKER_SCRIPT, document.baseURI))), { cores: navigator.hardwareConcurrency || 1 });
}
