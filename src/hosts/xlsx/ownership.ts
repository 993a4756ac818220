/** The xlsx host's side of the ownership record (format and parser: src/core/report/ownership.ts). */
import type ExcelJS from 'exceljs';
import { ownershipRows, OWNERSHIP_SHEET, parseOwnership } from '../../core/report/ownership';

/** role -> sheet name, as recorded in the workbook (empty when the workbook has no record). */
export function readOwnedSheets(workbook: ExcelJS.Workbook): Map<string, string> {
  const sheet = workbook.getWorksheet(OWNERSHIP_SHEET);
  if (!sheet) return new Map();
  const values: string[][] = [];
  sheet.eachRow((row, rowNumber) => (values[rowNumber - 1] = [row.getCell(1).text, row.getCell(2).text]));
  return parseOwnership(Array.from(values, (row) => row ?? []));
}
/** Replace the record with `owned` (role -> sheet name), creating the very hidden sheet when needed. */
export function writeOwnedSheets(workbook: ExcelJS.Workbook, owned: Map<string, string>): void {
  const old = workbook.getWorksheet(OWNERSHIP_SHEET);
  if (old) workbook.removeWorksheet(old.id);
  const sheet = workbook.addWorksheet(OWNERSHIP_SHEET, { state: 'veryHidden' });
  sheet.addRows(ownershipRows(owned));
}
