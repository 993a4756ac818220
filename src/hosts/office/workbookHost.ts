/**
 * The WorkbookHost inside Excel: each call is one `Excel.run` batch over the office modules.
 * Errors are not caught here; they reject the promise and the pane shows them.
 */
import type { WorkbookHost } from '../workbookHost';
import { applyScenario, undoLastApply, type ApplyOptions } from './apply';
import { readSheets } from './read';
import { renderSheets } from './render';

/** Runs a batch against the workbook: `Excel.run` in Excel, a fake context in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const excelRun: ExcelRunner = (batch) => Excel.run(batch);

export function createOfficeWorkbookHost(run: ExcelRunner = excelRun, options: ApplyOptions = {}): WorkbookHost {
  return {
    kind: 'excel',
    readSheets: () => run((context) => readSheets(context, options)),
    writeOutputs: (sheets, onProgress) => run((context) => renderSheets(context, sheets, { ...options, onProgress })),
    applyScenario: (data, owners, scenarioName) => run((context) => applyScenario(context, data, owners, scenarioName, options)),
    undoLastApply: () => run((context) => undoLastApply(context, options)),
  };
}
