/**
 * The three things that should NOT trigger a rebalance (seed 001). Each reports NOT A TRIGGER
 * when its pattern is present in the data, with the evidence, and OK otherwise.
 */
import { mean } from '../metrics/basics';
import { outsideAttainmentBand, trailingAttainment } from '../metrics/attainment';
import type { TriggerResult } from '../model';
import { singleAttainmentOutlier, type AuditContext, type Evaluated } from './context';
import { listing, num, pct, repLabel } from './format';

/**
 * One bad quarter: a rep whose latest quarter is below the team's latest-quarter mean by more than
 * half the healthy spread, while the rep's trailing-4Q attainment is inside the team band
 * (reps' quarter columns are aligned, oldest first, so the last value is the latest quarter).
 */
export function oneBadQuarter(ctx: AuditContext): Evaluated {
  const base = { id: 'one-bad-quarter', name: 'One bad quarter' };
  const band = ctx.attainmentBand;
  const withQuarters = ctx.data.reps.filter((r) => r.attainment.filter(Number.isFinite).length >= 2);
  if (!band || withQuarters.length < 2) {
    return ok(base, 'Quarterly attainment is not available for two or more reps; trailing four quarters are what count.');
  }
  const latest = (q: readonly number[]) => q.filter(Number.isFinite).slice(-1)[0];
  const latestMean = mean(withQuarters.map((r) => latest(r.attainment)));
  const halfWidth = band.halfWidth;
  const cases: string[] = [];
  for (const rep of withQuarters) {
    const last = latest(rep.attainment);
    const trailing = trailingAttainment(rep.attainment);
    if (trailing === null || latestMean - last <= halfWidth + 1e-9 || outsideAttainmentBand(trailing, band)) continue;
    cases.push(
      `${repLabel(rep)} had ${pct(last, 0)} in the latest quarter (team mean ${pct(latestMean, 0)}) ` +
        `but ${pct(trailing, 0)} over the trailing four quarters (team mean ${pct(band.mean, 0)}, band ±${num(halfWidth * 100)} pts)`,
    );
  }
  if (cases.length === 0) return ok(base, 'No rep has a single weak quarter against a healthy trailing four quarters.');
  return {
    result: { ...base, status: 'NOT A TRIGGER', evidence: `${cases.join('; ')}: one bad quarter is noise, wait for the trailing four quarters.` },
    basis: null,
  };
}

/** One underperformer: exactly one rep out of band on attainment, its territory otherwise in band. */
export function oneUnderperformer(ctx: AuditContext): Evaluated {
  const base = { id: 'one-underperformer', name: 'One underperformer' };
  const band = ctx.attainmentBand;
  if (!band || ctx.attainments.length < 3) return ok(base, 'Fewer than three reps have attainment data.');
  const range = `team mean ${pct(band.mean, 0)} ± ${num(band.halfWidth * 100)} pts`;
  const outlier = singleAttainmentOutlier(ctx);
  if (outlier) {
    const side = outlier.attainment < band.mean ? 'below' : 'above';
    return {
      result: {
        ...base,
        status: 'NOT A TRIGGER',
        evidence:
          `${repLabel(outlier.rep)} is the only rep out of band (${pct(outlier.attainment, 0)}, ${side} ${range}) and the territory is in band ` +
          `on potential, workload and accounts: a performance issue (coach, transfer or replace), not territory design.`,
      },
      basis: null,
    };
  }
  const outliers = ctx.attainmentOutliers.map((o) => `${repLabel(o.rep)} ${pct(o.attainment, 0)}`);
  if (outliers.length === 0) return ok(base, `Every rep is within ${range}.`);
  if (outliers.length === 1) return ok(base, `${outliers[0]} is the only rep out of ${range}, but the territory is also out of band on other metrics: structural.`);
  return ok(base, `${outliers.length} reps are out of ${range} (${listing(outliers)}): more than one underperformer.`);
}

/**
 * Pressure with no data: a rebalance request declared in Settings ("Rebalance Requested By")
 * while no data trigger fired. A request backed by a fired data trigger is OK.
 */
export function pressureWithoutData(ctx: AuditContext, firedDataTriggers: readonly TriggerResult[]): Evaluated {
  const base = { id: 'pressure-without-data', name: 'Pressure with no data' };
  const request = ctx.data.settings.declared.requestedBy?.trim() ?? '';
  if (request === '') return ok(base, 'No rebalance request declared in Settings (Rebalance Requested By).');
  if (firedDataTriggers.length > 0) {
    return ok(base, `Rebalance requested by ${request}, backed by data: ${listing(firedDataTriggers.map((t) => t.name))}.`);
  }
  return {
    result: {
      ...base,
      status: 'NOT A TRIGGER',
      evidence: `Rebalance requested by ${request}, but no data trigger fired: hold the line until the data justifies the change.`,
    },
    basis: null,
  };
}

function ok(base: { id: string; name: string }, evidence: string): Evaluated {
  return { result: { ...base, status: 'OK', evidence }, basis: null };
}
