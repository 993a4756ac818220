/**
 * Before/after numbers of a plan for the Scenario Comparison sheet.
 * Owner changes of every kind (moves and placements) count in revenue/pipeline/potential moved;
 * `moves`, `movesByDisruption` and `disruptionCost` count relationship changes only (not placements).
 * Projected attainment after: projected bookings of the rep's new accounts over its recalibrated
 * quota (metrics/quota.ts, projectedAttainments).
 */
import { needsPlacement, type DisruptionLevel, type PlanMetrics, type ScenarioSpec, type TerritoryData } from '../model';
import { accountRepMiles, asOfDate, balanceTargets, coefficientOfVariation, disruptionLevel, effectiveFte } from '../metrics/basics';
import { trailingAttainment } from '../metrics/attainment';
import { projectedAttainments } from '../metrics/quota';

interface Side {
  potential: Float64Array;
  work: Float64Array;
  travel: number | null;
}

function side(data: TerritoryData, owners: readonly (string | null)[], index: Map<string, number>): Side {
  const n = data.reps.length;
  const potential = new Float64Array(n);
  const work = new Float64Array(n);
  let travel: number | null = null;
  data.accounts.forEach((a, i) => {
    const o = owners[i];
    const k = o === null ? undefined : index.get(o);
    if (k === undefined) return;
    potential[k] += a.potential;
    work[k] += a.workload;
    const d = accountRepMiles(a, data.reps[k]);
    if (d !== null) travel = (travel ?? 0) + d;
  });
  return { potential, work, travel };
}

export function planMetrics(data: TerritoryData, scenario: ScenarioSpec, owners: readonly string[]): PlanMetrics {
  const { accounts, reps, settings } = data;
  const index = new Map<string, number>();
  reps.forEach((r, k) => index.set(r.id, k));
  const before = side(
    data,
    accounts.map((a) => a.owner),
    index,
  );
  const after = side(data, owners, index);
  const fair = balanceTargets(data, Float64Array.from(accounts, (a) => a.potential), scenario.withinRegion);
  const active = reps.map((r, k) => k).filter((k) => reps[k].status !== 'Departing');
  const spread = (p: Float64Array) => active.reduce((m, k) => (fair[k] > 0 ? Math.max(m, Math.abs(p[k] / fair[k] - 1)) : m), 0);
  const asOf = asOfDate(accounts, settings);
  const repsById = new Map(reps.map((r) => [r.id, r]));
  const byLevel: Record<DisruptionLevel, number> = { Low: 0, Medium: 0, High: 0 };
  let moves = 0;
  let placements = 0;
  let revenueMoved = 0;
  let pipelineMoved = 0;
  let potentialMoved = 0;
  let disruptionCost = 0;
  accounts.forEach((a, i) => {
    if (owners[i] === a.owner) return;
    const placement = needsPlacement(a.owner, repsById);
    revenueMoved += a.revenueTTM;
    pipelineMoved += a.pipeline;
    potentialMoved += a.potential;
    if (placement) {
      placements++;
      return;
    }
    moves++;
    const level = disruptionLevel(a, settings, asOf);
    byLevel[level]++;
    disruptionCost += settings.disruptionWeights[level];
  });
  const attainment = (proj: (k: number) => number | null) => {
    const vals: number[] = [];
    for (const k of active) {
      const v = proj(k);
      if (v !== null) vals.push(v);
    }
    return vals.length === 0 ? null : (Math.max(...vals) - Math.min(...vals)) * 100;
  };
  const trailing = (k: number) => trailingAttainment(reps[k].attainment);
  const afterAttainment = projectedAttainments(data, owners);
  const projected = (k: number) => afterAttainment[k];
  const fte = reps.map((r) => effectiveFte(r, settings));
  const staffed = active.filter((k) => fte[k] > 0);
  const workloadCV = (work: Float64Array) => coefficientOfVariation(staffed.map((k) => work[k] / fte[k]));
  return {
    moves,
    movesByDisruption: byLevel,
    placements,
    revenueMoved,
    pipelineMoved,
    potentialMoved,
    potentialSpreadBefore: spread(before.potential),
    potentialSpreadAfter: spread(after.potential),
    workloadCVBefore: workloadCV(before.work),
    workloadCVAfter: workloadCV(after.work),
    attainmentSpreadBeforePts: attainment(trailing),
    attainmentSpreadAfterPts: attainment(projected),
    travelBeforeMiles: before.travel,
    travelAfterMiles: after.travel,
    disruptionCost,
  };
}
