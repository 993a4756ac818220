/**
 * Quota recalibration (seed 001: "quota didn't move with the accounts"): the team's total quota is
 * kept, and each active rep's new quota follows the potential of its new territory, weighted by
 * its ramp share. Departing reps get 0.
 *
 *   weight(rep) = potential of the rep's new territory × ramp share (0 for departing reps)
 *   quota after = team quota today × weight / sum of weights
 */
import type { TerritoryData } from '../model';
import { rampShare } from './basics';

export interface QuotaChange {
  repId: string;
  /** The quota today, or null when the rep has none. */
  before: number | null;
  after: number;
}

export const QUOTA_METHOD =
  "Quota after = team quota today × (rep's new potential × ramp share) ÷ sum over active reps of (new potential × ramp share); departing reps 0. The team total is unchanged.";

/** Potential per rep id for an owners array aligned with data.accounts. */
export function potentialByRep(data: TerritoryData, owners: readonly (string | null)[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of data.reps) totals.set(r.id, 0);
  data.accounts.forEach((a, i) => {
    const owner = owners[i];
    if (owner !== null && owner !== undefined && totals.has(owner)) totals.set(owner, (totals.get(owner) ?? 0) + a.potential);
  });
  return totals;
}

export function recalibrateQuotas(data: TerritoryData, owners: readonly (string | null)[]): QuotaChange[] {
  let teamQuota = 0;
  for (const r of data.reps) if (r.quota !== null) teamQuota += r.quota;
  const potential = potentialByRep(data, owners);
  const weights = data.reps.map((r) => (r.status === 'Departing' ? 0 : (potential.get(r.id) ?? 0) * rampShare(r.tenureMonths, data.settings)));
  let totalWeight = 0;
  for (const w of weights) totalWeight += w;
  return data.reps.map((r, i) => ({
    repId: r.id,
    before: r.quota,
    after: totalWeight > 0 ? (teamQuota * weights[i]) / totalWeight : 0,
  }));
}

/**
 * Projected attainment after a rebalance (documented on Rep Impact): bookings are assumed to follow
 * territory potential at the rep's historic conversion, and the quota is recalibrated, so
 *   after = trailing-4Q attainment × (new potential / old potential) / (new quota / old quota).
 * Null when the rep has no attainment, no quota or no potential today, or no new quota.
 */
export function projectedAttainment(att: number | null, quotaBefore: number | null, quotaAfter: number, potBefore: number, potAfter: number): number | null {
  if (att === null || quotaBefore === null || quotaBefore === 0 || potBefore === 0 || quotaAfter === 0) return null;
  return (att * (potAfter / potBefore)) / (quotaAfter / quotaBefore);
}
