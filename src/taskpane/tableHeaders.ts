/** The header texts of the Accounts, Reps and Settings tables, for the column-mapping dropdowns. */
import type { RawCell } from '../core/model';
import { findTables, type SheetValues } from '../core/read/locate';

export type TableHeaders = Partial<Record<'Accounts' | 'Reps' | 'Settings', string[]>>;

function headerRow(values: RawCell[][] | undefined): string[] {
  const row = values?.[0] ?? [];
  return row.map((c) => (c === null ? '' : String(c).trim())).filter((h) => h !== '');
}

export function tableHeaders(sheets: SheetValues[]): TableHeaders {
  const { tables } = findTables(sheets);
  if (!tables) return {};
  const out: TableHeaders = { Accounts: headerRow(tables.accounts.values), Reps: headerRow(tables.reps.values) };
  if (tables.settings) out.Settings = headerRow(tables.settings.values);
  return out;
}
