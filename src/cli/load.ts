/**
 * IN.xlsx -> TerritoryData, with every problem printed as `Sheet!Cell: message`. Returns null
 * (exit 1) when the input has errors that stop the run.
 */
import { promises as fs } from 'node:fs';
import { formatProblem, type Problem, type TerritoryData } from '../core/model';
import { readWorkbookSheets } from '../core/read/index';
import { loadSheetsFile, type LoadedSheets } from '../hosts/xlsx/write';
import type { Terminal } from './terminal';

/** Warnings and notes beyond this many are counted, not listed (the JSON report has them all). */
const MAX_LISTED = 25;

/** The model and the bytes it was read from (the writer grafts the output into them). */
export interface LoadedTerritory {
  data: TerritoryData;
  bytes: Uint8Array;
}

export async function loadTerritory(inPath: string, io: Terminal): Promise<LoadedTerritory | null> {
  try {
    await fs.access(inPath);
  } catch {
    io.err(`${inPath}: file not found`);
    return null;
  }
  let loaded: LoadedSheets;
  try {
    loaded = await loadSheetsFile(inPath);
  } catch (e) {
    io.err(`${inPath}: not a readable .xlsx workbook (${e instanceof Error ? e.message : String(e)})`);
    return null;
  }
  const data = readWorkbookSheets(loaded.sheets);
  const blocking = stoppingErrors(data);
  printProblems(data.problems, io);
  if (blocking.length > 0) {
    io.err(`Stopped: ${blocking.length === 1 ? 'the input has an error' : `the input has ${blocking.length} errors`} that must be fixed first.`);
    return null;
  }
  return { data, bytes: loaded.bytes };
}

/**
 * The errors that stop the run: those about a whole table, its header row or a whole column (no
 * table found, a required column missing, no accounts or no reps). An error on one cell skips that
 * row only; the run continues and the report says what was skipped.
 */
export function stoppingErrors(data: TerritoryData): Problem[] {
  return data.problems.filter((p) => p.severity === 'error' && (p.cell === '' || p.cell.includes(':')));
}

export function printProblems(problems: readonly Problem[], io: Terminal): void {
  const errors = problems.filter((p) => p.severity === 'error');
  const others = problems.filter((p) => p.severity !== 'error');
  for (const p of errors) io.err(`error: ${formatProblem(p)}`);
  for (const p of others.slice(0, MAX_LISTED)) io.err(`${p.severity}: ${formatProblem(p)}`);
  if (others.length > MAX_LISTED) io.err(`... and ${others.length - MAX_LISTED} more warnings and notes (all of them are in the JSON report).`);
}
