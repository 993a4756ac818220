/**
 * One scenario as numbers: per account its candidates with their costs and what it weighs on the
 * balanced metric, per rep the band and capacity. Both engines and the neighbourhood re-solves
 * work on this; the plan checker does not (it recomputes everything from the data).
 */
import { needsPlacement, type Account, type BalanceMetric, type DisruptionLevel, type ScenarioSpec, type TerritoryData } from '../model';
import { asOfDate, balanceTargets, disruptionLevel } from '../metrics/basics';
import { isRetainedDeal } from '../metrics/handoff';
import { candidatesFor, currentOwnerIndex, type CandidateTable } from './candidates';

/** Objective cost of one mile of travel at travelWeight 1: 1,000 extra miles cost as much as one Low-disruption move. */
export const TRAVEL_COST_PER_MILE = 0.001;

/**
 * What a rep with no fair share (0 FTE) may hold, in the metric's units, and still be in its band:
 * rounding residue. Less than that, a credit included, is in the band too; more is an unbounded
 * deviation. The checker, repair, the LP and the blockers all use this rule.
 */
export const ZERO_SHARE_SLACK = 1e-6;

export interface Band {
  lo: Float64Array;
  hi: Float64Array;
  target: Float64Array;
}

export interface Instance {
  data: TerritoryData;
  scenario: ScenarioSpec;
  nA: number;
  nR: number;
  /** Current owner index, -1 when unassigned/unknown. */
  current: Int32Array;
  /** True for reps that may own accounts (not departing). */
  eligible: boolean[];
  /** True when the account must get a new owner (unassigned, unknown or departing owner): a placement. */
  mustPlace: boolean[];
  /** Rep index the account is pinned to (locked / Stage 3+ with an eligible owner), else -1. */
  pinned: Int32Array;
  cand: CandidateTable;
  /** Cost of each candidate pair, aligned with cand.reps. */
  cost: Float64Array;
  /** Balanced metric and workload per account. */
  value: Float64Array;
  work: Float64Array;
  level: DisruptionLevel[];
  band: Band;
  /** Workload band, or null. */
  workBand: Band | null;
  /** Capacity per rep (Infinity when none), as typed: wholeCapacity says what whole accounts can fill of it. */
  capacity: Float64Array;
}

export function metricOf(a: Account, m: BalanceMetric): number {
  switch (m) {
    case 'potential':
      return a.potential;
    case 'growthPotential':
      return a.potential * (1 + a.growthRate);
    case 'workload':
      return a.workload;
    case 'accounts':
      return 1;
    case 'revenue':
      return a.revenueTTM;
  }
}

export function isStage3Pinned(a: Account, data: TerritoryData): boolean {
  return !data.settings.allowStage3Moves && isRetainedDeal(a, data.settings);
}

/** Band [lo, hi] around each rep's target share of `values` (team-wide or within its region). */
function bandFor(data: TerritoryData, values: Float64Array, band: number, withinRegion: boolean): Band {
  return bandAround(Float64Array.from(balanceTargets(data, values, withinRegion)), band);
}

function bandAround(target: Float64Array, band: number): Band {
  return { lo: target.map((t) => (1 - band) * t), hi: target.map((t) => (1 + band) * t), target };
}

export function buildInstance(data: TerritoryData, scenario: ScenarioSpec): Instance {
  const { accounts, reps, settings } = data;
  const nA = accounts.length;
  const nR = reps.length;
  const current = currentOwnerIndex(accounts, reps);
  const eligible = reps.map((r) => r.status !== 'Departing');
  const asOf = asOfDate(accounts, settings);
  const repsById = new Map(reps.map((r) => [r.id, r]));
  const mustPlace = accounts.map((a) => needsPlacement(a.owner, repsById));
  const pinned = new Int32Array(nA).fill(-1);
  const value = new Float64Array(nA);
  const work = new Float64Array(nA);
  const level: DisruptionLevel[] = [];
  accounts.forEach((a, i) => {
    value[i] = metricOf(a, scenario.balanceOn);
    work[i] = a.workload;
    level.push(disruptionLevel(a, settings, asOf));
    if (!mustPlace[i] && (a.locked || isStage3Pinned(a, data))) pinned[i] = current[i];
  });
  const cand = candidatesFor(data, scenario.withinRegion);
  const cost = new Float64Array(cand.reps.length);
  for (let i = 0; i < nA; i++) {
    const homeMiles = mustPlace[i] ? NaN : cand.miles[cand.start[i]]; // current owner is listed first
    const w = settings.disruptionWeights[level[i]];
    for (let p = cand.start[i]; p < cand.start[i + 1]; p++) {
      const r = cand.reps[p];
      const moved = !mustPlace[i] && r !== current[i];
      const disruption = moved && !scenario.ignoreCurrentOwners ? scenario.disruptionWeight * w : 0;
      const m = cand.miles[p];
      const travel = Number.isNaN(m) ? 0 : Number.isNaN(homeMiles) ? m : m - homeMiles;
      cost[p] = disruption + scenario.travelWeight * TRAVEL_COST_PER_MILE * travel;
    }
  }
  const capacity = Float64Array.from(reps, (r) => (r.capacity === null ? Infinity : r.capacity));
  return {
    data,
    scenario,
    nA,
    nR,
    current,
    eligible,
    mustPlace,
    pinned,
    cand,
    cost,
    value,
    work,
    level,
    band: bandFor(data, value, scenario.band, scenario.withinRegion),
    workBand: scenario.workloadBand === null ? null : bandFor(data, work, scenario.workloadBand, scenario.withinRegion),
    capacity,
  };
}

/** The same instance with another balance band (everything else, candidates and costs included, is shared). */
export function withBand(inst: Instance, band: number): Instance {
  return { ...inst, band: bandAround(inst.band.target, band) }; // the targets do not depend on the band
}

/** The rep account i cannot leave (pinned, or its only candidate), else -1. */
export function fixedRep(inst: Instance, i: number): number {
  const { pinned, cand } = inst;
  return pinned[i] >= 0 ? pinned[i] : cand.start[i + 1] - cand.start[i] === 1 ? cand.reps[cand.start[i]] : -1;
}

/** True when account i may change owner: not pinned, and more than one candidate. */
export function isMovable(inst: Instance, i: number): boolean {
  return inst.pinned[i] < 0 && inst.cand.start[i + 1] - inst.cand.start[i] > 1;
}

/** Position of rep r in account i's candidate list, or -1. */
export function candidatePos(inst: Instance, i: number, r: number): number {
  const { start, reps } = inst.cand;
  for (let p = start[i]; p < start[i + 1]; p++) if (reps[p] === r) return p;
  return -1;
}

/** Objective value of an assignment (owner indices); Infinity when an account sits with a rep that is not one of its candidates. */
export function objectiveOf(inst: Instance, owner: Int32Array): number {
  let s = 0;
  for (let i = 0; i < inst.nA; i++) {
    const p = candidatePos(inst, i, owner[i]);
    s += p >= 0 ? inst.cost[p] : Infinity;
  }
  return s;
}

/** Workloads are read to this many decimals when looking for their unit. */
const UNIT_SCALE = 1000;

/**
 * The largest unit every workload is a whole multiple of, to 0.001 (1 for counts and the segment
 * defaults 1 / 2 / 4, 0.5 for half hours); null when there is none: a workload with more decimals,
 * or none but zeros.
 */
export function workloadUnit(work: ArrayLike<number>): number | null {
  let g = 0;
  for (let i = 0; i < work.length; i++) {
    const scaled = Math.abs(work[i]) * UNIT_SCALE;
    const k = Math.round(scaled);
    if (!Number.isSafeInteger(k) || Math.abs(scaled - k) > 1e-6) return null;
    g = gcd(g, k);
  }
  return g === 0 ? null : g / UNIT_SCALE;
}

function gcd(x: number, y: number): number {
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** `capacity` rounded down to whole `unit`s (291.543 → 291 for unit 1); as it is without a unit. */
function wholeUnits(capacity: number, unit: number | null): number {
  if (unit === null || !Number.isFinite(capacity)) return capacity;
  const u = Math.round(unit * UNIT_SCALE);
  return (Math.floor(capacity / unit + 1e-9) * u) / UNIT_SCALE;
}

/**
 * Each rep's capacity rounded down to what whole accounts can fill: when every workload is a whole
 * multiple of a unit (workloadUnit), so is every load, and a capacity of 291.543 holds no more than
 * 291. The proofs that no plan keeps a capacity use these (the blockers, capacityCannotBeKept); the LP,
 * repair and the checker keep the capacity as typed, so that a plan that must break one breaks it by
 * as little as the typed value allows (rounded in the LP too, a territory whose capacities sum to
 * its workload became LP-infeasible and its plans broke capacity by 4-25 times more).
 */
export function wholeCapacity(inst: Instance): Float64Array {
  const unit = workUnit(inst);
  return inst.capacity.map((c) => wholeUnits(c, unit));
}

/** workloadUnit of an instance's workloads, once per workload array (an instance and its withBand copies share one). */
export function workUnit(inst: Instance): number | null {
  let unit = unitOf.get(inst.work);
  if (unit === undefined) unitOf.set(inst.work, (unit = workloadUnit(inst.work)));
  return unit;
}

const unitOf = new WeakMap<Float64Array, number | null>();

/**
 * The workload of every account, and the capacity of the reps who may hold accounts (Infinity when
 * one has none): as typed, or `whole` (wholeCapacity).
 */
export function workAndCapacity(inst: Instance, whole = false): { work: number; capacity: number } {
  const caps = whole ? wholeCapacity(inst) : inst.capacity;
  let work = 0;
  let capacity = 0;
  for (let i = 0; i < inst.nA; i++) work += inst.work[i];
  for (let r = 0; r < inst.nR; r++) if (inst.eligible[r]) capacity += caps[r];
  return { work, capacity };
}
