/**
 * What an optimizer worker runs when asked to `warm` (worker/serve.ts): small territories generated
 * in the worker (the sample generator, fixed seeds) through the default scenarios. A fresh worker's
 * WebAssembly starts in V8's baseline tier and the optimizer's JavaScript in its interpreter, and a
 * run on a cold worker spends a good part of its time there (Node worker thread, Minimal + Balanced +
 * Redesign: 5k × 25 2.2-2.4 s cold, 1.5 s warm; 1k × 20 1.0-1.1 s cold, 0.3 s warm). The warm-up pays
 * that cost while the user reads the verdict (pane) or the CLI reads the workbook.
 *
 * A run that arrives stops the warm-up at its next step, but a HiGHS solve cannot be interrupted, so
 * the first territory's steps are all short (ten reps: no whole-team MIP; its longest solve is about
 * 0.2 s) and the second one, whose whole-team MIPs tier up HiGHS's branch and bound (eight reps), has
 * a time limit that caps each of its solves.
 */
import type { RawCell, TableSource, TerritoryData } from '../core/model';
import { defaultScenarios } from '../core/optimize/scenarios';
import { readTerritoryData } from '../core/read/index';
import { generateSample, type SampleOptions } from '../core/sample';
import type { WarmUpWorkload } from './serve';

export const WARM_UP: readonly (Required<SampleOptions> & { timeLimitMs: number })[] = [
  { accounts: 300, reps: 10, seed: 7, timeLimitMs: 4000 },
  { accounts: 300, reps: 8, seed: 7, timeLimitMs: 1200 },
];

export function warmUpTerritory(size: Required<SampleOptions>): TerritoryData {
  const t = generateSample(size);
  const source = (sheet: string, values: RawCell[][]): TableSource => ({ sheet, origin: { row: 1, col: 1 }, values });
  return readTerritoryData({ accounts: source('Accounts', t.accounts), reps: source('Reps', t.reps), settings: source('Settings', t.settings) });
}

/** The warm-up territories, built when the worker is asked to warm (not at load). */
export function warmUpWorkload(): WarmUpWorkload[] {
  return WARM_UP.map(({ timeLimitMs, ...size }) => {
    const data = warmUpTerritory(size);
    return { data, scenarios: defaultScenarios(data.settings).slice(0, 3), timeLimitMs };
  });
}
