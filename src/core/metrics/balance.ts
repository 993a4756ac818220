/**
 * Balance primitives behind the custom functions and the territory metrics: numbers in, numbers out.
 * Each returns null where the number is undefined (a zero total, a zero capacity), so callers
 * decide how to show it.
 */
import { coefficientOfVariation, mean, sum } from './basics';

/** Relative tolerance compare, with a hair of slack so 115 against 100 ± 15% counts as in band. */
function beyond(deviation: number, allowed: number): boolean {
  return deviation > allowed + 1e-9 * Math.max(1, Math.abs(allowed));
}

/**
 * Potential index: 100 × (potential / fte) / (Σ potentials / Σ fte). 100 = exactly the fair share
 * per FTE. Without FTEs every rep counts as 1 FTE (so Σ fte = number of potentials).
 * 120 of [120, 80, 100] → 120; 60 at 0.5 FTE of [60, 120] with FTE [0.5, 1] → 100.
 */
export function potentialIndex(potential: number, allPotentials: readonly number[], fte = 1, allFte?: readonly number[]): number | null {
  const totalFte = allFte ? sum(allFte) : allPotentials.length;
  const total = sum(allPotentials);
  if (fte <= 0 || totalFte <= 0 || total <= 0) return null;
  return (100 * (potential / fte)) / (total / totalFte);
}

export type BalanceStatus = 'Over' | 'Under' | 'In band';

/**
 * "Over" when the value is above mean × (1 + tolerance), "Under" when below mean × (1 − tolerance),
 * else "In band" (the edges are in band). Null for an empty list.
 */
export function balanceStatus(value: number, allValues: readonly number[], tolerance = 0.15): BalanceStatus | null {
  if (allValues.length === 0) return null;
  const m = mean(allValues);
  const allowed = Math.abs(m) * tolerance;
  if (beyond(value - m, allowed)) return 'Over';
  if (beyond(m - value, allowed)) return 'Under';
  return 'In band';
}

/** How many values lie outside mean ± tolerance × |mean|. */
export function outOfBandCount(values: readonly number[], tolerance = 0.15): number {
  if (values.length === 0) return 0;
  const m = mean(values);
  const allowed = Math.abs(m) * tolerance;
  return values.filter((v) => beyond(Math.abs(v - m), allowed)).length;
}

/** The largest value's share of the total: [65, 20, 15] → 0.65. Null when the total is not positive. */
export function concentration(values: readonly number[]): number | null {
  const total = sum(values);
  if (values.length === 0 || total <= 0) return null;
  return Math.max(...values) / total;
}

/**
 * Coefficient of variation (population) of workload per FTE. Without FTEs, of the workloads.
 * Null when an FTE is not positive or the lists differ in length.
 */
export function workloadCV(workloads: readonly number[], fte?: readonly number[]): number | null {
  if (!fte) return coefficientOfVariation(workloads);
  if (fte.length !== workloads.length || fte.some((f) => f <= 0)) return null;
  return coefficientOfVariation(workloads.map((w, i) => w / fte[i]));
}

/** Workload over capacity (1 = full, above 1 = over capacity). Null without a positive capacity. */
export function capacityUtilization(workload: number, capacity: number): number | null {
  return capacity > 0 ? workload / capacity : null;
}
