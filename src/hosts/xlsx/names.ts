/**
 * The formulas and chart ranges of the descriptions rewritten to follow a renamed sheet (the names
 * themselves come from core/report/sheetNames.ts). Pure: works on names and descriptions only.
 */
import type { ChartDescription, SheetDescription } from '../../core/report/sheet';
import { quoteSheet } from '../../core/report/sheet';

/** Rewrite every reference to sheet `from` as a reference to sheet `to` in one formula or range. */
export function renameSheetRefs(text: string, from: string, to: string): string {
  const quoted = quoteSheet(from) + '!';
  let out = text.split(quoted).join(quoteSheet(to) + '!');
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(from)) {
    const bare = new RegExp(`(^|[^A-Za-z0-9_.'!])${from.replace(/\./g, '\\.')}!`, 'g');
    out = out.replace(bare, (_m, lead: string) => `${lead}${quoteSheet(to)}!`);
  }
  return out;
}

/** The descriptions under the names used (aligned with `sheets`), with every reference to a renamed sheet replaced. */
export function applyRenames(sheets: SheetDescription[], used: string[]): SheetDescription[] {
  const renamed = sheets.map((s, i) => ({ wanted: s.name, used: used[i] })).filter((r) => r.wanted !== r.used);
  if (renamed.length === 0) return sheets;
  const fix = (text: string): string => renamed.reduce((t, r) => renameSheetRefs(t, r.wanted, r.used), text);
  const fixChart = (c: ChartDescription): ChartDescription => ({
    ...c,
    series: c.series.map((s) => ({ ...s, categories: fix(s.categories), values: fix(s.values) })),
  });
  return sheets.map((sheet, i) => ({
    ...sheet,
    name: used[i],
    rows: sheet.rows.map((row) => row.map((cell) => (cell && cell.formula ? { ...cell, formula: fix(cell.formula) } : cell))),
    conditionalFormats: sheet.conditionalFormats?.map((cf) => ({ ...cf, formula: fix(cf.formula) })),
    charts: sheet.charts?.map(fixChart),
  }));
}
