/**
 * Our sheets (and Apply's and Undo's cell edits) as new bytes, from the bytes of the workbook they
 * go into. No file system: the command line (write.ts, applyWorkbook.ts) and the standalone page
 * write through here.
 */
import type { SheetDescription } from '../../core/report/sheet';
import { graftOutputSheets, type CellEdits } from './graft';
import { loadWorkbook } from './read';
import { saveWorkbookBuffer, type SavedWorkbook, type SaveOptions } from './save';
import { deflateInJs } from './zipParts';

/**
 * `sheets` written into the package of `bytes` (graft.ts), every part of the user's workbook kept
 * as it was, with `cellEdits` (Apply's and Undo's Owner cells) made in the user's sheet; a package
 * graft.ts does not edit goes through ExcelJS's whole workbook instead. `sheets` replace our sheets
 * of the same roles; with `removeStale`, our other sheets of the roles it names go too. `pack`
 * compresses the package (default JSZip's deflate; the CLI passes Node's zlib).
 */
export async function writeOutputsInto(bytes: Uint8Array, sheets: SheetDescription[], options: Pick<SaveOptions, 'removeStale' | 'activateFirst' | 'pack'> & { cellEdits?: CellEdits } = {}): Promise<SavedWorkbook> {
  const { pack, ...graftOptions } = options;
  const grafted = await graftOutputSheets(bytes, sheets, graftOptions);
  if (grafted) {
    const buffer = await (pack ?? deflateInJs)(grafted.zip, grafted.keep);
    return { buffer, written: grafted.written, renamed: grafted.renamed, removed: grafted.removed, chartsDropped: [], sheets: grafted.sheets };
  }
  const { cellEdits, ...renderOptions } = graftOptions;
  const workbook = await loadWorkbook(bytes);
  if (cellEdits) {
    const ws = workbook.getWorksheet(cellEdits.sheet);
    if (!ws) throw new Error(`No worksheet "${cellEdits.sheet}"`);
    for (const c of cellEdits.cells) ws.getCell(`${c.column}${c.row}`).value = c.value;
  }
  return saveWorkbookBuffer(workbook, sheets, bytes, { ...renderOptions, pack });
}
