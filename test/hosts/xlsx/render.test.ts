import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readOwnedSheets } from '../../../src/hosts/xlsx/ownership';
import { OWNERSHIP_SHEET } from '../../../src/core/report/ownership';
import { saveWorkbookBuffer } from '../../../src/hosts/xlsx/save';
import { accountRows, DATA, formulaCells, REPS, reportSheets, SUMMARY } from './fixtures';

async function reopen(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
  return wb;
}

describe('renderSheets + saveWorkbookBuffer', () => {
  const rows = accountRows(7, 12);
  const sheets = reportSheets(rows);

  it('writes values, formulas with their cached results, and formats that ExcelJS reads back', async () => {
    const saved = await saveWorkbookBuffer(new ExcelJS.Workbook(), sheets);
    expect(saved.written).toEqual([DATA, SUMMARY]);
    expect(saved.renamed).toEqual([]);
    const wb = await reopen(saved.buffer);
    const data = wb.getWorksheet(DATA)!;
    const summary = wb.getWorksheet(SUMMARY)!;

    // plain values, row by row
    rows.forEach((r, i) => {
      expect(data.getCell(i + 2, 1).value).toBe(r.id);
      expect(data.getCell(i + 2, 4).value).toBe(r.potential);
      expect(data.getCell(i + 2, 5).value).toBe(r.revenue);
    });

    // every formula comes back with its text and the value written with it
    const formulas = formulaCells(sheets);
    expect(formulas).toHaveLength(REPS.length * 7 + 2);
    for (const f of formulas) {
      const cell = wb.getWorksheet(f.sheet)!.getCell(f.address);
      expect(cell.formula).toBe(f.formula);
      expect(cell.result).toEqual(f.value);
    }
    // worked numbers: the summary's totals are the data's
    const total = rows.reduce((s, r) => s + r.potential, 0);
    expect(summary.getCell('C5').value).toMatchObject({ formula: 'SUM(C2:C4)', result: total });
    expect(summary.getCell('B2').value).toMatchObject({ formula: "COUNTIFS('Rep Data'!$B$2:$B$13,A2)", result: 4 });
    expect(summary.getCell('F3').value).toMatchObject({ result: 'AC-102' });

    // formats
    expect(data.getCell('D2').numFmt).toBe('#,##0');
    expect(data.getCell('E2').numFmt).toBe('$#,##0.00');
    expect(summary.getCell('E2').numFmt).toBe('0.0%');
    expect(data.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FF1F3864' } });
    expect(data.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(data.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(data.getCell('C2').font).toMatchObject({ italic: true });
    // cells of one style share one style object when written; a cell of another keeps its own
    expect(data.getCell('D3').numFmt).toBe('#,##0');
    expect(data.getCell('A2').numFmt).toBeUndefined();
    expect(data.getCell('A2').font?.italic).toBeFalsy();
    expect(data.getCell('A2').font?.bold).toBeFalsy();
    expect(summary.getCell('A7').alignment).toMatchObject({ wrapText: true });
    expect(data.getColumn(2).width).toBe(14);
    expect(summary.getColumn(4).width).toBe(20);
    expect(data.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(summary.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 1 });
    expect(summary.getCell('H7').isMerged).toBe(true);
    expect(summary.getCell('H7').master.address).toBe('A7');
    expect(summary.properties.tabColor).toEqual({ argb: 'FF70AD47' });
    const cf = (summary as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings[0];
    expect(cf.ref).toBe('A2:H4');
    expect(cf.rules[0]).toMatchObject({ type: 'expression', formulae: ['$E2>1/3'] });

    // our sheets are recorded as ours in a very hidden sheet
    expect(wb.getWorksheet(OWNERSHIP_SHEET)!.state).toBe('veryHidden');
    expect([...readOwnedSheets(wb)]).toEqual([
      ['test-data', DATA],
      ['test-summary', SUMMARY],
    ]);
  });

  it('prints landscape one page wide when described, and can open the workbook on the first sheet written', async () => {
    const printed = sheets.map((sh, i) => (i === 1 ? { ...sh, print: { landscape: true, fitToWidth: true } } : { ...sh, print: { landscape: false, fitToWidth: true, onePage: true } }));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Accounts').getCell('A1').value = 'user data';
    const saved = await saveWorkbookBuffer(wb, printed, undefined, { activateFirst: true });
    const back = await reopen(saved.buffer);
    expect(back.getWorksheet(SUMMARY)!.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(back.getWorksheet(DATA)!.pageSetup).toMatchObject({ orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
    // Tabs: Accounts (user), then DATA, SUMMARY: the workbook opens on DATA, the first sheet written.
    expect((back.views[0] as { activeTab?: number }).activeTab).toBe(1);
  });

  it('adds one chart part per chart with range formulas and the cached values', async () => {
    const saved = await saveWorkbookBuffer(new ExcelJS.Workbook(), sheets);
    const zip = await JSZip.loadAsync(saved.buffer);
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort();
    expect(charts).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml']);
    const scatter = await zip.file('xl/charts/chart1.xml')!.async('string');
    const column = await zip.file('xl/charts/chart2.xml')!.async('string');
    expect(scatter).toContain('<c:scatterChart><c:scatterStyle val="lineMarker"/>');
    expect(scatter).toContain("<c:f>'Rep Data'!$D$2:$D$13</c:f>");
    expect(scatter).toContain(`<c:pt idx="11"><c:v>${rows[11].revenue}</c:v></c:pt>`);
    expect(column).toContain('<c:barDir val="col"/>');
    expect(column).toContain('<c:tx><c:v>Enterprise Slice</c:v></c:tx>');
    expect(column).toContain(`<c:strCache><c:ptCount val="3"/><c:pt idx="0"><c:v>Ann Lee</c:v></c:pt>`);
    const total = rows.filter((r) => r.rep === 'Bo Chen').reduce((s, r) => s + r.potential, 0);
    expect(column).toContain(`<c:pt idx="1"><c:v>${total}</c:v></c:pt>`);

    // wiring: each sheet -> its drawing -> its chart, and content types
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    const sheet1 = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet1).toMatch(/<pageSetup[^>]*\/><drawing r:id="rId\d+"\/><\/worksheet>$/);
    const rels1 = await zip.file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string');
    expect(rels1).toContain('Target="../drawings/drawing1.xml"');
    const drawingRels1 = await zip.file('xl/drawings/_rels/drawing1.xml.rels')!.async('string');
    expect(drawingRels1).toContain('Target="../charts/chart1.xml"');
    const drawing2 = await zip.file('xl/drawings/drawing2.xml')!.async('string');
    expect(drawing2).toContain('<xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>');
    expect(drawing2).toContain('<xdr:to><xdr:col>17</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row>');
  });

  it('never overwrites a user sheet with a wanted name, and re-running replaces only our own sheets', async () => {
    const user = new ExcelJS.Workbook();
    const mine = user.addWorksheet(DATA);
    mine.getCell('A1').value = 'my notes';
    mine.getCell('B2').value = 42;
    user.addWorksheet('Other').getCell('A1').value = 'keep';

    const first = await saveWorkbookBuffer(user, sheets);
    expect(first.renamed).toEqual([{ wanted: DATA, used: `${DATA} (2)` }]);
    expect(first.written).toEqual([`${DATA} (2)`, SUMMARY]);
    const wb1 = await reopen(first.buffer);
    expect(wb1.getWorksheet(DATA)!.getCell('A1').value).toBe('my notes');
    expect(wb1.getWorksheet(DATA)!.getCell('B2').value).toBe(42);
    // formulas and charts follow our renamed sheet
    expect(wb1.getWorksheet(SUMMARY)!.getCell('C2').formula).toBe("SUMIFS('Rep Data (2)'!$D$2:$D$13,'Rep Data (2)'!$B$2:$B$13,A2)");
    const chart = await (await JSZip.loadAsync(first.buffer)).file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain("<c:f>'Rep Data (2)'!$D$2:$D$13</c:f>");

    // second run on the output, with different data: our two sheets are replaced in place, nothing else changes
    const rows2 = accountRows(8, 12);
    const second = await saveWorkbookBuffer(wb1, reportSheets(rows2));
    expect(second.renamed).toEqual([{ wanted: DATA, used: `${DATA} (2)` }]);
    const wb2 = await reopen(second.buffer);
    expect(wb2.worksheets.map((w) => w.name)).toEqual([DATA, 'Other', `${DATA} (2)`, SUMMARY, '_TerritoryRebalancer']);
    expect(wb2.getWorksheet(DATA)!.getCell('A1').value).toBe('my notes');
    expect(wb2.getWorksheet('Other')!.getCell('A1').value).toBe('keep');
    expect(wb2.getWorksheet(`${DATA} (2)`)!.getCell('D2').value).toBe(rows2[0].potential);
    expect(rows2[0].potential).not.toBe(rows[0].potential);
    const total2 = rows2.reduce((s, r) => s + r.potential, 0);
    expect(wb2.getWorksheet(SUMMARY)!.getCell('C5').value).toMatchObject({ result: total2 });

    // re-running does not pile up copies
    expect(wb2.worksheets.filter((w) => w.name.includes('(3)'))).toEqual([]);
  });

  it('keeps a replaced sheet at its place in the tab order', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('First');
    const once = await reopen((await saveWorkbookBuffer(wb, sheets)).buffer);
    once.addWorksheet('Added Later');
    const twice = await reopen((await saveWorkbookBuffer(once, reportSheets(accountRows(9, 12)))).buffer);
    expect(twice.worksheets.map((w) => w.name)).toEqual(['First', DATA, SUMMARY, 'Added Later', '_TerritoryRebalancer']);
  });
});
