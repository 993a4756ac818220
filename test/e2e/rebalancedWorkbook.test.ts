/**
 * End to end, as the demo does it: a seeded sample workbook, `territory-rebalancer rebalance`, then
 * the written workbook opened by LibreOffice (a manager without the add-in). Every output sheet is
 * there, the charts are in the package, no cell shows an error, and every formula recalculates to
 * the value written with it.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeSampleWorkbook } from '../../src/cli/sampleWorkbook';
import { cleanUpLibreOfficeFiles, errorCells, recalculateWithLibreOffice } from '../support/libreoffice';

const BIN = path.resolve(__dirname, '../../bin/territory-rebalancer.js');

interface FormulaCell {
  at: string;
  result: unknown;
}

function formulaCells(wb: ExcelJS.Workbook): FormulaCell[] {
  const out: FormulaCell[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) out.push({ at: `${ws.name}!${cell.address}`, result: cell.result });
      }),
    ),
  );
  return out;
}

/** An empty formula result ("" from IF) reads back from LibreOffice as "" or as nothing. */
function normalised(v: unknown): unknown {
  return v === undefined || v === null ? '' : v;
}

let dir = '';
let outPath = '';

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tr-e2e-'));
  const inPath = path.join(dir, 'territories.xlsx');
  outPath = path.join(dir, 'rebalanced.xlsx');
  await writeSampleWorkbook(inPath, { accounts: 300, reps: 8, seed: 7 });
  const run = spawnSync(process.execPath, [BIN, 'rebalance', inPath, '--out', outPath], { encoding: 'utf8', timeout: 110_000 });
  if (run.status !== 0) throw new Error(`rebalance exited ${run.status}: ${run.stderr}`);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await cleanUpLibreOfficeFiles();
});

describe('the rebalanced workbook, opened without the add-in', () => {
  it('holds every output sheet next to the input tables, with its charts, and opens on Scenario Comparison', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outPath);
    const names = wb.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
    expect(names).toEqual([
      'Accounts',
      'Reps',
      'Settings',
      'Scenario Comparison',
      'Moves - Minimal',
      'Moves - Balanced',
      'Moves - Redesign',
      'Moves - Growth',
      'Rep Impact',
      'Transition Plan',
      'Rebalance Summary',
      'Territory Map',
      'Rep Briefs',
    ]);
    expect((wb.views[0] as { activeTab?: number }).activeTab).toBe(3);
    const zip = await JSZip.loadAsync(await fs.readFile(outPath));
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    // one comparison chart, and before / after scatter maps
    expect(charts).toHaveLength(3);
  });

  it('recalculates in LibreOffice with no error cell and every formula equal to the value written with it', async () => {
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(outPath);
    const cached = formulaCells(written);
    expect(cached.length).toBeGreaterThan(100);

    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile((await recalculateWithLibreOffice(outPath)).path);
    expect(errorCells(recalculated)).toEqual([]);
    const after = new Map(formulaCells(recalculated).map((c) => [c.at, c.result]));
    const differing = cached.filter((c) => {
      const got = normalised(after.get(c.at));
      const want = normalised(c.result);
      return typeof want === 'number' && typeof got === 'number' ? Math.abs(got - want) > 1e-9 * Math.max(1, Math.abs(want)) : got !== want;
    });
    expect(differing.map((c) => `${c.at}: wrote ${String(c.result)}, LibreOffice ${String(after.get(c.at))}`)).toEqual([]);
  });
});
