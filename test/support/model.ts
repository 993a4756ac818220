/**
 * Builders of model objects for tests: a Rep, an Account and TerritoryData with neutral defaults
 * (active, 1 FTE, no coordinates, nothing locked). Each test fixture layers its own defaults on top.
 */
import { DEFAULT_SETTINGS, type Account, type Rep, type Settings, type TerritoryData } from '../../src/core/model';

export function makeRep(id: string, over: Partial<Rep> = {}): Rep {
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

export function makeAccount(id: string, owner: string | null, over: Partial<Account> = {}): Account {
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

/** TerritoryData as the reader would give it for these accounts and reps (Owner in column C). */
export function makeTerritory(accounts: Account[], reps: Rep[], settings: Partial<Settings> = {}): TerritoryData {
  return {
    accounts,
    reps,
    settings: { ...DEFAULT_SETTINGS, ...settings, declared: { ...DEFAULT_SETTINGS.declared, ...(settings.declared ?? {}) } },
    problems: [],
    mapping: [],
    checklist: [],
    potentialModel: null,
    source: { accountsSheet: 'Accounts', repsSheet: 'Reps', ownerColumn: 'C' },
  };
}
