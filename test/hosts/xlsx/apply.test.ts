import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HISTORY_SHEET } from '../../../src/core/apply';
import type { RawCell } from '../../../src/core/model';
import { MOVES_COLUMNS, MOVES_HEADER_ROW } from '../../../src/core/report/moves';
import type { SheetCell, SheetDescription } from '../../../src/core/report/sheet';
import { applyScenarioToFile, undoLastApplyInFile } from '../../../src/hosts/xlsx/apply';
import { rawValue } from '../../../src/hosts/xlsx/read';
import { saveWorkbookBuffer } from '../../../src/hosts/xlsx/save';
import { rawEntries } from '../../../src/hosts/xlsx/zipParts';
import { packageProblems } from '../../support/xlsxPackage';
import { seeded } from './fixtures';

const REPS = [
  ['R-1', 'Ann Lee'],
  ['R-2', 'Bo Chen'],
  ['R-3', 'Cy Diaz'],
];

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tr-xlsx-apply-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface Fixture {
  file: string;
  /** The Owner cells of the input, rows 2.., exactly as typed. */
  owners: RawCell[];
  /** Account ID -> the rep name the Minimal scenario moves it to. */
  moves: Map<string, string>;
}

/** An input workbook: Accounts as an Excel Table with owners typed as names (some untidy, one blank), Reps, and a Moves sheet from a rebalance. */
async function inputWorkbook(seed: number, n: number): Promise<Fixture> {
  const rnd = seeded(seed);
  const wb = new ExcelJS.Workbook();
  const owners: RawCell[] = Array.from({ length: n }, (_, i) => {
    const name = REPS[Math.floor(rnd() * REPS.length)][1];
    return i === 3 ? null : i === 5 ? ` ${name.toUpperCase()}  ` : name;
  });
  const accounts = wb.addWorksheet('Accounts');
  accounts.addTable({
    name: 'Accounts',
    ref: 'A1',
    headerRow: true,
    columns: ['Account ID', 'Account Name', 'Owner', 'Potential', 'Revenue TTM'].map((name) => ({ name })),
    rows: owners.map((o, i) => [`AC-${100 + i}`, `Company ${i}`, o, 1000 + Math.floor(rnd() * 9000), Math.floor(rnd() * 5000)]),
  });
  accounts.getCell('C2').font = { bold: true, color: { argb: 'FF0070C0' } };
  const reps = wb.addWorksheet('Reps');
  reps.addRow(['Rep ID', 'Rep Name', 'Status', 'FTE']);
  for (const [id, name] of REPS) reps.addRow([id, name, 'Active', 1]);

  // every third account moves to the next rep, plus the blank one, which is placed
  const moves = new Map<string, string>();
  owners.forEach((o, i) => {
    if (i % 3 !== 0) return;
    const from = REPS.findIndex(([, name]) => name.toLowerCase() === String(o ?? '').trim().toLowerCase());
    moves.set(`AC-${100 + i}`, REPS[(from + 1) % REPS.length][1]);
  });
  const text = (value: SheetCell['value']): SheetCell => ({ value });
  const rows: SheetCell[][] = [[text('Minimal: moves')], [], [], MOVES_COLUMNS.map((h) => text(h))];
  for (const [id, to] of moves) rows.push(MOVES_COLUMNS.map((h) => text(h === 'Account ID' ? id : h === 'To' ? to : h === 'From' ? 'someone' : null)));
  rows.push([text('Total')]);
  expect(rows[MOVES_HEADER_ROW - 1][0].value).toBe('Account ID');
  const movesSheet: SheetDescription = { name: 'Moves - Minimal', role: 'moves:Minimal', rows };
  const file = path.join(dir, `in-${seed}.xlsx`);
  await fs.writeFile(file, (await saveWorkbookBuffer(wb, [movesSheet])).buffer);
  return { file, owners, moves };
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function ownerCells(wb: ExcelJS.Workbook, n: number): RawCell[] {
  const ws = wb.getWorksheet('Accounts')!;
  return Array.from({ length: n }, (_, i) => rawValue(ws.getCell(`C${i + 2}`)));
}

describe('applyScenarioToFile / undoLastApplyInFile', () => {
  it('applies the Moves sheet to the Owner column, and undo gives back every owner cell exactly; the input never changes', async () => {
    const n = 12;
    const { file, owners, moves } = await inputWorkbook(3, n);
    const before = await fs.readFile(file);

    const applied = path.join(dir, 'applied.xlsx');
    const result = await applyScenarioToFile(file, 'Minimal', applied);
    expect(result.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(result).toMatchObject({ ok: true, batch: 1, changed: moves.size });
    expect(moves.size).toBe(4);

    const wb1 = await open(applied);
    // written into the input's own package: the Reps sheet's compressed bytes are the input's, and the package is sound
    const repsPart = (bytes: Uint8Array) => rawEntries(bytes)!.get('xl/worksheets/sheet2.xml')!.body;
    expect(Buffer.from(repsPart(await fs.readFile(applied))).equals(Buffer.from(repsPart(before)))).toBe(true);
    expect(await packageProblems(await fs.readFile(applied))).toEqual([]);
    const expected = owners.map((o, i) => moves.get(`AC-${100 + i}`) ?? o);
    expect(ownerCells(wb1, n)).toEqual(expected);
    const table = wb1.getWorksheet('Accounts')!.getTables()[0] as unknown as { table: { name: string; tableRef: string } };
    expect(table.table).toMatchObject({ name: 'Accounts', tableRef: `A1:E${n + 1}` });
    expect(wb1.getWorksheet('Accounts')!.getCell('C2').font).toMatchObject({ bold: true, color: { argb: 'FF0070C0' } });
    const history = wb1.getWorksheet(HISTORY_SHEET)!;
    expect(history.getRow(1).values).toEqual([undefined, 'Batch', 'Applied At', 'Scenario', 'Account ID', 'Sheet Row', 'Previous Owner', 'New Owner']);
    expect(history.rowCount).toBe(1 + moves.size);
    expect(history.getCell('D5').value).toBe('AC-109');
    expect(history.getCell('E5').value).toBe(11);
    expect(history.getCell('F3').value).toBe(null);
    expect(history.getCell('G3').value).toBe(moves.get('AC-103'));

    const undone = path.join(dir, 'undone.xlsx');
    const undo = await undoLastApplyInFile(applied, undone);
    expect(undo).toMatchObject({ ok: true, batch: 1, changed: moves.size, problems: [] });
    const wb2 = await open(undone);
    expect(await packageProblems(await fs.readFile(undone))).toEqual([]);
    expect(ownerCells(wb2, n)).toEqual(owners);
    expect(ownerCells(wb2, n)[5]).toMatch(/^ [A-Z ]+ {2}$/);
    expect(wb2.getWorksheet(HISTORY_SHEET)!.rowCount).toBe(1);

    expect((await fs.readFile(file)).equals(before)).toBe(true);
    // and nothing is left to undo
    expect(await undoLastApplyInFile(undone, path.join(dir, 'again.xlsx'))).toMatchObject({ ok: false, problems: [{ message: 'There is no Apply to undo.' }] });
  });

  it('refuses to write over its input, and names the scenarios it has when asked for a missing one', async () => {
    const { file } = await inputWorkbook(4, 6);
    const before = await fs.readFile(file);
    const inPlace = await applyScenarioToFile(file, 'Minimal', path.join(path.dirname(file), '.', path.basename(file)));
    expect(inPlace.ok).toBe(false);
    expect(inPlace.problems[0].message).toContain('is the input file');
    await fs.symlink(file, path.join(dir, 'link.xlsx'));
    expect((await undoLastApplyInFile(file, path.join(dir, 'link.xlsx'))).ok).toBe(false);
    expect((await fs.readFile(file)).equals(before)).toBe(true);

    const missing = await applyScenarioToFile(file, 'Balanced', path.join(dir, 'never.xlsx'));
    expect(missing).toMatchObject({ ok: false, problems: [{ severity: 'error', sheet: 'Moves - Balanced', message: 'No sheet "Moves - Balanced" for scenario "Balanced". Scenarios in this workbook: Minimal.' }] });
    await expect(fs.access(path.join(dir, 'never.xlsx'))).rejects.toThrow();
  });
});
