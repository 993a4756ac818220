import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { historySheet } from '../../../src/core/apply';
import { relativeTarget, resolve } from '../../../src/hosts/xlsx/carry';
import { saveWorkbookBuffer } from '../../../src/hosts/xlsx/save';
import { cleanUpLibreOfficeFiles, convertToPdf, pdfText } from '../../support/libreoffice';
import { accountRows, CHART_WORDS, DATA, reportSheets, SUMMARY } from './fixtures';

const COLORS_CT = 'application/vnd.ms-office.chartcolorstyle+xml';

/** A rebalanced workbook whose first chart also has a colour-style part, as Excel writes them. */
async function rebalanced(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').getCell('A1').value = 'user notes';
  const { buffer } = await saveWorkbookBuffer(wb, reportSheets(accountRows(5, 10)));
  const zip = await JSZip.loadAsync(buffer);
  zip.file('xl/charts/colors1.xml', '<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>');
  zip.file('xl/charts/_rels/chart1.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartColorStyle" Target="colors1.xml"/></Relationships>');
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/xl/charts/colors1.xml" ContentType="${COLORS_CT}"/></Types>`));
  return zip.generateAsync({ type: 'uint8array' });
}

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

afterAll(cleanUpLibreOfficeFiles);

describe('carrying charts through an ExcelJS load and save', () => {
  it('resolves and relativises part paths', () => {
    expect(resolve('xl/worksheets/sheet1.xml', '../drawings/drawing2.xml')).toBe('xl/drawings/drawing2.xml');
    expect(resolve('xl/charts/chart1.xml', 'colors1.xml')).toBe('xl/charts/colors1.xml');
    expect(resolve('xl/worksheets/sheet1.xml', '/xl/media/image1.png')).toBe('xl/media/image1.png');
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/drawings/drawing2.xml')).toBe('../drawings/drawing2.xml');
    expect(relativeTarget('xl/charts/chart3.xml', 'xl/charts/colors3.xml')).toBe('colors3.xml');
  });

  it('keeps the charts of the sheets not rewritten, with their related parts, and LibreOffice still draws them', async () => {
    const original = await rebalanced();
    // without the original bytes the charts are lost: what ExcelJS alone does
    const lost = await JSZip.loadAsync((await saveWorkbookBuffer(await reopen(original), [historySheet([])])).buffer);
    expect(Object.keys(lost.files).filter((p) => p.startsWith('xl/charts/'))).toEqual([]);

    const saved = await saveWorkbookBuffer(await reopen(original), [historySheet([])], original);
    expect(saved.chartsDropped).toEqual([]);
    const zip = await JSZip.loadAsync(saved.buffer);
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort();
    expect(charts).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml']);
    const before = await JSZip.loadAsync(original);
    for (const c of charts) expect(await zip.file(c)!.async('string')).toBe(await before.file(c)!.async('string'));
    expect(await zip.file('xl/charts/_rels/chart1.xml.rels')!.async('string')).toContain('Target="colors1.xml"');
    expect(await zip.file('xl/charts/colors1.xml')!.async('string')).toContain('meth="cycle"');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain(`<Override PartName="/xl/charts/colors1.xml" ContentType="${COLORS_CT}"/>`);
    expect(types.match(/drawingml\.chart\+xml/g)).toHaveLength(2);

    const wb = await reopen(saved.buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Notes', DATA, SUMMARY, 'Rebalance History', '_TerritoryRebalancer']);

    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tr-xlsx-carry-'));
    const file = path.join(dir, 'carried.xlsx');
    await fs.writeFile(file, saved.buffer);
    const printed = (await pdfText((await convertToPdf(file)).path)).replace(/\s+/g, ' ');
    for (const word of CHART_WORDS) expect({ word, drawn: printed.includes(word) }).toEqual({ word, drawn: true });
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('does not carry the old charts of a sheet it rewrites (the new ones replace them)', async () => {
    const original = await rebalanced();
    const saved = await saveWorkbookBuffer(await reopen(original), reportSheets(accountRows(6, 10)), original);
    const zip = await JSZip.loadAsync(saved.buffer);
    expect(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(2);
    expect(zip.file('xl/charts/colors1.xml')).toBeNull();
  });
});
