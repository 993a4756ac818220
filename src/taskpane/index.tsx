/**
 * Task pane entry (taskpane.html). Office.onReady decides the host: inside Excel the pane works
 * on the open workbook; in a plain browser (host null) it runs as the standalone page.
 * The custom functions are bundled into this page too (shared runtime), see webpack.config.js.
 */
import { silenceOfficeTelemetry, startStandalone } from '../standalone/start';
import { startExcelPane } from './startExcel';

function container(): HTMLElement {
  const el = document.getElementById('container');
  if (!el) throw new Error('taskpane.html has no #container');
  return el;
}

if (typeof Office === 'undefined') {
  startStandalone(container());
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) startExcelPane(container());
    else {
      silenceOfficeTelemetry();
      startStandalone(container());
    }
  });
}
