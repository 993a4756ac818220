/**
 * Writes one SheetDescription's contents into a worksheet through the batcher: cells in row
 * blocks sized to the sync budget (rectangular 2-D arrays of values or formulas, plus number
 * formats), then style rectangles, column widths, merges, conditional formats, frozen panes and
 * the tab colour. Charts come later (charts.ts), once every sheet they point at exists.
 */
import { a1, columnLetter, type SheetCell, type SheetDescription } from '../../core/report/sheet';
import { COMMAND_BYTES, jsonBytes, type SyncBatcher } from './batch';
import type { ApiSupport } from './capabilities';
import { cellInput, styleRectangles, widthToPoints, type CellInput, type StyleRect } from './cells';

export interface WriteEnv {
  batcher: SyncBatcher;
  supports: ApiSupport;
  /** Called after each block with the number of cells just queued. */
  onCells?: (cells: number) => void;
}

interface EncodedRow {
  inputs: CellInput[];
  formats: (string | null)[] | null;
  hasFormula: boolean;
  bytes: number;
}

function encodeRow(row: (SheetCell | null)[], width: number): EncodedRow {
  const inputs: CellInput[] = new Array(width).fill(null);
  let formats: (string | null)[] | null = null;
  let hasFormula = false;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell) continue;
    inputs[c] = cellInput(cell);
    if (cell.formula) hasFormula = true;
    if (cell.numFmt) {
      formats ??= new Array(width).fill(null);
      formats[c] = cell.numFmt;
    }
  }
  // Formats are counted as if every row of the block carried them (a safe over-estimate).
  const formatBytes = formats ? jsonBytes(formats) : width * 5 + 2;
  return { inputs, formats, hasFormula, bytes: jsonBytes(inputs) + 1 + formatBytes + 1 };
}

/** Cells: row blocks that each fit the room left in the open batch (a block never straddles a sync). */
export async function writeCells(ws: Excel.Worksheet, rows: (SheetCell | null)[][], env: WriteEnv): Promise<void> {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (width === 0) return;
  const encoded = rows.map((r) => encodeRow(r, width));
  let r = 0;
  while (r < encoded.length) {
    const room = env.batcher.remaining();
    const overhead = 2 * COMMAND_BYTES;
    let end = r;
    let bytes = overhead;
    while (end < encoded.length && (end - r + 1) * width <= room.cells && bytes + encoded[end].bytes <= room.bytes) {
      bytes += encoded[end].bytes;
      end++;
    }
    if (end === r) {
      if (env.batcher.pending) {
        await env.batcher.flush();
        continue;
      }
      bytes += encoded[r].bytes; // a single row larger than a whole budget: send it alone
      end = r + 1;
    }
    const block = encoded.slice(r, end);
    await env.batcher.reserve(block.length * width, bytes);
    const range = ws.getRangeByIndexes(r, 0, block.length, width);
    const inputs = block.map((b) => b.inputs);
    if (block.some((b) => b.hasFormula)) range.formulas = inputs;
    else range.values = inputs;
    if (block.some((b) => b.formats)) range.numberFormat = block.map((b) => b.formats ?? new Array(width).fill(null));
    env.onCells?.(block.length * width);
    r = end;
  }
}

function rectAddress(rect: StyleRect): string {
  const from = a1(rect.row + 1, rect.col + 1);
  return rect.rows === 1 && rect.cols === 1 ? from : `${from}:${a1(rect.row + rect.rows, rect.col + rect.cols)}`;
}

const ALIGN: Record<'left' | 'center' | 'right', Excel.HorizontalAlignment> = {
  left: 'Left' as Excel.HorizontalAlignment,
  center: 'Center' as Excel.HorizontalAlignment,
  right: 'Right' as Excel.HorizontalAlignment,
};

/** Fonts, fills, alignment and wrap, one command per property per rectangle. */
export async function writeStyles(ws: Excel.Worksheet, rows: (SheetCell | null)[][], env: WriteEnv): Promise<void> {
  for (const rect of styleRectangles(rows)) {
    const s = rect.style;
    const address = rectAddress(rect);
    await env.batcher.reserve(0, (Object.keys(s).length + 1) * COMMAND_BYTES + address.length);
    const format = ws.getRange(address).format;
    if (s.bold !== undefined) format.font.bold = s.bold;
    if (s.italic !== undefined) format.font.italic = s.italic;
    if (s.size !== undefined) format.font.size = s.size;
    if (s.fontColor) format.font.color = `#${s.fontColor}`;
    if (s.fill) format.fill.color = `#${s.fill}`;
    if (s.align) format.horizontalAlignment = ALIGN[s.align];
    if (s.wrap !== undefined) format.wrapText = s.wrap;
  }
}

/** Column widths (runs of equal width share one command), merges, conditional formats, frozen panes, tab colour. */
export async function writeSheetLayout(ws: Excel.Worksheet, sheet: SheetDescription, env: WriteEnv): Promise<void> {
  const widths = sheet.columnWidths ?? [];
  for (let c = 0; c < widths.length; ) {
    let end = c + 1;
    while (end < widths.length && widths[end] === widths[c]) end++;
    if (widths[c] > 0) {
      await env.batcher.reserve(0, COMMAND_BYTES + 16);
      ws.getRange(`${columnLetter(c + 1)}:${columnLetter(end)}`).format.columnWidth = widthToPoints(widths[c]);
    }
    c = end;
  }
  for (const merge of sheet.merges ?? []) {
    await env.batcher.reserve(0, COMMAND_BYTES + merge.length);
    ws.getRange(merge).merge(false);
  }
  if (env.supports('1.6')) {
    for (const cf of sheet.conditionalFormats ?? []) {
      await env.batcher.reserve(0, 6 * COMMAND_BYTES + jsonBytes(cf));
      const format = ws.getRange(cf.range).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      format.custom.rule.formula = `=${cf.formula}`;
      if (cf.fill) format.custom.format.fill.color = `#${cf.fill}`;
      if (cf.fontColor) format.custom.format.font.color = `#${cf.fontColor}`;
      if (cf.bold !== undefined) format.custom.format.font.bold = cf.bold;
    }
  }
  if (env.supports('1.7')) {
    const freeze = sheet.freeze;
    if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
      await env.batcher.reserve(0, COMMAND_BYTES);
      if (freeze.rows > 0 && freeze.cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, freeze.rows, freeze.cols));
      else if (freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
      else ws.freezePanes.freezeColumns(freeze.cols);
    }
    await env.batcher.reserve(0, COMMAND_BYTES);
    ws.tabColor = sheet.tabColor ? `#${sheet.tabColor}` : '';
  }
  if (sheet.print && env.supports('1.9')) {
    await env.batcher.reserve(0, 2 * COMMAND_BYTES);
    ws.pageLayout.orientation = (sheet.print.landscape ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
    if (sheet.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: sheet.print.onePage ? 1 : 0 };
  }
}

/** Empties one of our sheets for a re-run, keeping the sheet itself (so references to it survive). Charts must be loaded. */
export async function clearSheet(ws: Excel.Worksheet, env: WriteEnv): Promise<void> {
  await env.batcher.reserve(0, 6 * COMMAND_BYTES);
  const all = ws.getRange();
  if (env.supports('1.6')) all.conditionalFormats.clearAll();
  all.unmerge();
  all.clear('All' as Excel.ClearApplyTo);
  for (const chart of ws.charts.items) chart.delete();
  if (env.supports('1.7')) ws.freezePanes.unfreeze();
}
