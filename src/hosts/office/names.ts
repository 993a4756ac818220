/** Excel's sheet-name rules and reference rewriting, from the core (core/report/sheetNames.ts), for the Office host's callers. */
export { isFreeSheetName, legalSheetName, MAX_SHEET_NAME_LENGTH, retargetSheetRefs, safeSheetName } from '../../core/report/sheetNames';
