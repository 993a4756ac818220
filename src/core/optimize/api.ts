/**
 * The optimizer's public contract (SPEC §4). Hosts inject the LP engine; the core never loads it.
 */
import type { Plan, ScenarioSpec } from '../model';

/**
 * The subset of the `highs` npm package's solver instance that the optimizer uses:
 * `solve(problemInCplexLpFormat, options)` returning the HiGHS solution object.
 * Typed loosely here so the core does not depend on the package's types.
 */
export interface HighsSolver {
  solve(problem: string, options?: Record<string, string | number | boolean>): HighsSolution;
  /**
   * Optional (added by the optimizer): solve a model given as arrays, with an optional MIP start
   * (one value per column). Hosts built on the `highs` package's persistent API provide it
   * (src/hosts/highsAdapter.ts); without it the optimizer writes LP text for `solve` and its MIP
   * re-solves start cold.
   */
  solveArrays?(model: ArrayModel, options?: Record<string, string | number | boolean>, start?: Float64Array): ArraySolution;
  /**
   * Optional: keeps an LP model alive between solves. Each later solve changes only the costs and the
   * row bounds and starts from the previous basis, so the scenarios after the first re-use its work
   * (a band change costs a few hundred dual simplex iterations instead of tens of thousands).
   */
  openLp?(model: ArrayModel): LpSession;
}

/** A persistent LP (see HighsSolver.openLp). Call dispose() when done: the model lives in WebAssembly memory. */
export interface LpSession {
  /**
   * Replaces every column cost and every row bound, then solves from the last basis, or from `basis`
   * when given (status per column and per row: 0 nonbasic at lower bound, 1 basic, 2 nonbasic at upper).
   */
  solve(
    colCost: Float64Array,
    rowLower: Float64Array,
    rowUpper: Float64Array,
    options?: Record<string, string | number | boolean>,
    basis?: { colStatus: Int32Array; rowStatus: Int32Array },
  ): ArraySolution;
  /**
   * After a solve that proved the LP infeasible: a Farkas certificate, one multiplier per row, such
   * that no x within the column bounds gives row activities within the row bounds (HiGHS's dual ray).
   * Null when the host has none. Optional: without it, unreachable bands are found by bisection.
   */
  dualRay?(): Float64Array | null;
  dispose(): void;
}

/** A linear model by columns: min c'x, rowLower <= Ax <= rowUpper, colLower <= x <= colUpper (CSC matrix). */
export interface ArrayModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSC: column j's entries are indices/values[starts[j] .. starts[j+1]-1] (row indices). */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** All columns integer (binary by their bounds) when true. */
  integer: boolean;
}

export interface ArraySolution {
  /** HiGHS model status in words, as in HighsSolution.Status ('Optimal', 'Infeasible', 'Time limit reached', ...). */
  status: string;
  /** True when colValue holds a primal solution (for a MIP: an integer-feasible incumbent). */
  hasSolution: boolean;
  objective: number;
  colValue: Float64Array;
  /** Reduced costs (LP only), or null. */
  colDual: Float64Array | null;
  /** Simplex iterations of this solve, when the host reports them. */
  iterations?: number;
}

export interface HighsSolution {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Index: number; Name: string; Primal: number; Dual?: number; Lower?: number; Upper?: number; Type?: string }>;
  Rows: { Index: number; Name: string; Primal: number; Dual?: number }[];
}

export interface OptimizeProgress {
  scenario: string;
  /** e.g. 'relaxation', 'repair', 'local search', 'check'. */
  phase: string;
  /** 0..1 over the whole run. */
  fraction: number;
  message: string;
}

export interface OptimizeOptions {
  /** Scenarios to compute; default `defaultScenarios(data.settings)`. */
  scenarios?: ScenarioSpec[];
  /** The LP engine; null/undefined = the pure-TypeScript path (and the result says so). */
  highs?: HighsSolver | null;
  /** Wall-clock limit for the whole run, ms (default settings.timeLimitSeconds). */
  timeLimitMs?: number;
  onProgress?: (p: OptimizeProgress) => void;
  /** Polled between steps; when it returns true the run stops and returns the best plans so far (status 'cancelled'). */
  shouldStop?: () => boolean;
  /** Awaited between steps so a worker can receive a Cancel message; default resolves immediately. */
  pause?: () => Promise<void>;
  /** Clock for time limits; default Date.now. */
  now?: () => number;
}

export interface OptimizeResult {
  plans: Plan[];
  notes: string[];
}
