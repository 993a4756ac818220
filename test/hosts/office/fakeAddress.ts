/** A1 addresses for the fake Excel: parse "B2", "B2:D9", "A:C", "$A$1", with zero-based results. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function colLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function parseAddress(address: string): Box {
  const a = address.replace(/\$/g, '').trim();
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(a);
  if (cols) {
    const c0 = colNumber(cols[1]) - 1;
    return { row: 0, col: c0, rows: MAX_ROWS, cols: colNumber(cols[2]) - c0 };
  }
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a);
  if (!m) throw new Error(`InvalidArgument: fake Excel cannot parse address "${address}"`);
  const r0 = Number(m[2]) - 1;
  const c0 = colNumber(m[1]) - 1;
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? colNumber(m[3]) - 1 : c0;
  return { row: Math.min(r0, r1), col: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
}

export function formatBox(b: Box): string {
  const tl = `${colLetters(b.col)}${b.row + 1}`;
  if (b.rows === 1 && b.cols === 1) return tl;
  if (b.rows === MAX_ROWS) return `${colLetters(b.col)}:${colLetters(b.col + b.cols - 1)}`;
  return `${tl}:${colLetters(b.col + b.cols - 1)}${b.row + b.rows}`;
}

export function contains(outer: Box, r: number, c: number): boolean {
  return r >= outer.row && r < outer.row + outer.rows && c >= outer.col && c < outer.col + outer.cols;
}

export function inside(inner: Box, outer: Box): boolean {
  return contains(outer, inner.row, inner.col) && contains(outer, inner.row + inner.rows - 1, inner.col + inner.cols - 1);
}
