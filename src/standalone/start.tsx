/**
 * Starts the pane as a plain web page (no Office host): a file WorkbookHost over the xlsx host,
 * the optimizer in a Web Worker, and office.js kept from phoning home.
 */
import { mountPane } from '../taskpane/mount';
import { startExcelPane } from '../taskpane/startExcel';
import { createBrowserOptimizer } from '../taskpane/optimizer';
import { downloadBytes, readFileBytes } from './download';
import { createFileWorkbookHost } from './fileWorkbookHost';

/**
 * Outside Office, office.js still loads a telemetry frame from a Microsoft server after 3 s.
 * The page promises to request nothing off the machine, so that frame is switched off here
 * (the CSP would block it too).
 */
function silenceOfficeTelemetry(): void {
  const osf = (globalThis as { OSF?: { Logger?: { ulsEndpoint?: { loadProxyFrame?: () => void } | null } } }).OSF;
  const endpoint = osf?.Logger?.ulsEndpoint;
  if (endpoint) endpoint.loadProxyFrame = () => undefined;
}

export function startStandalone(container: HTMLElement): void {
  silenceOfficeTelemetry();
  document.title = 'Territory Rebalancer (standalone)';
  const host = createFileWorkbookHost(downloadBytes);
  mountPane(container, {
    mode: 'standalone',
    host,
    optimizer: createBrowserOptimizer(),
    openFile: async (file) => host.open(await readFileBytes(file), file.name),
  });
}

/**
 * The entry of both pages (taskpane.html, index.html): Office.onReady decides the host. Inside
 * Excel the pane works on the open workbook; in a plain browser (host null, or no office.js) it
 * runs as the standalone page on a local file.
 */
export function startPage(page: string): void {
  const container = document.getElementById('container');
  if (!container) throw new Error(`${page} has no #container`);
  if (typeof Office === 'undefined') startStandalone(container);
  else void Office.onReady((info) => (info.host === Office.HostType.Excel ? startExcelPane(container) : startStandalone(container)));
}
