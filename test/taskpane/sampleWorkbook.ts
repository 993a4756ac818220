/** A small seeded Accounts/Reps/Settings workbook for the pane tests, as sheet values and as .xlsx bytes. */
import ExcelJS from 'exceljs';
import type { RawCell } from '../../src/core/model';
import type { SheetValues } from '../../src/core/read/locate';
import { generateSample, type SampleOptions } from '../../src/core/sample';

export const SMALL_SAMPLE: SampleOptions = { accounts: 60, reps: 6, seed: 11 };

export function sampleSheets(options: SampleOptions = SMALL_SAMPLE): SheetValues[] {
  const t = generateSample(options);
  return [
    { name: 'Accounts', values: t.accounts },
    { name: 'Reps', values: t.reps },
    { name: 'Settings', values: t.settings },
  ];
}

/** The same tables as plain ranges from A1 on three sheets, saved as .xlsx bytes. */
export async function sampleWorkbookBytes(options: SampleOptions = SMALL_SAMPLE): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sampleSheets(options)) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.values.forEach((row: RawCell[]) => ws.addRow(row.map((v) => (v === null ? undefined : v))));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
