/**
 * Task pane entry (taskpane.html): the pane inside Excel, the standalone page in a plain browser
 * (see startPage). The custom functions are bundled into this page too (shared runtime), see
 * webpack.config.js.
 */
import { startPage } from '../standalone/start';

startPage('taskpane.html');
