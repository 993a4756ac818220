/**
 * readPackage.ts against the ExcelJS reader it stands in for (read.ts: loadWorkbook + sheetValuesOf),
 * on random workbooks: strings (shared or inline), numbers in date and non-date formats (quoted and
 * bracketed letters among them), dates in both date systems, booleans, errors, formulas with cached
 * results of each type and without one, rich text, hyperlinks, merged ranges, Excel Tables with and
 * without a totals row, styled empty cells, hidden sheets, and our output sheets from a run before
 * (left out or read, as `keep` asks). Both readers must give the same sheets, values and tables.
 */
import ExcelJS from 'exceljs';
import { loadWorkbook, sheetValuesOf } from '../../../src/hosts/xlsx/read';
import { readOwnedSheets } from '../../../src/hosts/xlsx/ownership';
import { readPackageSheets } from '../../../src/hosts/xlsx/readPackage';
import { saveWorkbookBuffer } from '../../../src/hosts/xlsx/save';
import { historySheet } from '../../../src/core/apply';
import { reportSheets, accountRows, seeded } from './fixtures';

const TEXTS = ['Ann Lee', '  padded  ', 'ünïcødé ✓', 'a & b < c > "q"', 'two\nlines', '007', 'R-12', 'x'];
const DATE_FORMATS = ['yyyy-mm-dd', 'mm-dd-yy', 'd-mmm-yy', '[$-409]mmmm d, yyyy', 'h:mm', 'm/d/yy "h":mm', '[h]:mm:ss'];
const OTHER_FORMATS = ['0.00%', '#,##0 "days"', '[Red]0.0', '"Qty" 0', '#,##0.00', '@', '0.00E+00'];
const ERRORS = ['#N/A', '#DIV/0!', '#REF!', '#VALUE!'];
const NAMES = ['Accounts', 'Reps', 'Settings', 'Notes', 'Data 2025'];

function randomValue(rnd: () => number, cell: ExcelJS.Cell, day: (k: number) => Date): void {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const kind = Math.floor(rnd() * 13);
  switch (kind) {
    case 0:
    case 1:
      cell.value = pick(TEXTS);
      return;
    case 2:
      cell.value = Math.round((rnd() - 0.3) * 1e6) / 100;
      return;
    case 3:
      cell.value = rnd() < 0.5 ? Math.floor(rnd() * 50000) : rnd() * 1e-6;
      cell.numFmt = pick(OTHER_FORMATS);
      return;
    case 4:
      cell.value = day(Math.floor(rnd() * 20000));
      cell.numFmt = pick(DATE_FORMATS);
      return;
    case 5:
      // a number the user typed into a date-formatted cell
      cell.value = Math.floor(rnd() * 45000) + 0.25;
      cell.numFmt = pick(DATE_FORMATS);
      return;
    case 6:
      cell.value = rnd() < 0.5;
      return;
    case 7:
      cell.value = { error: pick(ERRORS) } as ExcelJS.CellErrorValue;
      return;
    case 8: {
      const results = [Math.round(rnd() * 1000), 'text result', rnd() < 0.5, 0, undefined];
      const result = results[Math.floor(rnd() * results.length)];
      cell.value = result === undefined ? ({ formula: 'A1+1' } as ExcelJS.CellFormulaValue) : ({ formula: 'A1+1', result } as ExcelJS.CellFormulaValue);
      return;
    }
    case 9:
      cell.value = { formula: 'TODAY()', result: day(Math.floor(rnd() * 20000)) } as ExcelJS.CellFormulaValue;
      cell.numFmt = pick(DATE_FORMATS);
      return;
    case 10:
      cell.value = { richText: [{ text: pick(TEXTS) }, { font: { bold: true }, text: ' bold' }] };
      return;
    case 11:
      cell.value = { text: pick(TEXTS), hyperlink: 'https://example.com/a?b=1&c=2' };
      return;
    default:
      // formatted, no value
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  }
}

async function randomWorkbook(seed: number): Promise<Uint8Array> {
  const rnd = seeded(seed);
  const wb = new ExcelJS.Workbook();
  const date1904 = rnd() < 0.25;
  if (date1904) wb.properties.date1904 = true;
  const day = (k: number) => new Date(Date.UTC(date1904 ? 1905 : 1990, 0, 1) + k * 86400000 + (k % 3) * 3600000);
  const names = NAMES.filter((_, k) => k === 0 || rnd() < 0.5);
  for (const name of names) {
    const ws = wb.addWorksheet(name, { state: rnd() < 0.2 ? 'hidden' : 'visible' });
    const rows = 1 + Math.floor(rnd() * 25);
    const cols = 1 + Math.floor(rnd() * 10);
    for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) if (rnd() < 0.55) randomValue(rnd, ws.getCell(r, c), day);
    // merged ranges in the random block (disjoint: one per band of rows)
    for (let top = 1; top + 2 <= rows; top += 6) {
      if (rnd() < 0.4) {
        const left = 1 + Math.floor(rnd() * cols);
        ws.mergeCells(top, left, top + 1 + Math.floor(rnd() * 2), left + Math.floor(rnd() * 2));
      }
    }
    if (rnd() < 0.5) {
      const top = 1 + Math.floor(rnd() * 5);
      const left = cols + 2 + Math.floor(rnd() * 3);
      const n = Math.floor(rnd() * 6);
      ws.addTable({
        name: `T_${name.replace(/\W/g, '')}_${seed}`,
        ref: ws.getCell(top, left).address,
        headerRow: true,
        totalsRow: rnd() < 0.5,
        columns: [{ name: 'ID', totalsRowLabel: 'Total' }, { name: 'Owner' }, { name: 'Amount', totalsRowFunction: 'sum' }],
        rows: Array.from({ length: n }, (_, k) => [`ID-${k}`, k % 3 === 0 ? null : TEXTS[k % TEXTS.length], Math.round(rnd() * 1000)]),
      });
    }
  }
  // our sheets from a run before, half the time
  if (rnd() < 0.5) {
    const ours = [...reportSheets(accountRows(seed, 4)), historySheet([])];
    const saved = await saveWorkbookBuffer(wb, ours, undefined, { removeStale: () => true });
    if (rnd() < 0.5) return saved.buffer;
    const again = await loadWorkbook(saved.buffer);
    return new Uint8Array(await again.xlsx.writeBuffer({ useSharedStrings: false } as ExcelJS.XlsxWriteOptions));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer({ useSharedStrings: rnd() < 0.6 } as ExcelJS.XlsxWriteOptions));
}

test.each(Array.from({ length: 24 }, (_, k) => k + 1))('seed %i: the package reader gives what ExcelJS reads', async (seed) => {
  const bytes = await randomWorkbook(seed);
  for (const keep of [() => false, (role: string) => role === 'history', () => true]) {
    const read = await readPackageSheets(bytes, keep);
    expect(read).not.toBeNull();
    const workbook = await loadWorkbook(bytes);
    const owned = readOwnedSheets(workbook);
    const leftOut = new Set([...owned].filter(([role]) => !keep(role)).map(([, name]) => name));
    expect(read!.sheets).toEqual(sheetValuesOf(workbook).filter((sheet) => !leftOut.has(sheet.name)));
    expect([...read!.owned].sort()).toEqual([...owned].sort());
  }
});
