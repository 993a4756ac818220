/**
 * Number formatting for trigger evidence. Locale-free so the same workbook gives the same text.
 */
import type { Account, Rep } from '../model';

/** At most `decimals` decimals, trailing zeros dropped: 14.2857 → "14.3", 70 → "70". */
export function num(value: number, decimals = 1): string {
  const fixed = value.toFixed(decimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** A fraction as a percentage: 0.143 → "14.3%". */
export function pct(fraction: number, decimals = 1): string {
  return `${num(fraction * 100, decimals)}%`;
}

/** A fraction as a percentage with a fixed number of decimals, for columns that line up: 0.15 → "15.0%". */
export function fixedPct(fraction: number, decimals = 1): string {
  return `${(fraction * 100).toFixed(decimals)}%`;
}

/** Whole units with thousands separators: 650000 → "650,000". */
export function amount(value: number): string {
  const rounded = Math.round(value);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${digits}` : digits;
}

export function repLabel(rep: Pick<Rep, 'id' | 'name'>): string {
  return rep.name.trim() !== '' ? rep.name : rep.id;
}

export function accountLabel(account: Pick<Account, 'id' | 'name'>): string {
  return account.name.trim() !== '' ? account.name : account.id;
}

/** "A", "A and B", "A, B and C". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
