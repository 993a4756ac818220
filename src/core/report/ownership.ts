/**
 * Which sheets of a workbook are ours, as the file hosts record it: a very hidden sheet
 * `_TerritoryRebalancer` with header `Role | Sheet` and one row per output sheet written (role from
 * SheetDescription.role, sheet = the name actually used). The xlsx host writes it; both hosts read
 * it, so a workbook rebalanced by the CLI or the standalone page and then opened in Excel still has
 * its output sheets recognised as ours. A sheet not recorded (nor marked by Excel) is the user's.
 */
import type { RawCell } from '../model';

export const OWNERSHIP_SHEET = '_TerritoryRebalancer';
export const OWNERSHIP_HEADER = ['Role', 'Sheet'] as const;

/** role -> sheet name from the record's values (header row first; blank rows skipped). */
export function parseOwnership(values: readonly (readonly RawCell[])[]): Map<string, string> {
  const owned = new Map<string, string>();
  values.slice(1).forEach((row) => {
    const role = String(row[0] ?? '').trim();
    const name = String(row[1] ?? '').trim();
    if (role && name) owned.set(role, name);
  });
  return owned;
}

/** The record's rows as written: the header, then one row per role, sorted by role. */
export function ownershipRows(owned: ReadonlyMap<string, string>): string[][] {
  return [[...OWNERSHIP_HEADER], ...[...owned.entries()].sort((a, b) => a[0].localeCompare(b[0]))];
}
