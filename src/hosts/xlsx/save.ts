/**
 * Render the output sheets into a workbook and save it as .xlsx bytes with their charts. No
 * file system: the browser page and the Node writer (write.ts) both come through here. Pass the
 * bytes the workbook was loaded from as `original` so that the charts ExcelJS drops on load (the
 * user's, and those of our sheets not rewritten now) are carried over into the saved file.
 */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { SheetDescription } from '../../core/report/sheet';
import { carryOverCharts } from './carry';
import { chartCacheFromSheets } from './chart';
import { addCharts, worksheetPaths, type ChartPlacement } from './package';
import { renderSheets, type RenderOptions, type RenderResult } from './render';
import { dimensionRef, replaceSheetData, sheetDataXml, styleIndices } from './sheetXml';
import { deflateInJs, partText } from './zipParts';

export interface SavedWorkbook {
  buffer: Uint8Array;
  written: string[];
  renamed: RenderResult['renamed'];
  removed: string[];
  /** Sheets of the original whose charts could not be kept (ExcelJS wrote a drawing there for pictures). */
  chartsDropped: string[];
  /** The descriptions as written (names and references follow `renamed`). */
  sheets: SheetDescription[];
}

/**
 * Parts of a package still exactly as they were loaded from `original`: a packer may copy their
 * compressed bytes from it instead of compressing them again (zipParts.ts's packZip).
 */
export interface PassThrough {
  original: Uint8Array;
  untouched(path: string): boolean;
}

export interface SaveOptions extends RenderOptions {
  /** Compresses the finished package (default JSZip's deflate, in JavaScript; the Node writer passes node/zip.ts's, the standalone page zipParts.ts's pagePack). */
  pack?: (zip: JSZip, keep?: PassThrough) => Promise<Uint8Array>;
}

/**
 * Our sheets' cells go straight into the package unless `options.cells` is 'model' (see
 * RenderOptions.cells): a caller that reads the workbook again after saving must ask for 'model'.
 */
export async function saveWorkbookBuffer(
  workbook: ExcelJS.Workbook,
  sheets: SheetDescription[],
  original?: Uint8Array | ArrayBuffer,
  options: SaveOptions = {},
): Promise<SavedWorkbook> {
  const { zip, rendered } = await renderToPackage(workbook, sheets, options);
  const chartsDropped = original ? (await carryOverCharts(original, zip, rendered.written)).dropped : [];
  const buffer = await (options.pack ?? deflateInJs)(zip);
  return { buffer, written: rendered.written, renamed: rendered.renamed, removed: rendered.removed, chartsDropped, sheets: rendered.sheets };
}

/**
 * The sheets rendered into the workbook and the whole saved as an uncompressed package, with our
 * sheets' cells (see RenderOptions.cells, default 'package') and charts in it. `restyle` rewrites
 * the style indices of each deferred sheet as ExcelJS wrote it, before its cells go in (graft.ts
 * maps them into another package's styles).
 */
export async function renderToPackage(
  workbook: ExcelJS.Workbook,
  sheets: SheetDescription[],
  options: RenderOptions = {},
  restyle?: (zip: JSZip) => Promise<(sheetXml: string) => string>,
): Promise<{ zip: JSZip; rendered: RenderResult }> {
  const rendered = renderSheets(workbook, sheets, { ...options, cells: options.cells ?? 'package' });
  // ExcelJS's package is stored, the cells and chart parts go in, and the whole is compressed once, by the caller
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  const zip = await JSZip.loadAsync(stored as ArrayBuffer);
  await writeDeferredCells(zip, rendered.deferred, restyle ? await restyle(zip) : (xml) => xml);
  await addCharts(zip, chartPlacements(rendered.sheets));
  return { zip, rendered };
}

/** Replaces the <sheetData> ExcelJS wrote for each deferred sheet (its style representatives) with all its cells. */
async function writeDeferredCells(zip: JSZip, deferred: RenderResult['deferred'], restyle: (sheetXml: string) => string): Promise<void> {
  if (deferred.length === 0) return;
  const paths = await worksheetPaths(zip);
  for (const { sheet, representatives } of deferred) {
    const path = paths.get(sheet.name);
    const file = path ? zip.file(path) : null;
    if (!path || !file) throw new Error(`saveWorkbookBuffer: ExcelJS wrote no worksheet part for "${sheet.name}"`);
    const written = restyle(await partText(file));
    const styles = styleIndices(written, representatives);
    zip.file(path, replaceSheetData(written, sheetDataXml(sheet, styles), dimensionRef(sheet)));
  }
}

/** Every chart of the descriptions, with the values it shows read from the descriptions themselves. */
export function chartPlacements(sheets: SheetDescription[]): ChartPlacement[] {
  return sheets.flatMap((sheet) =>
    (sheet.charts ?? []).map((chart) => ({ sheetName: sheet.name, chart, cache: chartCacheFromSheets(chart, sheets) })),
  );
}
