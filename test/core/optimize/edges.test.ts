/** Degenerate inputs never crash and never report an infeasible plan as feasible. */
import { defaultScenarios, optimize } from '../../../src/core/optimize';
import { DEFAULT_SETTINGS } from '../../../src/core/model';
import { loadHighs } from '../../../src/hosts/node/highs';
import { account, rep, territory } from './fixtures';
import { planMoves } from '../../../src/core/report/common';

const minimal = [defaultScenarios(DEFAULT_SETTINGS)[0]];

test.each([
  ['HiGHS', true],
  ['TypeScript', false],
])('%s: no accounts gives an empty feasible plan', async (_n, h) => {
  const { plans } = await optimize(territory([], [rep('R1'), rep('R2')]), { highs: h ? await loadHighs() : null, scenarios: minimal });
  expect(plans[0].owners).toEqual([]);
  expect(plans[0].moves).toEqual([]);
  expect(plans[0].feasible).toBe(true);
});

test('every rep departing: the plan is returned and is not feasible', async () => {
  const data = territory([account('A1', 'R1', 10), account('A2', null, 5)], [rep('R1', { status: 'Departing' })]);
  const { plans } = await optimize(data, { highs: await loadHighs(), scenarios: minimal });
  expect(plans[0].feasible).toBe(false);
  expect(plans[0].check.violations.join()).toMatch(/departing rep R1|not a rep/);
});

test('unknown owner and unassigned accounts are placed; capacity is respected', async () => {
  // fair share 50 each; R1 capacity 2 accounts
  const data = territory(
    [account('A1', 'R1', 25), account('A2', 'R1', 25), account('A3', 'Nobody', 25), account('A4', null, 25)],
    [rep('R1', { capacity: 2 }), rep('R2')],
    { band: 0.01 },
  );
  for (const highs of [await loadHighs(), null]) {
    const { plans } = await optimize(data, { highs, scenarios: minimal });
    expect(plans[0].owners).toEqual(['R1', 'R1', 'R2', 'R2']);
    expect(plans[0].feasible).toBe(true);
    expect(plans[0].metrics.placements).toBe(2);
    expect(plans[0].moves.map((m) => m.reason)).toEqual([
      'A3 (owner "Nobody" is not a rep) placed with R2 (candidate rep, now at 50% of fair share; $25 potential)',
      'Unassigned account A4 placed with R2 (candidate rep, now at 100% of fair share; $25 potential)',
    ]);
    // the sheets' rows, also for a plan that carries no moves of its own (built in code): the same placement rule
    const rows = planMoves(data, { ...plans[0], moves: [] });
    expect(rows.map((r) => [r.account.id, r.placement, r.reason])).toEqual([
      ['A4', true, 'Placed with Rep R2: the account had no owner.'],
      ['A3', true, 'Placed with Rep R2: its owner Nobody is not on the Reps sheet.'],
    ]);
  }
});

test('total workload above total capacity is named as a blocker', async () => {
  const data = territory(
    [account('A1', 'R1', 10, { workload: 5 }), account('A2', 'R2', 10, { workload: 5 })],
    [rep('R1', { capacity: 4 }), rep('R2', { capacity: 4 })],
  );
  const { plans } = await optimize(data, { highs: await loadHighs(), scenarios: minimal });
  expect(plans[0].feasible).toBe(false);
  expect(plans[0].check.violations.join()).toMatch(/R1 carries workload 5, above its capacity 4/);
  expect(plans[0].blockers.join()).toMatch(/Total workload 10.0 exceeds the reps' total capacity 8.0/);
});

test('a custom scenario named like a built-in one gets a name of its own (sheets, roles and Apply find scenarios by name)', () => {
  const names = (custom: string) => defaultScenarios({ ...DEFAULT_SETTINGS, custom: { ...DEFAULT_SETTINGS.custom, name: custom } }).map((s) => s.name);
  expect(names('minimal')).toEqual(['Minimal', 'Balanced', 'Redesign', 'minimal (custom)']);
  expect(names('Growth')).toEqual(['Minimal', 'Balanced', 'Redesign', 'Growth']);
  expect(names('  ')).toEqual(['Minimal', 'Balanced', 'Redesign', 'Custom']);
});
