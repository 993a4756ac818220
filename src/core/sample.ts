/**
 * A realistic, seeded sample territory workbook (as raw tables): accounts and rep homes around real
 * US metros, an attainment spread of about 60%-130%, one departing top performer, one new rep,
 * one territory that is a single-customer franchise, and a few blank Potential cells so that the
 * potential model runs. Imbalanced enough that the audit says Rebalance, and feasible at ±15%.
 * Pure: same options, same tables.
 */
import type { RawCell, TableSource, TerritoryData } from './model';
import { readTerritoryData } from './read/index';
import { createRandom, type Random } from './sample/random';
import { INDUSTRIES, MANAGERS, METROS, NAME_SUFFIXES, NAME_WORDS, FIRST_NAMES, LAST_NAMES, type Metro } from './sample/places';

export interface SampleOptions {
  accounts?: number;
  reps?: number;
  seed?: number;
}

/** The bundled sample's size and seed (the demo's workbook). */
export const SAMPLE_DEFAULTS = { accounts: 1500, reps: 14, seed: 42 } as const;

export interface SampleTables {
  /** Header row first, then one row per account. */
  accounts: RawCell[][];
  reps: RawCell[][];
  /** Name | Value. */
  settings: RawCell[][];
}

export const ACCOUNT_HEADERS = [
  'Account ID', 'Account Name', 'Owner', 'Potential', 'Revenue TTM', 'Pipeline', 'Open Opps', 'Max Stage',
  'Renewal', 'Last Activity', 'Segment', 'Latitude', 'Longitude', 'Region', 'Industry', 'Employees',
  'Growth Rate', 'Locked', 'Strategic',
] as const;

export const REP_HEADERS = [
  'Rep ID', 'Rep Name', 'Status', 'FTE', 'Quota', 'Q1 Attainment', 'Q2 Attainment', 'Q3 Attainment',
  'Q4 Attainment', 'Capacity', 'Home Latitude', 'Home Longitude', 'Tenure (months)', 'Region', 'Manager',
] as const;

/** The sample's reference date: 2026-03-31 as an Excel serial (1900 system). */
export const SAMPLE_AS_OF = 46112;

/** Effort per account by segment, used only to size the sample reps' capacity. */
const SEGMENT_EFFORT = { SMB: 1, 'Mid-Market': 2, Enterprise: 4 } as const;
type Segment = keyof typeof SEGMENT_EFFORT;

interface SampleRep {
  id: string;
  name: string;
  status: 'Active' | 'Departing' | 'New';
  metro: Metro;
  homeLat: number;
  homeLon: number;
  /** Trailing-4Q level the quarters scatter around. */
  level: number;
  quarters: (number | null)[];
  tenure: number;
  quota: number;
  capacity: number;
}

interface SampleAccount {
  name: string;
  owner: number | null;
  potential: number | null;
  revenue: number;
  pipeline: number;
  openOpps: number;
  maxStage: number;
  renewal: boolean;
  lastActivity: number | null;
  segment: Segment;
  lat: number;
  lon: number;
  region: string;
  industry: string;
  employees: number;
  growth: number;
  locked: boolean;
  strategic: boolean;
}

const round = (x: number, step: number) => Math.round(x / step) * step;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** The size and seed a sample is generated with: the defaults, and at least 10 accounts and 3 reps. */
export function sampleSize(options: SampleOptions = {}): Required<SampleOptions> {
  return {
    accounts: Math.max(10, Math.floor(options.accounts ?? SAMPLE_DEFAULTS.accounts)),
    reps: Math.max(3, Math.floor(options.reps ?? SAMPLE_DEFAULTS.reps)),
    seed: options.seed ?? SAMPLE_DEFAULTS.seed,
  };
}

/** The sample read as the add-in reads a workbook: its tables through the reader (no file, no host). */
export function sampleTerritory(options: SampleOptions = {}): TerritoryData {
  const t = generateSample(options);
  const source = (sheet: string, values: RawCell[][]): TableSource => ({ sheet, origin: { row: 1, col: 1 }, values });
  return readTerritoryData({ accounts: source('Accounts', t.accounts), reps: source('Reps', t.reps), settings: source('Settings', t.settings) });
}

export function generateSample(options: SampleOptions = {}): SampleTables {
  const { accounts: nAccounts, reps: nReps, seed } = sampleSize(options);
  const rnd = createRandom(seed);

  const reps = makeReps(nReps, rnd);
  const accounts = makeAccounts(nAccounts, reps, rnd);
  sizeCapacity(reps, accounts);

  return {
    accounts: [[...ACCOUNT_HEADERS], ...accounts.map((a, i) => accountRow(a, i, reps))],
    reps: [[...REP_HEADERS], ...reps.map(repRow)],
    settings: [
      ['Name', 'Value'],
      ['Balance Band', 0.15],
      ['Attainment Spread Trigger', 30],
      ['Concentration Trigger', 0.6],
      ['Candidate Reps', 8],
      ['As Of Date', SAMPLE_AS_OF],
      ['Time Limit (s)', 30],
      ['Custom Scenario Name', 'Growth'],
      ['Custom Scenario Balance', 'Growth-adjusted potential'],
    ],
  };
}

function makeReps(n: number, rnd: Random): SampleRep[] {
  // Trailing-4Q attainment levels evenly from 62% to 128%, dealt out in random order.
  const levels = rnd.shuffle(Array.from({ length: n }, (_, i) => 0.62 + (0.66 * i) / (n - 1)));
  const top = levels.indexOf(Math.max(...levels));
  // The new rep sits in the lower middle of the pack.
  const order = levels.map((l, i) => ({ l, i })).sort((a, b) => a.l - b.l);
  const newRep = order[Math.floor((n - 1) * 0.3)].i;
  const usedNames = new Set<string>();
  return levels.map((level, i) => {
    const metro = METROS[i % METROS.length];
    const status = i === top ? 'Departing' : i === newRep ? 'New' : 'Active';
    let name = '';
    do name = `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`;
    while (usedNames.has(name));
    usedNames.add(name);
    const quarters = [0, 1, 2, 3].map(() => Math.round(clamp(level + 0.04 * rnd.normal(), level - 0.08, level + 0.08) * 100) / 100);
    const tenure = status === 'New' ? 4 : rnd.int(14, 96);
    return {
      id: `R${String(i + 1).padStart(2, '0')}`,
      name,
      status,
      metro,
      homeLat: round4(metro.lat + rnd.uniform(-0.08, 0.08)),
      homeLon: round4(metro.lon + rnd.uniform(-0.08, 0.08)),
      level,
      // A new rep has only the last two quarters.
      quarters: status === 'New' ? [null, null, quarters[2], quarters[3]] : quarters,
      tenure,
      quota: status === 'New' ? 600000 : round(rnd.uniform(1.0e6, 1.4e6), 50000),
      capacity: 0,
    };
  });
}

/** Book sizes follow attainment (the over-served attain more), scaled down for the ramping new rep. */
function bookSizes(reps: SampleRep[], total: number): number[] {
  // Squared, so that the over-served really carry more; the departing top performer's book is an
  // average one (placing it alone does not fix the balance).
  const weight = reps.map((r) => (r.status === 'Departing' ? 0.9 : r.level ** 2) * (r.status === 'New' ? 0.45 : 1));
  const sumW = weight.reduce((s, w) => s + w, 0);
  const sizes = weight.map((w) => Math.floor((total * w) / sumW));
  let left = total - sizes.reduce((s, v) => s + v, 0);
  for (let i = 0; left > 0; i = (i + 1) % sizes.length, left--) sizes[i]++;
  return sizes;
}

function makeAccounts(n: number, reps: SampleRep[], rnd: Random): SampleAccount[] {
  const sizes = bookSizes(reps, n);
  const accounts: SampleAccount[] = [];
  reps.forEach((rep, r) => {
    for (let k = 0; k < sizes[r]; k++) accounts.push(makeAccount(r, rep, rnd));
  });
  addConcentratedCustomer(reps, accounts);
  const activeIdx = reps.map((r, i) => (r.status === 'Departing' ? -1 : i)).filter((i) => i >= 0);
  for (const a of accounts) {
    if (a.owner === null || a.locked || a.strategic) continue;
    // CRM drift: a few accounts owned by someone far away; a few never assigned.
    if (rnd.chance(0.04)) a.owner = rnd.pick(activeIdx);
    else if (rnd.chance(0.015)) a.owner = null;
  }
  return rnd.shuffle(accounts);
}

function makeAccount(r: number, rep: SampleRep, rnd: Random): SampleAccount {
  const departing = rep.status === 'Departing';
  const metro = rnd.chance(0.9) ? rep.metro : rnd.pick(METROS.filter((m) => m.region === rep.metro.region));
  const segRoll = rnd.next();
  const segment: Segment = segRoll < 0.6 ? 'SMB' : segRoll < 0.9 ? 'Mid-Market' : 'Enterprise';
  const employees = Math.round(
    segment === 'SMB'
      ? clamp(Math.exp(Math.log(60) + 0.6 * rnd.normal()), 5, 249)
      : segment === 'Mid-Market'
        ? clamp(Math.exp(Math.log(450) + 0.4 * rnd.normal()), 250, 1499)
        : clamp(Math.exp(Math.log(3500) + 0.6 * rnd.normal()), 1500, 15000),
  );
  const industry = rnd.pick(INDUSTRIES);
  // Lognormal potential that follows headcount, so the potential model has something to learn.
  const potential = round(2500 * employees ** 0.7 * Math.exp(clamp(0.4 * rnd.normal(), -0.9, 0.9)), 1000);
  const customer = rnd.chance(segment === 'Enterprise' ? 0.7 : 0.45);
  const revenue = customer ? round(potential * rnd.uniform(0.08, 0.45), 100) : 0;
  const openOpps = rnd.chance(0.35) ? rnd.int(1, 3) : 0;
  const stageRoll = rnd.next();
  let maxStage = openOpps === 0 ? 0 : stageRoll < 0.35 ? 1 : stageRoll < 0.65 ? 2 : stageRoll < 0.85 ? 3 : stageRoll < 0.95 ? 4 : 5;
  // The departing rep's deals in flight were handed over already: nothing at Stage 3+ is left pinned to them.
  if (departing) maxStage = Math.min(maxStage, 2);
  const pipeline = openOpps === 0 ? 0 : round(potential * rnd.uniform(0.05, 0.3) * openOpps, 100);
  const lastActivity = rnd.chance(0.85) ? SAMPLE_AS_OF - Math.min(400, Math.floor(-50 * Math.log(Math.max(rnd.next(), 1e-9)))) : null;
  return {
    name: `${rnd.pick(NAME_WORDS)} ${rnd.pick(NAME_SUFFIXES[industry])}`,
    owner: r,
    potential: rnd.chance(0.04) ? null : potential,
    revenue,
    pipeline,
    openOpps,
    maxStage,
    renewal: customer && rnd.chance(0.3),
    lastActivity,
    segment,
    lat: round4(metro.lat + 0.35 * rnd.normal()),
    lon: round4(metro.lon + 0.45 * rnd.normal()),
    region: metro.region,
    industry,
    employees,
    growth: Math.round(clamp(0.07 + 0.09 * rnd.normal(), -0.12, 0.45) * 100) / 100,
    locked: !departing && rnd.chance(0.012),
    strategic: segment === 'Enterprise' && rnd.chance(0.12),
  };
}

/**
 * One territory becomes a key-account franchise: its largest customer carries two thirds of the
 * territory's revenue (seed 001's "one customer above 60%").
 */
function addConcentratedCustomer(reps: SampleRep[], accounts: SampleAccount[]): void {
  const candidates = reps
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.status === 'Active')
    .sort((a, b) => a.r.level - b.r.level);
  const rep = candidates[Math.floor(candidates.length / 2)].i;
  const book = accounts.filter((a) => a.owner === rep);
  const key = book.reduce((best, a) => ((a.potential ?? 0) > (best.potential ?? 0) ? a : best), book[0]);
  const others = book.filter((a) => a !== key).reduce((s, a) => s + a.revenue, 0);
  key.revenue = round(Math.max(2 * others, 100000), 1000);
  key.potential = round(Math.max(key.potential ?? 0, key.revenue * 1.25), 1000);
  key.strategic = true;
  key.renewal = true;
  key.locked = false;
}

function sizeCapacity(reps: SampleRep[], accounts: SampleAccount[]): void {
  const effort = accounts.reduce((s, a) => s + SEGMENT_EFFORT[a.segment], 0);
  const perRep = effort / reps.filter((r) => r.status !== 'Departing').length;
  for (const r of reps) r.capacity = round(perRep * 1.75, 10);
}

function accountRow(a: SampleAccount, i: number, reps: SampleRep[]): RawCell[] {
  return [
    `A${String(i + 1).padStart(5, '0')}`,
    a.name,
    a.owner === null ? null : reps[a.owner].id,
    a.potential,
    a.revenue,
    a.pipeline,
    a.openOpps,
    a.maxStage,
    a.renewal ? 'Y' : 'N',
    a.lastActivity,
    a.segment,
    a.lat,
    a.lon,
    a.region,
    a.industry,
    a.employees,
    a.growth,
    a.locked ? 'Y' : null,
    a.strategic ? 'Y' : null,
  ];
}

function repRow(r: SampleRep): RawCell[] {
  return [
    r.id,
    r.name,
    r.status,
    1,
    r.quota,
    ...r.quarters,
    r.capacity,
    r.homeLat,
    r.homeLon,
    r.tenure,
    r.metro.region,
    MANAGERS[r.metro.region],
  ];
}
