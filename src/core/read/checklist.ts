/**
 * The six-item pre-rebalance data checklist of seed 001, filled from what was read:
 * territory definitions, assignments, revenue TTM, potential, capacity, trailing-4Q attainment.
 */
import type { Account, ChecklistItem, PotentialModelReport, Rep } from '../model';
import { SEGMENT_WORKLOAD } from './accounts';
import { plural } from './cells';
import { amount } from '../triggers/format';

export interface ChecklistInput {
  accounts: readonly Account[];
  reps: readonly Rep[];
  /** Whether a column was found, e.g. has('Accounts', 'region'). */
  has: (table: 'Accounts' | 'Reps', field: string) => boolean;
  potentialModel: PotentialModelReport | null;
  unassigned: number;
  unknownOwners: number;
}

/** Counts with thousands separators, locale-free: 1500 -> "1,500". */
const n = amount;

export function dataChecklist(input: ChecklistInput): ChecklistItem[] {
  return [territoryDefinitions(input), assignments(input), revenue(input), potential(input), capacity(input), attainment(input)];
}

function territoryDefinitions({ accounts, has }: ChecklistInput): ChecklistItem {
  const regions = new Set(accounts.map((a) => a.region).filter((r): r is string => r !== null));
  const located = accounts.filter((a) => a.lat !== null).length;
  const geo = located > 0 ? `; coordinates on ${n(located)} accounts` : '';
  if (has('Accounts', 'region') && regions.size > 0) {
    return { item: 'Territory definitions', status: 'found', detail: `${regions.size} regions on the Accounts table${geo}` };
  }
  const industries = accounts.some((a) => a.industry !== null);
  if (located > 0 || industries) {
    const basis = [located > 0 ? `geography (coordinates on ${n(located)} accounts)` : '', industries ? 'industry' : ''].filter(Boolean).join(' and ');
    return { item: 'Territory definitions', status: 'partial', detail: `No Region column; territories can be read from ${basis} and the owners' account lists` };
  }
  return { item: 'Territory definitions', status: 'missing', detail: 'No Region, coordinates or industry: territories are only the owners\u2019 account lists (named accounts)' };
}

function assignments({ accounts, reps, has, unassigned, unknownOwners }: ChecklistInput): ChecklistItem {
  if (!has('Accounts', 'owner')) return { item: 'Rep-to-account assignments', status: 'missing', detail: 'No Owner column on the Accounts table' };
  const assigned = accounts.filter((a) => a.owner !== null).length;
  const owners = new Set(accounts.map((a) => a.owner).filter((o) => o !== null)).size;
  const repRegion = new Map(reps.map((r) => [r.id, r.region?.toLowerCase() ?? null]));
  let cross = 0;
  for (const a of accounts) {
    if (a.owner === null || a.region === null) continue;
    const rr = repRegion.get(a.owner);
    if (rr && rr !== a.region.toLowerCase()) cross++;
  }
  const gaps = [unassigned > 0 ? `${n(unassigned)} unassigned` : '', unknownOwners > 0 ? `${n(unknownOwners)} with an owner who is not on the Reps table` : '']
    .filter(Boolean)
    .join(', ');
  const crossText = cross > 0 ? `; ${n(cross)} owned across regions (the owner's region differs)` : '';
  const detail = `${n(assigned)} of ${n(accounts.length)} accounts assigned to ${plural(owners, 'rep')}${gaps ? `; ${gaps}` : ''}${crossText}`;
  const status = assigned === 0 ? 'missing' : assigned === accounts.length ? 'found' : 'partial';
  return { item: 'Rep-to-account assignments', status, detail };
}

function revenue({ accounts, has }: ChecklistInput): ChecklistItem {
  if (!has('Accounts', 'revenueTTM')) return { item: 'Revenue TTM', status: 'missing', detail: 'No Revenue TTM column: disruption is judged on pipeline and activity only' };
  const withRevenue = accounts.filter((a) => a.revenueTTM !== 0);
  const total = withRevenue.reduce((s, a) => s + a.revenueTTM, 0);
  return { item: 'Revenue TTM', status: 'found', detail: `${n(withRevenue.length)} of ${n(accounts.length)} accounts have revenue in the last 12 months, ${n(Math.round(total))} in total` };
}

function potential({ accounts, potentialModel }: ChecklistInput): ChecklistItem {
  if (potentialModel === null) return { item: 'Account potential', status: 'found', detail: `Potential read for all ${n(accounts.length)} accounts` };
  if (potentialModel.trainedOn === 0 && potentialModel.features.length === 0) {
    return { item: 'Account potential', status: 'missing', detail: potentialModel.description };
  }
  return { item: 'Account potential', status: 'partial', detail: potentialModel.description };
}

function capacity({ reps, has }: ChecklistInput): ChecklistItem {
  const workload = has('Accounts', 'workload')
    ? 'workload from the Workload column'
    : `workload defaulted by segment (SMB ${SEGMENT_WORKLOAD.SMB}, Mid-Market ${SEGMENT_WORKLOAD['Mid-Market']}, Enterprise ${SEGMENT_WORKLOAD.Enterprise} per account)`;
  const withCapacity = reps.filter((r) => r.capacity !== null).length;
  if (withCapacity === 0) return { item: 'Rep capacity', status: 'missing', detail: `No Capacity on the Reps table; ${workload}` };
  const status = withCapacity === reps.length ? 'found' : 'partial';
  return { item: 'Rep capacity', status, detail: `Capacity for ${withCapacity} of ${reps.length} reps; ${workload}` };
}

function attainment({ reps }: ChecklistInput): ChecklistItem {
  const four = reps.filter((r) => r.attainment.length >= 4).length;
  const some = reps.filter((r) => r.attainment.length > 0).length;
  if (some === 0) return { item: 'Trailing 4Q attainment', status: 'missing', detail: 'No attainment on the Reps table: the attainment-spread trigger cannot be checked' };
  if (four === reps.length) return { item: 'Trailing 4Q attainment', status: 'found', detail: `Four quarters for all ${reps.length} reps` };
  const single = reps.filter((r) => r.attainment.length === 1).length;
  return {
    item: 'Trailing 4Q attainment',
    status: 'partial',
    detail: `Four quarters for ${four} of ${reps.length} reps; ${some - four} with fewer${single === some ? ' (one attainment figure each)' : ''}; ${reps.length - some} with none`,
  };
}
