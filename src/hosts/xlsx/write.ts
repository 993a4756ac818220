/**
 * Node only: load the input workbook, add the output sheets, and write a copy. The input file is
 * never written: an output path that resolves to the input (same path, symlink or hard link) is refused.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Problem } from '../../core/model';
import { HISTORY_ROLE } from '../../core/apply';
import type { SheetDescription } from '../../core/report/sheet';
import type { SavedWorkbook } from './save';
import { writeOutputsInto } from './writeBytes';
import { zipWithZlib } from '../node/zip';
import type { SheetValues } from '../../core/read/locate';
import { readSheetsOf } from './read';

export type WriteResult = ({ ok: true } & Omit<SavedWorkbook, 'buffer' | 'sheets'>) | { ok: false; problem: Problem };

/**
 * The rebalance output file: `sheets` replace our sheets of the same roles, and our other output
 * sheets from an earlier run (a scenario no longer run) are removed; the Apply history is kept.
 */
export async function writeOutputWorkbook(inputPath: string, outPath: string, sheets: SheetDescription[], inputBytes?: Uint8Array): Promise<WriteResult> {
  const refused = await refuseInPlace(inputPath, outPath);
  if (refused) return { ok: false, problem: refused };
  // The caller that already read the input (the CLI) passes its bytes in.
  const bytes = inputBytes ?? (await readBytes(inputPath));
  const out = await writeOutputsInto(bytes, sheets, { removeStale: (role: string) => role !== HISTORY_ROLE, activateFirst: true, pack: zipWithZlib });
  await fs.writeFile(outPath, out.buffer);
  return { ok: true, written: out.written, renamed: out.renamed, removed: out.removed, chartsDropped: out.chartsDropped };
}

/** The sheets read from a file (read.ts's SheetValues), and the file's bytes (the output is grafted into them). */
export interface LoadedSheets {
  sheets: SheetValues[];
  bytes: Uint8Array;
}

/**
 * The user's sheets of a file, our output sheets left out: read straight from the package
 * (readPackage.ts), or through ExcelJS for a package that reader refuses.
 */
export async function loadSheetsFile(inputPath: string): Promise<LoadedSheets> {
  const bytes = await readBytes(inputPath);
  return { sheets: (await readSheetsOf(bytes)).sheets, bytes };
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
