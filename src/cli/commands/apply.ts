/**
 * `apply IN.xlsx --scenario NAME --out OUT.xlsx` writes a scenario's owners (from the workbook's
 * Moves sheet) into the Accounts table of a copy; `undo IN.xlsx --out OUT.xlsx` restores the owners
 * from before the last apply. Both keep the history in the workbook.
 */
import { promises as fs } from 'node:fs';
import { applyScenarioToFile, undoLastApplyInFile, type ApplyFileResult } from '../../hosts/xlsx/apply';
import type { Terminal } from '../terminal';
import { printProblems } from '../load';

export async function applyCommand(inPath: string, scenario: string, outPath: string, io: Terminal): Promise<number> {
  if (!(await exists(inPath, io))) return 1;
  const result = await applyScenarioToFile(inPath, scenario, outPath);
  return report(result, io, `Applied scenario "${scenario}": ${result.changed} owner(s) written to ${outPath} (history batch ${result.batch}).`);
}

export async function undoCommand(inPath: string, outPath: string, io: Terminal): Promise<number> {
  if (!(await exists(inPath, io))) return 1;
  const result = await undoLastApplyInFile(inPath, outPath);
  return report(result, io, `Undid apply batch ${result.batch}: ${result.changed} owner(s) restored in ${outPath}.`);
}

function report(result: ApplyFileResult, io: Terminal, success: string): number {
  printProblems(result.problems, io);
  if (!result.ok) {
    if (!result.problems.some((p) => p.severity === 'error')) io.err('Nothing was written.');
    return 1;
  }
  io.out(success);
  return 0;
}

async function exists(path: string, io: Terminal): Promise<boolean> {
  try {
    await fs.access(path);
    return true;
  } catch {
    io.err(`${path}: file not found`);
    return false;
  }
}
