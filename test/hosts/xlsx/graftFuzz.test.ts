/**
 * graft.ts against the ExcelJS writer it stands in for, on random workbooks: user sheets (some with
 * our sheets' names, some added after a first run), a first run through ExcelJS, then a second run of
 * a random subset of our sheets both ways. The two outputs must agree on the tab order, the sheets'
 * states, our record, and every value of our sheets; the grafted one must be a sound package that
 * keeps each user sheet's part as it was.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { historySheet } from '../../../src/core/apply';
import type { SheetDescription } from '../../../src/core/report/sheet';
import { graftOutputSheets } from '../../../src/hosts/xlsx/graft';
import { readOwnedSheets } from '../../../src/hosts/xlsx/ownership';
import { sheetValuesOf } from '../../../src/hosts/xlsx/read';
import { saveWorkbookBuffer } from '../../../src/hosts/xlsx/save';
import { packageProblems } from '../../support/xlsxPackage';
import { accountRows, reportSheets, seeded } from './fixtures';

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

const keepHistory = { removeStale: (role: string) => role !== 'history', activateFirst: true };

function ourSheets(seed: number): SheetDescription[] {
  const notes: SheetDescription = { name: 'Notes', role: 'test-notes', rows: [[{ value: `notes ${seed}`, bold: true }], [{ value: seed, numFmt: '0.00' }]] };
  return [...reportSheets(accountRows(seed, 4 + (seed % 5))), notes, historySheet([])];
}

function pick<T>(rnd: () => number, items: T[]): T[] {
  const out = items.filter(() => rnd() < 0.6);
  return out.length > 0 ? out : [items[0]];
}

test.each(Array.from({ length: 12 }, (_, k) => k + 1))('seed %i: the grafted output agrees with the one written through ExcelJS', async (seed) => {
  const rnd = seeded(seed);
  const user = ['Accounts', 'Reps', 'Team Summary', 'Notes', 'Extra'].filter((name, k) => k === 0 || rnd() < 0.5);
  const wb = new ExcelJS.Workbook();
  for (const name of user) wb.addWorksheet(name, { state: rnd() < 0.15 ? 'hidden' : 'visible' }).addRow([name, Math.round(rnd() * 100)]);
  const first = (await saveWorkbookBuffer(wb, pick(rnd, ourSheets(seed)), undefined, keepHistory)).buffer;
  // sometimes the user adds a sheet after the first run
  let input = first;
  if (rnd() < 0.5) {
    const again = await read(first);
    again.addWorksheet('Later').addRow(['later', seed]);
    input = new Uint8Array(await again.xlsx.writeBuffer());
  }
  const second = pick(rnd, ourSheets(seed + 100));

  const grafted = await graftOutputSheets(input, second, keepHistory);
  expect(grafted).not.toBeNull();
  const bytes = await grafted!.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  const viaExcelJs = await saveWorkbookBuffer(await read(input), second, input, keepHistory);
  expect(grafted!.written).toEqual(viaExcelJs.written);
  expect(grafted!.renamed).toEqual(viaExcelJs.renamed);
  expect(grafted!.removed.sort()).toEqual(viaExcelJs.removed.sort());
  expect(await packageProblems(bytes)).toEqual([]);

  const [a, b] = await Promise.all([read(bytes), read(viaExcelJs.buffer)]);
  expect(a.worksheets.map((w) => [w.name, w.state])).toEqual(b.worksheets.map((w) => [w.name, w.state]));
  expect([...readOwnedSheets(a)].sort()).toEqual([...readOwnedSheets(b)].sort());
  const described = new Map(viaExcelJs.sheets.map((s) => [s.name, s]));
  const valuesA = sheetValuesOf(a);
  const valuesB = sheetValuesOf(b);
  for (const v of valuesB) if (described.has(v.name) || user.includes(v.name) || v.name === 'Later') expect(valuesA.find((x) => x.name === v.name)).toEqual(v);

  // each user sheet's part is the input's, unchanged but for the tab selection
  const [zin, zout] = await Promise.all([JSZip.loadAsync(input), JSZip.loadAsync(bytes)]);
  const partOf = async (zip: JSZip, name: string) => {
    const book = await zip.file('xl/workbook.xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const rId = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(book)![1];
    const target = new RegExp(`<Relationship [^>]*Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    return (await zip.file(`xl/${target}`)!.async('string')).replace(/\stabSelected="1"/, '');
  };
  for (const name of [...user, ...(a.getWorksheet('Later') ? ['Later'] : [])]) {
    if (readOwnedSheets(b).has(name)) continue;
    expect({ name, xml: await partOf(zout, name) }).toEqual({ name, xml: await partOf(zin, name) });
  }
});
