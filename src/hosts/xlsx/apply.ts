/**
 * Node only: Apply and Undo from one .xlsx file to another (the CLI's `apply` and `undo`). The
 * work is in applyWorkbook.ts; this reads the input, refuses to write over it, writes the output.
 */
import { promises as fs } from 'fs';
import { applyScenarioToWorkbook, undoLastApplyInWorkbook, type AppliedWorkbook, type ApplyResult } from './applyWorkbook';
import { refuseInPlace } from './write';
import { zipWithZlib } from '../node/zip';

export type { ApplyResult } from './applyWorkbook';
/** The result of a file-to-file Apply or Undo (the same shape as on bytes). */
export type ApplyFileResult = ApplyResult;

export async function applyScenarioToFile(inPath: string, scenarioName: string, outPath: string): Promise<ApplyResult> {
  return fileToFile(inPath, outPath, (bytes) => applyScenarioToWorkbook(bytes, scenarioName, new Date().toISOString(), zipWithZlib));
}

export async function undoLastApplyInFile(inPath: string, outPath: string): Promise<ApplyResult> {
  return fileToFile(inPath, outPath, (bytes) => undoLastApplyInWorkbook(bytes, { pack: zipWithZlib }));
}

async function fileToFile(inPath: string, outPath: string, change: (bytes: Uint8Array) => Promise<AppliedWorkbook>): Promise<ApplyResult> {
  const refused = await refuseInPlace(inPath, outPath);
  if (refused) return { ok: false, changed: 0, batch: 0, problems: [refused] };
  const input = await fs.readFile(inPath);
  const { result, buffer } = await change(new Uint8Array(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength)));
  if (buffer) await fs.writeFile(outPath, buffer);
  return result;
}
