/**
 * The optimizer client for browser pages: the worker bridge over a Web Worker running
 * optimizer.worker.js (its own webpack entry, next to the page, with highs.wasm beside it).
 */
import { createOptimizerClient, type OptimizerClient } from '../worker/bridge';
import { fromWebWorker } from '../worker/webWorker';

export const WORKER_SCRIPT = 'optimizer.worker.js';

export function createBrowserOptimizer(): OptimizerClient {
  return createOptimizerClient(() => fromWebWorker(new Worker(new URL(WORKER_SCRIPT, document.baseURI))));
}
