/**
 * The HiGHS adapter both hosts use (Node loader and browser worker): `solveArrays` on a small LP
 * and a small MIP with known optima, through the real WebAssembly solver.
 */
import type { ArrayModel } from '../../src/core/optimize/api';
import { loadHighs } from '../../src/hosts/node/highs';

// min x + y  s.t.  x + 2y >= 4,  3x + y >= 6,  0 <= x, y <= 10.  Optimum x = 1.6, y = 1.2, objective 2.8.
function model(integer: boolean): ArrayModel {
  return {
    numCols: 2,
    numRows: 2,
    colCost: new Float64Array([1, 1]),
    colLower: new Float64Array([0, 0]),
    colUpper: new Float64Array([10, 10]),
    rowLower: new Float64Array([4, 6]),
    rowUpper: new Float64Array([Infinity, Infinity]),
    starts: new Int32Array([0, 2, 4]),
    indices: new Int32Array([0, 1, 0, 1]),
    values: new Float64Array([1, 3, 2, 1]),
    integer,
  };
}

describe('adaptHighs', () => {
  it('solves the LP through the persistent API, with duals', async () => {
    const highs = await loadHighs();
    const sol = highs.solveArrays!(model(false));
    expect(sol.status).toBe('Optimal');
    expect(sol.hasSolution).toBe(true);
    expect(sol.objective).toBeCloseTo(2.8, 9);
    expect(Array.from(sol.colValue)).toEqual([expect.closeTo(1.6, 9), expect.closeTo(1.2, 9)]);
    expect(sol.colDual).not.toBeNull();
  });

  it('solves the integer version from a MIP start: x = 2, y = 1 (objective 3)', async () => {
    const highs = await loadHighs();
    const sol = highs.solveArrays!(model(true), {}, new Float64Array([4, 0]));
    expect(sol.status).toBe('Optimal');
    expect(sol.objective).toBeCloseTo(3, 9);
    expect(Array.from(sol.colValue)).toEqual([expect.closeTo(2, 9), expect.closeTo(1, 9)]);
    expect(sol.colDual).toBeNull();
  });
});

describe('openLp: one LP kept alive, costs and row bounds changed between solves', () => {
  it('re-solves after a row bound change (3x + y >= 9: x = 2.8, y = 0.6, objective 3.4) and a cost change (x + 3y: x = 4, objective 4)', async () => {
    const highs = await loadHighs();
    const m = model(false);
    const lp = highs.openLp!(m);
    try {
      const first = lp.solve(m.colCost, m.rowLower, m.rowUpper);
      expect(first.objective).toBeCloseTo(2.8, 9);
      const tighter = lp.solve(m.colCost, new Float64Array([4, 9]), m.rowUpper);
      expect(tighter.status).toBe('Optimal');
      expect(tighter.objective).toBeCloseTo(3.4, 9);
      expect(Array.from(tighter.colValue)).toEqual([expect.closeTo(2.8, 9), expect.closeTo(0.6, 9)]);
      const costlyY = lp.solve(new Float64Array([1, 3]), m.rowLower, m.rowUpper);
      expect(costlyY.objective).toBeCloseTo(4, 9);
      expect(Array.from(costlyY.colValue)).toEqual([expect.closeTo(4, 9), expect.closeTo(0, 9)]);
    } finally {
      lp.dispose();
    }
    expect(() => lp.solve(m.colCost, m.rowLower, m.rowUpper)).toThrow(/disposed/);
  });
});
