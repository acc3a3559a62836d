/**
 * A clustered bar chart as DrawingML parts: the chart part (c:chartSpace) and the drawing part that
 * anchors it on a sheet. The series point at the sheet's own cells and carry their values as
 * caches, so viewers that do not recalculate (previewers, LibreOffice on load) draw it as well.
 * Self-contained: it knows cell ranges and values, nothing of what they mean.
 */
import { columnLetters } from "../core/grid";
import { escapeXml } from "./xml";

export interface BarSeries {
  /** The header cell naming the series, 0-based. */
  nameCell: { row: number; col: number };
  name: string;
  /** The series' column; its values sit in the chart's category rows. */
  col: number;
  values: number[];
}

export interface BarChart {
  title: string;
  /** The category labels' column and rows (0-based, inclusive). */
  categoryCol: number;
  firstRow: number;
  lastRow: number;
  categories: string[];
  series: BarSeries[];
  /** Where the chart sits: the cells of its top-left and bottom-right corners (0-based). */
  from: { row: number; col: number };
  to: { row: number; col: number };
}

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
/** Office's first two accent colours, so computed and recorded read apart in print too. */
const SERIES_COLORS = ["4472C4", "ED7D31", "A5A5A5", "FFC000"];

/** `'Sheet name'!$A$2:$A$6` */
function absolute(sheet: string, col: number, firstRow: number, lastRow = firstRow): string {
  const letters = columnLetters(col);
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const first = `$${letters}$${firstRow + 1}`;
  return lastRow === firstRow ? `${quoted}!${first}` : `${quoted}!${first}:$${letters}$${lastRow + 1}`;
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
  const categoryCache =
    `<c:strCache><c:ptCount val="${count}"/>` +
    chart.categories.map((c, i) => `<c:pt idx="${i}"><c:v>${escapeXml(c)}</c:v></c:pt>`).join("") +
    `</c:strCache>`;
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(absolute(sheet, s.nameCell.col, s.nameCell.row))}</c:f>` +
        `<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLORS[i % SERIES_COLORS.length]}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
        `<c:cat><c:strRef><c:f>${escapeXml(absolute(sheet, chart.categoryCol, chart.firstRow, chart.lastRow))}</c:f>${categoryCache}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(absolute(sheet, s.col, chart.firstRow, chart.lastRow))}</c:f>` +
        `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${count}"/>` +
        s.values.map((v, j) => `<c:pt idx="${j}"><c:v>${v}</c:v></c:pt>`).join("") +
        `</c:numCache></c:numRef></c:val></c:ser>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx>${richText(chart.title, 1400, true)}</c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="80"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
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
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${chartRelId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

