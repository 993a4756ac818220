/**
 * Attainment numbers shared by the territory metrics, the triggers and ATTAINMENT_SPREAD.
 * Attainment is a fraction (1.3 = 130%); spreads are in points (70 = 70 pts).
 */
import type { Rep, Settings } from '../model';
import { mean } from './basics';

/** Seed 001: "Trailing 4-quarter attainment by rep. Four quarters smooths out noise." */
export const TRAILING_QUARTERS = 4;

/** Mean of the last `quarters` finite values (oldest first), or null when there are none. */
export function trailingAttainment(attainment: readonly number[], quarters = TRAILING_QUARTERS): number | null {
  const known = attainment.filter((v) => Number.isFinite(v));
  if (known.length === 0) return null;
  return mean(known.slice(-quarters));
}

/**
 * Spread in points between the highest and the lowest rep: each row is one rep, its columns are
 * averaged (one column = one value, four quarter columns = the trailing-4Q mean). Non-finite
 * values are ignored; rows with no value are skipped. Null when no row has a value.
 * [[1.3], [0.6]] → 70.
 */
export function attainmentSpreadPts(rows: readonly (readonly number[])[]): number | null {
  const perRep: number[] = [];
  for (const row of rows) {
    const known = row.filter((v) => Number.isFinite(v));
    if (known.length > 0) perRep.push(mean(known));
  }
  if (perRep.length === 0) return null;
  return (Math.max(...perRep) - Math.min(...perRep)) * 100;
}

/** One rep's trailing-4Q attainment, with the rep for evidence. */
export interface RepAttainment {
  rep: Rep;
  attainment: number;
}

/** Reps that have attainment data, with their trailing-4Q attainment, in table order. */
export function repAttainments(reps: readonly Rep[]): RepAttainment[] {
  const out: RepAttainment[] = [];
  for (const rep of reps) {
    const a = trailingAttainment(rep.attainment);
    if (a !== null) out.push({ rep, attainment: a });
  }
  return out;
}

/**
 * The attainment band: team mean ± half the healthy spread (25 pts → ±12.5 pts). A team whose reps
 * all sit inside this band has a spread under the healthy 25 points.
 */
export interface AttainmentBand {
  mean: number;
  halfWidth: number;
}

export function attainmentBand(values: readonly number[], settings: Pick<Settings, 'healthySpreadPts'>): AttainmentBand | null {
  if (values.length === 0) return null;
  return { mean: mean(values), halfWidth: settings.healthySpreadPts / 200 };
}

/** True when `value` lies outside the band (a hair of tolerance so 12.5 pts exactly is inside). */
export function outsideAttainmentBand(value: number, band: AttainmentBand): boolean {
  return Math.abs(value - band.mean) > band.halfWidth + 1e-9;
}
