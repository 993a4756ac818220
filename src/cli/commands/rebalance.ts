/**
 * `rebalance IN.xlsx --out OUT.xlsx [--json REPORT.json] [--time-limit S]`: audit, optimize in a
 * worker thread, write the output sheets into a copy of the input, and optionally the JSON report.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formatProblem, type RebalanceResult, type TerritoryData } from '../../core/model';
import { rebalanceWith } from '../../core/rebalance';
import { describeOutputSheets } from '../../core/report/index';
import { writeOutputWorkbook } from '../../hosts/xlsx/write';
import type { Terminal } from '../terminal';
import { jsonReport } from '../jsonReport';
import { loadTerritory } from '../load';
import { optimizeInWorker, startOptimizer } from '../optimizerRun';
import type { OptimizerClient } from '../../worker/bridge';
import { runSummary } from '../summary';
import { collectGarbage } from '../../hosts/node/gc';

export interface RebalanceRun {
  data: TerritoryData;
  result: RebalanceResult;
  elapsedMs: number;
  generatedAt: string;
}

export interface RebalanceArgs {
  inPath: string;
  outPath: string;
  jsonPath?: string;
  timeLimitSeconds?: number;
}

/** Runs the whole rebalance; returns null after printing why when the input stops it. */
export async function runRebalance(args: RebalanceArgs, io: Terminal): Promise<RebalanceRun | null> {
  // the worker warms up while the workbook is read
  const optimizer = startOptimizer();
  const read = await readAndRebalance(args, io, optimizer).finally(() => optimizer.terminate());
  if (!read) return null;
  const { input, result, started } = read;
  const { data } = input;
  const elapsedMs = Date.now() - started;
  const generatedAt = timestamp(new Date());

  io.progress(`Writing ${path.basename(args.outPath)}...`);
  const sheets = describeOutputSheets(data, result, { generatedAt });
  const written = await writeOutputWorkbook(args.inPath, args.outPath, sheets, input.bytes);
  io.endProgress();
  if (!written.ok) {
    io.err(`error: ${formatProblem(written.problem)}`);
    return null;
  }
  if (args.jsonPath) {
    const report = jsonReport(args.inPath, data, result, generatedAt, elapsedMs);
    await fs.writeFile(args.jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  }
  return { data, result, elapsedMs, generatedAt };
}

async function readAndRebalance(args: RebalanceArgs, io: Terminal, optimizer: OptimizerClient) {
  const input = await loadTerritory(args.inPath, io);
  if (!input) return null;
  // what reading the input left is garbage now: collected before the workers build their heaps (gc.ts)
  collectGarbage();
  const { data } = input;
  const started = Date.now();
  const timeLimitMs = args.timeLimitSeconds === undefined ? undefined : args.timeLimitSeconds * 1000;
  io.progress(`Auditing ${data.accounts.length} accounts and ${data.reps.length} reps...`);
  const result = await rebalanceWith(data, (d) => optimizeInWorker(optimizer, d, io, timeLimitMs));
  return { input, result, started };
}

export async function rebalanceCommand(args: RebalanceArgs, io: Terminal): Promise<number> {
  const run = await runRebalance(args, io);
  if (!run) return 1;
  for (const line of runSummary(run.result, run.elapsedMs)) io.out(line);
  io.out(`Wrote ${args.outPath}${args.jsonPath ? ` and ${args.jsonPath}` : ''}`);
  return 0;
}

/** "2026-03-31 14:05" in local time: shown on every output sheet. */
export function timestamp(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
