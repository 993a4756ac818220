/**
 * The "Rebalance Requested By" setting, for the "pressure with no data" non-trigger (seed 001).
 * Used when the Settings reader has not filled `settings.declared.requestedBy` itself.
 */
import type { RawCell } from '../model';

const REQUEST_NAMES = ['rebalance requested by', 'requested by', 'rebalance request', 'rebalance requested', 'request'];

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * The requester named in a Settings table (name/value pairs in the first two columns, with or
 * without a header row), or null when there is no such row or its value is blank or "No".
 */
export function rebalanceRequest(settings: readonly (readonly RawCell[])[]): string | null {
  for (const row of settings) {
    const name = typeof row[0] === 'string' ? squash(row[0]) : '';
    if (!REQUEST_NAMES.includes(name)) continue;
    const value = row[1];
    if (value === null || value === undefined || value === false) return null;
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
    return text === '' || /^(n|no|none|false|-)$/i.test(text) ? null : text;
  }
  return null;
}
