/**
 * Repair: drive the band/capacity violation to zero by the cheapest moves per unit of violation
 * removed, with a two-move chain when no single move helps.
 */
import type { Assignment, Budget } from './assignment';

const EPS = 1e-12;

interface Step {
  i: number;
  s: number;
  dv: number;
  dc: number;
}

/** Moves that may reduce rep r's violation: out of r when it is over, into r when it is under. */
function forEachRepairOption(a: Assignment, r: number, visit: (i: number, s: number) => void): void {
  const inst = a.inst;
  const over =
    a.load[r] > inst.band.hi[r] || a.work[r] > inst.capacity[r] || (inst.workBand !== null && a.work[r] > inst.workBand.hi[r]);
  const under = a.load[r] < inst.band.lo[r] || (inst.workBand !== null && a.work[r] < inst.workBand.lo[r]);
  const { start, reps } = inst.cand;
  if (over || !inst.eligible[r]) {
    for (const i of a.members[r]) {
      if (!a.movable[i]) continue;
      for (let p = start[i]; p < start[i + 1]; p++) if (reps[p] !== r) visit(i, reps[p]);
    }
  }
  if (under) for (const i of a.reachers[r]) if (a.owner[i] !== r) visit(i, r);
}

function bestSingle(a: Assignment, r: number, exclude: number, maxDv: number): Step | null {
  let best: Step | null = null;
  let bestScore = Infinity;
  forEachRepairOption(a, r, (i, s) => {
    if (i === exclude) return;
    const dv = a.deltaViolation(i, s);
    if (dv >= maxDv) return;
    const dc = a.costAt(i, s) - a.costAt(i, a.owner[i]);
    // cost per unit of violation removed; a move that also saves cost is free, and then the bigger reduction wins
    const gain = Math.max(EPS, maxDv - dv);
    const score = Math.max(0, dc) / gain;
    if (score < bestScore || (score === bestScore && best !== null && (dv < best.dv || (dv === best.dv && i < best.i)))) {
      bestScore = score;
      best = { i, s, dv, dc };
    }
  });
  return best;
}

/** Two moves: the CHAIN_WIDTH first moves that add the least violation elsewhere, each followed by the best single repair. */
const CHAIN_WIDTH = 48;

function bestChain(a: Assignment, r: number, budget: Budget): Step[] | null {
  const firsts: Step[] = [];
  forEachRepairOption(a, r, (i, s) => {
    firsts.push({ i, s, dv: a.deltaViolation(i, s), dc: a.costAt(i, s) - a.costAt(i, a.owner[i]) });
  });
  firsts.sort((x, y) => x.dv - y.dv || x.dc - y.dc || x.i - y.i || x.s - y.s);
  let best: Step[] | null = null;
  let bestScore = Infinity;
  for (const first of firsts.slice(0, CHAIN_WIDTH)) {
    if (budget.expired()) break;
    const { i, s } = first;
    const from = a.owner[i];
    a.move(i, s);
    // the rep that got worse: s when filled past its band, else `from` when emptied below it
    const q = a.violationOf(s) > EPS ? s : from;
    const second = bestSingle(a, q, i, -first.dv - EPS);
    a.move(i, from);
    if (!second) continue;
    const dv = first.dv + second.dv;
    if (dv >= -EPS) continue;
    const score = Math.max(0, first.dc + second.dc) / -dv;
    if (score < bestScore) {
      bestScore = score;
      best = [first, second];
    }
  }
  return best;
}

/** Returns true when every rep ends inside its band and capacity. */
export function repair(a: Assignment, budget: Budget): boolean {
  const nR = a.inst.nR;
  const stuck = new Uint8Array(nR);
  for (;;) {
    if (budget.expired()) return a.totalViolation() <= EPS;
    const order: number[] = [];
    for (let r = 0; r < nR; r++) if (a.violationOf(r) > EPS) order.push(r);
    if (order.length === 0) return true;
    order.sort((x, y) => a.violationOf(y) - a.violationOf(x) || x - y);
    let applied = false;
    for (const r of order) {
      const step = bestSingle(a, r, -1, -EPS);
      if (step) {
        a.move(step.i, step.s);
        applied = true;
        break;
      }
    }
    if (!applied) {
      for (const r of order) {
        if (stuck[r]) continue;
        const chain = bestChain(a, r, budget);
        if (chain) {
          for (const st of chain) a.move(st.i, st.s);
          applied = true;
          break;
        }
        stuck[r] = 1;
      }
    }
    if (!applied) return false;
  }
}
