/**
 * The nouns of SPEC.md: accounts, reps, settings, problems, metrics, triggers, scenarios, plans
 * and moves. Pure types plus the Settings defaults (from the seeds); no logic beyond that.
 *
 * Units used everywhere in the core:
 * - attainment is a fraction (1.3 = 130%); an attainment *spread* is in points (70 = 70 pts);
 * - money is in the workbook's currency, unscaled;
 * - dates are Excel serial day numbers (1900 system, 45658 = 2025-01-01);
 * - distances are miles.
 */

// ---------------------------------------------------------------- problems

export type Severity = 'error' | 'warning' | 'info';

/** A located problem. `cell` is an A1 address on `sheet` ("E18"), or a range ("A1:K1"), or "" for the sheet. */
export interface Problem {
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
}

/** `Accounts!E18: Potential "abc" is not a number` */
export function formatProblem(p: Problem): string {
  const where = p.cell ? `${p.sheet}!${p.cell}` : p.sheet;
  return `${where}: ${p.message}`;
}

/** Throws the errors among `problems` (one per line); returns the problems (warnings) when there are none. */
export function stopOnErrors(problems: Problem[]): Problem[] {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map(formatProblem).join('\n'));
  return problems;
}

/**
 * Apply's and Undo's one rule before they write: stop on errors; when there is nothing to do
 * (`somethingToDo` false), stop with the problems that say why, or `nothing` when none does. Returns the
 * problems (warnings, notes) to report beside the result.
 */
export function stopUnlessSomethingToDo(problems: Problem[], somethingToDo: boolean, nothing: string): Problem[] {
  stopOnErrors(problems);
  if (!somethingToDo) throw new Error(problems.map(formatProblem).join('\n') || nothing);
  return problems;
}

// ---------------------------------------------------------------- raw tables

/** What Office.js (`values`) and ExcelJS give for one cell, after hosts normalise rich values. */
export type RawCell = string | number | boolean | Date | null;

/** A table as read from a workbook: the header row first, then data rows. */
export interface TableSource {
  /** Sheet name, used in every problem message. */
  sheet: string;
  /** 1-based sheet row and column of the header row's first cell (so values[r][c] is at row+r, col+c). */
  origin: { row: number; col: number };
  values: RawCell[][];
  /** Excel Table (ListObject) name when the table came from one. */
  tableName?: string;
}

export interface WorkbookTables {
  accounts: TableSource;
  reps: TableSource;
  settings?: TableSource;
}

// ---------------------------------------------------------------- domain

export type Segment = 'SMB' | 'Mid-Market' | 'Enterprise';
export type RepStatus = 'Active' | 'Departing' | 'New';
export type DisruptionLevel = 'Low' | 'Medium' | 'High';

export interface Account {
  id: string;
  name: string;
  /** Current owner as a Rep.id; null = unassigned. */
  owner: string | null;
  /** 1-based sheet row the account came from (for problem messages and Apply). */
  row: number;
  potential: number;
  /** True when potential was filled by the proxy model rather than read. */
  potentialEstimated: boolean;
  revenueTTM: number;
  pipeline: number;
  openOpps: number;
  /** Highest open-opportunity stage, 1-5; 0 = no open opportunity. */
  maxStage: number;
  renewal: boolean;
  /** Excel serial date of the last activity, or null. */
  lastActivity: number | null;
  /** Effort per period; default 1 per account scaled by segment (SPEC §1). */
  workload: number;
  segment: Segment | null;
  lat: number | null;
  lon: number | null;
  region: string | null;
  industry: string | null;
  employees: number | null;
  /** Annual growth rate as a fraction (0.12 = 12%); 0 when unknown. */
  growthRate: number;
  locked: boolean;
  strategic: boolean;
}

export interface Rep {
  /** The key Accounts.Owner matches (the Rep ID column, or the name when there is no ID column). */
  id: string;
  name: string;
  status: RepStatus;
  fte: number;
  quota: number | null;
  /** Trailing quarters of attainment, oldest first, as fractions; empty when unknown. */
  attainment: number[];
  capacity: number | null;
  homeLat: number | null;
  homeLon: number | null;
  tenureMonths: number | null;
  region: string | null;
  manager: string | null;
  row: number;
}

/**
 * True when an account with this owner gets a new one in every plan, a placement rather than a move:
 * it has no owner, its owner is not on the Reps sheet, or its owner is departing. (The reader turns
 * unknown owners into none; data built in code may not.)
 */
export function needsPlacement(owner: string | null, repsById: ReadonlyMap<string, Rep>): boolean {
  const rep = owner === null ? undefined : repsById.get(owner);
  return rep === undefined || rep.status === 'Departing';
}

/** Metrics the optimizer can balance (SPEC §4, custom scenario). */
export type BalanceMetric = 'potential' | 'growthPotential' | 'workload' | 'accounts' | 'revenue';

export interface Settings {
  /** ± band around fair share, as a fraction (0.15). */
  band: number;
  /** Tighter band used by the Balanced scenario. */
  balancedBand: number;
  /** Band on workload used by the Balanced scenario. */
  balancedWorkloadBand: number;
  healthySpreadPts: number;
  triggerSpreadPts: number;
  /** One customer above this share of a territory's revenue fires the concentration trigger. */
  concentrationTrigger: number;
  /** Headcount change above this fraction fires the headcount trigger. */
  headcountChangeTrigger: number;
  /** Open opportunities at this stage or later stay with the current rep through close. */
  handoffStage: number;
  handoffDeadlineDays: number;
  creditSplitWindowDays: number;
  /** The new rep's share for deals closing inside the window. */
  creditSplitShare: number;
  transitionWeeks: Record<Segment, [number, number]>;
  checkpointDays: number[];
  /** An actual more than this fraction under projection raises the alarm. */
  underProjectionAlarm: number;
  disruptionWeights: Record<DisruptionLevel, number>;
  /** "Activity in the last N days" makes an account Medium disruption. */
  activityWindowDays: number;
  /** Ramp: tenure below `belowMonths` gets `share` of a full fair share; full after the last step. */
  ramp: { belowMonths: number; share: number }[];
  /** Candidate reps per account besides the current one (nearest by distance). */
  candidateReps: number;
  maxDistanceMiles: number | null;
  /** Allow Stage 3+ accounts to move (default false). */
  allowStage3Moves: boolean;
  /** Rebalance only within each Region. */
  withinRegion: boolean;
  /** Reference date for "last 90 days" (Excel serial). Default: the latest Last Activity in the data, so the same workbook gives the same answer. */
  asOfDate: number | null;
  /** User-declared events (SPEC §2): text describing the event, or null. */
  declared: {
    icpShift: string | null;
    mergerAcquisition: string | null;
    newSegment: string | null;
    /** Who asked for a rebalance (Settings "Rebalance Requested By"); a request with no fired data trigger is "pressure with no data" (seed 001). Optional: undefined = not read. */
    requestedBy?: string | null;
  };
  /** Headcount at the last plan, for the headcount trigger; null = compare New/Departing against Active. */
  previousHeadcount: number | null;
  /** The user-defined scenario. */
  custom: { name: string; balanceOn: BalanceMetric; band: number; travelWeight: number; disruptionWeight: number };
  /** Optimizer time limit for all scenarios together, in seconds. */
  timeLimitSeconds: number;
}

export const DEFAULT_SETTINGS: Settings = {
  band: 0.15,
  balancedBand: 0.1,
  balancedWorkloadBand: 0.2,
  healthySpreadPts: 25,
  triggerSpreadPts: 30,
  concentrationTrigger: 0.6,
  headcountChangeTrigger: 0.1,
  handoffStage: 3,
  handoffDeadlineDays: 90,
  creditSplitWindowDays: 60,
  creditSplitShare: 0.5,
  transitionWeeks: { SMB: [2, 4], 'Mid-Market': [4, 6], Enterprise: [6, 8] },
  checkpointDays: [30, 60, 90],
  underProjectionAlarm: 0.15,
  disruptionWeights: { Low: 1, Medium: 3, High: 10 },
  activityWindowDays: 90,
  ramp: [
    { belowMonths: 6, share: 0.5 },
    { belowMonths: 12, share: 0.75 },
  ],
  candidateReps: 8,
  maxDistanceMiles: null,
  allowStage3Moves: false,
  withinRegion: false,
  asOfDate: null,
  declared: { icpShift: null, mergerAcquisition: null, newSegment: null, requestedBy: null },
  previousHeadcount: null,
  custom: { name: 'Custom', balanceOn: 'growthPotential', band: 0.15, travelWeight: 1, disruptionWeight: 1 },
  timeLimitSeconds: 60,
};

/** Which column of the sheet a model field was read from (shown in the pane; user can change it). */
export interface ColumnMapping {
  table: 'Accounts' | 'Reps' | 'Settings';
  field: string;
  header: string | null;
  /** Column letter on the sheet, or null when the field was not found. */
  column: string | null;
}

/** The six-item data checklist of seed 001. */
export interface ChecklistItem {
  item: 'Territory definitions' | 'Rep-to-account assignments' | 'Revenue TTM' | 'Account potential' | 'Rep capacity' | 'Trailing 4Q attainment';
  status: 'found' | 'partial' | 'missing';
  detail: string;
}

/** How missing potential was estimated (seed 001/003); reported, never silent. */
export interface PotentialModelReport {
  features: string[];
  trainedOn: number;
  estimated: number;
  /** R² of log(potential) on held-out accounts. */
  holdoutR2: number;
  /** Median absolute percentage error on held-out accounts. */
  holdoutMedianAPE: number;
  description: string;
}

export interface TerritoryData {
  accounts: Account[];
  reps: Rep[];
  settings: Settings;
  problems: Problem[];
  mapping: ColumnMapping[];
  checklist: ChecklistItem[];
  potentialModel: PotentialModelReport | null;
  /** The tables as read, so hosts can Apply back to the right cells. */
  source: { accountsSheet: string; repsSheet: string; ownerColumn: string | null };
}

// ---------------------------------------------------------------- metrics and triggers

export interface TerritoryMetrics {
  repId: string;
  accounts: number;
  potential: number;
  revenueTTM: number;
  pipeline: number;
  workload: number;
  capacity: number | null;
  /** workload / capacity, or null without capacity. */
  utilization: number | null;
  /** The rep's fair share of potential (team potential × effective FTE share). */
  fairShare: number;
  /** 100 = fair share per effective FTE. */
  potentialIndex: number;
  /** Largest single account's share of the territory's revenue TTM (0 when no revenue). */
  topAccountShare: number;
  avgDistanceMiles: number | null;
  /** Trailing-4Q attainment (mean of available quarters), or null. */
  attainment: number | null;
  /** Names of the metrics out of band for this territory. */
  outOfBand: string[];
}

export interface TeamMetrics {
  attainmentSpreadPts: number | null;
  workloadCV: number;
  /** Max |potential / fair share - 1| over active reps. */
  potentialMaxDeviation: number;
  potentialCV: number;
  potentialGini: number;
}

export type TriggerStatus = 'FIRED' | 'OK' | 'NOT A TRIGGER';

export interface TriggerResult {
  id: string;
  name: string;
  status: TriggerStatus;
  evidence: string;
}

export type Verdict = 'Rebalance' | 'Review' | 'Hold';

export interface Audit {
  territories: TerritoryMetrics[];
  team: TeamMetrics;
  triggers: TriggerResult[];
  verdict: Verdict;
  verdictReason: string;
  /** Territories with 2+ metrics out of band. */
  candidates: { repId: string; outOfBand: string[] }[];
}

// ---------------------------------------------------------------- scenarios and plans

export type ScenarioKind = 'Minimal' | 'Balanced' | 'Redesign' | 'Custom';

export interface ScenarioSpec {
  name: string;
  kind: ScenarioKind;
  balanceOn: BalanceMetric;
  /** ± band on the balanced metric. */
  band: number;
  /** Optional ± band on workload (Balanced). */
  workloadBand: number | null;
  /** Redesign: current ownership carries no weight. */
  ignoreCurrentOwners: boolean;
  /** Multiplier of disruption cost in the objective. */
  disruptionWeight: number;
  /** Multiplier of travel distance in the objective. */
  travelWeight: number;
  withinRegion: boolean;
}

export interface Move {
  accountId: string;
  from: string | null;
  to: string;
  /** Plain language, with the numbers. */
  reason: string;
  disruption: DisruptionLevel;
  /** True when the account had to be placed (unassigned or a departing rep's): not a broken relationship, still reported. */
  placement: boolean;
}

export interface PlanMetrics {
  moves: number;
  movesByDisruption: Record<DisruptionLevel, number>;
  placements: number;
  revenueMoved: number;
  pipelineMoved: number;
  potentialMoved: number;
  /** Max |potential / fair share - 1| over active reps, before and after. */
  potentialSpreadBefore: number;
  potentialSpreadAfter: number;
  workloadCVBefore: number;
  workloadCVAfter: number;
  /** Projected attainment spread in points (quota recalibration assumed); null without attainment data. */
  attainmentSpreadBeforePts: number | null;
  attainmentSpreadAfterPts: number | null;
  /** Sum over accounts of the distance to the owner's home, in miles; null without coordinates. */
  travelBeforeMiles: number | null;
  travelAfterMiles: number | null;
  /** The disruption-weighted move cost (the Minimal objective). */
  disruptionCost: number;
}

export interface PlanCheck {
  ok: boolean;
  /** Every violated hard rule, in words. Empty when ok. */
  violations: string[];
  /** Whether every active rep is inside the band (recomputed, not taken from the solver). */
  bandMet: boolean;
  /** The worst |value / target - 1| over active reps, recomputed. */
  worstDeviation: number;
}

export type PlanStatus = 'optimal' | 'feasible' | 'band-not-met' | 'cancelled';

export interface Plan {
  scenario: ScenarioSpec;
  /** New owner per account, aligned with TerritoryData.accounts. */
  owners: string[];
  moves: Move[];
  /** True when every hard rule holds and the band is met (as recomputed by the checker). */
  feasible: boolean;
  status: PlanStatus;
  /** Why the band could not be met: the locked / oversized accounts, the missing capacity. Empty when feasible. */
  blockers: string[];
  /** The tightest band reachable (fraction), computed when the band cannot be met; else the scenario's band. */
  tightestBand: number;
  metrics: PlanMetrics;
  /** Objective value of the plan and the best lower bound known (LP relaxation). */
  objective: number;
  lowerBound: number | null;
  /** Which engine produced it: HiGHS (WebAssembly) or the pure-TypeScript fallback. */
  engine: 'highs' | 'typescript';
  check: PlanCheck;
  elapsedMs: number;
}

export interface RebalanceResult {
  audit: Audit;
  plans: Plan[];
  problems: Problem[];
  /** Notes about the run (e.g. "HiGHS could not load; used the TypeScript fallback"). */
  notes: string[];
}
