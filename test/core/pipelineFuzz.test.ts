/**
 * The whole core pipeline on random small territories with awkward data (blank and junk cells,
 * departing and new reps, regions, narrow and wide bands, one candidate): read → audit and both
 * engines → output sheets → CRM file → an .xlsx. Nothing throws; a plan called feasible passed the
 * checker; a plan that is not says why and reaches the tightest band it reports; a hard rule is
 * broken only when the blockers prove it cannot be kept; the same data gives the same plans; the CRM
 * file lists exactly the owner changes.
 */
import ExcelJS from 'exceljs';
import { rebalance } from '../../src/core/rebalance';
import { crmCsv, describeOutputSheets } from '../../src/core/report';
import { saveWorkbookBuffer } from '../../src/hosts/xlsx/save';
import { loadHighs } from '../../src/hosts/node/highs';
import { fuzzTerritory } from '../support/fuzzTerritory';

// seeds 1-25, and territories where a longer hunt (seeds 26-1500) found bugs: 62 (repair cycling on
// rounding until the time limit), 150 (a plan short of the tightest band it reported), 1417 and 1493
// (a capacity broken for the band although a plan keeping it exists: 1493's R1 must carry 15.8-16 of
// workload, between its workload band's minimum and its capacity)
test.each([...Array.from({ length: 25 }, (_, k) => k + 1), 62, 150, 1417, 1493])('seed %i: read → rebalance → sheets → CRM → xlsx', async (seed) => {
  const data = fuzzTerritory(seed);
  expect(data.problems.filter((p) => p.severity === 'error')).toEqual([]);
  for (const highs of [await loadHighs(), null]) {
    const result = await rebalance(data, { highs, timeLimitMs: 10_000 });
    const again = await rebalance(data, { highs, timeLimitMs: 10_000 });
    expect(again.plans.map((p) => p.owners)).toEqual(result.plans.map((p) => p.owners)); // deterministic
    expect(result.notes.filter((n) => /time limit/.test(n))).toEqual([]); // finished by its work bounds, not the clock
    expect(result.plans.length).toBeGreaterThanOrEqual(3);
    for (const plan of result.plans) {
      expect(plan.owners).toHaveLength(data.accounts.length);
      expect(plan.feasible).toBe(plan.check.ok && plan.check.bandMet);
      if (!plan.feasible) expect(plan.blockers.length).toBeGreaterThan(0);
      // a hard rule is broken only when no plan can keep it: accounts that must stay overfill a rep's capacity, or all capacity together (in whole accounts)
      if (!plan.check.ok)
        expect(plan.blockers.join(' ')).toMatch(/accounts that must stay carry workload [\d.]+, above its capacity|exceeds the reps' total capacity|exceeds what the reps' capacities hold in whole accounts|above those reps' combined capacity/);
      // the plan reaches the tightest band it reports
      if (plan.check.ok && !plan.feasible) expect(plan.check.worstDeviation).toBeLessThanOrEqual(plan.tightestBand + 1e-6);
      // "no band" only when the plan's deviation is itself unbounded
      if (plan.check.ok && Number.isFinite(plan.check.worstDeviation)) expect(Number.isFinite(plan.tightestBand)).toBe(true);
      const changed = plan.owners.filter((o, i) => o !== data.accounts[i].owner).length;
      expect(crmCsv(data, plan).trim().split('\n')).toHaveLength(changed + 1);
    }
    const sheets = describeOutputSheets(data, result, { generatedAt: '2026-11-22' });
    const saved = await saveWorkbookBuffer(new ExcelJS.Workbook(), sheets);
    expect(saved.buffer.byteLength).toBeGreaterThan(1000);
  }
});

// seed 308: R4 must keep accounts over its workload band, so the LP proves no potential band feasible
// (lpBandFloor Infinity) and its rep groups need ±41.8% or more. Repair aimed at the scenario's ±10%
// left Balanced at ±74.7% with HiGHS; it now aims just past the groups' floor, as the TypeScript
// engine does, and both reach ±43.6% at the same cost.
test('seed 308: with no band meeting the workload band, Balanced repairs toward the band its rep groups allow', async () => {
  const data = fuzzTerritory(308);
  const plans = [];
  for (const highs of [await loadHighs(), null]) {
    const { plans: [, balanced] } = await rebalance(data, { highs, timeLimitMs: 10_000 });
    expect(balanced.scenario.name).toBe('Balanced');
    expect(balanced.feasible).toBe(false);
    expect(balanced.check.ok).toBe(true);
    expect(balanced.tightestBand).toBeLessThan(0.44);
    expect(balanced.check.worstDeviation).toBeLessThanOrEqual(balanced.tightestBand + 1e-6);
    plans.push(balanced);
  }
  expect(plans[0].objective).toBeCloseTo(plans[1].objective, 6);
});
