/**
 * Node only: load the input workbook, add the output sheets, and write a copy. The input file is
 * never written: an output path that resolves to the input (same path, symlink or hard link) is refused.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import type { Problem } from '../../core/model';
import { HISTORY_ROLE } from '../../core/apply';
import type { SheetDescription } from '../../core/report/sheet';
import { saveWorkbookBuffer, type SavedWorkbook } from './save';
import { zipWithZlib } from '../node/zip';
import { graftOutputSheets } from './graft';
import { loadWorkbook } from './read';

export type WriteResult = ({ ok: true } & Omit<SavedWorkbook, 'buffer' | 'inPackageOnly'>) | { ok: false; problem: Problem };

/**
 * The rebalance output: `sheets` replace our sheets of the same roles, and our other output sheets
 * from an earlier run (a scenario no longer run) are removed; the Apply history is kept. Written
 * into the input's own package (graft.ts), every part of the user's workbook kept as it was; a
 * package graft.ts does not edit goes through ExcelJS's whole workbook instead.
 */
export async function writeOutputWorkbook(inputPath: string, outPath: string, sheets: SheetDescription[], inputBytes?: Uint8Array): Promise<WriteResult> {
  const refused = await refuseInPlace(inputPath, outPath);
  if (refused) return { ok: false, problem: refused };
  // The caller that already read the input (the CLI) passes its bytes in.
  const bytes = inputBytes ?? (await readBytes(inputPath));
  const options = { removeStale: (role: string) => role !== HISTORY_ROLE, activateFirst: true };
  const grafted = await graftOutputSheets(bytes, sheets, options);
  if (grafted) {
    await fs.writeFile(outPath, await zipWithZlib(grafted.zip, grafted.keep));
    return { ok: true, written: grafted.written, renamed: grafted.renamed, removed: grafted.removed, chartsDropped: [] };
  }
  const workbook = await loadWorkbook(bytes);
  const saved = await saveWorkbookBuffer(workbook, sheets, bytes, { ...options, pack: zipWithZlib });
  await fs.writeFile(outPath, saved.buffer);
  return { ok: true, written: saved.written, renamed: saved.renamed, removed: saved.removed, chartsDropped: saved.chartsDropped };
}

/** A workbook read from a file, and the file's bytes (the output is grafted into them). */
export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  bytes: Uint8Array;
}

/** The file's bytes, and the workbook ExcelJS reads from them with our output sheets left out (withoutOurSheets): the user's tables, to read. */
export async function loadWorkbookFile(inputPath: string): Promise<LoadedWorkbook> {
  const bytes = await readBytes(inputPath);
  return { workbook: await loadWorkbook(bytes, () => false), bytes };
}

async function readBytes(inputPath: string): Promise<Uint8Array> {
  const input = await fs.readFile(inputPath);
  return new Uint8Array(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength));
}


/** A problem when `outPath` is the input file itself; null when writing there is fine. */
export async function refuseInPlace(inputPath: string, outPath: string): Promise<Problem | null> {
  if (!(await sameFile(inputPath, outPath))) return null;
  return { severity: 'error', sheet: '', cell: '', message: `The output ${outPath} is the input file; write to a new file (the input is never modified).` };
}

/** True when both paths name the same file (after resolving links), or the same not-yet-existing path. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [ra, rb] = await Promise.all([realPath(a), realPath(b)]);
  if (ra === rb) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(ra), fs.stat(rb)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

async function realPath(p: string): Promise<string> {
  const abs = path.resolve(p);
  try {
    return await fs.realpath(abs);
  } catch {
    try {
      return path.join(await fs.realpath(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}
