/**
 * Excel's sheet-name rules, as pure functions shared by the report (Moves sheet names) and both
 * workbook hosts: at most 31 characters, none of : \ / ? * [ ] or control characters, no
 * apostrophe at either end, not "History" (reserved by Excel), unique ignoring case.
 */

import { quoteSheet, type ChartDescription, type SheetDescription } from './sheet';

export const MAX_SHEET_NAME_LENGTH = 31;

export const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]\u0000-\u001f]/g;
/** Excel refuses this name for a worksheet (it keeps it for the change-tracking sheet). */
const RESERVED = ['history'];

function trimEnds(name: string): string {
  return name.replace(/^[\s']+/, '').replace(/[\s']+$/, '');
}

/** The name made legal on its own (forbidden characters become '-', ends trimmed, 31 chars), without looking at other sheets. */
export function legalSheetName(wanted: string): string {
  let name = trimEnds(wanted.replace(FORBIDDEN_SHEET_CHARS, '-'));
  name = trimEnds(name.slice(0, MAX_SHEET_NAME_LENGTH));
  return name === '' ? 'Sheet' : name;
}

function key(name: string): string {
  return name.toLowerCase();
}

/** True when `name` can be used beside `existing` (case-insensitive, reserved names count as taken). */
export function isFreeSheetName(name: string, existing: string[]): boolean {
  const k = key(name);
  return !RESERVED.includes(k) && !existing.some((e) => key(e) === k);
}

/**
 * A legal sheet name as close to `wanted` as Excel allows, not clashing with `existing`:
 * "Rep Impact" beside a user's "Rep Impact" becomes "Rep Impact (2)", then "(3)"...; the base is
 * shortened so the suffix still fits in 31 characters.
 */
export function safeSheetName(wanted: string, existing: string[]): string {
  const base = legalSheetName(wanted);
  if (isFreeSheetName(base, existing)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const stem = trimEnds(base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length));
    const candidate = `${stem === '' ? 'Sheet' : stem}${suffix}`;
    if (isFreeSheetName(candidate, existing)) return candidate;
  }
}


function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Points a formula's sheet references at the names actually used: `'Rep Impact'!B2` becomes
 * `'Rep Impact (2)'!B2` when our sheet had to be renamed. Text inside "string literals" is left alone.
 */
export function retargetSheetRefs(formula: string, renamed: { wanted: string; used: string }[]): string {
  if (renamed.length === 0) return formula;
  const patterns = renamed.map(({ wanted, used }) => {
    const q = escapeRegExp(quoteSheet(wanted));
    const bare = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(wanted) ? `|(?<![A-Za-z0-9_.'])${escapeRegExp(wanted)}` : '';
    return { re: new RegExp(`(?:${q}${bare})!`, 'gi'), to: `${quoteSheet(used)}!` };
  });
  // Split on string literals ("..." with "" as an escaped quote) and rewrite only the code parts.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : patterns.reduce((s, p) => s.replace(p.re, p.to), part)))
    .join('');
}

/** One of our sheets that could not take the name it wanted (a user's sheet had it). */
export interface SheetRename {
  wanted: string;
  used: string;
}

/**
 * The descriptions under the names used (aligned with `sheets`), every formula, conditional format
 * and chart range following the renamed sheets; and the renames.
 */
export function applyRenames(sheets: SheetDescription[], used: string[]): { sheets: SheetDescription[]; renamed: SheetRename[] } {
  const renamed = sheets.map((s, i) => ({ wanted: s.name, used: used[i] })).filter((r) => r.wanted !== r.used);
  if (renamed.length === 0) return { sheets, renamed };
  const fix = (text: string): string => retargetSheetRefs(text, renamed);
  const fixChart = (c: ChartDescription): ChartDescription => ({
    ...c,
    series: c.series.map((s) => ({ ...s, categories: fix(s.categories), values: fix(s.values) })),
  });
  return {
    sheets: sheets.map((sheet, i) => ({
      ...sheet,
      name: used[i],
      rows: sheet.rows.map((row) => row.map((cell) => (cell && cell.formula ? { ...cell, formula: fix(cell.formula) } : cell))),
      conditionalFormats: sheet.conditionalFormats?.map((cf) => ({ ...cf, formula: fix(cf.formula) })),
      charts: sheet.charts?.map(fixChart),
    })),
    renamed,
  };
}
