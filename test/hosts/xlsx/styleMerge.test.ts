/** Our styles merged into a user's styles.xml (styleMerge.ts), on small hand-written parts. */
import { mergeStyles, restyleSheet } from '../../../src/hosts/xlsx/styleMerge';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const base = (numFmts: string, dxfs: string, xfs = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>') =>
  `<styleSheet ${NS}>${numFmts}<fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${(xfs.match(/<xf /g) ?? []).length}">${xfs}</cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>${dxfs}<tableStyles count="0"/></styleSheet>`;

const ours =
  `<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="$#,##0"/></numFmts>` +
  '<fonts count="2"><font><sz val="10"/><name val="Arial"/></font><font><b/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/></patternFill></fill></fills>' +
  '<borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"><alignment wrapText="1"/></xf></cellXfs>' +
  '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>';

describe('mergeStyles', () => {
  it('gives our custom formats free ids (the user has 164 for another code) and reuses one the user has; appends fonts, fills and cell formats once', () => {
    const target = base('<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="170" formatCode="$#,##0"/></numFmts>', '<dxfs count="0"/>');
    const merged = mergeStyles(target, ours)!;
    expect(merged.xml).toContain('<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="170" formatCode="$#,##0"/><numFmt numFmtId="171" formatCode="0.0%"/></numFmts>');
    // our font 0 is the user's font 0; our bold font and blue fill are new
    expect(merged.xml).toContain('<fonts count="2"><font><sz val="10"/><name val="Arial"/></font><font><b/></font></fonts>');
    expect(merged.xml).toContain('<fills count="3">');
    expect(merged.cellXf).toEqual([0, 1, 2]);
    expect(merged.xml).toContain('<xf numFmtId="171" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0"><alignment wrapText="1"/></xf></cellXfs>');
    expect(merged.xml).toContain('<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>');
    expect(merged.dxf).toEqual([0]);
    // merged again, nothing is added
    const again = mergeStyles(merged.xml, ours)!;
    expect(again.xml).toBe(merged.xml);
    expect(again.cellXf).toEqual(merged.cellXf);
  });

  it('adds the number formats and conditional-format styles a part has no element for, where the schema wants them', () => {
    const target = base('', '', '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    const merged = mergeStyles(target, ours)!;
    expect(merged.xml.indexOf('<numFmts count="2">')).toBe(merged.xml.indexOf('>') + 1);
    expect(merged.xml).toMatch(/<\/cellStyles><dxfs count="1"><dxf><font><b\/><\/font><\/dxf><\/dxfs><tableStyles/);
    expect(merged.cellXf).toEqual([0, 2, 3]);
  });

  it('refuses a part it cannot merge into', () => {
    expect(mergeStyles('<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>', ours)).toBeNull();
    expect(mergeStyles(`<styleSheet ${NS}><fonts count="0"/></styleSheet>`, ours)).toBeNull();
  });
});

describe('restyleSheet', () => {
  it('maps cell, row and column styles and conditional-format styles, and nothing else', () => {
    const xml = '<cols><col min="1" max="1" style="2" width="9"/></cols><sheetData><row r="1" s="1" customFormat="1"><c r="A1" s="2"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData><conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="1"><formula>A1&gt;0</formula></cfRule></conditionalFormatting>';
    expect(restyleSheet(xml, { cellXf: [0, 7, 9], dxf: [4] })).toBe(
      '<cols><col min="1" max="1" style="9" width="9"/></cols><sheetData><row r="1" s="7" customFormat="1"><c r="A1" s="9"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData><conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="4" priority="1"><formula>A1&gt;0</formula></cfRule></conditionalFormatting>',
    );
  });
});
