/**
 * The optimizer in a Node worker thread, as a WorkerLike for the bridge. The thread runs one bundle
 * of its TypeScript entry (bin/bundle.js: about a fifth faster than through tsx), or, when none can be
 * built, registers tsx's CommonJS hook and loads the entry itself.
 */
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import { freshBundle } from '../../../bin/bundle';
import { packageRoot } from './packageRoot';
import type { FromWorker, WorkerLike } from '../../worker/protocol';

/** The worker thread's entry (TypeScript, next to this file). */
export const OPTIMIZER_THREAD = path.join(packageRoot(), 'src', 'hosts', 'node', 'optimizerThread.ts');

/** `bundled: false` runs the entry through tsx even where a bundle could be built. */
export function spawnNodeOptimizer(entry: string = OPTIMIZER_THREAD, { bundled = true }: { bundled?: boolean } = {}): WorkerLike {
  const bundle = bundled ? freshBundle(entry) : null;
  const options = { execArgv: [], stdout: false, stderr: false };
  const worker = bundle ? new Worker(bundle, options) : new Worker(throughTsx(entry), { ...options, eval: true });
  let stopped = false;
  return {
    postMessage: (message) => worker.postMessage(message),
    listen(onMessage, onError) {
      worker.on('message', (m: FromWorker) => onMessage(m));
      worker.on('error', (e: Error) => onError(e));
      worker.on('exit', (code) => {
        if (code !== 0 && !stopped) onError(new Error(`The optimizer worker exited with code ${code}`));
      });
    },
    terminate: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}

/** A thread body that registers tsx's CommonJS hook and requires the entry (`eval`: Node would refuse the .ts extension). */
function throughTsx(entry: string): string {
  return `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`;
}
