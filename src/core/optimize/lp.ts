/**
 * The assignment model for HiGHS: x_k ∈ [0,1] (or binary) per free candidate pair, one assignment
 * row per free account (Σ x = 1), one load row per rep (band), and one workload row per rep with a
 * workload band or capacity. Accounts outside `free` are constants at their given owner. Built as
 * arrays (CSC); written as CPLEX LP text only when the host offers nothing but `solve(text)`.
 */
import type { ArrayModel, HighsSolver } from './api';
import type { Instance } from './instance';

export interface LpOptions {
  /** Accounts whose owner is decided; null = every movable account. */
  free: Uint8Array | null;
  /** Owners of the accounts that are not free (needed when `free` is given). */
  owner: Int32Array | null;
  /** Reps allowed as new owners for free accounts; null = all candidates. */
  reps: Uint8Array | null;
  integer: boolean;
}

export interface LpModel {
  arrays: ArrayModel;
  /** Column k is account colAccount[k] at candidate position colPos[k]. */
  colAccount: Int32Array;
  colPos: Int32Array;
  /** Objective constant from the fixed accounts (add to the LP objective). */
  constant: number;
  columns: number;
}

export function buildLp(inst: Instance, opts: LpOptions): LpModel {
  const { nA, nR, cand, cost, value, work, pinned } = inst;
  const isFree = (i: number) => (opts.free ? opts.free[i] === 1 : pinned[i] < 0 && cand.start[i + 1] - cand.start[i] > 1);
  const fixedOwner = (i: number): number => (opts.owner ? opts.owner[i] : pinned[i] >= 0 ? pinned[i] : cand.reps[cand.start[i]]);
  const colAccount: number[] = [];
  const colPos: number[] = [];
  const assignRow: number[] = [];
  const fixedLoad = new Float64Array(nR);
  const fixedWork = new Float64Array(nR);
  const used = new Uint8Array(nR);
  let constant = 0;
  let rows = 0;
  for (let i = 0; i < nA; i++) {
    if (!isFree(i)) {
      const r = fixedOwner(i);
      fixedLoad[r] += value[i];
      fixedWork[r] += work[i];
      for (let p = cand.start[i]; p < cand.start[i + 1]; p++) if (cand.reps[p] === r) constant += cost[p];
      continue;
    }
    let any = false;
    for (let p = cand.start[i]; p < cand.start[i + 1]; p++) {
      const r = cand.reps[p];
      if (opts.reps && opts.reps[r] !== 1) continue;
      colAccount.push(i);
      colPos.push(p);
      assignRow.push(rows);
      used[r] = 1;
      any = true;
    }
    if (any) rows++;
  }
  const rowLower: number[] = new Array(rows).fill(1);
  const rowUpper: number[] = new Array(rows).fill(1);
  const loadRow = new Int32Array(nR).fill(-1);
  const workRow = new Int32Array(nR).fill(-1);
  for (let r = 0; r < nR; r++) {
    if (!used[r] || !inst.eligible[r]) continue;
    loadRow[r] = rowLower.length;
    rowLower.push(inst.band.lo[r] - fixedLoad[r]);
    rowUpper.push(inst.band.hi[r] - fixedLoad[r]);
    const wb = inst.workBand;
    const cap = inst.capacity[r];
    if (wb || cap < Infinity) {
      workRow[r] = rowLower.length;
      rowLower.push(wb ? wb.lo[r] - fixedWork[r] : -Infinity);
      rowUpper.push(Math.min(wb ? wb.hi[r] : Infinity, cap) - fixedWork[r]);
    }
  }
  const K = colAccount.length;
  const starts = new Int32Array(K + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const colCost = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    starts[k] = indices.length;
    const i = colAccount[k];
    const r = cand.reps[colPos[k]];
    colCost[k] = cost[colPos[k]];
    indices.push(assignRow[k]);
    values.push(1);
    if (loadRow[r] >= 0 && value[i] !== 0) indices.push(loadRow[r]), values.push(value[i]);
    if (workRow[r] >= 0 && work[i] !== 0) indices.push(workRow[r]), values.push(work[i]);
  }
  starts[K] = indices.length;
  const arrays: ArrayModel = {
    numCols: K,
    numRows: rowLower.length,
    colCost,
    colLower: new Float64Array(K),
    colUpper: new Float64Array(K).fill(1),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    starts,
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
    integer: opts.integer,
  };
  return { arrays, colAccount: Int32Array.from(colAccount), colPos: Int32Array.from(colPos), constant, columns: K };
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
  /** Reduced cost per column (zeros when HiGHS gives none). */
  reducedCost: Float64Array | null;
  /** True when HiGHS proved the model infeasible. */
  infeasible: boolean;
  optimal: boolean;
}

const QUIET = { output_flag: false, log_to_console: false };

/**
 * Solves with a time limit (a safety net) and, for MIPs, a node limit: the node limit, not the clock,
 * bounds a re-solve, so the same model gives the same answer on any machine.
 */
export function solveLp(highs: HighsSolver, model: LpModel, timeLimitSeconds: number, start?: Float64Array, mipNodes?: number): LpResult {
  const options: Record<string, number | boolean> = { ...QUIET, time_limit: Math.max(0.05, timeLimitSeconds) };
  if (model.arrays.integer && mipNodes !== undefined) {
    options.mip_max_nodes = mipNodes;
    // stop proving once within half a Low move: the proof, not the search, is what takes long
    options.mip_abs_gap = 0.5;
  }
  const K = model.columns;
  let status: string;
  let objective: number;
  let x: Float64Array = new Float64Array(K);
  let reducedCost: Float64Array = new Float64Array(K);
  let hasSolution: boolean;
  try {
    if (highs.solveArrays) {
      const sol = highs.solveArrays(model.arrays, options, start);
      status = sol.status;
      objective = sol.objective;
      hasSolution = sol.hasSolution;
      x = sol.colValue;
      if (sol.colDual) reducedCost = sol.colDual;
    } else {
      const sol = highs.solve(lpText(model.arrays), options);
      status = sol.Status;
      objective = sol.ObjectiveValue;
      hasSolution = false;
      for (let k = 0; k < K; k++) {
        const c = sol.Columns['x' + k];
        if (c && Number.isFinite(c.Primal)) {
          x[k] = c.Primal;
          reducedCost[k] = c.Dual !== undefined && Number.isFinite(c.Dual) ? c.Dual : 0;
          hasSolution = true;
        }
      }
    }
  } catch (e) {
    return { status: 'error: ' + (e instanceof Error ? e.message : String(e)), objective: null, x: null, reducedCost: null, infeasible: false, optimal: false };
  }
  const infeasible = status === 'Infeasible';
  const optimal = status === 'Optimal';
  const usable = hasSolution && !infeasible && (optimal || /limit/i.test(status) || (model.arrays.integer && status === 'Unknown'));
  return {
    status,
    objective: usable && Number.isFinite(objective) ? objective + model.constant : null,
    x: usable ? x : null,
    reducedCost: usable ? reducedCost : null,
    infeasible,
    optimal,
  };
}
