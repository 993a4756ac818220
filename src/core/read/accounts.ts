/**
 * The Accounts table → Account[]. No non-blank row is dropped without a problem that says so;
 * owners are matched to reps by ID or name; workload defaults by segment.
 */
import type { Account, Segment } from '../model';
import { plural } from './cells';
import { synonymsOf } from './headers';
import { countNonBlankRows, type RepIndex } from './reps';
import type { TableReader } from './table';

/**
 * Default workload of an account when the sheet has no Workload value: one unit per account,
 * scaled by segment complexity (SPEC §1) — an Enterprise account takes about four times the
 * effort of an SMB account and a Mid-Market account twice. Accounts without a segment count 1.
 */
export const SEGMENT_WORKLOAD: Readonly<Record<Segment, number>> = { SMB: 1, 'Mid-Market': 2, Enterprise: 4 };
export const UNKNOWN_SEGMENT_WORKLOAD = 1;

export interface AccountsRead {
  accounts: Account[];
  /** Indexes into `accounts` whose Potential was blank or invalid (to be estimated). */
  missingPotential: number[];
  /** Whether the table has a Potential column at all. */
  hasPotentialColumn: boolean;
  unassigned: number;
  unknownOwners: number;
}

export function readAccounts(t: TableReader, reps: RepIndex): AccountsRead {
  const out: AccountsRead = { accounts: [], missingPotential: [], hasPotentialColumn: t.has('potential'), unassigned: 0, unknownOwners: 0 };
  if (!t.has('id')) {
    t.problems.push({
      severity: 'error',
      sheet: t.sheet,
      cell: t.columnRange(null),
      message: `No Account ID column (looked for ${synonymsOf('Accounts', 'id').join(', ')}); ${plural(countNonBlankRows(t), 'account row')} not read`,
    });
    return out;
  }
  const hasOwner = t.has('owner');
  const seen = new Map<string, number>();
  for (let r = 1; r <= t.dataRows; r++) {
    if (t.isBlankRow(r)) continue;
    const id = t.text(r, 'id');
    if (id === null) {
      t.report('error', r, 'id', `${t.label('id')} is blank; row skipped`);
      continue;
    }
    const dupOf = seen.get(id);
    if (dupOf !== undefined) {
      t.report('error', r, 'id', `${t.label('id')} "${id}" duplicates row ${dupOf}; row skipped`);
      continue;
    }
    seen.set(id, t.sheetRow(r));

    const account = readRow(t, r, id);
    const ownerText = t.text(r, 'owner');
    if (ownerText === null) {
      out.unassigned++;
    } else {
      const rep = reps.find(ownerText);
      if (rep) account.owner = rep.id;
      else {
        out.unknownOwners++;
        t.report('warning', r, 'owner', `${t.label('owner')} "${ownerText}" matches no rep; account treated as unassigned`);
      }
    }
    if (Number.isNaN(account.potential)) {
      out.missingPotential.push(out.accounts.length);
      account.potential = 0;
    }
    out.accounts.push(account);
  }

  if (!hasOwner) {
    t.problems.push({
      severity: 'error',
      sheet: t.sheet,
      cell: t.columnRange(null),
      message: `No Owner column (looked for ${synonymsOf('Accounts', 'owner').join(', ')}); ${out.accounts.length === 1 ? 'the account is' : `all ${out.accounts.length} accounts are`} treated as unassigned`,
    });
  } else if (out.unassigned > 0) {
    t.problems.push({
      severity: 'info',
      sheet: t.sheet,
      cell: t.columnRange('owner'),
      message: `${out.unassigned} of ${plural(out.accounts.length, 'account')} ${out.unassigned === 1 ? 'has' : 'have'} no ${t.label('owner')} (unassigned); the rebalance will place ${out.unassigned === 1 ? 'it' : 'them'}`,
    });
  }
  return out;
}

/** One account from row r, owner null (matched by the caller); potential NaN when missing. */
function readRow(t: TableReader, r: number, id: string): Account {
  const segment = t.segment(r, 'segment');
  let potential = t.number(r, 'potential');
  if (potential !== null && potential < 0) {
    t.report('warning', r, 'potential', `${t.label('potential')} ${potential} is negative; estimated instead`);
    potential = null;
  }
  let maxStage = t.stage(r, 'maxStage') ?? 0;
  if (maxStage < 0 || maxStage > 5) {
    const clamped = Math.min(5, Math.max(0, maxStage));
    t.report('warning', r, 'maxStage', `${t.label('maxStage')} ${maxStage} is outside 0-5; using ${clamped}`);
    maxStage = clamped;
  }
  const defaultWorkload = segment === null ? UNKNOWN_SEGMENT_WORKLOAD : SEGMENT_WORKLOAD[segment];
  let workload = t.number(r, 'workload') ?? defaultWorkload;
  if (workload < 0) {
    t.report('warning', r, 'workload', `${t.label('workload')} ${workload} is negative; using ${defaultWorkload}`);
    workload = defaultWorkload;
  }
  let employees = t.number(r, 'employees');
  if (employees !== null && employees < 0) {
    t.report('warning', r, 'employees', `${t.label('employees')} ${employees} is negative; ignored`);
    employees = null;
  }
  const { lat, lon } = t.coordinates(r, 'lat', 'lon');
  return {
    id,
    name: t.text(r, 'name') ?? id,
    owner: null,
    row: t.sheetRow(r),
    potential: potential ?? Number.NaN,
    potentialEstimated: false,
    revenueTTM: t.number(r, 'revenueTTM') ?? 0,
    pipeline: t.number(r, 'pipeline') ?? 0,
    openOpps: t.number(r, 'openOpps') ?? 0,
    maxStage,
    renewal: t.boolean(r, 'renewal') ?? false,
    lastActivity: t.date(r, 'lastActivity'),
    workload,
    segment,
    lat,
    lon,
    region: t.text(r, 'region'),
    industry: t.text(r, 'industry'),
    employees,
    growthRate: t.fraction(r, 'growthRate', 1) ?? 0,
    locked: t.boolean(r, 'locked') ?? false,
    strategic: t.boolean(r, 'strategic') ?? false,
  };
}
