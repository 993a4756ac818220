import { recalibrateQuotas } from '../../../src/core/report';
import { account, rep, territoryData } from './fixture';

describe('recalibrateQuotas', () => {
  // R1 active (quota 100), R2 new on a 3-month ramp (no quota), R3 departing (quota 200), R4 active (quota 100).
  const data = territoryData(
    [
      account('a1', 'R1', { potential: 400 }),
      account('a2', 'R3', { potential: 200 }),
      account('a3', 'R3', { potential: 400 }),
      account('a4', 'R4', { potential: 200 }),
    ],
    [
      rep('R1', 'One', { quota: 100 }),
      rep('R2', 'Two', { status: 'New', quota: null, tenureMonths: 3 }),
      rep('R3', 'Three', { status: 'Departing', quota: 200 }),
      rep('R4', 'Four', { quota: 100 }),
    ],
  );

  it('keeps the team total and follows the new potential, the ramp counted once through the territory (worked example)', () => {
    // After: R1 600 (a1 + a2), R2 400 (a3; on ramp, so fair share already halved its territory), R4 200. Weights 1200.
    // Team quota today 100 + 200 + 100 = 400 -> R1 200, R2 133.33, R3 0, R4 66.67.
    const q = recalibrateQuotas(data, ['R1', 'R1', 'R2', 'R4']);
    expect(q.map((x) => x.repId)).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(q.map((x) => x.before)).toEqual([100, null, 200, 100]);
    expect(q[0].after).toBeCloseTo(200, 9);
    expect(q[1].after).toBeCloseTo(400 / 3, 9);
    expect(q[2].after).toBe(0);
    expect(q[3].after).toBeCloseTo(200 / 3, 9);
    expect(q.reduce((s, x) => s + x.after, 0)).toBeCloseTo(400, 9);
  });

  it('moves quota with the accounts', () => {
    const before = recalibrateQuotas(data, ['R1', 'R1', 'R2', 'R4']);
    // a4 (200) moves from R4 to R1: weights R1 800, R2 400, R4 0 -> R1 266.67, R2 133.33, R4 0.
    const after = recalibrateQuotas(data, ['R1', 'R1', 'R2', 'R1']);
    expect(after[0].after).toBeCloseTo(800 / 3, 9);
    expect(after[0].after).toBeGreaterThan(before[0].after);
    expect(after[3].after).toBe(0);
    expect(after.reduce((s, x) => s + x.after, 0)).toBeCloseTo(400, 9);
  });
});
