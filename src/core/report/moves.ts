/**
 * `Moves - <Scenario>`: one row per account whose owner changes (Type: Move, or Placement of an
 * unassigned or departing rep's account), with the reason, disruption level,
 * the seed-002 handoff and credit rules and the transition window by segment; a total row of SUMs.
 */
import type { Plan, TerritoryData } from '../model';
import { COLORS, FMT, type MoveRow, type Row, bandClause, cell, creditRule, fcell, handoffRule, header, labelOf, repLabels, titleBlock, transitionWindow } from './common';
import { PlanNumbers } from './numbers';
import { type SheetDescription, columnLetter, quoteSheet } from './sheet';

export const MOVES_COLUMNS = [
  'Account ID',
  'Account Name',
  'From',
  'To',
  'Reason',
  'Disruption',
  'Potential',
  'Revenue TTM',
  'Max Stage',
  'Handoff Rule',
  'Credit Rule',
  'Transition Window',
  'Type',
] as const;

/** The Type column: a relationship that moves, or an account placed because it had no (continuing) owner. */
export const MOVE_TYPE = { move: 'Move', placement: 'Placement' } as const;

export type MovesColumn = (typeof MOVES_COLUMNS)[number];

/** The role of a scenario's Moves sheet: keyed on the scenario's name, whatever name the sheet had to take. */
export function movesRole(scenarioName: string): string {
  return `moves:${scenarioName}`;
}

/** 1-based sheet row of the column headers; data starts on the next row. */
export const MOVES_HEADER_ROW = 4;

export function movesColumnLetter(column: MovesColumn): string {
  return columnLetter(MOVES_COLUMNS.indexOf(column) + 1);
}

/**
 * Absolute, sheet-qualified range over one column of a Moves sheet, from the header row to the last
 * move (the header alone when there are no moves; its text is ignored by SUM and never matches).
 */
export function movesRange(sheetName: string, column: MovesColumn, moveCount: number, qualified = true): string {
  const c = movesColumnLetter(column);
  const range = `$${c}$${MOVES_HEADER_ROW}:$${c}$${MOVES_HEADER_ROW + moveCount}`;
  return qualified ? `${quoteSheet(sheetName)}!${range}` : range;
}

function moveRow(data: TerritoryData, labels: Map<string, string>, m: MoveRow): Row {
  const from = labelOf(labels, m.from);
  const a = m.account;
  return [
    cell(a.id),
    cell(a.name || null),
    cell(from),
    cell(labelOf(labels, m.to)),
    cell(m.reason, { wrap: true }),
    cell(m.disruption, { align: 'center' }),
    cell(a.potential, { numFmt: FMT.money }),
    cell(a.revenueTTM, { numFmt: FMT.money }),
    cell(a.maxStage, { numFmt: FMT.stage, align: 'center' }),
    cell(handoffRule(a, from, m.placement, data.settings), { wrap: true }),
    cell(creditRule(a, data.settings), { wrap: true }),
    cell(transitionWindow(a.segment, data.settings)),
    cell(m.placement ? MOVE_TYPE.placement : MOVE_TYPE.move),
  ];
}

export function describeMovesSheet(data: TerritoryData, plan: Plan, sheetName: string, generatedAt: string, numbers = new PlanNumbers(data)): SheetDescription {
  const labels = repLabels(data.reps);
  const moves = numbers.moves(plan);
  const n = moves.length;
  const placements = plan.metrics.placements;
  const rows: Row[] = [
    ...titleBlock(`${plan.scenario.name}: ${n} account move${n === 1 ? '' : 's'}`, generatedAt),
    [cell(`Scenario ${plan.scenario.name} (${plan.scenario.kind}), ${bandClause(plan)}; ${placements} placement${placements === 1 ? '' : 's'} of unassigned or departing reps' accounts. High disruption rows are highlighted.`, { italic: true })],
    header([...MOVES_COLUMNS]),
  ];
  for (const m of moves) rows.push(moveRow(data, labels, m));
  if (n === 0) rows.push([cell('No account changes owner in this scenario.', { italic: true })]);

  const totalRow = MOVES_HEADER_ROW + n + (n === 0 ? 2 : 1);
  const sumOf = (column: MovesColumn, pick: (m: MoveRow) => number) => {
    let v = 0;
    for (const m of moves) v += pick(m);
    return fcell(`SUM(${movesRange(sheetName, column, n, false)})`, v, { numFmt: FMT.money, bold: true, fill: COLORS.total });
  };
  const total: Row = MOVES_COLUMNS.map(() => cell(null, { fill: COLORS.total }));
  total[0] = cell('Total', { bold: true, fill: COLORS.total });
  total[1] = fcell(`COUNTA(${movesRange(sheetName, 'Account ID', n, false)})-1`, n, { bold: true, fill: COLORS.total, numFmt: '0" moves"' });
  total[6] = sumOf('Potential', (m) => m.account.potential);
  total[7] = sumOf('Revenue TTM', (m) => m.account.revenueTTM);
  while (rows.length < totalRow - 1) rows.push([]);
  rows.push(total);

  const first = MOVES_HEADER_ROW + 1;
  const last = MOVES_HEADER_ROW + n;
  const dis = movesColumnLetter('Disruption');
  return {
    name: sheetName,
    role: movesRole(plan.scenario.name),
    rows,
    columnWidths: [14, 28, 18, 18, 60, 11, 14, 14, 10, 48, 40, 24, 11],
    freeze: { rows: MOVES_HEADER_ROW, cols: 1 },
    conditionalFormats: n === 0 ? [] : [{ range: `A${first}:${columnLetter(MOVES_COLUMNS.length)}${last}`, formula: `$${dis}${first}="High"`, fill: COLORS.high, bold: true }],
  };
}
