/**
 * Which sheets of a workbook are ours. A very hidden sheet named `_TerritoryRebalancer` holds a
 * two-column table, header `Role | Sheet`, one row per output sheet we wrote (role from
 * SheetDescription.role, sheet = the name actually used). Office.js can read and write the same
 * sheet (`worksheets.getItemOrNullObject(OWNERSHIP_SHEET)`, `visibility = 'VeryHidden'`), so both
 * hosts agree on what they may replace. A sheet not listed there is the user's and is never touched.
 */
import type ExcelJS from 'exceljs';

export const OWNERSHIP_SHEET = '_TerritoryRebalancer';
export const OWNERSHIP_HEADER = ['Role', 'Sheet'] as const;

/** role -> sheet name, as recorded in the workbook (empty when the workbook has no record). */
export function readOwnedSheets(workbook: ExcelJS.Workbook): Map<string, string> {
  const owned = new Map<string, string>();
  const sheet = workbook.getWorksheet(OWNERSHIP_SHEET);
  if (!sheet) return owned;
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const role = row.getCell(1).text.trim();
    const name = row.getCell(2).text.trim();
    if (role && name) owned.set(role, name);
  });
  return owned;
}

/** Replace the record with `owned` (role -> sheet name), creating the very hidden sheet when needed. */
export function writeOwnedSheets(workbook: ExcelJS.Workbook, owned: Map<string, string>): void {
  const old = workbook.getWorksheet(OWNERSHIP_SHEET);
  if (old) workbook.removeWorksheet(old.id);
  const sheet = workbook.addWorksheet(OWNERSHIP_SHEET, { state: 'veryHidden' });
  sheet.addRow([...OWNERSHIP_HEADER]);
  for (const [role, name] of [...owned.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    sheet.addRow([role, name]);
  }
}
