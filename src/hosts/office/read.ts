/**
 * Reads every worksheet's values (from A1: the used range padded by its offset) and its Excel
 * Tables, for the core's table locator. Three steps: names (1 sync), used-range and table
 * extents (1 sync), then the values in row blocks of at most `maxCellsPerSync` cells (Excel on
 * the web also limits response size), several sheets' blocks sharing a sync. Table values are
 * cut from the sheet's values rather than read twice. Empty cells ("" in Office.js) become null.
 */
import { OWNERSHIP_SHEET } from '../../core/report/ownership';
import type { RawCell } from '../../core/model';
import type { SheetValues } from '../../core/read/locate';
import { DEFAULT_BUDGET } from './batch';

export interface ReadOptions {
  maxCellsPerSync?: number;
}

interface Extent {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

function cellOf(value: unknown): RawCell {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  return String(value);
}

function grid(rows: number, cols: number): RawCell[][] {
  return Array.from({ length: rows }, () => new Array<RawCell>(cols).fill(null));
}

/**
 * The values from A1 of each worksheet given: used-range extents in one sync, then row blocks of
 * at most `maxCells` cells, blocks of several sheets sharing a sync. Also used for the history sheet.
 */
export async function readUsedValues(context: Excel.RequestContext, worksheets: Excel.Worksheet[], maxCells: number): Promise<RawCell[][][]> {
  const used = worksheets.map((ws) => ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
  await context.sync();
  return readBlocks(context, worksheets, used, maxCells);
}

async function readBlocks(context: Excel.RequestContext, worksheets: Excel.Worksheet[], used: Excel.Range[], maxCells: number): Promise<RawCell[][][]> {
  const out = used.map((u) => (u.isNullObject ? [] : grid(u.rowIndex + u.rowCount, u.columnIndex + u.columnCount)));
  let pending: { sheet: number; extent: Extent; range: Excel.Range }[] = [];
  let pendingCells = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    await context.sync();
    for (const { sheet, extent, range } of pending) {
      range.values.forEach((row, r) =>
        row.forEach((v, c) => {
          out[sheet][extent.rowIndex + r][extent.columnIndex + c] = cellOf(v);
        }),
      );
    }
    pending = [];
    pendingCells = 0;
  };
  for (const [i, ws] of worksheets.entries()) {
    const u = used[i];
    if (u.isNullObject || u.columnCount === 0) continue;
    const rowsPerBlock = Math.max(1, Math.floor(maxCells / u.columnCount));
    for (let r = 0; r < u.rowCount; r += rowsPerBlock) {
      const rowCount = Math.min(rowsPerBlock, u.rowCount - r);
      const cells = rowCount * u.columnCount;
      if (pendingCells > 0 && pendingCells + cells > maxCells) await flush();
      const extent = { rowIndex: u.rowIndex + r, columnIndex: u.columnIndex, rowCount, columnCount: u.columnCount };
      const range = ws.getRangeByIndexes(extent.rowIndex, extent.columnIndex, rowCount, u.columnCount).load('values');
      pending.push({ sheet: i, extent, range });
      pendingCells += cells;
    }
  }
  await flush();
  return out;
}

export async function readSheets(context: Excel.RequestContext, options: ReadOptions = {}): Promise<SheetValues[]> {
  const maxCells = Math.max(1, options.maxCellsPerSync ?? DEFAULT_BUDGET.maxCellsPerSync);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const tables = context.workbook.tables;
  tables.load('items/name,items/worksheet/name');
  await context.sync();

  // Table extents ride along with the used ranges' sync.
  const used = worksheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
  const tableRanges = tables.items.map((t) => t.getRange().load('rowIndex,columnIndex,rowCount,columnCount'));
  await context.sync();
  const values = await readBlocks(context, worksheets.items, used, maxCells);
  const sheets: SheetValues[] = worksheets.items.map((ws, i) => ({ name: ws.name, values: values[i] }));
  // The ownership record of the file hosts is ours, not the user's data.
  const record = sheets.findIndex((s) => s.name === OWNERSHIP_SHEET);

  tables.items.forEach((table, t) => {
    const sheet = sheets.find((s) => s.name === table.worksheet.name);
    if (!sheet) return;
    const e = tableRanges[t];
    const tableValues = grid(e.rowCount, e.columnCount).map((row, r) =>
      row.map((_, c) => sheet.values[e.rowIndex + r]?.[e.columnIndex + c] ?? null),
    );
    (sheet.listObjects ??= []).push({ name: table.name, origin: { row: e.rowIndex + 1, col: e.columnIndex + 1 }, values: tableValues });
  });
  if (record >= 0) sheets.splice(record, 1);
  return sheets;
}
