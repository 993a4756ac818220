/**
 * Ridge-regularised least squares by the normal equations, small and explainable:
 * (XᵀX + λ·P) β = Xᵀy, where P penalises every coefficient but the intercept (column 0).
 * X is never materialised: rows are produced by a callback, so 50,000 rows × a dozen features
 * cost one pass and a p×p solve.
 */

export interface LinearFit {
  coefficients: number[];
}

/**
 * Fit y ≈ x·β over `rows`. `featuresOf(row)` returns the row's feature vector (intercept first,
 * always 1). `lambdaPerRow` scales the ridge penalty with the number of rows.
 */
export function fitRidge<T>(rows: readonly T[], featuresOf: (row: T) => number[], targetOf: (row: T) => number, p: number, lambdaPerRow = 1e-4): LinearFit {
  const a: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const b = new Array<number>(p).fill(0);
  for (const row of rows) {
    const x = featuresOf(row);
    const y = targetOf(row);
    for (let i = 0; i < p; i++) {
      const xi = x[i];
      if (xi === 0) continue;
      b[i] += xi * y;
      const ai = a[i];
      for (let j = i; j < p; j++) ai[j] += xi * x[j];
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) a[i][j] = a[j][i];
  const lambda = lambdaPerRow * Math.max(1, rows.length);
  for (let i = 1; i < p; i++) a[i][i] += lambda;
  // A tiny ridge on the intercept too, so an empty or degenerate fit still solves.
  a[0][0] += 1e-9;
  return { coefficients: solve(a, b) };
}

export function predict(fit: LinearFit, x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < fit.coefficients.length; i++) s += fit.coefficients[i] * x[i];
  return s;
}

/** Gaussian elimination with partial pivoting; a (near-)zero pivot gives a zero coefficient. Mutates its inputs. */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    [b[col], b[pivot]] = [b[pivot], b[col]];
    const d = a[col][col];
    if (Math.abs(d) < 1e-12) continue;
    for (let r = col + 1; r < n; r++) {
      const factor = a[r][col] / d;
      if (factor === 0) continue;
      for (let c = col; c < n; c++) a[r][c] -= factor * a[col][c];
      b[r] -= factor * b[col];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r];
    for (let c = r + 1; c < n; c++) s -= a[r][c] * x[c];
    x[r] = Math.abs(a[r][r]) < 1e-12 ? 0 : s / a[r][r];
  }
  return x;
}

/** 1 − SS_res / SS_tot around the mean of `actual`; NaN for fewer than two values or no variance. */
export function rSquared(actual: readonly number[], predicted: readonly number[]): number {
  const n = actual.length;
  if (n < 2) return Number.NaN;
  let m = 0;
  for (const v of actual) m += v;
  m /= n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    ssRes += (actual[i] - predicted[i]) ** 2;
    ssTot += (actual[i] - m) ** 2;
  }
  return ssTot === 0 ? Number.NaN : 1 - ssRes / ssTot;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
