/**
 * Which reps may own an account in a scenario (SPEC §4): the current rep plus the
 * `settings.candidateReps` nearest non-departing reps (all of them when the account or the reps lack
 * coordinates), optionally within `maxDistanceMiles` and within the account's region.
 * This is a rule, shared by the solver and the plan checker.
 */
import type { Account, Rep, ScenarioSpec, Settings, TerritoryData } from '../model';
import { accountRegion, accountRepMiles } from '../metrics/basics';

export interface CandidateTable {
  /** Candidate rep indices of account i are `reps[start[i]] .. reps[start[i+1]-1]`, current owner first when eligible. */
  start: Int32Array;
  reps: Int32Array;
  /** Miles from the account to each candidate's home, NaN when unknown. */
  miles: Float64Array;
}

/** Index of each account's current owner in `reps`, -1 when unassigned or unknown. */
export function currentOwnerIndex(accounts: readonly Account[], reps: readonly Rep[]): Int32Array {
  const byId = new Map<string, number>();
  reps.forEach((r, k) => byId.set(r.id, k));
  const out = new Int32Array(accounts.length);
  accounts.forEach((a, i) => {
    const k = a.owner === null ? undefined : byId.get(a.owner);
    out[i] = k === undefined ? -1 : k;
  });
  return out;
}

/** Cheap monotone proxy of distance used only to rank reps (equirectangular), exact miles are haversine. */
function rankDistance(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const x = (lon2 - lon1) * Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180));
  const y = lat2 - lat1;
  return x * x + y * y;
}

const cache = new WeakMap<TerritoryData, Map<string, CandidateTable>>();

/**
 * buildCandidates, once per territory and rule (within region or not, candidate count, distance
 * limit): the solver's scenarios and the plan checker share it (at 50k × 200 one build takes ~0.4 s).
 */
export function candidatesFor(data: TerritoryData, withinRegion: boolean): CandidateTable {
  let m = cache.get(data);
  if (!m) cache.set(data, (m = new Map()));
  const key = `${withinRegion}|${data.settings.candidateReps}|${data.settings.maxDistanceMiles}`;
  let t = m.get(key);
  if (!t) m.set(key, (t = buildCandidates(data, { withinRegion })));
  return t;
}

export function buildCandidates(data: TerritoryData, scenario: Pick<ScenarioSpec, 'withinRegion'>): CandidateTable {
  const { accounts, reps, settings } = data;
  const current = currentOwnerIndex(accounts, reps);
  const eligible: number[] = [];
  reps.forEach((r, k) => {
    if (r.status !== 'Departing') eligible.push(k);
  });
  const start = new Int32Array(accounts.length + 1);
  const list: number[] = [];
  const milesList: number[] = [];
  const k = Math.max(0, Math.floor(settings.candidateReps));
  for (let i = 0; i < accounts.length; i++) {
    start[i] = list.length;
    const a = accounts[i];
    const cur = current[i];
    const curRep = cur >= 0 ? reps[cur] : undefined;
    const curEligible = curRep !== undefined && curRep.status !== 'Departing';
    if (curEligible) {
      list.push(cur);
      milesList.push(accountRepMiles(a, reps[cur]) ?? NaN);
    }
    let near = nearestReps(a, curRep, reps, eligible, cur, k, settings, scenario.withinRegion);
    // An account that must be placed but has no rep in its region / within reach goes to the nearest reps anywhere.
    if (near.length === 0 && !curEligible) near = nearestReps(a, curRep, reps, eligible, cur, k, { ...settings, maxDistanceMiles: null }, false);
    for (const r of near) {
      list.push(r);
      milesList.push(accountRepMiles(a, reps[r]) ?? NaN);
    }
  }
  start[accounts.length] = list.length;
  return { start, reps: Int32Array.from(list), miles: Float64Array.from(milesList) };
}

/** The k nearest eligible reps (other than `exclude`), by distance then rep order; all eligible reps without coordinates. */
function nearestReps(
  a: Account,
  curRep: Rep | undefined,
  reps: readonly Rep[],
  eligible: readonly number[],
  exclude: number,
  k: number,
  settings: Settings,
  withinRegion: boolean,
): number[] {
  const region = withinRegion ? accountRegion(a, curRep) : null;
  const pool = eligible.filter((r) => r !== exclude && (region === null || reps[r].region === region));
  const hasCoords = a.lat !== null && a.lon !== null && pool.some((r) => reps[r].homeLat !== null && reps[r].homeLon !== null);
  if (!hasCoords) return pool;
  const lat = a.lat as number;
  const lon = a.lon as number;
  // Top-k by insertion; reps without a home are never "near".
  const best: number[] = [];
  const bestD: number[] = [];
  for (const r of pool) {
    const rep = reps[r];
    if (rep.homeLat === null || rep.homeLon === null) continue;
    const d = rankDistance(lat, lon, rep.homeLat, rep.homeLon);
    if (settings.maxDistanceMiles !== null && (accountRepMiles(a, rep) as number) > settings.maxDistanceMiles) continue;
    if (best.length < k) {
      best.push(r);
      bestD.push(d);
    } else if (k > 0 && d < bestD[k - 1]) {
      best[k - 1] = r;
      bestD[k - 1] = d;
    } else continue;
    for (let p = best.length - 1; p > 0 && bestD[p - 1] > bestD[p]; p--) {
      [best[p - 1], best[p]] = [best[p], best[p - 1]];
      [bestD[p - 1], bestD[p]] = [bestD[p], bestD[p - 1]];
    }
  }
  return best.slice(0, k);
}

/** True when rep index `r` is among account i's candidates. */
export function isCandidate(table: CandidateTable, i: number, r: number): boolean {
  for (let p = table.start[i]; p < table.start[i + 1]; p++) if (table.reps[p] === r) return true;
  return false;
}
