/**
 * The standalone page's WorkbookHost: a workbook opened from a local file and held in memory as
 * its package's bytes. The sheets are read straight from the package (readPackage.ts; ExcelJS only
 * for a package that reader refuses), and each change (the output sheets, Apply, Undo) is written
 * into the package as last offered (graft.ts: every part of the user's workbook kept as it was,
 * even what ExcelJS cannot read; ExcelJS's whole workbook only for a package graft.ts cannot edit)
 * and the result offered as a download, compressed by the browser's own deflate where it has one.
 * The original file is never touched and nothing leaves the machine.
 */
import { stopUnlessSomethingToDo } from '../core/model';
import type { SheetValues } from '../core/read/index';
import type { WorkbookHost } from '../hosts/workbookHost';
import { applyOwnersToWorkbook, undoLastApplyInWorkbook, type AppliedWorkbook } from '../hosts/xlsx/applyWorkbook';
import type { WorkbookSheets } from '../hosts/xlsx/readPackage';
import type { SheetDescription } from '../core/report/sheet';
import { describedValues, readSheetsOf } from '../hosts/xlsx/read';
import { writeOutputsInto } from '../hosts/xlsx/writeBytes';
import { pagePack } from '../hosts/xlsx/zipParts';

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
  let name: string | null = null;
  /** The package as last offered (as opened before that): every change goes into it. */
  let current: Uint8Array | null = null;
  /** The sheets last read from `current` (our sheets written in this session left out), until it changes. */
  let lastRead: { of: Uint8Array; sheets: WorkbookSheets } | null = null;
  /** Our output sheets as last written, by the name each was written under: their values are read from here, not parsed again. */
  let written = new Map<string, SheetDescription>();
  /** Compresses what is offered: the browser's own deflate where it has one (zipParts.ts), else JSZip's. */
  const pack = pagePack();

  function bytes(): Uint8Array {
    if (!current) throw new Error('Open a workbook (.xlsx) first.');
    return current;
  }

  /**
   * Every sheet, our output sheets too (the pane finds the Apply history and earlier outputs among
   * them); those written in this session from their descriptions (at 50k accounts they hold ~2
   * million cells, which parsing would take seconds for after each Apply).
   */
  async function readAll(workbook: Uint8Array): Promise<SheetValues[]> {
    const read = await readOf(workbook);
    const byName = new Map(read.sheets.map((sheet) => [sheet.name, sheet]));
    return read.names.map((sheetName) => byName.get(sheetName) ?? describedValues(written.get(sheetName)!));
  }

  /** The sheets of `workbook` but our sheets written in this session; read once per package (Apply and Undo reuse the pane's last read). */
  async function readOf(workbook: Uint8Array): Promise<WorkbookSheets> {
    if (lastRead?.of !== workbook) lastRead = { of: workbook, sheets: await readSheetsOf(workbook, (_, sheetName) => !written.has(sheetName)) };
    return lastRead.sheets;
  }

  function offer(buffer: Uint8Array): void {
    current = buffer;
    saveFile(buffer, outputFileName(name));
  }

  /** An Apply or Undo's new bytes offered; its problems, with an error when it changed nothing. */
  function edited(change: AppliedWorkbook, nothingToDo: string) {
    const problems = stopUnlessSomethingToDo(change.result.problems, change.result.ok, nothingToDo);
    if (change.buffer) offer(change.buffer);
    return { changed: change.result.changed, batch: change.result.batch, problems };
  }

  return {
    kind: 'file',
    get fileName() {
      return name;
    },
    async open(opened, fileName) {
      const copy = new Uint8Array(opened.slice(0));
      written = new Map();
      // read now, so that a file that is not a workbook is refused as it is opened
      await readOf(copy);
      current = copy;
      name = fileName;
    },
    async readSheets(): Promise<SheetValues[]> {
      return readAll(bytes());
    },
    async writeOutputs(sheets, onProgress) {
      const total = sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);
      onProgress?.({ sheet: sheets[0]?.name ?? '', cellsDone: 0, cellsTotal: total });
      // like the CLI's copy, the download opens on the first output sheet (Scenario Comparison)
      const out = await writeOutputsInto(bytes(), sheets, { activateFirst: sheets.length > 0, pack });
      written = new Map(out.sheets.map((sheet) => [sheet.name, sheet]));
      offer(out.buffer);
      onProgress?.({ sheet: sheets[sheets.length - 1]?.name ?? '', cellsDone: total, cellsTotal: total });
      return { written: out.written, renamed: out.renamed };
    },
    async applyScenario(data, owners, scenarioName) {
      const { changed, batch, problems } = edited(await applyOwnersToWorkbook(bytes(), data, owners, scenarioName, new Date().toISOString(), { read: await readOf(bytes()), pack }), `Scenario "${scenarioName}" changes no owner.`);
      return { changed, batch, problems };
    },
    async undoLastApply() {
      const { changed, batch, problems } = edited(await undoLastApplyInWorkbook(bytes(), { read: await readOf(bytes()), pack }), 'There is no Apply to undo.');
      return { restored: changed, batch, problems };
    },
  };
}
