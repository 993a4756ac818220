/**
 * Local search on a repaired assignment: moves that lower the cost without adding violation or capacity excess —
 * single moves, then a cost-lowering move followed by one compensating move (which covers swaps
 * and undoing an unnecessary move whose rep would otherwise leave the band).
 */
import { CAP_EPS, type Assignment, type Budget } from './assignment';
import type { Instance } from './instance';

const COST_EPS = 1e-9;
const VIOL_EPS = 1e-12;
/** Work cap of one local search, in evaluated moves: bounds the run by work, not time (repeatable). */
const MAX_EVALUATIONS = 6_000_000;

interface Work {
  evaluations: number;
}

function singleMoves(a: Assignment, budget: Budget, work: Work): boolean {
  const { start, reps } = a.inst.cand;
  let improved = false;
  for (let i = 0; i < a.inst.nA; i++) {
    if (!a.movable[i]) continue;
    if ((i & 1023) === 0 && budget.expired()) return improved;
    const r = a.owner[i];
    const c0 = a.costAt(i, r);
    work.evaluations += start[i + 1] - start[i];
    let best = -1;
    let bestDc = -COST_EPS;
    for (let p = start[i]; p < start[i + 1]; p++) {
      const s = reps[p];
      if (s === r) continue;
      const dc = a.inst.cost[p] - c0;
      if (dc < bestDc && a.deltaViolation(i, s) <= VIOL_EPS && !a.raisesCapacity(i, s)) (bestDc = dc), (best = s);
    }
    if (best >= 0) {
      a.move(i, best);
      improved = true;
    }
  }
  return improved;
}

/**
 * Best compensating move after i moved from `under` to `over` (i excluded): out of `over` when it
 * went past its band, into `under` when it fell below; one move from `over` to `under` when both.
 */
function bestCompensation(
  a: Assignment,
  i: number,
  over: number,
  under: number,
  maxDc: number,
  dv1: number,
  capacityAllowance: number,
  work: Work,
): { j: number; t: number; dc: number } | null {
  const { start, reps } = a.inst.cand;
  const cost = a.inst.cost;
  let best: { j: number; t: number; dc: number } | null = null;
  let bestDc = maxDc;
  const overBroke = a.violationOf(over) > 1e-12;
  const underBroke = a.violationOf(under) > 1e-12;
  if (overBroke || !underBroke) {
    const { first, firstRep, second } = cheapestCosts(a.inst);
    for (const j of a.members[over]) {
      if (j === i || !a.movable[j]) continue;
      const c0 = a.costAt(j, over);
      // no move of j out of `over` costs less than its cheapest other candidate: when even that is no
      // better than the best so far, none of j's moves is (counted as evaluated, so the work cap binds
      // where it did)
      if (!underBroke && (firstRep[j] === over ? second[j] : first[j]) - c0 >= bestDc) {
        work.evaluations += start[j + 1] - start[j] - (c0 < Infinity ? 1 : 0);
        continue;
      }
      for (let p = start[j]; p < start[j + 1]; p++) {
        const t = reps[p];
        if (t === over || (underBroke && t !== under)) continue;
        work.evaluations++;
        const dc = cost[p] - c0;
        if (dc >= bestDc || dv1 + a.deltaViolation(j, t) > VIOL_EPS || a.raisesCapacity(j, t, capacityAllowance)) continue;
        bestDc = dc;
        best = { j, t, dc };
      }
    }
  }
  if (underBroke && !overBroke) {
    const reachers = a.reachers[under];
    const at = a.reacherPos[under];
    for (let k = 0; k < reachers.length; k++) {
      const j = reachers[k];
      const from = a.owner[j];
      if (j === i || from === under) continue;
      work.evaluations++;
      const dc = cost[at[k]] - a.costAt(j, from);
      if (dc >= bestDc || dv1 + a.deltaViolation(j, under) > VIOL_EPS || a.raisesCapacity(j, under, capacityAllowance)) continue;
      bestDc = dc;
      best = { j, t: under, dc };
    }
  }
  return best;
}

interface CheapestCosts {
  /** Each account's cheapest candidate cost, its rep, and the cheapest at any other rep (Infinity with one candidate). */
  first: Float64Array;
  firstRep: Int32Array;
  second: Float64Array;
}

const cheapest = new WeakMap<Instance, CheapestCosts>();

function cheapestCosts(inst: Instance): CheapestCosts {
  let found = cheapest.get(inst);
  if (found) return found;
  const { start, reps } = inst.cand;
  const first = new Float64Array(inst.nA).fill(Infinity);
  const firstRep = new Int32Array(inst.nA).fill(-1);
  const second = new Float64Array(inst.nA).fill(Infinity);
  for (let i = 0; i < inst.nA; i++)
    for (let p = start[i]; p < start[i + 1]; p++) {
      const c = inst.cost[p];
      if (c < first[i]) (second[i] = first[i]), (first[i] = c), (firstRep[i] = reps[p]);
      else if (c < second[i]) second[i] = c;
    }
  found = { first, firstRep, second };
  cheapest.set(inst, found);
  return found;
}

function compoundMoves(a: Assignment, budget: Budget, work: Work): boolean {
  const { start, reps } = a.inst.cand;
  let improved = false;
  for (let i = 0; i < a.inst.nA; i++) {
    if (!a.movable[i]) continue;
    if (((i & 63) === 0 && budget.expired()) || work.evaluations > MAX_EVALUATIONS) return improved;
    const r = a.owner[i];
    const c0 = a.costAt(i, r);
    for (let p = start[i]; p < start[i + 1]; p++) {
      const s = reps[p];
      const dc1 = a.inst.cost[p] - c0;
      if (s === r || dc1 >= -COST_EPS) continue;
      const dv1 = a.deltaViolation(i, s);
      const capacity1 = a.deltaCapacity(i, s);
      a.move(i, s);
      if (dv1 <= VIOL_EPS && capacity1 <= CAP_EPS) {
        improved = true; // a plain improving move (the plan changed since singleMoves looked)
        break;
      }
      // the pair may not raise the capacity excess either
      const comp = bestCompensation(a, i, s, r, -dc1 - COST_EPS, dv1, -capacity1, work);
      if (comp) {
        a.move(comp.j, comp.t);
        improved = true;
        break;
      }
      a.move(i, r);
    }
  }
  return improved;
}

/** Improves the assignment in place until no move helps or the budget runs out. */
export function localSearch(a: Assignment, budget: Budget): void {
  const work: Work = { evaluations: 0 };
  for (let round = 0; round < 50; round++) {
    if (budget.expired() || work.evaluations > MAX_EVALUATIONS) return;
    const s = singleMoves(a, budget, work);
    if (budget.expired()) return;
    const c = compoundMoves(a, budget, work);
    if (!s && !c) return;
  }
}
