/**
 * MIP re-solves: free the accounts of the whole team (small teams) or the LP's most promising
 * accounts, keep the rest of the plan fixed, and let the HiGHS MIP reassign them exactly. Accepted only when the
 * result is no less feasible and strictly cheaper.
 */
import type { HighsSolver } from './api';
import type { Assignment } from './assignment';
import { buildLp, solveLp } from './lp';

/** Branch-and-bound nodes per re-solve: work, not time, bounds each MIP so runs are repeatable. */
const MIP_NODES = 50;
/**
 * Most columns of one LP-guided re-solve. HiGHS's root work on these sub-MIPs grows fast with their
 * size (measured: 634 columns 0.75 s, 1,081 columns 3.2 s), so the freed accounts are capped: the
 * LP's fractional ones first, then those the LP puts elsewhere than the plan.
 */
const MIP_COLUMNS = 700;
/** A re-solve that has not finished by then is abandoned (the only clock-dependent step; it should not bind). */
const MIP_SAFETY_SECONDS = 5;

/**
 * Lets the HiGHS MIP reassign the `free` accounts (to any of their candidates) with all others
 * fixed. Keeps the result when it lowers the violation, or keeps it and lowers the cost.
 */
function resolveFree(a: Assignment, highs: HighsSolver, free: Uint8Array, timeLimitSeconds: number, nodes = MIP_NODES): boolean {
  const { cand } = a.inst;
  const model = buildLp(a.inst, { free, owner: a.owner, integer: true });
  if (model.arrays.numCols === 0) return false;
  const start = new Float64Array(model.arrays.numCols);
  for (let k = 0; k < model.arrays.numCols; k++) start[k] = a.owner[model.colAccount[k]] === cand.reps[model.colPos[k]] ? 1 : 0;
  const res = solveLp(highs, model, timeLimitSeconds, start, nodes);
  if (!res.x) return false;
  const costBefore = a.objective();
  const violationBefore = a.totalViolation();
  const previous: [number, number][] = [];
  for (let k = 0; k < model.arrays.numCols; k++) {
    if (res.x[k] < 0.5) continue;
    const i = model.colAccount[k];
    const s = cand.reps[model.colPos[k]];
    if (a.owner[i] !== s) {
      previous.push([i, a.owner[i]]);
      a.move(i, s);
    }
  }
  const violationAfter = a.totalViolation();
  const better = violationAfter < violationBefore - 1e-12 || (violationAfter <= violationBefore + 1e-12 && a.objective() < costBefore - 1e-9);
  if (better) return true;
  for (let k = previous.length - 1; k >= 0; k--) a.move(previous[k][0], previous[k][1]);
  return false;
}

export interface LpGuide {
  colAccount: Int32Array;
  colPos: Int32Array;
  x: Float64Array;
}

/**
 * The LP-guided re-solve (RINS-like): free the accounts where the LP is fractional or disagrees with
 * the plan (fractional ones first, at most `maxColumns` columns), keep everything else fixed, and let
 * the MIP reassign them. Returns true when the plan improved.
 */
export function lpGuidedResolve(a: Assignment, highs: HighsSolver, guide: LpGuide, secondsLeft: () => number, maxColumns = MIP_COLUMNS): boolean {
  const { nA, cand } = a.inst;
  const lpOwner = new Int32Array(nA).fill(-2); // -2 no LP column, -1 fractional, else the LP's rep
  for (let k = 0; k < guide.colAccount.length; k++) {
    const i = guide.colAccount[k];
    if (lpOwner[i] === -2) lpOwner[i] = -1;
    if (guide.x[k] > 1 - 1e-6) lpOwner[i] = cand.reps[guide.colPos[k]];
  }
  const base: number[] = [];
  for (let i = 0; i < nA; i++) if (a.movable[i] && lpOwner[i] !== -2 && lpOwner[i] !== a.owner[i]) base.push(i);
  base.sort((x, y) => (lpOwner[x] === -1 ? 0 : 1) - (lpOwner[y] === -1 ? 0 : 1) || x - y);
  const free = new Uint8Array(nA);
  let columns = 0;
  for (const i of base) {
    columns += cand.start[i + 1] - cand.start[i];
    if (columns > maxColumns) break;
    free[i] = 1;
  }
  return resolveFree(a, highs, free, Math.min(secondsLeft(), MIP_SAFETY_SECONDS));
}

/** A team small enough is re-solved whole: every account of every continuing rep is freed at once. */
export function resolveWholeTeam(a: Assignment, highs: HighsSolver, secondsLeft: () => number): boolean {
  if (a.totalViolation() > 1e-12) return false; // the MIP would start infeasible; repair handles the band
  const free = new Uint8Array(a.inst.nA);
  let any = false;
  for (let i = 0; i < a.inst.nA; i++) if (a.movable[i] && a.inst.eligible[a.owner[i]]) (free[i] = 1), (any = true);
  return any && resolveFree(a, highs, free, secondsLeft(), 25 * MIP_NODES);
}
