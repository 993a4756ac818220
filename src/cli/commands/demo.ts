/**
 * `demo`: the bundled story in one command. Writes the seeded sample to out/sample.xlsx, rebalances
 * it into out/rebalanced.xlsx (+ out/report.json and the Minimal scenario's CRM import file), and
 * prints a short summary.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { crmCsv } from '../../core/report/index';
import { sampleSize } from '../../core/sample';
import type { Terminal } from '../terminal';
import { writeSampleWorkbook } from '../sampleWorkbook';
import { runSummary } from '../summary';
import { runRebalance } from './rebalance';
import { packageRoot } from '../../hosts/node/packageRoot';

/** The repository's git-ignored out/ folder. */
export const DEMO_DIR = path.join(packageRoot(), 'out');

export async function demoCommand(io: Terminal, timeLimitSeconds?: number, dir: string = DEMO_DIR): Promise<number> {
  await fs.mkdir(dir, { recursive: true });
  const samplePath = path.join(dir, 'sample.xlsx');
  const outPath = path.join(dir, 'rebalanced.xlsx');
  const jsonPath = path.join(dir, 'report.json');
  const csvPath = path.join(dir, 'crm-update-minimal.csv');

  const size = sampleSize();
  io.progress(`Writing the sample workbook (${size.accounts} accounts, ${size.reps} reps)...`);
  await writeSampleWorkbook(samplePath);
  const run = await runRebalance({ inPath: samplePath, outPath, jsonPath, timeLimitSeconds }, io);
  if (!run) return 1;
  const minimal = run.result.plans.find((p) => p.scenario.kind === 'Minimal') ?? run.result.plans[0];
  if (minimal) await fs.writeFile(csvPath, crmCsv(run.data, minimal));

  for (const line of runSummary(run.result, run.elapsedMs)) io.out(line);
  io.out(`Sample:    ${samplePath}`);
  io.out(`Workbook:  ${outPath}  (open it in Excel; no add-in needed)`);
  io.out(`Report:    ${jsonPath}${minimal ? `\nCRM file:  ${csvPath}` : ''}`);
  return 0;
}
