/**
 * ChartDescription -> DrawingML: the chart part (`xl/charts/chartN.xml`) and the drawing anchor
 * that places it. Each series carries its range formulas *and* the values cached from the
 * descriptions, so a viewer that does not recalculate still draws it. Strings only; the package
 * plumbing is in package.ts.
 */
import { parseA1Range, splitSheetRef, type CellValue, type ChartDescription, type SheetDescription } from '../../core/report/sheet';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E', '636363', '997300'];

/** The values behind each series, in series order. */
export interface ChartCache {
  series: { categories: CellValue[]; values: CellValue[] }[];
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The chart part. */
export function chartXml(chart: ChartDescription, cache: ChartCache): string {
  const plot = chart.kind === 'scatter' ? scatterPlot(chart, cache) : barPlot(chart, cache);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title, 1400)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

const CAT_AX = 500010;
const VAL_AX = 500020;

function barPlot(chart: ChartDescription, cache: ChartCache): string {
  const series = chart.series
    .map((s, i) => {
      const data = cache.series[i] ?? { categories: [], values: [] };
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${seriesName(s.name)}` +
        `<c:spPr><a:solidFill><a:srgbClr val="${colour(s.color, i)}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat>${categoryRef(s.categories, data.categories)}</c:cat>` +
        `<c:val>${numberRef(s.values, data.values)}</c:val></c:ser>`
      );
    })
    .join('');
  const horizontal = chart.kind === 'bar';
  // xAxisTitle names the horizontal axis as seen: the category axis of a column chart, the value axis of a bar chart.
  const catTitle = horizontal ? chart.yAxisTitle : chart.xAxisTitle;
  const valTitle = horizontal ? chart.xAxisTitle : chart.yAxisTitle;
  return (
    `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `${series}<c:gapWidth val="150"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'l' : 'b'}"/>${axisTitle(catTitle)}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    valueAxis(VAL_AX, CAT_AX, horizontal ? 'b' : 'l', valTitle, 'between', true)
  );
}

function scatterPlot(chart: ChartDescription, cache: ChartCache): string {
  const series = chart.series
    .map((s, i) => {
      const data = cache.series[i] ?? { categories: [], values: [] };
      const fill = colour(s.color, i);
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${seriesName(s.name)}` +
        `<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr><a:solidFill><a:srgbClr val="${fill}"/></a:solidFill>` +
        `<a:ln><a:solidFill><a:srgbClr val="${fill}"/></a:solidFill></a:ln></c:spPr></c:marker>` +
        `<c:xVal>${numberRef(s.categories, data.categories)}</c:xVal>` +
        `<c:yVal>${numberRef(s.values, data.values)}</c:yVal><c:smooth val="0"/></c:ser>`
      );
    })
    .join('');
  return (
    `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}` +
    `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:scatterChart>` +
    valueAxis(CAT_AX, VAL_AX, 'b', chart.xAxisTitle, 'midCat', false) +
    valueAxis(VAL_AX, CAT_AX, 'l', chart.yAxisTitle, 'midCat', true)
  );
}

function valueAxis(id: number, cross: number, pos: string, axTitle: string | undefined, between: string, gridlines: boolean): string {
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${pos}"/>${gridlines ? '<c:majorGridlines/>' : ''}${axisTitle(axTitle)}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${cross}"/><c:crosses val="autoZero"/>` +
    `<c:crossBetween val="${between}"/></c:valAx>`
  );
}

function title(text: string, size: number): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size}" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

function axisTitle(text: string | undefined): string {
  return text ? title(text, 1000) : '';
}

function seriesName(name: string): string {
  return `<c:tx><c:v>${escapeXml(name)}</c:v></c:tx>`;
}

function colour(hex: string | undefined, i: number): string {
  return (hex ?? PALETTE[i % PALETTE.length]).replace(/^#/, '').toUpperCase();
}

function categoryRef(ref: string, values: CellValue[]): string {
  const numeric = values.length > 0 && values.every((v) => typeof v === 'number');
  if (numeric) return numberRef(ref, values);
  const pts = values.map((v, i) => (v === null || v === '' ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`)).join('');
  return `<c:strRef><c:f>${escapeXml(ref)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numberRef(ref: string, values: CellValue[]): string {
  const pts = values
    .map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numRef><c:f>${escapeXml(ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`;
}

/** The drawing part: one two-cell anchor per chart; chart k links through relationship `rId{k+1}`. */
export function drawingXml(charts: ChartDescription[]): string {
  const anchors = charts
    .map((chart, k) => {
      const name = escapeXml(chart.title || `Chart ${k + 1}`);
      return (
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${chart.from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${chart.from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${chart.to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${chart.to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${name}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${k + 1}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`;
}

// ---------------------------------------------------------------- caches from the descriptions

/** `'Scenario Comparison'!$B$2:$D$2` -> sheet name and 1-based corners. */
export function parseRangeRef(ref: string): { sheet: string; top: number; left: number; bottom: number; right: number } | null {
  const { sheet, address } = splitSheetRef(ref);
  const r = parseA1Range(address);
  if (sheet === null || !r) return null;
  return { sheet, top: Math.min(r.top, r.bottom), left: Math.min(r.left, r.right), bottom: Math.max(r.top, r.bottom), right: Math.max(r.left, r.right) };
}

/** The values a range refers to, read from the descriptions (row by row); empty when the sheet is not among them. */
export function rangeValues(ref: string, sheets: SheetDescription[]): CellValue[] {
  const range = parseRangeRef(ref);
  const sheet = range && sheets.find((s) => s.name === range.sheet);
  if (!range || !sheet) return [];
  const out: CellValue[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) out.push(sheet.rows[r - 1]?.[c - 1]?.value ?? null);
  }
  return out;
}

export function chartCacheFromSheets(chart: ChartDescription, sheets: SheetDescription[]): ChartCache {
  return { series: chart.series.map((s) => ({ categories: rangeValues(s.categories, sheets), values: rangeValues(s.values, sheets) })) };
}
