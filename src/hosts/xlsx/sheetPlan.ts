/**
 * Which of a workbook's sheets our output replaces or removes, and the names it is written under:
 * decided on sheet names alone, so that both ways of writing a file share it: through ExcelJS's
 * workbook model (render.ts) and straight into the input's own package (graft.ts).
 */
import type { SheetDescription } from '../../core/report/sheet';
import { applyRenames, safeSheetName, type SheetRename } from '../../core/report/sheetNames';

export interface SheetPlan {
  /** Our old sheets to take out: those of the roles written now, any of ours holding a wanted name, and stale ones. */
  remove: string[];
  /** Of `remove`, those not replaced by a sheet of the same role (reported to the user). */
  removed: string[];
  /** role -> the old sheet it replaces, whose place in the tab order the new one takes. */
  replaces: Map<string, string>;
  /** The descriptions as written: names and every formula / chart reference follow `renamed`. */
  asWritten: SheetDescription[];
  /** Our sheets that could not take their wanted name because a user sheet has it. */
  renamed: SheetRename[];
  /** The ownership record after writing: role -> sheet name. */
  owned: Map<string, string>;
}

/**
 * `tabs`: every sheet name of the workbook (the very hidden record included); `owned`: the record
 * read from it (role -> sheet name; roles whose sheet is gone are dropped here). `removeStale`:
 * also remove our sheets of roles not written now when it returns true.
 */
export function planSheets(
  tabs: readonly string[],
  owned: ReadonlyMap<string, string>,
  sheets: SheetDescription[],
  removeStale?: (role: string) => boolean,
): SheetPlan {
  const present = new Set(tabs);
  const after = new Map([...owned].filter(([, name]) => present.has(name)));
  const wantedNames = new Set(sheets.map((s) => s.name.toLowerCase()));
  const remove: string[] = [];
  const removed: string[] = [];
  const replaces = new Map<string, string>();
  for (const [role, name] of [...after]) {
    const rewritten = sheets.some((s) => s.role === role);
    const stale = !rewritten && (removeStale?.(role) ?? false);
    if (!rewritten && !stale && !wantedNames.has(name.toLowerCase())) continue;
    remove.push(name);
    if (rewritten) replaces.set(role, name);
    else removed.push(name);
    after.delete(role);
  }
  const gone = new Set(remove);
  const taken = tabs.filter((name) => !gone.has(name));
  const used = sheets.map((sheet) => {
    const name = safeSheetName(sheet.name, taken);
    taken.push(name);
    return name;
  });
  const { sheets: asWritten, renamed } = applyRenames(sheets, used);
  for (const sheet of asWritten) after.set(sheet.role, sheet.name);
  return { remove, removed, replaces, asWritten, renamed, owned: after };
}
