/**
 * Excel's sheet-name rules, as pure functions shared by the report (Moves sheet names) and both
 * workbook hosts: at most 31 characters, none of : \ / ? * [ ] or control characters, no
 * apostrophe at either end, not "History" (reserved by Excel), unique ignoring case.
 */

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

