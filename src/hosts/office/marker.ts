/**
 * Which sheets are ours. Every sheet the add-in writes carries its role ('rep-impact',
 * 'moves:Minimal', 'rebalance-history', ...):
 * - ExcelApi 1.12+: a worksheet custom property `TerritoryRebalancerRole` = role. It travels with
 *   the sheet (rename, copy) and is saved in the file.
 * - older Excel (ExcelApi 1.4+): a workbook setting `TerritoryRebalancer.sheetRoles` holding
 *   { worksheetId: role }. Worksheet ids survive renames; entries of deleted sheets are dropped on
 *   the next write.
 * - a workbook written by the CLI or the standalone page: the `_TerritoryRebalancer` record sheet
 *   (src/core/report/ownership.ts), matched by sheet name.
 * All are read when available, so a workbook marked by any is recognised. A sheet without a
 * marker is the user's, whatever its name, and is never changed.
 */
import { OWNERSHIP_SHEET, parseOwnership } from '../../core/report/ownership';
import type { ApiSupport } from './capabilities';

export const ROLE_PROPERTY = 'TerritoryRebalancerRole';
export const ROLE_SETTING = 'TerritoryRebalancer.sheetRoles';

export interface ExistingSheet {
  name: string;
  id: string;
  /** Our role for the sheet, or null for a user's sheet. */
  role: string | null;
  worksheet: Excel.Worksheet;
}

function roleMap(value: unknown): Record<string, string> {
  const parsed = typeof value === 'string' ? safeParse(value) : value;
  if (!parsed || typeof parsed !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [id, role] of Object.entries(parsed as Record<string, unknown>)) if (typeof role === 'string') out[id] = role;
  return out;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Lists the workbook's sheets with their roles, in two syncs (one when neither custom properties nor a record sheet exist). */
export async function discoverSheets(context: Excel.RequestContext, supports: ApiSupport): Promise<ExistingSheet[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  const setting = supports('1.4') ? context.workbook.settings.getItemOrNullObject(ROLE_SETTING) : null;
  setting?.load('value');
  await context.sync();
  const byId = setting && !setting.isNullObject ? roleMap(setting.value) : {};
  const props = supports('1.12')
    ? worksheets.items.map((ws) => ws.customProperties.getItemOrNullObject(ROLE_PROPERTY).load('value'))
    : null;
  const recordSheet = worksheets.items.find((ws) => ws.name === OWNERSHIP_SHEET);
  const record = recordSheet ? recordSheet.getUsedRangeOrNullObject(true).load('values') : null;
  if (props || record) await context.sync();
  const byName = new Map<string, string>();
  if (record && !record.isNullObject) for (const [role, name] of parseOwnership(record.values)) byName.set(name.toLowerCase(), role);
  return worksheets.items.map((ws, i) => {
    const prop = props?.[i];
    const role = prop && !prop.isNullObject ? prop.value : (byId[ws.id] ?? byName.get(ws.name.toLowerCase()) ?? null);
    return { name: ws.name, id: ws.id, role, worksheet: ws };
  });
}

/** Queues the marker on a sheet we write (the custom property; the setting is saved by `saveRoleSetting`). */
export function markSheet(ws: Excel.Worksheet, role: string, supports: ApiSupport): void {
  if (supports('1.12')) ws.customProperties.add(ROLE_PROPERTY, role);
}

/** Queues the fallback setting { worksheetId: role } when worksheet custom properties are missing. Ids must be loaded. */
export function saveRoleSetting(context: Excel.RequestContext, roles: { id: string; role: string }[], supports: ApiSupport): void {
  if (supports('1.12') || !supports('1.4')) return;
  const map: Record<string, string> = {};
  for (const { id, role } of roles) map[id] = role;
  context.workbook.settings.add(ROLE_SETTING, JSON.stringify(map));
}
