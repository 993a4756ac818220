/**
 * Seeded TerritoryData builders for the metrics and trigger tests (no pasted blobs).
 */
import { DEFAULT_SETTINGS, type Account, type Rep, type Settings, type TerritoryData } from '../../../src/core/model';
import { mulberry32 } from '../../../src/core/sample/random';

/** The seeded PRNG the sample generator uses (mulberry32). */
export const seeded = mulberry32;

export function rep(id: string, over: Partial<Rep> = {}): Rep {
  return {
    id,
    name: `Rep ${id}`,
    status: 'Active',
    fte: 1,
    quota: null,
    attainment: [],
    capacity: null,
    homeLat: null,
    homeLon: null,
    tenureMonths: null,
    region: null,
    manager: null,
    row: 2,
    ...over,
  };
}

export function account(id: string, owner: string | null, over: Partial<Account> = {}): Account {
  return {
    id,
    name: `Account ${id}`,
    owner,
    row: 2,
    potential: 100,
    potentialEstimated: false,
    revenueTTM: 0,
    pipeline: 0,
    openOpps: 0,
    maxStage: 0,
    renewal: false,
    lastActivity: null,
    workload: 1,
    segment: null,
    lat: null,
    lon: null,
    region: null,
    industry: null,
    employees: null,
    growthRate: 0,
    locked: false,
    strategic: false,
    ...over,
  };
}

export function territoryData(reps: Rep[], accounts: Account[], settings: Partial<Settings> = {}): TerritoryData {
  return {
    reps,
    accounts,
    settings: { ...DEFAULT_SETTINGS, ...settings, declared: { ...DEFAULT_SETTINGS.declared, ...(settings.declared ?? {}) } },
    problems: [],
    mapping: [],
    checklist: [],
    potentialModel: null,
    source: { accountsSheet: 'Accounts', repsSheet: 'Reps', ownerColumn: 'C' },
  };
}

export interface HealthyTeamOptions {
  reps: number;
  accountsPerRep: number;
  seed: number;
  /** Quarterly attainment noise around 100% (default ±4 pts). */
  noise?: number;
}

/**
 * A balanced team: every rep holds the same number of accounts whose potentials (random shapes)
 * are scaled to the same total, revenue is ~30% of potential spread over the book (no account
 * above a third of its territory), and four quarters of attainment close to 100%.
 */
export function healthyTeam(o: HealthyTeamOptions): TerritoryData {
  const rnd = seeded(o.seed);
  const noise = o.noise ?? 0.04;
  const reps: Rep[] = [];
  const accounts: Account[] = [];
  for (let r = 0; r < o.reps; r++) {
    const id = `R${r + 1}`;
    reps.push(rep(id, { attainment: [0, 1, 2, 3].map(() => 1 + (rnd() * 2 - 1) * noise), row: r + 2 }));
    const shapes = Array.from({ length: o.accountsPerRep }, () => 0.8 + 0.4 * rnd());
    const scale = 600_000 / shapes.reduce((s, x) => s + x, 0);
    shapes.forEach((shape, k) => {
      const potential = shape * scale;
      accounts.push(
        account(`A${r + 1}-${k + 1}`, id, {
          potential,
          revenueTTM: potential * (0.28 + 0.04 * rnd()),
          segment: 'SMB',
          row: accounts.length + 2,
        }),
      );
    });
  }
  return territoryData(reps, accounts);
}

/** Sets a rep's four quarters of attainment. */
export function setAttainment(data: TerritoryData, repId: string, quarters: number[]): void {
  const r = data.reps.find((x) => x.id === repId);
  if (!r) throw new Error(`no rep ${repId}`);
  r.attainment = quarters;
}
