/**
 * A rep with no fair share (0 FTE) who must keep a locked account: its deviation is unbounded, so no
 * balance band is reachable (tightestBand Infinity). Every surface says "no band"; no file gets a
 * number it cannot hold (Excel rejects a workbook with <v>Infinity</v>; JSON has no Infinity).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { defaultScenarios } from '../../../src/core/optimize';
import { rebalance } from '../../../src/core/rebalance';
import { describeOutputSheets, type SheetDescription } from '../../../src/core/report';
import { scenarioLine } from '../../../src/cli/summary';
import { jsonReport } from '../../../src/cli/jsonReport';
import { saveWorkbookBuffer } from '../../../src/hosts/xlsx/save';
import { account, rep, territory } from '../optimize/fixtures';

test('a 0-FTE rep keeping a locked account: "no band" on the sheets, in the CLI and as null in the JSON; the xlsx holds no Infinity', async () => {
  const near = { lat: 41.9, lon: -87.7 };
  const d = territory(
    [account('A1', 'R1', 100, { ...near, locked: true }), account('A2', 'R2', 100, near), account('A3', 'R2', 100, near), account('A4', 'R3', 100, near)],
    [rep('R1', { homeLat: 41.9, homeLon: -87.6, fte: 0 }), rep('R2', { homeLat: 41.9, homeLon: -87.6 }), rep('R3', { homeLat: 41.9, homeLon: -87.6 })],
  );
  const result = await rebalance(d, { highs: null, scenarios: defaultScenarios(d.settings).slice(0, 1), timeLimitMs: 10000 });
  const plan = result.plans[0];
  expect(plan.owners[0]).toBe('R1'); // locked
  expect(plan.check.ok).toBe(true);
  expect(plan.feasible).toBe(false);
  expect(plan.tightestBand).toBe(Infinity);

  const sheets = describeOutputSheets(d, result, { generatedAt: '2026-11-22' });
  const comparison = sheets.find((s) => s.name === 'Scenario Comparison') as SheetDescription;
  expect(comparison.rows.find((r) => r[0]?.value === 'Tightest band reachable')?.[1]?.value).toBe('no band');
  const moves = sheets.find((s) => s.name === 'Moves - Minimal') as SheetDescription;
  expect(moves.rows.map((r) => String(r[0]?.value ?? '')).find((v) => v.startsWith('Scenario '))).toContain('band ±15% not met (tightest no band);');
  expect(scenarioLine(plan)).toContain('met: no (tightest no band)');

  const json = jsonReport('in.xlsx', d, result, '2026-11-22', 1);
  expect(json.scenarios[0].tightestBand).toBeNull();
  expect(json.scenarios[0].worstDeviation).toBeNull();

  const saved = await saveWorkbookBuffer(new ExcelJS.Workbook(), sheets);
  const zip = await JSZip.loadAsync(saved.buffer);
  for (const name of Object.keys(zip.files).filter((f) => f.startsWith('xl/worksheets/sheet'))) {
    expect(await zip.file(name)!.async('string')).not.toMatch(/<v>(-?Infinity|NaN)<\/v>/);
  }
});
