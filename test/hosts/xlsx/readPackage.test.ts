/**
 * readPackage.ts on packages written by hand, for what ExcelJS never writes (readPackageFuzz.test.ts
 * compares it with ExcelJS on what ExcelJS does write): rows and cells without their address,
 * inline rich text, Excel's `_xHHHH_` escapes, phonetic runs, ISO dates, the 1904 date system, a
 * value under a merged range, a chartsheet, a sheet whose part is missing, and the refusals.
 */
import JSZip from 'jszip';
import { isDateFormat, readPackageSheets } from '../../../src/hosts/xlsx/readPackage';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = (type: string) => `${NS_R}/${type}`;

interface Parts {
  sheets?: { name: string; target: string; type?: string }[];
  files?: Record<string, string>;
  date1904?: boolean;
  workbookRoot?: string;
}

async function pack({ sheets = [], files = {}, date1904 = false, workbookRoot }: Parts): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL('officeDocument')}" Target="xl/workbook.xml"/></Relationships>`);
  const rels = sheets.map((s, k) => `<Relationship Id="rId${k + 1}" Type="${REL(s.type ?? 'worksheet')}" Target="${s.target}"/>`);
  rels.push(`<Relationship Id="rIdS" Type="${REL('sharedStrings')}" Target="sharedStrings.xml"/>`, `<Relationship Id="rIdT" Type="${REL('styles')}" Target="styles.xml"/>`);
  zip.file('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  const tags = sheets.map((s, k) => `<sheet name="${s.name}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join('');
  zip.file('xl/workbook.xml', `${workbookRoot ?? `<workbook xmlns="${NS}" xmlns:r="${NS_R}">`}${date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${tags}</sheets></workbook>`);
  for (const [path, xml] of Object.entries(files)) zip.file(path, xml);
  return zip.generateAsync({ type: 'uint8array' });
}

const STYLES = `<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="#,##0 &quot;days&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"><alignment horizontal="left"/></xf><xf numFmtId="14"/></cellXfs></styleSheet>`;
const SHARED = `<sst xmlns="${NS}"><si><t>Owner</t></si><si><r><t>Ann </t></r><r><rPr><b/></rPr><t>Lee</t></r><rPh sb="0" eb="1"><t>ANN</t></rPh></si><si><t xml:space="preserve">a_x000D_b_x005F_x0041_</t></si></sst>`;
const sheet = (data: string, tail = '') => `<?xml version="1.0"?><worksheet xmlns="${NS}" xmlns:r="${NS_R}"><sheetData>${data}</sheetData>${tail}</worksheet>`;

describe('readPackageSheets', () => {
  it('reads cells ExcelJS never writes: no addresses, attributes after a newline or tab, inline rich text, escapes, phonetic runs, ISO dates, a covered value under a merge', async () => {
    const data = sheet(
      [
        '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="inlineStr"><is><r><t>In</t></r><r><rPr><i/></rPr><t>line_x000A_</t></r></is></c></row>',
        '<row><c r="A2" t="s"><v>2</v></c><c s="1"><v>45658</v></c><c s="2"><v>12</v></c><c s="3"><v>1</v></c></row>',
        '<row r="4"><c r="B4" t="d"><v>2025-03-01T00:00:00Z</v></c><c r="C4" t="e"><v>#N/A</v></c><c r="D4" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c><c r="E4"><f>1/0</f></c></row>',
        '<row r="6"><c\n r="A6"\tt="b"><v>1</v></c><c r="B6" t="s"><v>0</v></c><c r="C6"><v>99</v></c></row>',
      ].join(''),
      '<mergeCells count="1"><mergeCell ref="A6:C7"/></mergeCells>',
    );
    const bytes = await pack({ sheets: [{ name: 'Data', target: 'worksheets/sheet1.xml' }], files: { 'xl/worksheets/sheet1.xml': data, 'xl/sharedStrings.xml': SHARED, 'xl/styles.xml': STYLES } });
    const read = await readPackageSheets(bytes);
    expect(read!.sheets).toEqual([
      {
        name: 'Data',
        values: [
          ['Owner', 'Ann Lee', 'Inline\n', null],
          // 45658 in a yyyy-mm-dd cell is 2025-01-01; "#,##0 \"days\"" is no date (its d and y are quoted); s="3" is built-in 14, a date (serial 1 as ExcelJS counts it)
          ['a\rb_x0041_', new Date(Date.UTC(2025, 0, 1)), 12, new Date(Date.UTC(1899, 11, 31))],
          [null, null, null, null],
          // E4's formula has no cached value: nothing, and no fifth column
          [null, new Date(Date.UTC(2025, 2, 1)), '#N/A', 'a&b'],
          [null, null, null, null],
          // B6 and C6 are under A6's merged range: empty, as in Excel
          [true, null, null, null],
        ],
      },
    ]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const data = sheet('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>1.5</v></c></row>');
    const bytes = await pack({ date1904: true, sheets: [{ name: 'D', target: 'worksheets/sheet1.xml' }], files: { 'xl/worksheets/sheet1.xml': data, 'xl/styles.xml': STYLES } });
    expect((await readPackageSheets(bytes))!.sheets[0].values).toEqual([[new Date(Date.UTC(1904, 0, 1)), new Date(Date.UTC(1904, 0, 2, 12))]]);
  });

  it('reads an Excel Table without its totals row, skips a chartsheet and a sheet whose part is missing', async () => {
    const data = sheet(
      '<row r="2"><c r="B2" t="inlineStr"><is><t>ID</t></is></c><c r="C2" t="inlineStr"><is><t>Amount</t></is></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>A-1</t></is></c><c r="C3"><v>5</v></c></row><row r="4"><c r="B4" t="inlineStr"><is><t>Total</t></is></c><c r="C4"><f>SUBTOTAL(109,C3)</f><v>5</v></c></row>',
      '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
    );
    const bytes = await pack({
      sheets: [
        { name: 'Chart', target: 'chartsheets/sheet1.xml', type: 'chartsheet' },
        { name: 'Accounts', target: 'worksheets/sheet1.xml' },
        { name: 'Gone', target: 'worksheets/sheet9.xml' },
      ],
      files: {
        'xl/chartsheets/sheet1.xml': `<chartsheet xmlns="${NS}"/>`,
        'xl/worksheets/sheet1.xml': data,
        'xl/worksheets/_rels/sheet1.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL('table')}" Target="../tables/table1.xml"/></Relationships>`,
        'xl/tables/table1.xml': `<table xmlns="${NS}" id="1" name="Table1" displayName="AccountsTable" ref="B2:C4" totalsRowCount="1"/>`,
        'xl/styles.xml': STYLES,
      },
    });
    const read = await readPackageSheets(bytes);
    expect(read!.sheets.map((s) => s.name)).toEqual(['Accounts']);
    expect(read!.sheets[0].listObjects).toEqual([{ name: 'AccountsTable', origin: { row: 2, col: 2 }, values: [['ID', 'Amount'], ['A-1', 5]] }]);
  });

  it('returns null for a package it does not read: a prefixed worksheet, a prefixed workbook', async () => {
    const prefixed = `<?xml version="1.0"?><x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const files = { 'xl/worksheets/sheet1.xml': prefixed, 'xl/styles.xml': STYLES };
    expect(await readPackageSheets(await pack({ sheets: [{ name: 'P', target: 'worksheets/sheet1.xml' }], files }))).toBeNull();
    const workbookRoot = `<x:workbook xmlns:x="${NS}" xmlns:r="${NS_R}">`;
    expect(await readPackageSheets(await pack({ workbookRoot, sheets: [{ name: 'P', target: 'worksheets/sheet1.xml' }], files }))).toBeNull();
  });
});

describe('isDateFormat', () => {
  it('finds date and time letters outside quotes and brackets', () => {
    expect(['yyyy-mm-dd', 'h:mm', '[h]:mm:ss', '[$-409]mmmm d, yyyy', 'd-mmm'].map(isDateFormat)).toEqual([true, true, true, true, true]);
    expect(['0.00', '#,##0 "days"', '[Red]0.0', '@', 'General', '[$€-2] #,##0.00'].map(isDateFormat)).toEqual([false, false, false, false, false, false]);
  });
});
