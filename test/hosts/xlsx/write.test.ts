import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { historySheet } from '../../../src/core/apply';
import { readOwnedSheets } from '../../../src/hosts/xlsx/ownership';
import { renderSheets } from '../../../src/hosts/xlsx/render';
import { saveWorkbookBuffer } from '../../../src/hosts/xlsx/save';
import { writeOutputWorkbook } from '../../../src/hosts/xlsx/write';
import { accountRows, DATA, reportSheets, SUMMARY } from './fixtures';

describe('writeOutputWorkbook', () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tr-xlsx-write-'));
    input = path.join(dir, 'in.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Accounts').addRow(['Account ID', 'Owner']);
    await wb.xlsx.writeFile(input);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('writes a copy with the output sheets and their charts, leaving the input byte for byte', async () => {
    const before = await fs.readFile(input);
    const out = path.join(dir, 'out.xlsx');
    const result = await writeOutputWorkbook(input, out, reportSheets(accountRows(2, 9)));
    expect(result).toEqual({ ok: true, written: [DATA, SUMMARY], renamed: [], removed: [], chartsDropped: [] });
    expect((await fs.readFile(input)).equals(before)).toBe(true);
    const zip = await JSZip.loadAsync(await fs.readFile(out));
    expect(Object.keys(zip.files).filter((p) => p.startsWith('xl/charts/chart'))).toHaveLength(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Accounts', DATA, SUMMARY, '_TerritoryRebalancer']);
  });

  it('on a re-run removes our output sheets no longer written, keeps the Apply history and the user sheets', async () => {
    const first = path.join(dir, 'first.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Accounts').addRow(['Account ID', 'Owner']);
    await fs.writeFile(first, (await saveWorkbookBuffer(wb, [...reportSheets(accountRows(2, 9)), historySheet([])])).buffer);
    const second = path.join(dir, 'second.xlsx');
    const result = await writeOutputWorkbook(first, second, reportSheets(accountRows(3, 9)).filter((s) => s.name === DATA));
    expect(result).toMatchObject({ ok: true, written: [DATA], removed: [SUMMARY] });
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(second);
    expect(reread.worksheets.map((w) => w.name)).toEqual(['Accounts', DATA, 'Rebalance History', '_TerritoryRebalancer']);
    expect([...readOwnedSheets(reread).keys()]).toEqual(['history', 'test-data']);
  });

  it('refuses an output path that is the input: the same path spelled differently, a symlink, a hard link', async () => {
    const before = await fs.readFile(input);
    await fs.symlink(input, path.join(dir, 'sym.xlsx'));
    await fs.link(input, path.join(dir, 'hard.xlsx'));
    for (const out of [path.join(dir, '..', path.basename(dir), 'in.xlsx'), path.join(dir, 'sym.xlsx'), path.join(dir, 'hard.xlsx')]) {
      const result = await writeOutputWorkbook(input, out, reportSheets(accountRows(2, 9)));
      expect(result).toMatchObject({ ok: false, problem: { severity: 'error' } });
    }
    expect((await fs.readFile(input)).equals(before)).toBe(true);
  });
});

describe('renderSheets with two descriptions of the same name', () => {
  it('gives the second a free name instead of failing', () => {
    const wb = new ExcelJS.Workbook();
    const one = { name: 'Notes', role: 'a', rows: [[{ value: 1 }]] };
    const two = { name: 'Notes', role: 'b', rows: [[{ value: 2 }]] };
    const result = renderSheets(wb, [one, two]);
    expect(result.written).toEqual(['Notes', 'Notes (2)']);
    expect(wb.getWorksheet('Notes (2)')!.getCell('A1').value).toBe(2);
  });
});
