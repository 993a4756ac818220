/**
 * Apply and Undo on the .xlsx, on random territories with awkward data (owners not on the Reps
 * sheet, blanks, junk cells): rebalance, write the report into the workbook, apply each scenario
 * from its Moves sheet, then undo. Apply writes exactly the plan's owners; Undo gives back the
 * Accounts sheet cell for cell, and the input bytes are never touched.
 */
import ExcelJS from 'exceljs';
import { readWorkbookSheets } from '../../../src/core/read';
import { rebalance } from '../../../src/core/rebalance';
import { describeOutputSheets } from '../../../src/core/report';
import { applyScenarioToWorkbook, undoLastApplyInWorkbook } from '../../../src/hosts/xlsx/applyWorkbook';
import { sheetValuesOf } from '../../../src/hosts/xlsx/read';
import { saveWorkbookBuffer } from '../../../src/hosts/xlsx/save';
import { fuzzTables } from '../../support/fuzzTerritory';
import { packageProblems } from '../../support/xlsxPackage';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

const accountsOf = (wb: ExcelJS.Workbook) => sheetValuesOf(wb).find((s) => s.name === 'Accounts')?.values;

test.each([1, 2, 3, 4, 5, 6])('seed %i: every scenario applies exactly and undoes cell for cell', async (seed) => {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(fuzzTables(seed))) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  }
  const original = accountsOf(wb);
  const data = readWorkbookSheets(sheetValuesOf(wb));
  expect(data.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const result = await rebalance(data, { highs: null, timeLimitMs: 10_000 });
  const saved = await saveWorkbookBuffer(wb, describeOutputSheets(data, result, { generatedAt: '2026-11-22' }));
  const input = Uint8Array.from(saved.buffer);
  let applied = 0;
  for (const plan of result.plans) {
    const changed = plan.owners.filter((o, i) => o !== data.accounts[i].owner).length;
    const apply = await applyScenarioToWorkbook(saved.buffer, plan.scenario.name, '2026-11-22T10:00:00Z');
    expect(apply.result.changed).toBe(changed);
    if (changed === 0) continue;
    applied++;
    expect(await packageProblems(apply.buffer!)).toEqual([]);
    const after = readWorkbookSheets(sheetValuesOf(await load(apply.buffer!)));
    expect(after.accounts.map((a) => a.owner)).toEqual(plan.owners);
    const undo = await undoLastApplyInWorkbook(apply.buffer!);
    expect(undo.result.changed).toBe(changed);
    expect(accountsOf(await load(undo.buffer!))).toEqual(original);
    expect(await packageProblems(undo.buffer!)).toEqual([]);
  }
  expect(applied).toBeGreaterThan(0);
  expect(saved.buffer).toEqual(input); // apply and undo work on copies
});
