/**
 * `Rep Impact`: per rep, before and after potential, share of fair share, accounts (gained and lost
 * counted over the Moves sheet), workload, recalibrated quota and projected attainment, for the
 * recommended scenario. Totals are SUM formulas.
 */
import { fairShareMethod } from '../metrics/basics';
import type { Plan, TerritoryData } from '../model';
import { COLORS, FMT, type Row, cell, fcell, header, money, notes, repLabels, titleBlock, SHEET_NAMES } from './common';
import { movesRange } from './moves';
import { PlanNumbers } from './numbers';
import { ATTAINMENT_METHOD, QUOTA_METHOD } from '../metrics/quota';
import type { SheetCell, SheetDescription } from './sheet';

export const IMPACT_HEADER_ROW = 4;

/** The columns and their widths (characters), in sheet order. */
const COLUMNS: [string, number][] = [
  ['Rep', 22],
  ['Status', 11],
  ['Potential Before', 15],
  ['Potential After', 15],
  ['Fair Share', 15],
  ['% of Fair Share Before', 12],
  ['% of Fair Share After', 12],
  ['Accounts Before', 10],
  ['Accounts Gained', 10],
  ['Accounts Lost', 10],
  ['Accounts After', 10],
  ['Workload Before', 11],
  ['Workload After', 11],
  ['Quota Before', 15],
  ['Quota After (recalibrated)', 15],
  ['Attainment (trailing 4Q)', 13],
  ['Projected Bookings After', 15],
  ['Projected Attainment After', 13],
];

export function describeImpactSheet(data: TerritoryData, plan: Plan, movesSheet: string, reason: string, generatedAt: string, numbers = new PlanNumbers(data)): SheetDescription {
  const labels = repLabels(data.reps);
  const impacts = numbers.impacts(plan);
  const n = numbers.moves(plan).length;
  const toRange = movesRange(movesSheet, 'To', n);
  const fromRange = movesRange(movesSheet, 'From', n);
  const rows: Row[] = [
    ...titleBlock(`Rep Impact: ${plan.scenario.name}`, generatedAt),
    [cell(`Scenario shown: ${plan.scenario.name} (recommended). ${reason}`, { bold: true })],
    header(COLUMNS.map(([name]) => name)),
  ];
  const first = IMPACT_HEADER_ROW + 1;
  impacts.forEach((x, i) => {
    const r = first + i;
    const ratio = (num: number) => (x.fairShare === 0 ? '' : num / x.fairShare);
    const accountsAfter = x.before.accounts + x.gained - x.lost;
    const projected: SheetCell =
      x.attainmentAfter === null
        ? cell(x.rep.status === 'Departing' ? 'departing' : 'n/a', { align: 'right', italic: true })
        : fcell(`IF(O${r}=0,"",Q${r}/O${r})`, x.attainmentAfter, { numFmt: FMT.pct });
    rows.push([
      cell(labels.get(x.rep.id) ?? x.rep.id, { bold: true }),
      cell(x.rep.status),
      cell(x.before.potential, { numFmt: FMT.money }),
      cell(x.after.potential, { numFmt: FMT.money }),
      cell(x.fairShare, { numFmt: FMT.money }),
      fcell(`IF($E${r}=0,"",C${r}/$E${r})`, ratio(x.before.potential), { numFmt: FMT.pct }),
      fcell(`IF($E${r}=0,"",D${r}/$E${r})`, ratio(x.after.potential), { numFmt: FMT.pct }),
      cell(x.before.accounts, { numFmt: FMT.int }),
      fcell(`COUNTIFS(${toRange},$A${r})`, x.gained, { numFmt: FMT.int }),
      fcell(`COUNTIFS(${fromRange},$A${r})`, x.lost, { numFmt: FMT.int }),
      fcell(`H${r}+I${r}-J${r}`, accountsAfter, { numFmt: FMT.int }),
      cell(x.before.workload, { numFmt: FMT.dec1 }),
      cell(x.after.workload, { numFmt: FMT.dec1 }),
      cell(x.quotaBefore, { numFmt: FMT.money }),
      cell(x.quotaAfter, { numFmt: FMT.money }),
      cell(x.attainmentBefore, { numFmt: FMT.pct }),
      cell(x.rep.status === 'Departing' ? null : x.bookingsAfter, { numFmt: FMT.money }),
      projected,
    ]);
  });
  const last = first + impacts.length - 1;
  const t = last + 1;
  const total = (col: string, v: number, numFmt: string): SheetCell =>
    fcell(`SUM(${col}${first}:${col}${last})`, v, { numFmt, bold: true, fill: COLORS.total });
  const add = (pick: (x: (typeof impacts)[number]) => number | null) => {
    let s = 0;
    for (const x of impacts) s += pick(x) ?? 0;
    return s;
  };
  const totPotBefore = add((x) => x.before.potential);
  const totPotAfter = add((x) => x.after.potential);
  const totFair = add((x) => x.fairShare);
  const blank = cell(null, { fill: COLORS.total });
  if (impacts.length > 0) rows.push([
    cell('Team total', { bold: true, fill: COLORS.total }),
    blank,
    total('C', totPotBefore, FMT.money),
    total('D', totPotAfter, FMT.money),
    total('E', totFair, FMT.money),
    fcell(`IF($E${t}=0,"",C${t}/$E${t})`, totFair === 0 ? '' : totPotBefore / totFair, { numFmt: FMT.pct, bold: true, fill: COLORS.total }),
    fcell(`IF($E${t}=0,"",D${t}/$E${t})`, totFair === 0 ? '' : totPotAfter / totFair, { numFmt: FMT.pct, bold: true, fill: COLORS.total }),
    total('H', add((x) => x.before.accounts), FMT.int),
    total('I', add((x) => x.gained), FMT.int),
    total('J', add((x) => x.lost), FMT.int),
    total('K', add((x) => x.before.accounts + x.gained - x.lost), FMT.int),
    total('L', add((x) => x.before.workload), FMT.dec1),
    total('M', add((x) => x.after.workload), FMT.dec1),
    total('N', add((x) => x.quotaBefore), FMT.money),
    total('O', add((x) => x.quotaAfter), FMT.money),
    blank,
    total('Q', add((x) => (x.rep.status === 'Departing' ? 0 : x.bookingsAfter)), FMT.money),
    blank,
  ]);
  rows.push([]);
  let unassigned = 0;
  let unassignedPotential = 0;
  const repIds = new Set(data.reps.map((r) => r.id));
  for (const a of data.accounts) {
    if (a.owner === null || !repIds.has(a.owner)) {
      unassigned += 1;
      unassignedPotential += a.potential;
    }
  }
  if (unassigned > 0) rows.push(...notes(`Before the plan ${unassigned} account(s) with potential of ${money(unassignedPotential)} had no owner on the Reps sheet; they are placed in the plan.`));
  const method = fairShareMethod(data, plan.scenario.withinRegion);
  rows.push(...notes(`${method[0].toUpperCase()}${method.slice(1)}. % of fair share = potential ÷ fair share.`));
  rows.push(...notes(`Quota: ${QUOTA_METHOD}`));
  rows.push(...notes(ATTAINMENT_METHOD));
  rows.push(...notes(`Accounts gained and lost are counted over the '${movesSheet}' sheet.`));
  return {
    name: SHEET_NAMES.impact,
    role: 'rep-impact',
    rows,
    columnWidths: COLUMNS.map(([, width]) => width),
    freeze: { rows: IMPACT_HEADER_ROW, cols: 1 },
    conditionalFormats: [
      { range: `G${first}:G${last}`, formula: `IF(G${first}="",FALSE,ABS(G${first}-1)>${data.settings.band})`, fill: COLORS.alarm },
    ],
  };
}
