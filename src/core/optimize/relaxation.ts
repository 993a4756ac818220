/**
 * The LP relaxations of one run, shared between scenarios. Scenarios that balance the same metric
 * over the same candidates have the same columns and rows; only costs and row bounds differ. With a
 * host that keeps an LP alive (HighsSolver.openLp), the first scenario solves from scratch and each
 * later one starts from the previous basis. Without it, each scenario builds and solves its own LP.
 */
import type { HighsSolver, LpSession } from './api';
import type { Instance } from './instance';
import { buildLp, QUIET, scenarioTerms, solveLp, toLpResult, type LpModel, type LpResult } from './lp';

/**
 * Presolve off: on these assignment LPs it removes little and cost more than it saved (cold LP at
 * 20k × 50: 1.64 s with presolve, 1.18 s without, the same 17,707 iterations).
 */
const LP_OPTIONS = { ...QUIET, presolve: 'off' } as const;

export class Relaxations {
  private readonly shared = new Map<string, { model: LpModel; session: LpSession }>();

  constructor(private readonly highs: HighsSolver) {}

  /** The LP relaxation of `inst` (every movable account free), with the model its columns refer to. */
  solve(inst: Instance, timeLimitSeconds: number): { model: LpModel; result: LpResult; warm: boolean } {
    const options = { ...LP_OPTIONS, time_limit: Math.max(0.05, timeLimitSeconds) };
    if (this.highs.openLp) {
      const key = `${inst.scenario.withinRegion}|${inst.scenario.balanceOn}`;
      let entry = this.shared.get(key);
      const warm = entry !== undefined;
      try {
        if (!entry) {
          // a workload row for every rep, so that a scenario with a workload band fits the same model
          const model = buildLp(inst, { free: null, owner: null, reps: null, integer: false, allWorkRows: true });
          entry = { model, session: this.highs.openLp(model.arrays) };
          this.shared.set(key, entry);
        }
        const terms = scenarioTerms(entry.model, inst);
        const model = { ...entry.model, constant: terms.constant };
        return { model, result: toLpResult(model, entry.session.solve(terms.colCost, terms.rowLower, terms.rowUpper, options)), warm };
      } catch {
        // a host whose persistent API fails: solve this scenario on its own, below
      }
    }
    const model = buildLp(inst, { free: null, owner: null, reps: null, integer: false });
    return { model, result: solveLp(this.highs, model, timeLimitSeconds, undefined, undefined, options), warm: false };
  }

  /** Frees the WebAssembly models. */
  dispose(): void {
    for (const { session } of this.shared.values()) session.dispose();
    this.shared.clear();
  }
}
