/**
 * The standalone page (index.html). office.js is served from this site; outside Office,
 * Office.onReady resolves with host null and the page runs on a local file. Opened inside Excel
 * (host Excel), it behaves as the task pane.
 */
import { startExcelPane } from '../taskpane/startExcel';
import { silenceOfficeTelemetry, startStandalone } from './start';

function container(): HTMLElement {
  const el = document.getElementById('container');
  if (!el) throw new Error('index.html has no #container');
  return el;
}

silenceOfficeTelemetry();
if (typeof Office === 'undefined') {
  startStandalone(container());
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) startExcelPane(container());
    else startStandalone(container());
  });
}
