/**
 * Reading custom-function arguments: ranges arrive as 2-D arrays of cell values, omitted optional
 * arguments as null. Blank cells ("" or null) are ignored; text where a number belongs is #VALUE!
 * with a message naming the argument and the position ("attainments, row 3, column 2: "abc" is not a number").
 */
import { ATTAINMENT_PERCENT_ABOVE, dateToSerial, isBlank, parseBoolean, parseFraction } from '../core/read/cells';
import { invalidValue } from './errors';

/** A range as Excel passes it to a parameter typed `any[][]` (a lone value is wrapped). */
export type Range = unknown[][];

function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function asRows(range: unknown): unknown[][] {
  if (!Array.isArray(range)) return [[range]];
  return range.map((row) => (Array.isArray(row) ? row : [row]));
}

/** The cells of a range as numbers, blanks as null (shape kept, so ranges can be paired cell by cell). */
export function numberGrid(range: unknown, argument: string): (number | null)[][] {
  return asRows(range).map((row, r) =>
    row.map((cell, c) => {
      if (isBlank(cell)) return null;
      if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
      throw invalidValue(`${argument}, row ${r + 1}, column ${c + 1}: ${shown(cell)} is not a number`);
    }),
  );
}

/** The numbers of a range by row (blank cells dropped, so a row may be empty). */
export function numberRows(range: unknown, argument: string): number[][] {
  return numberGrid(range, argument).map((row) => row.filter((v): v is number => v !== null));
}

/** Every number of a range, row by row; at least one is required. */
export function numbers(range: unknown, argument: string): number[] {
  const values = numberRows(range, argument).flat();
  if (values.length === 0) throw invalidValue(`${argument}: no numbers in the range`);
  return values;
}

/** A single number argument. */
export function requiredNumber(value: unknown, argument: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (isBlank(value)) throw invalidValue(`${argument} is required`);
  throw invalidValue(`${argument}: ${shown(value)} is not a number`);
}

/** An optional number argument: null when omitted or blank. */
export function optionalNumber(value: unknown, argument: string): number | null {
  return isBlank(value) ? null : requiredNumber(value, argument);
}

/** An optional yes/no argument: TRUE/FALSE, a number (nonzero = TRUE), or yes/no text as the table reader takes it; false when omitted. */
export function optionalFlag(value: unknown, argument: string): boolean {
  if (isBlank(value)) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0; // as Excel coerces a number to a logical
  // text as the table reader reads a yes/no column (Y, Yes, X, ✓, 1 / N, No, 0, -)
  const parsed = typeof value === 'string' ? parseBoolean(value) : null;
  if (parsed?.ok && parsed.value !== null) return parsed.value;
  throw invalidValue(`${argument}: ${shown(value)} is not TRUE or FALSE`);
}

/** Attainment written as a percent number (130) rather than a fraction (1.3), read by the table reader's rule. */
export function asFraction(value: number): number {
  const p = parseFraction(value, ATTAINMENT_PERCENT_ABOVE);
  return p.ok && p.value !== null ? p.value : value;
}

/** Today's date as an Excel serial day number (1900 system), in the machine's local time, like TODAY(). */
export function today(now: Date = new Date()): number {
  return Math.floor(dateToSerial(new Date(now.getTime() - now.getTimezoneOffset() * 60_000)));
}
