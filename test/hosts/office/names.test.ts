import { literalText, styleRectangles, widthToPoints } from '../../../src/hosts/office/cells';
import { columnNumber, splitSheetRef } from '../../../src/core/report/sheet';
import { legalSheetName, retargetSheetRefs, safeSheetName } from '../../../src/hosts/office/names';
import { planSheetTargets } from '../../../src/hosts/office/targets';

describe('safeSheetName', () => {
  it('keeps a legal, free name as it is', () => {
    expect(safeSheetName('Scenario Comparison', ['Accounts', 'Reps'])).toBe('Scenario Comparison');
  });

  it('replaces each of : \\ / ? * [ ] with "-"', () => {
    expect(safeSheetName('a:b\\c/d?e*f[g]h', [])).toBe('a-b-c-d-e-f-g-h');
  });

  it('cuts to 31 characters', () => {
    expect(safeSheetName('Moves-Balanced-Workload-Band-Extra', [])).toBe('Moves-Balanced-Workload-Band-Ex');
    // a space left at the cut is trimmed too
    expect(legalSheetName('Moves - Balanced with workload band')).toBe('Moves - Balanced with workload');
  });

  it('trims apostrophes at either end and never returns an empty name', () => {
    expect(safeSheetName("'Quoted'", [])).toBe('Quoted');
    expect(safeSheetName("''", [])).toBe('Sheet');
    expect(safeSheetName('', [])).toBe('Sheet');
  });

  it('avoids existing names ignoring case, counting up from (2)', () => {
    expect(safeSheetName('Rep Impact', ['rep impact'])).toBe('Rep Impact (2)');
    expect(safeSheetName('Rep Impact', ['Rep Impact', 'REP IMPACT (2)'])).toBe('Rep Impact (3)');
  });

  it('shortens the base so the suffix still fits in 31 characters', () => {
    const long = 'Moves - Full Territory Redesign!';
    const first = safeSheetName(long, []);
    expect(first).toBe('Moves - Full Territory Redesign');
    const second = safeSheetName(long, [first]);
    expect(second).toBe('Moves - Full Territory Rede (2)');
    expect(second).toHaveLength(31);
  });

  it('treats "History", which Excel reserves, as taken', () => {
    expect(safeSheetName('history', [])).toBe('history (2)');
  });
});

describe('retargetSheetRefs', () => {
  const renamed = [{ wanted: 'Rep Impact', used: 'Rep Impact (2)' }, { wanted: 'Moves', used: 'Moves (2)' }];

  it('rewrites quoted and bare references to renamed sheets', () => {
    expect(retargetSheetRefs("SUM('Rep Impact'!B2:B9)+Moves!C3", renamed)).toBe("SUM('Rep Impact (2)'!B2:B9)+'Moves (2)'!C3");
  });

  it('leaves other sheets, partial names and string literals alone', () => {
    expect(retargetSheetRefs("'My Rep Impact'!A1&XMoves!A1&\"Moves!A1\"", renamed)).toBe("'My Rep Impact'!A1&XMoves!A1&\"Moves!A1\"");
  });
});

describe('planSheetTargets', () => {
  it('reuses our sheet with the same role, adds the rest, and steps around the user\'s sheets', () => {
    const existing = [
      { name: 'Accounts', role: null },
      { name: 'Rep Impact', role: null },
      { name: 'Scenario Comparison', role: 'scenario-comparison' },
      { name: 'Old Moves', role: 'moves:Minimal' },
    ];
    const targets = planSheetTargets(
      [
        { name: 'Scenario Comparison', role: 'scenario-comparison' },
        { name: 'Rep Impact', role: 'rep-impact' },
        { name: 'Moves - Minimal', role: 'moves:Minimal' },
      ],
      existing,
    );
    expect(targets).toEqual([
      { wanted: 'Scenario Comparison', used: 'Scenario Comparison', reuse: 2 },
      { wanted: 'Rep Impact', used: 'Rep Impact (2)', reuse: null },
      { wanted: 'Moves - Minimal', used: 'Moves - Minimal', reuse: 3 },
    ]);
  });

  it('keeps the current name of our sheet when a user sheet now holds the wanted one', () => {
    const targets = planSheetTargets([{ name: 'Rep Impact', role: 'rep-impact' }], [
      { name: 'rep impact', role: null },
      { name: 'Rep Impact (2)', role: 'rep-impact' },
    ]);
    expect(targets).toEqual([{ wanted: 'Rep Impact', used: 'Rep Impact (2)', reuse: 1 }]);
  });
});

describe('cell encoding', () => {
  it('protects text Excel would turn into a formula, number, date or boolean', () => {
    expect(['=1+1', '+44', '-', '2-4', '0042', 'TRUE', 'Mar 5', '#N/A', '1,234', "'quoted"].map(literalText)).toEqual([
      "'=1+1", "'+44", "'-", "'2-4", "'0042", "'TRUE", "'Mar 5", "'#N/A", "'1,234", "''quoted",
    ]);
    expect(['Balanced', 'R12', 'Stage 3+ stays', 'SMB 2-4 weeks', ''].map(literalText)).toEqual(['Balanced', 'R12', 'Stage 3+ stays', 'SMB 2-4 weeks', '']);
  });

  it('covers styled cells with rectangles: a styled column is one, a header run is one', () => {
    const bold = { value: 'h', bold: true };
    const wrap = { value: 'w', wrap: true };
    const plain = { value: 1 };
    const rects = styleRectangles([
      [bold, bold, bold],
      [plain, wrap, plain],
      [plain, wrap, null],
      [plain, wrap, { value: 2, bold: true }],
    ]);
    expect(rects).toEqual([
      { row: 0, col: 0, rows: 1, cols: 3, style: { bold: true } },
      { row: 1, col: 1, rows: 3, cols: 1, style: { wrap: true } },
      { row: 3, col: 2, rows: 1, cols: 1, style: { bold: true } },
    ]);
  });

  it('converts widths in characters to points at 7 px a character plus 5 px padding', () => {
    expect(widthToPoints(10)).toBe(56.25);
    expect(widthToPoints(8.43)).toBe(48);
  });

  it('splits chart references into sheet and address (core splitSheetRef), column letters to numbers', () => {
    expect(splitSheetRef("'Scenario Comparison'!$B$2:$D$2")).toEqual({ sheet: 'Scenario Comparison', address: 'B2:D2' });
    expect(splitSheetRef("'Rep''s Impact'!A1")).toEqual({ sheet: "Rep's Impact", address: 'A1' });
    expect(splitSheetRef('Moves!C2:C9')).toEqual({ sheet: 'Moves', address: 'C2:C9' });
    expect(splitSheetRef('C2:C9')).toEqual({ sheet: null, address: 'C2:C9' });
    expect([columnNumber('A'), columnNumber('z'), columnNumber('AA'), columnNumber('XFD')]).toEqual([1, 26, 27, 16384]);
  });
});
