/**
 * A clustered bar chart as DrawingML parts: the chart part (c:chartSpace) and the drawing part that
 * anchors it on a sheet. The series point at the sheet's own cells and carry their values as
 * caches, so viewers that do not recalculate (previewers, LibreOffice on load) draw it as well.
 * Self-contained: it knows cell ranges, values and how to draw them, nothing of what they mean.
 * Both jixiao's charts are written here: 综合得分's (src/xlsx/summary-parts.ts) and the review's
 * grade distribution (src/xlsx/review-workbook.ts).
 */
import { absoluteReference } from "../core/grid";
import { escapeAttribute, escapeXml, escapeXstring } from "./xml-escape";

export interface BarSeries {
  /** The header cell naming the series (0-based) and its text, for the legend. */
  name?: { cell: { row: number; col: number }; text: string };
  /** The series' column; its values sit in the chart's category rows. */
  col: number;
  /** One per category; null where the cell holds no number, drawn as a gap (not as 0). */
  values: (number | null)[];
}

/** How a chart is drawn, apart from what it shows. */
export interface BarChartStyle {
  /** "col": upright columns, categories along the bottom; "bar": horizontal bars, categories on the left. */
  direction: "col" | "bar";
  /** "maxMin" runs the categories the other way: on a "bar" chart, top-down in the sheet's order. */
  categoryOrder: "minMax" | "maxMin";
  /** Where the value axis starts; null lets the viewer choose. */
  valueMin: number | null;
  /** Where it ends (1 for rates: 100 %); null or left out lets the viewer choose (LibreOffice runs a 100 % bar's axis to 120 %). */
  valueMax?: number | null;
  /** The values' number format (their cache and the value axis' labels), e.g. "0" or "0%". */
  numberFormat: string;
  /** A legend below the plot, naming the series. */
  legend: boolean;
  /** Each bar labelled with its value. */
  dataLabels: boolean;
  /** The labels' number format; left out, the values' own (numberFormat, as their cache has it). */
  labelFormat?: string;
}

export interface BarChart extends BarChartStyle {
  title: string;
  /** The category labels' column and rows (0-based, inclusive). */
  categoryCol: number;
  firstRow: number;
  lastRow: number;
  categories: string[];
  series: BarSeries[];
  /** Where the chart sits (0-based): `from` is its top-left cell, `to` the cell whose top-left
   * corner is the chart's bottom-right one (the cell after its last row and column, as a
   * twoCellAnchor with no offsets reads). */
  from: { row: number; col: number };
  to: { row: number; col: number };
}

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
/** Office's first two accent colours, so computed and recorded read apart in print too. */
const SERIES_COLORS = ["4472C4", "ED7D31", "A5A5A5", "FFC000"];
const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

/** `'Sheet name'!$A$2:$A$6` (rows `firstRow`..`lastRow` of column `col`), escaped for a <c:f>. */
function columnReference(sheet: string, col: number, firstRow: number, lastRow = firstRow): string {
  return escapeXml(absoluteReference(sheet, { top: firstRow, left: col, bottom: lastRow, right: col }));
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich>`
  );
}

/** The chart part (xl/charts/chartN.xml) for a chart on `sheet`. */
export function barChartXml(sheet: string, chart: BarChart): string {
  const count = chart.categories.length;
  // The cached labels are the sheet's strings, escaped as its cells' are (a chart's <c:v> is an ST_Xstring too).
  const categoryCache =
    `<c:strCache><c:ptCount val="${count}"/>` +
    chart.categories.map((c, i) => `<c:pt idx="${i}"><c:v>${escapeXstring(c)}</c:v></c:pt>`).join("") +
    `</c:strCache>`;
  const labelFormat = chart.labelFormat ? `<c:numFmt formatCode="${escapeAttribute(chart.labelFormat)}" sourceLinked="0"/>` : "";
  const dataLabels = chart.dataLabels
    ? `<c:dLbls>${labelFormat}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
    : "";
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        (s.name
          ? `<c:tx><c:strRef><c:f>${columnReference(sheet, s.name.cell.col, s.name.cell.row)}</c:f>` +
            `<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXstring(s.name.text)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`
          : "") +
        `<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLORS[i % SERIES_COLORS.length]}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>${dataLabels}` +
        `<c:cat><c:strRef><c:f>${columnReference(sheet, chart.categoryCol, chart.firstRow, chart.lastRow)}</c:f>${categoryCache}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${columnReference(sheet, s.col, chart.firstRow, chart.lastRow)}</c:f>` +
        `<c:numCache><c:formatCode>${escapeXml(chart.numberFormat)}</c:formatCode><c:ptCount val="${count}"/>` +
        // A point left out of the cache is a blank, which <c:dispBlanksAs val="gap"/> leaves empty.
        s.values.map((v, j) => (v === null ? "" : `<c:pt idx="${j}"><c:v>${v}</c:v></c:pt>`)).join("") +
        `</c:numCache></c:numRef></c:val></c:ser>`,
    )
    .join("");
  // Upright columns have their categories below and values on the left; horizontal bars the reverse.
  const [categoryPos, valuePos] = chart.direction === "col" ? ["b", "l"] : ["l", "b"];
  // c:scaling's order: orientation, max, min.
  const valueMin = (chart.valueMax == null ? "" : `<c:max val="${chart.valueMax}"/>`) + (chart.valueMin === null ? "" : `<c:min val="${chart.valueMin}"/>`);
  const numberFormat = escapeAttribute(chart.numberFormat);
  const tickLabelsOnly = `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx>${richText(chart.title, 1400, true)}</c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${chart.direction}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="80"/><c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:barChart>` +
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="${chart.categoryOrder}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${categoryPos}"/><c:numFmt formatCode="General" sourceLinked="0"/>${tickLabelsOnly}` +
    `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/>${valueMin}</c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${valuePos}"/><c:majorGridlines/><c:numFmt formatCode="${numberFormat}" sourceLinked="0"/>${tickLabelsOnly}` +
    `<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    (chart.legend ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

/** The drawing part (xl/drawings/drawingN.xml) placing the chart whose relationship is `chartRelId`. */
export function chartDrawingXml(chart: BarChart, chartRelId: string): string {
  const marker = (tag: string, at: { row: number; col: number }) =>
    `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">` +
    `<xdr:twoCellAnchor editAs="oneCell">${marker("from", chart.from)}${marker("to", chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeAttribute(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${chartRelId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

