/**
 * Tables → TerritoryData (SPEC §1): settings, reps, then accounts (owners matched to reps), tenure
 * from hire dates, missing potential estimated, and the seed-001 data checklist. Pure: hosts pass
 * in the cell values; every problem comes back located, none is thrown.
 */
import { DEFAULT_SETTINGS, type Problem, type TableSource, type TerritoryData, type WorkbookTables } from '../model';
import { asOfDate } from '../metrics/basics';
import { readAccounts } from './accounts';
import { dataChecklist } from './checklist';
import { resolveColumns, type TableName } from './headers';
import { findTables, type SheetValues } from './locate';
import { estimateMissingPotential } from './potential';
import { fillTenureFromHireDates, readReps, RepIndex } from './reps';
import { cloneSettings, readSettings } from './settings';
import { TableReader } from './table';

export type { SheetValues, ListObjectValues } from './locate';
export { findTables, isHeaderRowOf } from './locate';
export { SEGMENT_WORKLOAD, UNKNOWN_SEGMENT_WORKLOAD } from './accounts';
export { ACCOUNT_FIELDS, REP_FIELDS, SETTING_FIELDS, QUARTER_FIELDS, FIELDS, fieldLabel, headerKey } from './headers';
export { parseBoolean, parseDate, parseFraction, parseNumber, parseSegment, parseStatus, dateToSerial, type Parsed } from './cells';
export { isKnownSetting } from './settings';

export interface ReadOptions {
  /** User overrides of the column mapping, keyed "Accounts.potential" → header text ("" = do not use). */
  mapping?: Partial<Record<string, string>>;
}

function reader(table: TableName, source: TableSource, options: ReadOptions, problems: Problem[]): TableReader {
  return new TableReader(source, resolveColumns(table, source, options.mapping ?? {}, problems), problems);
}

export function readTerritoryData(tables: WorkbookTables, options: ReadOptions = {}): TerritoryData {
  const problems: Problem[] = [];
  const settingsTable = tables.settings ? reader('Settings', tables.settings, options, problems) : null;
  const settings = readSettings(settingsTable);
  const repsTable = reader('Reps', tables.reps, options, problems);
  const repsRead = readReps(repsTable);
  const accountsTable = reader('Accounts', tables.accounts, options, problems);
  const accountsRead = readAccounts(accountsTable, new RepIndex(repsRead.reps));
  const { accounts } = accountsRead;
  const reps = repsRead.reps;

  if (reps.length === 0) problems.push({ severity: 'error', sheet: repsTable.sheet, cell: repsTable.columnRange(null), message: 'The Reps table has no reps to assign accounts to' });
  else if (reps.every((r) => r.status === 'Departing'))
    problems.push({ severity: 'error', sheet: repsTable.sheet, cell: repsTable.columnRange('status'), message: `Every rep is Departing (${reps.length}): no rep is left to take the accounts; mark the reps who stay Active, New or Ramping` });
  if (accounts.length === 0) problems.push({ severity: 'error', sheet: accountsTable.sheet, cell: accountsTable.columnRange(null), message: 'The Accounts table has no accounts' });

  fillTenureFromHireDates(repsRead, asOfDate(accounts, settings), repsTable.sheet, problems);

  const potentialModel = estimateMissingPotential(
    {
      accounts,
      missing: accountsRead.missingPotential,
      hasPotentialColumn: accountsTable.has('potential'),
      hasRevenueColumn: accountsTable.has('revenueTTM'),
      hasEmployeesColumn: accountsTable.has('employees'),
      sheet: accountsTable.sheet,
      cell: accountsTable.columnRange(accountsTable.has('potential') ? 'potential' : null),
    },
    problems,
  );

  const tablesRead: Record<'Accounts' | 'Reps', TableReader> = { Accounts: accountsTable, Reps: repsTable };
  const checklist = dataChecklist({
    accounts,
    reps,
    has: (table, field) => tablesRead[table].has(field),
    potentialModel,
    unassigned: accountsRead.unassigned,
    unknownOwners: accountsRead.unknownOwners,
  });

  return {
    accounts,
    reps,
    settings,
    problems,
    mapping: [...accountsTable.resolved.mapping, ...repsTable.resolved.mapping, ...(settingsTable?.resolved.mapping ?? [])],
    checklist,
    potentialModel,
    source: { accountsSheet: accountsTable.sheet, repsSheet: repsTable.sheet, ownerColumn: accountsTable.columnOf('owner') },
  };
}

/** Data with nothing read: the problems say why. */
export function emptyTerritoryData(problems: Problem[]): TerritoryData {
  return {
    accounts: [],
    reps: [],
    settings: cloneSettings(DEFAULT_SETTINGS),
    problems,
    mapping: [],
    checklist: dataChecklist({ accounts: [], reps: [], has: () => false, potentialModel: null, unassigned: 0, unknownOwners: 0 }).map((c) =>
      c.item === 'Account potential' ? { ...c, status: 'missing', detail: 'No Accounts table' } : c,
    ),
    potentialModel: null,
    source: { accountsSheet: '', repsSheet: '', ownerColumn: null },
  };
}

/** Find the tables in the workbook's sheets and read them; missing tables give empty data with error problems. */
export function readWorkbookSheets(sheets: SheetValues[], options: ReadOptions = {}): TerritoryData {
  const found = findTables(sheets);
  if (!found.tables) return emptyTerritoryData(found.problems);
  const data = readTerritoryData(found.tables, options);
  return { ...data, problems: [...found.problems, ...data.problems] };
}
