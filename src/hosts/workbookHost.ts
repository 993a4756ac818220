/**
 * What the task pane asks of a workbook, whichever holds it: Excel through Office.js
 * (`kind: 'excel'`, src/hosts/office) or an .xlsx file in memory (`kind: 'file'`, the standalone
 * page). The pane receives one of these and never touches Excel.run or ExcelJS itself.
 * Every method rejects with an Error whose message is meant for the user; none swallows errors.
 */
import type { Problem, TerritoryData } from '../core/model';
import type { SheetValues } from '../core/read/locate';
import type { SheetDescription } from '../core/report/sheet';
import type { SheetRename } from '../core/report/sheetNames';

export interface WriteProgress {
  /** Sheet being written. */
  sheet: string;
  /** Cells written so far over all sheets, and the total. */
  cellsDone: number;
  cellsTotal: number;
}

export interface WriteOutcome {
  /** Sheet names written, in the order given. */
  written: string[];
  /** Our sheets that could not take the wanted name (a user's sheet had it). */
  renamed: SheetRename[];
}

export interface ApplyResult {
  /** Owner cells written. */
  changed: number;
  /** The history batch recorded. */
  batch: number;
  /** Warnings and notes (errors are thrown instead). */
  problems: Problem[];
}

export interface UndoResult {
  /** Owner cells restored. */
  restored: number;
  /** The history batch undone. */
  batch: number;
  problems: Problem[];
}

export interface WorkbookHost {
  kind: 'excel' | 'file';
  /** Every sheet's values from A1, with its Excel Tables. */
  readSheets(): Promise<SheetValues[]>;
  /** Writes the output sheets, replacing the add-in's own and never touching the user's. */
  writeOutputs(sheets: SheetDescription[], onProgress?: (progress: WriteProgress) => void): Promise<WriteOutcome>;
  /** Writes the scenario's owners (Rep.id per account, aligned with data.accounts) and records the previous ones. Rejects when nothing changes. */
  applyScenario(data: TerritoryData, owners: (string | null)[], scenarioName: string): Promise<ApplyResult>;
  /** Restores the owners from before the last Apply exactly. Rejects when there is nothing to undo. */
  undoLastApply(): Promise<UndoResult>;
}
