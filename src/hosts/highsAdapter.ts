/**
 * Wraps the `highs` package's module (Node or browser alike) as the optimizer's HighsSolver: the
 * one-shot `solve` on LP text, `solveArrays` through the persistent API (structured model, MIP
 * start), and `openLp`, an LP kept alive between solves (costs and row bounds replaced, a starting
 * basis, the dual ray of an infeasible solve). Pure: loading the module is the host's.
 */
import type { ArrayModel, ArraySolution, HighsSolver, LpSession } from '../core/optimize/api';

/** The parts of the `highs` package's persistent API used here (typed loosely; see node_modules/highs/types.d.ts). */
export interface HighsModule {
  solve: HighsSolver['solve'];
  infinity: number;
  createModel(data?: unknown): PersistentModel;
}
interface PersistentModel {
  changeColsCost(selection: { kind: 'range'; from: number; to: number }, costs: Float64Array): unknown;
  changeRowsBounds(selection: { kind: 'range'; from: number; to: number }, lower: Float64Array, upper: Float64Array): unknown;
  options: { set(values: Record<string, string | number | boolean>): unknown };
  setSolution(s: { colValue: Float64Array }): unknown;
  run(): unknown;
  zeroAllClocks(): unknown;
  setBasis(basis: { colStatus: Int32Array; rowStatus: Int32Array }): unknown;
  getModelStatus(): number;
  getSolution(): { colValue: Float64Array; colDual: Float64Array };
  getObjectiveValue(): number;
  getDualRay(): { values: Float64Array } | undefined;
  info: { get(name: string): number | bigint };
  dispose(): void;
}

const STATUS: Record<number, string> = {
  0: 'Not set',
  1: 'Load error',
  2: 'Model error',
  3: 'Presolve error',
  4: 'Solve error',
  5: 'Postsolve error',
  6: 'Empty',
  7: 'Optimal',
  8: 'Infeasible',
  9: 'Primal infeasible or unbounded',
  10: 'Unbounded',
  11: 'Bound on objective reached',
  12: 'Target for objective reached',
  13: 'Time limit reached',
  14: 'Iteration limit reached',
  15: 'Unknown',
  16: 'Solution limit reached',
  17: 'Interrupted',
};

function finite(a: Float64Array, inf: number): Float64Array {
  return a.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
}

function createModel(mod: HighsModule, m: ArrayModel): PersistentModel {
  return mod.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: finite(m.rowLower, mod.infinity),
    rowUpper: finite(m.rowUpper, mod.infinity),
    matrix: { format: 'csc', numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
    integrality: m.integer ? new Int32Array(m.numCols).fill(1) : undefined,
  });
}

function result(model: PersistentModel, integer: boolean): ArraySolution {
  const status = STATUS[model.getModelStatus()] ?? 'Unknown';
  const sol = model.getSolution();
  const primalStatus = Number(model.info.get('primal_solution_status'));
  return {
    status,
    hasSolution: primalStatus === 2,
    objective: model.getObjectiveValue(),
    colValue: sol.colValue,
    colDual: integer ? null : sol.colDual,
    iterations: Number(model.info.get('simplex_iteration_count')),
  };
}

function openLp(mod: HighsModule, m: ArrayModel): LpSession {
  const model = createModel(mod, { ...m, integer: false });
  let disposed = false;
  return {
    solve(colCost, rowLower, rowUpper, options = {}, basis) {
      if (disposed) throw new Error('This LP session has been disposed.');
      if (m.numCols > 0) model.changeColsCost({ kind: 'range', from: 0, to: m.numCols - 1 }, colCost);
      if (m.numRows > 0) model.changeRowsBounds({ kind: 'range', from: 0, to: m.numRows - 1 }, finite(rowLower, mod.infinity), finite(rowUpper, mod.infinity));
      model.options.set(options);
      if (basis) model.setBasis(basis);
      model.zeroAllClocks(); // time_limit counts from here, not from the session's first solve
      model.run();
      return result(model, false);
    },
    dualRay() {
      if (disposed) return null;
      try {
        const ray = model.getDualRay();
        return ray && ray.values.length === m.numRows ? Float64Array.from(ray.values) : null;
      } catch {
        return null;
      }
    },
    dispose() {
      if (!disposed) model.dispose();
      disposed = true;
    },
  };
}

export function adaptHighs(mod: HighsModule): HighsSolver {
  return {
    openLp: (m) => openLp(mod, m),
    solve: (problem, options) => mod.solve(problem, options),
    solveArrays(m: ArrayModel, options = {}, start?: Float64Array): ArraySolution {
      const model = createModel(mod, m);
      try {
        model.options.set(options);
        if (start && m.integer) model.setSolution({ colValue: start });
        model.run();
        return result(model, m.integer);
      } finally {
        model.dispose();
      }
    },
  };
}
