/**
 * LibreOffice as a second, independent spreadsheet: it recalculates every formula we wrote (the
 * values must equal the ones we cached, and no cell may show an error) and it draws our charts.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadWorkbook, sheetValuesOf } from '../../../src/hosts/xlsx/read';
import { readPackageSheets } from '../../../src/hosts/xlsx/readPackage';
import { saveWorkbookBuffer } from '../../../src/hosts/xlsx/save';
import { writeOutputWorkbook } from '../../../src/hosts/xlsx/write';
import { packageProblems } from '../../support/xlsxPackage';
import { cleanUpLibreOfficeFiles, convertToPdf, errorCells, pdfText, recalculateWithLibreOffice } from '../../support/libreoffice';
import { accountRows, CHART_WORDS, formulaCells, reportSheets } from './fixtures';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tr-xlsx-lo-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await cleanUpLibreOfficeFiles();
});

async function writeReport(name: string, withCharts: boolean, user?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const sheets = reportSheets(accountRows(11, 15)).map((s) => (withCharts ? s : { ...s, charts: [] }));
  const wb = new ExcelJS.Workbook();
  user?.(wb);
  const file = path.join(dir, name);
  await fs.writeFile(file, (await saveWorkbookBuffer(wb, sheets)).buffer);
  return file;
}

describe('LibreOffice reads what we write', () => {
  it('recalculates on load: a formula saved with a wrong cached value comes back corrected (the check below is not vacuous)', async () => {
    const wb = new ExcelJS.Workbook();
    const sheets = [{ name: 'Probe', role: 'probe', rows: [[{ value: 2 }, { value: 3 }, { value: 999, formula: 'A1*B1+SUM(A1:B1)' }]] }];
    const file = path.join(dir, 'probe.xlsx');
    await fs.writeFile(file, (await saveWorkbookBuffer(wb, sheets)).buffer);
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile((await recalculateWithLibreOffice(file)).path);
    expect(recalculated.getWorksheet('Probe')!.getCell('C1').result).toBe(11);
  });

  it('every formula recalculates to the value written with it, and no cell shows an error', async () => {
    const sheets = reportSheets(accountRows(11, 15));
    const file = await writeReport('report.xlsx', true);
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile((await recalculateWithLibreOffice(file)).path);

    expect(errorCells(recalculated)).toEqual([]);

    const formulas = formulaCells(sheets);
    expect(formulas.length).toBe(23);
    for (const f of formulas) {
      const cell = recalculated.getWorksheet(f.sheet)!.getCell(f.address);
      expect(cell.type).toBe(ExcelJS.ValueType.Formula);
      const got = cell.result;
      if (typeof f.value === 'number') expect(got).toBeCloseTo(f.value, 9);
      else expect({ at: `${f.sheet}!${f.address}`, value: got }).toEqual({ at: `${f.sheet}!${f.address}`, value: f.value });
    }
  });

  it('recalculates formulas that follow a renamed sheet to the same values', async () => {
    const sheets = reportSheets(accountRows(11, 15));
    const file = await writeReport('renamed.xlsx', false, (wb) => {
      wb.addWorksheet('Rep Data').getCell('D2').value = 1_000_000;
    });
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile((await recalculateWithLibreOffice(file)).path);
    expect(recalculated.getWorksheet('Rep Data')!.getCell('D2').value).toBe(1_000_000);
    for (const f of formulaCells(sheets).filter((x) => x.sheet === 'Team Summary')) {
      const got = recalculated.getWorksheet('Team Summary')!.getCell(f.address).result;
      if (typeof f.value === 'number') expect(got).toBeCloseTo(f.value, 9);
      else expect(got).toEqual(f.value);
    }
  });

  it('draws both charts: their titles, axis titles and series names are in the PDF, and absent without the chart parts', async () => {
    const withCharts = (await pdfText((await convertToPdf(await writeReport('charts.xlsx', true))).path)).replace(/\s+/g, ' ');
    const without = (await pdfText((await convertToPdf(await writeReport('nocharts.xlsx', false))).path)).replace(/\s+/g, ' ');
    for (const word of CHART_WORDS) {
      expect({ word, drawn: withCharts.includes(word) }).toEqual({ word, drawn: true });
      expect({ word, drawn: without.includes(word) }).toEqual({ word, drawn: false });
    }
    // the cells are printed either way
    expect(without).toContain('AC-101');
    expect(withCharts).toContain('AC-101');
  });

  it('reads a report grafted into the user\'s own package (the CLI\'s output): the formulas recalculate to the values written, the charts are drawn, the user\'s sheet is intact', async () => {
    const sheets = reportSheets(accountRows(11, 15));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Mine').addRows([
      ['Kept', 7],
      ['Sum', { formula: 'B1*6', result: 42 }],
    ]);
    wb.getWorksheet('Mine')!.getCell('A1').font = { bold: true };
    const input = path.join(dir, 'user.xlsx');
    await wb.xlsx.writeFile(input);
    const file = path.join(dir, 'grafted.xlsx');
    expect(await writeOutputWorkbook(input, file, sheets)).toMatchObject({ ok: true });
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile((await recalculateWithLibreOffice(file)).path);
    expect(errorCells(recalculated)).toEqual([]);
    expect(recalculated.getWorksheet('Mine')!.getCell('B2').result).toBe(42);
    const formulas = formulaCells(sheets);
    for (const f of formulas) {
      const got = recalculated.getWorksheet(f.sheet)!.getCell(f.address).result;
      if (typeof f.value === 'number') expect(got).toBeCloseTo(f.value, 9);
      else expect({ at: `${f.sheet}!${f.address}`, value: got }).toEqual({ at: `${f.sheet}!${f.address}`, value: f.value });
    }
    const printed = (await pdfText((await convertToPdf(file)).path)).replace(/\s+/g, ' ');
    for (const word of CHART_WORDS) expect({ word, drawn: printed.includes(word) }).toEqual({ word, drawn: true });
    expect(printed).toContain('Kept');
  });

  it("reads a workbook LibreOffice wrote the way ExcelJS reads it: dates, times, formulas' results, booleans, errors, merges, a table", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Accounts');
    ws.addTable({
      name: 'AccountsTable',
      ref: 'A1',
      columns: [{ name: 'Account ID' }, { name: 'Owner' }, { name: 'Potential' }, { name: 'Since' }],
      rows: Array.from({ length: 12 }, (_, k) => [`A-${k}`, k % 4 === 0 ? null : `Rep ${k % 3}`, 1000 * k + 0.5, new Date(Date.UTC(2020, k, 1 + k))]),
    });
    for (let r = 2; r <= 13; r++) ws.getCell(`D${r}`).numFmt = 'yyyy-mm-dd';
    const notes = wb.addWorksheet('Notes');
    notes.getCell('A1').value = { formula: '1+1', result: 2 };
    notes.getCell('B1').value = { formula: '"a"&"b"', result: 'ab' };
    notes.getCell('C1').value = true;
    notes.getCell('D1').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    notes.getCell('A2').value = new Date(Date.UTC(1970, 0, 1, 6, 30));
    notes.getCell('A2').numFmt = 'h:mm';
    notes.getCell('B2').value = 0.125;
    notes.getCell('B2').numFmt = '0.0%';
    notes.mergeCells('A4:C5');
    notes.getCell('A4').value = 'merged  text';
    const saved = path.join(dir, 'values.xlsx');
    await wb.xlsx.writeFile(saved);
    const byLibreOffice = new Uint8Array(await fs.readFile((await recalculateWithLibreOffice(saved)).path));
    const read = await readPackageSheets(byLibreOffice);
    const viaExcelJs = sheetValuesOf(await loadWorkbook(byLibreOffice));
    expect(read!.sheets).toEqual(viaExcelJs);
    // and they are the values written (LibreOffice recalculated the formulas)
    expect(read!.sheets[0].listObjects![0].values[3]).toEqual(['A-2', 'Rep 2', 2000.5, new Date(Date.UTC(2020, 2, 3))]);
    expect(read!.sheets[1].values.slice(0, 4)).toEqual([
      [2, 'ab', true, '#DIV/0!'],
      [new Date(Date.UTC(1970, 0, 1, 6, 30)), 0.125, null, null],
      [null, null, null, null],
      ['merged  text', null, null, null],
    ]);
  });

  it("grafts into a package another producer wrote (LibreOffice's own .xlsx): sound, recalculated without an error, and a re-run adds no style", async () => {
    const sheets = reportSheets(accountRows(11, 15));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Mine').addRows([['Kept', 7]]);
    wb.getWorksheet('Mine')!.getCell('A1').font = { italic: true };
    const saved = path.join(dir, 'mine.xlsx');
    await wb.xlsx.writeFile(saved);
    const byLibreOffice = (await recalculateWithLibreOffice(saved)).path;
    const book = await (await JSZip.loadAsync(await fs.readFile(byLibreOffice))).file('xl/workbook.xml')!.async('string');
    expect(book).toContain('<fileVersion appName="Calc"/>');
    const first = path.join(dir, 'lo-first.xlsx');
    const second = path.join(dir, 'lo-second.xlsx');
    expect(await writeOutputWorkbook(byLibreOffice, first, sheets)).toMatchObject({ ok: true });
    expect(await writeOutputWorkbook(first, second, sheets)).toMatchObject({ ok: true });
    expect(await packageProblems(await fs.readFile(second))).toEqual([]);
    const xfs = async (file: string) => /<cellXfs count="(\d+)"/.exec(await (await JSZip.loadAsync(await fs.readFile(file))).file('xl/styles.xml')!.async('string'))![1];
    expect(await xfs(second)).toBe(await xfs(first));
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile((await recalculateWithLibreOffice(second)).path);
    expect(errorCells(recalculated)).toEqual([]);
    expect(recalculated.getWorksheet('Mine')!.getCell('B1').value).toBe(7);
    for (const f of formulaCells(sheets)) {
      const got = recalculated.getWorksheet(f.sheet)!.getCell(f.address).result;
      if (typeof f.value === 'number') expect(got).toBeCloseTo(f.value, 9);
      else expect({ at: `${f.sheet}!${f.address}`, value: got }).toEqual({ at: `${f.sheet}!${f.address}`, value: f.value });
    }
  });
});
