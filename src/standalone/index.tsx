/**
 * The standalone page (index.html). office.js is served from this site; outside Office,
 * Office.onReady resolves with host null and the page runs on a local file. Opened inside Excel
 * (host Excel), it behaves as the task pane (see startPage).
 */
import { startPage } from './start';

startPage('index.html');
