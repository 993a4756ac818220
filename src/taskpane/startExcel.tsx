/** Starts the pane inside Excel: the Office.js WorkbookHost and the optimizer in a Web Worker. */
import { createOfficeWorkbookHost } from '../hosts/office/workbookHost';
import { mountPane } from './mount';
import { createBrowserOptimizer } from './optimizer';

export function startExcelPane(container: HTMLElement): void {
  mountPane(container, { mode: 'excel', host: createOfficeWorkbookHost(), optimizer: createBrowserOptimizer() });
}
