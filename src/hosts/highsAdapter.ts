/**
 * Wraps the `highs` package's module (Node or browser alike) as the optimizer's HighsSolver: the
 * one-shot `solve` on LP text, plus `solveArrays` through the persistent API (structured model,
 * MIP start), which is the fast path the optimizer prefers. Pure: loading the module is the host's.
 */
import type { ArrayModel, ArraySolution, HighsSolver } from '../core/optimize/api';

/** The parts of the `highs` package's persistent API used here (typed loosely; see node_modules/highs/types.d.ts). */
export interface HighsModule {
  solve: HighsSolver['solve'];
  infinity: number;
  createModel(data?: unknown): PersistentModel;
}
interface PersistentModel {
  options: { set(values: Record<string, string | number | boolean>): unknown };
  setSolution(s: { colValue: Float64Array }): unknown;
  run(): unknown;
  getModelStatus(): number;
  getSolution(): { colValue: Float64Array; colDual: Float64Array };
  getObjectiveValue(): number;
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

export function adaptHighs(mod: HighsModule): HighsSolver {
  return {
    solve: (problem, options) => mod.solve(problem, options),
    solveArrays(m: ArrayModel, options = {}, start?: Float64Array): ArraySolution {
      const model = mod.createModel({
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
      try {
        model.options.set(options);
        if (start && m.integer) model.setSolution({ colValue: start });
        model.run();
        const status = STATUS[model.getModelStatus()] ?? 'Unknown';
        const sol = model.getSolution();
        const primalStatus = Number(model.info.get('primal_solution_status'));
        return {
          status,
          hasSolution: primalStatus === 2,
          objective: model.getObjectiveValue(),
          colValue: sol.colValue,
          colDual: m.integer ? null : sol.colDual,
        };
      } finally {
        model.dispose();
      }
    },
  };
}
