import { evaluateFormula, evaluateSheets, type SheetCell, type SheetDescription } from '../../../src/core/report';

function sheet(name: string, rows: (SheetCell | null)[][]): SheetDescription {
  return { name, role: name, rows };
}
const v = (value: string | number | boolean | null): SheetCell => ({ value });
const f = (formula: string, value: string | number | boolean | null): SheetCell => ({ formula, value });

const moves = sheet("Bob's Moves", [
  [v('Account ID'), v('To'), v('Disruption'), v('Revenue')],
  [v('A1'), v('Alice'), v('High'), v(100)],
  [v('A2'), v('Bob'), v('Low'), v(250.5)],
  [v('A3'), v('alice'), v('Low'), v('n/a')],
  [v('A4'), v('Albert'), v('Medium'), null],
]);
const main = sheet('Main', [
  [v(10), v(0), null, v('x'), f('A1*2', 20), f('IF(C1="","",1)', '')],
  [f('E1+A1', 30), v(5), v(3)],
]);
const book = [moves, main];
const ev = (formula: string) => evaluateFormula(formula, 'Main', book);

describe('evaluateFormula', () => {
  it('follows Excel precedence and concatenation', () => {
    expect(ev('1+2*3')).toBe(7);
    expect(ev('-2*3+10/4')).toBe(-3.5);
    expect(ev('"a"&1+1')).toBe('a2');
    expect(ev('(1+2)*3>=9')).toBe(true);
  });

  it('sums ranges across a quoted sheet name, ignoring text and blanks', () => {
    expect(ev("SUM('Bob''s Moves'!$D$1:$D$5)")).toBe(350.5);
    expect(ev("COUNTA('Bob''s Moves'!A1:A5)-1")).toBe(4);
    expect(ev("COUNTA('Bob''s Moves'!D1:D5)")).toBe(4);
  });

  it('counts and sums with criteria: case-insensitive text, operators, wildcards, several conditions', () => {
    expect(ev("COUNTIFS('Bob''s Moves'!B2:B5,\"Alice\")")).toBe(2);
    expect(ev("COUNTIFS('Bob''s Moves'!B2:B5,\"Al*\")")).toBe(3);
    expect(ev("COUNTIFS('Bob''s Moves'!B2:B5,\"Al*\",'Bob''s Moves'!C2:C5,\"Low\")")).toBe(1);
    expect(ev("COUNTIF('Bob''s Moves'!D2:D5,\">=200\")")).toBe(1);
    expect(ev("SUMIFS('Bob''s Moves'!D2:D5,'Bob''s Moves'!C2:C5,\"<>High\")")).toBe(250.5);
    expect(ev("COUNTIFS('Bob''s Moves'!C1:C5,C1)")).toBe(0);
  });

  it('handles "" and blanks in IF, and errors with IFERROR', () => {
    expect(ev('IF(C1="","empty","full")')).toBe('empty');
    expect(ev('IF(C1=0,"zero","no")')).toBe('zero');
    expect(ev('IF(D1="","",D1)')).toBe('x');
    expect(ev('A1/B1')).toEqual({ error: '#DIV/0!' });
    expect(ev('IFERROR(A1/B1,-1)')).toBe(-1);
    expect(ev('ROUND(2.345,2)+ABS(-1)+MAX(A2:C2)+MIN(B2,C2)')).toBeCloseTo(2.35 + 1 + 30 + 3, 12);
    expect(ev('AVERAGE(A1:B2)')).toBe((10 + 0 + 30 + 5) / 4);
  });

  it('evaluates referenced formulas recursively and counts a "" formula as filled', () => {
    expect(ev('A2*2')).toBe(60);
    expect(ev('COUNTA(A1:F1)')).toBe(5);
    expect(ev("INDEX('Bob''s Moves'!D1:D5,MATCH(\"A2\",'Bob''s Moves'!A1:A5,0))")).toBe(250.5);
  });

  it('refuses functions outside the subset', () => {
    expect(() => ev('XLOOKUP(1,A1:A2,B1:B2)')).toThrow(/not in the report's formula subset/);
  });
});

describe('evaluateSheets', () => {
  it('reports each formula with its stored and computed value', () => {
    const wrong = sheet('Main', [[v(10), v(0), null, v('x'), f('A1*2', 21), f('IF(C1="","",1)', '')]]);
    const checks = evaluateSheets([wrong]);
    expect(checks).toEqual([
      { sheet: 'Main', cell: 'E1', formula: 'A1*2', stored: 21, computed: 20, ok: false },
      { sheet: 'Main', cell: 'F1', formula: 'IF(C1="","",1)', stored: '', computed: '', ok: true },
    ]);
  });
});
