/**
 * Node loader for HiGHS (WebAssembly): the `highs` package finds highs.wasm next to build/highs.js.
 */
import type { HighsSolver } from '../../core/optimize/api';
import { adaptHighs, type HighsModule } from '../highsAdapter';

let cached: Promise<HighsSolver> | null = null;

/** Loads HiGHS once per process; rejects when the package or its wasm cannot be loaded. */
export function loadHighs(): Promise<HighsSolver> {
  if (!cached) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loader = require('highs') as () => Promise<HighsModule>;
    cached = loader().then(adaptHighs);
    cached.catch(() => (cached = null));
  }
  return cached;
}
