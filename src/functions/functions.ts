/**
 * The TERRITORY custom functions (SPEC §3). Each is a thin call into src/core. The JSDoc below is
 * read by custom-functions-metadata to build functions.json; the webpack plugin appends the
 * `CustomFunctions.associate(id, function)` calls to this file, so there is no registration code here.
 *
 * Ranges are typed `any[][]` so blanks and text reach us: blanks are ignored and text where a
 * number belongs is #VALUE! with the position. Omitted optional arguments arrive as null.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { DEFAULT_SETTINGS, formatProblem, type RawCell, type TableSource } from '../core/model';
import { coefficientOfVariation, disruptionLevel as coreDisruptionLevel, gini as coreGini } from '../core/metrics/basics';
import { attainmentSpreadPts } from '../core/metrics/attainment';
import * as balance from '../core/metrics/balance';
import * as handoff from '../core/metrics/handoff';
import { readTerritoryData } from '../core/read/index';
import { auditTerritories } from '../core/triggers/index';
import { divisionByZero, invalidValue } from './errors';
import { isBlank } from '../core/read/cells';
import { asFraction, numberGrid, numberRows, numbers, optionalFlag, optionalNumber, requiredNumber, today } from './inputs';

/**
 * Attainment spread in points between the highest and the lowest rep (1.3 and 0.6 → 70).
 * @customfunction ATTAINMENT_SPREAD ATTAINMENT_SPREAD
 * @param attainments One row per rep: one attainment column, or four quarter columns (averaged per rep). Fractions (1.3 = 130%) or percents.
 * @returns The spread in points.
 */
export function attainmentSpread(attainments: any[][]): number {
  const spread = attainmentSpreadPts(numberRows(attainments, 'attainments').map((row) => row.map(asFraction)));
  if (spread === null) throw invalidValue('attainments: no attainment values in the range');
  return spread;
}

/**
 * Audits the territories against the rebalance triggers: spills Trigger | Status | Evidence and a verdict row.
 * @customfunction TRIGGER_CHECK TRIGGER_CHECK
 * @param reps The whole Reps table, header row included.
 * @param accounts The whole Accounts table, header row included.
 * @param [settings] The Settings table (name/value pairs).
 * @returns A table: FIRED / OK / NOT A TRIGGER per trigger, then the verdict.
 */
export function triggerCheck(reps: any[][], accounts: any[][], settings?: any[][]): string[][] {
  const table = (sheet: string, values: unknown): TableSource => ({ sheet, origin: { row: 1, col: 1 }, values: rawCells(values) });
  const settingsTable = settings == null ? undefined : table('Settings', settings);
  const data = readTerritoryData({ reps: table('Reps', reps), accounts: table('Accounts', accounts), settings: settingsTable });
  const errors = data.problems.filter((p) => p.severity === 'error');
  if (data.reps.length === 0 || data.accounts.length === 0) {
    throw invalidValue(errors.length > 0 ? formatProblem(errors[0]) : 'reps and accounts need a header row and at least one data row');
  }
  const audit = auditTerritories(data);
  const rows = [['Trigger', 'Status', 'Evidence'], ...audit.triggers.map((t) => [t.name, t.status, t.evidence])];
  if (errors.length > 0) rows.push(['Data problems', `${errors.length} skipped`, errors.slice(0, 3).map(formatProblem).join('; ')]);
  rows.push(['Verdict', audit.verdict, audit.verdictReason]);
  return rows;
}

/**
 * Potential index: 100 × (potential / FTE) / (total potential / total FTE); 100 = fair share.
 * @customfunction POTENTIAL_INDEX POTENTIAL_INDEX
 * @param potential This territory's potential.
 * @param allPotentials Every territory's potential.
 * @param [fte] This rep's FTE (default 1).
 * @param [allFte] Every rep's FTE (default 1 each); needed when fte is given.
 * @returns The index (100 = fair share).
 */
export function potentialIndex(potential: number, allPotentials: any[][], fte?: number, allFte?: any[][]): number {
  const own = requiredNumber(potential, 'potential');
  const all = numbers(allPotentials, 'allPotentials');
  const ownFte = optionalNumber(fte, 'fte');
  const fteList = allFte == null ? undefined : numbers(allFte, 'allFte');
  if (ownFte !== null && !fteList) throw invalidValue('allFte is needed when fte is given');
  if (ownFte !== null && ownFte <= 0) throw invalidValue(`fte: ${ownFte} is not a positive FTE`);
  const index = balance.potentialIndex(own, all, ownFte ?? 1, fteList);
  if (index === null) throw divisionByZero('the total potential or the total FTE is zero');
  return index;
}

/**
 * "Over", "Under" or "In band" against the mean of all values ± the tolerance.
 * @customfunction BALANCE_STATUS BALANCE_STATUS
 * @param value The territory's value.
 * @param allValues Every territory's value.
 * @param [tolerance] Band around the mean as a fraction (default 0.15).
 * @returns Over, Under or In band.
 */
export function balanceStatus(value: number, allValues: any[][], tolerance?: number): string {
  const status = balance.balanceStatus(requiredNumber(value, 'value'), numbers(allValues, 'allValues'), tolerance_(tolerance));
  return status ?? 'In band';
}

/**
 * How many values lie outside the mean ± the tolerance.
 * @customfunction OUT_OF_BAND_COUNT OUT_OF_BAND_COUNT
 * @param values One value per territory.
 * @param [tolerance] Band around the mean as a fraction (default 0.15).
 * @returns The count of values out of band.
 */
export function outOfBandCount(values: any[][], tolerance?: number): number {
  return balance.outOfBandCount(numbers(values, 'values'), tolerance_(tolerance));
}

/**
 * The largest value's share of the total (one customer's share of a territory's revenue).
 * @customfunction CONCENTRATION CONCENTRATION
 * @param revenues Revenue per account.
 * @returns A fraction (0.65 = 65%).
 */
export function concentration(revenues: any[][]): number {
  const share = balance.concentration(numbers(revenues, 'revenues'));
  if (share === null) throw divisionByZero('revenues: the total is not positive');
  return share;
}

/**
 * Coefficient of variation (population) of workload per FTE.
 * @customfunction WORKLOAD_CV WORKLOAD_CV
 * @param workloads Workload per rep.
 * @param [fte] FTE per rep, the same size as workloads (blank = 1).
 * @returns The coefficient of variation.
 */
export function workloadCV(workloads: any[][], fte?: any[][]): number {
  if (fte == null) return coefficientOfVariation(numbers(workloads, 'workloads'));
  const w = numberGrid(workloads, 'workloads').flat();
  const f = numberGrid(fte, 'fte').flat();
  if (w.length !== f.length) throw invalidValue(`fte has ${f.length} cells but workloads has ${w.length}; give one FTE per workload`);
  const pairs = w.flatMap((v, i) => (v === null ? [] : [[v, f[i] ?? 1] as const]));
  if (pairs.length === 0) throw invalidValue('workloads: no numbers in the range');
  const bad = pairs.find(([, x]) => x <= 0);
  if (bad) throw invalidValue(`fte: ${bad[1]} is not a positive FTE`);
  return balance.workloadCV(pairs.map(([v]) => v), pairs.map(([, x]) => x)) as number;
}

/**
 * Workload over capacity (1 = 100%, above 1 = over capacity).
 * @customfunction CAPACITY_UTILIZATION CAPACITY_UTILIZATION
 * @param workload The rep's workload.
 * @param capacity The rep's capacity.
 * @returns The utilization as a fraction.
 */
export function capacityUtilization(workload: number, capacity: number): number {
  const u = balance.capacityUtilization(requiredNumber(workload, 'workload'), requiredNumber(capacity, 'capacity'));
  if (u === null) throw divisionByZero('capacity must be positive');
  return u;
}

/**
 * Gini coefficient: mean absolute difference / (2 × mean); 0 = perfectly even.
 * @customfunction GINI GINI
 * @param values One value per territory.
 * @returns The Gini coefficient.
 */
export function gini(values: any[][]): number {
  return coreGini(numbers(values, 'values'));
}

/**
 * Disruption of moving an account: High (Stage 3+ or strategic), Medium (revenue, open pipeline at Stage 1-2, or activity in the last 90 days), Low.
 * @customfunction DISRUPTION_LEVEL DISRUPTION_LEVEL
 * @param maxStage Highest open-opportunity stage, 0-5 (0 = none).
 * @param revenueTTM Revenue in the last 12 months.
 * @param openPipeline Open pipeline amount.
 * @param [lastActivity] Date of the last activity.
 * @param [strategic] TRUE for a strategic account.
 * @param [asOf] Date the 90 days count back from, e.g. the Settings' As Of Date (default: today).
 * @returns High, Medium or Low.
 */
export function disruptionLevel(maxStage: number, revenueTTM: number, openPipeline: number, lastActivity?: number, strategic?: boolean, asOf?: number): string {
  return coreDisruptionLevel(
    {
      maxStage: stage(maxStage),
      revenueTTM: requiredNumber(revenueTTM, 'revenueTTM'),
      pipeline: requiredNumber(openPipeline, 'openPipeline'),
      openOpps: 0,
      lastActivity: optionalNumber(lastActivity, 'lastActivity'),
      strategic: optionalFlag(strategic, 'strategic'),
    },
    DEFAULT_SETTINGS,
    optionalNumber(asOf, 'asOf') ?? today(),
  );
}

/**
 * The pipeline handoff rule for an account (Stage 1-2 transfer with a warm intro, Stage 3+ retained through close, renewals with a joint call).
 * @customfunction HANDOFF_RULE HANDOFF_RULE
 * @param maxStage Highest open-opportunity stage, 0-5 (0 = none).
 * @param [isRenewal] TRUE for renewal pipeline.
 * @returns The rule as text.
 */
export function handoffRule(maxStage: number, isRenewal?: boolean): string {
  return handoff.handoffRule(stage(maxStage), optionalFlag(isRenewal, 'isRenewal'));
}

/**
 * The new rep's share of a transferred deal's credit: 0.5 when it closes within 60 days of the transfer, else 1.
 * @customfunction CREDIT_SPLIT CREDIT_SPLIT
 * @param transferDate Date the account transfers.
 * @param closeDate Date the deal closes.
 * @returns The new rep's share.
 */
export function creditSplit(transferDate: number, closeDate: number): number {
  return handoff.creditSplit(requiredNumber(transferDate, 'transferDate'), requiredNumber(closeDate, 'closeDate'));
}

function tolerance_(value: unknown): number {
  const t = optionalNumber(value, 'tolerance');
  if (t !== null && t < 0) throw invalidValue(`tolerance: ${t} is negative`);
  return t ?? 0.15;
}

function stage(value: unknown): number {
  const s = requiredNumber(value, 'maxStage');
  if (!Number.isInteger(s) || s < 0 || s > 5) throw invalidValue(`maxStage: ${s} is not a stage from 0 to 5`);
  return s;
}

function rawCells(values: unknown): RawCell[][] {
  const rows = Array.isArray(values) ? values : [[values]];
  return rows.map((row) =>
    (Array.isArray(row) ? row : [row]).map((cell): RawCell => {
      if (isBlank(cell)) return null;
      if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean' || cell instanceof Date) return cell;
      return String(cell);
    }),
  );
}
