/** Excel's sheet-name rules, reference rewriting and reference parsing, shared by every workbook host. */
import { columnNumber, parseA1Range, splitSheetRef } from '../../../src/core/report/sheet';
import { legalSheetName, retargetSheetRefs, safeSheetName } from '../../../src/core/report/sheetNames';

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
    expect(retargetSheetRefs('Reps!A1+MyReps!A1+Reps!B2', [{ wanted: 'Reps', used: 'Reps (2)' }])).toBe("'Reps (2)'!A1+MyReps!A1+'Reps (2)'!B2");
  });

  it('undoes doubled apostrophes in quoted names', () => {
    expect(retargetSheetRefs("'O''Hara'!A1", [{ wanted: "O'Hara", used: 'Other' }])).toBe("'Other'!A1");
  });

  it('leaves other sheets, partial names and string literals alone', () => {
    expect(retargetSheetRefs("'My Rep Impact'!A1&XMoves!A1&\"Moves!A1\"", renamed)).toBe("'My Rep Impact'!A1&XMoves!A1&\"Moves!A1\"");
  });
});

describe('references', () => {
  it('splits references into sheet and address, and column letters to numbers', () => {
    expect(splitSheetRef("'Scenario Comparison'!$B$2:$D$2")).toEqual({ sheet: 'Scenario Comparison', address: 'B2:D2' });
    expect(splitSheetRef("'Rep''s Impact'!A1")).toEqual({ sheet: "Rep's Impact", address: 'A1' });
    expect(splitSheetRef('Moves!C2:C9')).toEqual({ sheet: 'Moves', address: 'C2:C9' });
    expect(splitSheetRef('C2:C9')).toEqual({ sheet: null, address: 'C2:C9' });
    expect([columnNumber('A'), columnNumber('z'), columnNumber('AA'), columnNumber('XFD')]).toEqual([1, 26, 27, 16384]);
    expect(parseA1Range('$B$2:D9')).toEqual({ top: 2, left: 2, bottom: 9, right: 4 });
    expect(parseA1Range('c5')).toEqual({ top: 5, left: 3, bottom: 5, right: 3 });
    expect(parseA1Range('Totals')).toBeNull();
  });
});
