/**
 * What any reader of an .xlsx package relies on: every relationship's target is a part, every part
 * but the relationship parts is reachable from the root and has a content type, every content-type
 * override names a part, and every entry's CRC checks out.
 */
import JSZip from 'jszip';
import { resolve } from '../../src/hosts/xlsx/carry';
import { attributes, relsPathOf } from '../../src/hosts/xlsx/package';

export async function packageProblems(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const parts = Object.keys(zip.files).filter((p) => !zip.files[p].dir);
  const problems: string[] = [];
  const reachable = new Set<string>();
  const queue: [string, string][] = [['_rels/.rels', '']];
  while (queue.length > 0) {
    const [rels, from] = queue.pop()!;
    const file = zip.file(rels);
    if (!file) continue;
    for (const tag of (await file.async('string')).match(/<Relationship\b[^>]*>/g) ?? []) {
      const a = attributes(tag);
      if (a.TargetMode === 'External') continue;
      const target = resolve(from, a.Target);
      if (!zip.file(target)) problems.push(`${rels}: ${a.Id} points at a missing ${target}`);
      else if (!reachable.has(target)) (reachable.add(target), queue.push([relsPathOf(target), target]));
    }
  }
  const types = await zip.file('[Content_Types].xml')!.async('string');
  const overrides = (types.match(/<Override\b[^>]*>/g) ?? []).map((t) => attributes(t).PartName.slice(1));
  const defaults = (types.match(/<Default\b[^>]*>/g) ?? []).map((t) => attributes(t).Extension.toLowerCase());
  for (const o of overrides) if (!zip.file(o)) problems.push(`content type for a missing part ${o}`);
  for (const p of parts) {
    if (p === '[Content_Types].xml' || p.endsWith('.rels')) continue;
    if (!reachable.has(p)) problems.push(`${p} is reachable from no relationship`);
    if (!overrides.includes(p) && !defaults.includes(p.slice(p.lastIndexOf('.') + 1).toLowerCase())) problems.push(`${p} has no content type`);
  }
  return problems;
}

