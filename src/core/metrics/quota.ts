/**
 * Quota recalibration and projected attainment after a plan (seed 001: "quota didn't move with the
 * accounts"). Used by the optimizer's plan metrics and by the Rep Impact sheet alike.
 *
 * Quota: the team's total quota is kept and each active rep's new quota follows the potential of
 * its new territory. The ramp is applied once, through the territory: fair share is FTE × ramp, so a
 * rep at 50% ramp holds about half a full territory and so gets about half a full quota. Departing
 * reps get 0.
 *
 * Bookings move with the accounts: a rep's trailing bookings (attainment × quota) are spread over its
 * accounts in proportion to their revenue TTM (potential when the book has no revenue), and each
 * account takes its share to its new owner. Accounts whose owner has no attainment or quota
 * (unassigned, unknown) bring the team's bookings per dollar of revenue. Projected attainment =
 * projected bookings ÷ recalibrated quota; team bookings and team quota are both conserved.
 */
import type { Account, TerritoryData } from '../model';
import { trailingAttainment } from './attainment';

export interface QuotaChange {
  repId: string;
  /** The quota today, or null when the rep has none. */
  before: number | null;
  after: number;
}

export const QUOTA_METHOD =
  "Quota after = team quota today × rep's new potential ÷ new potential of all active reps (departing reps 0); the team total is unchanged. The ramp is applied through the territory: fair share is FTE × ramp share, so a rep on ramp holds a smaller territory and gets a smaller quota.";

export const ATTAINMENT_METHOD =
  "Projected attainment = projected bookings ÷ recalibrated quota. Bookings move with the accounts: each rep's trailing bookings (attainment × quota) are spread over its accounts by revenue TTM and follow each account to its new owner; unowned accounts bring the team's bookings per dollar of revenue. Blank where the rep has no attainment history.";

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
  const weights = data.reps.map((r) => (r.status === 'Departing' ? 0 : (potential.get(r.id) ?? 0)));
  let totalWeight = 0;
  for (const w of weights) totalWeight += w;
  return data.reps.map((r, i) => ({
    repId: r.id,
    before: r.quota,
    after: totalWeight > 0 ? (teamQuota * weights[i]) / totalWeight : 0,
  }));
}

/** Trailing bookings per rep id: mean attainment × quota, for reps with both. */
function trailingBookings(data: TerritoryData): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of data.reps) {
    const att = trailingAttainment(r.attainment);
    if (att !== null && r.quota !== null) out.set(r.id, att * r.quota);
  }
  return out;
}

/** The bookings each account carries today (aligned with data.accounts). */
function accountBookings(data: TerritoryData): number[] {
  const bookings = trailingBookings(data);
  const revenue = new Map<string, number>();
  const potential = new Map<string, number>();
  for (const a of data.accounts) {
    if (a.owner === null) continue;
    revenue.set(a.owner, (revenue.get(a.owner) ?? 0) + a.revenueTTM);
    potential.set(a.owner, (potential.get(a.owner) ?? 0) + a.potential);
  }
  const share = (a: Account, owner: string) => {
    const rev = revenue.get(owner) ?? 0;
    if (rev > 0) return a.revenueTTM / rev;
    const pot = potential.get(owner) ?? 0;
    return pot > 0 ? a.potential / pot : 0;
  };
  let attributedBookings = 0;
  let attributedRevenue = 0;
  const carried = data.accounts.map((a) => {
    const b = a.owner === null ? undefined : bookings.get(a.owner);
    if (b === undefined || a.owner === null) return null;
    const carried = b * share(a, a.owner);
    attributedBookings += carried;
    attributedRevenue += a.revenueTTM;
    return carried;
  });
  const perRevenue = attributedRevenue > 0 ? attributedBookings / attributedRevenue : 0;
  return carried.map((b, i) => b ?? data.accounts[i].revenueTTM * perRevenue);
}

/** Projected bookings per rep (aligned with data.reps) for an owners array. */
export function projectedBookings(data: TerritoryData, owners: readonly (string | null)[]): number[] {
  const carried = accountBookings(data);
  const index = new Map(data.reps.map((r, k) => [r.id, k]));
  const out = data.reps.map(() => 0);
  data.accounts.forEach((_, i) => {
    const k = owners[i] == null ? undefined : index.get(owners[i] as string);
    if (k !== undefined) out[k] += carried[i];
  });
  return out;
}

/**
 * Projected attainment per rep (aligned with data.reps) for an owners array: null for departing
 * reps, reps with no attainment history, and reps whose recalibrated quota is 0.
 */
export function projectedAttainments(
  data: TerritoryData,
  owners: readonly (string | null)[],
  quotas: QuotaChange[] = recalibrateQuotas(data, owners),
  bookings: number[] = projectedBookings(data, owners),
): (number | null)[] {
  return data.reps.map((r, k) => (r.status === 'Departing' || trailingAttainment(r.attainment) === null || quotas[k].after === 0 ? null : bookings[k] / quotas[k].after));
}
