import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { rawEntries } from '../../src/hosts/xlsx/zipParts';
import { packageProblems } from '../support/xlsxPackage';
import { generateSample } from '../../src/core/sample';
import { sheetValuesOf } from '../../src/hosts/xlsx/read';

const BIN = path.resolve(__dirname, '../../bin/territory-rebalancer.js');
let dir = '';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 110000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function ownersOf(file: string): Promise<Map<string, string | null>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  const ws = wb.getWorksheet('Accounts')!;
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const idCol = header.indexOf('Account ID');
  const ownerCol = header.indexOf('Owner');
  const owners = new Map<string, string | null>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const id = row.getCell(idCol).value;
    if (id === null || id === undefined) continue;
    const owner = row.getCell(ownerCol).value;
    owners.set(String(id), owner === null || owner === undefined || owner === '' ? null : String(owner));
  }
  return owners;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tr-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bad usage exits 2', () => {
  it.each([
    [[], 'no command given'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['rebalance', 'in.xlsx'], '"rebalance" needs --out'],
    [['rebalance', 'in.xlsx', '--out', 'o.xlsx', '--colour', 'red'], 'unknown option --colour'],
    [['rebalance', 'in.xlsx', '--out', 'o.xlsx', '--time-limit', '-3'], '--time-limit must be a positive number of seconds'],
  ])('%j', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('--help');
  });

  it('--help prints the usage and exits 0', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    for (const cmd of ['rebalance IN.xlsx --out OUT.xlsx', 'check IN.xlsx', 'sample OUT.xlsx', 'apply IN.xlsx --scenario NAME', 'undo IN.xlsx', 'demo']) {
      expect(r.out).toContain(cmd);
    }
  });
});

describe('input errors exit 1 with Sheet!Cell messages', () => {
  it('a workbook without the Account ID column', async () => {
    const tables = generateSample({ accounts: 30, reps: 3, seed: 5 });
    const wb = new ExcelJS.Workbook();
    const accounts = wb.addWorksheet('Accounts');
    // Drop the Account ID column (the first one): a required column is missing.
    for (const row of tables.accounts) accounts.addRow(row.slice(1));
    const reps = wb.addWorksheet('Reps');
    for (const row of tables.reps) reps.addRow(row);
    await wb.xlsx.writeFile(path.join(dir, 'no-id.xlsx'));

    const check = cli('check', 'no-id.xlsx');
    expect(check.code).toBe(1);
    expect(check.err).toMatch(/Accounts!A1:[A-Z]+1: No Account ID column/);
    const run = cli('rebalance', 'no-id.xlsx', '--out', 'never.xlsx');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/Accounts!A1:[A-Z]+1: No Account ID column/);
    expect(existsSync(path.join(dir, 'never.xlsx'))).toBe(false);
  });

  it('cell-level errors skip their rows only: check still runs (exit 0) and names each cell', async () => {
    const tables = generateSample({ accounts: 40, reps: 3, seed: 5 });
    tables.accounts[4][3] = 'abc'; // Potential of the account on sheet row 5
    tables.accounts[7][0] = tables.accounts[6][0]; // row 8 repeats row 7's Account ID
    const wb = new ExcelJS.Workbook();
    const accounts = wb.addWorksheet('Accounts');
    for (const row of tables.accounts) accounts.addRow(row);
    const reps = wb.addWorksheet('Reps');
    for (const row of tables.reps) reps.addRow(row);
    await wb.xlsx.writeFile(path.join(dir, 'bad-cells.xlsx'));

    const r = cli('check', 'bad-cells.xlsx');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Accounts!D5: Potential "abc" is not a number/);
    expect(r.err).toMatch(/error: Accounts!A8: Account ID "[A-Z0-9]+" duplicates row 7; row skipped/);
    expect(r.out).toContain('39 accounts, 3 reps');
    expect(r.out).toContain('Verdict:');
  });

  it('a file that does not exist', () => {
    const r = cli('check', 'missing.xlsx');
    expect(r.code).toBe(1);
    expect(r.err).toContain('missing.xlsx: file not found');
    // rebalance starts its optimizer worker before reading: the failed read stops it, and the CLI
    // exits (a worker left running would keep it alive until spawnSync's timeout: code null)
    const run = cli('rebalance', 'missing.xlsx', '--out', 'never.xlsx');
    expect(run.code).toBe(1);
    expect(run.err).toContain('missing.xlsx: file not found');
  });
});

describe('sample, check, rebalance, apply, undo on a 200 x 6 sample', () => {
  let inBytes: Buffer;
  let report: {
    problems: { sheet: string; cell: string; message: string; text: string }[];
    verdict: string;
    triggers: { name: string; status: string; evidence: string }[];
    scenarios: {
      name: string;
      band: number;
      feasible: boolean;
      bandMet: boolean;
      engine: string;
      blockers: string[];
      tightestBand: number;
      metrics: { moves: number; placements: number; potentialSpreadBefore: number; potentialSpreadAfter: number };
      moves: { accountId: string; from: string | null; to: string; reason: string; disruption: string }[];
    }[];
  };
  let rebalanceRun: ReturnType<typeof cli>;

  beforeAll(() => {
    const s = cli('sample', 'in.xlsx', '--accounts', '200', '--reps', '6', '--seed', '11');
    expect(s.code).toBe(0);
    inBytes = readFileSync(path.join(dir, 'in.xlsx'));
    rebalanceRun = cli('rebalance', 'in.xlsx', '--out', 'out.xlsx', '--json', 'report.json', '--time-limit', '20');
    report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
  });

  it('sample writes the requested size as Excel Tables Accounts, Reps and Settings with formats', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'in.xlsx'));
    const sheets = sheetValuesOf(wb);
    expect(sheets.map((s) => [s.name, s.listObjects?.map((l) => l.name)])).toEqual([
      ['Accounts', ['Accounts']],
      ['Reps', ['Reps']],
      ['Settings', ['Settings']],
    ]);
    expect(wb.getWorksheet('Accounts')!.getRow(2).getCell(4).numFmt).toBe('$#,##0');
    expect(wb.getWorksheet('Reps')!.getRow(2).getCell(9).numFmt).toBe('0%');
    const owners = await ownersOf('in.xlsx');
    expect(owners.size).toBe(200);
    const reps = new Set([...owners.values()].filter((o) => o !== null));
    expect(reps.size).toBe(6);
  });

  it('check prints the FIRED triggers with their evidence and the verdict', () => {
    const r = cli('check', 'in.xlsx');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/FIRED\s+Attainment spread > 30 pts\s+Trailing-4Q attainment runs from [56]\d% [\s\S]*?to 1[23]\d% [\s\S]*?-point\s+spread/);
    expect(r.out).toMatch(/FIRED\s+Top-quartile rep departing/);
    expect(r.out).toMatch(/FIRED\s+Single customer > 60% of a territory\s+.+ is [6-9]\d% of /);
    expect(r.out).toMatch(/(NOT A TRIGGER|OK)\s+One bad quarter/);
    expect(r.out).toContain('Verdict: REBALANCE');
    expect(r.out).toMatch(/Candidates \(2\+ metrics out of band\): \d+/);
  });

  it('rebalance exits 0, reports progress on stderr and a summary on stdout', () => {
    expect(rebalanceRun.code).toBe(0);
    expect(rebalanceRun.err).toContain('Optimizing');
    expect(rebalanceRun.out).toMatch(/Verdict: Rebalance \(\d+ triggers fired/);
    expect(rebalanceRun.out).toMatch(/Minimal\s+\d+ moves \+\s+\d+ placements\s+band ±15\.0%\s+met: yes/);
  });

  it('the JSON report has problems, triggers, verdict and per-scenario band, feasibility, metrics and moves', async () => {
    expect(report.verdict).toBe('Rebalance');
    expect(report.triggers.filter((t) => t.status === 'FIRED').map((t) => t.name)).toEqual(
      expect.arrayContaining(['Attainment spread > 30 pts', 'Top-quartile rep departing', 'Single customer > 60% of a territory']),
    );
    expect(report.problems.every((p) => p.text === `${p.sheet}!${p.cell}: ${p.message}` || p.cell === '')).toBe(true);
    expect(report.scenarios.map((s) => s.name)).toEqual(expect.arrayContaining(['Minimal', 'Balanced', 'Redesign']));
    const minimal = report.scenarios.find((s) => s.name === 'Minimal')!;
    expect(minimal.band).toBe(0.15);
    expect(minimal.feasible).toBe(true);
    expect(minimal.bandMet).toBe(true);
    expect(minimal.metrics.potentialSpreadAfter).toBeLessThanOrEqual(0.15 + 1e-9);
    expect(minimal.metrics.potentialSpreadBefore).toBeGreaterThan(0.15);
    expect(minimal.moves.length).toBe(minimal.metrics.moves + minimal.metrics.placements);

    // Every move starts from the account's owner in the input and goes to another rep.
    const before = await ownersOf('in.xlsx');
    const repIds = new Set([...before.values()].filter((o): o is string => o !== null));
    for (const m of minimal.moves) {
      expect(before.get(m.accountId)).toBe(m.from);
      expect(m.to).not.toBe(m.from);
      expect(repIds.has(m.to)).toBe(true);
      expect(['Low', 'Medium', 'High']).toContain(m.disruption);
      expect(m.reason.length).toBeGreaterThan(10);
    }
  });

  it('OUT holds the input tables plus the output sheets; IN is byte-identical', async () => {
    expect(readFileSync(path.join(dir, 'in.xlsx')).equals(inBytes)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'out.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Accounts', 'Reps', 'Settings', 'Scenario Comparison', 'Moves - Minimal']));
    expect(await ownersOf('out.xlsx')).toEqual(await ownersOf('in.xlsx'));
    // written into the input's own package: its Accounts sheet is the input's, compressed bytes and all
    const accounts = (file: string) => rawEntries(readFileSync(path.join(dir, file)))!.get('xl/worksheets/sheet1.xml')!.body;
    expect(Buffer.from(accounts('out.xlsx')).equals(Buffer.from(accounts('in.xlsx')))).toBe(true);
    expect(await packageProblems(readFileSync(path.join(dir, 'out.xlsx')))).toEqual([]);
  });

  it('refuses to write OUT onto IN (exit 2) and leaves IN untouched', () => {
    const r = cli('rebalance', 'in.xlsx', '--out', './in.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('is the input file');
    expect(readFileSync(path.join(dir, 'in.xlsx')).equals(inBytes)).toBe(true);
  });

  it('apply writes the Minimal owners; undo restores the owners before it', async () => {
    const minimal = report.scenarios.find((s) => s.name === 'Minimal')!;
    const applied = cli('apply', 'out.xlsx', '--scenario', 'Minimal', '--out', 'applied.xlsx');
    expect(applied.code).toBe(0);
    expect(applied.out).toContain(`${minimal.moves.length} owner(s) written`);
    const before = await ownersOf('out.xlsx');
    const after = await ownersOf('applied.xlsx');
    const expected = new Map(before);
    for (const m of minimal.moves) expected.set(m.accountId, m.to);
    expect(after).toEqual(expected);

    const undone = cli('undo', 'applied.xlsx', '--out', 'undone.xlsx');
    expect(undone.code).toBe(0);
    expect(await ownersOf('undone.xlsx')).toEqual(before);
  });

  it('apply of an unknown scenario exits 1 and writes nothing', () => {
    const r = cli('apply', 'out.xlsx', '--scenario', 'Nope', '--out', 'nope.xlsx');
    expect(r.code).toBe(1);
    expect(existsSync(path.join(dir, 'nope.xlsx'))).toBe(false);
  });
});
