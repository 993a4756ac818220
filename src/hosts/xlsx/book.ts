/**
 * The workbook part of an .xlsx package as graft.ts (which edits it) and readPackage.ts (which
 * reads the user's tables from it) see it: its sheets in tab order with their parts, the workbook's
 * relationships, and the shared strings. Jszip only, no file system.
 */
import type JSZip from 'jszip';
import { rels, resolve } from './carry';
import { attributes, unescapeXml } from './package';
import { partText, textAt } from './zipParts';

export const WORKBOOK = 'xl/workbook.xml';
export const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

export interface SheetEntry {
  name: string;
  /** The `<sheet .../>` element as written in workbook.xml. */
  tag: string;
  sheetId: number;
  rId: string;
  /** Package path of its part (a worksheet's, or a chartsheet's). */
  path: string;
  /** The relationship type of that part. */
  type: string;
}

export interface Book {
  xml: string;
  sheets: SheetEntry[];
  targets: { id: string; type: string; path: string }[];
  /** The prefix workbook.xml gives the relationships namespace (`r` as Excel writes it). */
  relPrefix: string;
}

/** The workbook part, or null for one these modules do not read (a prefixed main namespace, a `<sheet>` with content, no relationships). */
export async function readBook(zip: JSZip): Promise<Book | null> {
  const file = zip.file(WORKBOOK);
  if (!file || !zip.file(WORKBOOK_RELS)) return null;
  const xml = await partText(file);
  const root = /<workbook\b[^>]*>/.exec(xml);
  if (!root || !root[0].includes(`xmlns="${NS_MAIN}"`) || !/<sheets>[\s\S]*<\/sheets>/.test(xml)) return null;
  const prefix = /\sxmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(root[0])?.[1];
  if (!prefix) return null;
  const targets = (await rels(zip, WORKBOOK)).flatMap((r) => (r.id && r.target && !r.external ? [{ id: r.id, type: r.type, path: resolve(WORKBOOK, r.target) }] : []));
  const sheets: SheetEntry[] = [];
  for (const tag of xml.match(/<sheet\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    const rId = a[`${prefix}:id`];
    const target = targets.find((t) => t.id === rId);
    if (a.name === undefined || !rId || !target || !tag.endsWith('/>')) return null;
    sheets.push({ name: a.name, tag, sheetId: Number(a.sheetId) || 0, rId, path: target.path, type: target.type });
  }
  return { xml, sheets, targets, relPrefix: prefix };
}

/** The workbook's shared strings, in order (none when it has no shared-strings part). */
export async function sharedStrings(zip: JSZip, book: Book): Promise<string[]> {
  const path = book.targets.find((t) => t.type.endsWith('/sharedStrings'))?.path;
  const xml = (path && (await textAt(zip, path))) || '';
  return (xml.match(/<si>[\s\S]*?<\/si>|<si\/>/g) ?? []).map(textRuns);
}

/** The text of an <si> or <is>: its <t> runs, phonetic runs left out. */
export function textRuns(xml: string): string {
  const plain = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) out += decodeText(m[1]);
  return out;
}

/**
 * Cell text as stored -> the text it holds: XML's entities, then the `_xHHHH_` escapes Excel
 * writes for characters XML cannot carry (`_x000D_` a carriage return, `_x005F_` an underscore).
 */
export function decodeText(stored: string): string {
  const text = unescapeXml(stored);
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : text;
}
