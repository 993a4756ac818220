/**
 * What an optimizer worker runs when asked to `warm` (worker/serve.ts): small territories generated
 * in the worker (the sample generator, fixed seeds) through the default scenarios. A fresh worker's
 * WebAssembly starts in V8's baseline tier and the optimizer's JavaScript in its interpreter, and a
 * run on a cold worker spends a good part of its time there (Node worker thread, Minimal + Balanced +
 * Redesign: 5k × 25 2.2-2.4 s cold; 1k × 20 1.0-1.1 s cold). The warm-up pays that cost while the
 * user reads the verdict in the pane (the CLI only loads HiGHS while it reads: see WarmOptions).
 *
 * A run that arrives stops the warm-up at its next step, but a HiGHS solve cannot be interrupted,
 * so every solve in it is short: the eight-rep territories run Minimal only (whose whole-team MIP,
 * the solve that tiers up HiGHS's branch and bound, stops at its node limit in about 0.25 s; their
 * Balanced whole-team MIP ran a second), the ten-rep one has no whole-team MIP. A run posted 0.3-2.4 s
 * into the warm-up waited at most 0.12 s for it in Node worker threads (shared stop flag) and 0.25 s
 * in headless Chromium (no shared memory, as in Excel's pane; posted 0.3 s in, while HiGHS was still
 * loading). Node: warm-up ~1.25 s, then three scenarios at 5k × 25 1.45-1.50 s, at 1k × 20 0.35 s
 * (with Balanced's long MIP in the warm-up: 1.54 s and 0.32 s, but a run waited up to 0.8 s).
 * Chromium: warm-up 1.1 s, then all four scenarios at 5k × 25 1.66 s (cold 2.29 s).
 */
import { defaultScenarios } from '../core/optimize/scenarios';
import { sampleTerritory, type SampleOptions } from '../core/sample';
import type { WarmUpWorkload } from './serve';

interface WarmUpTerritory extends Required<SampleOptions> {
  /** How many of the default scenarios to run (1: Minimal; 3: Minimal, Balanced, Redesign). */
  scenarios: number;
}

export const WARM_UP: readonly WarmUpTerritory[] = [
  { accounts: 300, reps: 8, seed: 7, scenarios: 1 },
  { accounts: 300, reps: 10, seed: 7, scenarios: 3 },
  { accounts: 300, reps: 8, seed: 8, scenarios: 1 },
];
/** No warm-up territory runs longer than this, even on a slow machine. */
export const WARM_UP_LIMIT_MS = 4000;

/** The warm-up territories, built when the worker is asked to warm (not at load). */
export function warmUpWorkload(): WarmUpWorkload[] {
  return WARM_UP.map(({ scenarios, ...size }) => {
    const data = sampleTerritory(size);
    return { data, scenarios: defaultScenarios(data.settings).slice(0, scenarios), timeLimitMs: WARM_UP_LIMIT_MS };
  });
}
