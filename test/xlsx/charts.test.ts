/**
 * The one bar-chart writer (src/xlsx/bar-chart.ts) as both its users set it: 综合得分's horizontal
 * bars of 得分率, read back from a scored copy, and the review's upright, labelled columns.
 */
import ExcelJS from "exceljs";
import { JSDOM } from "jsdom";
import JSZip from "jszip";
import * as path from "path";
import { analyze } from "../../src/core/analyze";
import { MergeRange } from "../../src/core/grid";
import { BarChart, barChartXml, chartDrawingXml } from "../../src/xlsx/bar-chart";
import { readXlsx } from "../../src/xlsx/read";
import { GRADE_CHART_STYLE } from "../../src/xlsx/review-workbook";
import { scoredCopy } from "../../src/xlsx/write";
import { INDICATOR_HEADER } from "../support/grid";
import { tempDir, xlsxFromRows } from "../support/xlsx";

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const parser = new new JSDOM().window.DOMParser();

function parse(xml: string): Document {
  const doc = parser.parseFromString(xml, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

const all = (within: Document | Element, local: string, ns = C_NS) => Array.from(within.getElementsByTagNameNS(ns, local));
const one = (within: Document | Element, local: string, ns = C_NS) => {
  const found = all(within, local, ns);
  expect(found).toHaveLength(1);
  return found[0];
};
const val = (within: Document | Element, local: string) => one(within, local).getAttribute("val");
/** A cache's points as its count and [idx, text] pairs. */
const cache = (element: Element) => ({
  count: val(element, "ptCount"),
  points: all(element, "pt").map((pt) => [Number(pt.getAttribute("idx")), one(pt, "v").textContent]),
});

describe("综合得分's chart in the scored copy", () => {
  // The third 一级指标 has neither 实际完成值 nor 得分: its 得分率 cannot be computed.
  const rows: ExcelJS.CellValue[][] = [
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, 40, "疫情停办两场"],
    ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 40, 40, "无"],
    ["满意度指标", "服务对象满意度", "学员满意度", "≥90%", null, 10, null, ""],
  ];
  let chart: Document;
  let drawing: Document;
  let rateCells: (ExcelJS.CellValue | undefined)[];
  let categoryCells: ExcelJS.CellValue[];
  let anchor: MergeRange;
  /** The summary's cells the copy holds on the chart's rows. */
  let chartRowCells: ExcelJS.CellValue[];

  beforeAll(async () => {
    const file = await xlsxFromRows(path.join(tempDir(), "in.xlsx"), "自评表", rows);
    const { source, grid } = await readXlsx(file);
    const analysis = analyze(grid);
    const zip = await JSZip.loadAsync(scoredCopy(source, grid, analysis));
    chart = parse(await zip.file("xl/charts/chart1.xml")!.async("string"));
    drawing = parse(await zip.file("xl/drawings/drawing1.xml")!.async("string"));
    const { values, categories } = analysis.summary.chart!;
    anchor = analysis.summary.chart!.anchor;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zip.generateAsync({ type: "nodebuffer" })) as unknown as ExcelJS.Buffer);
    const summary = wb.getWorksheet(analysis.summary.name)!;
    const span = Array.from({ length: values.bottom - values.top + 1 }, (_, i) => values.top + 1 + i);
    rateCells = span.map((row) => summary.getCell(row, values.left + 1).value ?? undefined);
    categoryCells = span.map((row) => summary.getCell(row, categories.left + 1).value);
    chartRowCells = [];
    for (let row = anchor.top + 1; row <= anchor.bottom + 1; row++) summary.getRow(row).eachCell((cell) => chartRowCells.push(cell.value));
  });

  it("caches the sheet's rates and leaves a gap, not a 0, where the sheet shows no rate", () => {
    // The level without a rate says why it has no bar, and its rate cell shows "—" (review round 51d M9).
    expect(categoryCells).toEqual(["产出指标", "效益指标", "满意度指标（无法计算）"]);
    expect(rateCells).toEqual([0.8, 1, "—"]);
    const series = one(chart, "ser");
    expect(cache(one(series, "strCache"))).toEqual({ count: "3", points: [[0, "产出指标"], [1, "效益指标"], [2, "满意度指标（无法计算）"]] });
    // All three categories counted, the third without a point: drawn as a blank.
    expect(cache(one(series, "numCache"))).toEqual({ count: "3", points: [[0, "0.8"], [1, "1"]] });
    expect(val(chart, "dispBlanksAs")).toBe("gap");
    // One sheet holds the form: no 工作表 column (review round 52), the categories in A and the rates in D.
    expect(all(series, "f").map((f) => f.textContent)).toEqual(["'综合得分'!$A$9:$A$11", "'综合得分'!$D$9:$D$11"]);
  });

  it("draws horizontal bars top-down in the sheet's order, from 0 to 100 %, as percentages, each labelled with its rate, with no legend", () => {
    expect(val(chart, "barDir")).toBe("bar");
    expect(val(one(chart, "catAx"), "orientation")).toBe("maxMin");
    expect(val(one(chart, "catAx"), "axPos")).toBe("l");
    const valueAxis = one(chart, "valAx");
    expect(val(valueAxis, "min")).toBe("0");
    // A rate is at most 100 %: LibreOffice ran the axis to 120 % without a maximum (review round 51d L7).
    expect(val(valueAxis, "max")).toBe("1");
    // c:scaling's schema order: orientation, max, min.
    expect(Array.from(one(valueAxis, "scaling").children).map((e) => e.localName)).toEqual(["orientation", "max", "min"]);
    expect(val(valueAxis, "axPos")).toBe("b");
    expect(one(valueAxis, "numFmt").getAttribute("formatCode")).toBe("0%");
    expect(one(chart, "formatCode").textContent).toBe("0%");
    expect(all(chart, "legend")).toHaveLength(0);
    const labels = one(one(chart, "ser"), "dLbls");
    expect(val(labels, "showVal")).toBe("1");
    expect(one(labels, "numFmt").getAttribute("formatCode")).toBe("0.00%");
    // CT_DLbls: numFmt before the show… flags.
    expect(labels.children[0].localName).toBe("numFmt");
    expect(all(one(chart, "ser"), "tx")).toHaveLength(0);
    expect(one(one(chart, "title"), "t", "http://schemas.openxmlformats.org/drawingml/2006/main").textContent).toBe("各一级指标得分率");
  });

  it("anchors the chart over the cells the summary's layout gives it, whole, on rows the sheet leaves empty", () => {
    const corner = (tag: string) => {
      const at = one(drawing, tag, XDR_NS);
      return [one(at, "row", XDR_NS).textContent, one(at, "col", XDR_NS).textContent];
    };
    expect(chartRowCells).toEqual([]);
    expect(corner("from")).toEqual([String(anchor.top), String(anchor.left)]);
    // The drawing ends at the corner after the anchor's last cell: it covers that cell, as the add-in's
    // setPosition does (code review of round 52, L8: it stopped a row and a column short).
    expect(corner("to")).toEqual([String(anchor.bottom + 1), String(anchor.right + 1)]);
    // A:D, the categories through the rates, with no 工作表 column.
    expect([anchor.left, anchor.right]).toEqual([0, 3]);
  });
});

describe("barChartXml with the review's settings", () => {
  const grades: BarChart = {
    ...GRADE_CHART_STYLE,
    title: "等次分布",
    categoryCol: 0,
    firstRow: 3,
    lastRow: 4,
    categories: ["优", "良"],
    series: [
      { name: { text: "计算", cell: { row: 2, col: 1 } }, col: 1, values: [2, 0] },
      { name: { text: "填报", cell: { row: 2, col: 2 } }, col: 2, values: [1, 1] },
    ],
    from: { row: 0, col: 7 },
    to: { row: 18, col: 15 },
  };
  const chart = parse(barChartXml("Bob's 统计", grades));

  it("names each series by its header cell, labels every bar and adds a legend", () => {
    const series = all(chart, "ser");
    expect(series.map((s) => one(one(s, "tx"), "f").textContent)).toEqual(["'Bob''s 统计'!$B$3", "'Bob''s 统计'!$C$3"]);
    expect(series.map((s) => cache(one(s, "tx")).points)).toEqual([[[0, "计算"]], [[0, "填报"]]]);
    expect(series.map((s) => val(one(s, "dLbls"), "showVal"))).toEqual(["1", "1"]);
    expect(series.map((s) => cache(one(s, "numCache")))).toEqual([
      { count: "2", points: [[0, "2"], [1, "0"]] },
      { count: "2", points: [[0, "1"], [1, "1"]] },
    ]);
    expect(val(one(chart, "legend"), "legendPos")).toBe("b");
  });

  it("stands the columns up, categories below in the sheet's order, the value axis left to the viewer", () => {
    expect(val(chart, "barDir")).toBe("col");
    expect(val(one(chart, "catAx"), "orientation")).toBe("minMax");
    expect(val(one(chart, "catAx"), "axPos")).toBe("b");
    expect(val(one(chart, "valAx"), "axPos")).toBe("l");
    expect(all(one(chart, "valAx"), "min")).toHaveLength(0);
  });

  it("names the drawing's frame by the title and points it at the chart's relationship", () => {
    const drawing = parse(chartDrawingXml(grades, "rId7"));
    expect(one(drawing, "cNvPr", XDR_NS).getAttribute("name")).toBe("等次分布");
    expect(one(drawing, "chart").getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id")).toBe("rId7");
  });

  it("keeps quotes and ampersands in a number format and a title, in attributes and in text alike", () => {
    const quoted: BarChart = { ...grades, title: '"优" & 良', numberFormat: '0"个"' };
    const xml = parse(barChartXml("统计", quoted));
    expect(one(one(xml, "valAx"), "numFmt").getAttribute("formatCode")).toBe('0"个"');
    expect(all(xml, "formatCode").map((code) => code.textContent)).toEqual(['0"个"', '0"个"']);
    expect(one(parse(chartDrawingXml(quoted, "rId1")), "cNvPr", XDR_NS).getAttribute("name")).toBe('"优" & 良');
  });
});
