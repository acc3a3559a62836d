/**
 * The parts that make the 综合得分 sheet printable and give it its chart in the .xlsx copy, as pure
 * functions of the core's layout (src/core/summary.ts): page setup (A4 portrait, every column on one
 * page wide, page numbers in the footer), the print titles, and the bar chart of 得分率 by 一级指标
 * as a drawing part with a chart part (DrawingML), which Excel, WPS and LibreOffice open.
 */
import { MergeRange, cellKey, columnLetters } from "../core/grid";
import { SummarySheet } from "../core/summary-types";
import { sheetPartOf } from "./marks-parts";
import { ContentTypes, EMPTY_RELS, Package, RelationshipsPart, folderOf, freePart, relativeTarget, relsPathOf } from "./package";
import { XmlElement, escapeXml, rootElement, scanXml } from "./xml";

export const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const A4 = 9;

/** <sheetPr>: fit the sheet to pages (the width to one, set in <pageSetup>). */
export const FIT_TO_PAGE_SHEET_PR = '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';

/** What follows <mergeCells> in the summary sheet: margins, A4 portrait one page wide, the footer,
 * and the chart's drawing when there is one. */
export function printSetupXml(summary: SummarySheet, drawingRelationshipId: string | null): string {
  return (
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="${A4}" orientation="portrait" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddFooter>&amp;C${escapeXml(summary.print.footer)}</oddFooter></headerFooter>` +
    (drawingRelationshipId ? `<drawing r:id="${drawingRelationshipId}"/>` : "")
  );
}

/** A sheet name as formulas quote it: '综合得分(2)'. */
function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function absolute(sheet: string, range: MergeRange): string {
  const corner = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  return `${quoted(sheet)}!${corner(range.top, range.left)}:${corner(range.bottom, range.right)}`;
}

/**
 * The workbook part with the summary's print titles (_xlnm.Print_Titles, local to the sheet at
 * `sheetIndex`), replacing any the sheet had; unchanged when the summary has none.
 */
export function withPrintTitles(workbookXml: string, sheetIndex: number, summary: SummarySheet): string {
  const rows = summary.print.titleRows;
  if (!rows) return workbookXml;
  const p = rootElement(workbookXml).prefix;
  const name = `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex}">${escapeXml(`${quoted(summary.name)}!$${rows.top + 1}:$${rows.bottom + 1}`)}</${p}definedName>`;
  let xml = workbookXml;
  const stale = workbookChildren(xml).definedNames.filter(
    (existing) => existing.attributes.name === "_xlnm.Print_Titles" && existing.attributes.localSheetId === String(sheetIndex),
  );
  for (const existing of stale.reverse()) xml = xml.slice(0, existing.start) + xml.slice(existing.end);
  const { children } = workbookChildren(xml);
  const names = children.find((element) => element.local === "definedNames");
  if (names && !names.selfClosing) return xml.slice(0, names.contentEnd) + name + xml.slice(names.contentEnd);
  if (names) return xml.slice(0, names.start) + `<${p}definedNames>${name}</${p}definedNames>` + xml.slice(names.end);
  // <definedNames> follows <sheets> (and the rarer functionGroups / externalReferences).
  const before = children.filter((element) => ["sheets", "functionGroups", "externalReferences"].includes(element.local));
  const at = before.length === 0 ? -1 : Math.max(...before.map((element) => element.end));
  return at === -1 ? xml : `${xml.slice(0, at)}<${p}definedNames>${name}</${p}definedNames>${xml.slice(at)}`;
}

/** The workbook part's children (depth 1), and the <definedName> elements of its <definedNames>. */
export function workbookChildren(xml: string): { children: XmlElement[]; definedNames: XmlElement[] } {
  const children: XmlElement[] = [];
  const definedNames: XmlElement[] = [];
  scanXml(xml, {
    open: (element) => {
      if (element.depth === 1) children.push(element);
      else if (element.depth === 2 && element.local === "definedName") definedNames.push(element);
    },
  });
  return { children, definedNames };
}

/** The drawing part placing the chart below the sheet's last row, inside the printed width. */
export function drawingXml(summary: SummarySheet, chartRelationshipId: string): string {
  const { anchor } = summary.chart!;
  const from = { row: anchor.top, col: anchor.left };
  const to = { row: anchor.bottom, col: anchor.right };
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    '<xdr:twoCellAnchor editAs="oneCell">' +
    `<xdr:from><xdr:col>${from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="得分率"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${chartRelationshipId}"/>` +
    "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
  );
}

/** The chart part: clustered bars of 得分率 (the summary's E column) by 一级指标 (its B column),
 * with cached values so readers that do not recalculate draw it too. */
export function chartXml(summary: SummarySheet): string {
  const chart = summary.chart!;
  const cells = new Map(summary.cells.map((cell) => [cellKey(cell.row, cell.col), cell]));
  const at = (row: number, col: number) => cells.get(cellKey(row, col));
  const rows = Array.from({ length: chart.values.bottom - chart.values.top + 1 }, (_, i) => chart.values.top + i);
  const categories = rows.map((row, i) => `<c:pt idx="${i}"><c:v>${escapeXml(at(row, chart.categories.left)?.value ?? "")}</c:v></c:pt>`).join("");
  const values = rows
    .map((row, i) => ({ cell: at(row, chart.values.left), i }))
    .filter(({ cell }) => cell?.isNumber)
    .map(({ cell, i }) => `<c:pt idx="${i}"><c:v>${cell!.value}</c:v></c:pt>`)
    .join("");
  const count = `<c:ptCount val="${rows.length}"/>`;
  const noLine = '<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${escapeXml(absolute(summary.name, chart.categories))}</c:f><c:strCache>${count}${categories}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(absolute(summary.name, chart.values))}</c:f><c:numCache><c:formatCode>0%</c:formatCode>${count}${values}</c:numCache></c:numRef></c:val>` +
    "</c:ser>" +
    '<c:gapWidth val="80"/><c:axId val="500100"/><c:axId val="500200"/></c:barChart>' +
    '<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/>${noLine}<c:crossAx val="500200"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    '<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>' +
    '<c:numFmt formatCode="0%" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500100"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/**
 * The summary sheet's chart parts: an older summary's drawings are removed (with their charts), a
 * new drawing and chart written when the layout has a chart. Returns the sheet's relationship id of
 * the drawing, for its <drawing> element.
 */
export function writeSummaryChart(pkg: Package, contentTypes: ContentTypes, sheetPart: string, summary: SummarySheet): string | null {
  const rels = sheetPartOf(pkg, sheetPart).rels;
  const stale = rels.allOfType("drawing");
  for (const drawing of stale) pkg.removeWithRelated(drawing.part, contentTypes);
  rels.remove(new Set(stale.map((r) => r.id)));
  let drawingId: string | null = null;
  if (summary.chart) {
    const folder = folderOf(sheetPart);
    const base = folderOf(folder.slice(0, -1));
    const drawing = freePart(pkg, `${base}drawings/drawing`, ".xml");
    const chart = freePart(pkg, `${base}charts/chart`, ".xml");
    const drawingRels = new RelationshipsPart(EMPTY_RELS, drawing);
    pkg.put(chart, chartXml(summary));
    pkg.put(drawing, drawingXml(summary, drawingRels.add("chart", relativeTarget(folderOf(drawing), chart))));
    pkg.put(relsPathOf(drawing), drawingRels.toXml());
    contentTypes.set(chart, CHART_TYPE);
    contentTypes.set(drawing, DRAWING_TYPE);
    drawingId = rels.add("drawing", relativeTarget(folder, drawing));
  }
  // `rels.list` is as read: what is left of it, and the new drawing.
  if (rels.list.length > stale.length || drawingId !== null) pkg.put(relsPathOf(sheetPart), rels.toXml());
  else pkg.remove(relsPathOf(sheetPart));
  return drawingId;
}
