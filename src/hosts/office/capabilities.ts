/**
 * Which ExcelApi requirement sets the running Excel supports, asked once of Office.js. The write
 * paths degrade when a set is missing instead of failing: no calculation suspension below 1.6, no
 * tab colours / frozen panes / chart series below 1.7, no page setup below 1.9, the sheet marker falls back from worksheet
 * custom properties (1.12) to a workbook setting (1.4).
 */

/** The ExcelApi versions this host looks for. */
export type ExcelApiVersion = '1.4' | '1.6' | '1.7' | '1.9' | '1.12';

export type ApiSupport = (version: ExcelApiVersion) => boolean;

interface OfficeLike {
  context?: { requirements?: { isSetSupported?: (name: string, version?: string) => boolean } };
}

/** Asks `Office.context.requirements`; without Office.js loaded every set counts as missing. */
export const officeApiSupport: ApiSupport = (version) => {
  const office = (globalThis as { Office?: OfficeLike }).Office;
  const isSetSupported = office?.context?.requirements?.isSetSupported;
  return typeof isSetSupported === 'function' ? isSetSupported.call(office?.context?.requirements, 'ExcelApi', version) : false;
};

/** Every set supported (what tests and modern Excel use). */
export const allApis: ApiSupport = () => true;
