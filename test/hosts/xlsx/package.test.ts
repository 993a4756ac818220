import { insertDrawingElement } from '../../../src/hosts/xlsx/package';
import { chartCacheFromSheets, parseRangeRef } from '../../../src/hosts/xlsx/chart';

const HEAD = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

describe('insertDrawingElement: CT_Worksheet order', () => {
  it('goes after pageSetup/headerFooter and before legacyDrawing, tableParts and extLst', () => {
    const xml = `${HEAD}<sheetData/><pageMargins/><pageSetup/><headerFooter/><legacyDrawing r:id="rId1"/><tableParts count="1"/><extLst/></worksheet>`;
    expect(insertDrawingElement(xml, 'rId9')).toBe(`${HEAD}<sheetData/><pageMargins/><pageSetup/><headerFooter/><drawing r:id="rId9"/><legacyDrawing r:id="rId1"/><tableParts count="1"/><extLst/></worksheet>`);
    const tables = `${HEAD}<sheetData/><pageMargins/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
    expect(insertDrawingElement(tables, 'rId2')).toContain('<pageMargins/><drawing r:id="rId2"/><tableParts');
    expect(insertDrawingElement(`${HEAD}<sheetData/></worksheet>`, 'rId1')).toBe(`${HEAD}<sheetData/><drawing r:id="rId1"/></worksheet>`);
  });

  it('declares the r namespace when the worksheet lacks it, and refuses a second drawing', () => {
    const bare = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
    expect(insertDrawingElement(bare, 'rId1')).toBe('<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><drawing r:id="rId1"/></worksheet>');
    expect(() => insertDrawingElement(`${HEAD}<sheetData/><drawing r:id="rId1"/></worksheet>`, 'rId2')).toThrow('already has a drawing');
  });
});

describe('chart caches', () => {
  it('parses sheet-qualified ranges and reads the values from the descriptions', () => {
    expect(parseRangeRef("'Cy''s Sheet'!$B$2:$D$3")).toEqual({ sheet: "Cy's Sheet", top: 2, left: 2, bottom: 3, right: 4 });
    expect(parseRangeRef('Data!C5')).toEqual({ sheet: 'Data', top: 5, left: 3, bottom: 5, right: 3 });
    const sheets = [{ name: 'Data', role: 'd', rows: [[{ value: 'x' }, { value: 'y' }], [{ value: 1 }, { value: 10, formula: 'A2*10' }], [{ value: 2 }, null]] }];
    const cache = chartCacheFromSheets({ kind: 'scatter', title: '', series: [{ name: 's', categories: "'Data'!$A$2:$A$3", values: 'Data!$B$2:$B$3' }], from: { col: 0, row: 0 }, to: { col: 1, row: 1 } }, sheets);
    expect(cache).toEqual({ series: [{ categories: [1, 2], values: [10, null] }] });
  });
});
