/**
 * Native charts from ChartDescriptions: clustered column / bar or XY scatter, one series per
 * description series with its own value and category (x) ranges, title, axis titles and the
 * cell anchors. Series ranges may point at other output sheets, so charts are drawn last.
 */
import { a1, parseA1Range, splitSheetRef, type ChartDescription } from '../../core/report/sheet';
import { COMMAND_BYTES, type SyncBatcher } from './batch';
import type { ApiSupport } from './capabilities';

/** True when an A1 range is a single row ("B2:D2"), so a chart built on it has one series by rows. */
function isSingleRow(address: string): boolean {
  const r = parseA1Range(address);
  return r !== null && r.top === r.bottom;
}

const CHART_TYPE: Record<ChartDescription['kind'], string> = {
  column: 'ColumnClustered',
  bar: 'BarClustered',
  scatter: 'XYScatter',
};

export interface ChartEnv {
  batcher: SyncBatcher;
  supports: ApiSupport;
  /** Worksheet for a sheet name in a chart range (the descriptions already carry the names used). */
  sheetFor: (name: string) => Excel.Worksheet;
}

export async function writeChart(ws: Excel.Worksheet, ownName: string, chart: ChartDescription, env: ChartEnv): Promise<void> {
  if (chart.series.length === 0) return;
  const rangeOf = (ref: string): { range: Excel.Range; address: string } => {
    const { sheet, address } = splitSheetRef(ref); // sheet null = the chart's own sheet
    return { range: env.sheetFor(sheet ?? ownName).getRange(address), address };
  };
  await env.batcher.reserve(0, (8 + 6 * chart.series.length) * COMMAND_BYTES);
  const first = rangeOf(chart.series[0].values);
  const added = ws.charts.add(
    CHART_TYPE[chart.kind] as Excel.ChartType,
    first.range,
    (isSingleRow(first.address) ? 'Rows' : 'Columns') as Excel.ChartSeriesBy,
  );
  added.title.text = chart.title;
  if (chart.xAxisTitle) added.axes.categoryAxis.title.text = chart.xAxisTitle;
  if (chart.yAxisTitle) added.axes.valueAxis.title.text = chart.yAxisTitle;
  chart.series.forEach((s, i) => {
    if (i > 0 && !env.supports('1.7')) return; // without series.add the chart keeps its first series
    const series = i === 0 ? added.series.getItemAt(0) : added.series.add(s.name);
    series.name = s.name;
    if (env.supports('1.7')) {
      if (i > 0) series.setValues(rangeOf(s.values).range);
      series.setXAxisValues(rangeOf(s.categories).range);
    }
    if (s.color) {
      if (chart.kind === 'scatter' && env.supports('1.7')) {
        series.markerBackgroundColor = `#${s.color}`;
        series.markerForegroundColor = `#${s.color}`;
      } else if (chart.kind !== 'scatter') {
        series.format.fill.setSolidColor(`#${s.color}`);
      }
    }
  });
  added.setPosition(a1(chart.from.row + 1, chart.from.col + 1), a1(chart.to.row + 1, chart.to.col + 1));
}
