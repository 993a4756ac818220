import { allApis, officeApiSupport } from '../../../src/hosts/office/capabilities';
import { createOfficeWorkbookHost, type ExcelRunner } from '../../../src/hosts/office/workbookHost';
import { FakeExcel } from './fakeExcel';

function runnerFor(excel: FakeExcel): ExcelRunner & { batches: number } {
  const run = (async (batch) => {
    run.batches++;
    return batch(excel.context);
  }) as ExcelRunner & { batches: number };
  run.batches = 0;
  return run;
}

function seeded(limitBytes?: number): FakeExcel {
  const excel = new FakeExcel(limitBytes);
  excel.seedSheet('Accounts', [['Account ID', 'Owner', 'Potential'], ['A1', 'R1', 100], ['A2', 'R2', 300], ['A3', 'R1', 200]]);
  excel.seedSheet('Reps', [['Rep ID', 'Name'], ['R1', 'Ana'], ['R2', 'Ben']]);
  return excel;
}

describe('createOfficeWorkbookHost', () => {
  it('runs each call in one Excel.run batch: read, write, apply, undo', async () => {
    const excel = seeded();
    const run = runnerFor(excel);
    const host = createOfficeWorkbookHost(run, { supports: allApis });
    expect(host.kind).toBe('excel');
    const sheets = await host.readSheets();
    expect(sheets[0].values[2]).toEqual(['A2', 'R2', 300]);

    const seen: number[] = [];
    const written = await host.writeOutputs([{ name: 'Rep Impact', role: 'rep-impact', rows: [[{ value: 'Rep' }, { value: 'Accounts' }], [{ value: 'R1' }, { value: 2 }]] }], (p) => seen.push(p.cellsDone));
    expect(written).toEqual({ written: ['Rep Impact'], renamed: [] });
    expect(seen).toEqual([4]);

    const { readWorkbookSheets } = await import('../../../src/core/read');
    const data = readWorkbookSheets(sheets);
    const applied = await host.applyScenario(data, ['R2', 'R2', 'R1'], 'Balanced');
    expect(applied.changed).toBe(1);
    expect(excel.read('Accounts', 'B2:B4')).toEqual([['R2'], ['R2'], ['R1']]);
    const undone = await host.undoLastApply();
    expect(undone.restored).toBe(1);
    expect(excel.read('Accounts', 'B2:B4')).toEqual([['R1'], ['R2'], ['R1']]);
    expect(run.batches).toBe(4);
  });

  it('lets errors reach the caller instead of logging them', async () => {
    // A host whose requests are limited to 100 kB, given a budget of 1 MB a sync: the first sync is refused.
    const excel = seeded(100_000);
    const host = createOfficeWorkbookHost(runnerFor(excel), { supports: allApis, maxCellsPerSync: 1_000_000 });
    const huge = Array.from({ length: 5_000 }, (_, i) => [{ value: `a long enough text to fill the request ${i}` }, { value: i }]);
    await expect(host.writeOutputs([{ name: 'Big', role: 'big', rows: huge }])).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
  });

  it('uses Excel.run and Office requirement sets when running inside Office', async () => {
    const excel = seeded();
    const globals = globalThis as { Excel?: unknown; Office?: unknown };
    globals.Excel = { run: (batch: (c: Excel.RequestContext) => Promise<unknown>) => batch(excel.context) };
    globals.Office = { context: { requirements: { isSetSupported: (name: string, v: string) => name === 'ExcelApi' && Number(v.split('.')[1]) <= 7 } } };
    try {
      expect(['1.4', '1.6', '1.7', '1.12'].map((v) => officeApiSupport(v as '1.4'))).toEqual([true, true, true, false]);
      const host = createOfficeWorkbookHost();
      await host.writeOutputs([{ name: 'Rep Impact', role: 'rep-impact', rows: [[{ value: 'Rep' }]] }]);
      // ExcelApi 1.7 without 1.12: the role goes to the workbook setting, not a custom property
      expect(excel.sheet('Rep Impact').props.size).toBe(0);
      expect(excel.settingsStore.size).toBe(1);
      expect(excel.syncs.slice(1).every((s) => s.suspended || s.cells === 0)).toBe(true);
    } finally {
      delete globals.Excel;
      delete globals.Office;
    }
    expect(officeApiSupport('1.4')).toBe(false);
  });
});
