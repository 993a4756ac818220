/**
 * A tiny evaluator for the formula subset the report writes, over a set of SheetDescriptions, so
 * tests can prove that every stored value is what the formula computes. Cell references (relative
 * or absolute), ranges, quoted cross-sheet references, arithmetic, `&`, comparisons, "" strings,
 * and SUM, SUMIFS, COUNTA, COUNTIF(S), IF, IFERROR, ABS, MAX, MIN, AVERAGE, ROUND, INDEX, MATCH.
 * Referenced formula cells are evaluated recursively (not read from their stored values).
 */
import { type FormulaNode, parseFormula } from './formula';
import { a1, type CellValue, type SheetDescription } from './sheet';

export interface FormulaError {
  error: string;
}
export type EvalResult = CellValue | FormulaError;

interface RangeVal {
  range: true;
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
type Val = EvalResult | RangeVal;

const isErr = (v: unknown): v is FormulaError => typeof v === 'object' && v !== null && 'error' in v;
const isRange = (v: unknown): v is RangeVal => typeof v === 'object' && v !== null && 'range' in v;

// ---------------------------------------------------------------- evaluation

class Book {
  private readonly sheets = new Map<string, SheetDescription>();
  private readonly memo = new Map<string, EvalResult>();
  private readonly active = new Set<string>();
  constructor(sheets: readonly SheetDescription[]) {
    for (const s of sheets) this.sheets.set(s.name.toLowerCase(), s);
  }
  raw(sheet: string, r: number, c: number) {
    const s = this.sheets.get(sheet.toLowerCase());
    if (!s) throw new Error(`No sheet named ${sheet}`);
    return s.rows[r - 1]?.[c - 1] ?? null;
  }
  value(sheet: string, r: number, c: number): EvalResult {
    const cell = this.raw(sheet, r, c);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value;
    const key = `${sheet.toLowerCase()}!${r},${c}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    if (this.active.has(key)) return { error: '#CIRCULAR!' };
    this.active.add(key);
    const v = this.formula(cell.formula, sheet);
    this.active.delete(key);
    this.memo.set(key, v);
    return v;
  }
  formula(src: string, sheet: string): EvalResult {
    return scalar(this, this.eval(parseFormula(src), sheet));
  }
  /** Whether a cell counts for COUNTA (a value or any formula). */
  filled(sheet: string, r: number, c: number): boolean {
    const cell = this.raw(sheet, r, c);
    return cell !== null && (cell.formula !== undefined || cell.value !== null);
  }
  cells(v: RangeVal): EvalResult[] {
    const out: EvalResult[] = [];
    for (let r = v.r1; r <= v.r2; r++) for (let c = v.c1; c <= v.c2; c++) out.push(this.value(v.sheet, r, c));
    return out;
  }
  eval(n: FormulaNode, sheet: string): Val {
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'ref':
        return { range: true, sheet: n.sheet ?? sheet, r1: n.r1, c1: n.c1, r2: n.r2, c2: n.c2 };
      case 'neg': {
        const x = num(scalar(this, this.eval(n.x, sheet)));
        return isErr(x) ? x : -x;
      }
      case 'bin':
        return binary(n.op, scalar(this, this.eval(n.l, sheet)), scalar(this, this.eval(n.r, sheet)));
      case 'call':
        return call(this, n.name, n.args.map((a) => this.eval(a, sheet)));
    }
  }
}

function scalar(book: Book, v: Val): EvalResult {
  if (!isRange(v)) return v;
  if (v.r1 === v.r2 && v.c1 === v.c2) return book.value(v.sheet, v.r1, v.c1);
  return { error: '#VALUE!' };
}

function num(v: EvalResult): number | FormulaError {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const t = v.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : { error: '#VALUE!' };
}

function truthy(v: EvalResult): boolean | FormulaError {
  if (isErr(v)) return v;
  if (typeof v === 'string') return v.toUpperCase() === 'TRUE' ? true : v.toUpperCase() === 'FALSE' ? false : { error: '#VALUE!' };
  return Boolean(v);
}

/** Excel ordering: numbers < text < booleans; text case-insensitive; a blank takes the other side's empty value. */
function compare(a: CellValue, b: CellValue): number {
  const empty = (other: CellValue): CellValue => (typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0);
  const x = a === null ? empty(b) : a;
  const y = b === null ? empty(a) : b;
  const rank = (v: CellValue) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string' && typeof y === 'string') {
    const [p, q] = [x.toLowerCase(), y.toLowerCase()];
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const [p, q] = [Number(x), Number(y)];
  return p < q ? -1 : p > q ? 1 : 0;
}

function binary(op: string, a: EvalResult, b: EvalResult): EvalResult {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  if (op === '&') return `${text(a)}${text(b)}`;
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const c = compare(a, b);
    return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
  }
  const x = num(a);
  const y = num(b);
  if (isErr(x)) return x;
  if (isErr(y)) return y;
  if (op === '+') return x + y;
  if (op === '-') return x - y;
  if (op === '*') return x * y;
  if (y === 0) return { error: '#DIV/0!' };
  return x / y;
}

function text(v: CellValue): string {
  return v === null ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
}

/** COUNTIFS/SUMIFS criteria: a number, or text with an optional comparison prefix and * ? ~ wildcards. */
function matches(cellValue: EvalResult, criterion: EvalResult): boolean {
  if (isErr(cellValue) || isErr(criterion) || criterion === null) return false;
  if (typeof criterion === 'number' || typeof criterion === 'boolean') return cellValue === criterion;
  const m = /^(<=|>=|<>|<|>|=)?(.*)$/s.exec(criterion) as RegExpExecArray;
  const op = m[1] ?? '=';
  const operand = m[2];
  const asNumber = operand.trim() !== '' && Number.isFinite(Number(operand)) ? Number(operand) : null;
  if (asNumber !== null) {
    if (typeof cellValue !== 'number') return op === '<>';
    const c = cellValue < asNumber ? -1 : cellValue > asNumber ? 1 : 0;
    return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
  }
  if (operand === '') {
    const blank = cellValue === null || cellValue === '';
    return op === '<>' ? !blank : op === '=' ? blank : false;
  }
  if (op === '=' || op === '<>') {
    const re = new RegExp(`^${operand.replace(/~([*?~])|([*?])|([.+^${}()|[\]\\])/g, (_s, lit, wild, special) => (lit ? `\\${lit}` : wild ? (wild === '*' ? '.*' : '.') : `\\${special}`))}$`, 'is');
    const hit = typeof cellValue === 'string' && re.test(cellValue);
    return op === '=' ? hit : !hit;
  }
  if (typeof cellValue !== 'string') return false;
  const c = compare(cellValue, operand);
  return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
}

function numbersOf(book: Book, args: Val[]): number[] | FormulaError {
  const out: number[] = [];
  for (const a of args) {
    if (isRange(a)) {
      for (const v of book.cells(a)) {
        if (isErr(v)) return v;
        if (typeof v === 'number') out.push(v);
      }
    } else {
      const n = num(a);
      if (isErr(n)) return n;
      out.push(n);
    }
  }
  return out;
}

function call(book: Book, name: string, args: Val[]): Val {
  const s = (i: number) => scalar(book, args[i] ?? null);
  const range = (i: number): RangeVal => {
    const a = args[i];
    if (!isRange(a)) throw new Error(`${name}: argument ${i + 1} must be a range`);
    return a;
  };
  const conditions = (from: number): boolean[] | null => {
    let hits: boolean[] | null = null;
    for (let i = from; i + 1 < args.length; i += 2) {
      const cells = book.cells(range(i));
      const crit = s(i + 1);
      const h = cells.map((v) => matches(v, crit));
      hits = hits === null ? h : hits.map((x, k) => x && h[k]);
    }
    return hits;
  };
  switch (name) {
    case 'SUM':
    case 'MAX':
    case 'MIN':
    case 'AVERAGE': {
      const xs = numbersOf(book, args);
      if (isErr(xs)) return xs;
      if (name === 'SUM') return xs.reduce((a, b) => a + b, 0);
      if (xs.length === 0) return name === 'AVERAGE' ? { error: '#DIV/0!' } : 0;
      if (name === 'MAX') return Math.max(...xs);
      if (name === 'MIN') return Math.min(...xs);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    }
    case 'COUNTA': {
      let n = 0;
      for (const a of args) {
        if (!isRange(a)) n += 1;
        else for (let r = a.r1; r <= a.r2; r++) for (let c = a.c1; c <= a.c2; c++) if (book.filled(a.sheet, r, c)) n += 1;
      }
      return n;
    }
    case 'COUNTIF':
    case 'COUNTIFS':
      return (conditions(0) ?? []).filter(Boolean).length;
    case 'SUMIFS': {
      const values = book.cells(range(0));
      const hits = conditions(1) ?? values.map(() => true);
      let total = 0;
      values.forEach((v, k) => {
        if (hits[k] && typeof v === 'number') total += v;
      });
      return total;
    }
    case 'IF': {
      const c = truthy(s(0));
      if (isErr(c)) return c;
      return c ? s(1) : args.length > 2 ? s(2) : false;
    }
    case 'IFERROR': {
      const v = s(0);
      return isErr(v) ? s(1) : v;
    }
    case 'ABS': {
      const x = num(s(0));
      return isErr(x) ? x : Math.abs(x);
    }
    case 'ROUND': {
      const x = num(s(0));
      const d = num(s(1));
      if (isErr(x)) return x;
      if (isErr(d)) return d;
      const f = 10 ** d;
      return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
    }
    case 'INDEX': {
      const a = range(0);
      const r = num(s(1));
      const c = args.length > 2 ? num(s(2)) : 1;
      if (isErr(r)) return r;
      if (isErr(c)) return c;
      const single = a.r1 === a.r2;
      const [rr, cc] = single && args.length === 2 ? [1, r] : [r, c];
      if (rr < 1 || cc < 1 || a.r1 + rr - 1 > a.r2 || a.c1 + cc - 1 > a.c2) return { error: '#REF!' };
      return book.value(a.sheet, a.r1 + rr - 1, a.c1 + cc - 1);
    }
    case 'MATCH': {
      const x = s(0);
      const k = book.cells(range(1)).findIndex((v) => !isErr(v) && v !== null && !isErr(x) && x !== null && compare(v, x) === 0 && typeof v === typeof x);
      return k < 0 ? { error: '#N/A' } : k + 1;
    }
    default:
      throw new Error(`Function ${name} is not in the report's formula subset`);
  }
}

/** Evaluates one formula (no leading '=') as if it were in `sheetName`. */
export function evaluateFormula(formula: string, sheetName: string, sheets: readonly SheetDescription[]): EvalResult {
  return new Book(sheets).formula(formula, sheetName);
}

export interface FormulaCheck {
  sheet: string;
  cell: string;
  formula: string;
  stored: CellValue;
  computed: EvalResult;
  /** Numbers equal within 1e-9 (relative to the size of the value); anything else strictly equal. */
  ok: boolean;
}

/** Evaluates every formula cell of every sheet and compares it with the value stored beside it. */
export function evaluateSheets(sheets: readonly SheetDescription[]): FormulaCheck[] {
  const book = new Book(sheets);
  const out: FormulaCheck[] = [];
  for (const s of sheets) {
    s.rows.forEach((row, ri) =>
      row.forEach((cell, ci) => {
        if (!cell || cell.formula === undefined) return;
        const computed = book.value(s.name, ri + 1, ci + 1);
        const stored = cell.value;
        const ok =
          typeof computed === 'number' && typeof stored === 'number'
            ? Math.abs(computed - stored) <= 1e-9 * Math.max(1, Math.abs(stored))
            : computed === stored;
        out.push({ sheet: s.name, cell: a1(ri + 1, ci + 1), formula: cell.formula, stored, computed, ok });
      }),
    );
  }
  return out;
}
