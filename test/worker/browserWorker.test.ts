/**
 * The browser Web Worker entry (src/worker/optimizer.worker.ts), bundled with the project's webpack
 * config and run in Chromium: it loads HiGHS from the bundled highs.wasm and answers a run, and a
 * cancel message stops it between scenarios; a warm message runs the warm-up territories.
 */
import * as http from 'node:http';
import { copyFileSync, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import webpack from 'webpack';
import { sampleTerritory } from '../../src/core/sample';
import { WARM_UP } from '../../src/worker/warmUp';

const ROOT = path.resolve(__dirname, '../..');
let dir = '';
let server: http.Server;
let browser: Browser;
let page: Page;

async function bundleWorker(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => webpack.Configuration;
  const config = makeConfig({ outputPath: outDir }, { mode: 'development' });
  config.entry = { 'optimizer.worker': './src/worker/optimizer.worker.ts' };
  config.devtool = false;
  config.plugins = (config.plugins ?? []).filter((p) => p?.constructor.name === 'NormalModuleReplacementPlugin');
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err ?? new Error('no stats')) : resolve(s))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  copyFileSync(path.join(ROOT, 'node_modules/highs/build/highs.wasm'), path.join(outDir, 'highs.wasm'));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tr-worker-'));
  await bundleWorker(dir);
  server = http.createServer(async (req, res) => {
    const name = (req.url ?? '/').split('?')[0];
    if (name === '/') {
      res.setHeader('content-type', 'text/html');
      res.end('<!doctype html><title>worker test</title>');
      return;
    }
    try {
      const body = await fs.readFile(path.join(dir, path.basename(name)));
      res.setHeader('content-type', name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript');
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface RunSummary {
  type: string;
  message?: string;
  plans?: { name: string; engine: string; status: string; bandMet: boolean; owners: number }[];
  notes?: string[];
  phases: string[];
}

/** Posts one run to a fresh worker; with `cancelAfter`, posts cancel after that many progress messages. */
function runInPage(data: unknown, cancelAfter: number | null): Promise<RunSummary> {
  return page.evaluate(
    ({ d, cancelAfter: n }) =>
      new Promise<RunSummary>((resolve) => {
        const w = new Worker('optimizer.worker.js');
        const phases: string[] = [];
        w.onmessage = (e: MessageEvent) => {
          const m = e.data;
          if (m.type === 'progress') {
            phases.push(`${m.progress.scenario}: ${m.progress.phase}`);
            if (n !== null && phases.length === n) w.postMessage({ type: 'cancel', id: 1 });
            return;
          }
          w.terminate();
          resolve({
            type: m.type,
            message: m.message,
            notes: m.result?.notes,
            plans: m.result?.plans.map((p: { scenario: { name: string }; engine: string; status: string; check: { bandMet: boolean }; owners: string[] }) => ({
              name: p.scenario.name,
              engine: p.engine,
              status: p.status,
              bandMet: p.check.bandMet,
              owners: p.owners.length,
            })),
            phases,
          });
        };
        w.onerror = (e) => resolve({ type: 'crash', message: e.message, phases });
        w.postMessage({ type: 'run', id: 1, data: d, options: { timeLimitMs: 20000 } });
      }),
    { d: data as object, cancelAfter },
  );
}

it('solves with HiGHS (WebAssembly) inside the browser worker', async () => {
  const r = await runInPage(sampleTerritory({ accounts: 80, reps: 4, seed: 9 }), null);
  expect(r.type).toBe('result');
  expect(r.notes?.join(' ') ?? '').not.toMatch(/could not load/);
  expect(r.plans?.map((p) => p.name)).toEqual(expect.arrayContaining(['Minimal', 'Balanced', 'Redesign']));
  for (const p of r.plans ?? []) {
    expect(p.engine).toBe('highs');
    expect(p.owners).toBe(80);
  }
  expect(r.plans?.find((p) => p.name === 'Minimal')?.bandMet).toBe(true);
  expect(r.phases.some((p) => p.startsWith('Minimal'))).toBe(true);
});

it('a cancel message stops the run: the remaining scenarios come back cancelled', async () => {
  const r = await runInPage(sampleTerritory({ accounts: 120, reps: 5, seed: 2 }), 1);
  expect(r.type).toBe('result');
  const statuses = r.plans?.map((p) => p.status) ?? [];
  expect(statuses.length).toBeGreaterThanOrEqual(3);
  expect(statuses[statuses.length - 1]).toBe('cancelled');
  expect(r.notes?.join(' ')).toContain('Stopped before the end');
});

it('warms up inside the browser worker (sample territories built in the worker), posting no progress', async () => {
  const r = await page.evaluate(
    () =>
      new Promise<{ warmed: unknown; others: string[] }>((resolve) => {
        const w = new Worker('optimizer.worker.js');
        const others: string[] = [];
        w.onmessage = (e: MessageEvent) => {
          if (e.data.type !== 'warmed') return void others.push(e.data.type);
          w.terminate();
          resolve({ warmed: e.data, others });
        };
        w.onerror = (e) => resolve({ warmed: { crash: e.message }, others });
        w.postMessage({ type: 'warm', id: 1, workload: true });
      }),
  );
  // every warm-up territory ran to the end with HiGHS, and nothing reached the page but `warmed`
  expect(r.warmed).toEqual({ type: 'warmed', id: 1, territories: WARM_UP.length });
  expect(r.others).toEqual([]);
});
