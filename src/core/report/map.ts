/**
 * `Territory Map` (seed 001: "the map wasn't visible to reps"): account coordinates before and after,
 * rows grouped by rep so each rep is one contiguous range, and two native scatter charts (x =
 * longitude, y = latitude) with one series per rep. Only described when coordinates exist.
 */
import type { Plan, TerritoryData } from '../model';
import { repColors, type Row, UNASSIGNED, cell, header, labelOf, note, repLabels, titleBlock, SHEET_NAMES } from './common';
import { type ChartSeries, type SheetDescription, columnLetter, quoteSheet } from './sheet';

export const MAP_HEADER_ROW = 4;

export function hasCoordinates(data: TerritoryData): boolean {
  return data.accounts.some((a) => a.lat !== null && a.lon !== null);
}

interface Point {
  accountIndex: number;
  owner: string | null;
}

/** Accounts with coordinates grouped by owner: reps in data.reps order, unassigned last. */
function groups(data: TerritoryData, owners: readonly (string | null)[]): { owner: string | null; points: Point[] }[] {
  const order = new Map<string | null, number>(data.reps.map((r, i) => [r.id, i]));
  const byOwner = new Map<string | null, Point[]>();
  data.accounts.forEach((a, i) => {
    if (a.lat === null || a.lon === null) return;
    const owner = owners[i] ?? null;
    const list = byOwner.get(owner) ?? [];
    list.push({ accountIndex: i, owner });
    byOwner.set(owner, list);
  });
  const rank = (o: string | null) => (o === null ? Number.MAX_SAFE_INTEGER : (order.get(o) ?? Number.MAX_SAFE_INTEGER - 1));
  return [...byOwner.entries()]
    .sort((x, y) => rank(x[0]) - rank(y[0]) || String(x[0]).localeCompare(String(y[0])))
    .map(([owner, points]) => ({ owner, points }));
}

export function describeMapSheet(data: TerritoryData, plan: Plan, generatedAt: string): SheetDescription {
  const name = SHEET_NAMES.map;
  const q = quoteSheet(name);
  const labels = repLabels(data.reps);
  const colorOf = repColors(data.reps);
  const before = groups(data, data.accounts.map((a) => a.owner));
  const after = groups(data, plan.owners);
  const missing = data.accounts.filter((a) => a.lat === null || a.lon === null).length;
  const rows: Row[] = [
    ...titleBlock(`Territory Map: ${plan.scenario.name}`, generatedAt),
    note(`x = longitude, y = latitude; one colour per rep.${missing > 0 ? ` ${missing} account(s) without coordinates are not shown.` : ''}`),
    header(['Rep (before)', 'Account ID', 'Longitude', 'Latitude', '', 'Rep (after)', 'Account ID', 'Longitude', 'Latitude']),
  ];
  const place = (side: typeof before, col: number) => {
    const series: ChartSeries[] = [];
    let r = MAP_HEADER_ROW + 1;
    const cX = columnLetter(col + 3);
    const cY = columnLetter(col + 4);
    for (const g of side) {
      const start = r;
      for (const p of g.points) {
        const a = data.accounts[p.accountIndex];
        const rowIndex = r - 1;
        while (rows.length <= rowIndex) rows.push([]);
        const row = rows[rowIndex];
        while (row.length < col) row.push(null);
        row[col] = cell(labelOf(labels, g.owner));
        row[col + 1] = cell(a.id);
        row[col + 2] = cell(a.lon, { numFmt: '0.000' });
        row[col + 3] = cell(a.lat, { numFmt: '0.000' });
        r += 1;
      }
      series.push({
        name: g.owner === null ? UNASSIGNED : labelOf(labels, g.owner),
        categories: `${q}!$${cX}$${start}:$${cX}$${r - 1}`,
        values: `${q}!$${cY}$${start}:$${cY}$${r - 1}`,
        color: colorOf(g.owner),
      });
    }
    return series;
  };
  const beforeSeries = place(before, 0);
  const afterSeries = place(after, 5);
  return {
    name,
    role: 'territory-map',
    rows,
    columnWidths: [20, 14, 11, 11, 3, 20, 14, 11, 11],
    freeze: { rows: MAP_HEADER_ROW, cols: 0 },
    charts: [
      { kind: 'scatter', title: 'Before', series: beforeSeries, from: { col: 10, row: 3 }, to: { col: 19, row: 25 }, xAxisTitle: 'Longitude', yAxisTitle: 'Latitude' },
      { kind: 'scatter', title: `After: ${plan.scenario.name}`, series: afterSeries, from: { col: 10, row: 27 }, to: { col: 19, row: 49 }, xAxisTitle: 'Longitude', yAxisTitle: 'Latitude' },
    ],
  };
}
