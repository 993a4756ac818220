/**
 * Sheet references after a rename, for the Office host. Excel's sheet-name rules themselves live in
 * the core (core/report/sheetNames.ts) and are re-exported here for the host's callers.
 */
export { isFreeSheetName, legalSheetName, MAX_SHEET_NAME_LENGTH, safeSheetName } from '../../core/report/sheetNames';

/** Sheet name quoted for a formula: 'Rep Impact (2)' (apostrophes doubled). */
function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
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
    const q = escapeRegExp(quoted(wanted));
    const bare = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(wanted) ? `|(?<![A-Za-z0-9_.'])${escapeRegExp(wanted)}` : '';
    return { re: new RegExp(`(?:${q}${bare})!`, 'gi'), to: `${quoted(used)}!` };
  });
  // Split on string literals ("..." with "" as an escaped quote) and rewrite only the code parts.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : patterns.reduce((s, p) => s.replace(p.re, p.to), part)))
    .join('');
}
