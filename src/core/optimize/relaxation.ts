/**
 * The LP relaxations of one run. Scenarios that balance the same metric over the same candidates
 * have the same columns and rows; only costs and row bounds differ, so with a host that keeps an LP
 * alive (HighsSolver.openLp) they share one model and nothing is rebuilt. Each solve starts from a
 * basis that is already dual feasible, so the dual simplex only has to restore the band:
 * - after a scenario with the same costs (Balanced after Minimal: only bounds change), its final basis;
 * - otherwise a crash basis: every account at its cheapest candidate (its current rep when that is
 *   among the cheapest), every rep's load and workload row slack.
 * Measured at 20k × 50 (iterations, time): Minimal 17,599 / 1.78 s from HiGHS's own start, 2,186 /
 * 0.35 s from the crash basis; Redesign 18,577 / 1.47 s against 1,109 / 0.27 s.
 * Without openLp, each scenario builds and solves its own LP.
 */
import type { HighsSolver, LpSession } from './api';
import type { Instance } from './instance';
import { buildLp, QUIET, scenarioTerms, solveLp, toLpResult, type LpModel, type LpResult } from './lp';

/**
 * Presolve off: on these assignment LPs it removes little and costs more than it saves (cold LP at
 * 20k × 50: 1.64 s with presolve, 1.18 s without, the same 17,707 iterations), and a starting basis
 * is used only without it.
 */
const LP_OPTIONS = { ...QUIET, presolve: 'off' } as const;

/** How a relaxation's simplex started. */
export type LpStart = 'own model' | 'crash basis' | 'previous basis';

interface Shared {
  model: LpModel;
  session: LpSession;
  /** Costs of the last solve on this model. */
  lastCost: Float64Array | null;
}

export class Relaxations {
  private readonly shared = new Map<string, Shared>();
  /** Models whose persistent LP failed in the host: not tried again this run. */
  private readonly failed = new Set<string>();

  constructor(private readonly highs: HighsSolver) {}

  /** The LP relaxation of `inst` (every movable account free), with the model its columns refer to. */
  solve(inst: Instance, timeLimitSeconds: number): { model: LpModel; result: LpResult; start: LpStart; ray: Float64Array | null } {
    const options = { ...LP_OPTIONS, time_limit: Math.max(0.05, timeLimitSeconds) };
    const openLp = this.highs.openLp;
    const key = `${inst.scenario.withinRegion}|${inst.scenario.balanceOn}`;
    let entry = this.shared.get(key);
    if (!entry && openLp && !this.failed.has(key)) {
      // a workload row for every rep, so that a scenario with a workload band fits the same model
      const model = buildLp(inst, { free: null, owner: null, integer: false, allWorkRows: true });
      const session = hostCall(() => openLp(model.arrays));
      if (session) this.shared.set(key, (entry = { model, session, lastCost: null }));
      else this.failed.add(key);
    }
    if (entry) {
      // the returned model's arrays keep the first scenario's costs and bounds; only `constant` is this one's
      const terms = scenarioTerms(entry.model, inst);
      const model = { ...entry.model, constant: terms.constant };
      const sameCosts = entry.lastCost !== null && entry.lastCost.every((c, k) => c === terms.colCost[k]);
      const basis = sameCosts ? undefined : crashBasis(inst, entry.model, terms.colCost);
      entry.lastCost = terms.colCost;
      const { session } = entry;
      const sol = hostCall(() => session.solve(terms.colCost, terms.rowLower, terms.rowUpper, options, basis));
      if (sol) {
        const result = toLpResult(model, sol);
        const ray = result.infeasible ? (hostCall(() => session.dualRay?.()) ?? null) : null;
        return { model, result, start: sameCosts ? 'previous basis' : 'crash basis', ray };
      }
      // a host whose persistent API fails: this and later scenarios solve their own LPs, below
      session.dispose();
      this.shared.delete(key);
      this.failed.add(key);
    }
    const model = buildLp(inst, { free: null, owner: null, integer: false });
    return { model, result: solveLp(this.highs, model, timeLimitSeconds, undefined, undefined, { presolve: LP_OPTIONS.presolve }), start: 'own model', ray: null };
  }

  /** Frees the WebAssembly models. */
  dispose(): void {
    for (const { session } of this.shared.values()) session.dispose();
    this.shared.clear();
  }
}

/** A call into the host's LP; null when it throws. */
function hostCall<T>(call: () => T): T | null {
  try {
    return call();
  } catch {
    return null;
  }
}

/**
 * The crash basis: per account, the column of its cheapest candidate is basic (its current rep's
 * when that is as cheap as any; the first cheapest otherwise), all other columns sit at 0; assignment
 * rows are nonbasic, rep rows basic. The basis matrix is triangular (nonsingular), and every reduced
 * cost is a cost difference within one account, never negative: dual feasible.
 */
export function crashBasis(inst: Instance, model: LpModel, colCost: Float64Array): { colStatus: Int32Array; rowStatus: Int32Array } {
  const { colAccount, colPos } = model;
  const K = model.arrays.numCols;
  const colStatus = new Int32Array(K);
  const rowStatus = new Int32Array(model.arrays.numRows).fill(1);
  rowStatus.fill(0, 0, model.assignRows);
  for (let k = 0; k < K; ) {
    const i = colAccount[k];
    let best = k;
    let current = -1;
    let e = k;
    for (; e < K && colAccount[e] === i; e++) {
      if (colCost[e] < colCost[best]) best = e;
      if (inst.cand.reps[colPos[e]] === inst.current[i]) current = e;
    }
    colStatus[current >= 0 && colCost[current] <= colCost[best] ? current : best] = 1;
    k = e;
  }
  return { colStatus, rowStatus };
}
