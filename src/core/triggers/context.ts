/**
 * What every trigger looks at: the data, the territory and team metrics, and the attainment band.
 */
import type { Rep, TeamMetrics, TerritoryData, TerritoryMetrics, TriggerResult } from '../model';
import { attainmentBand, outsideAttainmentBand, repAttainments, type AttainmentBand, type RepAttainment } from '../metrics/attainment';
import { OUT_OF_BAND } from '../metrics/territory';

export interface AuditContext {
  data: TerritoryData;
  territories: TerritoryMetrics[];
  team: TeamMetrics;
  repById: Map<string, Rep>;
  territoryByRep: Map<string, TerritoryMetrics>;
  /** Every rep with attainment data, with its trailing-4Q attainment. */
  attainments: RepAttainment[];
  /** Team mean ± half the healthy spread, over `attainments`. */
  attainmentBand: AttainmentBand | null;
  /** Reps whose trailing-4Q attainment lies outside the band. */
  attainmentOutliers: RepAttainment[];
}

/** A trigger's result, and whether a FIRED status rests on data or only on a declaration in Settings. */
export interface Evaluated {
  result: TriggerResult;
  basis: 'data' | 'declared' | null;
}

export function auditContext(data: TerritoryData, territories: TerritoryMetrics[], team: TeamMetrics): AuditContext {
  const attainments = repAttainments(data.reps);
  const band = attainmentBand(
    attainments.map((a) => a.attainment),
    data.settings,
  );
  return {
    data,
    territories,
    team,
    repById: new Map(data.reps.map((r) => [r.id, r])),
    territoryByRep: new Map(territories.map((t) => [t.repId, t])),
    attainments,
    attainmentBand: band,
    attainmentOutliers: band ? attainments.filter((a) => outsideAttainmentBand(a.attainment, band)) : [],
  };
}

/**
 * Seed 001's "one underperforming rep": exactly one rep is out of band on attainment and the rep's
 * territory is otherwise in band (no other metric out of band), so the gap is performance, not
 * design. Returns that rep, or null when the pattern is absent.
 */
export function singleAttainmentOutlier(ctx: AuditContext): RepAttainment | null {
  if (ctx.attainments.length < 3 || ctx.attainmentOutliers.length !== 1) return null;
  const outlier = ctx.attainmentOutliers[0];
  const territory = ctx.territoryByRep.get(outlier.rep.id);
  const otherFlags = territory ? territory.outOfBand.filter((f) => f !== OUT_OF_BAND.attainment) : [];
  return otherFlags.length === 0 ? outlier : null;
}
