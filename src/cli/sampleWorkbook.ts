/**
 * The sample workbook on disk: the seeded tables of core/sample as three Excel Tables (Accounts,
 * Reps, Settings) with number formats, so it opens in Excel like a real RevOps file.
 */
import ExcelJS from 'exceljs';
import type { RawCell } from '../core/model';
import { generateSample, type SampleOptions } from '../core/sample';

const FORMATS: Record<string, string> = {
  Potential: '$#,##0',
  'Revenue TTM': '$#,##0',
  Pipeline: '$#,##0',
  Quota: '$#,##0',
  'Last Activity': 'yyyy-mm-dd',
  'Growth Rate': '0%',
  Employees: '#,##0',
  Latitude: '0.0000',
  Longitude: '0.0000',
  'Home Latitude': '0.0000',
  'Home Longitude': '0.0000',
  'Q1 Attainment': '0%',
  'Q2 Attainment': '0%',
  'Q3 Attainment': '0%',
  'Q4 Attainment': '0%',
  FTE: '0.0',
};

const WIDE: Record<string, number> = { 'Account Name': 28, 'Rep Name': 18, Industry: 20, Manager: 18, Name: 26 };

export function buildSampleWorkbook(options: SampleOptions = {}): ExcelJS.Workbook {
  const tables = generateSample(options);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Territory Rebalancer (sample)';
  // The sample's as-of date, so the same seed gives the same document properties.
  workbook.created = new Date(Date.UTC(2026, 2, 31));
  workbook.modified = workbook.created;
  addTableSheet(workbook, 'Accounts', tables.accounts);
  addTableSheet(workbook, 'Reps', tables.reps);
  const settings = addTableSheet(workbook, 'Settings', tables.settings);
  settings.eachRow((row, r) => {
    if (r === 1) return;
    const name = String(row.getCell(1).value ?? '');
    const cell = row.getCell(2);
    if (/\bdate\b/i.test(name)) cell.numFmt = 'yyyy-mm-dd';
    else if (/band|concentration/i.test(name)) cell.numFmt = '0%';
  });
  return workbook;
}

export async function writeSampleWorkbook(path: string, options: SampleOptions = {}): Promise<void> {
  await buildSampleWorkbook(options).xlsx.writeFile(path);
}

function addTableSheet(workbook: ExcelJS.Workbook, name: string, values: RawCell[][]): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = values[0].map(String);
  ws.addTable({
    name,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows: values.slice(1).map((row) => row.map((v) => (v === null ? '' : v))),
  });
  headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = WIDE[h] ?? Math.max(10, h.length + 3);
    const fmt = FORMATS[h];
    if (fmt) col.numFmt = fmt;
  });
  // Blank cells stay blank (ExcelJS needs a value per table cell; clear the empty strings).
  ws.eachRow((row, r) => {
    if (r === 1) return;
    row.eachCell((cell) => {
      if (cell.value === '') cell.value = null;
    });
  });
  return ws;
}
