/**
 * The Settings table (Name / Value pairs) → Settings. Names match case-insensitively, ignoring
 * punctuation and units in parentheses ("Max Distance (miles)" = "max distance"). Blank values keep
 * the default (DEFAULT_SETTINGS, from the seeds); bad values keep it too, with a warning; unknown
 * names are reported and ignored.
 */
import { DEFAULT_SETTINGS, type BalanceMetric, type DisruptionLevel, type RawCell, type Segment, type Settings } from '../model';
import { displayCell, isBlank, parseBoolean, parseDate, parseFraction, parseNumber, parseText, squash } from './cells';
import type { TableReader } from './table';

/** Applies a value; returns null on success or what was expected ("a number"). */
type Apply = (s: Settings, raw: RawCell) => string | null;

export function cloneSettings(s: Settings): Settings {
  return {
    ...s,
    transitionWeeks: { SMB: [...s.transitionWeeks.SMB], 'Mid-Market': [...s.transitionWeeks['Mid-Market']], Enterprise: [...s.transitionWeeks.Enterprise] },
    checkpointDays: [...s.checkpointDays],
    disruptionWeights: { ...s.disruptionWeights },
    ramp: s.ramp.map((step) => ({ ...step })),
    declared: { ...s.declared },
    custom: { ...s.custom },
  };
}

function num(raw: RawCell, check: (v: number) => boolean, set: (v: number) => void, expected = 'a number'): string | null {
  const p = parseNumber(raw);
  if (!p.ok || p.value === null || !check(p.value)) return expected;
  set(p.value);
  return null;
}

/** A fraction (15% / 0.15 / 15 → 0.15) strictly between 0 and 1. */
const fraction = (set: (s: Settings, v: number) => void): Apply => (s, raw) => {
  const p = parseFraction(raw, 1);
  if (!p.ok || p.value === null || p.value <= 0 || p.value >= 1) return 'a percentage between 0% and 100%';
  set(s, p.value);
  return null;
};

/** Attainment points (30 / 30% / 0.3 → 30). */
const points = (set: (s: Settings, v: number) => void): Apply => (s, raw) => {
  const p = parseFraction(raw, 1);
  if (!p.ok || p.value === null || p.value <= 0) return 'a number of points';
  set(s, Math.round(p.value * 100 * 1e9) / 1e9);
  return null;
};

const positive = (set: (s: Settings, v: number) => void): Apply => (s, raw) => num(raw, (v) => v > 0, (v) => set(s, v), 'a positive number');
const nonNegative = (set: (s: Settings, v: number) => void): Apply => (s, raw) => num(raw, (v) => v >= 0, (v) => set(s, v), 'a number of 0 or more');
const wholeNumber = (set: (s: Settings, v: number) => void): Apply => (s, raw) => num(raw, (v) => v >= 0 && Number.isInteger(v), (v) => set(s, v), 'a whole number');

const flag = (set: (s: Settings, v: boolean) => void): Apply => (s, raw) => {
  const p = parseBoolean(raw);
  if (!p.ok || p.value === null) return 'Y or N';
  set(s, p.value);
  return null;
};

/** A declared event: blank / N / No → none; anything else is the user's description of it. */
const declared = (key: keyof Settings['declared']): Apply => (s, raw) => {
  const b = parseBoolean(raw);
  if (b.ok && b.value === false) s.declared[key] = null;
  else s.declared[key] = b.ok && b.value === true ? 'Yes' : parseText(raw);
  return null;
};

/** "2-4", "2 to 4", or one number. */
const weeks = (seg: Segment): Apply => (s, raw) => {
  const text = displayCell(raw);
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:-|–|to)?\s*(\d+(?:\.\d+)?)?\s*(?:weeks?)?\s*$/i.exec(text);
  if (!m) return 'weeks such as "2-4"';
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (hi < lo) return 'weeks such as "2-4"';
  s.transitionWeeks[seg] = [lo, hi];
  return null;
};

const BALANCE_WORDS: Record<string, BalanceMetric> = {
  potential: 'potential',
  growthpotential: 'growthPotential',
  growthadjustedpotential: 'growthPotential',
  growth: 'growthPotential',
  workload: 'workload',
  accounts: 'accounts',
  accountcount: 'accounts',
  count: 'accounts',
  revenue: 'revenue',
  revenuettm: 'revenue',
};

const SETTINGS: [string[], Apply][] = [
  [['Balance Band', 'Band', 'Fair Share Band', 'Potential Band'], fraction((s, v) => (s.band = v))],
  [['Balanced Band', 'Balanced Scenario Band'], fraction((s, v) => (s.balancedBand = v))],
  [['Balanced Workload Band', 'Workload Band'], fraction((s, v) => (s.balancedWorkloadBand = v))],
  [['Healthy Attainment Spread', 'Healthy Spread'], points((s, v) => (s.healthySpreadPts = v))],
  [['Attainment Spread Trigger', 'Spread Trigger'], points((s, v) => (s.triggerSpreadPts = v))],
  [['Concentration Trigger', 'Single Customer Concentration', 'Customer Concentration Trigger', 'Revenue Concentration Trigger'], fraction((s, v) => (s.concentrationTrigger = v))],
  [['Headcount Change Trigger', 'Headcount Trigger', 'Headcount Change'], fraction((s, v) => (s.headcountChangeTrigger = v))],
  [['Handoff Stage', 'Protected Stage'], (s, raw) => num(raw, (v) => Number.isInteger(v) && v >= 1 && v <= 5, (v) => (s.handoffStage = v), 'a stage from 1 to 5')],
  [['Handoff Deadline (days)', 'Handoff Deadline'], positive((s, v) => (s.handoffDeadlineDays = v))],
  [['Credit Split Window (days)', 'Credit Split Window'], nonNegative((s, v) => (s.creditSplitWindowDays = v))],
  [['Credit Split', 'Credit Split Share', 'New Rep Credit Share'], (s, raw) => {
    // "50/50" = old rep / new rep; the new rep's share is the second part.
    const m = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(displayCell(raw));
    if (m && Number(m[1]) + Number(m[2]) > 0) {
      s.creditSplitShare = Number(m[2]) / (Number(m[1]) + Number(m[2]));
      return null;
    }
    return fraction((x, v) => (x.creditSplitShare = v))(s, raw) === null ? null : 'a share such as "50/50" or 50%';
  }],
  ...(['SMB', 'Mid-Market', 'Enterprise'] as Segment[]).map((seg): [string[], Apply] => [
    [`Transition Weeks ${seg}`, `${seg} Transition Weeks`, `${seg} Transition`, `Transition ${seg}`, `${seg} Transition Window`],
    weeks(seg),
  ]),
  [['Checkpoint Days', 'Checkpoints', 'Check-ins', 'Check-in Days'], (s, raw) => {
    const parts = displayCell(raw).split(/[\s,;/]+/).filter((x) => x !== '').map(Number);
    if (parts.length === 0 || parts.some((d) => !Number.isFinite(d) || d <= 0)) return 'days such as "30/60/90"';
    s.checkpointDays = parts;
    return null;
  }],
  [['Under-Projection Alarm', 'Under Projection Alarm', 'Shortfall Alarm'], fraction((s, v) => (s.underProjectionAlarm = v))],
  ...(['Low', 'Medium', 'High'] as DisruptionLevel[]).map((lvl): [string[], Apply] => [
    [`Disruption Weight ${lvl}`, `${lvl} Disruption Weight`, `${lvl} Weight`],
    nonNegative((s, v) => (s.disruptionWeights[lvl] = v)),
  ]),
  [['Activity Window (days)', 'Activity Window', 'Recent Activity Days'], positive((s, v) => (s.activityWindowDays = v))],
  [['Candidate Reps', 'Candidate Reps per Account', 'Nearest Reps'], wholeNumber((s, v) => (s.candidateReps = v))],
  [['Max Distance (miles)', 'Max Distance', 'Maximum Distance', 'Max Travel Distance'], positive((s, v) => (s.maxDistanceMiles = v))],
  [['Allow Stage 3 Moves', 'Allow Stage 3+ Moves', 'Move Stage 3 Accounts'], flag((s, v) => (s.allowStage3Moves = v))],
  [['Rebalance Within Region', 'Within Region', 'Rebalance Within Regions', 'Within Each Region'], flag((s, v) => (s.withinRegion = v))],
  [['As Of Date', 'As Of', 'Reference Date'], (s, raw) => {
    const p = parseDate(raw);
    if (!p.ok || p.value === null) return 'a date';
    s.asOfDate = p.value;
    return null;
  }],
  [['ICP Shift', 'ICP Change'], declared('icpShift')],
  [['M&A', 'M&A Activity', 'Merger', 'Acquisition', 'Merger or Acquisition', 'Mergers and Acquisitions'], declared('mergerAcquisition')],
  [['New Segment', 'New Segment Entry', 'Segment Entry'], declared('newSegment')],
  [['Rebalance Requested By', 'Requested By', 'Rebalance Request', 'Rebalance Requested'], declared('requestedBy')],
  [['Previous Headcount', 'Prior Headcount', 'Headcount at Last Plan', 'Last Headcount'], nonNegative((s, v) => (s.previousHeadcount = v))],
  [['Custom Scenario Name', 'Custom Scenario', 'Custom Name'], (s, raw) => {
    s.custom.name = parseText(raw) ?? s.custom.name;
    return null;
  }],
  [['Custom Scenario Balance', 'Custom Balance', 'Custom Balance On', 'Custom Scenario Balance On'], (s, raw) => {
    const metric = BALANCE_WORDS[squash(displayCell(raw))];
    if (!metric) return 'potential, growth-adjusted potential, workload, account count or revenue';
    s.custom.balanceOn = metric;
    return null;
  }],
  [['Custom Scenario Band', 'Custom Band'], fraction((s, v) => (s.custom.band = v))],
  [['Custom Travel Weight', 'Custom Scenario Travel Weight', 'Travel Weight'], nonNegative((s, v) => (s.custom.travelWeight = v))],
  [['Custom Disruption Weight', 'Custom Scenario Disruption Weight', 'Disruption Weight'], nonNegative((s, v) => (s.custom.disruptionWeight = v))],
  [['Time Limit (s)', 'Time Limit', 'Time Limit (seconds)', 'Optimizer Time Limit'], positive((s, v) => (s.timeLimitSeconds = v))],
];

const nameKey = (name: string) => squash(name);
const looseNameKey = (name: string) => squash(name.replace(/\([^)]*\)/g, ''));

const BY_NAME = new Map<string, Apply>();
for (const [names, apply] of SETTINGS) {
  for (const n of names) {
    BY_NAME.set(nameKey(n), apply);
    if (!BY_NAME.has(looseNameKey(n))) BY_NAME.set(looseNameKey(n), apply);
  }
}

function lookup(name: string): Apply | undefined {
  return BY_NAME.get(nameKey(name)) ?? BY_NAME.get(looseNameKey(name));
}

/** True when `name` is a setting this reader knows. */
export function isKnownSetting(name: string): boolean {
  return lookup(name) !== undefined;
}

/**
 * Read the Settings table. Without Name/Value headers the first two columns are used, and a header
 * row that is itself a known setting is read as data.
 */
export function readSettings(t: TableReader | null): Settings {
  const settings = cloneSettings(DEFAULT_SETTINGS);
  if (t === null) return settings;
  let firstRow = 1;
  if (t.resolved.positional && isKnownSetting(displayCell(t.raw(0, 'name')))) firstRow = 0;
  // by setting, not by spelling: "Band" and then "Balance Band" set the same thing
  const seen = new Map<Apply, { row: number; name: string }>();
  for (let r = firstRow; r <= t.dataRows; r++) {
    const name = displayCell(t.raw(r, 'name'));
    const raw = t.raw(r, 'value');
    if (name === '') {
      if (!isBlank(raw)) t.report('warning', r, 'value', `Setting value "${displayCell(raw)}" has no name; ignored`);
      continue;
    }
    const apply = lookup(name);
    if (!apply) {
      t.report('warning', r, 'name', `Setting "${name}" is not recognised; ignored`);
      continue;
    }
    const earlier = seen.get(apply);
    if (earlier !== undefined)
      t.report('warning', r, 'name', `Setting "${name}" repeats ${earlier.name === name ? '' : `"${earlier.name}" (`}row ${earlier.row}${earlier.name === name ? '' : ')'}; this later value is used`);
    seen.set(apply, { row: t.sheetRow(r), name });
    if (isBlank(raw)) continue;
    const expected = apply(settings, raw);
    if (expected !== null) t.report('warning', r, 'value', `${name} "${displayCell(raw)}" is not ${expected}; the default is kept`);
  }
  return settings;
}
