/**
 * Per-territory and team metrics (SPEC §2). A territory is one rep's book of accounts.
 *
 * Out-of-band rules (a territory with 2+ of them is a rebalance candidate, seed 001). The team
 * references are taken over continuing reps (not Departing, effective FTE > 0); departing reps'
 * books are dissolved by any plan, so they are measured but never flagged.
 * - "potential index": outside 100 ± band × 100 (85-115 with the default ±15%);
 * - "workload per FTE": workload / effective FTE more than ±band from the team mean of that ratio;
 * - "accounts per FTE": account count / effective FTE more than ±band from the team mean;
 * - "capacity utilization": workload above capacity (utilization > 1);
 * - "top-account share": one account above the concentration trigger (60%) of the territory's revenue TTM;
 * - "attainment": trailing-4Q attainment outside the team mean ± half the healthy spread (±12.5 pts);
 * - "travel distance": average distance to the rep's home more than 50% above the team mean.
 */
import type { Account, Rep, TeamMetrics, TerritoryData, TerritoryMetrics } from '../model';
import { accountRepMiles, coefficientOfVariation, effectiveFte, fairShares, gini, mean, sum } from './basics';
import { attainmentBand, attainmentSpreadPts, outsideAttainmentBand, trailingAttainment } from './attainment';

export const OUT_OF_BAND = {
  potential: 'potential index',
  workload: 'workload per FTE',
  accounts: 'accounts per FTE',
  utilization: 'capacity utilization',
  concentration: 'top-account share',
  attainment: 'attainment',
  travel: 'travel distance',
} as const;

/** Travel is flagged above this multiple of the team's mean average distance. */
export const TRAVEL_FLAG_RATIO = 1.5;

/** Whether |value / reference − 1| exceeds the band (false when there is no positive reference). */
export function outsideRelativeBand(value: number, reference: number, band: number): boolean {
  if (!(reference > 0)) return false;
  return Math.abs(value / reference - 1) > band + 1e-9;
}

/** Accounts of each rep under `owners` (aligned with `accounts`); owners that are not reps are ignored. */
export function booksByRep(reps: readonly Rep[], accounts: readonly Account[], owners: readonly (string | null)[]): Map<string, Account[]> {
  const books = new Map<string, Account[]>();
  for (const r of reps) books.set(r.id, []);
  accounts.forEach((a, i) => {
    const owner = owners[i];
    if (owner !== null && owner !== undefined) books.get(owner)?.push(a);
  });
  return books;
}

/** True for reps that keep a territory after the rebalance. */
export function isContinuing(rep: Rep, data: TerritoryData): boolean {
  return rep.status !== 'Departing' && effectiveFte(rep, data.settings) > 0;
}

/**
 * Metrics for every rep (departing included), in `data.reps` order. `owners` is aligned with
 * `data.accounts` (default: the current owners). Fair share is the team's whole potential
 * (unassigned accounts included, since every account must be placed) split by effective FTE.
 */
export function territoryMetrics(data: TerritoryData, owners?: readonly (string | null)[]): TerritoryMetrics[] {
  const { reps, accounts, settings } = data;
  const books = booksByRep(reps, accounts, owners ?? accounts.map((a) => a.owner));
  const fair = fairShares(reps, sum(accounts.map((a) => a.potential)), settings);

  const rows: TerritoryMetrics[] = reps.map((rep, i) => {
    const book = books.get(rep.id) ?? [];
    const potential = sum(book.map((a) => a.potential));
    const revenueTTM = sum(book.map((a) => a.revenueTTM));
    const workload = sum(book.map((a) => a.workload));
    const largestRevenue = book.reduce((m, a) => Math.max(m, a.revenueTTM), 0);
    const distances = book.map((a) => accountRepMiles(a, rep)).filter((d): d is number => d !== null);
    return {
      repId: rep.id,
      accounts: book.length,
      potential,
      revenueTTM,
      pipeline: sum(book.map((a) => a.pipeline)),
      workload,
      capacity: rep.capacity,
      utilization: rep.capacity !== null && rep.capacity > 0 ? workload / rep.capacity : null,
      fairShare: fair[i],
      potentialIndex: fair[i] > 0 ? (100 * potential) / fair[i] : 0,
      topAccountShare: revenueTTM > 0 ? largestRevenue / revenueTTM : 0,
      avgDistanceMiles: distances.length > 0 ? mean(distances) : null,
      attainment: trailingAttainment(rep.attainment),
      outOfBand: [],
    };
  });
  flagOutOfBand(data, rows);
  return rows;
}

/** The continuing reps' territories with their effective FTEs: what the team references are taken over. */
export function continuingTerritories(data: TerritoryData, territories: readonly TerritoryMetrics[]): { cont: TerritoryMetrics[]; fte: number[] } {
  const repById = new Map(data.reps.map((r) => [r.id, r]));
  const cont: TerritoryMetrics[] = [];
  const fte: number[] = [];
  for (const t of territories) {
    const rep = repById.get(t.repId);
    if (rep === undefined || !isContinuing(rep, data)) continue;
    cont.push(t);
    fte.push(effectiveFte(rep, data.settings));
  }
  return { cont, fte };
}

/** Fills `outOfBand` on each continuing rep's row by the rules in the file comment. */
function flagOutOfBand(data: TerritoryData, rows: TerritoryMetrics[]): void {
  const { settings } = data;
  const { cont, fte: contFte } = continuingTerritories(data, rows);
  const workloadRef = mean(cont.map((t, k) => t.workload / contFte[k]));
  const accountsRef = mean(cont.map((t, k) => t.accounts / contFte[k]));
  const travel = cont.map((t) => t.avgDistanceMiles).filter((d): d is number => d !== null);
  const travelRef = travel.length >= 2 ? mean(travel) : null;
  const attBand = attainmentBand(
    rows.map((t) => t.attainment).filter((a): a is number => a !== null),
    settings,
  );

  cont.forEach((t, k) => {
    const flags: string[] = [];
    if (Math.abs(t.potentialIndex - 100) > settings.band * 100 + 1e-9) flags.push(OUT_OF_BAND.potential);
    if (outsideRelativeBand(t.workload / contFte[k], workloadRef, settings.band)) flags.push(OUT_OF_BAND.workload);
    if (outsideRelativeBand(t.accounts / contFte[k], accountsRef, settings.band)) flags.push(OUT_OF_BAND.accounts);
    if (t.utilization !== null && t.utilization > 1 + 1e-9) flags.push(OUT_OF_BAND.utilization);
    if (t.topAccountShare > settings.concentrationTrigger + 1e-9) flags.push(OUT_OF_BAND.concentration);
    if (t.attainment !== null && attBand && outsideAttainmentBand(t.attainment, attBand)) flags.push(OUT_OF_BAND.attainment);
    if (t.avgDistanceMiles !== null && travelRef !== null && travelRef > 0 && t.avgDistanceMiles > TRAVEL_FLAG_RATIO * travelRef + 1e-9) {
      flags.push(OUT_OF_BAND.travel);
    }
    t.outOfBand = flags;
  });
}

/**
 * Team metrics over the territories (from `territoryMetrics`). The attainment spread covers every
 * rep with attainment data (a departing rep's record is still evidence about the current map);
 * workload and potential dispersion cover continuing reps, per effective FTE.
 */
export function teamMetrics(data: TerritoryData, territories: readonly TerritoryMetrics[]): TeamMetrics {
  const { cont, fte } = continuingTerritories(data, territories);
  const potentialPerFte = cont.map((t, k) => t.potential / fte[k]);
  const attainments = territories.map((t) => t.attainment).filter((a): a is number => a !== null);
  return {
    attainmentSpreadPts: attainmentSpreadPts(attainments.map((a) => [a])),
    workloadCV: coefficientOfVariation(cont.map((t, k) => t.workload / fte[k])),
    potentialMaxDeviation: cont.reduce((m, t) => (t.fairShare > 0 ? Math.max(m, Math.abs(t.potential / t.fairShare - 1)) : m), 0),
    potentialCV: coefficientOfVariation(potentialPerFte),
    potentialGini: gini(potentialPerFte),
  };
}
