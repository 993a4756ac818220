/**
 * The optimizer in a Node worker thread, as a WorkerLike for the bridge. The thread's entry is
 * TypeScript, so the thread registers tsx's CommonJS hook before loading it.
 */
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type { FromWorker, WorkerLike } from '../../worker/protocol';

/** The worker thread's entry (TypeScript, next to this file). */
export const OPTIMIZER_THREAD = path.join(__dirname, 'optimizerThread.ts');

export function spawnNodeOptimizer(entry: string = OPTIMIZER_THREAD): WorkerLike {
  const tsxCjs = require.resolve('tsx/cjs');
  // `eval` keeps Node from judging the entry by its .ts extension; tsx compiles it on require.
  const boot = `require(${JSON.stringify(tsxCjs)}); require(${JSON.stringify(entry)});`;
  const worker = new Worker(boot, { eval: true, execArgv: [], stdout: false, stderr: false });
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
