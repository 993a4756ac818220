/**
 * The standalone page's WorkbookHost: a workbook opened from a local file and held in memory
 * (ExcelJS, through src/hosts/xlsx). Writing the output sheets, Apply and Undo change the
 * in-memory workbook and then offer the whole workbook as a download; the original file is never
 * touched and nothing leaves the machine.
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
  /** The bytes as opened: charts ExcelJS drops on load are carried over from them on every save. */
  let original: Uint8Array | undefined;
  /** The output sheets written last, re-rendered on every save (ExcelJS does not keep charts it did not load). */
  let outputs: SheetDescription[] = [];
  /** Of those, the ones whose cells went straight into the saved package: their values are read from here. */
  let inPackageOnly: SheetDescription[] = [];

  function open(): ExcelJS.Workbook {
    if (!workbook) throw new Error('Open a workbook (.xlsx) first.');
    return workbook;
  }

  async function save(extra: SheetDescription[]): Promise<{ written: string[]; renamed: SheetRename[] }> {
    const wb = open();
    // like the CLI's copy, the download opens on the first output sheet (Scenario Comparison). The
    // history's cells stay in the workbook, where Apply and Undo read it; the other output sheets'
    // cells go straight into the download, and readSheets reads them from their descriptions
    const saved = await saveWorkbookBuffer(wb, [...outputs, ...extra], original, {
      activateFirst: outputs.length > 0,
      cells: (sheet) => (sheet.role === HISTORY_ROLE ? 'model' : 'package'),
    });
    const { buffer, written, renamed } = saved;
    inPackageOnly = saved.inPackageOnly;
    saveFile(buffer, outputFileName(name));
    return { written, renamed };
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
      const result = await save(h.history.length > 0 ? [historySheet(h.history)] : []);
      onProgress?.({ sheet: sheets[sheets.length - 1]?.name ?? '', cellsDone: total, cellsTotal: total });
      return result;
    },
    async applyScenario(data, owners, scenarioName) {
      const edit = applyOwnersInWorkbook(open(), data, owners, scenarioName, new Date().toISOString());
      const problems = stopUnlessSomethingToDo(edit.result.problems, edit.result.ok, `Scenario "${scenarioName}" changes no owner.`);
      await save([historySheet(edit.history)]);
      return { changed: edit.result.changed, batch: edit.result.batch, problems };
    },
    async undoLastApply() {
      const edit = undoLastApplyInOpenWorkbook(open());
      const problems = stopUnlessSomethingToDo(edit.result.problems, edit.result.ok, 'There is no Apply to undo.');
      await save([historySheet(edit.history)]);
      return { restored: edit.result.changed, batch: edit.result.batch, problems };
    },
  };
}
