/**
 * Our sheets' styles (a styles.xml ExcelJS wrote) merged into another package's styles.xml, so our
 * sheets can be grafted into the user's own package (graft.ts): number formats, fonts, fills,
 * borders, cell formats and conditional-format styles are appended, each reusing an identical
 * entry the target already has (a re-run of the same output adds nothing), and the indices of ours
 * are mapped to their place in the target. Pure string work on the two parts.
 */

export interface MergedStyles {
  /** The target's styles.xml with ours in it. */
  xml: string;
  /** Our cellXfs index -> its index in the merged part. */
  cellXf: number[];
  /** Our dxfs index -> its index in the merged part. */
  dxf: number[];
}

interface Section {
  start: number;
  end: number;
  /** The opening tag as written (self-closing included). */
  open: string;
  /** Everything between the opening and closing tags ('' when self-closing). */
  inner: string;
}

/** The first `<tag ...>...</tag>` or `<tag .../>` element of `xml`, or null. */
export function section(xml: string, tag: string): Section | null {
  const m = new RegExp(`<${tag}(?=[\\s>/])[^>]*>`).exec(xml);
  if (!m) return null;
  const open = m[0];
  if (open.endsWith('/>')) return { start: m.index, end: m.index + open.length, open, inner: '' };
  const close = xml.indexOf(`</${tag}>`, m.index + open.length);
  if (close < 0) return null;
  return { start: m.index, end: close + tag.length + 3, open, inner: xml.slice(m.index + open.length, close) };
}

/** The `<tag>` elements directly inside a section's content (none of these tags nests in itself). */
export function items(inner: string, tag: string): string[] {
  return inner.match(new RegExp(`<${tag}(?:\\s[^>]*?)?/>|<${tag}(?:\\s[^>]*)?>[\\s\\S]*?</${tag}>`, 'g')) ?? [];
}

/** An attribute of an element's opening tag (the first one of that name in `tag`). */
export function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The element's opening tag with `name` set to `value` (added when absent). */
function withAttribute(element: string, name: string, value: string | number): string {
  const end = element.indexOf('>');
  const open = element.slice(0, end);
  const rest = element.slice(end);
  const re = new RegExp(`(\\s${name}=")[^"]*(")`);
  if (re.test(open)) return open.replace(re, `$1${value}$2`) + rest;
  const selfClosing = open.endsWith('/');
  return `${selfClosing ? open.slice(0, -1) : open} ${name}="${value}"${selfClosing ? '/' : ''}${rest}`;
}

/** Appends `ours` to `theirs`, reusing identical entries: our index -> merged index, and the entries added. */
function mergeList(theirs: string[], ours: string[]): { map: number[]; added: string[] } {
  const index = new Map<string, number>();
  theirs.forEach((item, k) => {
    if (!index.has(item)) index.set(item, k);
  });
  const added: string[] = [];
  const map = ours.map((item) => {
    const found = index.get(item);
    if (found !== undefined) return found;
    const k = theirs.length + added.length;
    added.push(item);
    index.set(item, k);
    return k;
  });
  return { map, added };
}

/** First custom number-format id (Excel's built-in formats take 0-163). */
const FIRST_CUSTOM_FORMAT = 164;

/** Null when the target is not a styles part this can merge into (then the caller writes the workbook another way). */
export function mergeStyles(target: string, ours: string): MergedStyles | null {
  if (!/<styleSheet[\s>]/.test(target) || !/<styleSheet[\s>]/.test(ours)) return null;
  const tags = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'] as const;
  const t = Object.fromEntries(tags.map((tag) => [tag, section(target, tag)])) as Record<(typeof tags)[number], Section | null>;
  const o = Object.fromEntries(tags.map((tag) => [tag, section(ours, tag)])) as Record<(typeof tags)[number], Section | null>;
  if (!t.fonts || !t.fills || !t.borders || !t.cellXfs || !o.fonts || !o.fills || !o.borders || !o.cellXfs) return null;

  // number formats: a custom one takes the target's id for the same code, else a free id
  const theirFormats = t.numFmts ? items(t.numFmts.inner, 'numFmt') : [];
  const idOfCode = new Map<string, number>();
  let nextId = FIRST_CUSTOM_FORMAT;
  for (const f of theirFormats) {
    const id = Number(attribute(f, 'numFmtId'));
    const code = attribute(f, 'formatCode');
    if (code !== undefined && !idOfCode.has(code)) idOfCode.set(code, id);
    if (id >= nextId) nextId = id + 1;
  }
  const formatId = new Map<number, number>();
  const addedFormats: string[] = [];
  for (const f of o.numFmts ? items(o.numFmts.inner, 'numFmt') : []) {
    const id = Number(attribute(f, 'numFmtId'));
    const code = attribute(f, 'formatCode') ?? '';
    let mapped = idOfCode.get(code);
    if (mapped === undefined) {
      mapped = nextId++;
      idOfCode.set(code, mapped);
      addedFormats.push(`<numFmt numFmtId="${mapped}" formatCode="${code}"/>`);
    }
    formatId.set(id, mapped);
  }

  const theirs = { fonts: items(t.fonts.inner, 'font'), fills: items(t.fills.inner, 'fill'), borders: items(t.borders.inner, 'border'), xfs: items(t.cellXfs.inner, 'xf') };
  const fonts = mergeList(theirs.fonts, items(o.fonts.inner, 'font'));
  const fills = mergeList(theirs.fills, items(o.fills.inner, 'fill'));
  const borders = mergeList(theirs.borders, items(o.borders.inner, 'border'));
  const remapped = items(o.cellXfs.inner, 'xf').map((xf) => {
    let out = xf;
    const numFmt = Number(attribute(xf, 'numFmtId') ?? 0);
    out = withAttribute(out, 'numFmtId', formatId.get(numFmt) ?? numFmt);
    out = withAttribute(out, 'fontId', fonts.map[Number(attribute(xf, 'fontId') ?? 0)] ?? 0);
    out = withAttribute(out, 'fillId', fills.map[Number(attribute(xf, 'fillId') ?? 0)] ?? 0);
    out = withAttribute(out, 'borderId', borders.map[Number(attribute(xf, 'borderId') ?? 0)] ?? 0);
    return withAttribute(out, 'xfId', 0);
  });
  const xfs = mergeList(theirs.xfs, remapped);
  const theirDxfs = t.dxfs ? items(t.dxfs.inner, 'dxf') : [];
  const dxfs = mergeList(theirDxfs, o.dxfs ? items(o.dxfs.inner, 'dxf') : []);

  // replace the sections from the last to the first, so earlier offsets hold
  const edits: { start: number; end: number; text: string }[] = [];
  const rewrite = (s: Section, tag: string, total: number, added: string[]) => {
    if (added.length === 0) return;
    const open = withAttribute(s.open.endsWith('/>') ? `${s.open.slice(0, -2)}>` : s.open, 'count', total);
    edits.push({ start: s.start, end: s.end, text: `${open}${s.inner}${added.join('')}</${tag}>` });
  };
  if (t.numFmts) rewrite(t.numFmts, 'numFmts', theirFormats.length + addedFormats.length, addedFormats);
  else if (addedFormats.length > 0) {
    const at = /<styleSheet[^>]*>/.exec(target)!;
    const start = at.index + at[0].length;
    edits.push({ start, end: start, text: `<numFmts count="${addedFormats.length}">${addedFormats.join('')}</numFmts>` });
  }
  rewrite(t.fonts, 'fonts', theirs.fonts.length + fonts.added.length, fonts.added);
  rewrite(t.fills, 'fills', theirs.fills.length + fills.added.length, fills.added);
  rewrite(t.borders, 'borders', theirs.borders.length + borders.added.length, borders.added);
  rewrite(t.cellXfs, 'cellXfs', theirs.xfs.length + xfs.added.length, xfs.added);
  if (t.dxfs) rewrite(t.dxfs, 'dxfs', theirDxfs.length + dxfs.added.length, dxfs.added);
  else if (dxfs.added.length > 0) {
    // schema order: ... cellXfs, cellStyles, dxfs, tableStyles ...
    const after = section(target, 'cellStyles') ?? t.cellXfs;
    edits.push({ start: after.end, end: after.end, text: `<dxfs count="${dxfs.added.length}">${dxfs.added.join('')}</dxfs>` });
  }
  // an insertion where a replaced section starts goes in after the replacement, so before that section
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let xml = target;
  for (const e of edits) xml = xml.slice(0, e.start) + e.text + xml.slice(e.end);
  return { xml, cellXf: xfs.map, dxf: dxfs.map };
}

/**
 * A worksheet's style indices mapped into the merged part: each cell's and row's `s`, each column's
 * `style`, each conditional format's `dxfId`. Meant for our sheets as ExcelJS wrote them, before
 * their cells go in (a few KB each), not for a whole sheet of cells.
 */
export function restyleSheet(sheetXml: string, merged: Pick<MergedStyles, 'cellXf' | 'dxf'>): string {
  const map = (table: number[], value: string) => String(table[Number(value)] ?? value);
  return sheetXml
    .replace(/<(c|row)(\s[^>]*?)\ss="(\d+)"/g, (_, tag: string, before: string, s: string) => `<${tag}${before} s="${map(merged.cellXf, s)}"`)
    .replace(/<col(\s[^>]*?)\sstyle="(\d+)"/g, (_, before: string, s: string) => `<col${before} style="${map(merged.cellXf, s)}"`)
    .replace(/<cfRule(\s[^>]*?)\sdxfId="(\d+)"/g, (_, before: string, d: string) => `<cfRule${before} dxfId="${map(merged.dxf, d)}"`);
}
