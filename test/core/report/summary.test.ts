import { describeOutputSheets, planOutcome, recommendedPlan, type SheetDescription } from '../../../src/core/report';
import type { Plan } from '../../../src/core/model';
import { seededData, seededResult } from './fixture';

describe('Rebalance Summary', () => {
  const data = seededData();
  data.accounts[2].potentialEstimated = true;
  data.accounts[5].potentialEstimated = true;
  data.problems = Array.from({ length: 7 }, (_, i) => ({ severity: i < 2 ? ('error' as const) : ('warning' as const), sheet: 'Accounts', cell: `D${i + 2}`, message: `Potential "x${i}" is not a number` }));
  data.checklist = [{ item: 'Account potential', status: 'partial', detail: '28 of 30 accounts' }];
  const result = seededResult(data);
  const summary = describeOutputSheets(data, result, { generatedAt: 'now' }).find((s) => s.name === 'Rebalance Summary') as SheetDescription;
  const find = (label: string) => {
    const i = summary.rows.findIndex((r) => r[0]?.value === label);
    expect(i).toBeGreaterThanOrEqual(0);
    return i;
  };

  it('records objective, scope, triggers with evidence and status', () => {
    expect(summary.rows[find('Objective')][1]?.value).toMatch(/within ±15% of its fair share/);
    expect(summary.rows[find('Scope and horizon')][1]?.value).toBe('30 accounts, 4 reps (3 active incl. 1 new, 1 departing). Transition 2-8 weeks by segment; checkpoints at 30/60/90 days.');
    const t = find('Attainment spread > 30 pts');
    expect(summary.rows[t].map((c) => c?.value)).toEqual(['Attainment spread > 30 pts', 'FIRED', 'Alice Moreno 133% vs Ben "BJ" Okafor 73%: 60 pts']);
    expect(summary.rows[find('One bad quarter')][1]?.value).toBe('NOT A TRIGGER');
    expect(summary.rows[find('Account potential')][1]?.value).toBe('partial');
  });

  it('maps options A-D to the scenarios with formulas over Scenario Comparison and recommends one', () => {
    const a = find('Option A');
    expect(summary.rows.slice(a, a + 4).map((r) => [r[0]?.value, r[1]?.value])).toEqual([
      ['Option A', 'Minimal'],
      ['Option B', 'Balanced'],
      ['Option C', 'Redesign'],
      ['Option D', 'Growth-weighted potential, East region'],
    ]);
    expect(summary.rows[a][2]).toEqual(expect.objectContaining({ formula: "'Scenario Comparison'!B7", value: 4 }));
    expect(summary.rows[a + 3][5]).toEqual(expect.objectContaining({ formula: "'Scenario Comparison'!E23", value: 'No' }));
    expect(summary.rows[find('Recommendation')][1]?.value).toBe('Option A: Minimal. Minimal meets the band with the fewest disruption-weighted moves.');
    expect(summary.rows[find('Minimal')][1]?.value).toBe('4 moves (0 high disruption) and 5 placements take the potential spread from 48% to 2%; band ±15% met.');
  });

  it('leaves owner and review date blank and highlighted, lists review triggers, problems and notes', () => {
    for (const label of ['Owner', 'Review date']) {
      const c = summary.rows[find(label)][1];
      expect(c?.value).toBeNull();
      expect(c?.fill).toBe('FFF2CC');
    }
    const review = find('Review triggers');
    const reviewText = summary.rows.slice(review, review + 4).map((r) => r[1]?.value).join(' ');
    expect(reviewText).toMatch(/30\/60\/90/);
    expect(reviewText).toMatch(/more than 15% under projection/);
    expect(reviewText).toMatch(/above 30 points again/);
    const p = find('Problems in the data');
    expect(summary.rows[p][1]?.value).toBe('7 found (2 error(s), 5 warning(s)); the first 5:');
    expect(summary.rows[p + 1][1]?.value).toBe('Accounts!D2: Potential "x0" is not a number');
    expect(summary.rows[p + 5][1]?.value).toBe('Accounts!D6: Potential "x4" is not a number');
    const n = find('Notes');
    const notes = summary.rows.slice(n).map((r) => r[1]?.value);
    expect(notes).toEqual(['HiGHS could not load; used the TypeScript fallback', 'Plans computed with the TypeScript optimizer.', 'Potential was estimated for 2 account(s).']);
  });
});

test('problems the hosts pass twice (the reader list as data.problems and result.problems) count once', () => {
  const data = seededData();
  data.problems = [{ severity: 'warning', sheet: 'Accounts', cell: 'D2', message: 'Potential "x" is not a number' }];
  const result = { ...seededResult(data), problems: data.problems };
  const summary = describeOutputSheets(data, result, { generatedAt: 'now' }).find((s) => s.name === 'Rebalance Summary') as SheetDescription;
  const row = summary.rows.find((r) => r[0]?.value === 'Problems in the data');
  expect(row?.[1]?.value).toBe('1 found (0 error(s), 1 warning(s)); the first 1:');
});

test('a plan that meets the band but breaks a rule is not "band met" on the sheets, as in the pane and the CLI', () => {
  const data = seededData();
  const result = seededResult(data);
  const plan = result.plans[0];
  result.plans[0] = { ...plan, feasible: false, status: 'band-not-met', check: { ...plan.check, ok: false, bandMet: true, violations: ['R1 carries workload 4, above its capacity 3.'] } };
  expect(planOutcome(result.plans[0])).toBe('breaks a rule');
  const sheets = describeOutputSheets(data, result, { generatedAt: 'now' });
  const comparison = sheets.find((s) => s.name === 'Scenario Comparison') as SheetDescription;
  const bandRow = comparison.rows.find((r) => r[0]?.value === 'Band met');
  expect(bandRow?.[1]?.value).toBe('No');
  // the sentences say why, not a tightest band for a plan nobody should apply
  const summary = sheets.find((s) => s.name === 'Rebalance Summary') as SheetDescription;
  const tradeOff = summary.rows.find((r) => r[0]?.value === plan.scenario.name && String(r[1]?.value).includes('placements'));
  expect(tradeOff?.[1]?.value).toMatch(/; band ±15% not met: the plan breaks a rule\.$/);
  const moves = sheets.find((s) => s.name === `Moves - ${plan.scenario.name}`) as SheetDescription;
  expect(moves.rows.map((r) => String(r[0]?.value ?? '')).find((v) => v.startsWith('Scenario '))).toContain('band ±15% not met: the plan breaks a rule;');
});

test('the recommendation passes over a plan that breaks a rule when another keeps every rule, and says so when none does', () => {
  const data = seededData();
  const result = seededResult(data);
  const notMet = (p: Plan, ok: boolean): Plan => ({ ...p, feasible: false, status: 'band-not-met', tightestBand: 0.2, check: { ...p.check, ok, violations: ok ? [] : ['R1 carries workload 4, above its capacity 3.'] } });
  const keeps = result.plans.findIndex((p) => p.scenario.kind !== 'Minimal');
  result.plans = result.plans.map((p, i) => notMet(p, i === keeps));
  const other = result.plans[keeps];
  const rec = recommendedPlan(result.plans);
  expect(rec?.plan.scenario.name).toBe(other.scenario.name);
  expect(rec?.reason).toBe(`No scenario meets the band; ${other.scenario.name} gets closest with the fewest moves (tightest band ±20%).`);
  const none = recommendedPlan(result.plans.map((p) => notMet(p, false)));
  expect(none?.plan.scenario.kind).toBe('Minimal');
  expect(none?.reason).toBe('No scenario meets the band, and every plan still breaks a rule (Minimal: R1 carries workload 4, above its capacity 3); change the data or settings before applying one.');
});
