import ExcelJS from "exceljs";
import { JSDOM } from "jsdom";
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { analyze } from "../../src/core/analyze";
import { SUMMARY_SHEET_NAME } from "../../src/core/summary-sheet";
import { readXlsx } from "../../src/xlsx/read";
import { scoredCopy } from "../../src/xlsx/write";
import { YUNXI, tempDir, xlsxFromRows } from "../support/xlsx";

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
const ROWS: ExcelJS.CellValue[][] = [
  HEADER,
  ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, null, "疫情停办两场"], // blank score: 40 is written
  ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 40, 30, "无"], // 30 is wrong: marked
];
/** The parts a scored copy rewrites; every other part must come out byte for byte as it went in. */
const REWRITTEN = ["xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"];

async function inputWith(extraParts: Record<string, string> = {}, sheet = "自评表"): Promise<Buffer> {
  const file = await xlsxFromRows(path.join(tempDir(), "in.xlsx"), sheet, ROWS);
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const [part, text] of Object.entries(extraParts)) zip.file(part, text);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function score(input: Buffer): Promise<{ output: Uint8Array; writes: string[]; marks: string[] }> {
  const file = path.join(tempDir(), "in.xlsx");
  writeFileSync(file, input);
  const { source, grid } = await readXlsx(file);
  const analysis = analyze(grid);
  return { output: await scoredCopy(source, grid, analysis), writes: analysis.writes.map((w) => w.cell), marks: analysis.marks.map((m) => m.cell) };
}

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const result = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) result.set(name, await zip.files[name].async("string"));
  return result;
}

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

describe("scoredCopy: the scored copy of an .xlsx package", () => {
  it("writes the blank score with its format, marks the wrong one, and adds the 综合得分 sheet", async () => {
    const { output, writes, marks } = await score(await inputWith());
    expect(writes).toEqual(["G2"]);
    expect(marks).toContain("G3");
    const wb = await workbookOf(output);
    const ws = wb.getWorksheet("自评表")!;
    expect(ws.getCell("G2").value).toBe(40);
    expect(ws.getCell("G2").numFmt).toBe("0.00");
    expect(ws.getCell("G3").value).toBe(30);
    expect(fillOf(ws.getCell("G3"))).toBe("FFFFC7CE");
    // The filled-in score carries its own light mark (its note says how it was computed).
    expect(fillOf(ws.getCell("G2"))).toBe("FFE2EFDA");
    expect(wb.worksheets.map((s) => s.name)).toEqual(["自评表", SUMMARY_SHEET_NAME]);
    expect(wb.getWorksheet(SUMMARY_SHEET_NAME)!.getCell("A1").value).toBe("自评表绩效自评综合得分");
  });

  it("fills the whole merged area of a flagged merged cell, as the add-in does", async () => {
    const file = path.join(tempDir(), "merged.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    ws.addRows([
      HEADER,
      ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 10, 7, ""],
      ["产出指标", "数量指标", "培训人数", "≥100人", "80人", null, null, "部分学员缺席"],
      ["效益指标", "社会效益", "服务水平", "有效提升", "有效提升", 80, 80, ""],
    ]);
    ws.mergeCells("F2:F3");
    ws.mergeCells("G2:G3"); // 7 is no split of 10 points between 100% and 80%: flagged at G2
    await wb.xlsx.writeFile(file);
    const { output, marks } = await score(readFileSync(file));
    expect(marks).toContain("G2");
    const out = (await workbookOf(output)).getWorksheet("自评表")!;
    // ExcelJS shows a merged area's other cells through its top-left one: read the part itself.
    const sheetXml = (await parts(output)).get("xl/worksheets/sheet1.xml")!;
    const styleOf = (ref: string) => new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheetXml)?.[1];
    expect(fillOf(out.getCell("G2"))).toBe("FFFFC7CE");
    expect(styleOf("G3")).toBe(styleOf("G2"));
    expect(styleOf("F2")).not.toBe(styleOf("G2"));
  });

  it("fills a blank 得分 merged across its row under a header merged alike into the area's top-left cell, keeping the merge (review round 58d, F1)", async () => {
    const file = path.join(tempDir(), "merged-row.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    ws.addRows([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", null, "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 15, null, null, ""],
      ["产出指标", "数量指标", "培训人次", "≥800人次", "760人次", 85, null, null, "部分学员缺席"],
    ]);
    for (const area of ["G1:H1", "G2:H2", "G3:H3"]) ws.mergeCells(area);
    await wb.xlsx.writeFile(file);
    const { output, writes } = await score(readFileSync(file));
    expect(writes).toEqual(["G2", "G3"]);
    const out = (await workbookOf(output)).getWorksheet("自评表")!;
    expect([out.getCell("G2").value, out.getCell("G3").value]).toEqual([15, 80.75]);
    expect(out.getCell("G3").numFmt).toBe("0.00");
    const sheetXml = (await parts(output)).get("xl/worksheets/sheet1.xml")!;
    for (const area of ["G1:H1", "G2:H2", "G3:H3"]) expect(sheetXml).toContain(`<mergeCell ref="${area}"/>`);
    // The value is the top-left cell's alone: H3 holds none.
    expect(sheetXml).not.toMatch(/<c r="H3"[^>]*>\s*<v>/);
  });

  it("copies every part it has no edit for byte for byte, including ones ExcelJS would drop", async () => {
    const chart = '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:date1904 val="0"/></c:chartSpace>';
    const custom = '<?xml version="1.0"?><root><item>保留</item></root>';
    const input = await inputWith({ "xl/charts/chart1.xml": chart, "customXml/item1.xml": custom });
    const before = await parts(input);
    const after = await parts((await score(input)).output);
    for (const [name, text] of before) {
      if (!REWRITTEN.includes(name)) expect([name, after.get(name)]).toEqual([name, text]);
    }
    expect(after.get("xl/charts/chart1.xml")).toBe(chart);
  });

  it("writes only well-formed XML", async () => {
    const after = await parts((await score(await inputWith({}, "A&B <表> \"引号\""))).output);
    const parser = new new JSDOM().window.DOMParser();
    for (const [name, text] of after) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const doc = parser.parseFromString(text, "application/xml");
      expect([name, doc.getElementsByTagName("parsererror").length]).toEqual([name, 0]);
    }
  });

  it("finds a sheet by its name when the name needs escaping in XML", async () => {
    const name = "A&B <表> \"引号\"";
    const ws = (await workbookOf((await score(await inputWith({}, name))).output)).getWorksheet(name)!;
    expect(ws.getCell("G2").value).toBe(40);
  });

  it("scores YUNXI's real package: the writes and marks land where the report says", async () => {
    const input = readFileSync(YUNXI);
    const { output } = await score(input);
    const ws = (await workbookOf(output)).getWorksheet("部门整体支出绩效自评表")!;
    expect([ws.getCell("G4").value, ws.getCell("H4").value]).toEqual([1, 10]);
    expect(ws.getCell("G4").numFmt).toBe("0.00%");
    expect(fillOf(ws.getCell("H24"))).toBe("FFFFC7CE");
    // The marked cell keeps the rest of its look: font and border as the user set them.
    const original = (await workbookOf(input)).getWorksheet("部门整体支出绩效自评表")!.getCell("H24");
    expect(ws.getCell("H24").font).toEqual(original.font);
    expect(ws.getCell("H24").border).toEqual(original.border);
  });

  it("turns an .xlsm into a plain .xlsx: Excel will not open macros under that extension", async () => {
    const input = await inputWith({
      "xl/vbaProject.bin": "macro bytes",
      "xl/vbaProjectSignature.bin": "signature bytes",
      "xl/_rels/vbaProject.bin.rels":
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProjectSignature" Target="vbaProjectSignature.bin"/></Relationships>',
    });
    const zip = await JSZip.loadAsync(input);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'),
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", types.replace("spreadsheetml.sheet.main+xml", "ms-excel.sheet.macroEnabled.main+xml"));
    const after = await parts((await score(await zip.generateAsync({ type: "nodebuffer" }))).output);
    expect([...after.keys()].filter((part) => part.includes("vbaProject"))).toEqual([]);
    expect(after.get("xl/_rels/workbook.xml.rels")).not.toContain("vbaProject");
    expect(after.get("[Content_Types].xml")).toContain('PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"');
    expect(after.get("[Content_Types].xml")).not.toContain("macroEnabled");
  });

  it("gives a package without a styles part one, with the marks' formats in it", async () => {
    const zip = await JSZip.loadAsync(await inputWith());
    zip.remove("xl/styles.xml");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace(/<Relationship [^>]*styles"[^>]*\/>/, ""));
    // Without a stylesheet every cell shows the default format.
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", sheet.replace(/ s="\d+"/g, ""));
    const { output } = await score(await zip.generateAsync({ type: "nodebuffer" }));
    const ws = (await workbookOf(output)).getWorksheet("自评表")!;
    expect(fillOf(ws.getCell("G3"))).toBe("FFFFC7CE");
    expect((await parts(output)).get("[Content_Types].xml")).toContain('PartName="/xl/styles.xml"');
  });

  it("asks Excel to recalculate on open, adding calcPr where the workbook has none, in the schema's place", async () => {
    const zip = await JSZip.loadAsync(await inputWith());
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", workbook.replace(/<calcPr[^>]*\/>/, ""));
    const after = (await parts((await score(await zip.generateAsync({ type: "nodebuffer" }))).output)).get("xl/workbook.xml")!;
    expect(after).toMatch(/<\/sheets>(<definedNames\/>|<definedNames>.*<\/definedNames>)?<calcPr fullCalcOnLoad="1"\/>/);
  });

  it("changes nothing in the sheets and styles when run over its own output", async () => {
    const first = (await score(await inputWith())).output;
    const second = await score(Buffer.from(first));
    // The value the first run filled in is jixiao's: filled in again, the same.
    expect(second.writes).toEqual((await score(await inputWith())).writes);
    const [a, b] = [await parts(first), await parts(second.output)];
    for (const part of ["xl/worksheets/sheet1.xml", "xl/styles.xml"]) expect([part, b.get(part)]).toEqual([part, a.get(part)]);
  });

  it("finds a sheet whose r:id is written in single quotes, and numbers the new sheet after it", async () => {
    const zip = await JSZip.loadAsync(await inputWith());
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", workbook.replace(/r:id="(rId\d+)"/, "r:id='$1'"));
    const { output } = await score(await zip.generateAsync({ type: "nodebuffer" }));
    expect((await workbookOf(output)).getWorksheet("自评表")!.getCell("G2").value).toBe(40);
    const sheetIds = [...(await parts(output)).get("xl/workbook.xml")!.matchAll(/sheetId="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(sheetIds).size).toBe(sheetIds.length);
  });

  it("names the new sheet's part apart from existing ones, letter case included", async () => {
    const zip = await JSZip.loadAsync(await inputWith());
    zip.file("xl/worksheets/Sheet2.xml", "<worksheet/>"); // a part of some other producer's naming
    const names = [...(await parts((await score(await zip.generateAsync({ type: "nodebuffer" }))).output)).keys()];
    const lower = names.map((n) => n.toLowerCase());
    expect(new Set(lower).size).toBe(names.length);
    expect(names).toContain("xl/worksheets/sheet3.xml");
  });

  it("names the summary 综合得分(2) when a chart sheet ExcelJS does not show is called 综合得分", async () => {
    const zip = await JSZip.loadAsync(await inputWith());
    const chartsheet = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet";
    zip.file("xl/chartsheets/sheet1.xml", '<?xml version="1.0"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>');
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", `<Relationship Id="rId90" Type="${chartsheet}" Target="chartsheets/sheet1.xml"/></Relationships>`));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", workbook.replace("</sheets>", '<sheet name="综合得分" sheetId="9" r:id="rId90"/></sheets>'));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace("</Types>", '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>'),
    );
    const first = (await score(await zip.generateAsync({ type: "nodebuffer" }))).output;
    const sheetNames = async (bytes: Uint8Array) => [...(await parts(bytes)).get("xl/workbook.xml")!.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    expect(await sheetNames(first)).toEqual(["自评表", "综合得分", "综合得分(2)"]);
    // The next run knows 综合得分(2) for its own and replaces it.
    expect(await sheetNames((await score(Buffer.from(first))).output)).toEqual(["自评表", "综合得分", "综合得分(2)"]);
  });

  it("drops the calculation chain when it replaces its summary, which may have held formulas", async () => {
    const zip = await JSZip.loadAsync((await score(await inputWith())).output);
    zip.file("xl/calcChain.xml", '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C9" i="2"/></calcChain>');
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const calcChain = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain";
    zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", `<Relationship Id="rId77" Type="${calcChain}" Target="calcChain.xml"/></Relationships>`));
    const after = await parts((await score(await zip.generateAsync({ type: "nodebuffer" }))).output);
    expect(after.has("xl/calcChain.xml")).toBe(false);
    expect(after.get("xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
  });

  it("replaces its own 综合得分 sheet on a second run, in the same part", async () => {
    const first = (await score(await inputWith())).output;
    const second = (await score(Buffer.from(first))).output;
    const wb = await workbookOf(second);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["自评表", SUMMARY_SHEET_NAME]);
    // The sheets' relationships: the form's notes, the summary's chart drawing.
    expect([...(await parts(second)).keys()].filter((p) => p.startsWith("xl/worksheets/")).sort()).toEqual([
      "xl/worksheets/_rels/sheet1.xml.rels",
      "xl/worksheets/_rels/sheet2.xml.rels",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
  });
});
