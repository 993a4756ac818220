/**
 * Parser for the report's formula subset: numbers, "" strings, TRUE/FALSE, cell and range
 * references (relative or absolute, optionally sheet-qualified, quoted or bare), function calls,
 * unary minus, arithmetic, `&` and comparisons, with Excel's precedence.
 */
import { columnNumber, type CellValue } from './sheet';

export type FormulaNode =
  | { k: 'lit'; v: CellValue }
  | { k: 'ref'; sheet: string | null; r1: number; c1: number; r2: number; c2: number }
  | { k: 'call'; name: string; args: FormulaNode[] }
  | { k: 'neg'; x: FormulaNode }
  | { k: 'bin'; op: string; l: FormulaNode; r: FormulaNode };

type Token = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; sheet: string | null; text: string } | { t: 'fn'; v: string } | { t: 'op'; v: string } | { t: 'bool'; v: boolean };

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const readRef = (sheet: string | null) => {
    const m = /^[$A-Za-z0-9]+(:[$A-Za-z0-9]+)?/.exec(src.slice(i));
    if (!m) throw new Error(`Bad reference at ${i} in ${src}`);
    i += m[0].length;
    out.push({ t: 'ref', sheet, text: m[0] });
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ') i++;
    else if (ch === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`Unterminated string in ${src}`);
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else s += src[i++];
      }
      out.push({ t: 'str', v: s });
    } else if (ch === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`Unterminated sheet name in ${src}`);
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            s += "'";
            i += 2;
          } else {
            i++;
            break;
          }
        } else s += src[i++];
      }
      if (src[i] !== '!') throw new Error(`Expected ! after sheet name in ${src}`);
      i++;
      readRef(s);
    } else if (/[0-9.]/.test(ch)) {
      const m = /^\d*\.?\d+(?:[eE][+-]?\d+)?/.exec(src.slice(i)) as RegExpExecArray;
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_$]/.test(ch)) {
      const m = /^[A-Za-z0-9_.$]+/.exec(src.slice(i)) as RegExpExecArray;
      const word = m[0];
      const next = src[i + word.length];
      if (next === '!') {
        i += word.length + 1;
        readRef(word);
      } else if (next === '(') {
        out.push({ t: 'fn', v: word.toUpperCase() });
        i += word.length;
      } else if (/^(TRUE|FALSE)$/i.test(word)) {
        out.push({ t: 'bool', v: word.toUpperCase() === 'TRUE' });
        i += word.length;
      } else readRef(null);
    } else {
      const two = src.slice(i, i + 2);
      if (two === '<=' || two === '>=' || two === '<>') {
        out.push({ t: 'op', v: two });
        i += 2;
      } else if ('+-*/&=<>(),'.includes(ch)) {
        out.push({ t: 'op', v: ch });
        i++;
      } else throw new Error(`Unexpected '${ch}' in ${src}`);
    }
  }
  return out;
}

function parseCell(text: string): { r: number; c: number } {
  const m = CELL_RE.exec(text);
  if (!m) throw new Error(`Bad cell ${text}`);
  return { r: Number(m[2]), c: columnNumber(m[1]) };
}

export function parseFormula(src: string): FormulaNode {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => peek()?.t === 'op' && (peek() as { v: string }).v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new Error(`Expected '${v}' in ${src}`);
    p++;
  };
  const level = (ops: string[], next: () => FormulaNode) => (): FormulaNode => {
    let l = next();
    while (peek()?.t === 'op' && ops.includes((peek() as { v: string }).v)) {
      const op = (toks[p++] as { v: string }).v;
      l = { k: 'bin', op, l, r: next() };
    }
    return l;
  };
  const primary = (): FormulaNode => {
    const t = toks[p++];
    if (!t) throw new Error(`Unexpected end of ${src}`);
    if (t.t === 'num') return { k: 'lit', v: t.v };
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'bool') return { k: 'lit', v: t.v };
    if (t.t === 'ref') {
      const [a, b] = t.text.split(':');
      const s = parseCell(a);
      const e = b ? parseCell(b) : s;
      return { k: 'ref', sheet: t.sheet, r1: Math.min(s.r, e.r), c1: Math.min(s.c, e.c), r2: Math.max(s.r, e.r), c2: Math.max(s.c, e.c) };
    }
    if (t.t === 'fn') {
      expect('(');
      const args: FormulaNode[] = [];
      if (!isOp(')')) {
        args.push(expr());
        while (isOp(',')) {
          p++;
          args.push(expr());
        }
      }
      expect(')');
      return { k: 'call', name: t.v, args };
    }
    if (t.v === '(') {
      const e = expr();
      expect(')');
      return e;
    }
    if (t.v === '-') return { k: 'neg', x: primary() };
    if (t.v === '+') return primary();
    throw new Error(`Unexpected '${t.v}' in ${src}`);
  };
  const term = level(['*', '/'], primary);
  const additive = level(['+', '-'], term);
  const concat = level(['&'], additive);
  const expr = level(['=', '<>', '<', '>', '<=', '>='], concat);
  const node = expr();
  if (p !== toks.length) throw new Error(`Trailing tokens in ${src}`);
  return node;
}
