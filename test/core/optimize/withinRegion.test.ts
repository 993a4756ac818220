/**
 * Rebalancing within regions: each rep's target is its share of its own region's total, since
 * accounts cannot leave their region. East holds 400 for two reps, West 100 for one: team-wide
 * shares (166.7 each) would leave West's rep at 60% with no way up; within regions the targets are
 * East 200 / 200 and West 100, and the band can be met.
 */
import { balanceTargets } from '../../../src/core/metrics/basics';
import { checkPlan, defaultScenarios, optimize, planMetrics } from '../../../src/core/optimize';
import { loadHighs } from '../../../src/hosts/node/highs';
import { repImpacts } from '../../../src/core/report/numbers';
import { account, rep, territory } from './fixtures';

function twoRegions(withinRegion: boolean) {
  const reps = [
    rep('E1', { homeLat: 40, homeLon: -75, region: 'East' }),
    rep('E2', { homeLat: 40.2, homeLon: -75.2, region: 'East' }),
    rep('W1', { homeLat: 34, homeLon: -118, region: 'West' }),
  ];
  const east = (id: string, owner: string, p: number) => account(id, owner, p, { lat: 40.1, lon: -75.1, region: 'East' });
  const accounts = [
    east('A1', 'E1', 100),
    east('A2', 'E1', 100),
    east('A3', 'E1', 100),
    east('A4', 'E1', 60),
    east('A5', 'E2', 40),
    account('A6', 'W1', 60, { lat: 34, lon: -118, region: 'West' }),
    account('A7', 'W1', 40, { lat: 34.1, lon: -118.1 }), // no region of its own: its owner's (West)
  ];
  return territory(accounts, reps, { band: 0.15, withinRegion });
}

test('targets: each region shared among its own reps; team-wide without the option', () => {
  const d = twoRegions(true);
  const potentials = d.accounts.map((a) => a.potential);
  expect(balanceTargets(d, potentials, true)).toEqual([200, 200, 100]);
  expect(balanceTargets(d, potentials, false).map((t) => Number(t.toFixed(2)))).toEqual([166.67, 166.67, 166.67]);
});

test('targets fall back to team-wide when a continuing rep has no region', () => {
  const d = twoRegions(true);
  d.reps[2].region = null;
  expect(balanceTargets(d, d.accounts.map((a) => a.potential), true).map((t) => Number(t.toFixed(2)))).toEqual([166.67, 166.67, 166.67]);
});

/** The Minimal plan of the two-region team, rebalanced within regions (one optimize for the tests below). */
async function minimalWithinRegions() {
  const d = twoRegions(true);
  const { plans } = await optimize(d, { highs: await loadHighs(), scenarios: [defaultScenarios(d.settings)[0]], timeLimitMs: 10000 });
  return { d, plan: plans[0] };
}
let within: ReturnType<typeof minimalWithinRegions>;
beforeAll(() => {
  within = minimalWithinRegions();
});

test('Minimal within regions: E1 (360 of 200) gives East accounts to E2, West untouched, band met', async () => {
  const { d, plan } = await within;
  expect(plan.feasible).toBe(true);
  expect(plan.check.bandMet).toBe(true);
  // West keeps its accounts; East ends within 170..230 per rep
  expect(plan.owners.slice(5)).toEqual(['W1', 'W1']);
  const load = (r: string) => d.accounts.reduce((s, a, i) => s + (plan.owners[i] === r ? a.potential : 0), 0);
  for (const r of ['E1', 'E2']) {
    expect(load(r)).toBeGreaterThanOrEqual(170);
    expect(load(r)).toBeLessThanOrEqual(230);
  }
  // the plan's spread and the Rep Impact sheet's fair shares use the same regional targets
  expect(planMetrics(d, plan.scenario, plan.owners).potentialSpreadAfter).toBeLessThanOrEqual(0.15 + 1e-9);
  expect(repImpacts(d, plan).map((x) => x.fairShare)).toEqual([200, 200, 100]);
});

test('the same plan judged team-wide misses the band: the checker follows the scenario', async () => {
  const { d, plan } = await within;
  const teamWide = { ...plan.scenario, withinRegion: false };
  const c = checkPlan(d, teamWide, plan.owners);
  expect(c.bandMet).toBe(false);
  expect(c.worstDeviation).toBeCloseTo(0.4, 6); // W1 at 100 of 166.67
});

test('a region that cannot fit its reps\' bands is named once: by its group of reps, with the band it needs', async () => {
  // N1 has no region, so targets fall back to team-wide (125 each) while East's and West's accounts stay home
  const d = twoRegions(true);
  d.reps.push(rep('N1', { homeLat: 45, homeLon: -100, region: null }));
  d.accounts[6].owner = 'N1';
  for (const highs of [await loadHighs(), null]) {
    const { plans } = await optimize(d, { highs, scenarios: [defaultScenarios(d.settings)[0]], timeLimitMs: 10000 });
    const { blockers } = plans[0];
    expect(plans[0].feasible).toBe(false);
    expect(blockers.filter((b) => b.includes('E1 and E2'))).toEqual([
      "Accounts that can go only to reps E1 and E2 (locked, Stage 3+, or no candidate elsewhere) hold $400 potential, above those reps' combined band maximum of $288 potential: " +
        'as a group they need a band of at least ±60%. Rebalancing across regions lets more of these accounts go elsewhere.',
    ]);
    expect(blockers.some((b) => b.startsWith('Region East'))).toBe(false);
    // West's own accounts ($60) are not a group's: A7, which has no region, can also reach W1
    expect(blockers).toContain("Region West: its accounts hold $60 potential, but its reps' bands need between $106 potential and $144 potential");
    // N1 reaches 32% of its fair share: the tightest band is ±68%
    expect(plans[0].tightestBand).toBeCloseTo(0.68, 2);
  }
});
