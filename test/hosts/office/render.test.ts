import type { SheetCell, SheetDescription } from '../../../src/core/report/sheet';
import { allApis, type ApiSupport } from '../../../src/hosts/office/capabilities';
import { ROLE_PROPERTY, ROLE_SETTING } from '../../../src/hosts/office/marker';
import { renderSheets } from '../../../src/hosts/office/render';
import { FakeExcel } from './fakeExcel';

/** Seeded generator (mulberry32), so the fixture is the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MOVES_HEADER = ['Account', 'From', 'To', 'Reason', 'Disruption', 'Potential', 'Revenue', 'Stage', 'Handoff', 'Credit', 'Window', 'Share'];

/** A Moves sheet of `n` generated moves (12 columns) with a header and a SUM total row. */
function movesSheet(n: number, seed = 7, name = 'Moves - Balanced', role = 'moves:Balanced'): SheetDescription {
  const next = rng(seed);
  const header: SheetCell[] = MOVES_HEADER.map((h) => ({ value: h, bold: true, fill: 'DDEBF7' }));
  const rows: (SheetCell | null)[][] = [header];
  for (let i = 0; i < n; i++) {
    const potential = Math.round(next() * 900_000) + 10_000;
    rows.push([
      { value: `ACC-${String(i + 1).padStart(5, '0')}` },
      { value: `R${1 + Math.floor(next() * 40)}` },
      { value: `R${1 + Math.floor(next() * 40)}` },
      { value: `Balances potential: donor at ${Math.round(100 + next() * 60)}% of fair share`, wrap: true },
      { value: ['Low', 'Medium', 'High'][Math.floor(next() * 3)] },
      { value: potential, numFmt: '$#,##0' },
      { value: Math.round(potential * next() * 0.3), numFmt: '$#,##0' },
      { value: Math.floor(next() * 6) },
      { value: next() < 0.2 ? 'Stays through close' : 'Hand off now' },
      { value: next() < 0.1 ? '50/50 split' : 'New rep' },
      { value: ['2-4', '4-6', '6-8'][Math.floor(next() * 3)] },
      { value: Math.round(next() * 1000) / 1000, numFmt: '0.0%' },
    ]);
  }
  rows.push([{ value: 'Total', bold: true }, null, null, null, null, { value: 0, formula: `SUM(F2:F${n + 1})`, numFmt: '$#,##0', bold: true }]);
  return { name, role, rows, columnWidths: [12, 8, 8, 48, 10, 12, 12, 6, 18, 12, 8, 8], freeze: { rows: 1, cols: 1 }, print: { landscape: true, fitToWidth: true } };
}

const MB = 1_000_000;
const LARGE_MOVES = 40_000;
const largeMoves = movesSheet(LARGE_MOVES);

describe('renderSheets on a large Moves sheet', () => {
  const n = LARGE_MOVES;
  const sheet = largeMoves;
  const excel = new FakeExcel();
  let result: Awaited<ReturnType<typeof renderSheets>>;
  let progress: number[] = [];

  beforeAll(async () => {
    result = await renderSheets(excel.context, [sheet], { supports: allApis, onProgress: (p) => progress.push(p.cellsDone / p.cellsTotal) });
  });

  it('never sends more than 20,000 cells or ~1 MB in one sync, far below the 5 MB limit', () => {
    const cellSyncs = excel.syncs.filter((s) => s.cells > 0);
    expect(Math.max(...excel.syncs.map((s) => s.cells))).toBeLessThanOrEqual(20_000);
    // The fake measures bytes its own way (real JSON + its own command overhead); the renderer's estimate keeps it near 1 MB.
    expect(Math.max(...excel.syncs.map((s) => s.bytes))).toBeLessThan(1.1 * MB);
    // 40,002 rows x 12 columns = 480,024 cells; 20,000 cells a sync means at least 25 syncs of cells,
    // and whole rows per block (1,666 rows = 19,992 cells) means exactly 25.
    const totalCells = cellSyncs.reduce((a, s) => a + s.cells, 0);
    expect(totalCells).toBe((n + 2) * 12);
    expect(cellSyncs.length).toBe(Math.ceil((n + 2) / Math.floor(20_000 / 12)));
    // 2 syncs to find the sheets, the cell batches, then style/layout commands share the last batch or add one.
    expect(excel.syncs.length).toBeLessThanOrEqual(2 + cellSyncs.length + 1);
    expect(excel.unsentBytes).toBe(0);
  });

  it('suspends calculation in every write batch', () => {
    const writeSyncs = excel.syncs.slice(2);
    expect(writeSyncs.length).toBeGreaterThan(20);
    expect(writeSyncs.every((s) => s.suspended)).toBe(true);
  });

  it('puts values, formulas and number formats in the right cells', () => {
    const ws = excel.sheet('Moves - Balanced');
    expect(excel.read('Moves - Balanced', 'A1:C1')).toEqual([['Account', 'From', 'To']]);
    const row = sheet.rows[20_001] as SheetCell[];
    expect(excel.read('Moves - Balanced', 'A20002:F20002')).toEqual([[row[0].value, row[1].value, row[2].value, row[3].value, row[4].value, row[5].value]]);
    expect(ws.cell('F20002')?.numberFormat).toBe('$#,##0');
    expect(ws.cell('L20002')?.numberFormat).toBe('0.0%');
    expect(ws.cell('A20002')?.numberFormat ?? null).toBeNull();
    // "2-4" would become a date if written bare; it reads back as the text.
    expect(ws.cell(`K${n + 1}`)?.value).toBe((sheet.rows[n] as SheetCell[])[10].value);
    expect(typeof ws.cell(`K${n + 1}`)?.value).toBe('string');
    expect(ws.cell(`F${n + 2}`)?.formula).toBe(`=SUM(F2:F${n + 1})`);
    expect(ws.cell(`A${n + 2}`)?.value).toBe('Total');
  });

  it('formats styled cells with few commands: the header, the wrapped column, the total row', () => {
    const ws = excel.sheet('Moves - Balanced');
    expect(ws.formatAt('C1', 'font.bold')).toBe(true);
    expect(ws.formatAt('C1', 'fill.color')).toBe('#DDEBF7');
    expect(ws.formatAt('C2', 'font.bold')).toBeUndefined();
    expect(ws.formatAt('D39000', 'wrapText')).toBe(true);
    expect(ws.formatAt('E39000', 'wrapText')).toBeUndefined();
    expect(ws.formatAt(`F${n + 2}`, 'font.bold')).toBe(true);
    // header: bold + fill; reason column: wrap; total row: two bold rectangles (A and F).
    expect(ws.formatOps.length).toBe(2 + 1 + 2);
    expect(ws.frozen).toEqual({ rows: 1, cols: 1 });
    expect(ws.pageLayout).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    // 48 characters -> (48 * 7 + 5) px * 0.75 = 255.75 pt
    expect(ws.columnWidths.get(3)).toBe(255.75);
    expect(ws.columnWidths.get(0)).toBe(66.75);
  });

  it('reports progress up to all cells', () => {
    expect(progress.length).toBeGreaterThanOrEqual(25);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true);
  });

  it('marks the sheet with its role', () => {
    expect(excel.sheet('Moves - Balanced').props.get(ROLE_PROPERTY.toLowerCase())?.value).toBe('moves:Balanced');
    expect(result).toEqual({ written: ['Moves - Balanced'], renamed: [] });
  });
});

describe('sync budget', () => {
  it('the fake refuses a sync over 5 MB, so a renderer allowed 10 MB a sync fails on 40,000 rows', async () => {
    const excel = new FakeExcel();
    await expect(
      renderSheets(excel.context, [largeMoves], { supports: allApis, maxCellsPerSync: 10_000_000, maxBytesPerSync: 10 * MB }),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
  });

  it('a byte budget tighter than the cell budget decides the batches', async () => {
    const excel = new FakeExcel();
    await renderSheets(excel.context, [movesSheet(5_000, 3)], { supports: allApis, maxCellsPerSync: 1_000_000, maxBytesPerSync: 200_000 });
    const cellSyncs = excel.syncs.filter((s) => s.cells > 0);
    expect(Math.max(...excel.syncs.map((s) => s.bytes))).toBeLessThanOrEqual(200_000 * 1.05);
    // ~120 bytes a row x 5,002 rows is about 0.6 MB: four to eight batches of at most 200 kB.
    expect(cellSyncs.length).toBeGreaterThanOrEqual(3);
    expect(cellSyncs.length).toBeLessThanOrEqual(8);
  });

  it('without ExcelApi 1.6 nothing is suspended and the write still completes', async () => {
    const excel = new FakeExcel();
    const noCalcSuspend: ApiSupport = (v) => v !== '1.6';
    await renderSheets(excel.context, [movesSheet(100)], { supports: noCalcSuspend });
    expect(excel.syncs.some((s) => s.suspended)).toBe(false);
    expect(excel.read('Moves - Balanced', 'A101')).toEqual([['ACC-00100']]);
  });
});

function impactSheet(label: string): SheetDescription {
  return {
    name: 'Rep Impact',
    role: 'rep-impact',
    rows: [
      [{ value: 'Rep', bold: true }, { value: 'Potential before', bold: true }, { value: 'Potential after', bold: true }],
      [{ value: label }, { value: 1200, numFmt: '#,##0' }, { value: 1100, numFmt: '#,##0' }],
      [{ value: 'Total' }, { value: 1200, formula: 'SUM(B2:B2)' }, { value: 1100, formula: 'SUM(C2:C2)' }],
    ],
    conditionalFormats: [{ range: 'C2:C2', formula: 'C2<B2*0.85', fill: 'F8CBAD' }],
    merges: ['E1:F1'],
    tabColor: '70AD47',
    charts: [
      {
        kind: 'column',
        title: 'Potential by rep',
        series: [
          { name: 'Before', categories: "'Rep Impact'!$A$2:$A$2", values: "'Rep Impact'!$B$2:$B$2" },
          { name: 'After', categories: "'Rep Impact'!$A$2:$A$2", values: "'Rep Impact'!$C$2:$C$2", color: '70AD47' },
        ],
        from: { col: 4, row: 2 },
        to: { col: 10, row: 18 },
        yAxisTitle: 'Potential',
      },
    ],
  };
}

describe('our sheets and the user\'s sheets', () => {
  it('recognises the output sheets of a workbook rebalanced by the CLI (its _TerritoryRebalancer record) and replaces them in place', async () => {
    const excel = new FakeExcel();
    excel.seedSheet('Rep Impact', [['old run'], [1]]);
    excel.seedSheet('_TerritoryRebalancer', [['Role', 'Sheet'], ['rep-impact', 'Rep Impact']]);
    const result = await renderSheets(excel.context, [impactSheet('R1')], { supports: allApis });
    expect(result).toEqual({ written: ['Rep Impact'], renamed: [] });
    expect(excel.read('Rep Impact', 'A2:B2')).toEqual([['R1', 1200]]);
  });

  it('never touches a user sheet named "Rep Impact": ours goes to "Rep Impact (2)" and its references follow', async () => {
    const excel = new FakeExcel();
    excel.seedSheet('Rep Impact', [['my notes'], [42]]);
    const result = await renderSheets(excel.context, [impactSheet('R1')], { supports: allApis });
    expect(result).toEqual({ written: ['Rep Impact (2)'], renamed: [{ wanted: 'Rep Impact', used: 'Rep Impact (2)' }] });
    expect(excel.read('Rep Impact', 'A1:A2')).toEqual([['my notes'], [42]]);
    expect(excel.sheet('Rep Impact').props.size).toBe(0);
    const ours = excel.sheet('Rep Impact (2)');
    expect(excel.read('Rep Impact (2)', 'A2:C3')).toEqual([['R1', 1200, 1100], ['Total', '=SUM(B2:B2)', '=SUM(C2:C2)']]);
    const chart = ours.chartList[0];
    expect(chart.type).toBe('ColumnClustered');
    expect(chart.seriesList.map((s) => [s.name, s.values, s.xValues])).toEqual([
      ['Before', 'Rep Impact (2)!B2', 'Rep Impact (2)!A2'],
      ['After', 'Rep Impact (2)!C2', 'Rep Impact (2)!A2'],
    ]);
    expect(chart.seriesList[1].fillColor).toBe('#70AD47');
    expect(chart.position).toEqual({ from: 'E3', to: 'K19' });
    expect(chart.axes.valueAxis.title.text).toBe('Potential');
    expect(ours.conditionalFormats).toEqual([
      { type: 'Custom', range: 'C2', custom: { rule: { formula: '=C2<B2*0.85' }, format: { fill: { color: '#F8CBAD' }, font: { color: '', bold: false } } } },
    ]);
    expect(ours.merges).toEqual(['E1:F1']);
    expect(ours.tab).toBe('#70AD47');
  });

  it('a second run replaces our sheet in place: same sheet, old contents, charts and formats gone', async () => {
    const excel = new FakeExcel();
    excel.seedSheet('Accounts', [['Account ID']]);
    await renderSheets(excel.context, [impactSheet('R1'), movesSheet(30)], { supports: allApis });
    const first = excel.sheet('Rep Impact');
    const second = await renderSheets(excel.context, [impactSheet('R9'), movesSheet(10)], { supports: allApis });
    expect(second).toEqual({ written: ['Rep Impact', 'Moves - Balanced'], renamed: [] });
    expect(excel.sheetNames()).toEqual(['Accounts', 'Rep Impact', 'Moves - Balanced']);
    expect(excel.sheet('Rep Impact')).toBe(first);
    expect(excel.read('Rep Impact', 'A2')).toEqual([['R9']]);
    expect(first.chartList).toHaveLength(1);
    expect(first.conditionalFormats).toHaveLength(1);
    expect(first.merges).toEqual(['E1:F1']);
    // Rows 13..32 of the 30-move sheet are gone: the 10-move sheet ends with its total on row 12.
    expect(excel.read('Moves - Balanced', 'A12:A14')).toEqual([['Total'], [''], ['']]);
    expect(excel.read('Accounts', 'A1')).toEqual([['Account ID']]);
  });

  it('finds its sheets through a workbook setting when worksheet custom properties are missing (ExcelApi < 1.12)', async () => {
    const excel = new FakeExcel();
    const legacy: ApiSupport = (v) => v !== '1.12';
    await renderSheets(excel.context, [impactSheet('R1')], { supports: legacy });
    const ours = excel.sheet('Rep Impact');
    expect(ours.props.size).toBe(0);
    expect(JSON.parse(String(excel.settingsStore.get(ROLE_SETTING)))).toEqual({ [ours.id]: 'rep-impact' });
    ours.name = 'Impact renamed by user';
    await renderSheets(excel.context, [impactSheet('R2')], { supports: legacy });
    expect(excel.sheetNames()).toEqual(['Rep Impact']);
    expect(excel.sheet('Rep Impact')).toBe(ours);
    expect(excel.read('Rep Impact', 'A2')).toEqual([['R2']]);
  });

  it('gives illegal names a legal one and reports the change', async () => {
    const excel = new FakeExcel();
    const wanted = 'Moves - Q3/Q4 [draft]: Northeast Enterprise';
    const result = await renderSheets(excel.context, [{ ...movesSheet(2), name: wanted }], { supports: allApis });
    expect(result.written).toEqual(['Moves - Q3-Q4 -draft-- Northeas']);
    expect(result.renamed).toEqual([{ wanted, used: 'Moves - Q3-Q4 -draft-- Northeas' }]);
    expect(excel.sheetNames()).toEqual(['Moves - Q3-Q4 -draft-- Northeas']);
  });
});

describe('charts', () => {
  it('draws a scatter map with x and y ranges from another output sheet, coloured markers and axis titles', async () => {
    const excel = new FakeExcel();
    const points: SheetDescription = {
      name: 'Map Data',
      role: 'map-data',
      rows: [
        [{ value: 'Lon' }, { value: 'Lat' }],
        [{ value: -71.06 }, { value: 42.36 }],
        [{ value: -73.99 }, { value: 40.73 }],
      ],
    };
    const map: SheetDescription = {
      name: 'Territory Map',
      role: 'territory-map',
      rows: [[{ value: 'Accounts by rep' }]],
      charts: [
        {
          kind: 'scatter',
          title: 'Accounts after',
          series: [{ name: 'R1', categories: "'Map Data'!$A$2:$A$3", values: "'Map Data'!$B$2:$B$3", color: 'C00000' }],
          from: { col: 0, row: 2 },
          to: { col: 8, row: 24 },
          xAxisTitle: 'Longitude',
          yAxisTitle: 'Latitude',
        },
      ],
    };
    await renderSheets(excel.context, [map, points], { supports: allApis });
    const [chart] = excel.sheet('Territory Map').chartList;
    expect(chart.type).toBe('XYScatter');
    expect(chart.seriesBy).toBe('Columns');
    expect(chart.title.text).toBe('Accounts after');
    expect(chart.seriesList.map((s) => [s.name, s.values, s.xValues, s.markerBackgroundColor])).toEqual([['R1', 'Map Data!B2:B3', 'Map Data!A2:A3', '#C00000']]);
    expect([chart.axes.categoryAxis.title.text, chart.axes.valueAxis.title.text]).toEqual(['Longitude', 'Latitude']);
    expect(chart.position).toEqual({ from: 'A3', to: 'I25' });
  });
});
