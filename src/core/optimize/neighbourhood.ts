/**
 * Neighbourhood re-solves: free the accounts of a handful of reps that share candidates, keep the
 * rest of the plan fixed, and let the HiGHS MIP reassign them exactly. Accepted only when the
 * result is no less feasible and strictly cheaper.
 */
import type { HighsSolver } from './api';
import type { Assignment, Budget } from './assignment';
import { buildLp, solveLp } from './lp';

/** The reps most tied to `seed` by accounts that could move between them, seed first. */
function groupAround(a: Assignment, seed: number, size: number): number[] {
  const { nR, cand } = a.inst;
  const ties = new Float64Array(nR);
  const count = (i: number) => {
    for (let p = cand.start[i]; p < cand.start[i + 1]; p++) ties[cand.reps[p]] += 1;
  };
  for (const i of a.members[seed]) if (a.movable[i]) count(i);
  for (const i of a.reachers[seed]) count(i);
  ties[seed] = -1;
  const others: number[] = [];
  for (let r = 0; r < nR; r++) if (ties[r] > 0 && a.inst.eligible[r]) others.push(r);
  others.sort((x, y) => ties[y] - ties[x] || x - y);
  return [seed, ...others.slice(0, size - 1)];
}

/** Branch-and-bound nodes per re-solve: work, not time, bounds each MIP so runs are repeatable. */
export const MIP_NODES = 50;
/** A re-solve that has not finished by then is abandoned (the only clock-dependent step; it should not bind). */
const MIP_SAFETY_SECONDS = 5;

/** Re-solves one group; returns true when the plan improved. */
export function resolveGroup(a: Assignment, highs: HighsSolver, group: readonly number[], timeLimitSeconds: number, nodes = MIP_NODES): boolean {
  const { nA, nR, cand } = a.inst;
  const inGroup = new Uint8Array(nR);
  for (const r of group) inGroup[r] = 1;
  const free = new Uint8Array(nA);
  let freeCount = 0;
  for (const r of group) {
    for (const i of a.members[r]) {
      if (!a.movable[i]) continue;
      let options = 0;
      for (let p = cand.start[i]; p < cand.start[i + 1]; p++) options += inGroup[cand.reps[p]];
      if (options > 1) (free[i] = 1), freeCount++;
    }
  }
  if (freeCount === 0) return false;
  if (group.reduce((s, r) => s + a.violationOf(r), 0) > 1e-12) return false; // the MIP would be infeasible; repair handles these reps
  return resolveFree(a, highs, free, inGroup, timeLimitSeconds, nodes);
}

/**
 * Lets the HiGHS MIP reassign the `free` accounts (to reps in `reps`, or any candidate) with all
 * others fixed. Keeps the result when it lowers the violation, or keeps it and lowers the cost.
 */
export function resolveFree(a: Assignment, highs: HighsSolver, free: Uint8Array, reps: Uint8Array | null, timeLimitSeconds: number, nodes = MIP_NODES): boolean {
  const { cand } = a.inst;
  const model = buildLp(a.inst, { free, owner: a.owner, reps, integer: true });
  if (model.columns === 0) return false;
  const start = new Float64Array(model.columns);
  for (let k = 0; k < model.columns; k++) start[k] = a.owner[model.colAccount[k]] === cand.reps[model.colPos[k]] ? 1 : 0;
  const res = solveLp(highs, model, timeLimitSeconds, start, nodes);
  if (!res.x) return false;
  const costBefore = a.objective();
  const violationBefore = a.totalViolation();
  const previous: [number, number][] = [];
  for (let k = 0; k < model.columns; k++) {
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
  reducedCost: Float64Array;
}

/**
 * LP-guided re-solves (RINS-like): free the accounts where the LP is fractional or disagrees with
 * the plan, plus the accounts whose cheapest unused candidate has the smallest reduced cost, in
 * growing rounds while time remains; everything else stays fixed.
 */
export async function lpGuidedSearch(
  a: Assignment,
  highs: HighsSolver,
  guide: LpGuide,
  budget: Budget,
  secondsLeft: () => number,
  pause: () => Promise<void> = async () => undefined,
  extras: readonly number[] = [0, 150],
): Promise<number> {
  const { nA, cand } = a.inst;
  const lpOwner = new Int32Array(nA).fill(-2);
  const slack = new Float64Array(nA).fill(Infinity);
  for (let k = 0; k < guide.colAccount.length; k++) {
    const i = guide.colAccount[k];
    if (lpOwner[i] === -2) lpOwner[i] = -1;
    const x = guide.x[k];
    if (x > 1 - 1e-6) lpOwner[i] = cand.reps[guide.colPos[k]];
    else if (x < 1e-6) slack[i] = Math.min(slack[i], Math.max(0, guide.reducedCost[k]));
  }
  const base: number[] = [];
  const rest: number[] = [];
  for (let i = 0; i < nA; i++) {
    if (!a.movable[i] || lpOwner[i] === -2) continue;
    if (lpOwner[i] === -1 || lpOwner[i] !== a.owner[i]) base.push(i);
    else if (slack[i] < Infinity) rest.push(i);
  }
  rest.sort((x, y) => slack[x] - slack[y] || x - y);
  let improvements = 0;
  for (const extra of extras) {
    await pause();
    if (budget.expired() || secondsLeft() < 0.1) break;
    if (extra > 0 && rest.length === 0) break;
    const free = new Uint8Array(nA);
    for (const i of base) free[i] = 1;
    for (let k = 0; k < Math.min(extra, rest.length); k++) free[rest[k]] = 1;
    const ok = resolveFree(a, highs, free, null, Math.min(secondsLeft(), MIP_SAFETY_SECONDS));
    if (ok) improvements++;
  }
  return improvements;
}

/**
 * Sweeps groups of `size` reps around each seed rep (the costliest territories first) until a
 * sweep finds nothing or the budget runs out. A model small enough is solved whole.
 */
const MAX_GROUPS_PER_SWEEP = 16;

export async function neighbourhoodSearch(
  a: Assignment,
  highs: HighsSolver,
  budget: Budget,
  secondsLeft: () => number,
  pause: () => Promise<void> = async () => undefined,
  size = 8,
): Promise<number> {
  const { nR } = a.inst;
  let improvements = 0;
  const eligible: number[] = [];
  for (let r = 0; r < nR; r++) if (a.inst.eligible[r]) eligible.push(r);
  if (eligible.length <= size) {
    if (resolveGroup(a, highs, eligible, secondsLeft(), 25 * MIP_NODES)) improvements++;
    return improvements;
  }
  for (let sweep = 0; sweep < 2; sweep++) {
    const excess = new Float64Array(nR);
    for (let i = 0; i < a.inst.nA; i++) {
      const cand = a.inst.cand;
      let min = Infinity;
      for (let p = cand.start[i]; p < cand.start[i + 1]; p++) min = Math.min(min, a.inst.cost[p]);
      excess[a.owner[i]] += a.costAt(i, a.owner[i]) - min;
    }
    const seeds = eligible.filter((r) => excess[r] > 1e-9).sort((x, y) => excess[y] - excess[x] || x - y);
    let found = 0;
    for (const seed of seeds.slice(0, MAX_GROUPS_PER_SWEEP)) {
      await pause();
      if (budget.expired() || secondsLeft() < 0.05) return improvements;
      const group = groupAround(a, seed, size);
      if (resolveGroup(a, highs, group, secondsLeft())) found++;
    }
    improvements += found;
    if (found === 0) break;
  }
  return improvements;
}
