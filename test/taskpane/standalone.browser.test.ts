/**
 * The standalone page in a real browser: the production build served from localhost, opened in
 * /usr/bin/chromium. Office.onReady must resolve outside Office (standalone header), a workbook
 * chosen in the file input must be read locally and audited, Rebalance must run the optimizer
 * worker (HiGHS wasm from the same site) and show the scenarios, the download must be a workbook
 * with the output sheets, and the page must request nothing from any other address.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readWorkbookSheets } from '../../src/core/read/index';
import { auditTerritories } from '../../src/core/triggers/index';
import { buildOnce, type BuildOutcome } from '../build/buildOnce';
import { sampleSheets, sampleWorkbookBytes } from './sampleWorkbook';

const SCREENSHOT = '/tmp/team/pane.png';
const MAP_SCREENSHOT = '/tmp/team/pane-map.png';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
};

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.join(dir, path.normalize(urlPath).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function isLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return u.hostname === '127.0.0.1' || u.hostname === 'localhost';
}

describe('standalone page (index.html) in Chromium', () => {
  let build: BuildOutcome;
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    build = await buildOnce();
    server = await serve(build.outputPath);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 1400 } });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('builds without errors', () => {
    expect(build.errors).toEqual([]);
    expect(build.assets).toEqual(expect.arrayContaining(['index.html', 'standalone.js', 'optimizer.worker.js', 'highs.wasm', 'office.js']));
  });

  it('runs standalone, audits an uploaded workbook, rebalances, downloads the sheets, and stays on this machine', async () => {
    await page.goto(`${base}/index.html`);
    // Office.onReady resolved with host null -> the standalone App mounted.
    await page.getByRole('heading', { name: 'Territory Rebalancer (standalone)' }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => Office.onReady().then((info) => info.host))).toBeNull();

    const expected = auditTerritories(readWorkbookSheets(sampleSheets()));
    await page.getByTestId('workbook-file').setInputFiles({
      name: 'territories.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await sampleWorkbookBytes(),
    });
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.textContent()).toContain(expected.verdict);
    // Every trigger of the audit is listed with its status, and the six checklist items with theirs.
    const auditRows = await page.getByRole('table', { name: 'Trigger audit' }).locator('tbody tr').allTextContents();
    expect(auditRows).toHaveLength(expected.triggers.length);
    for (const t of expected.triggers) expect(auditRows.filter((r) => r.startsWith(t.name) && r.includes(t.status))).toHaveLength(1);
    const checklistRows = await page.getByRole('table', { name: 'Data checklist' }).locator('tbody tr').allTextContents();
    expect(checklistRows).toHaveLength(6);

    await page.getByRole('button', { name: 'Rebalance', exact: true }).click();
    const table = page.getByTestId('scenario-table');
    await table.waitFor({ timeout: 240_000 });
    const headers = await table.locator('th').allTextContents();
    expect(headers.slice(1)).toEqual(expect.arrayContaining(['Minimal', 'Balanced', 'Redesign']));
    await page.getByRole('heading', { name: /^Moves: / }).waitFor();

    // the map is painted: dots over the background in both pictures, and the moving ones ringed (dark) only after
    const ink = (id: string) =>
      page.getByTestId(id).evaluate((canvas: HTMLCanvasElement) => {
        const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let inked = 0;
        let dark = 0;
        for (let k = 0; k < d.length; k += 4) {
          if (d[k] !== 0xfa || d[k + 1] !== 0xfa || d[k + 2] !== 0xfa) inked++;
          if (d[k] < 0x30 && d[k + 1] < 0x30 && d[k + 2] < 0x30) dark++;
        }
        return { inked: inked / (d.length / 4), dark };
      });
    const [before, after] = [await ink('map-before'), await ink('map-after')];
    expect(before.inked).toBeGreaterThan(0.005); // 60 dots of 2.4 units
    expect(after.inked).toBeGreaterThan(0.005);
    expect(after.dark).toBeGreaterThan(before.dark);

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download workbook with sheets' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('territories (rebalanced).xlsx');
    const saved = new ExcelJS.Workbook();
    const bytes = fs.readFileSync((await download.path()) as string);
    await saved.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const names = saved.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Accounts', 'Reps', 'Scenario Comparison', 'Moves - Minimal']));

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.locator('section', { has: page.getByRole('heading', { name: 'Territory map' }) }).screenshot({ path: MAP_SCREENSHOT });
    expect(pageErrors).toEqual([]);
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
    // The optimizer ran in its worker, on HiGHS loaded from this site.
    expect(requests).toEqual(expect.arrayContaining([`${base}/optimizer.worker.js`, `${base}/highs.wasm`]));
  }, 600_000);
});

