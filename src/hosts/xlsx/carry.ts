/**
 * ExcelJS drops every chart of a workbook it loads and saves again. This copies the drawings that
 * hold charts from the original package into the saved one, sheet by sheet (matched by name),
 * with each part they need (charts, chart styles and colours, shapes, images) under fresh part
 * names, so the user's charts and the charts of our sheets not rewritten this time survive a save.
 * A sheet ExcelJS already wrote a drawing for (it keeps pictures) keeps that one; its charts are
 * reported in `dropped`.
 */
import JSZip from 'jszip';
import { addRelationship, attributes, insertDrawingElement, REL_DRAWING, relsPathOf, text, worksheetPaths } from './package';
import { partContent, partText } from './zipParts';

export interface CarryResult {
  /** Sheets whose charts were carried over. */
  carried: string[];
  /** Sheets whose charts could not be carried over (the saved sheet already has a drawing). */
  dropped: string[];
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** Copies the charts into the saved package `dst` in place (the caller compresses it once, when every part is in). */
export async function carryOverCharts(original: Uint8Array | ArrayBuffer, dst: JSZip, skipSheets: string[]): Promise<CarryResult> {
  const src = await JSZip.loadAsync(original);
  const [srcSheets, dstSheets] = await Promise.all([worksheetPaths(src), worksheetPaths(dst)]);
  const skip = new Set(skipSheets);
  const copier = new PartCopier(src, dst);
  const carried: string[] = [];
  const dropped: string[] = [];
  for (const [name, srcSheet] of srcSheets) {
    const dstSheet = dstSheets.get(name);
    if (skip.has(name) || !dstSheet) continue;
    const drawingRel = (await rels(src, srcSheet)).find((r) => r.type === REL_DRAWING && !r.external);
    if (!drawingRel) continue;
    const drawing = resolve(srcSheet, drawingRel.target);
    if (!(await rels(src, drawing)).some((r) => r.type.endsWith('/chart'))) continue;
    const sheetXml = await text(dst, dstSheet);
    if (/<drawing\b/.test(sheetXml)) {
      dropped.push(name);
      continue;
    }
    const copy = await copier.copy(drawing);
    const rId = await addRelationship(dst, relsPathOf(dstSheet), REL_DRAWING, relativeTarget(dstSheet, copy));
    dst.file(dstSheet, insertDrawingElement(sheetXml, rId));
    carried.push(name);
  }
  if (carried.length > 0) await copier.writeContentTypes();
  return { carried, dropped };
}

/** Copies a part of one package, and every part it relates to, into another under free part names (content types noted). */
export class PartCopier {
  private readonly copied = new Map<string, string>();
  private readonly overrides: string[] = [];
  private readonly defaults = new Map<string, string>();

  constructor(
    private readonly src: JSZip,
    private readonly dst: JSZip,
  ) {}

  /** Copy `path` and everything it relates to; returns the new path. */
  async copy(path: string): Promise<string> {
    const done = this.copied.get(path);
    if (done) return done;
    const target = this.freePath(path);
    this.copied.set(path, target);
    this.dst.file(target, '');
    const links = await rels(this.src, path);
    if (links.length > 0) {
      const rewritten: string[] = [];
      for (const r of links) {
        const to = r.external ? r.target : relativeTarget(target, await this.copy(resolve(path, r.target)));
        rewritten.push(`<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeAttr(to)}"${r.external ? ' TargetMode="External"' : ''}/>`);
      }
      this.dst.file(
        relsPathOf(target),
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rewritten.join('')}</Relationships>`,
      );
    }
    const file = this.src.file(path);
    if (file) this.dst.file(target, await partContent(file));
    await this.noteContentType(path, target);
    return target;
  }

  async writeContentTypes(): Promise<void> {
    let types = await text(this.dst, '[Content_Types].xml');
    for (const [ext, type] of this.defaults) {
      if (!new RegExp(`<Default Extension="${ext}"`, 'i').test(types)) types = types.replace('<Override', `<Default Extension="${ext}" ContentType="${type}"/><Override`);
    }
    this.dst.file('[Content_Types].xml', types.replace('</Types>', `${this.overrides.join('')}</Types>`));
  }

  private async noteContentType(path: string, target: string): Promise<void> {
    const types = await text(this.src, '[Content_Types].xml');
    for (const tag of types.match(/<Override\b[^>]*>/g) ?? []) {
      const a = attributes(tag);
      if (a.PartName === `/${path}`) {
        this.overrides.push(`<Override PartName="/${target}" ContentType="${a.ContentType}"/>`);
        return;
      }
    }
    const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    for (const tag of types.match(/<Default\b[^>]*>/g) ?? []) {
      const a = attributes(tag);
      if (a.Extension?.toLowerCase() === ext && a.ContentType) this.defaults.set(ext, a.ContentType);
    }
  }

  /** `xl/charts/chart3.xml` -> the first `xl/charts/chartN.xml` not in the saved package. */
  private freePath(path: string): string {
    const m = /^(.*\/)?([^/]*?)(\d*)(\.[^./]+)$/.exec(path);
    const [dir, stem, ext] = m ? [m[1] ?? '', m[2], m[4]] : ['', path, ''];
    for (let n = 1; ; n++) {
      const candidate = `${dir}${stem}${n}${ext}`;
      if (!this.dst.file(candidate)) return candidate;
    }
  }
}

/** The relationships of `part` (none when it has no relationship part). */
export function rels(zip: JSZip, part: string): Promise<Rel[]> {
  return relationshipsIn(zip, relsPathOf(part));
}

/** The relationships listed in the relationship part at `relsPath` (`_rels/.rels` for the package's root). */
export async function relationshipsIn(zip: JSZip, relsPath: string): Promise<Rel[]> {
  const file = zip.file(relsPath);
  if (!file) return [];
  const xml = await partText(file);
  return (xml.match(/<Relationship\b[^>]*>/g) ?? []).map((tag) => {
    const a = attributes(tag);
    return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' };
  });
}

/** A relationship target (relative to the source part's folder, or absolute) -> a package path. */
export function resolve(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The relative target from one part to another: `xl/worksheets/sheet1.xml` -> `xl/drawings/drawing2.xml` is `../drawings/drawing2.xml`. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
