/**
 * Our output sheets' cells written straight into the package, not through ExcelJS's cell model.
 * ExcelJS still writes everything around the cells (column widths, frozen panes, merges,
 * conditional formats and their styles, page setup, tab colour) and registers every cell style:
 * render.ts gives it one representative cell per distinct style, whose `s` attribute in the
 * written sheet is that style's index. The sheet's <sheetData> is then replaced by the one written
 * here. At 50k accounts the output sheets hold ~45 MB of XML; ExcelJS built a cell object for each
 * of their cells and its garbage collection took 4.9 s of a 12.4 s save.
 *
 * Strings are written inline (t="inlineStr"), as ExcelJS writes rich text, so the shared-string
 * table stays ExcelJS's own; formula cells carry their cached results exactly as ExcelJS writes them.
 */
import { columnLetter, parseA1Range, writableValue, type SheetCell, type SheetDescription } from '../../core/report/sheet';

/** One key per distinct cell style (the same key render.ts shares ExcelJS style objects by). */
export function styleKey(cell: SheetCell): string {
  return `${cell.numFmt ?? ''}|${cell.bold ?? ''}|${cell.italic ?? ''}|${cell.size ?? ''}|${cell.fontColor ?? ''}|${cell.fill ?? ''}|${cell.align ?? ''}|${cell.wrap ?? ''}`;
}

/** True when the cell has no formatting at all (ExcelJS gives it style index 0 and writes no `s`). */
export function isPlain(cell: SheetCell): boolean {
  return !cell.numFmt && !cell.bold && !cell.italic && !cell.size && !cell.fontColor && !cell.fill && !cell.align && !cell.wrap;
}

/**
 * For each distinct style of the sheet, the first cell that has it (one with a value when there is
 * one: ExcelJS writes an empty cell only when it has a style), outside the cells merged ranges cover
 * besides their first. Style key -> [row, col], zero-based.
 */
export function representativeCells(sheet: SheetDescription): Map<string, [number, number]> {
  const found = new Map<string, [number, number]>();
  const empty = new Map<string, [number, number]>();
  // a cell a merged range covers (not its first) is written with the first's style, whatever its own
  const covered = mergedCells(sheet, () => 0);
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell || isPlain(cell) || covered.get(r)?.has(c)) return;
      const key = styleKey(cell);
      if (found.has(key)) return;
      if (writableValue(cell.value) !== null || cell.formula) found.set(key, [r, c]);
      else if (!empty.has(key)) empty.set(key, [r, c]);
    }),
  );
  for (const [key, at] of empty) if (!found.has(key)) found.set(key, at);
  return found;
}

/**
 * Style key -> index in the package's cellXfs, read from the sheet as ExcelJS wrote it (with only
 * the representative cells). Throws when a representative is missing: the sheet would lose formats.
 */
export function styleIndices(writtenSheetXml: string, representatives: Map<string, [number, number]>): Map<string, number> {
  const byAddress = new Map<string, number>();
  for (const m of writtenSheetXml.matchAll(/<c\b([^>]*?)\/?>/g)) {
    const address = /\br="([A-Z]+\d+)"/.exec(m[1]);
    if (!address) continue;
    const s = /\bs="(\d+)"/.exec(m[1]);
    byAddress.set(address[1], s ? Number(s[1]) : 0);
  }
  const out = new Map<string, number>();
  for (const [key, [r, c]] of representatives) {
    const address = columnLetter(c + 1) + (r + 1);
    const index = byAddress.get(address);
    if (index === undefined) throw new Error(`sheetXml: ExcelJS wrote no cell ${address} to register its style`);
    out.set(key, index);
  }
  return out;
}

/**
 * The sheet's <sheetData> element, every cell styled by `styles` (style key -> cellXfs index). The
 * cells a merged range covers besides its first take that cell's style and no value, as ExcelJS
 * writes them (whatever the description holds there).
 */
export function sheetDataXml(sheet: SheetDescription, styles: Map<string, number>): string {
  const styleOf = (cell: SheetCell) => (isPlain(cell) ? 0 : (styles.get(styleKey(cell)) ?? 0));
  const covered = mergedCells(sheet, styleOf);
  const parts: string[] = ['<sheetData>'];
  const letters: string[] = [];
  const rowCount = Math.max(sheet.rows.length, covered.size > 0 ? Math.max(...covered.keys()) + 1 : 0);
  for (let r = 0; r < rowCount; r++) {
    const row = sheet.rows[r] ?? [];
    const merged = covered.get(r);
    const width = merged ? Math.max(row.length, ...merged.keys()) + 1 : row.length;
    const n = r + 1;
    let cells = '';
    for (let c = 0; c < width; c++) {
      const address = (letters[c] ??= columnLetter(c + 1)) + n;
      const mergedStyle = merged?.get(c);
      const cell = row[c];
      if (mergedStyle !== undefined) cells += mergedStyle > 0 ? `<c r="${address}" s="${mergedStyle}"/>` : '';
      else if (cell) cells += cellXml(address, cell, styleOf(cell));
    }
    if (cells) parts.push(`<row r="${n}">${cells}</row>`);
  }
  parts.push('</sheetData>');
  return parts.join('');
}

/** Row -> column -> style index of the cells merged ranges cover besides their first (zero-based). */
export function mergedCells(sheet: SheetDescription, styleOf: (cell: SheetCell) => number): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  for (const range of sheet.merges ?? []) {
    const at = parseA1Range(range);
    if (!at) continue;
    const first = sheet.rows[at.top - 1]?.[at.left - 1];
    const s = first ? styleOf(first) : 0;
    for (let r = at.top - 1; r < at.bottom; r++)
      for (let c = at.left - 1; c < at.right; c++) {
        if (r === at.top - 1 && c === at.left - 1) continue;
        let row = out.get(r);
        if (!row) out.set(r, (row = new Map()));
        row.set(c, s);
      }
  }
  return out;
}

/** One cell, as ExcelJS's cell-xform writes it (strings inline); '' for an empty cell without a style. */
export function cellXml(address: string, cell: SheetCell, s: number): string {
  const style = s > 0 ? ` s="${s}"` : '';
  const value = writableValue(cell.value);
  if (cell.formula) {
    const f = `<f>${escapeText(cell.formula)}</f>`;
    if (value === null) return `<c r="${address}"${style}>${f}</c>`;
    if (typeof value === 'string') return `<c r="${address}"${style} t="str">${f}<v>${escapeText(value)}</v></c>`;
    if (typeof value === 'boolean') return `<c r="${address}"${style} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
    return `<c r="${address}"${style}>${f}<v>${value}</v></c>`;
  }
  if (value === null) return s > 0 ? `<c r="${address}"${style}/>` : '';
  if (typeof value === 'number') return `<c r="${address}"${style}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${address}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = escapeText(value);
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${address}"${style} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/** The range the sheet's cells and merged ranges span, for <dimension> ('A1' when it has none). */
export function dimensionRef(sheet: SheetDescription): string {
  let bottom = 0;
  let right = 0;
  sheet.rows.forEach((row, r) => {
    for (let c = row.length - 1; c >= 0; c--) {
      const cell = row[c];
      if (cell && (writableValue(cell.value) !== null || cell.formula || !isPlain(cell))) {
        bottom = r + 1;
        right = Math.max(right, c + 1);
        break;
      }
    }
  });
  for (const range of sheet.merges ?? []) {
    const at = parseA1Range(range);
    if (at) (bottom = Math.max(bottom, at.bottom)), (right = Math.max(right, at.right));
  }
  return bottom === 0 ? 'A1' : `A1:${columnLetter(right)}${bottom}`;
}

/** The written sheet with its <sheetData> replaced by `sheetData` and its <dimension> set to `dimension`. */
export function replaceSheetData(writtenSheetXml: string, sheetData: string, dimension: string): string {
  const start = writtenSheetXml.search(/<sheetData\s*\/>|<sheetData>/);
  if (start < 0) throw new Error('sheetXml: the written sheet has no <sheetData>');
  const selfClosing = /^<sheetData\s*\/>/.exec(writtenSheetXml.slice(start));
  const end = selfClosing ? start + selfClosing[0].length : writtenSheetXml.indexOf('</sheetData>', start) + '</sheetData>'.length;
  if (end < start) throw new Error('sheetXml: the written sheet has an unclosed <sheetData>');
  const head = writtenSheetXml.slice(0, start).replace(/<dimension\b[^>]*\/>/, `<dimension ref="${dimension}"/>`);
  return head + sheetData + writtenSheetXml.slice(end);
}

/** The control characters XML 1.0 cannot hold (all below 0x20 but tab, line feed and carriage return; 0x7F). */
export const XML_INVALID_CHARACTERS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;

/**
 * Text for XML content, as ExcelJS encodes it: the five markup characters escaped, and the control
 * characters that XML 1.0 cannot hold (all below 0x20 but tab, line feed and carriage return; 0x7F) dropped.
 */
export function escapeText(text: string): string {
  if (!/[<>&'"\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(text)) return text;
  return text
    .replace(XML_INVALID_CHARACTERS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
