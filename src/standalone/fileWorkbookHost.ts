/**
 * The standalone page's WorkbookHost: a workbook opened from a local file and held in memory
 * (ExcelJS, through src/hosts/xlsx). Writing the output sheets, Apply and Undo change the
 * in-memory workbook and then offer the whole workbook as a download; the original file is never
 * touched and nothing leaves the machine.
 */
import ExcelJS from 'exceljs';
import { HISTORY_ROLE, HISTORY_SHEET, historySheet, parseHistorySheet, planApply, planUndo, type HistoryRow, type OwnerCell } from '../core/apply';
import { formatProblem, type Problem, type RawCell, type TerritoryData } from '../core/model';
import { readWorkbookSheets, type SheetValues } from '../core/read/index';
import type { SheetDescription } from '../core/report/sheet';
import type { WorkbookHost } from '../hosts/workbookHost';
import { readOwnedSheets } from '../hosts/xlsx/ownership';
import { rawValue, sheetValuesOf, worksheetValues } from '../hosts/xlsx/read';
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

/** Errors among the problems become one thrown Error (the pane shows it); the rest are returned. */
function stopOnErrors(problems: Problem[]): Problem[] {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map(formatProblem).join('\n'));
  return problems;
}

export function createFileWorkbookHost(saveFile: SaveFile): FileWorkbookHost {
  let workbook: ExcelJS.Workbook | null = null;
  let name: string | null = null;
  /** The output sheets written last, re-rendered on every save (ExcelJS does not keep charts it did not load). */
  let outputs: SheetDescription[] = [];

  function open(): ExcelJS.Workbook {
    if (!workbook) throw new Error('Open a workbook (.xlsx) first.');
    return workbook;
  }

  async function save(extra: SheetDescription[]): Promise<{ written: string[]; renamed: { wanted: string; used: string }[] }> {
    const wb = open();
    const { buffer, written, renamed } = await saveWorkbookBuffer(wb, [...outputs, ...extra]);
    saveFile(buffer, outputFileName(name));
    return { written, renamed };
  }

  function history(wb: ExcelJS.Workbook): { history: HistoryRow[]; problems: Problem[] } {
    const sheetName = readOwnedSheets(wb).get(HISTORY_ROLE) ?? HISTORY_SHEET;
    const ws = wb.getWorksheet(sheetName);
    return ws ? parseHistorySheet(worksheetValues(ws).values, ws.name) : { history: [], problems: [] };
  }

  function ownerCellsNow(wb: ExcelJS.Workbook, data: TerritoryData): RawCell[] {
    const ws = wb.getWorksheet(data.source.accountsSheet);
    const column = data.source.ownerColumn;
    return data.accounts.map((a) => (ws && column ? rawValue(ws.getCell(`${column}${a.row}`)) : a.owner));
  }

  function writeOwnerCells(wb: ExcelJS.Workbook, sheet: string, cells: OwnerCell[]): void {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`No worksheet "${sheet}" in ${name ?? 'the workbook'}.`);
    for (const c of cells) ws.getCell(`${c.column}${c.row}`).value = c.value;
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
      outputs = [];
    },
    async readSheets(): Promise<SheetValues[]> {
      return sheetValuesOf(open());
    },
    async writeOutputs(sheets, onProgress) {
      outputs = sheets;
      const total = sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);
      onProgress?.({ sheet: sheets[0]?.name ?? '', cellsDone: 0, cellsTotal: total });
      const h = history(open());
      const result = await save(h.history.length > 0 ? [historySheet(h.history)] : []);
      onProgress?.({ sheet: sheets[sheets.length - 1]?.name ?? '', cellsDone: total, cellsTotal: total });
      return result;
    },
    async applyScenario(data, owners, scenarioName) {
      const wb = open();
      const before = history(wb);
      const plan = planApply(data, owners, scenarioName, new Date().toISOString(), { ownerCellsNow: ownerCellsNow(wb, data), history: before.history });
      const problems = stopOnErrors([...before.problems, ...plan.problems]);
      if (plan.batch === 0) throw new Error(`Applying ${scenarioName} changes no owner.`);
      writeOwnerCells(wb, data.source.accountsSheet, plan.ownerCells);
      await save([historySheet(plan.history)]);
      return { changed: plan.ownerCells.length, batch: plan.batch, problems };
    },
    async undoLastApply() {
      const wb = open();
      const data = readWorkbookSheets(sheetValuesOf(wb));
      const column = data.source.ownerColumn;
      if (!column) throw new Error('The Accounts table has no Owner column to restore.');
      const before = history(wb);
      const cellsNow = ownerCellsNow(wb, data);
      const current = data.accounts.map((a, i) => ({ accountId: a.id, row: a.row, value: cellsNow[i] }));
      const plan = planUndo(before.history, current, column, data.source.accountsSheet);
      const problems = stopOnErrors([...before.problems, ...plan.problems]);
      if (plan.batch === 0) throw new Error(problems.map(formatProblem).join('\n') || 'There is no Apply to undo.');
      writeOwnerCells(wb, data.source.accountsSheet, plan.ownerCells);
      await save([historySheet(plan.remainingHistory)]);
      return { restored: plan.ownerCells.length, batch: plan.batch, problems };
    },
  };
}
