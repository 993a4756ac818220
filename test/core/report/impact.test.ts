import { describeOutputSheets, evaluateSheets, recommendedPlan, type SheetDescription } from '../../../src/core/report';
import { planMetrics } from '../../../src/core/optimize/planMetrics';
import { account, planFrom, rep, territoryData } from './fixture';

// Two full-time reps; team potential 600, fair share 300 each. One is at 400, the other at 200.
function twoReps() {
  const data = territoryData(
    [
      account('a1', 'R1', { potential: 300, revenueTTM: 36500 }),
      account('a2', 'R1', { potential: 100, revenueTTM: 7300, maxStage: 2, segment: 'SMB' }),
      account('a3', 'R2', { potential: 100 }),
      account('a4', 'R2', { potential: 100 }),
    ],
    [rep('R1', 'Ann', { quota: 100_000, attainment: [1.2, 1.1, 1.3, 1.2] }), rep('R2', 'Bo', { quota: 100_000, attainment: [0.8] })],
  );
  const minimal = planFrom(data, 'Minimal', 'Minimal', ['R1', 'R2', 'R2', 'R2'], true);
  const redesign = planFrom(data, 'Redesign', 'Redesign', ['R2', 'R1', 'R1', 'R1'], true);
  return { data, minimal, redesign };
}

function row(sheet: SheetDescription, label: string) {
  const r = sheet.rows.find((x) => x[0]?.value === label);
  if (!r) throw new Error(`no row ${label}`);
  return r;
}

describe('Rep Impact', () => {
  const { data, minimal, redesign } = twoReps();
  const sheets = describeOutputSheets(data, { audit: { territories: [], team: { attainmentSpreadPts: 40, workloadCV: 0, potentialMaxDeviation: 1 / 3, potentialCV: 0, potentialGini: 0 }, triggers: [], verdict: 'Rebalance', verdictReason: 'spread', candidates: [] }, plans: [redesign, minimal], problems: [], notes: [] }, { generatedAt: 'now' });
  const impact = sheets.find((s) => s.name === 'Rep Impact') as SheetDescription;

  it('shows the recommended (feasible Minimal) scenario and says so', () => {
    expect(recommendedPlan([redesign, minimal])?.plan).toBe(minimal);
    expect(impact.rows[2][0]?.value).toMatch(/^Scenario shown: Minimal \(recommended\)/);
  });

  it('gives before/after potential, fair share, accounts, quota and projected attainment (worked numbers)', () => {
    const ann = row(impact, 'Ann').map((c) => c?.value ?? null);
    const bo = row(impact, 'Bo').map((c) => c?.value ?? null);
    // potential 400 -> 300, fair share 300, 133% -> 100%, accounts 2 + 0 - 1 = 1, quota 100k -> 100k (200k × 300/600),
    // bookings: Ann 1.2 × 100k = 120k spread by revenue: a1 36,500/43,800 -> 100k, a2 7,300/43,800 -> 20k.
    // Ann keeps a1: 100k bookings / 100k quota = 100%.
    expect(ann.slice(2, 11)).toEqual([400, 300, 300, 400 / 300, 1, 2, 0, 1, 1]);
    expect(ann[13]).toBe(100_000);
    expect(ann[14]).toBeCloseTo(100_000, 6);
    expect(ann[15]).toBeCloseTo(1.2, 12);
    expect(ann[16]).toBeCloseTo(100_000, 6);
    expect(ann[17]).toBeCloseTo(1, 12);
    // Bo: 200 -> 300; bookings 0.8 × 100k = 80k + a2's 20k = 100k / 100k quota = 100%.
    expect(bo.slice(2, 11)).toEqual([200, 300, 300, 200 / 300, 1, 2, 1, 0, 3]);
    expect(bo[16]).toBeCloseTo(100_000, 6);
    expect(bo[17]).toBeCloseTo(1, 12);
    expect(row(impact, 'Team total')[16]?.value).toBeCloseTo(200_000, 6);
    const total = row(impact, 'Team total');
    expect(total[2]?.formula).toBe('SUM(C5:C6)');
    expect(total[14]?.value).toBeCloseTo(200_000, 6);
    expect(row(impact, 'Ann')[5]?.formula).toBe('IF($E5=0,"",C5/$E5)');
    expect(row(impact, 'Ann')[17]?.formula).toBe('IF(O5=0,"",Q5/O5)');
    expect(evaluateSheets(sheets).filter((c) => !c.ok)).toEqual([]);
  });

  it('computes the spread numbers for the comparison (the plan metrics the optimizer reports)', () => {
    const s = planMetrics(data, minimal.scenario, minimal.owners);
    expect(s.potentialSpreadBefore).toBeCloseTo(1 / 3, 12);
    expect(s.potentialSpreadAfter).toBe(0);
    expect(s.attainmentSpreadBeforePts).toBeCloseTo(40, 9);
    expect(s.attainmentSpreadAfterPts).toBeCloseTo(0, 9);
    expect(s.pipelineMoved).toBe(0);
    expect(s.travelAfterMiles).toBeNull();
  });

  it('projects checkpoints pro rata of the new territory run-rate', () => {
    const transition = sheets.find((s) => s.name === 'Transition Plan') as SheetDescription;
    const checkpoints = transition.rows.filter((r) => r[5]?.formula?.startsWith('IF(E')).map((r) => [r[0]?.value, r[1]?.value, r[3]?.value]);
    // Ann keeps a1 (36,500/yr) -> 3,000 at day 30; Bo gains a2 (7,300/yr) -> 600 at day 30.
    expect(checkpoints).toEqual([
      ['Ann', 30, 3000],
      ['Ann', 60, 6000],
      ['Ann', 90, 9000],
      ['Bo', 30, 600],
      ['Bo', 60, 1200],
      ['Bo', 90, 1800],
    ]);
  });
});

describe('recommendedPlan', () => {
  const { data, minimal, redesign } = twoReps();
  it('takes the feasible plan with the fewest moves when Minimal misses the band, else Minimal', () => {
    const missing = { ...minimal, feasible: false };
    const balanced = planFrom(data, 'Balanced', 'Balanced', ['R1', 'R2', 'R2', 'R2'], true);
    expect(recommendedPlan([missing, redesign, balanced])?.plan).toBe(balanced);
    expect(recommendedPlan([missing, { ...redesign, feasible: false }])?.plan).toBe(missing);
    expect(recommendedPlan([])).toBeNull();
  });
});

describe('Rep Impact, accounts placed by the plan', () => {
  it('counts accounts with no owner and with an owner not on the Reps sheet, both placed', () => {
    const data = territoryData(
      [account('a1', 'R1', { potential: 100 }), account('a2', null, { potential: 40 }), account('a3', 'Nobody', { potential: 60 })],
      [rep('R1', 'Ann'), rep('R2', 'Bo')],
    );
    const plan = planFrom(data, 'Minimal', 'Minimal', ['R1', 'R2', 'R2'], true);
    const sheets = describeOutputSheets(data, { audit: { territories: [], team: { attainmentSpreadPts: null, workloadCV: 0, potentialMaxDeviation: 0, potentialCV: 0, potentialGini: 0 }, triggers: [], verdict: 'Hold', verdictReason: '', candidates: [] }, plans: [plan], problems: [], notes: [] }, { generatedAt: 'now' });
    const impact = sheets.find((s) => s.name === 'Rep Impact') as SheetDescription;
    const notes = impact.rows.map((r) => String(r[0]?.value ?? '')).filter((t) => t.startsWith('Before the plan'));
    // (the note wraps onto a second row)
    expect(notes).toEqual(['Before the plan 2 account(s) with potential of $100 had no owner on the Reps sheet; they are placed']);
  });
});
