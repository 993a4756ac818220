/**
 * The rebalance audit (SPEC §2, seed 001): territory and team metrics, the 8 triggers and the
 * 3 non-triggers, the rebalance candidates and a verdict.
 *
 * Verdict:
 * - Rebalance: a data trigger FIRED (anything but a trigger resting only on a Settings
 *   declaration), or 2+ territories are candidates (2+ metrics out of band);
 * - Review: only declared events fired (ICP shift, M&A, new segment), or one candidate, or the
 *   attainment spread is above healthy (25) but not past the trigger (30);
 * - Hold: otherwise.
 */
import type { Audit, TerritoryData, TriggerResult, Verdict } from '../model';
import { teamMetrics, territoryMetrics } from '../metrics/territory';
import { auditContext, type Evaluated } from './context';
import { crmDriftTrigger } from './drift';
import { listing, num, repLabel } from './format';
import { concentrationTrigger, icpShiftTrigger, mergerTrigger, newSegmentTrigger } from './market';
import { oneBadQuarter, oneUnderperformer, pressureWithoutData } from './nonTriggers';
import { attainmentSpreadTrigger, headcountTrigger, topQuartileDepartureTrigger } from './people';

export { driftIndicators, type DriftIndicator } from './drift';

export function auditTerritories(data: TerritoryData): Audit {
  const territories = territoryMetrics(data);
  const team = teamMetrics(data, territories);
  const ctx = auditContext(data, territories, team);
  const triggers: Evaluated[] = [
    attainmentSpreadTrigger(ctx),
    topQuartileDepartureTrigger(ctx),
    headcountTrigger(ctx),
    concentrationTrigger(ctx),
    icpShiftTrigger(ctx),
    mergerTrigger(ctx),
    newSegmentTrigger(ctx),
    crmDriftTrigger(ctx),
  ];
  const dataFired = triggers.filter((t) => t.result.status === 'FIRED' && t.basis === 'data').map((t) => t.result);
  const declaredFired = triggers.filter((t) => t.result.status === 'FIRED' && t.basis === 'declared').map((t) => t.result);
  const nonTriggers = [oneBadQuarter(ctx), oneUnderperformer(ctx), pressureWithoutData(ctx, dataFired)];

  const candidates = territories.filter((t) => t.outOfBand.length >= 2).map((t) => ({ repId: t.repId, outOfBand: [...t.outOfBand] }));
  const candidateNames = candidates.map((c) => {
    const rep = ctx.repById.get(c.repId);
    return `${rep ? repLabel(rep) : c.repId} (${c.outOfBand.join(', ')})`;
  });
  const { verdict, verdictReason } = decide({
    dataFired,
    declaredFired,
    candidateNames,
    spreadPts: team.attainmentSpreadPts,
    healthy: data.settings.healthySpreadPts,
    trigger: data.settings.triggerSpreadPts,
    patterns: nonTriggers.map((n) => n.result).filter((r) => r.status === 'NOT A TRIGGER'),
  });
  return {
    territories,
    team,
    triggers: [...triggers, ...nonTriggers].map((t) => t.result),
    verdict,
    verdictReason,
    candidates,
  };
}

interface VerdictInputs {
  dataFired: TriggerResult[];
  declaredFired: TriggerResult[];
  /** "Rep (metric, metric)" for each candidate territory. */
  candidateNames: string[];
  spreadPts: number | null;
  healthy: number;
  trigger: number;
  /** Non-triggers whose pattern is present. */
  patterns: TriggerResult[];
}

function decide(v: VerdictInputs): { verdict: Verdict; verdictReason: string } {
  const names = (ts: TriggerResult[]) => listing(ts.map((t) => t.name));
  const candidates = (n: number) =>
    `${n} ${n === 1 ? 'territory is a rebalance candidate' : 'territories are rebalance candidates'} (2+ metrics out of band): ${v.candidateNames.join('; ')}`;
  const notes = v.patterns.length > 0 ? ` Not triggers: ${names(v.patterns)}.` : '';

  if (v.dataFired.length > 0 || v.candidateNames.length >= 2) {
    const parts: string[] = [];
    if (v.dataFired.length > 0) parts.push(`${v.dataFired.length === 1 ? 'a data trigger fired' : `${v.dataFired.length} data triggers fired`}: ${names(v.dataFired)}`);
    if (v.candidateNames.length > 0) parts.push(candidates(v.candidateNames.length));
    if (v.declaredFired.length > 0) parts.push(`declared in Settings: ${names(v.declaredFired)}`);
    return { verdict: 'Rebalance', verdictReason: `Rebalance: ${parts.join('; ')}.${notes}` };
  }
  const review: string[] = [];
  if (v.declaredFired.length > 0) review.push(`declared in Settings but not yet visible in the data: ${names(v.declaredFired)}`);
  if (v.candidateNames.length === 1) review.push(candidates(1));
  if (v.spreadPts !== null && v.spreadPts > v.healthy + 1e-9 && v.spreadPts <= v.trigger + 1e-9) {
    review.push(`the attainment spread of ${num(v.spreadPts)} pts is above the healthy ${num(v.healthy)} but not past the ${num(v.trigger)}-point trigger`);
  }
  if (review.length > 0) return { verdict: 'Review', verdictReason: `Review: ${review.join('; ')}. No data trigger fired.${notes}` };
  return {
    verdict: 'Hold',
    verdictReason: `Hold: no trigger fired and no territory has 2+ metrics out of band; rebalance on triggers, not on the calendar.${notes}`,
  };
}
