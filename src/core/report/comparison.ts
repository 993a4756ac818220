/**
 * `Scenario Comparison`: one column per scenario, numbers that live on a Moves sheet as native
 * formulas over it (with their computed values stored), and a column chart of moves by disruption.
 */
import { fairShareMethod } from '../metrics/basics';
import type { DisruptionLevel, Plan, TerritoryData } from '../model';
import { COLORS, FMT, type Row, cell, excelString, fcell, header, notes, recommendedPlan, titleBlock, SHEET_NAMES } from './common';
import { MOVE_TYPE, movesRange } from './moves';
import { PlanNumbers, statsMethod } from './numbers';
import { type SheetCell, type SheetDescription, columnLetter, quoteSheet } from './sheet';

export const COMPARISON_HEADER_ROW = 4;

/** Row labels of the comparison, in order; rows start right under the header. */
export const COMPARISON_ROWS = [
  'Scenario type',
  'Balance band',
  'Moves',
  'Moves - Low disruption',
  'Moves - Medium disruption',
  'Moves - High disruption',
  'Placements (unassigned / departing)',
  'Disruption-weighted cost',
  'Revenue TTM moved',
  'Pipeline moved',
  'Potential spread before (max deviation from fair share)',
  'Potential spread after',
  'Workload CV before',
  'Workload CV after',
  'Attainment spread before (pts)',
  'Projected attainment spread after (pts)',
  'Travel before (miles)',
  'Travel after (miles)',
  'Band met',
  'Tightest band reachable',
  'Status',
  'Engine',
] as const;

export type ComparisonRow = (typeof COMPARISON_ROWS)[number];

/** 1-based sheet row of a comparison row. */
export function comparisonRow(label: ComparisonRow): number {
  return COMPARISON_HEADER_ROW + 1 + COMPARISON_ROWS.indexOf(label);
}

const LEVELS: DisruptionLevel[] = ['Low', 'Medium', 'High'];
const LEVEL_ROWS: Record<DisruptionLevel, ComparisonRow> = { Low: 'Moves - Low disruption', Medium: 'Moves - Medium disruption', High: 'Moves - High disruption' };

function scenarioColumn(data: TerritoryData, plan: Plan, movesSheet: string, col: number, numbers: PlanNumbers): Map<ComparisonRow, SheetCell> {
  const moves = numbers.moves(plan);
  const n = moves.length;
  const stats = plan.metrics;
  const c = columnLetter(col);
  const w = data.settings.disruptionWeights;
  const optional = (v: number | null, numFmt: string) => (v === null ? cell('n/a', { align: 'right' }) : cell(v, { numFmt }));
  const out = new Map<ComparisonRow, SheetCell>();
  out.set('Scenario type', cell(plan.scenario.kind, { align: 'right' }));
  out.set('Balance band', cell(plan.scenario.band, { numFmt: '"±"0%' }));
  // formulas over the Moves sheet; their stored values are the plan's own metrics
  const typeRange = movesRange(movesSheet, 'Type', n);
  out.set('Moves', fcell(`COUNTIFS(${typeRange},${excelString(MOVE_TYPE.move)})`, stats.moves, { numFmt: FMT.int, bold: true }));
  for (const l of LEVELS) {
    out.set(LEVEL_ROWS[l], fcell(`COUNTIFS(${typeRange},${excelString(MOVE_TYPE.move)},${movesRange(movesSheet, 'Disruption', n)},${excelString(l)})`, stats.movesByDisruption[l], { numFmt: FMT.int }));
  }
  out.set('Placements (unassigned / departing)', fcell(`COUNTIFS(${typeRange},${excelString(MOVE_TYPE.placement)})`, stats.placements, { numFmt: FMT.int }));
  const r = (label: ComparisonRow) => `${c}${comparisonRow(label)}`;
  out.set(
    'Disruption-weighted cost',
    fcell(
      `${r('Moves - Low disruption')}*${w.Low}+${r('Moves - Medium disruption')}*${w.Medium}+${r('Moves - High disruption')}*${w.High}`,
      stats.disruptionCost,
      { numFmt: FMT.int },
    ),
  );
  out.set('Revenue TTM moved', fcell(`SUM(${movesRange(movesSheet, 'Revenue TTM', n)})`, stats.revenueMoved, { numFmt: FMT.money }));
  out.set('Pipeline moved', cell(stats.pipelineMoved, { numFmt: FMT.money }));
  out.set('Potential spread before (max deviation from fair share)', cell(stats.potentialSpreadBefore, { numFmt: FMT.pct1 }));
  out.set('Potential spread after', cell(stats.potentialSpreadAfter, { numFmt: FMT.pct1, bold: true }));
  out.set('Workload CV before', cell(stats.workloadCVBefore, { numFmt: '0.00' }));
  out.set('Workload CV after', cell(stats.workloadCVAfter, { numFmt: '0.00' }));
  out.set('Attainment spread before (pts)', optional(stats.attainmentSpreadBeforePts, FMT.dec1));
  out.set('Projected attainment spread after (pts)', optional(stats.attainmentSpreadAfterPts, FMT.dec1));
  out.set('Travel before (miles)', optional(stats.travelBeforeMiles, FMT.int));
  out.set('Travel after (miles)', optional(stats.travelAfterMiles, FMT.int));
  out.set('Band met', cell(plan.feasible ? 'Yes' : 'No', { align: 'right', bold: true, fill: plan.feasible ? COLORS.ok : COLORS.alarm }));
  // as in the band clause: no band for a plan that breaks a rule (nobody should apply it), "no band" when none is reachable
  out.set(
    'Tightest band reachable',
    !plan.check.ok ? cell('breaks a rule', { align: 'right' }) : Number.isFinite(plan.tightestBand) ? cell(plan.tightestBand, { numFmt: '"±"0.0%' }) : cell('no band', { align: 'right' }),
  );
  out.set('Status', cell(plan.status, { align: 'right' }));
  out.set('Engine', cell(plan.engine === 'highs' ? 'HiGHS' : 'TypeScript', { align: 'right' }));
  return out;
}

export function describeComparisonSheet(data: TerritoryData, plans: Plan[], movesSheets: string[], generatedAt: string, numbers = new PlanNumbers(data)): SheetDescription {
  const name = SHEET_NAMES.comparison;
  const rec = recommendedPlan(plans);
  const columns = plans.map((p, i) => scenarioColumn(data, p, movesSheets[i], i + 2, numbers));
  const rows: Row[] = [
    ...titleBlock(name, generatedAt),
    [cell(rec ? `Recommended: ${rec.plan.scenario.name}. ${rec.reason}` : 'No scenario was computed.', { bold: true })],
    header(['Metric', ...plans.map((p) => p.scenario.name)]),
  ];
  for (const label of COMPARISON_ROWS) {
    rows.push([cell(label, { bold: label === 'Moves' || label === 'Potential spread after' }), ...columns.map((col) => col.get(label) ?? null)]);
  }
  rows.push([]);
  rows.push(...notes('Moves, moves by disruption and revenue moved are formulas over each Moves sheet.'));
  rows.push(...notes(statsMethod(fairShareMethod(data, plans.some((p) => p.scenario.withinRegion)))));
  rows.push(...notes('Projected attainment: see the method note on Rep Impact.'));

  const lastCol = columnLetter(plans.length + 1);
  const q = quoteSheet(name);
  const chartTop = rows.length + 1;
  return {
    name,
    role: 'scenario-comparison',
    rows,
    columnWidths: [52, ...plans.map(() => 16)],
    freeze: { rows: COMPARISON_HEADER_ROW, cols: 1 },
    charts:
      plans.length === 0
        ? []
        : [
            {
              kind: 'column',
              title: 'Moves by disruption level',
              series: LEVELS.map((l, i) => ({
                name: `${l} disruption`,
                categories: `${q}!$B$${COMPARISON_HEADER_ROW}:$${lastCol}$${COMPARISON_HEADER_ROW}`,
                values: `${q}!$B$${comparisonRow(LEVEL_ROWS[l])}:$${lastCol}$${comparisonRow(LEVEL_ROWS[l])}`,
                color: ['70AD47', 'FFC000', 'C00000'][i],
              })),
              from: { col: 0, row: chartTop },
              to: { col: Math.max(4, plans.length + 1), row: chartTop + 18 },
              xAxisTitle: 'Scenario',
              yAxisTitle: 'Accounts moved',
            },
          ],
  };
}
