/**
 * The rebalance output as new bytes, from the bytes of the workbook it goes into. No file system:
 * the command line (write.ts) and the standalone page both write through here.
 */
import type { SheetDescription } from '../../core/report/sheet';
import { graftOutputSheets } from './graft';
import { loadWorkbook } from './read';
import { saveWorkbookBuffer, type SavedWorkbook, type SaveOptions } from './save';

/** The rebalance output as new bytes, with what was written, renamed and removed. */
export interface WrittenOutputs extends Omit<SavedWorkbook, 'inPackageOnly'> {
  /** The descriptions as written (names and references follow `renamed`). */
  sheets: SheetDescription[];
}

/**
 * The rebalance output written into the input's own package (graft.ts), every part of the user's
 * workbook kept as it was; a package graft.ts does not edit goes through ExcelJS's whole workbook
 * instead. `sheets` replace our sheets of the same roles; with `removeStale`, our other sheets of
 * the roles it names go too. `pack` compresses the package (default JSZip's deflate; the CLI passes Node's zlib).
 */
export async function writeOutputsInto(bytes: Uint8Array, sheets: SheetDescription[], options: Pick<SaveOptions, 'removeStale' | 'activateFirst' | 'pack'> = {}): Promise<WrittenOutputs> {
  const { pack, ...graftOptions } = options;
  const grafted = await graftOutputSheets(bytes, sheets, graftOptions);
  if (grafted) {
    const buffer = pack ? await pack(grafted.zip, grafted.keep) : await grafted.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    return { buffer, written: grafted.written, renamed: grafted.renamed, removed: grafted.removed, chartsDropped: [], sheets: grafted.sheets };
  }
  const saved = await saveWorkbookBuffer(await loadWorkbook(bytes), sheets, bytes, options);
  return { buffer: saved.buffer, written: saved.written, renamed: saved.renamed, removed: saved.removed, chartsDropped: saved.chartsDropped, sheets: saved.inPackageOnly };
}
