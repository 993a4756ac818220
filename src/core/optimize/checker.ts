/**
 * The plan checker: recomputes every hard rule and the band from the data and the proposed owners,
 * independently of the solver. `Plan.feasible` comes from here, never from a solver status.
 */
import { needsPlacement, type PlanCheck, type ScenarioSpec, type TerritoryData } from '../model';
import { balanceTargets } from '../metrics/basics';
import { candidatesFor, isCandidate } from './candidates';
import { isStage3Pinned, metricOf, ZERO_SHARE_SLACK } from './instance';

const REL_TOL = 1e-9;

function money(v: number): string {
  return Math.abs(v) >= 1000 ? v.toFixed(0) : String(Number(v.toPrecision(6)));
}

export function checkPlan(data: TerritoryData, scenario: ScenarioSpec, owners: readonly string[]): PlanCheck {
  const { accounts, reps, settings } = data;
  const violations: string[] = [];
  const repIndex = new Map<string, number>();
  reps.forEach((r, k) => repIndex.set(r.id, k));
  const repsById = new Map(reps.map((r) => [r.id, r]));
  if (owners.length !== accounts.length) {
    violations.push(`The plan has ${owners.length} owners for ${accounts.length} accounts.`);
    return { ok: false, violations, bandMet: false, worstDeviation: Infinity };
  }
  const candidates = candidatesFor(data, scenario.withinRegion);
  const load = new Float64Array(reps.length);
  const work = new Float64Array(reps.length);
  const values = new Float64Array(accounts.length);
  accounts.forEach((a, i) => {
    const v = metricOf(a, scenario.balanceOn);
    values[i] = v;
    const to = repIndex.get(owners[i]);
    if (to === undefined) {
      violations.push(`${a.id} is assigned to "${owners[i]}", which is not a rep.`);
      return;
    }
    if (reps[to].status === 'Departing') violations.push(`${a.id} is left with departing rep ${reps[to].id}.`);
    load[to] += v;
    work[to] += a.workload;
    if (needsPlacement(a.owner, repsById) || owners[i] === a.owner) return;
    if (a.locked) violations.push(`${a.id} is locked to ${a.owner} but moves to ${owners[i]}.`);
    if (isStage3Pinned(a, data))
      violations.push(`${a.id} has a Stage ${a.maxStage} opportunity and must stay with ${a.owner}, but moves to ${owners[i]}.`);
    if (!isCandidate(candidates, i, to))
      violations.push(`${a.id} moves to ${owners[i]}, which is not one of its candidate reps (nearest ${settings.candidateReps}${settings.maxDistanceMiles !== null ? `, within ${settings.maxDistanceMiles} mi` : ''}${scenario.withinRegion ? ', same region' : ''}).`);
  });
  accounts.forEach((a, i) => {
    const to = repIndex.get(owners[i]);
    if (needsPlacement(a.owner, repsById) && to !== undefined && !isCandidate(candidates, i, to))
      violations.push(`${a.id} is placed with ${owners[i]}, which is not one of its candidate reps.`);
  });
  reps.forEach((r, k) => {
    if (r.capacity !== null && work[k] > r.capacity * (1 + REL_TOL) + REL_TOL)
      violations.push(`${r.id} carries workload ${money(work[k])}, above its capacity ${money(r.capacity)}.`);
  });
  const target = balanceTargets(data, values, scenario.withinRegion);
  const workTarget = scenario.workloadBand === null ? null : balanceTargets(data, Float64Array.from(accounts, (a) => a.workload), scenario.withinRegion);
  let bandMet = true;
  let worst = 0;
  reps.forEach((r, k) => {
    if (r.status === 'Departing') return;
    const t = target[k];
    const dev = t > 0 ? Math.abs(load[k] / t - 1) : load[k] > ZERO_SHARE_SLACK ? Infinity : 0;
    worst = Math.max(worst, dev);
    if (dev > scenario.band + REL_TOL) bandMet = false;
    if (workTarget !== null && scenario.workloadBand !== null) {
      const wt = workTarget[k];
      const wdev = wt > 0 ? Math.abs(work[k] / wt - 1) : work[k] > ZERO_SHARE_SLACK ? Infinity : 0;
      if (wdev > scenario.workloadBand + REL_TOL) bandMet = false;
    }
  });
  return { ok: violations.length === 0, violations, bandMet, worstDeviation: worst };
}
