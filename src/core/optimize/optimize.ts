/**
 * All scenarios in one run: progress, cancel, the time limit, the checker on every plan, blockers and
 * the tightest band when a band cannot be met.
 */
import type { Plan, PlanStatus, TerritoryData } from '../model';
import type { OptimizeOptions, OptimizeResult } from './api';
import { greedyStart, type Budget } from './assignment';
import { bandAtLeast, diagnoseBlockers, tightestBand } from './blockers';
import { checkPlan } from './checker';
import { blockingRepGroups } from './repGroups';
import { runEngine, type EngineResult } from './engine';
import { buildInstance, objectiveOf, type Instance } from './instance';
import { planMetrics } from './planMetrics';
import { Relaxations } from './relaxation';
import { buildMoves } from './reasons';
import { defaultScenarios } from './scenarios';

/**
 * Work, not the clock, bounds each step (local search to convergence, a fixed set of re-solves with
 * node-limited MIPs), so the same workbook gives the same plans. The time limit is a safety net: when
 * it binds, the run returns the best plans so far and says so.
 */
export async function optimize(data: TerritoryData, options: OptimizeOptions = {}): Promise<OptimizeResult> {
  const now = options.now ?? (() => Date.now());
  const t0 = now();
  const limitMs = options.timeLimitMs ?? data.settings.timeLimitSeconds * 1000;
  const scenarios = options.scenarios ?? defaultScenarios(data.settings);
  const highs = options.highs ?? null;
  const notes: string[] = [];
  if (!highs) notes.push('HiGHS was not available: plans come from the TypeScript engine (a greedy and a Lagrangian start, each repaired and searched, the better kept), without an LP lower bound.');
  let stopped = false;
  const isStopped = () => stopped || (stopped = options.shouldStop?.() === true);
  const plans: Plan[] = [];
  let lastLpMs: number | null = null;
  let minimalOwner: Int32Array | null = null;
  const relaxations = highs ? new Relaxations(highs) : undefined;
  try {
    for (let k = 0; k < scenarios.length; k++) {
      const scenario = scenarios[k];
      await options.pause?.();
      const sStart = now();
      const deadline = t0 + limitMs;
      const progress = (phase: string, f: number) =>
        options.onProgress?.({ scenario: scenario.name, phase, fraction: (k + f) / scenarios.length, message: `${scenario.name}: ${phase}` });
      const budget: Budget = { expired: () => isStopped() || now() > deadline };
      const inst = buildInstance(data, scenario);
      let result: EngineResult;
      let usedHighs = false;
      if (isStopped()) {
        const owner = greedyStart(inst);
        result = { owner, lowerBound: null, lpInfeasible: false, lpBandFloor: null, bandMet: false, lpStatus: null, lpMs: null, lpStart: null };
      } else {
        const secondsLeft = () => Math.max(0, (deadline - now()) / 1000);
        // Skip the LP when the LPs still to come would not fit the time limit (the one clock-driven choice).
        const hardLeft = t0 + limitMs - sStart;
        const skipLp = highs !== null && lastLpMs !== null && 1.5 * lastLpMs * (scenarios.length - k) > hardLeft;
        if (skipLp) notes.push(`${scenario.name}: an LP relaxation would not fit the time limit; planned instead from the Minimal plan and from a Lagrangian start, each repaired and searched (no lower bound).`);
        // the Minimal plan is the start wherever the LP gives no rounding (no HiGHS, LP skipped, or the band proven
        // unreachable): it already meets the Minimal band, so repair has less to do than from the greedy start
        const start = minimalOwner ?? undefined;
        result = await runEngine(inst, highs, {
          pause: async () => {
            await options.pause?.();
          },
          budget,
          secondsLeft,
          now,
          phase: (p) => progress(p, 0.5),
          start,
          skipLp,
          relaxations,
        });
        usedHighs = highs !== null;
        if (result.lpMs !== null) {
          lastLpMs = result.lpMs;
          notes.push(`${scenario.name}: LP relaxation ${result.lpStatus} in ${(result.lpMs / 1000).toFixed(2)} s${result.lpStart && result.lpStart !== 'own model' ? ` (from the ${result.lpStart === 'previous basis' ? "previous scenario's basis" : 'crash basis'})` : ''}${result.lowerBound !== null ? `, lower bound ${result.lowerBound.toFixed(3)}` : ''}.`);
        }
        if (scenario.kind === 'Minimal') minimalOwner = result.owner;
      }
      progress('check', 0.9);
      const timedOut = !result.bandMet && now() > deadline;
      plans.push(finishPlan(inst, result, usedHighs, isStopped(), timedOut ? `the time limit (${(limitMs / 1000).toFixed(0)} s) ran out before the band was reached` : null, budget, () => now() - sStart));
    }
  } finally {
    relaxations?.dispose();
  }
  if (stopped) notes.push('Stopped before the end: each plan is the best found so far and has been checked.');
  else if (now() > t0 + limitMs) notes.push(`The time limit (${(limitMs / 1000).toFixed(0)} s) cut the search short: plans are the best found so far, and another run may differ.`);
  return { plans, notes };
}

/** "±17.0%", or "no balance band" when the best plan's deviation is unbounded (a rep with no fair share holds accounts). */
function reaches(band: number): string {
  return Number.isFinite(band) ? `±${(band * 100).toFixed(1)}%` : 'no balance band';
}

function ownerIds(inst: Instance, owner: Int32Array): string[] {
  return Array.from(owner, (r) => inst.data.reps[r].id);
}

function finishPlan(
  inst: Instance,
  result: EngineResult,
  usedHighs: boolean,
  cancelled: boolean,
  timedOut: string | null,
  budget: Budget,
  /** The scenario's time so far: read when the plan is done, so the blockers and the band search count. */
  elapsed: () => number,
): Plan {
  const { data, scenario } = inst;
  let owner = result.owner;
  let blockers: string[] = [];
  let band = scenario.band;
  let check = checkPlan(data, scenario, ownerIds(inst, owner));
  if (!cancelled && !(check.ok && check.bandMet)) {
    blockers = diagnoseBlockers(inst);
    // a group of reps that states the LP's floor (to its 0.01 pt) says it with the reason: the LP's sentence would repeat it
    const groupsSayIt = result.lpBandFloor !== null && blockingRepGroups(inst).some((g) => g.floor >= result.lpBandFloor! - 1e-4);
    if (result.lpInfeasible && !groupsSayIt)
      blockers.push(
        result.lpBandFloor === Infinity
          ? 'The LP relaxation is infeasible: no assignment, even fractional, meets this band under these rules, nor any wider band: widening the balance band alone cannot help (capacity, the workload band or accounts that must stay block it).'
          : result.lpBandFloor !== null
            ? `The LP relaxation is infeasible: no assignment, even fractional, meets this band under these rules; it needs ${bandAtLeast(result.lpBandFloor, scenario.band)}.`
            : 'The LP relaxation is infeasible: no assignment, even fractional, meets this band under these rules.',
      );
    const tight = tightestBand(inst, owner, check.worstDeviation, budget, result.lpBandFloor);
    owner = tight.owner;
    band = tight.band;
    check = checkPlan(data, scenario, ownerIds(inst, owner));
    if (timedOut) blockers.unshift(`Not proven unreachable: ${timedOut}.`);
    else if (blockers.length === 0 && result.lowerBound !== null)
      blockers.push(
        `Not proven unreachable: the LP relaxation meets the band, but the search found no whole-account plan inside it; the best plan reaches ${reaches(band)}.`,
      );
    else if (blockers.length === 0)
      blockers.push(`No single account or rep blocks the band; the nearest-candidate rules leave too little room to move. The best plan reaches ${reaches(band)}.`);
    if (!check.ok) {
      const v = check.violations;
      blockers.push(`The best plan found still breaks a rule: ${v.slice(0, 3).join(' ')}${v.length > 3 ? ` (and ${v.length - 3} more)` : ''}`);
    }
  }
  const owners = ownerIds(inst, owner);
  const objective = objectiveOf(inst, owner);
  const feasible = check.ok && check.bandMet;
  const lb = result.lowerBound;
  let status: PlanStatus;
  if (cancelled) status = 'cancelled';
  else if (!feasible) status = 'band-not-met';
  else status = lb !== null && objective - lb <= 1e-6 * Math.max(1, Math.abs(lb)) ? 'optimal' : 'feasible';
  return {
    scenario,
    owners,
    moves: buildMoves(inst, owner),
    feasible,
    status,
    blockers,
    tightestBand: feasible ? scenario.band : Math.max(band, scenario.band),
    metrics: planMetrics(data, scenario, owners),
    objective,
    lowerBound: lb,
    engine: usedHighs ? 'highs' : 'typescript',
    check,
    elapsedMs: elapsed(),
  };
}
