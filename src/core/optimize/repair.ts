/**
 * Repair: drive the band/capacity violation to zero by the cheapest moves per unit of violation
 * removed, with a two-move chain when no single move helps, and longer ejection chains after that;
 * no step raises the total capacity excess (capacity is a hard rule, the band the goal). With the
 * `bands` goal it stops once every rep is inside its bands, whatever capacity is still broken.
 */
import { CAP_EPS, type Assignment, type Budget } from './assignment';
import type { CandidateTable } from './candidates';
import { candidatePos, workAndCapacity } from './instance';

const EPS = 1e-12;

interface Step {
  i: number;
  s: number;
  dv: number;
  dc: number;
}

/** Rep r holds too much: above its band, its capacity or its workload band. */
function isOver(a: Assignment, r: number): boolean {
  const inst = a.inst;
  return a.load[r] > inst.band.hi[r] || a.work[r] > inst.capacity[r] || (inst.workBand !== null && a.work[r] > inst.workBand.hi[r]);
}

/** Moves that may reduce rep r's violation: out of r when it is over, into r when it is under. */
function forEachRepairOption(a: Assignment, r: number, visit: (i: number, s: number) => void): void {
  const inst = a.inst;
  const under = a.load[r] < inst.band.lo[r] || (inst.workBand !== null && a.work[r] < inst.workBand.lo[r]);
  const { start, reps } = inst.cand;
  if (isOver(a, r) || !inst.eligible[r]) {
    for (const i of a.members[r]) {
      if (!a.movable[i]) continue;
      for (let p = start[i]; p < start[i + 1]; p++) if (reps[p] !== r) visit(i, reps[p]);
    }
  }
  if (under) for (const i of a.reachers[r]) if (a.owner[i] !== r) visit(i, r);
}

/** `capacityAllowance`: how much this move may raise the capacity excess (what an earlier move of a chain freed). */
function bestSingle(a: Assignment, r: number, exclude: number, maxDv: number, capacityAllowance = 0): Step | null {
  let best: Step | null = null;
  let bestScore = Infinity;
  forEachRepairOption(a, r, (i, s) => {
    if (i === exclude || a.raisesCapacity(i, s, capacityAllowance)) return;
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
    const capacity = a.deltaCapacity(i, s);
    a.move(i, s);
    // the rep that got worse: s when filled past its band, else `from` when emptied below it
    const q = a.violationOf(s) > EPS ? s : from;
    // the pair may not raise the capacity excess: the second move must give back what the first took
    const second = bestSingle(a, q, i, -first.dv - EPS, -capacity);
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

/** Label expansions all ejection chains of one repair may use: a work bound, so a band that cannot be met fails fast. */
const CHAIN_WORK = 20000;

/**
 * What repair drives to zero: every rep's band, workload band and capacity (`all`), or the bands alone
 * (`bands`: a capacity that is broken stays as it is, and no move raises the excess).
 */
export type RepairGoal = 'all' | 'bands';

/** Returns true when the goal is met: every rep inside its band and capacity (`all`), or its bands (`bands`). */
export function repair(a: Assignment, budget: Budget, goal: RepairGoal = 'all'): boolean {
  if (goal === 'bands') return repairBand(a, budget, true);
  const met = repairBand(a, budget, false);
  if (a.totalCapacityExcess() <= CAP_EPS || budget.expired() || !worthRelieving(a)) return met;
  // Capacity is a rule and the band a goal: a capacity the search above left broken (it weighs both
  // in one sum, and here keeping the band cost more than the excess) is relieved first, whatever the
  // band loses, and the band repaired again after without raising the excess.
  if (!relieveCapacity(a, budget)) return met;
  return repairBand(a, budget, false);
}

/**
 * Whether relieving the broken capacities can help: the reps' capacities together must hold the
 * workload that is theirs to carry, else no plan keeps every capacity and relieving one rep only
 * loads another. It once also required few reps over (2, or 5% of the team), because on 50k × 200
 * with every capacity 3% above its share of the workload the band's second repair took 20 s. With
 * repair no longer repeating failed searches, lifting that gate cost 6 s there over four scenarios
 * and left 44 capacities broken in Minimal instead of 52; a 6.6k × 33 territory with three reps over
 * now keeps every capacity.
 */
function worthRelieving(a: Assignment): boolean {
  const { work, capacity } = workAndCapacity(a.inst);
  return capacity >= work - CAP_EPS;
}

/** Most candidate moves `relieveCapacity` weighs in one repair (work, not the clock, bounds it). */
const RELIEF_WORK = 4_000_000;

/**
 * Lowers the total capacity excess: each round takes, for every rep over its capacity, the move out
 * of it that costs the band least per unit of excess relieved (then the cheapest), and makes those
 * that still relieve some. Stops when no rep is over, no move helps, or after RELIEF_WORK moves
 * weighed. Returns whether it moved anything.
 */
function relieveCapacity(a: Assignment, budget: Budget): boolean {
  const { start, reps } = a.inst.cand;
  let weighed = 0;
  let moved = false;
  while (!budget.expired() && weighed < RELIEF_WORK && a.totalCapacityExcess() > CAP_EPS) {
    const picks: { step: Step; score: number }[] = [];
    for (let r = 0; r < a.inst.nR; r++) {
      if (a.capacityExcess(r, a.work[r]) <= 0) continue;
      let best: Step | null = null;
      let bestScore = Infinity;
      for (const i of a.members[r]) {
        if (!a.movable[i]) continue;
        for (let p = start[i]; p < start[i + 1]; p++) {
          const s = reps[p];
          if (s === r) continue;
          weighed++;
          const relieved = -a.deltaCapacity(i, s);
          if (relieved <= CAP_EPS) continue;
          const dv = a.deltaViolation(i, s);
          const dc = a.costAt(i, s) - a.costAt(i, r);
          // the band's loss (the violation's change, less its capacity part) per unit of excess relieved
          const score = Math.max(0, dv + relieved) / relieved;
          if (score < bestScore - EPS || (Math.abs(score - bestScore) <= EPS && best !== null && (dc < best.dc || (dc === best.dc && i < best.i)))) {
            bestScore = score;
            best = { i, s, dv, dc };
          }
        }
      }
      if (best) picks.push({ step: best, score: bestScore });
    }
    if (picks.length === 0) break;
    picks.sort((x, y) => x.score - y.score || x.step.i - y.step.i);
    for (const { step } of picks) {
      // an earlier move of this round may have filled the destination
      if (-a.deltaCapacity(step.i, step.s) <= CAP_EPS) continue;
      a.move(step.i, step.s);
      moved = true;
    }
  }
  return moved;
}

/**
 * For each rep, the reps whose loads its single repair moves depend on (itself included): the
 * candidates of the accounts it could hold, and their owners now (an account waiting to be placed may
 * sit with a rep outside its candidates; every move goes to a candidate).
 */
function dependents(a: Assignment): number[][] {
  const { nA, nR, cand } = a.inst;
  const shared = candidateLinks(cand, nR);
  let linked = shared;
  for (let i = 0; i < nA; i++) {
    const o = a.owner[i];
    if (!a.movable[i] || candidatePos(a.inst, i, o) >= 0) continue;
    if (linked === shared) linked = shared.slice(); // the table stays the instance's
    for (let p = cand.start[i]; p < cand.start[i + 1]; p++) linked[o * nR + cand.reps[p]] = linked[cand.reps[p] * nR + o] = 1;
  }
  return Array.from({ length: nR }, (_, q) => {
    const out = [q];
    for (let t = 0; t < nR; t++) if (t !== q && linked[q * nR + t]) out.push(t);
    return out;
  });
}

/**
 * Reps linked by an account that lists both (an nR × nR table), per candidate table: every repair of
 * a scenario, and every band its tightest-band search tries, shares it (at 50k × 200 it took 20 ms per
 * repair to build).
 */
function candidateLinks(cand: CandidateTable, nR: number): Uint8Array {
  let linked = linksOf.get(cand);
  if (linked) return linked;
  linked = new Uint8Array(nR * nR);
  for (let i = 0; i + 1 < cand.start.length; i++)
    for (let p = cand.start[i]; p < cand.start[i + 1]; p++) for (let k = cand.start[i]; k < cand.start[i + 1]; k++) linked[cand.reps[p] * nR + cand.reps[k]] = 1;
  linksOf.set(cand, linked);
  return linked;
}

const linksOf = new WeakMap<CandidateTable, Uint8Array>();

/** `bandsOnly`: the reps outside their bands are repaired, and the run ends once none is (capacity excess aside). */
function repairBand(a: Assignment, budget: Budget, bandsOnly: boolean): boolean {
  const nR = a.inst.nR;
  const excess = bandsOnly ? (r: number) => a.bandViolationOf(r) : (r: number) => a.violationOf(r);
  const met = () => (bandsOnly ? a.totalBandViolation() : a.totalViolation()) <= EPS;
  const stuck = new Uint8Array(nR);
  // reps whose single repair found nothing, until a move changes the load of a rep it depends on: such a
  // rep's bestSingle would find nothing again (50k × 200 with capacities near the workload: the loop
  // weighed 24 reps per move made, 169,054 bestSingle calls for 7,098 moves). Exact but for bestChain's
  // trial moves, which it undoes without telling: they reorder a rep's members and can leave its load a
  // rounding error off (bench instances: the same plans as without these skips)
  const noSingle = new Uint8Array(nR);
  let links: number[][] | null = null;
  // the same for ejection chains: a rep whose chain search failed, with the reps that search read (its
  // loads decide it); searched again once a move touches one of them (50k × 200 with capacities near the
  // workload: 284 failed searches for 31 chains found in Minimal, most of them repeats)
  const chainRead: (Uint8Array | null)[] = new Array(nR).fill(null);
  const work = { expansions: 0 };
  for (;;) {
    if (budget.expired()) return met();
    const order: number[] = [];
    for (let r = 0; r < nR; r++) if (excess(r) > EPS) order.push(r);
    if (order.length === 0) return true;
    order.sort((x, y) => excess(y) - excess(x) || x - y);
    let moves: { i: number; s: number }[] | null = null;
    for (const r of order) {
      if (noSingle[r]) continue;
      const single = bestSingle(a, r, -1, -EPS);
      if (single) {
        moves = [single];
        break;
      }
      noSingle[r] = 1;
    }
    // two moves whose first may push another rep out of its band
    if (!moves)
      for (const r of order) {
        if (stuck[r]) continue;
        moves = bestChain(a, r, budget);
        if (moves) break;
        stuck[r] = 1;
      }
    // longer chains through reps that stay in their bands
    if (!moves)
      for (const r of order) {
        if (budget.expired() || work.expansions >= CHAIN_WORK) break;
        if (chainRead[r]) continue; // failed, and no rep it read has changed since
        const read = new Uint8Array(nR);
        moves = ejectionChain(a, r, work, read)?.steps ?? null;
        if (moves) break;
        chainRead[r] = read;
      }
    if (!moves) return false;
    // each step must lower the violation of the reps it touches by more than rounding can: with
    // large terms (a departing rep that keeps a locked account weighs 1e6; junk values of 1e12) moves
    // whose gains vanish in rounding cycled until the time limit. Such a step is undone and repair
    // stops. Measured on the touched reps only, so a large term elsewhere does not hide a real gain.
    const from = moves.map((st) => a.owner[st.i]);
    const touched = [...new Set([...from, ...moves.map((st) => st.s)])];
    const violationOfTouched = () => touched.reduce((v, q) => v + a.violationOf(q), 0);
    const before = violationOfTouched();
    links ??= dependents(a); // before the first move: owners then, candidates after
    for (const st of moves) a.move(st.i, st.s);
    if (violationOfTouched() > before - EPS - ROUNDING * before) {
      for (let k = moves.length - 1; k >= 0; k--) a.move(moves[k].i, from[k]);
      return met();
    }
    for (const t of touched) for (const q of links[t]) noSingle[q] = 0;
    for (let r = 0; r < nR; r++) if (chainRead[r] && touched.some((t) => chainRead[r]![t])) chainRead[r] = null;
  }
}

/** Relative change of a sum of violations that rounding alone can make (a double has 16 digits). */
const ROUNDING = 1e-12;

/** Longest ejection chain tried (moves), and the most labels expanded per chain search (work bound). */
const PATH_DEPTH = 6;
const PATH_EXPANSIONS = 400;
/** Labels kept per rep (cheapest, or passing on less value: easier for the next rep to absorb). */
const LABELS_PER_REP = 4;

interface Label {
  rep: number;
  /** The move that brought the chain here (null at the violated rep it starts from). */
  i: number;
  to: number;
  parent: Label | null;
  depth: number;
  cost: number;
  /** Value and workload entering (push) or leaving (pull) `rep` through the chain so far. */
  dv: number;
  dw: number;
  /** How much the chain lowers the start rep's violation (set by the first move). */
  gain: number;
}

/**
 * An ejection chain for a rep the single and two-move repairs could not fix: when it is over its
 * band (or capacity) one of its accounts moves to a neighbour, which may pass one of its own on, and
 * so on until a rep can absorb it; when it is under, the chain pulls accounts in the same way. Every
 * rep the chain passes through must end no worse than it was. Breadth-first over reps, keeping per rep
 * the labels no other beats on both cost and value passed on, bounded by PATH_DEPTH, LABELS_PER_REP and
 * PATH_EXPANSIONS; returns the moves, first move first. `read`, when given, marks every rep whose
 * loads the search looked at: the same search fails again as long as none of them changes.
 */
export function ejectionChain(
  a: Assignment,
  r: number,
  work: { expansions: number } = { expansions: 0 },
  read?: Uint8Array,
): { steps: { i: number; s: number }[] } | null {
  const inst = a.inst;
  const push = isOver(a, r) || !inst.eligible[r];
  const { start, reps } = inst.cand;
  const sign = push ? 1 : -1;
  // labels kept per rep: none dominated by another that is no costlier and passes on no more value
  const kept: Label[][] = Array.from({ length: inst.nR }, () => []);
  const dominated = (rep: number, cost: number, dv: number) => kept[rep].some((k) => k.cost <= cost && k.dv <= dv);
  let frontier: Label[] = [{ rep: r, i: -1, to: -1, parent: null, depth: 0, cost: 0, dv: 0, dw: 0, gain: 0 }];
  let found = null as Label | null;
  let foundScore = Infinity;
  let expansions = 0;
  const onPath = (l: Label, q: number) => {
    for (let x: Label | null = l; x; x = x.parent) if (x.rep === q) return true;
    return false;
  };
  const moved = (l: Label, i: number) => {
    for (let x: Label | null = l; x; x = x.parent) if (x.i === i) return true;
    return false;
  };
  while (frontier.length > 0 && !found) {
    const next: Label[] = [];
    for (const l of frontier) {
      if (++expansions > PATH_EXPANSIONS) break;
      work.expansions++;
      const q = l.rep;
      if (read) read[q] = 1;
      const before = a.violationOf(q);
      // q's loads once the chain so far has reached it
      const qLoad = a.load[q] + sign * l.dv;
      const qWork = a.work[q] + sign * l.dw;
      const qCapacity = a.capacityExcess(q, a.work[q]);
      // what q's violation becomes once account i leaves it (push) or joins it (pull); null when the chain
      // may not pass i through q. It depends on i alone, so it is weighed once per account, not per target.
      const through = (i: number): number | null => {
        if (moved(l, i)) return null;
        const w = inst.work[i];
        const qAfter = a.repViolation(q, qLoad - sign * inst.value[i], qWork - sign * w);
        // the start must improve; reps further down the chain must end no worse than they were; none may gain capacity excess
        if (q === r ? qAfter >= before - EPS : qAfter > before + EPS) return null;
        if (a.capacityExcess(q, qWork - sign * w) > qCapacity + EPS) return null;
        return qAfter;
      };
      // i goes from q to `other` (push) or from `other` to q (pull), the chain's cost so far then `cost`
      const visit = (i: number, other: number, qAfter: number, cost: number) => {
        if (onPath(l, other)) return;
        if (read) read[other] = 1;
        const v = inst.value[i];
        const w = inst.work[i];
        const oAfter = a.repViolation(other, a.load[other] + sign * v, a.work[other] + sign * w);
        const gain = q === r ? before - qAfter : l.gain;
        const ends = oAfter <= a.violationOf(other) + EPS && a.capacityExcess(other, a.work[other] + sign * w) <= a.capacityExcess(other, a.work[other]) + EPS;
        // like the single moves: cost per unit of violation removed, then the cheaper chain
        const score = ends ? Math.max(0, cost) / gain : Infinity;
        const better = ends && (score < foundScore || (score === foundScore && found !== null && cost < found.cost));
        const goesOn = !ends && l.depth + 1 < PATH_DEPTH && kept[other].length < LABELS_PER_REP && !dominated(other, cost, v);
        // a label is made only for a chain that ends here better than the one found, or one kept to go on
        if (!better && !goesOn) return;
        const label: Label = { rep: other, i, to: push ? other : q, parent: l, depth: l.depth + 1, cost, dv: v, dw: w, gain };
        if (better) (found = label), (foundScore = score);
        else {
          kept[other] = kept[other].filter((k) => !(cost <= k.cost && v <= k.dv));
          kept[other].push(label);
          next.push(label);
        }
      };
      if (push) {
        for (const i of a.members[q]) {
          if (!a.movable[i]) continue;
          const qAfter = through(i);
          if (qAfter === null) continue;
          const c0 = a.costAt(i, q);
          for (let p = start[i]; p < start[i + 1]; p++) if (reps[p] !== q) visit(i, reps[p], qAfter, l.cost + inst.cost[p] - c0);
        }
      } else {
        for (const i of a.reachers[q]) {
          const other = a.owner[i];
          if (other === q) continue;
          const qAfter = through(i);
          if (qAfter !== null) visit(i, other, qAfter, l.cost + a.costAt(i, q) - a.costAt(i, other));
        }
      }
    }
    // cheapest labels first, up to LABELS_PER_REP per rep
    frontier = next.filter((l) => kept[l.rep].includes(l)).sort((x, y) => x.cost - y.cost || x.rep - y.rep || x.dv - y.dv);
  }
  if (!found) return null;
  const steps: { i: number; s: number }[] = [];
  for (let x: Label | null = found; x && x.i >= 0; x = x.parent) steps.push({ i: x.i, s: x.to });
  // push: the first move leaves r, so apply from r outwards; pull: the last label's move feeds the chain, apply it first
  return { steps: push ? steps.reverse() : steps };
}
