/**
 * The parts that make the 综合得分 sheet printable and give it its chart in the .xlsx copy, as pure
 * functions of the core's layout (src/core/summary.ts): page setup (A4 portrait, every column on one
 * page wide, page numbers in the footer), the print titles, and the bar chart of 得分率 by 一级指标
 * as a drawing part with a chart part (DrawingML), which Excel, WPS and LibreOffice open.
 */
import { absoluteRows, cellKey } from "../core/grid";
import { SummaryChart, SummarySheet } from "../core/summary-types";
import { BarChart, barChartXml, chartDrawingXml } from "./bar-chart";
import { droppedFromSummary } from "./copy-drops";
import { sheetPartOf } from "./marks-parts";
import { ContentTypes, EMPTY_RELS, Package, RelationshipsPart, partFolder, relativeTarget, relsPathOf } from "./package";
import { XmlElement, escapeXml, escapeXstring, rootElement, scanXml } from "./xml";

export const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const A4 = 9;

/** <sheetPr>: fit the sheet to pages (the width to one, set in <pageSetup>). */
export const FIT_TO_PAGE_SHEET_PR = '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';

/** What follows <mergeCells> in the summary sheet: margins, A4 portrait (core SummaryPrint) one page wide, the footer,
 * and the chart's drawing when there is one. */
export function printSetupXml(summary: SummarySheet, drawingRelationshipId: string | null): string {
  return (
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="${A4}" orientation="portrait" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddFooter>&amp;C${escapeXstring(summary.print.footer)}</oddFooter></headerFooter>` +
    (drawingRelationshipId ? `<drawing r:id="${drawingRelationshipId}"/>` : "")
  );
}

/**
 * The workbook part with the summary's print titles (_xlnm.Print_Titles, local to the sheet at
 * `sheetIndex`), replacing any the sheet had; unchanged when the summary has none.
 */
export function withPrintTitles(workbookXml: string, sheetIndex: number, summary: SummarySheet): string {
  const rows = summary.print.titleRows;
  if (!rows) return workbookXml;
  const p = rootElement(workbookXml).prefix;
  const name = `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex}">${escapeXml(absoluteRows(summary.name, rows.top, rows.bottom))}</${p}definedName>`;
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

/**
 * The summary's chart: horizontal bars of 得分率 (its E column) by 一级指标 (its B column), top-down
 * in the sheet's order, from 0, as percentages, placed below the sheet's last row inside the printed
 * width. The cached values are the summary's own cells; a row without a number (a rate jixiao could
 * not compute) is a gap.
 */
function summaryBarChart(summary: SummarySheet, chart: SummaryChart): BarChart {
  const cells = new Map(summary.cells.map((cell) => [cellKey(cell.row, cell.col), cell]));
  const rows = Array.from({ length: chart.values.bottom - chart.values.top + 1 }, (_, i) => chart.values.top + i);
  return {
    title: chart.title,
    direction: "bar",
    // A horizontal bar chart's categories run from its bottom: maxMin turns them top-down.
    categoryOrder: chart.topDown ? "maxMin" : "minMax",
    valueMin: chart.valueMin,
    valueMax: chart.valueMax,
    numberFormat: chart.numberFormat,
    legend: false,
    dataLabels: true,
    labelFormat: chart.labelFormat,
    categoryCol: chart.categories.left,
    firstRow: chart.values.top,
    lastRow: chart.values.bottom,
    categories: rows.map((row) => cells.get(cellKey(row, chart.categories.left))?.value ?? ""),
    series: [
      {
        col: chart.values.left,
        values: rows.map((row) => {
          const cell = cells.get(cellKey(row, chart.values.left));
          // Rates are exact decimals of four places, which a double holds as written.
          return cell?.isNumber ? Number(cell.value) : null;
        }),
      },
    ],
    from: { row: chart.anchor.top, col: chart.anchor.left },
    // A drawing's `to` corner is where the chart ends: the start of the cell after the anchor's last.
    to: { row: chart.anchor.bottom + 1, col: chart.anchor.right + 1 },
  };
}

/**
 * The summary sheet's chart parts: an older summary's drawings are removed (with their charts), a
 * new drawing and chart written when the layout has a chart. Returns the sheet's relationship id of
 * the drawing, for its <drawing> element.
 */
export function writeSummaryChart(pkg: Package, contentTypes: ContentTypes, sheetPart: string, summary: SummarySheet): string | null {
  const rels = sheetPartOf(pkg, sheetPart).rels;
  const stale = droppedFromSummary(rels);
  for (const drawing of stale) pkg.removeWithRelated(drawing.part, contentTypes);
  rels.remove(new Set(stale.map((r) => r.id)));
  let drawingId: string | null = null;
  if (summary.chart) {
    const folder = partFolder(sheetPart);
    const base = partFolder(folder.slice(0, -1));
    const drawing = pkg.freePart(`${base}drawings/drawing`, ".xml");
    const chart = pkg.freePart(`${base}charts/chart`, ".xml");
    const drawingRels = new RelationshipsPart(EMPTY_RELS, drawing);
    const barChart = summaryBarChart(summary, summary.chart);
    pkg.put(chart, barChartXml(summary.name, barChart));
    pkg.put(drawing, chartDrawingXml(barChart, drawingRels.add("chart", relativeTarget(partFolder(drawing), chart))));
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
