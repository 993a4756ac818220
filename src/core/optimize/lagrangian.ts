/**
 * A second start for the TypeScript engine (no HiGHS): the Lagrangian relaxation of the balance
 * band. Each rep's band rows get a price λ_r per unit of its fair share; at given prices every
 * account simply takes its cheapest candidate (cost + λ_r × its share of the rep's target), and a
 * subgradient step raises the price of reps above their band and lowers it for reps below. The
 * best such value is a lower bound (the LP relaxation's, in the limit); the assignment that breaks
 * the band least along the way is a start that already weighs cost against balance, where the
 * greedy start only keeps everyone home. Repair and local search then finish it, as they finish the
 * greedy start, and the engine keeps the better plan.
 *
 * Measured through the TypeScript engine (Minimal, the bench's instances; the greedy route alone →
 * the better of both): 1k × 20 95.07 → 85.50, 5k × 25 519.94 → 476.90, 20k × 50 3,120.27 → 2,859.99;
 * at 50k × 200 the greedy route stays the better (3,974.72), which is why both run.
 */
import type { Budget } from './assignment';
import { candidatePos, fixedRep, objectiveOf, type Instance } from './instance';

/** Subgradient steps: a fixed count (work, not time, bounds the step, so runs repeat). */
export const LAGRANGIAN_ITERATIONS = 150;
/** Polyak step factor, halved after this many steps without a better bound. */
const STALL_STEPS = 10;
/** The step follows the subgradient plus this much of the previous direction (less zigzag). */
const MOMENTUM = 0.5;

export interface LagrangianStart {
  /** The assignment of the least band excess seen. */
  owner: Int32Array;
  /** Its band excess: Σ over reps of the distance to the band, in fair shares. */
  excess: number;
  /** The best Lagrangian value: no plan on these candidates meets the band for less. */
  bound: number;
}

/**
 * `plan`: the plan already found; its owners are where accounts without a candidate stay, and its
 * cost sizes the steps (when it has one: else the dearest choice of every account does). Null when
 * the team has no rep that may own accounts.
 */
export function lagrangianStart(inst: Instance, plan: Int32Array, budget: Budget, iterations = LAGRANGIAN_ITERATIONS): LagrangianStart | null {
  const { nA, nR, cand, cost, value, eligible } = inst;
  const { lo, hi, target } = inst.band;
  if (!eligible.some((e) => e)) return null;
  const scale = Float64Array.from(target, (t) => (t > 0 ? t : 1));
  const owner = Int32Array.from(plan);
  const upperBound = stepScale(inst, plan);
  const fixedLoad = new Float64Array(nR);
  let fixedCost = 0;
  const free: number[] = [];
  for (let i = 0; i < nA; i++) {
    const r = fixedRep(inst, i);
    if (r < 0) {
      if (cand.start[i + 1] > cand.start[i]) free.push(i);
      continue;
    }
    owner[i] = r;
    fixedLoad[r] += value[i];
    fixedCost += cost[candidatePos(inst, i, r)];
  }
  const price = new Float64Array(nR);
  const load = new Float64Array(nR);
  const g = new Float64Array(nR);
  const direction = new Float64Array(nR);
  let best: LagrangianStart = { owner: Int32Array.from(owner), excess: Infinity, bound: -Infinity };
  let factor = 1;
  let stall = 0;
  for (let it = 0; it < iterations && !budget.expired(); it++) {
    load.set(fixedLoad);
    let total = fixedCost;
    for (const i of free) {
      let bestP = -1;
      let bestV = Infinity;
      // every candidate may own accounts (candidates.ts lists no departing rep)
      for (let p = cand.start[i]; p < cand.start[i + 1]; p++) {
        const r = cand.reps[p];
        const v = cost[p] + (price[r] * value[i]) / scale[r];
        if (v < bestV) (bestV = v), (bestP = p);
      }
      owner[i] = cand.reps[bestP];
      load[owner[i]] += value[i];
      total += bestV;
    }
    let norm = 0;
    let excess = 0;
    for (let r = 0; r < nR; r++) {
      if (!eligible[r]) {
        g[r] = 0;
        continue;
      }
      total += (price[r] * fixedLoad[r]) / scale[r] - (price[r] * (price[r] > 0 ? hi[r] : lo[r])) / scale[r];
      const over = (load[r] - hi[r]) / scale[r];
      const under = (load[r] - lo[r]) / scale[r];
      // a subgradient: the broken side; inside the band, the side the price leans on (back towards 0)
      g[r] = over > 0 ? over : under < 0 ? under : price[r] > 0 ? over : price[r] < 0 ? under : 0;
      norm += g[r] * g[r];
      excess += Math.max(0, over) - Math.min(0, under);
    }
    if (total > best.bound + 1e-9) (best.bound = total), (stall = 0);
    else if (++stall >= STALL_STEPS) (factor /= 2), (stall = 0);
    if (excess < best.excess) (best.owner = Int32Array.from(owner)), (best.excess = excess);
    if (norm === 0) break; // every rep within its band at no price: the cheapest assignment, and it meets the band
    let dNorm = 0;
    for (let r = 0; r < nR; r++) (direction[r] = g[r] + MOMENTUM * direction[r]), (dNorm += direction[r] * direction[r]);
    if (dNorm === 0) break;
    const step = (factor * Math.max(upperBound - total, 1e-3)) / dNorm;
    for (let r = 0; r < nR; r++) price[r] += step * direction[r];
  }
  return best;
}

/** The plan's cost, or where it has none (an account with no candidate it may go to) the dearest choice of every account. */
function stepScale(inst: Instance, plan: Int32Array): number {
  const cost = objectiveOf(inst, plan);
  if (Number.isFinite(cost)) return cost;
  let dearest = 0;
  for (let i = 0; i < inst.nA; i++) {
    let most = 0;
    for (let p = inst.cand.start[i]; p < inst.cand.start[i + 1]; p++) most = Math.max(most, inst.cost[p]);
    dearest += most;
  }
  return dearest;
}
