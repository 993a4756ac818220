/**
 * The rebalance output grafted into the input's own package (graft.ts): the user's parts as they
 * were, ours as ExcelJS would have written them, a package any reader can follow.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { historySheet } from '../../../src/core/apply';
import type { SheetDescription } from '../../../src/core/report/sheet';
import { editCells, graftOutputSheets, type GraftResult } from '../../../src/hosts/xlsx/graft';
import { readSheetsOf } from '../../../src/hosts/xlsx/read';
import { readPackageSheets } from '../../../src/hosts/xlsx/readPackage';
import { readOwnedSheets } from '../../../src/hosts/xlsx/ownership';
import { attributes } from '../../../src/hosts/xlsx/package';
import { saveWorkbookBuffer } from '../../../src/hosts/xlsx/save';
import { writeOutputWorkbook } from '../../../src/hosts/xlsx/write';
import { zipWithZlib } from '../../../src/hosts/node/zip';
import { rawEntries } from '../../../src/hosts/xlsx/zipParts';
import { packageProblems } from '../../support/xlsxPackage';
import { accountRows, DATA, reportSheets, SUMMARY } from './fixtures';

const HISTORY = 'history';
const keepHistory = { removeStale: (role: string) => role !== HISTORY, activateFirst: true };

/** A sparkline group: ExcelJS reads no x14 extension, so a workbook loaded and saved through it loses this. */
const SPARKLINES =
  '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
  '<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap">' +
  '<x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>Accounts!B2:B3</xm:f><xm:sqref>C2</xm:sqref></x14:sparkline>' +
  '</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>';

/**
 * The user's workbook: Accounts (a bold header, a sparkline), Notes (selected when saved), a
 * workbook-wide name and one local to Notes. `edit` changes the package before it is zipped.
 */
async function userWorkbook(edit?: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const accounts = wb.addWorksheet('Accounts');
  accounts.addRows([
    ['Account ID', 'Owner', 'Trend'],
    ['A-1', 4],
    ['A-2', 7],
  ]);
  accounts.getRow(1).font = { bold: true, color: { argb: 'FF7030A0' } };
  wb.addWorksheet('Notes', { views: [{ tabSelected: true } as unknown as ExcelJS.WorksheetView] }).getCell('A1').value = 'mine';
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', sheet.replace('</worksheet>', `${SPARKLINES}</worksheet>`));
  const book = await zip.file('xl/workbook.xml')!.async('string');
  zip.file(
    'xl/workbook.xml',
    book.replace('</sheets>', '</sheets><definedNames><definedName name="Pick" localSheetId="1">Notes!$A$1</definedName><definedName name="Total">Accounts!$B$2:$B$3</definedName></definedNames>'),
  );
  await edit?.(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function graft(original: Uint8Array, sheets: SheetDescription[]): Promise<{ result: GraftResult; bytes: Uint8Array }> {
  const result = await graftOutputSheets(original, sheets, keepHistory);
  if (!result) throw new Error('graftOutputSheets refused the package');
  return { result, bytes: await zipWithZlib(result.zip, result.keep) };
}

async function text(bytes: Uint8Array, part: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(part)!.async('string');
}

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

describe('graftOutputSheets', () => {
  const sheets = () => [...reportSheets(accountRows(2, 9)), historySheet([])];

  it("keeps the user's parts as they were: a sheet byte for byte (its compressed bytes copied), a sparkline ExcelJS drops, the names", async () => {
    const input = await userWorkbook();
    const { result, bytes } = await graft(input, sheets());
    expect(result.written).toEqual([DATA, SUMMARY, 'Rebalance History']);
    expect(await packageProblems(bytes)).toEqual([]);
    // Accounts is untouched: the same text, and the same compressed bytes as in the input
    expect(await text(bytes, 'xl/worksheets/sheet1.xml')).toBe(await text(input, 'xl/worksheets/sheet1.xml'));
    expect(Buffer.from(rawEntries(bytes)!.get('xl/worksheets/sheet1.xml')!.body).equals(Buffer.from(rawEntries(input)!.get('xl/worksheets/sheet1.xml')!.body))).toBe(true);
    expect(await text(bytes, 'xl/worksheets/sheet1.xml')).toContain('<x14:sparkline><xm:f>Accounts!B2:B3</xm:f>');
    const book = await text(bytes, 'xl/workbook.xml');
    expect(book).toContain('<definedName name="Pick" localSheetId="1">Notes!$A$1</definedName><definedName name="Total">Accounts!$B$2:$B$3</definedName>');
    // the same output through ExcelJS's whole workbook loses the sparkline: what grafting is for
    const wb = await read(input);
    const through = await saveWorkbookBuffer(wb, sheets(), input, keepHistory);
    expect(await text(through.buffer, 'xl/worksheets/sheet1.xml')).not.toContain('sparkline');
  });

  it('writes our sheets as ExcelJS would: the same values, formulas, formats, merges, conditional formats, widths and panes', async () => {
    const input = await userWorkbook();
    const { bytes } = await graft(input, sheets());
    const viaExcelJs = (await saveWorkbookBuffer(await read(input), sheets(), input, keepHistory)).buffer;
    const [a, b] = await Promise.all([read(bytes), read(viaExcelJs)]);
    expect(a.worksheets.map((w) => [w.name, w.state])).toEqual(b.worksheets.map((w) => [w.name, w.state]));
    let compared = 0;
    for (const name of [DATA, SUMMARY, 'Rebalance History']) {
      const x = a.getWorksheet(name)!;
      const y = b.getWorksheet(name)!;
      expect(x.rowCount).toBe(y.rowCount);
      for (let r = 1; r <= y.rowCount; r++)
        for (let c = 1; c <= y.columnCount; c++) {
          const at = `${name}!${y.getCell(r, c).address}`;
          expect({ at, value: x.getCell(r, c).value, style: x.getCell(r, c).style }).toEqual({ at, value: y.getCell(r, c).value, style: y.getCell(r, c).style });
          compared++;
        }
      const cf = (w: ExcelJS.Worksheet) => (w as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
      expect(cf(x)).toEqual(cf(y));
      if (name === SUMMARY) expect(cf(x)).toHaveLength(1);
      expect((x as unknown as { _merges: unknown })._merges).toEqual((y as unknown as { _merges: unknown })._merges);
      expect(x.columns?.map((col) => col.width)).toEqual(y.columns?.map((col) => col.width));
      expect(x.views).toEqual(y.views);
      expect(x.properties.tabColor).toEqual(y.properties.tabColor);
    }
    expect(compared).toBeGreaterThan(100);
    // both charts, drawn from our sheets
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(2);
    // the user's own formats are still theirs
    expect(a.getWorksheet('Accounts')!.getCell('A1').font).toEqual({ bold: true, color: { argb: 'FF7030A0' } });
  });

  it('opens on the first sheet written, the only one selected (the user had saved on Notes)', async () => {
    const input = await userWorkbook();
    expect(await text(input, 'xl/worksheets/sheet2.xml')).toContain('tabSelected="1"');
    const { bytes } = await graft(input, sheets());
    const wb = await read(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Accounts', 'Notes', DATA, SUMMARY, 'Rebalance History', '_TerritoryRebalancer']);
    expect(/activeTab="(\d+)"/.exec(await text(bytes, 'xl/workbook.xml'))![1]).toBe('2');
    // ExcelJS does not read tabSelected back: the sheets' own XML says which are selected
    const zip = await JSZip.loadAsync(bytes);
    const book = await zip.file('xl/workbook.xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const selected: string[] = [];
    for (const tag of book.match(/<sheet\b[^>]*>/g) ?? []) {
      const a = attributes(tag);
      const target = attributes((rels.match(/<Relationship\b[^>]*>/g) ?? []).find((r) => attributes(r).Id === a['r:id'])!).Target;
      if (/<sheetView\b[^>]*tabSelected="1"/.test(await zip.file(`xl/${target}`)!.async('string'))) selected.push(a.name);
    }
    expect(selected).toEqual([DATA]);
  });

  it('on a re-run replaces our sheets in place, removes a stale one with its parts, keeps the history, and moves local names with their sheets', async () => {
    const first = (await graft(await userWorkbook(), sheets())).bytes;
    // the user adds a sheet after ours, with a name local to it
    const later = await JSZip.loadAsync(first);
    later.file('xl/worksheets/sheet99.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>');
    const types = await later.file('[Content_Types].xml')!.async('string');
    later.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
    const rels = await later.file('xl/_rels/workbook.xml.rels')!.async('string');
    later.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>'));
    const book = await later.file('xl/workbook.xml')!.async('string');
    later.file(
      'xl/workbook.xml',
      book.replace('</sheets>', '<sheet name="Later" sheetId="99" r:id="rId99"/></sheets>').replace('</definedNames>', '<definedName name="Empty" localSheetId="6"/><definedName name="Mine" localSheetId="6">Later!$A$1</definedName></definedNames>'),
    );
    const input = await later.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });

    const { result, bytes } = await graft(input, reportSheets(accountRows(3, 9)).filter((s) => s.name === DATA));
    expect(result.removed).toEqual([SUMMARY]);
    expect(await packageProblems(bytes)).toEqual([]);
    const wb = await read(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Accounts', 'Notes', DATA, 'Rebalance History', 'Later', '_TerritoryRebalancer']);
    expect([...readOwnedSheets(wb)]).toEqual([
      [HISTORY, 'Rebalance History'],
      ['test-data', DATA],
    ]);
    // Later moved from index 6 to 4; Notes's name stays at 1
    const names = await text(bytes, 'xl/workbook.xml');
    expect(names).toContain('<definedName name="Empty" localSheetId="4"/><definedName name="Mine" localSheetId="4">Later!$A$1</definedName>');
    expect(names).toContain('<definedName name="Pick" localSheetId="1">');
    // the summary's sheet, drawing and chart went with it: one chart left (the data sheet's new one)
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(1);
    expect(Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))).toHaveLength(6);
    expect(wb.getWorksheet(DATA)!.getCell('A2').value).toBe(accountRows(3, 9)[0].id);
  });

  it('adds no style on a re-run of the same output (identical formats are reused)', async () => {
    const first = (await graft(await userWorkbook(), sheets())).bytes;
    const second = (await graft(first, sheets())).bytes;
    const count = (xml: string, tag: string) => Number(new RegExp(`<${tag} count="(\\d+)"`).exec(xml)![1]);
    const [s1, s2] = [await text(first, 'xl/styles.xml'), await text(second, 'xl/styles.xml')];
    for (const tag of ['numFmts', 'fonts', 'fills', 'cellXfs', 'dxfs']) expect([tag, count(s2, tag)]).toEqual([tag, count(s1, tag)]);
    // and more than the user's workbook had: ours did go in
    expect(count(s1, 'cellXfs')).toBeGreaterThan(count(await text(await userWorkbook(), 'xl/styles.xml'), 'cellXfs'));
  });

  it("leaves a user sheet that has one of our names alone and writes ours beside it, its formulas following", async () => {
    const input = await userWorkbook(async (zip) => {
      const book = await zip.file('xl/workbook.xml')!.async('string');
      zip.file('xl/workbook.xml', book.replace('name="Notes"', `name="${SUMMARY}"`).replace('Notes!$A$1', `'${SUMMARY}'!$A$1`));
    });
    const { result, bytes } = await graft(input, sheets());
    expect(result.renamed).toEqual([{ wanted: SUMMARY, used: `${SUMMARY} (2)` }]);
    const wb = await read(bytes);
    expect(wb.getWorksheet(SUMMARY)!.getCell('A1').value).toBe('mine');
    expect(wb.getWorksheet(`${SUMMARY} (2)`)!.getCell('A2').value).toBe('Ann Lee');
  });

  it('refuses a package it does not know how to edit, and writeOutputWorkbook then goes through ExcelJS', async () => {
    const prefixed = await userWorkbook(async (zip) => {
      const book = await zip.file('xl/workbook.xml')!.async('string');
      zip.file('xl/workbook.xml', book.replace('<workbook xmlns=', '<workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:y='));
    });
    expect(await graftOutputSheets(prefixed, sheets())).toBeNull();
    expect(await graftOutputSheets(await userWorkbook(), sheets())).not.toBeNull();
    // <sheet> elements with a closing tag: ExcelJS reads them, graft.ts does not
    const closed = await userWorkbook(async (zip) => {
      const book = await zip.file('xl/workbook.xml')!.async('string');
      zip.file('xl/workbook.xml', book.replace(/(<sheet\b[^>]*?)\/>/g, '$1></sheet>'));
    });
    expect(await graftOutputSheets(closed, sheets())).toBeNull();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tr-graft-'));
    try {
      await fs.writeFile(path.join(dir, 'in.xlsx'), closed);
      const written = await writeOutputWorkbook(path.join(dir, 'in.xlsx'), path.join(dir, 'out.xlsx'), sheets());
      expect(written).toMatchObject({ ok: true, written: [DATA, SUMMARY, 'Rebalance History'] });
      const wb = await read(new Uint8Array(await fs.readFile(path.join(dir, 'out.xlsx'))));
      expect(wb.getWorksheet(SUMMARY)!.getCell('A2').value).toBe('Ann Lee');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('zipWithZlib passing parts through', () => {
  it('copies the compressed bytes of untouched parts and deflates the rest; the archive reads back with every CRC checked', async () => {
    const input = await userWorkbook();
    const zip = await JSZip.loadAsync(input);
    const loaded = new Map(Object.entries(zip.files));
    zip.file('xl/worksheets/sheet2.xml', (await zip.file('xl/worksheets/sheet2.xml')!.async('string')).replace('<v>', '<v>1'));
    const out = await zipWithZlib(zip, { original: input, untouched: (p) => zip.files[p] === loaded.get(p) });
    const [inRaw, outRaw] = [rawEntries(input)!, rawEntries(out)!];
    expect(Buffer.from(outRaw.get('xl/worksheets/sheet1.xml')!.body).equals(Buffer.from(inRaw.get('xl/worksheets/sheet1.xml')!.body))).toBe(true);
    expect(Buffer.from(outRaw.get('xl/worksheets/sheet2.xml')!.body).equals(Buffer.from(inRaw.get('xl/worksheets/sheet2.xml')!.body))).toBe(false);
    const back = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(await back.file('xl/worksheets/sheet2.xml')!.async('string')).toBe(await zip.file('xl/worksheets/sheet2.xml')!.async('string'));
    expect(await back.file('xl/worksheets/sheet2.xml')!.async('string')).not.toBe(await (await JSZip.loadAsync(input)).file('xl/worksheets/sheet2.xml')!.async('string'));
    expect(await back.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(await zip.file('xl/worksheets/sheet1.xml')!.async('string'));
    const files = (z: JSZip) => Object.keys(z.files).filter((p) => !z.files[p].dir).sort();
    expect(files(back)).toEqual(files(zip));
  });

  it('reads no entries from bytes that are not a zip', () => {
    expect(rawEntries(new Uint8Array(100))).toBeNull();
  });
});

describe('editCells', () => {
  const sheet = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
  const row2 = '<row r="2" spans="1:4"><c r="A2" t="s"><v>0</v></c><c r="C2" s="5" t="s"><v>3</v></c><c r="D2"><v>9</v></c></row>';

  it('writes each value in place of the cell, keeping its style; a missing cell goes in column order; spans are left out', () => {
    const out = editCells(sheet(row2), [
      { row: 2, column: 'C', value: 'Bo <Chen>' },
      { row: 2, column: 'B', value: 7 },
      { row: 2, column: 'F', value: true },
    ]);
    expect(out).toBe(
      sheet('<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>7</v></c><c r="C2" s="5" t="inlineStr"><is><t>Bo &lt;Chen&gt;</t></is></c><c r="D2"><v>9</v></c><c r="F2" t="b"><v>1</v></c></row>'),
    );
  });

  it('empties a cell: a styled one keeps its style, an unstyled one goes; other rows are untouched', () => {
    const row3 = '<row r="3"><c r="C3" t="s"><v>4</v></c></row>';
    expect(editCells(sheet(row2 + row3), [
      { row: 2, column: 'C', value: null },
      { row: 3, column: 'C', value: null },
    ])).toBe(sheet('<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" s="5"/><c r="D2"><v>9</v></c></row><row r="3"></row>'));
    expect(editCells(sheet(row2 + row3), [{ row: 3, column: 'C', value: ' padded ' }])).toBe(sheet(`${row2}<row r="3"><c r="C3" t="inlineStr"><is><t xml:space="preserve"> padded </t></is></c></row>`));
  });

  it('gives up (null) on a row it cannot find, a cell without its address, or the first cell of a shared formula', () => {
    expect(editCells(sheet(row2), [{ row: 4, column: 'C', value: 'x' }])).toBeNull();
    expect(editCells(sheet('<row r="2"><c t="s"><v>0</v></c></row>'), [{ row: 2, column: 'C', value: 'x' }])).toBeNull();
    // C2 holds the formula C3 shares: overwriting it would leave C3 without one
    const shared = '<row r="2"><c r="C2"><f t="shared" ref="C2:C3" si="0">A2</f><v>1</v></c></row><row r="3"><c r="C3"><f t="shared" si="0"/><v>2</v></c></row>';
    expect(editCells(sheet(shared), [{ row: 2, column: 'C', value: 'x' }])).toBeNull();
    expect(editCells(sheet(shared), [{ row: 3, column: 'C', value: 'x' }])).toContain('<c r="C3" t="inlineStr"><is><t>x</t></is></c>');
  });
});

describe('readSheetsOf', () => {
  it('reads the user\'s sheets of a grafted workbook but ours, those kept too; ExcelJS reads a package the package reader refuses the same way', async () => {
    const { bytes } = await graft(await userWorkbook(), [...reportSheets(accountRows(2, 9)), historySheet([])]);
    const userOnly = await readSheetsOf(bytes);
    expect(userOnly.sheets.map((s) => s.name)).toEqual(['Accounts', 'Notes']);
    expect(userOnly.names).toEqual(['Accounts', 'Notes', DATA, SUMMARY, 'Rebalance History']);
    expect(userOnly.sheets[0].values[1][0]).toBe('A-1');
    expect([...userOnly.owned.keys()].sort()).toEqual([HISTORY, 'test-data', 'test-summary']);
    const withHistory = await readSheetsOf(bytes, (role) => role === HISTORY);
    expect(withHistory.sheets.map((s) => s.name)).toEqual(['Accounts', 'Notes', 'Rebalance History']);
    const summaryByName = await readSheetsOf(bytes, (_, name) => name === SUMMARY);
    expect(summaryByName.sheets.map((s) => s.name)).toEqual(['Accounts', 'Notes', SUMMARY]);

    // the relationships' prefix declared on <sheets>, not on the workbook's root: ExcelJS reads it, graft.ts and readPackage.ts do not
    const zip = await JSZip.loadAsync(bytes);
    const book = await zip.file('xl/workbook.xml')!.async('string');
    const ns = / xmlns:r="[^"]+"/.exec(book)![0];
    zip.file('xl/workbook.xml', book.replace(ns, '').replace('<sheets>', `<sheets${ns}>`));
    const refused = await zip.generateAsync({ type: 'uint8array' });
    expect(await readPackageSheets(refused)).toBeNull();
    for (const keep of [() => false, (role: string) => role === HISTORY]) expect(await readSheetsOf(refused, keep)).toEqual(await readSheetsOf(bytes, keep));
  });
});
