/**
 * The Reps table → Rep[]. Defaults: Status Active, FTE 1. Attainment from four quarter columns
 * (oldest first by header order) or one column. Tenure from "Tenure (months)", or from Hire Date
 * relative to the as-of date once the accounts are read (see `fillTenureFromHireDates`).
 */
import type { Problem, RawCell, Rep } from '../model';
import { ATTAINMENT_PERCENT_ABOVE, displayCell, parseNumber, plural } from './cells';
import { QUARTER_FIELDS, synonymsOf } from './headers';
import type { TableReader } from './table';

export interface RepsRead {
  reps: Rep[];
  /** Hire date (Excel serial) per rep, aligned with `reps`; null when not given. */
  hireDates: (number | null)[];
}

/** Average days per month, for tenure from a hire date. */
const DAYS_PER_MONTH = 365.25 / 12;

export function readReps(t: TableReader): RepsRead {
  const reps: Rep[] = [];
  const hireDates: (number | null)[] = [];
  const hasId = t.has('id');
  const keyField = hasId ? 'id' : 'name';
  if (!hasId && !t.has('name')) {
    const rows = countNonBlankRows(t);
    t.problems.push({
      severity: 'error',
      sheet: t.sheet,
      cell: t.columnRange(null),
      message: `No Rep ID or Rep Name column (looked for ${[...synonymsOf('Reps', 'id'), ...synonymsOf('Reps', 'name')].join(', ')}); ${plural(rows, 'rep row')} not read`,
    });
    return { reps, hireDates };
  }

  const seen = new Map<string, number>();
  const quarters = QUARTER_FIELDS.filter((q) => t.has(q));
  for (let r = 1; r <= t.dataRows; r++) {
    if (t.isBlankRow(r)) continue;
    let id = t.text(r, keyField);
    const name = t.text(r, 'name');
    if (id === null && name !== null && hasId) {
      t.report('warning', r, 'id', `${t.label('id')} is blank; using the name "${name}" as the ID`);
      id = name;
    }
    if (id === null) {
      t.report('error', r, keyField, `${t.label(keyField)} is blank; row skipped`);
      continue;
    }
    const dupOf = seen.get(id.toLowerCase());
    if (dupOf !== undefined) {
      t.report('error', r, keyField, `${t.label(keyField)} "${id}" duplicates row ${dupOf}; row skipped`);
      continue;
    }
    seen.set(id.toLowerCase(), t.sheetRow(r));

    const fteRaw = t.raw(r, 'fte');
    const fteText = `${t.label('fte')} "${displayCell(fteRaw)}"`;
    let fte = t.fraction(r, 'fte', 2) ?? 1;
    const bare = bareNumber(fteRaw);
    if (bare !== null && bare > 2 && bare < FTE_PERCENT_FROM) {
      // 2.5 reads as 2.5% (bare values above 2 are percents), which no one means for a rep's seat
      t.report('warning', r, 'fte', `${fteText} would be ${bare}% of a full-time seat; using 1 (type 0.5 or 50% for a half-time rep)`);
      fte = 1;
    } else if (fte < 0) {
      t.report('warning', r, 'fte', `${fteText} is negative; using 1`);
      fte = 1;
    } else if (fte > 2) {
      // 2 (200%) and below is a share of a full-time seat; anything above would make every other rep's fair share vanish
      t.report('warning', r, 'fte', `${fteText} is above 2 (200%); using 1`);
      fte = 1;
    }
    const attainment: number[] = [];
    if (quarters.length > 0) {
      for (const q of quarters) {
        const v = t.fraction(r, q, ATTAINMENT_PERCENT_ABOVE);
        if (v !== null) attainment.push(v);
      }
    } else {
      const v = t.fraction(r, 'attainment', ATTAINMENT_PERCENT_ABOVE);
      if (v !== null) attainment.push(v);
    }
    const home = t.coordinates(r, 'homeLat', 'homeLon');
    let tenureMonths = t.number(r, 'tenureMonths');
    if (tenureMonths !== null && tenureMonths < 0) {
      t.report('warning', r, 'tenureMonths', `${t.label('tenureMonths')} ${tenureMonths} is negative; tenure unknown`);
      tenureMonths = null;
    }
    reps.push({
      id,
      name: name ?? id,
      status: t.status(r, 'status') ?? 'Active',
      fte,
      quota: nonNegative(t, r, 'quota'),
      attainment,
      capacity: nonNegative(t, r, 'capacity'),
      homeLat: home.lat,
      homeLon: home.lon,
      tenureMonths,
      region: t.text(r, 'region'),
      manager: t.text(r, 'manager'),
      row: t.sheetRow(r),
    });
    hireDates.push(t.date(r, 'hireDate'));
  }
  warnSharedNames(t, reps);
  return { reps, hireDates };
}

function nonNegative(t: TableReader, r: number, field: string): number | null {
  const v = t.number(r, field);
  if (v !== null && v < 0) {
    t.report('warning', r, field, `${t.label(field)} ${v} is negative; ignored`);
    return null;
  }
  return v;
}

export function countNonBlankRows(t: TableReader): number {
  let n = 0;
  for (let r = 1; r <= t.dataRows; r++) if (!t.isBlankRow(r)) n++;
  return n;
}

/** Two reps with the same name: an owner written as that name goes to the first. */
function warnSharedNames(t: TableReader, reps: Rep[]): void {
  if (!t.has('id') || !t.has('name')) return;
  const byName = new Map<string, Rep[]>();
  for (const rep of reps) {
    const k = rep.name.toLowerCase();
    const list = byName.get(k);
    if (list) list.push(rep);
    else byName.set(k, [rep]);
  }
  for (const list of byName.values()) {
    if (list.length < 2) continue;
    t.problems.push({
      severity: 'warning',
      sheet: t.sheet,
      cell: `${t.columnOf('name')}${list[1].row}`,
      message: `Rep name "${list[0].name}" is used by ${list.length} reps (${list.map((x) => x.id).join(', ')}); owners written as this name go to ${list[0].id}`,
    });
  }
}

/**
 * Tenure from Hire Date where Tenure is not given, relative to `asOf` (Excel serial). Without an
 * as-of date the tenure stays unknown, and a warning says so.
 */
export function fillTenureFromHireDates(read: RepsRead, asOf: number | null, sheet: string, problems: Problem[]): void {
  let unknown = 0;
  read.reps.forEach((rep, i) => {
    const hire = read.hireDates[i];
    if (rep.tenureMonths !== null || hire === null) return;
    if (asOf === null) {
      unknown++;
      return;
    }
    rep.tenureMonths = Math.max(0, (asOf - hire) / DAYS_PER_MONTH);
  });
  if (unknown > 0) {
    problems.push({
      severity: 'warning',
      sheet,
      cell: '',
      message: `${plural(unknown, 'rep has', 'reps have')} a Hire Date but there is no As Of Date setting and no Last Activity date to measure tenure from; their tenure is unknown (no ramp applied)`,
    });
  }
}

/** Owner text → rep: exact ID, then ID ignoring case, then name ignoring case. */
export class RepIndex {
  private readonly byId = new Map<string, Rep>();
  private readonly byIdLower = new Map<string, Rep>();
  private readonly byNameLower = new Map<string, Rep>();

  constructor(reps: readonly Rep[]) {
    for (const rep of reps) {
      this.byId.set(rep.id, rep);
      if (!this.byIdLower.has(rep.id.toLowerCase())) this.byIdLower.set(rep.id.toLowerCase(), rep);
      if (!this.byNameLower.has(rep.name.toLowerCase())) this.byNameLower.set(rep.name.toLowerCase(), rep);
    }
  }

  find(owner: string): Rep | null {
    const lower = owner.toLowerCase();
    return this.byId.get(owner) ?? this.byIdLower.get(lower) ?? this.byNameLower.get(lower) ?? null;
  }
}

/** Bare FTE values from here up read as percents without a warning (10 → 10%, 80 → 80%). */
const FTE_PERCENT_FROM = 10;

/** The number typed without a % sign (a number cell, or text such as "2.5"), else null. */
function bareNumber(raw: RawCell): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string' || raw.includes('%')) return null;
  const p = parseNumber(raw);
  return p.ok ? p.value : null;
}
