/**
 * The assignment model for HiGHS: x_k ∈ [0,1] (or binary) per free candidate pair, one assignment
 * row per free account (Σ x = 1), one load row per rep (band), and one workload row per rep with a
 * workload band or capacity. Accounts outside `free` are constants at their given owner. Built as
 * arrays (CSC); written as CPLEX LP text only when the host offers nothing but `solve(text)`.
 */
import type { ArrayModel, ArraySolution, HighsSolution, HighsSolver } from './api';
import { candidatePos, fixedRep, isMovable, withBand, ZERO_SHARE_SLACK, type Instance } from './instance';

export interface LpOptions {
  /** Accounts whose owner is decided; null = every movable account. */
  free: Uint8Array | null;
  /** Owners of the accounts that are not free (needed when `free` is given). */
  owner: Int32Array | null;
  integer: boolean;
}

export interface LpModel {
  arrays: ArrayModel;
  /** Column k is account colAccount[k] at candidate position colPos[k]. */
  colAccount: Int32Array;
  colPos: Int32Array;
  /** Objective constant from the fixed accounts (add to the LP objective). */
  constant: number;
  /** Number of assignment rows (rows 0 .. assignRows-1, each Σ x = 1). */
  assignRows: number;
  /** Row of each rep's load band and workload band/capacity, -1 when the model has none. */
  loadRow: Int32Array;
  workRow: Int32Array;
  /** Balanced metric and workload of the accounts that are not free, per rep (row bounds are relative to them). */
  fixedLoad: Float64Array;
  fixedWork: Float64Array;
  /** The not-free accounts' owners, to recompute `constant` for another scenario. */
  fixedOwner: Int32Array;
}

export function buildLp(inst: Instance, opts: LpOptions & { allWorkRows?: boolean }): LpModel {
  const { nA, nR, cand, value, work } = inst;
  const isFree = (i: number) => (opts.free ? opts.free[i] === 1 : isMovable(inst, i));
  const ownerOf = (i: number): number => (opts.owner ? opts.owner[i] : fixedRep(inst, i));
  const colAccount: number[] = [];
  const colPos: number[] = [];
  const assignRow: number[] = [];
  const fixedLoad = new Float64Array(nR);
  const fixedWork = new Float64Array(nR);
  const fixedOwner = new Int32Array(nA).fill(-1);
  const used = new Uint8Array(nR);
  let rows = 0;
  for (let i = 0; i < nA; i++) {
    if (!isFree(i)) {
      const r = ownerOf(i);
      fixedOwner[i] = r;
      fixedLoad[r] += value[i];
      fixedWork[r] += work[i];
      continue;
    }
    let any = false;
    for (let p = cand.start[i]; p < cand.start[i + 1]; p++) {
      const r = cand.reps[p];
      colAccount.push(i);
      colPos.push(p);
      assignRow.push(rows);
      used[r] = 1;
      any = true;
    }
    if (any) rows++;
  }
  const assignRows = rows;
  const loadRow = new Int32Array(nR).fill(-1);
  const workRow = new Int32Array(nR).fill(-1);
  for (let r = 0; r < nR; r++) {
    if (!used[r] || !inst.eligible[r]) continue;
    loadRow[r] = rows++;
    if (opts.allWorkRows || inst.workBand || inst.capacity[r] < Infinity) workRow[r] = rows++;
  }
  const K = colAccount.length;
  const starts = new Int32Array(K + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let k = 0; k < K; k++) {
    starts[k] = indices.length;
    const i = colAccount[k];
    const r = cand.reps[colPos[k]];
    indices.push(assignRow[k]);
    values.push(1);
    if (loadRow[r] >= 0 && value[i] !== 0) indices.push(loadRow[r]), values.push(value[i]);
    if (workRow[r] >= 0 && work[i] !== 0) indices.push(workRow[r]), values.push(work[i]);
  }
  starts[K] = indices.length;
  const model: LpModel = {
    arrays: {
      numCols: K,
      numRows: rows,
      colCost: new Float64Array(K),
      colLower: new Float64Array(K),
      colUpper: new Float64Array(K).fill(1),
      rowLower: new Float64Array(rows),
      rowUpper: new Float64Array(rows),
      starts,
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
      integer: opts.integer,
    },
    colAccount: Int32Array.from(colAccount),
    colPos: Int32Array.from(colPos),
    constant: 0,
    assignRows,
    loadRow,
    workRow,
    fixedLoad,
    fixedWork,
    fixedOwner,
  };
  const target = scenarioTerms(model, inst);
  model.arrays.colCost = target.colCost;
  model.arrays.rowLower = target.rowLower;
  model.arrays.rowUpper = target.rowUpper;
  model.constant = target.constant;
  return model;
}

/**
 * The costs, row bounds and objective constant of `inst` on a model built for another scenario with
 * the same columns and rows (same candidates, locks and balanced metric): what a persistent LP
 * changes between scenarios.
 */
export function scenarioTerms(model: LpModel, inst: Instance): { colCost: Float64Array; rowLower: Float64Array; rowUpper: Float64Array; constant: number } {
  const { cost } = inst;
  const colCost = new Float64Array(model.arrays.numCols);
  for (let k = 0; k < model.arrays.numCols; k++) colCost[k] = cost[model.colPos[k]];
  let constant = 0;
  for (let i = 0; i < inst.nA; i++) {
    const p = model.fixedOwner[i] >= 0 ? candidatePos(inst, i, model.fixedOwner[i]) : -1;
    if (p >= 0) constant += cost[p];
  }
  return { colCost, ...rowBounds(model, inst), constant };
}

/** The row bounds of `inst` on `model`: assignment rows = 1, each rep's band and workload band or capacity, less the fixed accounts. */
function rowBounds(model: LpModel, inst: Instance): { rowLower: Float64Array; rowUpper: Float64Array } {
  const rowLower = new Float64Array(model.arrays.numRows);
  const rowUpper = new Float64Array(model.arrays.numRows);
  rowLower.fill(1, 0, model.assignRows);
  rowUpper.fill(1, 0, model.assignRows);
  const wb = inst.workBand;
  for (let r = 0; r < inst.nR; r++) {
    // a rep with no fair share may hold rounding residue and has no floor, as the checker judges it
    const lr = model.loadRow[r];
    if (lr >= 0) {
      const none = inst.band.target[r] <= 0;
      rowLower[lr] = none ? -Infinity : inst.band.lo[r] - model.fixedLoad[r];
      rowUpper[lr] = (none ? ZERO_SHARE_SLACK : inst.band.hi[r]) - model.fixedLoad[r];
    }
    const wr = model.workRow[r];
    if (wr >= 0) {
      const none = wb !== null && wb.target[r] <= 0;
      rowLower[wr] = wb && !none ? wb.lo[r] - model.fixedWork[r] : -Infinity;
      rowUpper[wr] = Math.min(wb ? (none ? ZERO_SHARE_SLACK : wb.hi[r]) : Infinity, inst.capacity[r]) - model.fixedWork[r];
    }
  }
  return { rowLower, rowUpper };
}

/**
 * The widest balance band that a Farkas certificate still proves unreachable. `ray` has one
 * multiplier y per row of `model`, from a solve of `inst` at `band` that HiGHS found infeasible. Every
 * x within its column bounds gives y'Ax in [minAx, maxAx] and every row activity s within its row
 * bounds gives y's in [minS, maxS]; while these two intervals are disjoint, no x meets the rows. Only
 * the load rows move with the band (lo = (1 − b)·target, hi = (1 + b)·target, less the fixed load),
 * so [minS, maxS] widens linearly in b by Σ |y| · target per unit of band, and the certificate holds
 * up to the band where the intervals meet. Returns Infinity when widening the band never closes the
 * gap (the certificate rests on capacity, locks or regions), and null when `ray` proves nothing at
 * `band` (a host's sign convention or numerical noise): the caller then bisects instead.
 */
export function certifiedUnreachableUpTo(model: LpModel, inst: Instance, ray: Float64Array, band: number): number | null {
  const m = model.arrays;
  if (ray.length !== m.numRows) return null;
  let minAx = 0;
  let maxAx = 0;
  let scale = 0;
  for (let k = 0; k < m.numCols; k++) {
    let d = 0;
    for (let e = m.starts[k]; e < m.starts[k + 1]; e++) d += ray[m.indices[e]] * m.values[e];
    minAx += d * (d > 0 ? m.colLower[k] : m.colUpper[k]);
    maxAx += d * (d > 0 ? m.colUpper[k] : m.colLower[k]);
    scale += Math.abs(d);
  }
  // row bounds at band 0; a bound at ±Infinity makes its side of the proof -Infinity (never NaN:
  // minS only collects finite terms and -Infinity, maxS finite terms and +Infinity)
  const { rowLower, rowUpper } = rowBounds(model, withBand(inst, 0));
  let minS = 0;
  let maxS = 0;
  for (let r = 0; r < m.numRows; r++) {
    const y = ray[r];
    if (y === 0) continue;
    minS += y > 0 ? y * rowLower[r] : y * rowUpper[r];
    maxS += y > 0 ? y * rowUpper[r] : y * rowLower[r];
    const finite = Math.max(Number.isFinite(rowLower[r]) ? Math.abs(rowLower[r]) : 0, Number.isFinite(rowUpper[r]) ? Math.abs(rowUpper[r]) : 0);
    scale += Math.abs(y) * finite;
  }
  let slope = 0;
  for (let r = 0; r < inst.nR; r++) if (model.loadRow[r] >= 0) slope += Math.abs(ray[model.loadRow[r]]) * inst.band.target[r];
  // gap(b) = max(minS(b) − maxAx, minAx − maxS(b)), where minS(b) = minS − b·slope, maxS(b) = maxS + b·slope
  const gap0 = Math.max(minS - maxAx, minAx - maxS);
  const tolerance = 1e-9 * Math.max(1, scale);
  if (!(gap0 - band * slope > tolerance)) return null;
  return slope > 0 ? (gap0 - tolerance) / slope : Infinity;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
}

/** CPLEX LP text of an array model: columns x0.., each row j as `rj: Σ a x - sj = 0` with sj bounded. */
export function lpText(m: ArrayModel): string {
  const rowTerms: string[][] = Array.from({ length: m.numRows }, () => []);
  for (let k = 0; k < m.numCols; k++)
    for (let e = m.starts[k]; e < m.starts[k + 1]; e++) {
      const v = m.values[e];
      rowTerms[m.indices[e]].push(`${v < 0 ? '-' : '+'} ${fmt(Math.abs(v))} x${k}`);
    }
  const out: string[] = ['Minimize\n obj:'];
  let n = 0;
  for (let k = 0; k < m.numCols; k++) {
    const c = m.colCost[k];
    out.push(` ${c < 0 ? '-' : '+'} ${fmt(Math.abs(c))} x${k}`);
    if (++n % 12 === 0) out.push('\n');
  }
  if (m.numCols === 0) out.push(' 0 z');
  out.push('\nSubject To\n');
  const bounds: string[] = [];
  for (let j = 0; j < m.numRows; j++) {
    const terms = rowTerms[j];
    out.push(` r${j}:`);
    for (let t = 0; t < terms.length; t++) out.push(t % 12 === 11 ? ` ${terms[t]}\n` : ` ${terms[t]}`);
    out.push(` - s${j} = 0\n`);
    const lo = m.rowLower[j];
    const hi = m.rowUpper[j];
    bounds.push(lo === -Infinity ? (hi === Infinity ? ` s${j} free\n` : ` -inf <= s${j} <= ${fmt(hi)}\n`) : hi === Infinity ? ` s${j} >= ${fmt(lo)}\n` : ` ${fmt(lo)} <= s${j} <= ${fmt(hi)}\n`);
  }
  if (m.numCols === 0) out.push(' e: z = 0\n');
  out.push('Bounds\n');
  for (let k = 0; k < m.numCols; k++) out.push(` x${k} <= ${fmt(m.colUpper[k])}\n`);
  for (const b of bounds) out.push(b);
  if (m.integer && m.numCols > 0) {
    out.push('General\n');
    for (let k = 0; k < m.numCols; k++) out.push(k % 20 === 19 ? ` x${k}\n` : ` x${k}`);
    out.push('\n');
  }
  out.push('End\n');
  return out.join('');
}

export interface LpResult {
  status: string;
  /** Objective including the fixed accounts' constant, when the solve produced a solution. */
  objective: number | null;
  /** Primal value per column. */
  x: Float64Array | null;
  /** True when HiGHS proved the model infeasible. */
  infeasible: boolean;
  optimal: boolean;
  /** Simplex iterations, when the host reports them. */
  iterations?: number;
}

export const QUIET = { output_flag: false, log_to_console: false };

/**
 * Solves with a time limit (a safety net) and, for MIPs, a node limit: the node limit, not the clock,
 * bounds a re-solve, so the same model gives the same answer on any machine.
 */
export function solveLp(
  highs: HighsSolver,
  model: LpModel,
  timeLimitSeconds: number,
  start?: Float64Array,
  mipNodes?: number,
  extra: Record<string, string | number | boolean> = {},
): LpResult {
  const options: Record<string, string | number | boolean> = { ...QUIET, ...extra, time_limit: Math.max(0.05, timeLimitSeconds) };
  if (model.arrays.integer && mipNodes !== undefined) {
    options.mip_max_nodes = mipNodes;
    // stop proving once within half a Low move: the proof, not the search, is what takes long
    options.mip_abs_gap = 0.5;
  }
  let sol: ArraySolution;
  try {
    sol = highs.solveArrays ? highs.solveArrays(model.arrays, options, start) : fromText(highs.solve(lpText(model.arrays), options), model.arrays.numCols);
  } catch (e) {
    return failed(e);
  }
  return toLpResult(model, sol);
}

/** A solution to the `solve(text)` path as an ArraySolution (columns are named x0, x1, ...). */
function fromText(sol: HighsSolution, K: number): ArraySolution {
  const x = new Float64Array(K);
  const reducedCost = new Float64Array(K);
  let hasSolution = false;
  for (let k = 0; k < K; k++) {
    const c = sol.Columns['x' + k];
    if (c && Number.isFinite(c.Primal)) {
      x[k] = c.Primal;
      reducedCost[k] = c.Dual !== undefined && Number.isFinite(c.Dual) ? c.Dual : 0;
      hasSolution = true;
    }
  }
  return { status: sol.Status, objective: sol.ObjectiveValue, hasSolution, colValue: x, colDual: reducedCost };
}

function failed(e: unknown): LpResult {
  return { status: 'error: ' + (e instanceof Error ? e.message : String(e)), objective: null, x: null, infeasible: false, optimal: false };
}

/** What the optimizer may use of a solver's answer: a solution only when the status vouches for it. */
export function toLpResult(model: LpModel, sol: ArraySolution): LpResult {
  const { status, objective, hasSolution } = sol;
  const infeasible = status === 'Infeasible';
  const optimal = status === 'Optimal';
  const usable = hasSolution && !infeasible && (optimal || /limit/i.test(status) || (model.arrays.integer && status === 'Unknown'));
  return {
    status,
    objective: usable && Number.isFinite(objective) ? objective + model.constant : null,
    x: usable ? sol.colValue : null,
    infeasible,
    optimal,
    iterations: sol.iterations,
  };
}
