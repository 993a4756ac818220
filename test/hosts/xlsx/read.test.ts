import ExcelJS from 'exceljs';
import { sheetValuesOf } from '../../../src/hosts/xlsx/read';
import { saveWorkbookBuffer } from '../../../src/hosts/xlsx/save';

async function sampleBuffer(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Accounts');
  ws.getCell('A1').value = 'Territory list';
  ws.addTable({
    name: 'AccountsTable',
    ref: 'B3',
    headerRow: true,
    totalsRow: true,
    columns: [{ name: 'Account ID', totalsRowLabel: 'Total' }, { name: 'Owner' }, { name: 'Potential', totalsRowFunction: 'sum' }],
    rows: [
      ['A-1', { richText: [{ text: 'Ann ' }, { font: { bold: true }, text: 'Lee' }] }, 1200],
      ['A-2', { text: 'Bo Chen', hyperlink: 'mailto:bo@example.com' }, { formula: 'D4*2', result: 2400 }],
      ['A-3', null, { formula: 'D4-D4', result: 0 }],
    ],
  });
  ws.getCell('F1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  ws.getCell('F2').value = new Date(Date.UTC(2025, 0, 1));
  ws.getCell('G1').value = { formula: '1=0', result: false };
  ws.mergeCells('H1:I2');
  ws.getCell('H1').value = 'merged';
  wb.addWorksheet('Empty');
  const saved = await saveWorkbookBuffer(wb, [{ name: 'Ours', role: 'ours', rows: [[{ value: 1 }]] }]);
  return saved.buffer.buffer.slice(saved.buffer.byteOffset, saved.buffer.byteOffset + saved.buffer.byteLength) as ArrayBuffer;
}

describe('sheetValuesOf', () => {
  it('gives every sheet from A1 as plain values and the Excel Tables with their origin', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await sampleBuffer());
    const sheets = sheetValuesOf(wb);
    expect(sheets.map((s) => s.name)).toEqual(['Accounts', 'Empty', 'Ours']);
    const accounts = sheets[0];
    // 8 columns: H1:I2 is merged, and only its first cell holds a value; the totals row's SUBTOTAL has no cached result
    expect(accounts.values).toEqual([
      ['Territory list', null, null, null, null, '#N/A', false, 'merged'],
      [null, null, null, null, null, new Date(Date.UTC(2025, 0, 1)), null, null],
      [null, 'Account ID', 'Owner', 'Potential', null, null, null, null],
      [null, 'A-1', 'Ann Lee', 1200, null, null, null, null],
      [null, 'A-2', 'Bo Chen', 2400, null, null, null, null],
      [null, 'A-3', null, 0, null, null, null, null],
      [null, 'Total', null, null, null, null, null, null],
    ]);
    expect(accounts.listObjects).toEqual([
      {
        name: 'AccountsTable',
        origin: { row: 3, col: 2 },
        values: [
          ['Account ID', 'Owner', 'Potential'],
          ['A-1', 'Ann Lee', 1200],
          ['A-2', 'Bo Chen', 2400],
          ['A-3', null, 0],
        ],
      },
    ]);
    expect(sheets[1]).toEqual({ name: 'Empty', values: [] });
    expect(sheets[2]).toEqual({ name: 'Ours', values: [[1]] });
  });
});
