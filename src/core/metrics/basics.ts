/**
 * Small shared numbers: statistics, distance, ramp and fair share, disruption level.
 * Used by metrics, triggers, the optimizer and the reports alike.
 */
import type { Account, DisruptionLevel, Rep, Settings, TerritoryData } from '../model';
import { hasEarlyStageDeals, isRetainedDeal } from './handoff';

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}

/** Coefficient of variation, population standard deviation over the mean; 0 for an empty or zero-mean list. */
export function coefficientOfVariation(values: readonly number[]): number {
  const m = mean(values);
  if (values.length === 0 || m === 0) return 0;
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return Math.sqrt(ss / values.length) / Math.abs(m);
}

/** Gini coefficient: mean absolute difference over all ordered pairs / (2 × mean). O(n log n). */
export function gini(values: readonly number[]): number {
  const n = values.length;
  const m = mean(values);
  if (n === 0 || m === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  // sum_{i,j} |x_i - x_j| = 2 * sum_i x_(i) * (2i - n - 1), i 1-based
  let acc = 0;
  for (let i = 0; i < n; i++) acc += sorted[i] * (2 * (i + 1) - n - 1);
  const meanAbsDiff = (2 * acc) / (n * n);
  return meanAbsDiff / (2 * m);
}

const EARTH_RADIUS_MILES = 3958.8;

/** Great-circle distance in miles. */
export function haversineMiles(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance from an account to a rep's home, or null when either lacks coordinates. */
export function accountRepMiles(a: Account, r: Rep): number | null {
  if (a.lat === null || a.lon === null || r.homeLat === null || r.homeLon === null) return null;
  return haversineMiles(a.lat, a.lon, r.homeLat, r.homeLon);
}

/** Ramp share for a rep's tenure (SPEC §1: 50% under 6 months, 75% from 6 to 12, full after). Unknown tenure = full. */
export function rampShare(tenureMonths: number | null, settings: Settings): number {
  if (tenureMonths === null) return 1;
  for (const step of settings.ramp) if (tenureMonths < step.belowMonths) return step.share;
  return 1;
}

/** Capacity share used for fair share: FTE × ramp for active and new reps; 0 for departing reps. */
export function effectiveFte(rep: Rep, settings: Settings): number {
  if (rep.status === 'Departing') return 0;
  return rep.fte * rampShare(rep.tenureMonths, settings);
}

/**
 * Fair share of a total for each rep, proportional to effective FTE (aligned with `reps`).
 * Departing reps get 0. When no rep has capacity share, everyone gets 0.
 */
export function fairShares(reps: readonly Rep[], total: number, settings: Settings): number[] {
  const fte = reps.map((r) => effectiveFte(r, settings));
  const totalFte = sum(fte);
  return fte.map((f) => (totalFte > 0 ? (total * f) / totalFte : 0));
}

/** The account's region for the within-region rule: its own, else its current owner's. */
export function accountRegion(a: Account, owner: Rep | undefined): string | null {
  return a.region ?? owner?.region ?? null;
}

/**
 * Each account's region for within-region shares (its own or its owner's), or null when they do not
 * apply: some account has no region, or some continuing rep has none.
 */
function accountRegions(data: Pick<TerritoryData, 'accounts' | 'reps'>): string[] | null {
  if (!data.reps.every((r) => r.status === 'Departing' || r.region !== null)) return null;
  const byId = new Map(data.reps.map((r) => [r.id, r]));
  const regions: string[] = [];
  for (const a of data.accounts) {
    const region = accountRegion(a, a.owner === null ? undefined : byId.get(a.owner));
    if (region === null) return null;
    regions.push(region);
  }
  return regions;
}

/** How balanceTargets sets a rep's fair share of potential here, for the sheets' method notes. */
export function fairShareMethod(data: Pick<TerritoryData, 'accounts' | 'reps'>, withinRegion: boolean): string {
  return withinRegion && accountRegions(data) !== null
    ? "fair share = the potential of the rep's region × the rep's FTE × ramp share ÷ the sum over the region's reps (departing reps 0): the plan rebalances within each region"
    : "fair share = team potential × the rep's FTE × ramp share ÷ the sum over reps (departing reps 0)";
}

/**
 * What each rep should carry of a quantity (`values`, one per account): its fair share of the team's
 * total, or, when rebalancing within regions, its fair share of its own region's total (accounts
 * cannot leave their region, so a team-wide share could be out of reach). Within regions applies
 * only when every account has a region (its own or its owner's) and every continuing rep has one;
 * otherwise the shares are team-wide.
 */
export function balanceTargets(data: Pick<TerritoryData, 'accounts' | 'reps' | 'settings'>, values: ArrayLike<number>, withinRegion: boolean): number[] {
  const { accounts, reps, settings } = data;
  let total = 0;
  for (let i = 0; i < accounts.length; i++) total += values[i];
  const regions = withinRegion ? accountRegions(data) : null;
  if (!regions) return fairShares(reps, total, settings);
  const regionTotal = new Map<string, number>();
  for (let i = 0; i < accounts.length; i++) regionTotal.set(regions[i], (regionTotal.get(regions[i]) ?? 0) + values[i]);
  const fte = reps.map((r) => effectiveFte(r, settings));
  const regionFte = new Map<string, number>();
  reps.forEach((r, k) => r.region !== null && regionFte.set(r.region, (regionFte.get(r.region) ?? 0) + fte[k]));
  return reps.map((r, k) => {
    const f = r.region === null ? 0 : (regionFte.get(r.region) ?? 0);
    return f > 0 ? ((regionTotal.get(r.region as string) ?? 0) * fte[k]) / f : 0;
  });
}

/**
 * The reference date for "activity in the last N days": the setting when given, else the latest
 * Last Activity in the data (so the same workbook always gives the same answer), else null.
 */
export function asOfDate(accounts: readonly Account[], settings: Settings): number | null {
  if (settings.asOfDate !== null) return settings.asOfDate;
  let latest: number | null = null;
  for (const a of accounts) if (a.lastActivity !== null && (latest === null || a.lastActivity > latest)) latest = a.lastActivity;
  return latest;
}

/**
 * Disruption level of moving an account (seed 002, SPEC §1):
 * High = open opportunity at the handoff stage (3) or later, or strategic;
 * Medium = revenue TTM, open pipeline at stage 1-2, or activity within the window before `asOf`;
 * Low = none of these.
 */
export function disruptionLevel(
  a: Pick<Account, 'maxStage' | 'strategic' | 'revenueTTM' | 'pipeline' | 'openOpps' | 'lastActivity'>,
  settings: Pick<Settings, 'handoffStage' | 'activityWindowDays'>,
  asOf: number | null,
): DisruptionLevel {
  if (isRetainedDeal(a, settings) || a.strategic) return 'High';
  const recent = a.lastActivity !== null && asOf !== null && asOf - a.lastActivity <= settings.activityWindowDays;
  if (a.revenueTTM > 0 || hasEarlyStageDeals(a, settings) || recent) return 'Medium';
  return 'Low';
}
