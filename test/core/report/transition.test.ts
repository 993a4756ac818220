import { communicationOrder, describeOutputSheets, evaluateFormula, repBriefs, type SheetDescription } from '../../../src/core/report';
import { repImpacts } from '../../../src/core/report/numbers';
import { account, planFrom, rep, seededData, seededResult, territoryData } from './fixture';

const AT = '2026-11-22T12:00:00.000Z';

describe('communication order', () => {
  const data = territoryData(
    [account('a1', 'R1'), account('a2', 'R4'), account('a3', 'R3'), account('a4', 'R2'), account('a5', 'R2')],
    [rep('R1', 'One'), rep('R2', 'Two'), rep('R3', 'Three'), rep('R4', 'Four')],
  );
  // a1 R1->R2, a2 R4->R2, a3 R3->R2, a4 R2->R3: R2 loses 1 and gains 3, R1/R3/R4 lose 1, R3 also gains 1.
  const plan = planFrom(data, 'Minimal', 'Minimal', ['R2', 'R2', 'R2', 'R3', 'R2'], true);

  it('puts every rep losing accounts before any rep only gaining', () => {
    const order = communicationOrder(repImpacts(data, plan));
    expect(order.map((s) => [s.repId, s.role, s.lost, s.gained])).toEqual([
      ['R2', 'Losing accounts', 1, 3],
      ['R3', 'Losing accounts', 1, 1],
      ['R1', 'Losing accounts', 1, 0],
      ['R4', 'Losing accounts', 1, 0],
    ]);
  });

  it('briefs reps losing accounts first, with their numbers', () => {
    const only = planFrom(data, 'Minimal', 'Minimal', ['R2', 'R4', 'R3', 'R2', 'R2'], true);
    const briefs = repBriefs(data, only);
    expect(briefs.map((b) => b.repId)).toEqual(['R1', 'R2']);
    expect(briefs[0].text).toContain('One loses 1 account(s).');
    expect(briefs[0].text).toContain('accounts 1 → 0');
    expect(briefs[1].text).toContain('Two gains 1 account(s).');
    expect(briefs[1].text).toContain('accounts 2 → 3');
  });
});

describe('Transition Plan sheet', () => {
  const data = seededData();
  const sheets = describeOutputSheets(data, seededResult(data), { generatedAt: AT });
  const transition = sheets.find((s) => s.name === 'Transition Plan') as SheetDescription;

  function firstCheckpointRow(): number {
    const i = transition.rows.findIndex((r) => r[5]?.formula?.startsWith('IF(E'));
    expect(i).toBeGreaterThan(0);
    return i;
  }

  function withActual(projected: number, actual: number | null): SheetDescription[] {
    const i = firstCheckpointRow();
    const rows = transition.rows.map((r) => [...r]);
    rows[i][3] = { value: projected };
    rows[i][4] = { value: actual };
    return sheets.map((s) => (s === transition ? { ...transition, rows } : s));
  }

  it('flags an actual of 84 against a projection of 100, not 86, and stays blank without an actual', () => {
    const i = firstCheckpointRow();
    const formula = transition.rows[i][5]?.formula as string;
    expect(formula).toBe(`IF(E${i + 1}="","",IF(E${i + 1}<D${i + 1}*(1-0.15),"ALARM","On track"))`);
    expect(transition.rows[i][5]?.value).toBe('');
    expect(evaluateFormula(formula, 'Transition Plan', withActual(100, 84))).toBe('ALARM');
    expect(evaluateFormula(formula, 'Transition Plan', withActual(100, 86))).toBe('On track');
    expect(evaluateFormula(formula, 'Transition Plan', withActual(100, null))).toBe('');
    expect(transition.conditionalFormats?.some((c) => c.formula.includes('"ALARM"') && c.range.startsWith(`F${i + 1}:F`))).toBe(true);
  });

  it('lists reps losing accounts first, then reps gaining, with counts over the Moves sheet', () => {
    const start = transition.rows.findIndex((r) => r[0]?.value === 'Order') + 1;
    const steps: (string | number | boolean | null)[][] = [];
    for (let i = start; transition.rows[i]?.length; i++) steps.push(transition.rows[i].slice(1, 5).map((c) => c?.value ?? null));
    const roles = steps.map((s) => s[1]);
    expect(roles.lastIndexOf('Losing accounts')).toBeLessThan(roles.indexOf('Gaining accounts'));
    expect(steps.map((s) => s[0])).toEqual(['Alice Moreno', 'Dan Price', 'Ben "BJ" Okafor', 'Cara Lin']);
    expect(steps[0]).toEqual(['Alice Moreno', 'Losing accounts', 4, 0]);
    expect(steps[1]).toEqual(['Dan Price', 'Losing accounts', 4, 0]);
    expect(transition.rows[start][3]?.formula).toBe(`COUNTIFS('Moves - Minimal'!$C$4:$C$13,$B${start + 1})`);
  });

  it('counts moved accounts per segment window (formula over the Transition Window column)', () => {
    const i = transition.rows.findIndex((r) => r[0]?.value === 'SMB');
    const windows = transition.rows.slice(i, i + 4).map((r) => [r[0]?.value, r[1]?.value, r[2]?.value]);
    expect(windows.map((w) => w[2])).toEqual(['SMB: 2-4 weeks', 'Mid-Market: 4-6 weeks', 'Enterprise: 6-8 weeks', 'Segment unknown: 4-6 weeks']);
    const moved = (windows as [string, number, string][]).reduce((s, w) => s + w[1], 0);
    expect(moved).toBe(9);
  });
});
