/**
 * The task pane bundle carries the custom functions, whose generated `CustomFunctions.associate`
 * calls run as the page loads. office.js defines CustomFunctions, even outside Office; if it could
 * not load at all (taskpane.html opened offline), this stand-in keeps those calls harmless so the
 * pane still starts (as the standalone page).
 */
const scope = globalThis as { CustomFunctions?: { associate: (...args: unknown[]) => void } };
if (typeof scope.CustomFunctions === 'undefined') scope.CustomFunctions = { associate: () => undefined };

export {};
