/**
 * One scenario through the pipeline: LP relaxation (lower bound; from a dual-feasible starting basis
 * when the host keeps the LP alive, see relaxation.ts) → round each account to its largest x → repair
 * the band (single moves, two-move chains, ejection chains) → local search → an LP-guided MIP re-solve.
 * Without HiGHS: greedy start (or the Minimal plan) → repair → local search.
 */
import type { HighsSolver } from './api';
import { Assignment, CAP_EPS, greedyStart, type Budget } from './assignment';
import { withBand, type Instance } from './instance';
import { narrowestBand } from './bandSearch';
import { localSearch } from './localSearch';
import { lpGuidedResolve, resolveWholeTeam, type LpGuide } from './neighbourhood';
import type { LpStart, Relaxations } from './relaxation';
import { certifiedUnreachableUpTo, type LpModel } from './lp';
import { repair } from './repair';
import { bandFloor, groupsFloor } from './repGroups';
import { capacityWithinReach } from './blockers';
import { lagrangianStart } from './lagrangian';

const NEIGHBOURHOOD_REPS = 8;
const LP_GUIDED_MAX_REPS = 60;
/** Band factors for the narrowed LP when repair falls short: 1% narrower (room to repair), then 0.1% (when 1% is infeasible). */
const NARROWING = [0.99, 0.999];

export interface EngineResult {
  owner: Int32Array;
  lowerBound: number | null;
  /** True when the LP relaxation proved the band unreachable. */
  lpInfeasible: boolean;
  /**
   * When the band is unreachable: the LP relaxation is infeasible for every band up to this one
   * (so no plan gets below it), and the plan was repaired to the narrowest band the LP meets.
   * Infinity when a certificate proves that no balance band helps (capacity, workload band, locks).
   */
  lpBandFloor: number | null;
  /** The band and capacity hold in the final assignment (engine's view; the checker has the last word). */
  bandMet: boolean;
  lpStatus: string | null;
  lpMs: number | null;
  /** How the LP's simplex started (null without an LP). */
  lpStart: LpStart | null;
}

export interface EngineHooks {
  /** The run's budget (time limit or cancel) for every step. */
  budget: Budget;
  /** Seconds left for this scenario. */
  secondsLeft(): number;
  now(): number;
  phase(name: string): void;
  /** A starting assignment to use instead of the greedy one (TypeScript path), e.g. another scenario's plan. */
  start?: Int32Array;
  /** Skip the LP (TypeScript path even with HiGHS available), e.g. when it would not fit the time left. */
  skipLp?: boolean;
  /** Awaited between steps so a worker can take a Cancel message. */
  pause(): Promise<void>;
  /** The run's LP relaxations (shared between scenarios); without them (or HiGHS) no LP is solved. */
  relaxations?: Relaxations;
}

/**
 * Rounding: accounts the LP assigns whole keep that rep; the fractional ones are placed one by one
 * (largest first) with the rep among their LP-used candidates that adds the least band violation,
 * then the least cost.
 */
export function roundLp(inst: Instance, colAccount: Int32Array, colPos: Int32Array, x: Float64Array, fallback: Int32Array): Int32Array {
  const owner = Int32Array.from(fallback);
  const fractional: number[] = [];
  const firstCol = new Int32Array(inst.nA).fill(-1);
  const lastCol = new Int32Array(inst.nA).fill(-1);
  for (let k = 0; k < colAccount.length; k++) {
    const i = colAccount[k];
    if (firstCol[i] < 0) firstCol[i] = k;
    lastCol[i] = k;
  }
  for (let i = 0; i < inst.nA; i++) {
    if (firstCol[i] < 0) continue;
    let whole = -1;
    for (let k = firstCol[i]; k <= lastCol[i]; k++) if (x[k] > 1 - 1e-6) whole = k;
    if (whole >= 0) owner[i] = inst.cand.reps[colPos[whole]];
    else fractional.push(i);
  }
  const a = new Assignment(inst, owner);
  fractional.sort((p, q) => inst.value[q] - inst.value[p] || p - q);
  for (const i of fractional) {
    let best = a.owner[i];
    let bestKey = [Infinity, Infinity];
    for (let k = firstCol[i]; k <= lastCol[i]; k++) {
      if (x[k] <= 1e-6) continue;
      const s = inst.cand.reps[colPos[k]];
      const key = [a.deltaViolation(i, s), inst.cost[colPos[k]]];
      if (key[0] < bestKey[0] - 1e-12 || (Math.abs(key[0] - bestKey[0]) <= 1e-12 && key[1] < bestKey[1])) (bestKey = key), (best = s);
    }
    a.move(i, best);
  }
  return a.owner;
}

/** roundLp on a relaxation's model: accounts outside the LP start where the model fixed them, so the rounding starts from the LP's own loads. */
function roundModel(inst: Instance, model: LpModel, x: Float64Array, fallback: Int32Array): Int32Array {
  const base = Int32Array.from(fallback);
  for (let i = 0; i < inst.nA; i++) if (model.fixedOwner[i] >= 0) base[i] = model.fixedOwner[i];
  return roundLp(inst, model.colAccount, model.colPos, x, base);
}

/** How far past a proven-unreachable band (an LP certificate's, a blocking rep group's) the LP or repair aims (0.05 pt). */
const PAST_CERTIFICATE = 0.0005;

type LpBand = { band: number; infeasibleBelow: number; model: LpModel; x: Float64Array };

/**
 * For a band the LP relaxation proves unreachable: the narrowest band the LP meets, with its solution.
 * Each infeasible solve's Farkas certificate (`ray`) proves a whole range of bands unreachable at once
 * (certifiedUnreachableUpTo), so the LP is tried just past it: at 50k × 200 one certificate from the
 * scenario's band and one feasible solve (1.4 s), where bisection took nine solves (4.5 s). Without a
 * usable certificate, bisection on LP feasibility to 0.1 pt. Every solve changes only row bounds, so
 * it starts from the previous basis.
 */
function narrowestLpBand(
  inst: Instance,
  relaxations: Relaxations,
  secondsLeft: () => number,
  budget: Budget,
  model: LpModel,
  ray: Float64Array | null,
): LpBand | 'no band' | null {
  const stop = () => secondsLeft() <= 0.1 || budget.expired();
  let failed = inst.scenario.band;
  for (let k = 0; k < 6 && ray && !stop(); k++) {
    const upTo = certifiedUnreachableUpTo(model, inst, ray, failed);
    if (upTo === null) break;
    if (upTo === Infinity) return 'no band'; // capacity, a workload band, locks or regions block it, whatever the band
    failed = Math.max(failed, upTo);
    const band = failed + PAST_CERTIFICATE;
    const next = relaxations.solve(withBand(inst, band), secondsLeft());
    if (next.result.optimal && next.result.x) return { band, infeasibleBelow: failed, model: next.model, x: next.result.x };
    if (!next.result.infeasible) return null;
    failed = band;
    ray = next.ray;
  }
  const found = narrowestBand(
    failed,
    failed * 1.5 + 0.05,
    5,
    0.001,
    (band) => {
      const { model, result } = relaxations.solve(withBand(inst, band), secondsLeft());
      return result.optimal && result.x ? { model, x: result.x } : result.infeasible ? false : null;
    },
    stop,
  );
  return found ? { ...found.passed, band: found.band, infeasibleBelow: found.failedAt } : null;
}

/**
 * The LP relaxation at capacities raised within reach (capacityWithinReach), to round a start from: at
 * the scenario's band, else just past the rep groups' floor, else half as wide again, else the
 * narrowest band it meets; null when a certificate proves that no band is. Only a start for repair, so
 * the two quick tries come first (bisecting took nine solves, 6.8 s, for Redesign at 50k × 200, where
 * the first try past the floor is feasible).
 */
function lpWithinReach(
  inst: Instance,
  within: Float64Array,
  relaxations: Relaxations,
  secondsLeft: () => number,
  budget: Budget,
): { lp: { band: number; model: LpModel; x: Float64Array } | null; start: LpStart } {
  const raised = { ...inst, capacity: within };
  let band = inst.scenario.band;
  let next = relaxations.solve(raised, secondsLeft());
  const start = next.start; // how the first solve started, as the scenario's note reports it
  const done = (lp: { band: number; model: LpModel; x: Float64Array } | null) => ({ lp, start });
  // the groups' floor is on balance alone, the same as inst's (asked of inst, whose flows repair's aim reuses)
  const floor = Math.max(band, groupsFloor(inst)) + 2 * PAST_CERTIFICATE;
  for (const wider of [floor, floor * 1.5 + 0.05, null]) {
    if (next.result.optimal && next.result.x) return done({ band, model: next.model, x: next.result.x });
    if (!next.result.infeasible || secondsLeft() <= 0.1 || budget.expired()) return done(null);
    if (wider === null) break;
    const upTo = next.ray ? certifiedUnreachableUpTo(next.model, withBand(raised, band), next.ray, band) : null;
    if (upTo === Infinity) return done(null);
    band = Math.max(wider, upTo === null ? 0 : upTo + PAST_CERTIFICATE);
    next = relaxations.solve(withBand(raised, band), secondsLeft());
  }
  const found = narrowestLpBand(withBand(raised, band), relaxations, secondsLeft, budget, next.model, next.ray);
  return done(found && found !== 'no band' ? found : null);
}

/**
 * The TypeScript engine's second start (lagrangian.ts), repaired and searched like the first; `a`
 * takes its plan when that is better: less capacity excess, else less band violation, else cheaper.
 */
function tryLagrangianStart(a: Assignment, budget: Budget): void {
  const { inst } = a;
  const start = lagrangianStart(inst, a.owner, budget);
  if (!start || budget.expired()) return;
  const b = new Assignment(inst, start.owner);
  repair(b, budget);
  localSearch(b, budget);
  if (!isBetterPlan(b, a)) return;
  for (let i = 0; i < inst.nA; i++) a.move(i, b.owner[i]);
}

function isBetterPlan(b: Assignment, a: Assignment): boolean {
  const capacityB = b.totalCapacityExcess();
  const capacityA = a.totalCapacityExcess();
  if (Math.abs(capacityB - capacityA) > CAP_EPS) return capacityB < capacityA;
  const violationB = b.totalViolation();
  const violationA = a.totalViolation();
  if (Math.abs(violationB - violationA) > 1e-12) return violationB < violationA;
  return b.objective() < a.objective() - 1e-9;
}

export async function runEngine(inst: Instance, highs: HighsSolver | null, hooks: EngineHooks): Promise<EngineResult> {
  let owner = hooks.start ? Int32Array.from(hooks.start) : greedyStart(inst);
  let lowerBound: number | null = null;
  let lpInfeasible = false;
  let lpBandFloor: number | null = null;
  /** The instance repair and local search aim at: the scenario's, or the narrowest LP-feasible band when it is unreachable. */
  let aim = inst;
  let lpStatus: string | null = null;
  let lpMs: number | null = null;
  let lpStart: LpStart | null = null;
  let guide: LpGuide | null = null;
  /** The LP at the narrowest band it meets, when the scenario's is unreachable: it guides a last repair of a broken capacity. */
  let floorGuide: LpGuide | null = null;
  const relaxations = highs ? hooks.relaxations : undefined;
  /** False on the TypeScript path: no LP relaxation was solved (no HiGHS, or skipLp). */
  let lpSolved = false;
  // capacities no fractional plan keeps (a rep's must-stay accounts, a group of reps, the total: the
  // flows prove it) leave the LP relaxation infeasible at every band. It is not solved: the LP at
  // capacities raised within reach still balances and prices the accounts, and repair starts from its
  // rounding (before, from the greedy start). 50k × 200 with capacities 3% above share: the LP and
  // its narrowest-band search cost 1.3-2 s per scenario for nothing.
  const within = relaxations && !hooks.skipLp ? capacityWithinReach(inst) : null;
  if (relaxations && within && within.some((c, r) => c > inst.capacity[r] + 1e-9)) {
    hooks.phase('capacity within reach');
    lpSolved = true;
    const t0 = hooks.now();
    const { lp, start } = lpWithinReach(inst, within, relaxations, hooks.secondsLeft, hooks.budget);
    lpStart = start;
    lpMs = hooks.now() - t0;
    lpStatus = 'Infeasible at every band, as the capacity flows prove (not solved; the time is that of the LP at capacities within reach)';
    lpInfeasible = true;
    lpBandFloor = Infinity;
    if (lp) owner = roundModel(withBand({ ...inst, capacity: within }, lp.band), lp.model, lp.x, owner);
  } else if (relaxations && !hooks.skipLp) {
    hooks.phase('relaxation');
    lpSolved = true;
    const t0 = hooks.now();
    const { model, result: res, start, ray } = relaxations.solve(inst, hooks.secondsLeft());
    lpStart = start;
    lpMs = hooks.now() - t0;
    lpStatus = res.status;
    lpInfeasible = res.infeasible;
    if (res.optimal && res.objective !== null) lowerBound = res.objective;
    if (res.x) owner = roundModel(inst, model, res.x, owner);
    if (res.x) guide = { colAccount: model.colAccount, colPos: model.colPos, x: res.x };
    if (res.infeasible) {
      // Repairing toward a band the LP proves unreachable only burns time (50k × 200: 8-10 s per scenario).
      // Find the narrowest band the LP meets instead, and round and repair to that.
      hooks.phase('narrowest reachable band');
      const found = narrowestLpBand(inst, relaxations, hooks.secondsLeft, hooks.budget, model, ray);
      if (found === 'no band') lpBandFloor = Infinity;
      else if (found) {
        lpBandFloor = found.infeasibleBelow;
        aim = withBand(inst, found.band);
        owner = roundModel(aim, found.model, found.x, owner);
        floorGuide = { colAccount: found.model.colAccount, colPos: found.model.colPos, x: found.x };
      }
    }
  }
  if ((lpBandFloor === null && lowerBound === null && !lpInfeasible) || lpBandFloor === Infinity) {
    // No LP (the TypeScript path), or an LP that no band satisfies (capacity, a workload band or locks
    // block it): a group of reps that proves the band unreachable (repGroups.ts) gives the band to
    // repair to instead, as the LP's floor does.
    const floor = bandFloor(inst, lpBandFloor);
    if (floor > inst.scenario.band && Number.isFinite(floor)) aim = withBand(inst, floor + PAST_CERTIFICATE);
  }
  const a = new Assignment(aim, owner);
  await hooks.pause();
  hooks.phase('repair');
  repair(a, hooks.budget);
  if (a.totalViolation() > 1e-12 && relaxations && lowerBound !== null && !hooks.budget.expired()) {
    // When the LP fills reps to their band edges, rounding leaves them a hair outside with no room to
    // repair (Redesign at 20k x 50: three reps $1-2k over a $61M maximum). Re-solve the LP with the band
    // narrowed a little (same costs, so from its last basis), then round and repair that instead.
    hooks.phase('repair (narrowed LP)');
    for (const factor of NARROWING) {
      const { model, result } = relaxations.solve(withBand(inst, inst.scenario.band * factor), hooks.secondsLeft());
      if (!result.x) continue;
      const b = new Assignment(inst, roundModel(inst, model, result.x, a.owner));
      repair(b, hooks.budget);
      // better on the band without more capacity excess (capacity is a rule, not a price)
      if (b.totalViolation() < a.totalViolation() && b.totalCapacityExcess() <= a.totalCapacityExcess() + CAP_EPS) for (let i = 0; i < inst.nA; i++) a.move(i, b.owner[i]);
      if (a.totalViolation() <= 1e-12) break;
    }
  }
  await hooks.pause();
  hooks.phase('local search');
  localSearch(a, hooks.budget);
  if (!lpSolved && !hooks.budget.expired()) {
    // without an LP, a second start from the Lagrangian prices of the band; the better plan is kept
    hooks.phase('Lagrangian start');
    await hooks.pause();
    tryLagrangianStart(a, hooks.budget);
  }
  // LP-guided MIP re-solves pay off on teams up to LP_GUIDED_MAX_REPS; with more reps HiGHS spends
  // tens of seconds at the root of even a few-thousand-column sub-MIP (measured at 50k × 200).
  // Minimal only (on the other scenarios the sub-MIP root took 5-15 s at 20k), or any scenario whose
  // repair fell short of the band: the re-solve then serves as a second repair.
  const shortOfBand = a.totalViolation() > 1e-12;
  // where the scenario's band is unreachable, the LP at the narrowest band it meets guides a last repair
  // only when a capacity is still broken (a 1.4k × 58 Redesign: 0.06 over, kept after this re-solve;
  // run on every such scenario, the re-solve added 1-3.7 s to a fifth of 200 mid-size territories)
  const useGuide = guide ?? (a.totalCapacityExcess() > CAP_EPS ? floorGuide : null);
  if (highs && useGuide && (shortOfBand || inst.scenario.kind === 'Minimal') && inst.nR <= LP_GUIDED_MAX_REPS && !hooks.budget.expired() && hooks.secondsLeft() > 0.1) {
    hooks.phase('LP-guided re-solves');
    await hooks.pause();
    // short of the band, the re-solve is the last repair: it gets every account the LP disagrees on, however many
    lpGuidedResolve(a, highs, useGuide, hooks.secondsLeft, shortOfBand ? Infinity : undefined);
    localSearch(a, hooks.budget);
  }
  // Small teams are re-solved whole as one MIP (on larger teams rep-group re-solves cost more than they gained).
  if (highs && inst.nR <= NEIGHBOURHOOD_REPS && a.totalViolation() <= 1e-12 && !hooks.budget.expired() && hooks.secondsLeft() > 0.1) {
    hooks.phase('whole-team re-solve');
    await hooks.pause();
    resolveWholeTeam(a, highs, hooks.secondsLeft);
    localSearch(a, hooks.budget);
  }
  return {
    owner: a.owner,
    lowerBound,
    lpInfeasible,
    lpBandFloor,
    bandMet: aim === inst && a.totalViolation() <= 1e-12,
    lpStatus,
    lpMs,
    lpStart,
  };
}
