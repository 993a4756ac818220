/**
 * Seeded test data for the report: 4 reps (two active, one new on ramp, one departing), 30 accounts
 * with coordinates, and hand-built plans and audit.
 */
import { asOfDate, disruptionLevel, fairShares } from '../../../src/core/metrics/basics';
import {
  type Account,
  type Audit,
  type Move,
  type Plan,
  type RebalanceResult,
  type Rep,
  type ScenarioKind,
  type ScenarioSpec,
  type Segment,
  type TerritoryData,
} from '../../../src/core/model';
import { planMetrics } from '../../../src/core/optimize/planMetrics';
import { mulberry32 } from '../../../src/core/sample/random';
import { makeAccount, makeRep, makeTerritory } from '../../support/model';

/** The seeded PRNG the sample generator uses (mulberry32). */
export const rng = mulberry32;

export function rep(id: string, name: string, over: Partial<Rep> = {}): Rep {
  return makeRep(id, { name, quota: 1_000_000, tenureMonths: 24, ...over });
}

export function account(id: string, owner: string | null, over: Partial<Account> = {}): Account {
  return makeAccount(id, owner, { potential: 100_000, ...over });
}

export function territoryData(accounts: Account[], reps: Rep[]): TerritoryData {
  return makeTerritory(accounts, reps);
}

const SEGMENTS: Segment[] = ['SMB', 'Mid-Market', 'Enterprise'];

/** 4 reps, 30 accounts around four cities; Alice is overloaded, Dan is departing, Cara is new. */
export function seededData(seed = 7, withCoordinates = true): TerritoryData {
  const rand = rng(seed);
  const reps: Rep[] = [
    rep('R1', 'Alice Moreno', { quota: 1_200_000, attainment: [1.3, 1.25, 1.4, 1.35], homeLat: 40.7, homeLon: -74.0, row: 2 }),
    rep('R2', 'Ben "BJ" Okafor', { quota: 1_000_000, attainment: [0.7, 0.65, 0.8, 0.75], homeLat: 42.4, homeLon: -71.1, row: 3 }),
    rep('R3', 'Cara Lin', { status: 'New', quota: 500_000, attainment: [], tenureMonths: 4, homeLat: 39.95, homeLon: -75.2, row: 4 }),
    rep('R4', 'Dan Price', { status: 'Departing', quota: 900_000, attainment: [0.95, 1.0, 0.9, 1.05], homeLat: 38.9, homeLon: -77.0, row: 5 }),
  ];
  if (!withCoordinates) for (const r of reps) Object.assign(r, { homeLat: null, homeLon: null });
  const owners = ['R1', 'R1', 'R1', 'R2', 'R4', 'R3'];
  const accounts: Account[] = [];
  for (let i = 0; i < 30; i++) {
    const owner = i === 29 ? null : owners[Math.floor(rand() * owners.length)];
    const home = reps.find((r) => r.id === owner) ?? reps[0];
    const stage = rand() < 0.15 ? 3 : rand() < 0.3 ? 1 + Math.floor(rand() * 2) : 0;
    const revenue = rand() < 0.5 ? Math.round(rand() * 200) * 1000 : 0;
    accounts.push(
      account(`A${String(i + 1).padStart(3, '0')}`, owner, {
        name: i === 3 ? 'Acme, Inc.' : `Account ${i + 1}`,
        row: i + 2,
        potential: Math.round(50 + rand() * 450) * 1000,
        revenueTTM: revenue,
        pipeline: stage > 0 ? Math.round(rand() * 100) * 1000 : 0,
        openOpps: stage > 0 ? 1 : 0,
        maxStage: stage,
        renewal: rand() < 0.2,
        lastActivity: rand() < 0.5 ? 45900 - Math.floor(rand() * 200) : null,
        workload: Math.round((0.5 + rand() * 2) * 10) / 10,
        segment: i % 7 === 6 ? null : SEGMENTS[Math.floor(rand() * 3)],
        lat: withCoordinates ? (home.homeLat ?? 40) + (rand() - 0.5) * 1.5 : null,
        lon: withCoordinates ? (home.homeLon ?? -74) + (rand() - 0.5) * 1.5 : null,
      }),
    );
  }
  return territoryData(accounts, reps);
}

/** A plan built by hand from an owners array: moves with reasons and levels, metrics, check. */
export function planFrom(data: TerritoryData, kind: ScenarioKind, name: string, owners: string[], feasible: boolean): Plan {
  const asOf = asOfDate(data.accounts, data.settings);
  const departing = new Set(data.reps.filter((r) => r.status === 'Departing').map((r) => r.id));
  const moves: Move[] = [];
  data.accounts.forEach((a, i) => {
    if (owners[i] === a.owner) return;
    const placement = a.owner === null || departing.has(a.owner);
    moves.push({
      accountId: a.id,
      from: a.owner,
      to: owners[i],
      reason: placement ? `Placed with ${owners[i]} (nearest rep with room).` : `Moves ${a.owner} → ${owners[i]} to bring both within the band.`,
      disruption: disruptionLevel(a, data.settings, asOf),
      placement,
    });
  });
  const band = kind === 'Balanced' ? 0.1 : 0.15;
  const scenario: ScenarioSpec = { name, kind, balanceOn: 'potential', band, workloadBand: null, ignoreCurrentOwners: kind === 'Redesign', disruptionWeight: 1, travelWeight: 1, withinRegion: false };
  return {
    scenario,
    owners,
    moves,
    feasible,
    status: feasible ? 'optimal' : 'band-not-met',
    blockers: feasible ? [] : ['A007 is locked with Alice Moreno'],
    tightestBand: feasible ? band : 0.22,
    metrics: planMetrics(data, scenario, owners),
    objective: 0,
    lowerBound: null,
    engine: 'typescript',
    check: { ok: true, violations: [], bandMet: feasible, worstDeviation: 0.1 },
    elapsedMs: 5,
  };
}

/**
 * Greedy hand plans: departing and unassigned accounts go to the active rep furthest under fair
 * share; then (unless `placeOnly`) the lowest-disruption accounts of the most-over rep move to the
 * most-under rep while that narrows the gap, up to `maxMoves`.
 */
export function greedyOwners(data: TerritoryData, maxMoves: number, rotate = 0): string[] {
  const total = data.accounts.reduce((s, a) => s + a.potential, 0);
  const fair = fairShares(data.reps, total, data.settings);
  const active = data.reps.map((r, i) => ({ r, i })).filter((x) => x.r.status !== 'Departing');
  const owners = data.accounts.map((a) => a.owner ?? '');
  const load = () => data.reps.map((r) => data.accounts.reduce((s, a, k) => s + (owners[k] === r.id ? a.potential : 0), 0));
  const under = () => {
    const l = load();
    return active.reduce((b, x) => (l[x.i] - fair[x.i] < l[b.i] - fair[b.i] ? x : b));
  };
  data.accounts.forEach((a, k) => {
    if (a.owner === null || data.reps.find((r) => r.id === a.owner)?.status === 'Departing') owners[k] = under().r.id;
  });
  for (let step = 0; step < maxMoves; step++) {
    const l = load();
    const over = active.reduce((b, x) => (l[x.i] - fair[x.i] > l[b.i] - fair[b.i] ? x : b));
    const to = under();
    const candidates = data.accounts
      .map((a, k) => ({ a, k }))
      .filter((x) => owners[x.k] === over.r.id && x.a.maxStage < 3)
      .sort((x, y) => x.a.potential - y.a.potential);
    const gap = l[over.i] - fair[over.i];
    const pick = candidates[(rotate + step) % Math.max(1, candidates.length)];
    if (!pick || pick.a.potential > gap * 1.5) break;
    owners[pick.k] = to.r.id;
  }
  return owners;
}

/** Redesign by hand: largest accounts first, each to the active rep with the most room under fair share. */
export function lptOwners(data: TerritoryData): string[] {
  const total = data.accounts.reduce((s, a) => s + a.potential, 0);
  const fair = fairShares(data.reps, total, data.settings);
  const load = data.reps.map(() => 0);
  const owners: string[] = data.accounts.map(() => '');
  const order = data.accounts.map((a, k) => k).sort((x, y) => data.accounts[y].potential - data.accounts[x].potential);
  for (const k of order) {
    let best = -1;
    data.reps.forEach((r, i) => {
      if (r.status === 'Departing') return;
      if (best < 0 || fair[i] - load[i] > fair[best] - load[best]) best = i;
    });
    owners[k] = data.reps[best].id;
    load[best] += data.accounts[k].potential;
  }
  return owners;
}

export function seededResult(data: TerritoryData, customName = 'Growth-weighted potential, East region'): RebalanceResult {
  const minimal = planFrom(data, 'Minimal', 'Minimal', greedyOwners(data, 4), true);
  const balanced = planFrom(data, 'Balanced', 'Balanced', greedyOwners(data, 5, 1), true);
  const redesignOwners = lptOwners(data);
  const redesign = planFrom(data, 'Redesign', 'Redesign', redesignOwners, true);
  const custom = planFrom(data, 'Custom', customName, greedyOwners(data, 3, 2), false);
  return { audit: seededAudit(), plans: [minimal, balanced, redesign, custom], problems: [], notes: ['HiGHS could not load; used the TypeScript fallback'] };
}

export function seededAudit(): Audit {
  return {
    territories: [],
    team: { attainmentSpreadPts: 65, workloadCV: 0.4, potentialMaxDeviation: 0.45, potentialCV: 0.3, potentialGini: 0.2 },
    triggers: [
      { id: 'attainment-spread', name: 'Attainment spread > 30 pts', status: 'FIRED', evidence: 'Alice Moreno 133% vs Ben "BJ" Okafor 73%: 60 pts' },
      { id: 'top-rep-departing', name: 'Top-quartile rep departing', status: 'OK', evidence: 'Dan Price departing is not top quartile' },
      { id: 'one-bad-quarter', name: 'One bad quarter', status: 'NOT A TRIGGER', evidence: 'Trailing four quarters used' },
    ],
    verdict: 'Rebalance',
    verdictReason: '1 trigger fired: attainment spread 60 pts',
    candidates: [{ repId: 'R1', outOfBand: ['potential', 'accounts'] }],
  };
}
