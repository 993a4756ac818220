/** Number formatting for the pane (en-US, like the sheets the add-in writes). */
import { fixedPct } from '../core/triggers/format';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const miles = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatMoney(x: number): string {
  return money.format(x);
}

export function formatCount(x: number): string {
  return count.format(x);
}

/** 0.153 -> "15.3%". */
export const formatPercent = fixedPct;

/** Attainment spread in points: 70 -> "70.0 pts"; null -> "n/a". */
export function formatPoints(x: number | null): string {
  return x === null ? 'n/a' : `${x.toFixed(1)} pts`;
}

export function formatMiles(x: number | null): string {
  return x === null ? 'n/a' : `${miles.format(x)} mi`;
}

export function formatRatio(x: number, digits = 2): string {
  return x.toFixed(digits);
}
