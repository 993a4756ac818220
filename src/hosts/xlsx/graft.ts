/**
 * The rebalance output written into the input's own package: every part of the user's workbook
 * stays as it was (its sheets, pivot tables, slicers, comments, data validations, macros' parts,
 * custom XML: whatever ExcelJS would not read back), our old output sheets come out, and ours go
 * in, rendered alone through ExcelJS (sheetXml.ts writes their cells) and copied over with their
 * charts, their styles merged into the user's (styleMerge.ts). Where loading and saving the whole
 * workbook through ExcelJS took 7 s at 50k accounts, only our sheets are written here.
 *
 * Returns null for a package it does not know how to edit (a main namespace with a prefix, no
 * styles part, a workbook part elsewhere than xl/workbook.xml): the caller then writes the file
 * through ExcelJS as before (write.ts). Jszip only, no file system.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ownershipRows, OWNERSHIP_SHEET } from '../../core/report/ownership';
import { columnNumber, type CellValue, type SheetDescription } from '../../core/report/sheet';
import { NS_MAIN, readBook, REL_WORKSHEET, WORKBOOK, WORKBOOK_RELS, type SheetEntry } from './book';
import { PartCopier, relationshipsIn, relativeTarget, resolve } from './carry';
import { addOverrides, addRelationship, attributes, nextPartNumber, relsPathOf } from './package';
import { readRecord } from './readPackage';
import type { RenderResult } from './render';
import { renderToPackage, type PassThrough } from './save';
import { planSheets } from './sheetPlan';
import { cellXml, dimensionRef, escapeText, sheetDataXml } from './sheetXml';
import { mergeStyles, restyleSheet, type MergedStyles } from './styleMerge';
import { partText } from './zipParts';

/** Values written into cells of a user's sheet (Apply's and Undo's Owner cells). */
export interface CellEdits {
  sheet: string;
  cells: { row: number; column: string; value: CellValue }[];
}

export interface GraftOptions {
  /** As RenderOptions.removeStale: our sheets of roles not written now that are removed too. */
  removeStale?: (role: string) => boolean;
  /** Open the workbook on the first sheet written (the only one selected). */
  activateFirst?: boolean;
  /** Values written into cells of a user's sheet (Apply's and Undo's Owner cells), each keeping its format. */
  cellEdits?: CellEdits;
}

export interface GraftResult {
  /** The edited package, uncompressed where it changed. */
  zip: JSZip;
  /** Its parts still exactly as in the input, for the packer (SaveOptions.pack). */
  keep: PassThrough;
  written: string[];
  renamed: RenderResult['renamed'];
  removed: string[];
  /** The descriptions as written (names and references follow `renamed`). */
  sheets: SheetDescription[];
}

const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export async function graftOutputSheets(original: Uint8Array, sheets: SheetDescription[], options: GraftOptions = {}): Promise<GraftResult | null> {
  const zip = await JSZip.loadAsync(original);
  const loaded = new Map(Object.entries(zip.files));
  const book = await readBook(zip);
  if (!book) return null;
  const stylesPath = book.targets.find((t) => t.type.endsWith('/styles'))?.path;
  const stylesFile = stylesPath ? zip.file(stylesPath) : null;
  if (!stylesPath || !stylesFile) return null;

  if (options.cellEdits && options.cellEdits.cells.length > 0) {
    const target = book.sheets.find((s) => s.name === options.cellEdits!.sheet);
    const file = target ? zip.file(target.path) : null;
    const edited = file ? editCells(await partText(file), options.cellEdits.cells) : null;
    if (!target || !edited) return null;
    zip.file(target.path, edited);
  }

  const record = book.sheets.find((s) => s.name === OWNERSHIP_SHEET);
  const owned = await readRecord(zip, book);
  const plan = planSheets(
    book.sheets.map((s) => s.name),
    owned,
    sheets,
    options.removeStale,
  );

  // our sheets alone, rendered into a workbook of their own; their style indices mapped into the user's styles
  const merge: { styles?: MergedStyles | null } = {};
  const { zip: ours, rendered } = await renderToPackage(new ExcelJS.Workbook(), plan.asWritten, { activateFirst: options.activateFirst }, async (z) => {
    const styles = mergeStyles(await partText(stylesFile), await partText(z.file('xl/styles.xml')!));
    merge.styles = styles;
    return (xml) => (styles ? restyleSheet(xml, styles) : xml);
  });
  if (!merge.styles) return null;
  zip.file(stylesPath, merge.styles.xml);

  const reachableBefore = await reachableParts(zip);
  const oursBook = await readBook(ours);
  if (!oursBook) throw new Error('graftOutputSheets: ExcelJS wrote a workbook part this cannot read');
  const copier = new PartCopier(ours, zip);
  const added = new Map<string, string>(); // name -> new <sheet> element
  let nextSheetId = Math.max(0, ...book.sheets.map((s) => s.sheetId)) + 1;
  for (const name of rendered.written) {
    const source = oursBook.sheets.find((s) => s.name === name);
    if (!source) throw new Error(`graftOutputSheets: ExcelJS wrote no sheet "${name}"`);
    const path = await copier.copy(source.path);
    const rId = await addRelationship(zip, WORKBOOK_RELS, REL_WORKSHEET, relativeTarget(WORKBOOK, path));
    added.set(name, `<sheet name="${escapeText(name)}" sheetId="${nextSheetId++}" ${book.relPrefix}:id="${rId}"/>`);
  }
  await copier.writeContentTypes();

  // the record of our sheets: rewritten in place, or added very hidden at the end
  const recordXml = ownershipSheetXml(plan.owned);
  let recordTag = record?.tag;
  if (record) zip.file(record.path, recordXml);
  else {
    const path = `xl/worksheets/sheet${nextPartNumber(zip, /^xl\/worksheets\/sheet(\d+)\.xml$/)}.xml`;
    zip.file(path, recordXml);
    await addOverrides(zip, [{ part: path, type: CT_WORKSHEET }]);
    const rId = await addRelationship(zip, WORKBOOK_RELS, REL_WORKSHEET, relativeTarget(WORKBOOK, path));
    recordTag = `<sheet name="${OWNERSHIP_SHEET}" sheetId="${nextSheetId++}" state="veryHidden" ${book.relPrefix}:id="${rId}"/>`;
  }

  // the new tab order: a replaced sheet's successor takes its place, the others go at the end (before the record)
  const gone = new Set(plan.remove);
  const successor = new Map([...plan.replaces].map(([role, old]) => [old, plan.asWritten.find((s) => s.role === role)!.name]));
  const order: { tag: string; oldIndex: number | null; name: string }[] = [];
  book.sheets.forEach((s, k) => {
    if (s === record) return;
    if (!gone.has(s.name)) order.push({ tag: s.tag, oldIndex: k, name: s.name });
    else if (successor.has(s.name)) order.push({ tag: added.get(successor.get(s.name)!)!, oldIndex: null, name: successor.get(s.name)! });
  });
  const placed = new Set(order.map((o) => o.name));
  for (const [name, tag] of added) if (!placed.has(name)) order.push({ tag, oldIndex: null, name });
  order.push({ tag: recordTag!, oldIndex: record ? book.sheets.indexOf(record) : null, name: OWNERSHIP_SHEET });

  const removedRIds = new Set(book.sheets.filter((s) => gone.has(s.name)).map((s) => s.rId));
  const newIndexOf = new Map(order.flatMap((o, k) => (o.oldIndex === null ? [] : [[o.oldIndex, k] as const])));
  const active = options.activateFirst && rendered.written.length > 0 ? order.findIndex((o) => o.name === rendered.written[0]) : null;
  zip.file(WORKBOOK, rewriteWorkbook(book.xml, order.map((o) => o.tag), newIndexOf, active));
  await removeRelationships(zip, WORKBOOK_RELS, (r) => removedRIds.has(r.Id ?? '') || (r.Type ?? '').endsWith('/calcChain'));
  if (active !== null) await unselectTabs(zip, book.sheets.filter((s) => !gone.has(s.name) && s !== record));

  // the parts only the removed sheets (or the calculation chain) used go too
  await removeUnreachable(zip, reachableBefore);

  return {
    zip,
    keep: { original, untouched: (path) => zip.files[path] !== undefined && zip.files[path] === loaded.get(path) },
    written: rendered.written,
    renamed: plan.renamed,
    removed: plan.removed,
    sheets: rendered.sheets,
  };
}

/** workbook.xml with its <sheets> in the new order, local names following their sheets (those of removed ones dropped), and the active tab. */
function rewriteWorkbook(xml: string, tags: string[], newIndexOf: Map<number, number>, active: number | null): string {
  let out = xml.replace(/<sheets>[\s\S]*?<\/sheets>/, () => `<sheets>${tags.join('')}</sheets>`);
  out = out.replace(/<definedName\b([^>]*?)\/>|<definedName\b([^>]*)>[\s\S]*?<\/definedName>/g, (whole: string, emptyAttrs?: string, attrs?: string) => {
    const local = /\slocalSheetId="(\d+)"/.exec(emptyAttrs ?? attrs ?? '');
    if (!local) return whole;
    const k = newIndexOf.get(Number(local[1]));
    return k === undefined ? '' : whole.replace(local[0], ` localSheetId="${k}"`);
  });
  out = out.replace(/<definedNames>\s*<\/definedNames>/, '');
  if (active === null) {
    // the active tab stays on the same sheet, wherever it now is
    return out.replace(/(<workbookView\b[^>]*\sactiveTab=")(\d+)"/, (_, head: string, k: string) => `${head}${newIndexOf.get(Number(k)) ?? 0}"`);
  }
  const view = /<workbookView\b[^>]*?(\/?)>/.exec(out);
  if (!view) {
    const views = `<bookViews><workbookView activeTab="${active}"/></bookViews>`;
    return out.replace(/<sheets>/, `${views}<sheets>`);
  }
  let tag = view[0];
  tag = /\sactiveTab="/.test(tag) ? tag.replace(/\sactiveTab="\d+"/, ` activeTab="${active}"`) : tag.replace(/<workbookView\b/, `<workbookView activeTab="${active}"`);
  const first = /\sfirstSheet="(\d+)"/.exec(tag);
  if (first && Number(first[1]) > active) tag = tag.replace(first[0], ` firstSheet="${active}"`);
  return out.slice(0, view.index) + tag + out.slice(view.index + view[0].length);
}

/** Clears tabSelected in the user's sheets, so that only our first sheet is selected (two selected tabs are grouped: an edit would go to both). */
async function unselectTabs(zip: JSZip, sheets: SheetEntry[]): Promise<void> {
  for (const s of sheets) {
    const file = zip.file(s.path);
    if (!file) continue;
    const xml = await partText(file);
    const data = xml.search(/<sheetData[\s>/]/);
    const head = data < 0 ? xml : xml.slice(0, data);
    const cleared = head.replace(/(<sheetView\b[^>]*?)\stabSelected="(1|true)"/g, '$1');
    if (cleared !== head) zip.file(s.path, cleared + xml.slice(head.length));
  }
}

/** Every part reachable from the package's root relationships (the parts a reader sees). */
async function reachableParts(zip: JSZip): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue: string[] = [];
  const visit = async (relsPath: string, from: string) => {
    for (const r of await relationshipsIn(zip, relsPath)) {
      if (r.external || !r.target) continue;
      const path = resolve(from, r.target);
      if (!seen.has(path)) (seen.add(path), queue.push(path));
    }
  };
  await visit('_rels/.rels', '');
  while (queue.length > 0) {
    const part = queue.pop()!;
    await visit(relsPathOf(part), part);
  }
  return seen;
}

/** Removes the parts of `before` no relationship reaches any more (with their relationships and content types). */
async function removeUnreachable(zip: JSZip, before: Set<string>): Promise<void> {
  const after = await reachableParts(zip);
  const orphans = [...before].filter((p) => !after.has(p));
  for (const p of orphans) {
    zip.remove(p);
    zip.remove(relsPathOf(p));
  }
  if (orphans.length > 0) await removeOverrides(zip, new Set(orphans));
}

async function removeRelationships(zip: JSZip, relsPath: string, drop: (attrs: Record<string, string>) => boolean): Promise<void> {
  const xml = await partText(zip.file(relsPath)!);
  const kept = xml.replace(/<Relationship\b[^>]*?(\/>|>[\s\S]*?<\/Relationship>)/g, (tag) => (drop(attributes(tag.slice(0, tag.indexOf('>') + 1))) ? '' : tag));
  if (kept !== xml) zip.file(relsPath, kept);
}

async function removeOverrides(zip: JSZip, parts: Set<string>): Promise<void> {
  const xml = await partText(zip.file('[Content_Types].xml')!);
  const kept = xml.replace(/<Override\b[^>]*>/g, (tag) => (parts.has((attributes(tag).PartName ?? '').replace(/^\//, '')) ? '' : tag));
  if (kept !== xml) zip.file('[Content_Types].xml', kept);
}

/** The very hidden record (ownership.ts's format) as a worksheet part, its cells written as our sheets' are (sheetXml.ts). */
function ownershipSheetXml(owned: Map<string, string>): string {
  const sheet: SheetDescription = { name: OWNERSHIP_SHEET, role: '', rows: ownershipRows(owned).map((row) => row.map((value) => ({ value }))) };
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}"><dimension ref="${dimensionRef(sheet)}"/>${sheetDataXml(sheet, new Map())}</worksheet>`;
}

/**
 * The sheet with `cells` set, each keeping its style (`s`); a cell set to nothing without a style
 * goes. Null when a row to edit is missing or has a cell without its address (allowed by the
 * format, never written by Excel), or a cell to overwrite holds the formula other cells share: the
 * caller then edits the workbook through ExcelJS.
 */
export function editCells(sheetXml: string, cells: CellEdits['cells']): string | null {
  const byRow = new Map<number, Map<string, CellValue>>();
  for (const c of cells) {
    let row = byRow.get(c.row);
    if (!row) byRow.set(c.row, (row = new Map()));
    row.set(c.column, c.value);
  }
  let edited = 0;
  let failed = false;
  const out = sheetXml.replace(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g, (whole: string, attrs: string, body: string | undefined) => {
    const n = Number(/\sr="(\d+)"/.exec(attrs)?.[1]);
    const wanted = byRow.get(n);
    if (!wanted || failed) return whole;
    edited++;
    const left = new Map([...wanted].sort((a, b) => columnNumber(a[0]) - columnNumber(b[0])));
    const parts: string[] = [];
    const rest = body ?? '';
    // the row's cells in order; a new one goes before the first cell to its right
    const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    let last = 0;
    for (let m = cellRe.exec(rest); m; m = cellRe.exec(rest)) {
      const at = /\sr="([A-Z]+)(\d+)"/.exec(m[1]);
      if (!at) {
        failed = true;
        return whole;
      }
      parts.push(rest.slice(last, m.index));
      last = m.index + m[0].length;
      for (const [column, value] of [...left]) {
        if (columnNumber(column) >= columnNumber(at[1])) continue;
        parts.push(cellXml(`${column}${n}`, { value }, 0));
        left.delete(column);
      }
      if (left.has(at[1])) {
        // the first cell of a shared formula: the cells that share it would lose it
        if (/<f\b[^>]*\bt="shared"[^>]*\bref="/.test(m[2] ?? '')) {
          failed = true;
          return whole;
        }
        const s = Number(/\ss="(\d+)"/.exec(m[1])?.[1] ?? 0);
        parts.push(cellXml(`${at[1]}${n}`, { value: left.get(at[1])! }, s));
        left.delete(at[1]);
      } else parts.push(m[0]);
    }
    for (const [column, value] of left) parts.push(cellXml(`${column}${n}`, { value }, 0));
    // what follows the last cell (a row's extLst) stays after the cells
    const cellsXml = parts.join('') + rest.slice(last);
    // spans (a reader's hint of the row's first and last columns) may no longer hold: left out
    return `<row${attrs.replace(/\sspans="[^"]*"/, '')}>${cellsXml}</row>`;
  });
  return failed || edited !== byRow.size ? null : out;
}
