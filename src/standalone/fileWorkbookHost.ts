/**
 * The standalone page's WorkbookHost: a workbook opened from a local file and held in memory. Each
 * change (the output sheets, Apply, Undo) is written into the package as last offered (graft.ts:
 * every part of the user's workbook kept as it was, even what ExcelJS cannot read) and the result
 * offered as a download; ExcelJS's model of it (src/hosts/xlsx) follows, to read from. A package
 * graft.ts cannot edit is saved from that model instead. The original file is never touched and
 * nothing leaves the machine.
 */
import ExcelJS from 'exceljs';
import { HISTORY_ROLE, historySheet } from '../core/apply';
import { stopUnlessSomethingToDo } from '../core/model';
import type { SheetValues } from '../core/read/index';
import type { SheetDescription } from '../core/report/sheet';
import type { SheetRename } from '../core/report/sheetNames';
import type { WorkbookHost } from '../hosts/workbookHost';
import { applyOwnersInWorkbook, readHistory, undoLastApplyInOpenWorkbook } from '../hosts/xlsx/applyWorkbook';
import { sheetValuesOf } from '../hosts/xlsx/read';
import { graftOutputSheets, type GraftOptions } from '../hosts/xlsx/graft';
import { renderSheets } from '../hosts/xlsx/render';
import { saveWorkbookBuffer } from '../hosts/xlsx/save';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Hands finished bytes to the user (a download link in the browser; a spy in tests). */
export type SaveFile = (bytes: Uint8Array, fileName: string) => void;

export interface FileWorkbookHost extends WorkbookHost {
  /** Loads a workbook from its bytes; replaces any workbook open before. */
  open(bytes: ArrayBuffer, fileName: string): Promise<void>;
  readonly fileName: string | null;
}

/** "Territories.xlsx" -> "Territories (rebalanced).xlsx". */
export function outputFileName(input: string | null): string {
  const base = (input ?? 'workbook.xlsx').replace(/\.xlsx$/i, '');
  return `${base} (rebalanced).xlsx`;
}

/** The standalone page's workbook host: an opened .xlsx file in memory, saved as a new file (`saveFile`). */
export function createFileWorkbookHost(saveFile: SaveFile): FileWorkbookHost {
  let workbook: ExcelJS.Workbook | null = null;
  let name: string | null = null;
  /** The bytes as opened: charts ExcelJS drops on load are carried over from them when saving from the model. */
  let original: Uint8Array | undefined;
  /** The package as last offered (as opened before that): the next change is grafted into it. */
  let current: Uint8Array | null = null;
  /** The output sheets written last (re-rendered on every save from the model: ExcelJS does not keep charts it did not load). */
  let outputs: SheetDescription[] = [];
  /** Of those, the ones whose cells the model does not hold (only their formats): their values are read from here. */
  let inPackageOnly: SheetDescription[] = [];

  function open(): ExcelJS.Workbook {
    if (!workbook) throw new Error('Open a workbook (.xlsx) first.');
    return workbook;
  }

  /**
   * Writes `sheets` (and `cellEdits`, already made in the model) and offers the result. Our sheets
   * but the history keep only their formats in the model (one cell per style): Apply and Undo read
   * the history from it, the pane reads the others from their descriptions.
   */
  async function save(sheets: SheetDescription[], cellEdits?: GraftOptions['cellEdits']): Promise<{ written: string[]; renamed: SheetRename[] }> {
    const wb = open();
    // like the CLI's copy, the download opens on the first output sheet (Scenario Comparison) after a write
    const activateFirst = !cellEdits && outputs.length > 0;
    const cells = (sheet: SheetDescription) => (sheet.role === HISTORY_ROLE ? 'model' : 'package') as 'model' | 'package';
    const grafted = current ? await graftOutputSheets(current, sheets, { activateFirst, cellEdits }) : null;
    if (grafted) {
      current = await grafted.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      const rendered = renderSheets(wb, sheets, { activateFirst, cells });
      if (!cellEdits) inPackageOnly = rendered.deferred.map((d) => d.sheet);
      saveFile(current, outputFileName(name));
      return { written: grafted.written, renamed: grafted.renamed };
    }
    // the whole workbook from the model, every output sheet rendered again
    const history = cellEdits ? sheets : sheets.filter((sheet) => sheet.role === HISTORY_ROLE);
    const saved = await saveWorkbookBuffer(wb, [...outputs, ...history], original, { activateFirst: outputs.length > 0, cells });
    current = saved.buffer;
    inPackageOnly = saved.inPackageOnly;
    saveFile(saved.buffer, outputFileName(name));
    return { written: saved.written, renamed: saved.renamed };
  }

  return {
    kind: 'file',
    get fileName() {
      return name;
    },
    async open(bytes, fileName) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes);
      workbook = wb;
      name = fileName;
      original = new Uint8Array(bytes.slice(0));
      current = original;
      outputs = [];
      inPackageOnly = [];
    },
    async readSheets(): Promise<SheetValues[]> {
      return sheetValuesOf(open(), inPackageOnly);
    },
    async writeOutputs(sheets, onProgress) {
      outputs = sheets;
      const total = sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);
      onProgress?.({ sheet: sheets[0]?.name ?? '', cellsDone: 0, cellsTotal: total });
      const h = readHistory(open());
      const result = await save([...sheets, ...(h.history.length > 0 ? [historySheet(h.history)] : [])]);
      onProgress?.({ sheet: sheets[sheets.length - 1]?.name ?? '', cellsDone: total, cellsTotal: total });
      return result;
    },
    async applyScenario(data, owners, scenarioName) {
      const edit = applyOwnersInWorkbook(open(), data, owners, scenarioName, new Date().toISOString());
      const problems = stopUnlessSomethingToDo(edit.result.problems, edit.result.ok, `Scenario "${scenarioName}" changes no owner.`);
      if (edit.result.ok) await save([historySheet(edit.history)], { sheet: edit.accountsSheet, cells: edit.ownerCells });
      return { changed: edit.result.changed, batch: edit.result.batch, problems };
    },
    async undoLastApply() {
      const edit = undoLastApplyInOpenWorkbook(open());
      const problems = stopUnlessSomethingToDo(edit.result.problems, edit.result.ok, 'There is no Apply to undo.');
      if (edit.result.ok) await save([historySheet(edit.history)], { sheet: edit.accountsSheet, cells: edit.ownerCells });
      return { restored: edit.result.changed, batch: edit.result.batch, problems };
    },
  };
}
