/**
 * A mutable assignment of accounts to reps with the per-rep loads kept current, and the band
 * violation measure the repair step drives to zero.
 */
import { candidatePos, isMovable, objectiveOf, ZERO_SHARE_SLACK, type Instance } from './instance';

export interface Budget {
  /** True when the run must stop now (time limit or cancel). */
  expired(): boolean;
}

export const NO_LIMIT: Budget = { expired: () => false };

/**
 * Capacity is a hard rule, the bands are the goal: repair and local search never make a move that
 * raises the total capacity excess (deltaCapacity), so when both cannot hold (a rep's capacity below
 * its workload band minimum, a band no plan reaches) balance is never bought with capacity. Within
 * the violation, an excess counts relative to the capacity itself.
 */
export const CAP_EPS = 1e-12;

export class Assignment {
  readonly owner: Int32Array;
  readonly load: Float64Array;
  readonly work: Float64Array;
  /** Accounts owned by each rep (unordered; swap-remove). */
  readonly members: number[][];
  private readonly slot: Int32Array;
  /** Movable accounts that list rep r as a candidate. */
  readonly reachers: number[][];
  /** Beside each of reachers[r], where r sits in that account's candidate list (its cost: inst.cost[p]). */
  readonly reacherPos: number[][];
  readonly movable: Uint8Array;
  private readonly scaleV: Float64Array;
  private readonly scaleW: Float64Array;
  /** violationOf per rep, kept current by move() (it is read millions of times per local search). */
  private readonly viol: Float64Array;
  /** Each account's cost at its owner (costAt), kept by move(): local search asks it for every member it scans. */
  private readonly ownerCost: Float64Array;

  constructor(
    readonly inst: Instance,
    owner: Int32Array,
  ) {
    const { nA, nR, cand } = inst;
    this.owner = Int32Array.from(owner);
    this.load = new Float64Array(nR);
    this.work = new Float64Array(nR);
    this.members = Array.from({ length: nR }, () => [] as number[]);
    this.slot = new Int32Array(nA);
    this.reachers = Array.from({ length: nR }, () => [] as number[]);
    this.reacherPos = Array.from({ length: nR }, () => [] as number[]);
    this.movable = new Uint8Array(nA);
    for (let i = 0; i < nA; i++) {
      const r = this.owner[i];
      this.load[r] += inst.value[i];
      this.work[r] += inst.work[i];
      this.slot[i] = this.members[r].length;
      this.members[r].push(i);
      if (isMovable(inst, i)) {
        this.movable[i] = 1;
        for (let p = cand.start[i]; p < cand.start[i + 1]; p++) {
          this.reachers[cand.reps[p]].push(i);
          this.reacherPos[cand.reps[p]].push(p);
        }
      }
    }
    const meanTarget = (t: Float64Array) => {
      let s = 0;
      let n = 0;
      for (let r = 0; r < nR; r++) if (inst.eligible[r]) (s += t[r]), n++;
      return n > 0 && s > 0 ? s / n : 1;
    };
    const mv = meanTarget(inst.band.target);
    const mw = inst.workBand ? meanTarget(inst.workBand.target) : 1;
    this.scaleV = inst.band.target.map((t) => (t > 0 ? t : mv));
    this.scaleW = inst.workBand ? inst.workBand.target.map((t) => (t > 0 ? t : mw)) : new Float64Array(nR).fill(1);
    this.viol = Float64Array.from(this.load, (load, r) => this.repViolation(r, load, this.work[r]));
    this.ownerCost = Float64Array.from(this.owner, (r, i) => this.lookUpCost(i, r));
  }

  /** Normalised amount by which rep r is outside its band, workload band and capacity at the given loads. */
  repViolation(r: number, load: number, work: number): number {
    const inst = this.inst;
    if (!inst.eligible[r]) return load !== 0 || work !== 0 ? 1e6 : 0;
    const tol = 1e-9;
    const { lo, hi, target } = inst.band;
    // slack: relative to the rep's own fair share. A rep with none (0 FTE) is judged as the checker
    // judges it: at most rounding residue above zero, and no floor (a credit it must keep is fine)
    let v = bandExcess(load, lo[r], hi[r], target[r] > 0 ? tol * this.scaleV[r] : null) / this.scaleV[r];
    const wb = inst.workBand;
    if (wb) v += bandExcess(work, wb.lo[r], wb.hi[r], wb.target[r] > 0 ? tol * this.scaleW[r] : null) / this.scaleW[r];
    // relative to the capacity itself, not to the workload band's target (which junk workloads can make huge)
    return v + this.capacityExcess(r, work);
  }

  /** Rep r's workload above its capacity, relative to the capacity (0 within it). */
  capacityExcess(r: number, work: number): number {
    const cap = this.inst.capacity[r];
    return work > cap + 1e-9 ? (work - cap) / Math.max(1, cap) : 0;
  }

  /** The capacity excess summed over the reps. */
  totalCapacityExcess(): number {
    let v = 0;
    for (let r = 0; r < this.inst.nR; r++) v += this.capacityExcess(r, this.work[r]);
    return v;
  }

  /** Change in the total capacity excess if account i moves to rep s. */
  deltaCapacity(i: number, s: number): number {
    const r = this.owner[i];
    if (r === s) return 0;
    const w = this.inst.work[i];
    if (w === 0) return 0;
    return this.capacityExcess(r, this.work[r] - w) - this.capacityExcess(r, this.work[r]) + this.capacityExcess(s, this.work[s] + w) - this.capacityExcess(s, this.work[s]);
  }

  /** True when moving account i to s would raise the total capacity excess by more than `allowance` (a move earlier in a chain may give one). */
  raisesCapacity(i: number, s: number, allowance = 0): boolean {
    return this.deltaCapacity(i, s) > allowance + CAP_EPS;
  }

  violationOf(r: number): number {
    return this.viol[r];
  }

  totalViolation(): number {
    let v = 0;
    for (let r = 0; r < this.inst.nR; r++) v += this.violationOf(r);
    return v;
  }

  /** violationOf without the capacity part: how far rep r is outside its band and workload band. */
  bandViolationOf(r: number): number {
    return Math.max(0, this.viol[r] - this.capacityExcess(r, this.work[r]));
  }

  totalBandViolation(): number {
    let v = 0;
    for (let r = 0; r < this.inst.nR; r++) v += this.bandViolationOf(r);
    return v;
  }

  /** Change in total violation if account i moves to rep s. */
  deltaViolation(i: number, s: number): number {
    const r = this.owner[i];
    if (r === s) return 0;
    const v = this.inst.value[i];
    const w = this.inst.work[i];
    return (
      this.repViolation(r, this.load[r] - v, this.work[r] - w) -
      this.violationOf(r) +
      this.repViolation(s, this.load[s] + v, this.work[s] + w) -
      this.violationOf(s)
    );
  }

  /** Cost of account i at rep r (Infinity when r is not a candidate). */
  costAt(i: number, r: number): number {
    return r === this.owner[i] ? this.ownerCost[i] : this.lookUpCost(i, r);
  }

  private lookUpCost(i: number, r: number): number {
    const p = candidatePos(this.inst, i, r);
    return p < 0 ? Infinity : this.inst.cost[p];
  }

  move(i: number, s: number): void {
    const r = this.owner[i];
    if (r === s) return;
    const v = this.inst.value[i];
    const w = this.inst.work[i];
    this.load[r] -= v;
    this.work[r] -= w;
    this.load[s] += v;
    this.work[s] += w;
    this.viol[r] = this.repViolation(r, this.load[r], this.work[r]);
    this.viol[s] = this.repViolation(s, this.load[s], this.work[s]);
    const list = this.members[r];
    const k = this.slot[i];
    const last = list[list.length - 1];
    list[k] = last;
    this.slot[last] = k;
    list.pop();
    this.slot[i] = this.members[s].length;
    this.members[s].push(i);
    this.owner[i] = s;
    this.ownerCost[i] = this.lookUpCost(i, s);
  }

  objective(): number {
    return objectiveOf(this.inst, this.owner);
  }
}

/**
 * The starting assignment without an LP: everyone stays where allowed; accounts that must be placed go,
 * largest first, to the candidate that adds the least violation, then the least cost.
 */
export function greedyStart(inst: Instance): Int32Array {
  const owner = new Int32Array(inst.nA).fill(-1);
  const load = new Float64Array(inst.nR);
  const work = new Float64Array(inst.nR);
  const toPlace: number[] = [];
  for (let i = 0; i < inst.nA; i++) {
    if (inst.mustPlace[i]) toPlace.push(i);
    else {
      owner[i] = inst.current[i];
      load[owner[i]] += inst.value[i];
      work[owner[i]] += inst.work[i];
    }
  }
  toPlace.sort((a, b) => inst.value[b] - inst.value[a] || a - b);
  const { start, reps } = inst.cand;
  for (const i of toPlace) {
    let best = -1;
    let bestScore = Infinity;
    for (let p = start[i]; p < start[i + 1]; p++) {
      const s = reps[p];
      const hi = inst.band.hi[s];
      const over = Math.max(0, load[s] + inst.value[i] - hi) / Math.max(1e-9, inst.band.target[s]);
      const capOver = Math.max(0, work[s] + inst.work[i] - inst.capacity[s]);
      const room = (load[s] - inst.band.target[s]) / Math.max(1e-9, inst.band.target[s]);
      const score = 1e6 * (over + capOver) + inst.cost[p] + 1e-3 * room;
      if (score < bestScore) (bestScore = score), (best = s);
    }
    if (best < 0) best = firstEligible(inst);
    owner[i] = best;
    load[best] += inst.value[i];
    work[best] += inst.work[i];
  }
  return owner;
}

function firstEligible(inst: Instance): number {
  const r = inst.eligible.indexOf(true);
  return r < 0 ? 0 : r;
}

/** How far `x` lies outside [lo, hi] beyond `slack`; `slack` null: a rep with no fair share (instance.ts, ZERO_SHARE_SLACK). */
function bandExcess(x: number, lo: number, hi: number, slack: number | null): number {
  if (slack === null) return Math.max(0, x - ZERO_SHARE_SLACK);
  return Math.max(0, lo - x - slack) + Math.max(0, x - hi - slack);
}
