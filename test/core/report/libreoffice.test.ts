/**
 * LibreOffice recalculates every formula of the described sheets (written without cached values)
 * and must get the value stored beside it, to the 15 significant digits it writes.
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import JSZip from 'jszip';
import { tmpdir } from 'os';
import { join } from 'path';
import { describeOutputSheets } from '../../../src/core/report';
import { a1 } from '../../../src/core/report/sheet';
import { seededData, seededResult } from './fixture';

const SOFFICE = '/usr/bin/soffice';

function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('LibreOffice recalculation', () => {
  it('reproduces every stored formula value', async () => {
    expect(existsSync(SOFFICE)).toBe(true); // LibreOffice must be installed for this test
    const data = seededData();
    const sheets = describeOutputSheets(data, seededResult(data), { generatedAt: '2026-11-22T12:00:00Z' });
    const dir = mkdtempSync(join(tmpdir(), 'report-lo-'));
    try {
      const wb = new ExcelJS.Workbook();
      for (const s of sheets) {
        const ws = wb.addWorksheet(s.name);
        s.rows.forEach((row, r) =>
          row.forEach((c, ci) => {
            if (!c) return;
            const cell = ws.getCell(r + 1, ci + 1);
            if (c.formula) cell.value = { formula: c.formula } as ExcelJS.CellFormulaValue;
            else if (c.value !== null) cell.value = c.value;
          }),
        );
      }
      await wb.xlsx.writeFile(join(dir, 'in.xlsx'));
      execFileSync(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), join(dir, 'in.xlsx')], {
        timeout: 120_000,
        stdio: 'ignore',
      });
      const zip = await JSZip.loadAsync(readFileSync(join(dir, 'out', 'in.xlsx')));
      const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
      const relsXml = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
      const targets = new Map([...relsXml.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
      let compared = 0;
      const found: string[] = [];
      const differences: string[] = [];
      for (const m of workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
        const name = unescapeXml(m[1]);
        const xml = await zip.file(`xl/${targets.get(m[2])}`)!.async('string');
        const values = new Map([...xml.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*><f[^>]*>[^<]*<\/f><v>([^<]*)<\/v><\/c>/g)].map((c) => [`${c[1]}${c[2]}`, unescapeXml(c[3])]));
        const sheet = sheets.find((s) => s.name === name)!;
        found.push(name);
        sheet.rows.forEach((row, r) =>
          row.forEach((c, ci) => {
            if (!c?.formula) return;
            const addr = a1(r + 1, ci + 1);
            const got = values.get(addr);
            compared += 1;
            const same =
              typeof c.value === 'number'
                ? got !== undefined && Math.abs(Number(got) - c.value) <= 1e-14 * Math.max(1, Math.abs(c.value))
                : got === String(c.value);
            if (!same) differences.push(`${name}!${addr} ${c.formula}: stored ${JSON.stringify(c.value)}, LibreOffice ${JSON.stringify(got)}`);
          }),
        );
      }
      expect(differences).toEqual([]);
      // every described sheet came back from LibreOffice, and its formulas were compared
      expect(found).toEqual(sheets.map((s) => s.name));
      expect(compared).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
