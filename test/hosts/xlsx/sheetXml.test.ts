import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { SheetDescription } from '../../../src/core/report/sheet';
import { saveWorkbookBuffer } from '../../../src/hosts/xlsx/save';
import { worksheetPaths } from '../../../src/hosts/xlsx/package';
import { cellXml, dimensionRef, escapeText, replaceSheetData } from '../../../src/hosts/xlsx/sheetXml';
import { accountRows, DATA, reportSheets, SUMMARY } from './fixtures';

async function reopen(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
  return wb;
}

/** Strings that need care in XML: markup characters, quotes, spaces at the ends, a line break, a control character, non-ASCII. */
const AWKWARD: SheetDescription = {
  name: 'Awkward <&> Text',
  role: 'test-awkward',
  rows: [
    [{ value: 'a < b & c > d', bold: true }, { value: `"quoted" and 'single'` }, { value: '  padded  ' }],
    [{ value: 'line one\nline two', wrap: true }, { value: 'bell\u0007gone' }, { value: 'Zoë – Ødegård 北京' }],
    [null, { value: null, fill: 'FFF2CC' }, { value: Infinity, numFmt: '0.0' }, { value: -0.000001234, numFmt: '0.000E+00' }, { value: true }, { value: false, italic: true }],
    [{ value: 'x', formula: 'IF(A1="a < b & c > d","yes","no")' }, { value: null, formula: 'NA()' }, { value: true, formula: 'B3=""' }, { value: 12.5, formula: 'SUM(2.5,10)', size: 14 }],
    [{ value: 'Merged', fill: 'E2EFDA' }, { value: 'hidden', fontColor: 'C00000' }, { value: null, italic: true, numFmt: '0' }],
    [{ value: 'red, after the merge', fontColor: 'C00000' }],
  ],
  columnWidths: [20, 18, 12],
  // a merged range over cells of other styles: they take the first cell's; the red one is used again below it
  merges: ['A5:C5'],
};

describe('our cells written into the package (sheetXml.ts)', () => {
  const sheets = [...reportSheets(accountRows(11, 40)), AWKWARD];

  it('reads back exactly as the same sheets written through ExcelJS: every value, formula, result and style', async () => {
    const direct = await reopen((await saveWorkbookBuffer(new ExcelJS.Workbook(), sheets, undefined, { cells: 'package' })).buffer);
    const model = await reopen((await saveWorkbookBuffer(new ExcelJS.Workbook(), sheets, undefined, { cells: 'model' })).buffer);
    expect(direct.worksheets.map((w) => w.name)).toEqual(model.worksheets.map((w) => w.name));
    let compared = 0;
    for (const ws of model.worksheets) {
      const other = direct.getWorksheet(ws.name)!;
      expect(other.rowCount).toBe(ws.rowCount);
      expect(other.columnCount).toBe(ws.columnCount);
      expect(other.views).toEqual(ws.views);
      // ExcelJS keeps the conditional formats it read here (its typings do not list it)
      const formats = (w: ExcelJS.Worksheet) => (w as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
      expect(formats(other)).toEqual(formats(ws));
      expect(other.columns?.map((c) => c.width)).toEqual(ws.columns?.map((c) => c.width));
      for (let r = 1; r <= ws.rowCount; r++)
        for (let c = 1; c <= ws.columnCount; c++) {
          const want = ws.getCell(r, c);
          const got = other.getCell(r, c);
          expect([got.address, got.type, got.value, got.style]).toEqual([want.address, want.type, want.value, want.style]);
          compared++;
        }
    }
    expect(compared).toBeGreaterThan(250);
    // the awkward strings themselves
    const awkward = direct.getWorksheet(AWKWARD.name)!;
    expect(awkward.getCell('A1').value).toBe('a < b & c > d');
    expect(awkward.getCell('C1').value).toBe('  padded  ');
    expect(awkward.getCell('A2').value).toBe('line one\nline two');
    expect(awkward.getCell('B2').value).toBe('bellgone');
    expect(awkward.getCell('C2').value).toBe('Zoë – Ødegård 北京');
    expect(awkward.getCell('B3').fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
    expect(awkward.getCell('C3').value).toBeNull(); // not finite: left empty, its format kept
    expect(awkward.getCell('C3').numFmt).toBe('0.0');
    expect(awkward.getCell('D3').value).toBe(-0.000001234);
    expect(awkward.getCell('A4').value).toEqual({ formula: 'IF(A1="a < b & c > d","yes","no")', result: 'x' });
    expect(awkward.getCell('C4').value).toEqual({ formula: 'B3=""', result: true });
    expect(awkward.getCell('D4').font).toMatchObject({ size: 14 });
  });

  it('really takes the package path: our sheets hold inline strings and every cell, ExcelJS wrote only one cell per style', async () => {
    const saved = await saveWorkbookBuffer(new ExcelJS.Workbook(), sheets);
    const zip = await JSZip.loadAsync(saved.buffer);
    const paths = await worksheetPaths(zip);
    const data = await zip.file(paths.get(DATA)!)!.async('string');
    expect(data).toContain('<dimension ref="A1:E41"/>');
    expect((data.match(/<c r="/g) ?? []).length).toBe(41 * 5);
    expect(data).toContain('<c r="A2" t="inlineStr"><is><t>AC-101</t></is></c>');
    expect(data).not.toMatch(/t="s"/);
    const summary = await zip.file(paths.get(SUMMARY)!)!.async('string');
    expect(summary).toMatch(/<mergeCell ref="A7:H7"\/>/);
    expect(summary).toMatch(/<conditionalFormatting sqref="A2:H4">/);
    // the drawing element for the chart went into the sheet as finished
    expect(summary).toMatch(/<drawing r:id="rId\d+"\/>/);
  });
});

describe('sheetXml pieces', () => {
  it('writes each kind of cell as ExcelJS does, strings inline', () => {
    expect(cellXml('B2', { value: 3.25 }, 0)).toBe('<c r="B2"><v>3.25</v></c>');
    expect(cellXml('B2', { value: 3.25 }, 7)).toBe('<c r="B2" s="7"><v>3.25</v></c>');
    expect(cellXml('C1', { value: true }, 0)).toBe('<c r="C1" t="b"><v>1</v></c>');
    expect(cellXml('C1', { value: null }, 0)).toBe('');
    expect(cellXml('C1', { value: null }, 3)).toBe('<c r="C1" s="3"/>');
    expect(cellXml('C1', { value: NaN }, 0)).toBe('');
    expect(cellXml('A9', { value: 'R&D' }, 2)).toBe('<c r="A9" s="2" t="inlineStr"><is><t>R&amp;D</t></is></c>');
    expect(cellXml('A9', { value: ' x' }, 0)).toBe('<c r="A9" t="inlineStr"><is><t xml:space="preserve"> x</t></is></c>');
    expect(cellXml('D4', { value: 'Over', formula: 'IF(E4>1/3,"Over","Under")' }, 0)).toBe('<c r="D4" t="str"><f>IF(E4&gt;1/3,&quot;Over&quot;,&quot;Under&quot;)</f><v>Over</v></c>');
    expect(cellXml('D4', { value: false, formula: 'A1>2' }, 0)).toBe('<c r="D4" t="b"><f>A1&gt;2</f><v>0</v></c>');
    expect(cellXml('D4', { value: null, formula: 'NA()' }, 5)).toBe('<c r="D4" s="5"><f>NA()</f></c>');
    expect(cellXml('D4', { value: 1e21, formula: 'A1*1' }, 0)).toBe('<c r="D4"><f>A1*1</f><v>1e+21</v></c>');
  });

  it('escapes markup and drops the control characters XML cannot hold, keeping tab, line feed and carriage return', () => {
    expect(escapeText(`<a href='x'>"&"</a>`)).toBe('&lt;a href=&apos;x&apos;&gt;&quot;&amp;&quot;&lt;/a&gt;');
    expect(escapeText('a\u0000b\u0008c\td\ne\rf\u000bg\u001fh\u007fi')).toBe('abc\td\ne\rfghi');
    expect(escapeText('plain text')).toBe('plain text');
  });

  it('spans the cells that hold something for <dimension>, and replaces <sheetData> in either form', () => {
    expect(dimensionRef({ name: 's', role: 'r', rows: [] })).toBe('A1');
    expect(dimensionRef({ name: 's', role: 'r', rows: [[{ value: 1 }], [null, null, { value: null, bold: true }], [{ value: null }]] })).toBe('A1:C2');
    expect(dimensionRef({ name: 's', role: 'r', rows: [[{ value: 1 }]], merges: ['A3:D4'] })).toBe('A1:D4');
    const open = '<worksheet><dimension ref="A1:B3"/><sheetViews/><sheetData><row r="1"><c r="A1"/></row></sheetData><mergeCells/></worksheet>';
    expect(replaceSheetData(open, '<sheetData>NEW</sheetData>', 'A1:Z9')).toBe('<worksheet><dimension ref="A1:Z9"/><sheetViews/><sheetData>NEW</sheetData><mergeCells/></worksheet>');
    const closed = '<worksheet><dimension ref="A1"/><sheetData/><pageMargins/></worksheet>';
    expect(replaceSheetData(closed, '<sheetData>NEW</sheetData>', 'A1:B2')).toBe('<worksheet><dimension ref="A1:B2"/><sheetData>NEW</sheetData><pageMargins/></worksheet>');
    expect(() => replaceSheetData('<worksheet/>', '<sheetData/>', 'A1')).toThrow(/no <sheetData>/);
  });
});
