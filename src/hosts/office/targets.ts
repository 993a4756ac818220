/**
 * Where each output sheet goes. Pure: given the descriptions and the workbook's sheets (with our
 * roles), decide for each description which existing sheet of ours it replaces (same role) or
 * that a new sheet is added, and under which name. A user's sheet is never a target; when it holds
 * the wanted name, ours takes the next free one ("Rep Impact (2)").
 */
import { isFreeSheetName, legalSheetName, safeSheetName } from '../../core/report/sheetNames';

export interface SheetTarget {
  wanted: string;
  used: string;
  /** Index into `existing` of our sheet with the same role, replaced in place; null = add a new sheet. */
  reuse: number | null;
}

export function planSheetTargets(
  descriptions: { name: string; role: string }[],
  existing: { name: string; role: string | null }[],
): SheetTarget[] {
  const taken = existing.map((s) => s.name);
  const claimed = new Set<number>();
  return descriptions.map(({ name, role }) => {
    const reuse = existing.findIndex((s, i) => s.role === role && !claimed.has(i));
    if (reuse >= 0) {
      claimed.add(reuse);
      const current = existing[reuse].name;
      const others = taken.filter((t) => t !== current);
      const legal = legalSheetName(name);
      const used = isFreeSheetName(legal, others) ? legal : current;
      taken[taken.indexOf(current)] = used;
      return { wanted: name, used, reuse };
    }
    const used = safeSheetName(name, taken);
    taken.push(used);
    return { wanted: name, used, reuse: null };
  });
}
