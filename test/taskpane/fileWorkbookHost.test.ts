/**
 * The standalone page's WorkbookHost on a real .xlsx (generated from the seeded sample): it reads
 * the workbook from bytes, and Write / Apply / Undo change the in-memory workbook and hand the
 * whole workbook to `saveFile` (the page's download), owners restored exactly by Undo.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbookSheets } from '../../src/core/read/index';
import type { SheetDescription } from '../../src/core/report/sheet';
import { sheetValuesOf } from '../../src/hosts/xlsx/read';
import { saveWorkbookBuffer } from '../../src/hosts/xlsx/save';
import { createFileWorkbookHost, outputFileName } from '../../src/standalone/fileWorkbookHost';
import { accountRows, reportSheets } from '../hosts/xlsx/fixtures';
import { sampleWorkbookBytes } from './sampleWorkbook';

interface Saved {
  bytes: Uint8Array;
  name: string;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

function arrayBufferOf(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

describe('file WorkbookHost (standalone page)', () => {
  it('names the download after the file', () => {
    expect(outputFileName('Q3 territories.xlsx')).toBe('Q3 territories (rebalanced).xlsx');
    expect(outputFileName('book.XLSX')).toBe('book (rebalanced).xlsx');
    expect(outputFileName(null)).toBe('workbook (rebalanced).xlsx');
  });

  it('refuses to work before a workbook is open', async () => {
    const host = createFileWorkbookHost(() => undefined);
    await expect(host.readSheets()).rejects.toThrow('Open a workbook (.xlsx) first.');
  });

  it('applies owners, offers the workbook, and undoes exactly', async () => {
    const saved: Saved[] = [];
    const host = createFileWorkbookHost((bytes, name) => saved.push({ bytes, name }));
    await host.open(arrayBufferOf(await sampleWorkbookBytes()), 'territories.xlsx');
    expect(host.kind).toBe('file');
    expect(host.fileName).toBe('territories.xlsx');

    const data = readWorkbookSheets(await host.readSheets());
    expect(data.accounts).toHaveLength(60);
    const ownerColumn = data.source.ownerColumn as string;
    expect(ownerColumn).toBe('C');
    const active = data.reps.filter((r) => r.status !== 'Departing').map((r) => r.id);
    // Move the first three accounts to a different active rep each.
    const owners = data.accounts.map((a) => a.owner);
    const moved = [0, 1, 2].map((i) => {
      const to = active.find((id) => id !== data.accounts[i].owner) as string;
      owners[i] = to;
      return { row: data.accounts[i].row, from: data.accounts[i].owner, to };
    });

    const applied = await host.applyScenario(data, owners, 'Minimal');
    expect(applied.changed).toBe(3);
    expect(applied.batch).toBe(1);
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe('territories (rebalanced).xlsx');
    const afterApply = await load(saved[0].bytes);
    const accounts = afterApply.getWorksheet('Accounts') as ExcelJS.Worksheet;
    expect(moved.map((m) => accounts.getCell(`${ownerColumn}${m.row}`).value)).toEqual(moved.map((m) => m.to));
    const history = afterApply.getWorksheet('Rebalance History') as ExcelJS.Worksheet;
    expect(history.actualRowCount).toBe(4); // header + one row per changed owner

    // The in-memory workbook now holds the new owners too.
    const reread = readWorkbookSheets(await host.readSheets());
    expect(reread.accounts.slice(0, 3).map((a) => a.owner)).toEqual(moved.map((m) => m.to));

    const undone = await host.undoLastApply();
    expect(undone.restored).toBe(3);
    expect(saved).toHaveLength(2);
    const afterUndo = (await load(saved[1].bytes)).getWorksheet('Accounts') as ExcelJS.Worksheet;
    expect(moved.map((m) => afterUndo.getCell(`${ownerColumn}${m.row}`).value)).toEqual(moved.map((m) => m.from));

    await expect(host.undoLastApply()).rejects.toThrow('There is no Apply to undo.');
    expect(saved).toHaveLength(2);

    // A scenario that changes no owner says why, as the Excel host does, and offers no download.
    await expect(host.applyScenario(data, data.accounts.map((a) => a.owner), 'Same')).rejects.toThrow('Accounts: Scenario "Same" changes no owner; nothing was applied.');
    expect(saved).toHaveLength(2);
  });

  it('writes output sheets into the workbook it offers, keeping the user sheets', async () => {
    const saved: Saved[] = [];
    const progress: number[] = [];
    const host = createFileWorkbookHost((bytes, name) => saved.push({ bytes, name }));
    await host.open(arrayBufferOf(await sampleWorkbookBytes()), 'territories.xlsx');
    const note: SheetDescription = {
      name: 'Scenario Comparison',
      role: 'scenario-comparison',
      rows: [[{ value: 'Moves', bold: true }, { value: 12 }], [{ value: 'Total' }, { value: 24, formula: 'B1*2' }]],
    };
    const outcome = await host.writeOutputs([note], (p) => progress.push(p.cellsDone / p.cellsTotal));
    expect(outcome.written).toEqual(['Scenario Comparison']);
    expect(progress).toEqual([0, 1]);
    const wb = await load(saved[0].bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Accounts', 'Reps', 'Settings', 'Scenario Comparison']));
    const ws = wb.getWorksheet('Scenario Comparison') as ExcelJS.Worksheet;
    expect(ws.getCell('B1').value).toBe(12);
    expect(ws.getCell('B2').formula).toBe('B1*2');
    // the download opens on the first output sheet, as the CLI's copy does
    expect((wb.views[0] as { activeTab?: number }).activeTab).toBe(wb.worksheets.findIndex((w) => w.name === 'Scenario Comparison'));
  });

  it('reads back what the download holds after writing the report sheets, and Apply and Undo still see the history', async () => {
    const saved: Saved[] = [];
    const host = createFileWorkbookHost((bytes, name) => saved.push({ bytes, name }));
    await host.open(arrayBufferOf(await sampleWorkbookBytes()), 'territories.xlsx');
    // the report fixture has formulas across sheets, a merged range and text with a control character
    const report = reportSheets(accountRows(3, 12));
    report[0].rows[3][1] = { value: 'Bo\u0007 Chen' };
    await host.writeOutputs(report);
    const download = await load(saved[0].bytes);
    // the report sheets' cells went straight into the download (inline strings, no shared ones), as did our record of them
    const zip = await JSZip.loadAsync(saved[0].bytes);
    const sheetXml = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)).map((p) => zip.file(p)!.async('string')));
    expect(sheetXml.filter((x) => x.includes('t="inlineStr"') && !x.includes('t="s"'))).toHaveLength(3);
    expect(sheetXml.filter((x) => x.includes('<t>Role</t>'))).toHaveLength(1);
    // what the pane reads from the open workbook is what the download holds, sheet by sheet
    expect(await host.readSheets()).toEqual(sheetValuesOf(download));
    expect((await host.readSheets()).find((v) => v.name === report[0].name)!.values[3][1]).toBe('Bo Chen');

    const data = readWorkbookSheets(await host.readSheets());
    const owners = data.accounts.map((a) => a.owner);
    owners[0] = data.reps.find((r) => r.status !== 'Departing' && r.id !== data.accounts[0].owner)!.id;
    await host.applyScenario(data, owners, 'Minimal');
    const afterApply = await load(saved[1].bytes);
    expect(await host.readSheets()).toEqual(sheetValuesOf(afterApply));
    expect((afterApply.getWorksheet('Rebalance History') as ExcelJS.Worksheet).actualRowCount).toBe(2);
    expect((await host.undoLastApply()).restored).toBe(1);
    expect(await host.readSheets()).toEqual(sheetValuesOf(await load(saved[2].bytes)));
  });
});

describe('file WorkbookHost keeps what ExcelJS cannot load', () => {
  it('carries the charts of the opened workbook into the download after Apply', async () => {
    // A workbook that already holds charts (a previous run's sheets), next to the Accounts and Reps tables.
    const wb = await load(await sampleWorkbookBytes());
    const withCharts = (await saveWorkbookBuffer(wb, reportSheets(accountRows(5, 10)))).buffer;
    const chartParts = async (bytes: Uint8Array) => Object.keys((await JSZip.loadAsync(bytes)).files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(await chartParts(withCharts)).toHaveLength(2);

    const saved: Saved[] = [];
    const host = createFileWorkbookHost((bytes, name) => saved.push({ bytes, name }));
    await host.open(withCharts.buffer.slice(withCharts.byteOffset, withCharts.byteOffset + withCharts.byteLength) as ArrayBuffer, 'territories.xlsx');
    const data = readWorkbookSheets(await host.readSheets());
    const owners = data.accounts.map((a) => a.owner);
    owners[0] = data.reps.find((r) => r.status !== 'Departing' && r.id !== data.accounts[0].owner)!.id;
    await host.applyScenario(data, owners, 'Minimal');
    expect(saved).toHaveLength(1);
    expect(await chartParts(saved[0].bytes)).toHaveLength(2);
  });

  it('keeps a part of the user\'s sheet ExcelJS drops (a sparkline) through Write, Apply and Undo, and writes Apply\'s owners into the sheet itself', async () => {
    const zip = await JSZip.loadAsync(await sampleWorkbookBytes());
    const book = await zip.file('xl/workbook.xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const rId = /<sheet [^>]*name="Accounts"[^>]*r:id="(rId\d+)"/.exec(book)![1];
    const accountsPart = `xl/${new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? /Target="([^"]+)"[^>]*Id="${rId}"/.exec(rels)![1]}`;
    const sparkline = '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup><x14:sparklines><x14:sparkline><xm:f>Accounts!E2:E3</xm:f><xm:sqref>Z2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>';
    zip.file(accountsPart, (await zip.file(accountsPart)!.async('string')).replace('</worksheet>', `${sparkline}</worksheet>`));
    const bytes = await zip.generateAsync({ type: 'uint8array' });

    const saved: Saved[] = [];
    const host = createFileWorkbookHost((b, name) => saved.push({ bytes: b, name }));
    await host.open(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, 'territories.xlsx');
    await host.writeOutputs(reportSheets(accountRows(3, 12)));
    const data = readWorkbookSheets(await host.readSheets());
    const owners = data.accounts.map((a) => a.owner);
    owners[0] = data.reps.find((r) => r.status !== 'Departing' && r.id !== data.accounts[0].owner)!.id;
    await host.applyScenario(data, owners, 'Minimal');
    await host.undoLastApply();
    expect(saved).toHaveLength(3);
    for (const { bytes: b } of saved) expect(await (await JSZip.loadAsync(b)).file(accountsPart)!.async('string')).toContain('<xm:sqref>Z2</xm:sqref>');
    const applied = readWorkbookSheets(sheetValuesOf(await load(saved[1].bytes)));
    expect(applied.accounts[0].owner).toBe(owners[0]);
    expect(readWorkbookSheets(sheetValuesOf(await load(saved[2].bytes))).accounts.map((a) => a.owner)).toEqual(data.accounts.map((a) => a.owner));
  });
});
