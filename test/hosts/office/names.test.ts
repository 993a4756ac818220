import { literalText, styleRectangles, widthToPoints } from '../../../src/hosts/office/cells';
import { planSheetTargets } from '../../../src/hosts/office/targets';

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

});
