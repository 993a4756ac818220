/**
 * Seeded territory instances for the optimizer's tests and bench: accounts around US metros, reps
 * with homes, lognormal potentials, some locked, some Stage 3+, one departing rep, some unassigned,
 * and current owners skewed so territories start out of balance.
 */
import { DEFAULT_SETTINGS, type Account, type Rep, type Segment, type Settings, type TerritoryData } from '../src/core/model';
import { mulberry32, standardNormal } from '../src/core/sample/random';

const METROS: [string, number, number, number][] = [
  ['New York', 40.71, -74.01, 20],
  ['Los Angeles', 34.05, -118.24, 13],
  ['Chicago', 41.88, -87.63, 9],
  ['Dallas', 32.78, -96.8, 8],
  ['Houston', 29.76, -95.37, 7],
  ['Washington', 38.91, -77.04, 6],
  ['Philadelphia', 39.95, -75.17, 6],
  ['Miami', 25.76, -80.19, 6],
  ['Atlanta', 33.75, -84.39, 6],
  ['Boston', 42.36, -71.06, 5],
  ['Phoenix', 33.45, -112.07, 5],
  ['San Francisco', 37.77, -122.42, 5],
  ['Seattle', 47.61, -122.33, 4],
  ['Minneapolis', 44.98, -93.27, 4],
  ['San Diego', 32.72, -117.16, 3],
  ['Denver', 39.74, -104.99, 3],
  ['St. Louis', 38.63, -90.2, 3],
  ['Charlotte', 35.23, -80.84, 3],
  ['Portland', 45.52, -122.68, 2],
  ['Austin', 30.27, -97.74, 2],
];

const REGION_OF_LON = (lon: number) => (lon < -104 ? 'West' : lon < -87 ? 'Central' : 'East');

/** The seeded PRNG the sample generator uses (mulberry32). */
export const prng = mulberry32;

function pickWeighted(rand: () => number, weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let x = rand() * total;
  for (let k = 0; k < weights.length; k++) if ((x -= weights[k]) < 0) return k;
  return weights.length - 1;
}

/** Reps per metro in proportion to its weight (largest remainder), listed metro by metro, interleaved. */
function allocateReps(n: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (n * w) / total);
  const count = exact.map(Math.floor);
  const order = exact.map((e, k) => k).sort((x, y) => exact[y] - count[y] - (exact[x] - count[x]) || x - y);
  const missing = n - count.reduce((s, c) => s + c, 0);
  for (let k = 0; k < missing; k++) count[order[k % order.length]]++;
  const out: number[] = [];
  for (let round = 0; out.length < n; round++) count.forEach((c, m) => c > round && out.push(m));
  return out;
}

export interface InstanceOptions {
  accounts: number;
  reps: number;
  seed: number;
  settings?: Partial<Settings>;
  /** Fraction of accounts locked (default 0.02), Stage 3+ (0.05), unassigned (0.02). */
  locked?: number;
  stage3?: number;
  unassigned?: number;
  /** Give reps a capacity (default true). */
  capacity?: boolean;
}

export function makeInstance(o: InstanceOptions): TerritoryData {
  const rand = prng(o.seed);
  const settings: Settings = { ...DEFAULT_SETTINGS, ...o.settings };
  const metroWeights = METROS.map((m) => m[3]);
  const reps: Rep[] = [];
  const repMetro = allocateReps(o.reps, metroWeights);
  for (let k = 0; k < o.reps; k++) {
    const m = METROS[repMetro[k]];
    const lat = m[1] + (rand() - 0.5) * 0.6;
    const lon = m[2] + (rand() - 0.5) * 0.6;
    const isNew = k % 11 === 10;
    reps.push({
      id: `R${String(k + 1).padStart(3, '0')}`,
      name: `Rep ${k + 1}`,
      status: k === 3 ? 'Departing' : isNew ? 'New' : 'Active',
      fte: k % 9 === 8 ? 0.5 : 1,
      quota: 1_000_000,
      attainment: [0, 1, 2, 3].map(() => Math.max(0.3, 0.95 + 0.25 * standardNormal(rand))),
      capacity: null,
      homeLat: lat,
      homeLon: lon,
      tenureMonths: isNew ? 4 : 24 + Math.floor(rand() * 60),
      region: REGION_OF_LON(lon),
      manager: null,
      row: k + 2,
    });
  }
  // Skew: each rep attracts accounts with its own weight, so territories start unequal.
  const pull = reps.map(() => 0.6 + rand() * 0.8);
  const segments: Segment[] = ['SMB', 'Mid-Market', 'Enterprise'];
  const accounts: Account[] = [];
  const asOf = 46000;
  for (let i = 0; i < o.accounts; i++) {
    const m = METROS[pickWeighted(rand, metroWeights)];
    const lat = m[1] + standardNormal(rand) * 0.35;
    const lon = m[2] + standardNormal(rand) * 0.35;
    // owner among the 3 nearest reps, weighted by pull
    const near = reps
      .map((r, k) => ({ k, d: (r.homeLat! - lat) ** 2 + ((r.homeLon! - lon) * Math.cos((lat * Math.PI) / 180)) ** 2 }))
      .sort((x, y) => x.d - y.d || x.k - y.k)
      .slice(0, 3);
    const owner = near[pickWeighted(rand, near.map((n) => pull[n.k]))].k;
    const segment = segments[pickWeighted(rand, [6, 3, 1])];
    const potential = Math.round(Math.exp(Math.log(60000) + 0.9 * standardNormal(rand)) * (segment === 'Enterprise' ? 3 : segment === 'Mid-Market' ? 1.6 : 1));
    const r = rand();
    const stage = rand() < (o.stage3 ?? 0.05) ? 3 + Math.floor(rand() * 3) : rand() < 0.2 ? 1 + Math.floor(rand() * 2) : 0;
    const revenue = rand() < 0.55 ? Math.round(potential * (0.1 + 0.4 * rand())) : 0;
    accounts.push({
      id: `A${String(i + 1).padStart(5, '0')}`,
      name: `Account ${i + 1}`,
      owner: r < (o.unassigned ?? 0.02) ? null : reps[owner].id,
      row: i + 2,
      potential,
      potentialEstimated: false,
      revenueTTM: revenue,
      pipeline: stage > 0 ? Math.round(potential * 0.2) : 0,
      openOpps: stage > 0 ? 1 : 0,
      maxStage: stage,
      renewal: rand() < 0.3,
      lastActivity: rand() < 0.5 ? asOf - Math.floor(rand() * 200) : null,
      workload: segment === 'Enterprise' ? 3 : segment === 'Mid-Market' ? 1.5 : 1,
      segment,
      lat,
      lon,
      region: REGION_OF_LON(lon),
      industry: null,
      employees: null,
      growthRate: Math.round((0.02 + 0.2 * rand()) * 100) / 100,
      locked: rand() < (o.locked ?? 0.02),
      strategic: rand() < 0.02,
    });
  }
  if (o.capacity ?? true) {
    const totalWork = accounts.reduce((s, a) => s + a.workload, 0);
    const perRep = totalWork / reps.filter((r) => r.status !== 'Departing').length;
    reps.forEach((r, k) => (r.capacity = k % 2 === 0 ? Math.round(perRep * 1.6 * r.fte) : null));
  }
  return {
    accounts,
    reps,
    settings,
    problems: [],
    mapping: [],
    checklist: [],
    potentialModel: null,
    source: { accountsSheet: 'Accounts', repsSheet: 'Reps', ownerColumn: 'C' },
  };
}
