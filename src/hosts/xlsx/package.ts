/**
 * Adds chart parts to a saved .xlsx package (ExcelJS writes no charts): for each sheet with charts,
 * one drawing part holding a two-cell anchor per chart, the chart parts, their relationships, the
 * worksheet's `<drawing r:id>` element in its schema position, and the content-type overrides.
 * Works with jszip only, so it runs in the browser as well as in Node.
 */
import JSZip from 'jszip';
import type { ChartDescription } from '../../core/report/sheet';
import { chartXml, drawingXml, type ChartCache } from './chart';
import { textAt } from './zipParts';

export interface ChartPlacement {
  sheetName: string;
  chart: ChartDescription;
  cache: ChartCache;
}

export const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const NS_PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** CT_Worksheet children that come after `drawing`; the drawing element goes before the first one present. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** Adds the charts to the package in place (the caller compresses it once, when every part is in). */
export async function addCharts(zip: JSZip, charts: ChartPlacement[]): Promise<void> {
  if (charts.length === 0) return;
  const sheetPaths = await worksheetPaths(zip);
  let nextDrawing = nextPartNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let nextChart = nextPartNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  const overrides: { part: string; type: string }[] = [];

  const bySheet = new Map<string, ChartPlacement[]>();
  for (const c of charts) bySheet.set(c.sheetName, [...(bySheet.get(c.sheetName) ?? []), c]);

  for (const [sheetName, placements] of bySheet) {
    const sheetPath = sheetPaths.get(sheetName);
    if (!sheetPath) throw new Error(`addCharts: no worksheet named "${sheetName}" in the package`);
    const drawingPath = `xl/drawings/drawing${nextDrawing++}.xml`;
    const chartRels: string[] = [];
    placements.forEach((p, k) => {
      const chartPath = `xl/charts/chart${nextChart++}.xml`;
      zip.file(chartPath, chartXml(p.chart, p.cache));
      overrides.push({ part: chartPath, type: CT_CHART });
      chartRels.push(relationship(`rId${k + 1}`, REL_CHART, `../charts/${basename(chartPath)}`));
    });
    zip.file(drawingPath, drawingXml(placements.map((p) => p.chart)));
    zip.file(relsPathOf(drawingPath), relationships(chartRels));
    overrides.push({ part: drawingPath, type: CT_DRAWING });
    const rId = await addRelationship(zip, relsPathOf(sheetPath), REL_DRAWING, `../drawings/${basename(drawingPath)}`);
    const sheetXml = await text(zip, sheetPath);
    zip.file(sheetPath, insertDrawingElement(sheetXml, rId));
  }

  await addOverrides(zip, overrides);
}

/** Content-type overrides for parts added to the package. */
export async function addOverrides(zip: JSZip, overrides: { part: string; type: string }[]): Promise<void> {
  const types = await text(zip, '[Content_Types].xml');
  const added = overrides.map((o) => `<Override PartName="/${o.part}" ContentType="${o.type}"/>`).join('');
  zip.file('[Content_Types].xml', types.replace('</Types>', `${added}</Types>`));
}

/** Place `<drawing r:id>` where CT_Worksheet wants it: after pageSetup/headerFooter/..., before legacyDrawing/tableParts/extLst. */
export function insertDrawingElement(sheetXml: string, rId: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error('addCharts: the worksheet already has a drawing');
  const element = `<drawing r:id="${rId}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const m = new RegExp(`<${name}[\\s/>]`).exec(sheetXml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = sheetXml.lastIndexOf('</worksheet>');
  let out = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  if (!/xmlns:r="/.test(out.slice(0, out.indexOf('>', out.indexOf('<worksheet'))))) {
    out = out.replace('<worksheet', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
  }
  return out;
}

/** Sheet name -> path of its worksheet part, from xl/workbook.xml and its relationships. */
export async function worksheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await text(zip, 'xl/workbook.xml');
  const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    if (a.Id && a.Target) targets.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`);
  }
  const paths = new Map<string, string>();
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    const target = targets.get(a['r:id'] ?? '');
    if (a.name !== undefined && target) paths.set(a.name, target);
  }
  return paths;
}

export async function addRelationship(zip: JSZip, relsPath: string, type: string, target: string): Promise<string> {
  const existing = zip.file(relsPath) ? await text(zip, relsPath) : relationships([]);
  const used = new Set((existing.match(/\bId="([^"]+)"/g) ?? []).map((m) => m.slice(4, -1)));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  zip.file(relsPath, existing.replace('</Relationships>', `${relationship(id, type, target)}</Relationships>`));
  return id;
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
}

function relationships(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_RELS}">${items.join('')}</Relationships>`;
}

export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = unescapeXml(m[2]);
  return out;
}

/** XML text or attribute value -> the string it holds: the five entities and numeric character references. */
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The number after the highest part name `pattern` (one group: the number) matches, 1 when none does. */
export function nextPartNumber(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  zip.forEach((path) => {
    const m = pattern.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max + 1;
}

export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export async function text(zip: JSZip, path: string): Promise<string> {
  const xml = await textAt(zip, path);
  if (xml === null) throw new Error(`addCharts: the package has no ${path}`);
  return xml;
}
