/**
 * Trigger 8, CRM drift (seed 001): "three or more imbalance indicators flashing". The indicators
 * are the team-level forms of seed 001's six balance metrics, each with its band:
 * - potential dispersion: max |potential / fair share − 1| over continuing reps, band ±15%;
 * - workload variance: CV of workload per effective FTE, above the band (0.15);
 * - account load: CV of account count per effective FTE, above the band (0.15);
 * - capacity utilization: the highest utilization, above 100% (only when Capacity is given);
 * - attainment spread: trailing-4Q spread above the healthy 25 points (only with attainment);
 * - revenue dispersion: CV of revenue TTM per effective FTE, above twice the band (0.30), since
 *   revenue also reflects performance (only with revenue);
 * - geographic spread: a territory's average distance to home above 1.5 × the team mean (only
 *   with coordinates).
 */
import { coefficientOfVariation } from '../metrics/basics';
import { continuingTerritories, TRAVEL_FLAG_RATIO } from '../metrics/territory';
import type { AuditContext, Evaluated } from './context';
import { num, pct } from './format';

export interface DriftIndicator {
  name: string;
  /** The measured value, in words ("CV 0.22"). */
  value: string;
  /** The band, in words ("band 0.15"). */
  band: string;
  outOfBand: boolean;
}

export const DRIFT_MIN_INDICATORS = 3;

export function driftIndicators(ctx: AuditContext): DriftIndicator[] {
  const { data, team } = ctx;
  const { band, healthySpreadPts } = data.settings;
  const { cont, fte } = continuingTerritories(data, ctx.territories);
  const out: DriftIndicator[] = [
    { name: 'potential dispersion', value: `max deviation ${pct(team.potentialMaxDeviation, 0)}`, band: `band ±${pct(band, 0)}`, outOfBand: team.potentialMaxDeviation > band + 1e-9 },
    { name: 'workload variance', value: `CV ${num(team.workloadCV, 2)}`, band: `band ${num(band, 2)}`, outOfBand: team.workloadCV > band + 1e-9 },
  ];
  const accountsCV = coefficientOfVariation(cont.map((t, k) => t.accounts / fte[k]));
  out.push({ name: 'account load', value: `CV ${num(accountsCV, 2)}`, band: `band ${num(band, 2)}`, outOfBand: accountsCV > band + 1e-9 });

  const utilizations = cont.map((t) => t.utilization).filter((u): u is number => u !== null);
  if (utilizations.length > 0) {
    const max = Math.max(...utilizations);
    out.push({ name: 'capacity utilization', value: `highest ${pct(max, 0)}`, band: 'band 100%', outOfBand: max > 1 + 1e-9 });
  }
  if (team.attainmentSpreadPts !== null && ctx.attainments.length >= 2) {
    const s = team.attainmentSpreadPts;
    out.push({ name: 'attainment spread', value: `${num(s)} pts`, band: `healthy under ${num(healthySpreadPts)} pts`, outOfBand: s > healthySpreadPts + 1e-9 });
  }
  if (cont.some((t) => t.revenueTTM > 0)) {
    const revenueCV = coefficientOfVariation(cont.map((t, k) => t.revenueTTM / fte[k]));
    out.push({ name: 'revenue dispersion', value: `CV ${num(revenueCV, 2)}`, band: `band ${num(2 * band, 2)}`, outOfBand: revenueCV > 2 * band + 1e-9 });
  }
  const distances = cont.map((t) => t.avgDistanceMiles).filter((d): d is number => d !== null);
  if (distances.length >= 2) {
    const meanDistance = distances.reduce((s, d) => s + d, 0) / distances.length;
    const ratio = meanDistance > 0 ? Math.max(...distances) / meanDistance : 0;
    out.push({ name: 'geographic spread', value: `farthest territory ${num(ratio, 2)}× the mean distance`, band: `band ${num(TRAVEL_FLAG_RATIO, 2)}×`, outOfBand: ratio > TRAVEL_FLAG_RATIO + 1e-9 });
  }
  return out;
}

export function crmDriftTrigger(ctx: AuditContext): Evaluated {
  const base = { id: 'crm-drift', name: `CRM drift (${DRIFT_MIN_INDICATORS}+ indicators out of band)` };
  const indicators = driftIndicators(ctx);
  const flashing = indicators.filter((i) => i.outOfBand);
  const describe = (i: DriftIndicator) => `${i.name} ${i.value} (${i.band})`;
  const inBand = indicators.filter((i) => !i.outOfBand);
  const evidence =
    `${flashing.length} of ${indicators.length} indicators out of band` +
    (flashing.length > 0 ? `: ${flashing.map(describe).join('; ')}` : '') +
    (inBand.length > 0 ? `. In band: ${inBand.map(describe).join('; ')}.` : '.');
  const fired = flashing.length >= DRIFT_MIN_INDICATORS;
  return { result: { ...base, status: fired ? 'FIRED' : 'OK', evidence }, basis: fired ? 'data' : null };
}
