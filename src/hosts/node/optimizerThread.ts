/**
 * Node worker-thread entry for the optimizer: HiGHS loaded through ./highs, and between optimizer
 * steps a setImmediate hop so that a cancel message can arrive.
 */
import { parentPort } from 'node:worker_threads';
import { optimize } from '../../core/optimize/index';
import type { ToWorker } from '../../worker/protocol';
import { warmUpWorkload } from '../../worker/warmUp';
import { serveOptimizer } from '../../worker/serve';
import { loadHighs } from './highs';

const port = parentPort;
if (!port) throw new Error('optimizerThread must run in a worker thread');

serveOptimizer(
  {
    post: (message) => port.postMessage(message),
    onMessage: (handler) => port.on('message', (m: ToWorker) => handler(m)),
  },
  {
    optimize,
    warmUp: warmUpWorkload,
    loadEngine: async () => ({ highs: await loadHighs() }),
    yieldToEvents: () => new Promise<void>((resolve) => setImmediate(resolve)),
  },
);
