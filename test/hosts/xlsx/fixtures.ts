/**
 * A seeded two-sheet report built the way src/core/report builds its sheets: a data sheet and a
 * summary whose native formulas (COUNTIFS, SUMIFS, SUM, INDEX/MATCH, IF, a comparison) read across
 * sheets, each written with the value computed here in TypeScript; a column chart and a scatter chart.
 */
import type { ChartDescription, SheetCell, SheetDescription } from '../../../src/core/report/sheet';
import { quoteSheet } from '../../../src/core/report/sheet';
import { mulberry32 } from '../../../src/core/sample/random';

/** The seeded PRNG the sample generator uses (mulberry32). */
export const seeded = mulberry32;

export const DATA = 'Rep Data';
export const SUMMARY = 'Team Summary';
export const REPS = ['Ann Lee', 'Bo Chen', "Cy O'Hara"];
/** Words that appear only in the charts (titles, axis titles, series names), never in a cell. */
export const CHART_WORDS = ['Fairshare Picture', 'Territory Axis', 'Potential Axis', 'Scatterplot Accounts', 'Potential Scale', 'Revenue Scale', 'Enterprise Slice', 'Account Dots'];

export interface AccountRow {
  id: string;
  rep: string;
  segment: 'SMB' | 'Enterprise';
  potential: number;
  revenue: number;
}

export function accountRows(seed: number, n: number): AccountRow[] {
  const rnd = seeded(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `AC-${String(101 + i)}`,
    rep: REPS[i % REPS.length],
    segment: rnd() < 0.4 ? 'Enterprise' : 'SMB',
    potential: 1000 + Math.floor(rnd() * 9000),
    revenue: Math.round(rnd() * 500000) / 100,
  }));
}

const v = (value: SheetCell['value'], style: Omit<SheetCell, 'value'> = {}): SheetCell => ({ value, ...style });

export function reportSheets(rows: AccountRow[], names = { data: DATA, summary: SUMMARY }): SheetDescription[] {
  const n = rows.length;
  const d = quoteSheet(names.data);
  const col = (c: string) => `${d}!$${c}$2:$${c}$${n + 1}`;
  const header = (labels: string[]) => labels.map((l) => v(l, { bold: true, fill: 'DDEBF7', fontColor: '1F3864', align: 'center' }));

  const data: SheetDescription = {
    name: names.data,
    role: 'test-data',
    rows: [
      header(['Account ID', 'Rep', 'Segment', 'Potential', 'Revenue']),
      ...rows.map((r) => [v(r.id), v(r.rep), v(r.segment, { italic: true }), v(r.potential, { numFmt: '#,##0' }), v(r.revenue, { numFmt: '$#,##0.00' })]),
    ],
    columnWidths: [12, 14, 12, 12, 14],
    freeze: { rows: 1, cols: 1 },
    charts: [
      {
        kind: 'scatter',
        title: 'Scatterplot Accounts',
        series: [{ name: 'Account Dots', categories: col('D'), values: col('E'), color: 'C00000' }],
        from: { col: 6, row: 1 },
        to: { col: 13, row: 18 },
        xAxisTitle: 'Potential Scale',
        yAxisTitle: 'Revenue Scale',
      },
    ],
  };

  const total = rows.reduce((s, r) => s + r.potential, 0);
  const summaryRows: (SheetCell | null)[][] = [header(['Rep', 'Accounts', 'Potential', 'Enterprise Potential', 'Share', 'First Account', 'Flag', 'Mostly Enterprise'])];
  REPS.forEach((rep, i) => {
    const r = i + 2;
    const mine = rows.filter((x) => x.rep === rep);
    const potential = mine.reduce((s, x) => s + x.potential, 0);
    const enterprise = mine.filter((x) => x.segment === 'Enterprise').reduce((s, x) => s + x.potential, 0);
    const share = potential / total;
    summaryRows.push([
      v(rep, { bold: true }),
      v(mine.length, { formula: `COUNTIFS(${col('B')},A${r})`, numFmt: '0' }),
      v(potential, { formula: `SUMIFS(${col('D')},${col('B')},A${r})`, numFmt: '#,##0' }),
      v(enterprise, { formula: `SUMIFS(${col('D')},${col('B')},A${r},${col('C')},"Enterprise")`, numFmt: '#,##0' }),
      v(share, { formula: `C${r}/SUM($C$2:$C$${REPS.length + 1})`, numFmt: '0.0%' }),
      v(mine[0]?.id ?? null, { formula: `INDEX(${col('A')},MATCH(A${r},${col('B')},0))` }),
      v(share > 1 / 3 ? 'Over' : 'Under', { formula: `IF(E${r}>1/3,"Over","Under")`, align: 'center' }),
      v(enterprise * 2 > potential, { formula: `D${r}*2>C${r}` }),
    ]);
  });
  const last = REPS.length + 1;
  summaryRows.push([
    v('Total', { bold: true }),
    v(n, { formula: `SUM(B2:B${last})`, bold: true, numFmt: '0' }),
    v(total, { formula: `SUM(C2:C${last})`, bold: true, numFmt: '#,##0' }),
  ]);
  summaryRows.push([]);
  summaryRows.push([v('Shares over one third are flagged; the chart compares all and Enterprise potential.', { wrap: true, italic: true })]);
  const summary: SheetDescription = {
    name: names.summary,
    role: 'test-summary',
    rows: summaryRows,
    columnWidths: [14, 10, 12, 20, 8, 14, 8, 18],
    freeze: { rows: 1, cols: 0 },
    merges: [`A${last + 3}:H${last + 3}`],
    conditionalFormats: [{ range: `A2:H${last}`, formula: '$E2>1/3', fill: 'FCE4D6', fontColor: '9C0006', bold: true }],
    tabColor: '70AD47',
    charts: [columnChart(names.summary, last)],
  };
  return [data, summary];
}

function columnChart(summary: string, last: number): ChartDescription {
  const s = quoteSheet(summary);
  return {
    kind: 'column',
    title: 'Fairshare Picture',
    series: [
      { name: 'All Potential', categories: `${s}!$A$2:$A$${last}`, values: `${s}!$C$2:$C$${last}` },
      { name: 'Enterprise Slice', categories: `${s}!$A$2:$A$${last}`, values: `${s}!$D$2:$D$${last}`, color: 'ED7D31' },
    ],
    from: { col: 9, row: 1 },
    to: { col: 17, row: 20 },
    xAxisTitle: 'Territory Axis',
    yAxisTitle: 'Potential Axis',
  };
}

/** Every formula cell of the descriptions: sheet, A1 address, formula and the value written with it. */
export function formulaCells(sheets: SheetDescription[]): { sheet: string; address: string; formula: string; value: SheetCell['value'] }[] {
  const out: { sheet: string; address: string; formula: string; value: SheetCell['value'] }[] = [];
  for (const sheet of sheets) {
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell?.formula) out.push({ sheet: sheet.name, address: `${String.fromCharCode(65 + c)}${r + 1}`, formula: cell.formula, value: cell.value });
      }),
    );
  }
  return out;
}
