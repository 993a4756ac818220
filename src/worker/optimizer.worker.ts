/**
 * Browser Web Worker entry: loads HiGHS (WebAssembly) from the bundled highs.wasm and serves
 * optimizer runs. If HiGHS cannot load, the run uses the TypeScript path and its notes say so.
 */
import highsLoader from 'highs';
import { optimize } from '../core/optimize/index';
import { adaptHighs, type HighsModule } from '../hosts/highsAdapter';
import type { ToWorker } from './protocol';
import { serveOptimizer } from './serve';
import { warmUpWorkload } from './warmUp';

/** The bundle must serve highs.wasm next to this worker's script (copy-webpack-plugin copies it). */

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  location: { href: string };
}

const scope = self as unknown as WorkerScope;

function yieldToEvents(): Promise<void> {
  // A MessageChannel hop lets queued messages (cancel) run without setTimeout's 4 ms clamp.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

serveOptimizer(
  {
    post: (message) => scope.postMessage(message),
    onMessage: (handler) => {
      scope.onmessage = (e) => handler(e.data);
    },
  },
  {
    optimize,
    warmUp: warmUpWorkload,
    yieldToEvents,
    loadEngine: async () => {
      const highs = await highsLoader({ locateFile: (file: string) => new URL(file, scope.location.href).href });
      return { highs: adaptHighs(highs as unknown as HighsModule) };
    },
  },
);
