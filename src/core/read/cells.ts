/**
 * Typed parsing of single raw cells (numbers, fractions, Y/N, dates, segments, statuses).
 *
 * Every parser returns a `Parsed<T>`: `{ ok: true, value }` where `value` is null for a blank cell,
 * or `{ ok: false, expected }` saying what the text should have been. The table reader turns a
 * failure into a located problem such as `Accounts!E18: Potential "abc" is not a number`.
 */
import type { RawCell, RepStatus, Segment } from '../model';

export type Parsed<T> = { ok: true; value: T | null } | { ok: false; expected: string };

const BLANK: Parsed<never> = { ok: true, value: null };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(expected: string): Parsed<T> => ({ ok: false, expected });

/** True for null, undefined and whitespace-only text (any value: custom-function arguments too). */
export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/** The cell as the user sees it, for problem messages (dates as ISO, numbers as written). */
export function displayCell(raw: RawCell | undefined): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? 'Invalid Date' : raw.toISOString().slice(0, 10);
  return String(raw).trim();
}

/** Placeholders people type for "no value" in numeric columns; read as blank. */
const NUMERIC_BLANKS = new Set(['-', '--', '—', '–', 'n/a', 'na', 'none', 'null']);
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const SCALE: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, b: 1e9, bn: 1e9 };

interface NumberText {
  value: number;
  percent: boolean;
}

/**
 * The digits of a number typed with separators, as JavaScript reads it (dot decimal, no grouping),
 * else null. Whichever of comma and dot comes last is the decimal mark when both appear
 * ("1,234.5" and "1.234,5" → "1234.5"). A lone comma is a decimal comma unless three digits follow
 * it after a non-zero integer part ("84,5" → "84.5", "0,125" → "0.125"; "84,000" → "84000"); two or
 * more commas are grouping ("1,234,567", "1,23,456"), as are two or more dots ("1.234.567").
 * A lone dot stays a decimal dot ("1.234" → 1.234), as Excel in English reads it.
 */
function ungroup(s: string): string | null {
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma < 0 && dot < 0) return s;
  if (comma >= 0 && dot >= 0) {
    // the last mark is the decimal one; before it, the other mark groups digits as a lone one does ("12,34.5" is no number)
    const [group, decimal] = comma > dot ? ['.', ','] : [',', '.'];
    const at = Math.max(comma, dot);
    const groups = s.slice(0, at).split(group);
    return groups.some((g) => g.includes(decimal)) || !grouped(groups) ? null : `${groups.join('')}.${s.slice(at + 1)}`;
  }
  const mark = comma >= 0 ? ',' : '.';
  const parts = s.split(mark);
  if (parts.length > 2) return grouped(parts) ? parts.join('') : null;
  if (mark === '.') return s;
  const [whole, fraction] = parts;
  const thousands = /^\d{3}$/.test(fraction) && /[1-9]/.test(whole);
  return thousands ? whole + fraction : `${whole}.${fraction}`;
}

/** Digit groups after the first are three digits long (two are allowed before the last, for "1,23,456"). */
function grouped(parts: string[]): boolean {
  const last = parts.length - 1;
  return parts.every((p, i) => /^\d+$/.test(p) && (i === 0 || p.length === 3 || (i < last && p.length === 2)));
}

/**
 * "$84,000" → 84000, "(1,200)" → -1200, "12%" → 0.12 (percent flagged), "1.2M" → 1200000, and
 * decimal commas as typed in much of Europe: "84,5" → 84.5, "1.234,5" → 1234.5, "12,5%" → 0.125.
 */
function parseNumberText(text: string): NumberText | null | 'blank' {
  let s = text.trim().toLowerCase().replace(/[\s\u00a0'’]/g, '');
  if (s === '' || NUMERIC_BLANKS.has(s)) return 'blank';
  let sign = 1;
  if (s.startsWith('(') && s.endsWith(')')) {
    sign = -1;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    sign = -sign;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  s = s.replace(/^[$€£¥]|[$€£¥]$/g, '').replace(/^(usd|eur|gbp)|(usd|eur|gbp)$/g, '');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  let scale = 1;
  const suffix = /^(.*\d)(k|mm|m|bn|b)$/.exec(s);
  if (suffix && !percent) {
    s = suffix[1];
    scale = SCALE[suffix[2]];
  }
  const plain = ungroup(s);
  if (plain === null || !NUMBER_TEXT.test(plain)) return null;
  const v = Number(plain) * scale * sign;
  return { value: percent ? v / 100 : v, percent };
}

/** A plain number. Text such as "$84,000", "12%" (→ 0.12) and "1.3" is accepted. */
export function parseNumber(raw: RawCell): Parsed<number> {
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(raw) : fail('a number');
  if (isBlank(raw)) return BLANK;
  if (typeof raw !== 'string') return fail('a number');
  const t = parseNumberText(raw);
  if (t === 'blank') return BLANK;
  return t === null ? fail('a number') : ok(t.value);
}

/** Attainment above this bare value is a percent (130 → 1.3): nobody attains 300%+ by accident. */
export const ATTAINMENT_PERCENT_ABOVE = 3;

/**
 * A fraction written either way: "130%" → 1.3, 130 → 1.3 (a bare value above `percentAbove`
 * is read as percent), 0.8 → 0.8. Used for attainment (threshold 3: nobody attains 300%+ by
 * accident) and for bands and growth rates (threshold 1).
 */
export function parseFraction(raw: RawCell, percentAbove: number): Parsed<number> {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('a number');
    return ok(Math.abs(raw) > percentAbove ? raw / 100 : raw);
  }
  if (isBlank(raw)) return BLANK;
  if (typeof raw !== 'string') return fail('a number');
  const t = parseNumberText(raw);
  if (t === 'blank') return BLANK;
  if (t === null) return fail('a number');
  if (t.percent) return ok(t.value);
  return ok(Math.abs(t.value) > percentAbove ? t.value / 100 : t.value);
}

const TRUE_TEXT = new Set(['y', 'yes', 'true', '1', 'x', 't', '✓', '✔']);
const FALSE_TEXT = new Set(['n', 'no', 'false', '0', 'f', '-']);

/** Y/N, Yes/No, TRUE/FALSE, 1/0 (and an "x" tick). Blank is null (callers default to false). */
export function parseBoolean(raw: RawCell): Parsed<boolean> {
  if (typeof raw === 'boolean') return ok(raw);
  if (typeof raw === 'number') return raw === 1 ? ok(true) : raw === 0 ? ok(false) : fail('Y or N');
  if (isBlank(raw)) return BLANK;
  if (typeof raw !== 'string') return fail('Y or N');
  const s = raw.trim().toLowerCase();
  if (TRUE_TEXT.has(s)) return ok(true);
  if (FALSE_TEXT.has(s)) return ok(false);
  return fail('Y or N');
}

/** Days between 1899-12-30 (Excel's day 0 in the 1900 system, after its leap-year bug) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86_400_000;

/** A JS Date (read as UTC, as ExcelJS produces them) to an Excel serial day number. */
export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

function utcSerial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const SLASH_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

/**
 * A date as an Excel serial: a serial number, a JS Date, ISO text "2025-03-14" (→ 45730), or
 * "3/14/2025" (month first, as Excel US shows it; day first when the first part is above 12).
 */
export function parseDate(raw: RawCell): Parsed<number> {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw > 0 && raw < 2_958_466 ? ok(raw) : fail('a date');
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? fail('a date') : ok(dateToSerial(raw));
  if (isBlank(raw)) return BLANK;
  if (typeof raw !== 'string') return fail('a date');
  const s = raw.trim();
  const iso = ISO_DATE.exec(s);
  if (iso) {
    const v = utcSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return v === null ? fail('a date') : ok(v);
  }
  const slash = SLASH_DATE.exec(s);
  if (slash) {
    let a = Number(slash[1]);
    let b = Number(slash[2]);
    if (a > 12) [a, b] = [b, a];
    const v = utcSerial(Number(slash[3]), a, b);
    return v === null ? fail('a date') : ok(v);
  }
  if (/^\d+(\.\d+)?$/.test(s)) return parseDate(Number(s));
  return fail('a date');
}

/** Lowercase letters and digits only: "Mid-Market" → "midmarket". */
export function squash(s: string): string {
  return s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]/g, '');
}

const SEGMENT_WORDS: Record<string, Segment> = {
  smb: 'SMB',
  smallbusiness: 'SMB',
  small: 'SMB',
  smallandmedium: 'SMB',
  smallmediumbusiness: 'SMB',
  transactional: 'SMB',
  smbtransactional: 'SMB',
  midmarket: 'Mid-Market',
  mm: 'Mid-Market',
  mid: 'Mid-Market',
  midsize: 'Mid-Market',
  midsized: 'Mid-Market',
  mme: 'Mid-Market',
  enterprise: 'Enterprise',
  ent: 'Enterprise',
  strategic: 'Enterprise',
  enterprisestrategic: 'Enterprise',
  large: 'Enterprise',
  largeenterprise: 'Enterprise',
};

/** A parser for text that must be one of a few words (matched case-, space- and punctuation-blind). */
function wordParser<T>(words: Record<string, T>, expected: string): (raw: RawCell) => Parsed<T> {
  return (raw) => {
    if (isBlank(raw)) return BLANK;
    const word = typeof raw === 'string' ? words[squash(raw)] : undefined;
    return word !== undefined ? ok(word) : fail(expected);
  };
}

/** SMB / Small Business; Mid-Market / Mid Market / MM / Midmarket; Enterprise / ENT / Strategic. */
export const parseSegment = wordParser<Segment>(SEGMENT_WORDS, 'SMB, Mid-Market or Enterprise');

const STATUS_WORDS: Record<string, RepStatus> = {
  active: 'Active',
  current: 'Active',
  existing: 'Active',
  departing: 'Departing',
  leaving: 'Departing',
  terminated: 'Departing',
  termed: 'Departing',
  departed: 'Departing',
  left: 'Departing',
  resigned: 'Departing',
  resigning: 'Departing',
  exiting: 'Departing',
  inactive: 'Departing',
  new: 'New',
  hire: 'New',
  newhire: 'New',
  ramping: 'New',
  onboarding: 'New',
};

/** Active (default) / Departing (Leaving, Terminated, ...) / New (New Hire, Ramping, ...). */
export const parseStatus = wordParser<RepStatus>(STATUS_WORDS, 'Active, Departing or New');

/** Text, trimmed; numbers and booleans as written (IDs are often numeric); blank is null. */
export function parseText(raw: RawCell): string | null {
  if (isBlank(raw)) return null;
  if (raw instanceof Date) return displayCell(raw);
  return String(raw).trim();
}

/** Opportunity stage 0-5: 3, "3", "Stage 3", "3 - Proposal". */
export function parseStage(raw: RawCell): Parsed<number> {
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(raw) : fail('a stage from 0 to 5');
  if (isBlank(raw)) return BLANK;
  if (typeof raw !== 'string') return fail('a stage from 0 to 5');
  const m = /^\s*(?:stage\s*)?(\d+(?:\.\d+)?)\b/i.exec(raw);
  return m ? ok(Number(m[1])) : fail('a stage from 0 to 5');
}

/** "1 account", "3 accounts" (for problem messages). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
