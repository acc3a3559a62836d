/**
 * Valid packages other producers write (Strict Open XML, OpenXML SDK's `x:` prefix, rows and cells
 * without `r`, inline strings, shared formulas, 1904 dates, openpyxl's absolute targets, comments,
 * drawings and chart sheets), packages that are damaged or too large, and sheets whose XML holds
 * CDATA, comments and single-quoted attributes: each read into the right grid and scored through
 * `jixiao score`, with every declared write where the report says and nothing else changed.
 */
import { strFromU8, unzipSync } from "fflate";
import { randomBytes } from "crypto";
import { readFileSync, readdirSync, writeFileSync } from "fs";
import * as path from "path";
import { analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid, cellAddress } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { Report } from "../../src/core/report";
import { SUMMARY_SHEET_NAME } from "../../src/core/summary-sheet";
import { ReadOptions, WorkbookReadError, readXlsxBytes } from "../../src/xlsx/reader";
import * as zip from "../../src/xlsx/zip";
import { ZipEntry } from "../../src/xlsx/zip";
import { runMain, scorePackage } from "../support/cli";
import { comparable, exceljsGrid } from "../support/exceljs-grid";
import { Cell, PackageOptions, buildPackage, packageParts, zipParts } from "../support/package";
import { tempDir } from "../support/xlsx";

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
/** G2 is blank (40 is written), G3 disagrees (marked). */
const ROWS: Cell[][] = [
  HEADER,
  ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, null, "疫情停办两场"],
  ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 40, 30, "无"],
];
/** The grid ROWS read into: row 2's blank score is no cell at all. */
const ROWS_GRID: CellValue[][] = [HEADER, ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, undefined as never, "疫情停办两场"], ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 40, 30, "无"]];

/** The package with one part's entry in the zip directory edited (`at` is where the entry starts). */
function withDirectoryEntry(bytes: Uint8Array, part: string, edit: (dv: DataView, at: number) => void): Uint8Array {
  const name = new TextEncoder().encode(part);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at < bytes.length - 46; at++) {
    if (dv.getUint32(at, true) === 0x02014b50 && name.every((b, i) => bytes[at + 46 + i] === b)) edit(dv, at);
  }
  return bytes;
}

/** The package with the inflated size its zip directory declares for one part changed. */
function withDeclaredSize(bytes: Uint8Array, part: string, size: number): Uint8Array {
  return withDirectoryEntry(bytes, part, (dv, at) => dv.setUint32(at + 24, size, true));
}

/** Text as UTF-16 with its byte order mark, little- or big-endian, its XML declaration saying UTF-16. */
function utf16(xml: string, order: "LE" | "BE"): Uint8Array {
  const bytes = Buffer.from("\ufeff" + xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le");
  return new Uint8Array(order === "LE" ? bytes : bytes.swap16());
}

/** The English message of the error reading a package gives. */
function readFailure(bytes: Uint8Array, options?: ReadOptions, lang: "zh" | "en" = "en"): string {
  try {
    readXlsxBytes(bytes, "in.xlsx", options);
  } catch (error) {
    if (error instanceof WorkbookReadError) return error.text[lang];
    throw error;
  }
  throw new Error("the package was read");
}

/**
 * Every write the report declares is in the copy, at its cell, with its value; every other cell
 * of every input sheet is as it was; the summary sheet is added.
 */
function expectWritesWhereReported(input: WorkbookGrid, output: WorkbookGrid, report: Report): void {
  expect(output.sheets.map((s) => s.name)).toEqual([...input.sheets.map((s) => s.name), SUMMARY_SHEET_NAME]);
  for (const sheet of input.sheets) {
    const written = output.sheets.find((s) => s.name === sheet.name)!;
    const expected = sheet.values.map((row) => [...row]);
    for (const write of report.writes.filter((w) => w.sheet === sheet.name)) {
      const at = input.sheets.indexOf(sheet) >= 0 ? parseA1(write.cell) : undefined;
      (expected[at!.row] ??= [])[at!.col] = Number(write.after);
    }
    expect([sheet.name, written.values]).toEqual([sheet.name, expected]);
  }
}

function parseA1(cell: string): { row: number; col: number } {
  const col = cell.charCodeAt(0) - 65;
  return { row: Number(cell.slice(1)) - 1, col };
}

async function expectScoredAsUsual(options: PackageOptions): Promise<void> {
  const bytes = buildPackage(options);
  const input = readXlsxBytes(bytes, "in.xlsx").grid;
  const { code, report, output } = await scorePackage(bytes);
  expect(code).toBe(1); // G3's recorded 30 disagrees
  expect(report!.writes.map((w) => [w.sheet, w.cell, w.after])).toEqual([["自评表", "G2", "40"]]);
  expectWritesWhereReported(input, readXlsxBytes(output!, "out.xlsx").grid, report!);
}

describe("valid packages from other producers", () => {
  it("Strict Open XML: its namespaces read like the transitional ones", async () => {
    const options: PackageOptions = { sheets: [{ name: "自评表", rows: ROWS }], strict: true };
    expect(readXlsxBytes(buildPackage(options), "strict.xlsx").grid.sheets[0].values).toEqual(ROWS_GRID);
    await expectScoredAsUsual(options);
  });

  it("every element with an x: prefix (OpenXML SDK)", async () => {
    const options: PackageOptions = { sheets: [{ name: "自评表", rows: ROWS }], prefix: "x:" };
    expect(readXlsxBytes(buildPackage(options), "sdk.xlsx").grid.sheets[0].values).toEqual(ROWS_GRID);
    await expectScoredAsUsual(options);
  });

  it("rows and cells without their r address, counted by their place", async () => {
    const options: PackageOptions = { sheets: [{ name: "自评表", rows: ROWS }], noAddresses: true };
    expect(readXlsxBytes(buildPackage(options), "no-r.xlsx").grid.sheets[0].values).toEqual(ROWS_GRID);
    await expectScoredAsUsual(options);
  });

  it("inline strings, plain and rich, as ExcelJS reads them", async () => {
    const rich = { xml: '<c t="inlineStr"><is><r><rPr><b/></rPr><t>群众</t></r><r><t>满意度</t></r></is></c>' };
    const rows = ROWS.map((row, r) => (r === 2 ? row.map((cell, c) => (c === 2 ? rich : cell)) : row));
    const bytes = buildPackage({ sheets: [{ name: "自评表", rows }], inlineStrings: true });
    const grid = readXlsxBytes(bytes, "inline.xlsx").grid;
    expect(grid.sheets[0].values).toEqual(ROWS_GRID);
    expect(comparable(grid)).toEqual(comparable(await exceljsGrid(bytes)));
    await expectScoredAsUsual({ sheets: [{ name: "自评表", rows }], inlineStrings: true });
  });

  it("a 总分 filled right from its 分值 as a shared formula is worked out again once its blanks are filled, as a plain one is (review round 48b, M1)", async () => {
    const rows: Cell[][] = [
      HEADER,
      ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 60, null, "疫情停办两场"],
      ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 40, 40, ""],
      // G4's 40 is what Excel last worked out, before G2 was filled.
      ["总分", "", "", "", "", { xml: '<c><f t="shared" ref="F4:G4" si="0">SUM(F2:F3)</f><v>100</v></c>' }, { xml: '<c><f t="shared" si="0"/><v>40</v></c>' }, ""],
    ];
    const { code, report } = await scorePackage(buildPackage({ sheets: [{ name: "自评表", rows }] }));
    expect(report!.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
    expect(code).toBe(0);
    expect(report!.totals.map((t) => [t.score, t.recordedScore])).toEqual([["88", "88"]]);
    expect(report!.writes.map((w) => [w.cell, w.after])).toEqual([
      ["G2", "48"],
      ["G4", "88"],
    ]);
  });

  it("shared and array formulas: the master's text, the others its text moved to them, the cached results as values", async () => {
    const rows: Cell[][] = [
      ["分值", "得分", "得分率"],
      [10, 8, { xml: '<c><f t="shared" ref="C2:C4" si="0">B2/A2</f><v>0.8</v></c>' }],
      [10, 9, { xml: '<c><f t="shared" si="0"/><v>0.9</v></c>' }],
      [20, 10, { xml: '<c><f t="shared" si="0"/><v>0.5</v></c>' }],
      [{ xml: '<c><f t="array" ref="A5">SUM(A2:A4)</f><v>40</v></c>' }, { xml: '<c t="str"><f>"合计"&amp;""</f><v>合计</v></c>' }, { xml: '<c t="e"><f>1/0</f><v>#DIV/0!</v></c>' }],
    ];
    const bytes = buildPackage({ sheets: [{ name: "公式", rows }] });
    const sheet = readXlsxBytes(bytes, "formulas.xlsx").grid.sheets[0];
    expect(sheet.values.slice(1)).toEqual([
      [10, 8, 0.8],
      [10, 9, 0.9],
      [20, 10, 0.5],
      [40, "合计", { error: "#DIV/0!" }],
    ]);
    expect(sheet.formulas!.slice(1).map((row) => row.slice(0, 3))).toEqual([
      [undefined, undefined, "B2/A2"],
      [undefined, undefined, "B3/A3"],
      [undefined, undefined, "B4/A4"],
      ["SUM(A2:A4)", '"合计"&""', "1/0"],
    ]);
    expect(comparable({ sheets: [sheet] })).toEqual(comparable(await exceljsGrid(bytes)));
  });

  it("dates in the 1904 system, booleans and error values", async () => {
    const rows: Cell[][] = [[{ xml: '<c s="1"><v>43830</v></c>' }, { xml: '<c t="b"><v>1</v></c>' }, { xml: '<c t="e"><v>#N/A</v></c>' }, { xml: '<c s="2"><v>0.5</v></c>' }]];
    const options: PackageOptions = {
      sheets: [{ name: "日期", rows }],
      date1904: true,
      cellXfs: ['<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>', '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
      numFmts: ['<numFmt numFmtId="164" formatCode="0.0&quot;分&quot;"/>'],
    };
    const bytes = buildPackage(options);
    const sheet = readXlsxBytes(bytes, "1904.xlsx").grid.sheets[0];
    // Serial 43830 counts from 1904-01-01: 2024-01-01, where the 1900 system would say 2019-12-31.
    expect(sheet.values[0]).toEqual(["2024-01-01", true, { error: "#N/A" }, 0.5]);
    expect(sheet.numFmts[0]).toEqual(["mm-dd-yy", undefined, undefined, '0.0"分"']);
    expect(comparable({ sheets: [sheet] })).toEqual(comparable(await exceljsGrid(bytes)));
  });

  it("openpyxl's package: absolute targets, a comment, a drawing without the xdr: prefix and a chart sheet", async () => {
    const drawing =
      '<?xml version="1.0"?><wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><oneCellAnchor><from><col>9</col><colOff>0</colOff><row>1</row><rowOff>0</rowOff></from><ext cx="4800600" cy="2743200"/><graphicFrame macro=""><nvGraphicFramePr><cNvPr id="1" name="Chart 1"/><cNvGraphicFramePr/></nvGraphicFramePr><xfrm/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></graphicFrame><clientData/></oneCellAnchor></wsDr>';
    const comments =
      '<?xml version="1.0"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>openpyxl</author></authors><commentList><comment ref="G2" authorId="0"><text><t>待补</t></text></comment></commentList></comments>';
    const sheetRels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="comments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="/xl/comments/comment1.xml"/>' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="/xl/drawings/drawing1.xml"/></Relationships>';
    const options: PackageOptions = {
      sheets: [{ name: "自评表", rows: ROWS }, { name: "图表", chart: true }],
      absoluteTargets: true,
      extraParts: {
        "xl/worksheets/_rels/sheet1.xml.rels": sheetRels,
        "xl/comments/comment1.xml": comments,
        "xl/drawings/drawing1.xml": drawing,
      },
    };
    const grid = readXlsxBytes(buildPackage(options), "openpyxl.xlsx").grid;
    expect(grid.sheets.map((s) => s.name)).toEqual(["自评表"]);
    expect(grid.otherSheetNames).toEqual(["图表"]);
    await expectScoredAsUsual(options);
  });

  it("a package of 65,530 parts: its copy, past the 65,535 entries a plain zip counts, gets a zip64 directory and holds them all", async () => {
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
    const inputParts = Object.keys(parts).length;
    for (let i = inputParts; i < 65_530; i++) parts[`junk/p${i}.xml`] = "<a/>";
    const { code, output } = await scorePackage(zipParts(parts));
    expect(code).toBe(1);
    const copy = unzipSync(output!);
    expect(Object.keys(copy).length).toBeGreaterThan(0xffff);
    expect(Object.keys(parts).filter((name) => !(name in copy))).toEqual([]);
    expect(strFromU8(copy["junk/p65529.xml"])).toBe("<a/>");
    expect(readXlsxBytes(output!, "out.xlsx").grid.sheets.map((s) => s.name)).toEqual(["自评表", SUMMARY_SHEET_NAME]);
  }, 60_000);

  it("parts in UTF-16 (with a byte order mark, as OPC allows) are read; those the copy rewrites become UTF-8 and say so, the others are copied as they were", async () => {
    const parts: Record<string, string | Uint8Array> = packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
    for (const [part, order] of [["xl/workbook.xml", "LE"], ["xl/worksheets/sheet1.xml", "BE"], ["xl/sharedStrings.xml", "LE"]] as const) parts[part] = utf16(parts[part] as string, order);
    const bytes = zipParts(parts);
    expect(readXlsxBytes(bytes, "utf16.xlsx").grid.sheets.map((s) => [s.name, s.values])).toEqual([["自评表", ROWS_GRID]]);
    const { code, report, output } = await scorePackage(bytes);
    expect(code).toBe(1);
    expect(report!.writes.map((w) => [w.sheet, w.cell, w.after])).toEqual([["自评表", "G2", "40"]]);
    const copy = unzipSync(output!);
    for (const part of ["xl/workbook.xml", "xl/worksheets/sheet1.xml"]) {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(copy[part]);
      expect([part, /^<\?xml [^>]*encoding="([^"]*)"/.exec(text)?.[1]]).toEqual([part, "UTF-8"]);
    }
    expect(copy["xl/sharedStrings.xml"]).toEqual(parts["xl/sharedStrings.xml"]);
    expect(readXlsxBytes(output!, "out.xlsx").grid.sheets.map((s) => s.name)).toEqual(["自评表", SUMMARY_SHEET_NAME]);
  });

  it("hidden sheets are read like the others, and known to be hidden", async () => {
    const sheets = [
      { name: "说明", rows: [["填表说明"]], state: "veryHidden" as const },
      { name: "2022年", rows: ROWS, state: "hidden" as const },
      { name: "自评表", rows: ROWS },
    ];
    const grid = readXlsxBytes(buildPackage({ sheets }), "hidden.xlsx").grid;
    expect(grid.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["说明", true],
      ["2022年", true],
      ["自评表", undefined],
    ]);
  });

  it("reads jixiao's record from its custom XML part, found through the workbook's relationships", () => {
    const record = '{"v":1,"ignores":[]}';
    const options: PackageOptions = {
      sheets: [{ name: "自评表", rows: ROWS }],
      extraParts: {
        "customXml/item1.xml": '<?xml version="1.0"?><other xmlns="urn:someone:else">{"v":1,"x":2}</other>',
        "customXml/item2.xml": `<?xml version="1.0"?><j:jixiao xmlns:j="urn:jixiao:state:1"><![CDATA[${record}]]></j:jixiao>`,
      },
      workbookRels: [
        { type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml", target: "../customXml/item1.xml" },
        { type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml", target: "../customXml/item2.xml" },
      ],
    };
    expect(readXlsxBytes(buildPackage(options), "state.xlsx").grid.state).toBe(record);
    expect(readXlsxBytes(buildPackage({ sheets: [{ name: "自评表", rows: ROWS }] }), "none.xlsx").grid.state).toBeUndefined();
  });

  it("another program's custom XML part it cannot read (here in GBK) is not jixiao's record, and no reason to refuse the workbook", () => {
    const record = '{"v":1,"ignores":[]}';
    const parts: Record<string, string | Uint8Array> = packageParts({
      sheets: [{ name: "自评表", rows: ROWS }],
      extraParts: { "customXml/item2.xml": `<?xml version="1.0"?><j:jixiao xmlns:j="urn:jixiao:state:1"><![CDATA[${record}]]></j:jixiao>` },
      workbookRels: ["../customXml/item1.xml", "../customXml/item2.xml"].map((target) => ({
        type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
        target,
      })),
    });
    // <other>中文</other>, 中文 in GBK.
    const head = new TextEncoder().encode('<?xml version="1.0" encoding="GBK"?><other>');
    parts["customXml/item1.xml"] = new Uint8Array([...head, 0xd6, 0xd0, 0xce, 0xc4, ...new TextEncoder().encode("</other>")]);
    expect(readXlsxBytes(zipParts(parts), "gbk-custom.xlsx").grid.state).toBe(record);
  });

  it("a record part past the size limit is refused as any part is, not taken for no record (a second one would be written)", () => {
    const record = JSON.stringify({ v: 1, ignores: [], note: "x".repeat(30_000) });
    const bytes = buildPackage({
      sheets: [{ name: "自评表", rows: ROWS }],
      extraParts: { "customXml/item1.xml": `<?xml version="1.0"?><j:jixiao xmlns:j="urn:jixiao:state:1">${record}</j:jixiao>` },
      workbookRels: [{ type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml", target: "../customXml/item1.xml" }],
    });
    expect(readXlsxBytes(bytes, "big-record.xlsx").grid.state).toBe(record);
    expect(readFailure(bytes, { limits: { maxPartBytes: 20_000 } })).toContain("the part customXml/item1.xml inflates to");
  });

  it("writes its record back into the part the reader found it in, and notes an x:-prefixed sheet's marks", async () => {
    const options: PackageOptions = {
      sheets: [{ name: "自评表", rows: ROWS }],
      prefix: "x:",
      extraParts: {
        "customXml/item1.xml": '<?xml version="1.0"?><other xmlns="urn:someone:else">{"v":1,"x":2}</other>',
        "customXml/item2.xml": '<?xml version="1.0"?><j:jixiao xmlns:j="urn:jixiao:state:1"><![CDATA[{"v":1,"ignores":[]}]]></j:jixiao>',
      },
      workbookRels: [
        { type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml", target: "../customXml/item1.xml" },
        { type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml", target: "../customXml/item2.xml" },
      ],
    };
    const { output } = await scorePackage(buildPackage(options));
    const parts = unzipSync(output!);
    const text = (part: string) => strFromU8(parts[part]);
    // One record: the other program's part as it was, jixiao's rewritten in place with the marks added.
    expect(Object.keys(parts).filter((name) => name.startsWith("customXml/") && !name.includes("_rels"))).toEqual(["customXml/item1.xml", "customXml/item2.xml"]);
    expect(text("customXml/item1.xml")).toBe(options.extraParts!["customXml/item1.xml"]);
    const state = JSON.parse(readXlsxBytes(output!, "out.xlsx").grid.state!) as { ignores: unknown[]; marks: { entries: { sheet: string }[] } };
    expect(state.ignores).toEqual([]);
    expect(state.marks.entries.map((entry) => entry.sheet)).toContain("自评表");
    // The marked sheet's notes: a comments part related from it, its note drawing under the sheet's own prefix.
    expect(text("xl/worksheets/sheet1.xml")).toMatch(/<x:legacyDrawing [^>]*r:id="rId\d+"\/><\/x:worksheet>$/);
    const comments = Object.keys(parts).find((name) => /^xl\/comments\d+\.xml$/.test(name))!;
    expect(text(comments)).toContain('<comment ref="G3"');
  });
});

describe("notes beside a header's picture", () => {
  it("a sheet whose header shows a picture (<legacyDrawingHF>, a drawing of the notes' type) keeps it; the notes get a drawing of their own", async () => {
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
    const HEADER_VML = '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="LH" type="#_x0000_t75"><v:imagedata o:title="logo"/></v:shape></xml>';
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
      "</worksheet>",
      '<headerFooter><oddHeader>&amp;L&amp;G</oddHeader></headerFooter><legacyDrawingHF xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId7"/></worksheet>',
    );
    parts["xl/worksheets/_rels/sheet1.xml.rels"] =
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>';
    parts["xl/drawings/vmlDrawing1.vml"] = HEADER_VML;
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace("</Types>", '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/></Types>');
    const { output } = await scorePackage(zipParts(parts));
    const files = unzipSync(output!);
    const text = (name: string) => strFromU8(files[name]);
    // The header's picture: its drawing as it was, still named by the header.
    expect(text("xl/drawings/vmlDrawing1.vml")).toBe(HEADER_VML);
    const sheet = text("xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<legacyDrawingHF [^>]*r:id="rId7"\/><\/worksheet>$/);
    // The notes: a drawing of their own, named by a <legacyDrawing> before the header's (the schema's order).
    const notesId = /<legacyDrawing [^>]*r:id="(rId\d+)"\/><legacyDrawingHF /.exec(sheet)?.[1];
    expect(notesId).toBeDefined();
    expect(notesId).not.toBe("rId7");
    const rels = text("xl/worksheets/_rels/sheet1.xml.rels");
    const notesTarget = new RegExp(`Id="${notesId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    expect(notesTarget).toBe("../drawings/vmlDrawing2.vml");
    expect(text("xl/drawings/vmlDrawing2.vml")).toContain('ObjectType="Note"');
  });
});

describe("where a write lands: positions from the tokenizer", () => {
  it("a sheet with CDATA and an XML comment holding cell-like text: the write goes to G2, nothing else changes", async () => {
    const sheetXml =
      "<sheetData>" +
      ROWS.map((row, r) => {
        const cells = row.map((cell, c) => {
          const ref = cellAddress(r, c);
          if (cell === null) return "";
          if (typeof cell === "number") return `<c r="${ref}"><v>${cell}</v></c>`;
          // Text as inline CDATA, one of them holding what looks like the cell G2.
          const text = ref === "H2" ? `疫情停办两场<c r="G2"><v>1</v></c>` : String(cell);
          return `<c r="${ref}" t="inlineStr"><is><t><![CDATA[${text}]]></t></is></c>`;
        });
        return `<row r="${r + 1}"><!-- <c r="G${r + 1}"/> -->${cells.join("")}</row>`;
      }).join("") +
      "</sheetData>";
    const bytes = buildPackage({ sheets: [{ name: "自评表", sheetXml }] });
    const input = readXlsxBytes(bytes, "cdata.xlsx").grid;
    expect(input.sheets[0].values[1][7]).toBe('疫情停办两场<c r="G2"><v>1</v></c>');
    const { report, output } = await scorePackage(bytes);
    expect(report!.writes.map((w) => w.cell)).toEqual(["G2"]);
    expectWritesWhereReported(input, readXlsxBytes(output!, "out.xlsx").grid, report!);
    expect((await exceljsGrid(output!)).sheets[0].values[1][6]).toBe(40);
  });

  it("a sheet name in single quotes holding id=\"rId1\": the writes go to its own sheet", async () => {
    const parts = packageParts({ sheets: [{ name: "说明", rows: [["填表说明"], ["不要改动"]] }, { name: "自评表", rows: ROWS }] });
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace('<sheet name="自评表" sheetId="2" r:id="rId2"/>', `<sheet name='a id="rId1"' sheetId='2' r:id='rId2'/>`);
    const bytes = zipParts(parts);
    const input = readXlsxBytes(bytes, "quoted.xlsx").grid;
    expect(input.sheets.map((s) => s.name)).toEqual(["说明", 'a id="rId1"']);
    const { report, output } = await scorePackage(bytes);
    expect(report!.writes.map((w) => [w.sheet, w.cell])).toEqual([['a id="rId1"', "G2"]]);
    expectWritesWhereReported(input, readXlsxBytes(output!, "out.xlsx").grid, report!);
  });

  it("a 总分 formula's cached result is replaced and its formula kept (a cachedResult write)", async () => {
    const { patchSheet } = await import("../../src/xlsx/sheet-part");
    const xml = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="3" t="str"><f>SUM(B1:C1)</f><v>旧</v></c></row></sheetData></worksheet>';
    const out = patchSheet(xml, new Map([[0, new Map([[0, { value: "95", cachedResult: true as const, restyle: (f: number) => f }]])]]));
    expect(out).toBe('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="3"><f>SUM(B1:C1)</f><v>95</v></c></row></sheetData></worksheet>');
  });
});

describe("damaged and oversized packages: one clear line each, exit 2", () => {
  it("a sheet whose part is missing names the sheet and the part", async () => {
    const r = await scorePackage(buildPackage({ sheets: [{ name: "自评表", rows: ROWS }], omit: ["xl/worksheets/sheet1.xml"] }));
    expect(r.code).toBe(2);
    expect(r.err).toContain("工作表“自评表”的内容（xl/worksheets/sheet1.xml）不在文件中");
  });

  it("a missing shared-strings part says so", async () => {
    const r = await scorePackage(buildPackage({ sheets: [{ name: "自评表", rows: ROWS }], omit: ["xl/sharedStrings.xml"] }), "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain("the file is damaged: the shared strings part (xl/sharedStrings.xml) is missing");
  });

  it("a part that inflates past the limit is refused before it is inflated, and --max-size raises the limit", async () => {
    // 3 MB of spaces inside a sheet compress to a few kilobytes.
    const padded = packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
    padded["xl/worksheets/sheet1.xml"] = padded["xl/worksheets/sheet1.xml"].replace("<sheetData>", `<sheetData>${" ".repeat(3 * 1024 * 1024)}`);
    const bytes = zipParts(padded);
    expect(bytes.length).toBeLessThan(100_000);
    const refused = await scorePackage(bytes, "--max-size", "2");
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("工作表“自评表”（xl/worksheets/sheet1.xml）解压后有 4 MB，超过每个部件 2 MB 的上限（命令行可用 --max-size 提高）");
    expect((await scorePackage(bytes, "--max-size", "5")).code).toBe(1);
    expect((await runMain("score", "x.xlsx", "--max-size", "lots")).err).toContain("--max-size 应为正数（MB），不是 lots");
  });

  it("parts that together inflate past the limit", async () => {
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }, { name: "二", rows: ROWS }, { name: "三", rows: ROWS }] });
    for (const n of [1, 2, 3]) parts[`xl/worksheets/sheet${n}.xml`] = parts[`xl/worksheets/sheet${n}.xml`].replace("<sheetData>", `<sheetData>${" ".repeat(900 * 1024)}`);
    const r = await scorePackage(zipParts(parts), "--max-size", "2", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the workbook inflates to more than the limit of 2 MB \(at xl\/worksheets\/sheet3\.xml; the command line's --max-size raises it\)/);
  });

  it("a limit below 1 MB is said as given, not rounded up to 1 MB, and so is a part's size below it (review round 52d L6)", async () => {
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }, { name: "二", rows: ROWS }, { name: "三", rows: ROWS }] });
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace("<sheetData>", `<sheetData>${" ".repeat(20 * 1024)}`);
    const part = await scorePackage(zipParts(parts), "--max-size", "0.01");
    expect(part.err).toMatch(/（xl\/worksheets\/sheet1\.xml）解压后有 0\.0\d+ MB，超过每个部件 0\.01 MB 的上限/);
    for (const n of [1, 2, 3]) parts[`xl/worksheets/sheet${n}.xml`] = parts[`xl/worksheets/sheet${n}.xml`].replace("<sheetData>", `<sheetData>${" ".repeat(20 * 1024)}`);
    const total = await scorePackage(zipParts(parts), "--max-size", "0.05", "--lang", "en");
    expect(total.err).toMatch(/the workbook inflates to more than the limit of 0\.05 MB \(at xl\/worksheets\/sheet\d\.xml/);
  });

  it("a zip entry that lies about its size is damaged, not inflated further", () => {
    const bytes = withDeclaredSize(buildPackage({ sheets: [{ name: "自评表", rows: ROWS }] }), "xl/worksheets/sheet1.xml", 10);
    expect(readFailure(bytes)).toContain("sheet \"自评表\" (xl/worksheets/sheet1.xml) cannot be inflated (inflates to more than the 10 bytes it declares)");
    // In Chinese alone (review round 56b, L1).
    expect(readFailure(bytes, {}, "zh")).toBe("in.xlsx: 文件已损坏：工作表“自评表”（xl/worksheets/sheet1.xml）无法解压（解压后比声明的 10 字节多）");
  });

  // Review round 56b L1: "undefined entity." said of a DOCTYPE's entities, the parser's English in the Chinese line.
  it("a part that defines entities in a DOCTYPE is refused saying so, in each language; other damage without the tokenizer's English in Chinese", () => {
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
    const sheet = "xl/worksheets/sheet1.xml";
    const original = parts[sheet] as string;
    parts[sheet] = original.replace(/^(<\?xml[^>]*\?>)?/, '$1<!DOCTYPE worksheet [<!ENTITY a "1">]>').replace("<v>50</v>", "<v>&a;</v>");
    const doctype = zipParts(parts);
    expect(readFailure(doctype, {}, "zh")).toBe("in.xlsx: 文件已损坏：工作表“自评表”（xl/worksheets/sheet1.xml）不是有效的 XML（用 DOCTYPE 定义了实体，.xlsx 的部件不允许）");
    expect(readFailure(doctype)).toMatch(/^in\.xlsx: the file is damaged: sheet "自评表" \(xl\/worksheets\/sheet1\.xml\) is not well-formed XML \(it defines entities in a DOCTYPE, which \.xlsx parts may not: .*entity.*\)$/);
    parts[sheet] = original.replace("<v>50</v>", "<v>50</x>");
    const broken = zipParts(parts);
    expect(readFailure(broken, {}, "zh")).toBe("in.xlsx: 文件已损坏：工作表“自评表”（xl/worksheets/sheet1.xml）不是有效的 XML（标记不完整或有误）");
    expect(readFailure(broken)).toMatch(/is not well-formed XML \(.+\)$/);
  });

  it("a zip directory whose lengths run past the end of the file is damaged: its last entry's name, extra field or comment, or a zip64 field too short", () => {
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
    const last = Object.keys(parts).at(-1)!;
    const edits: [string, (dv: DataView, at: number) => void][] = [
      ["name", (dv, at) => dv.setUint16(at + 28, 0xffff, true)],
      ["extra field", (dv, at) => dv.setUint16(at + 30, 0xffff, true)],
      ["comment", (dv, at) => dv.setUint16(at + 32, 0xffff, true)],
    ];
    for (const [what, edit] of edits) {
      expect([what, readFailure(withDirectoryEntry(zipParts(parts), last, edit))]).toEqual([
        what,
        "in.xlsx: the file is damaged and cannot be opened as .xlsx (the zip's directory is damaged)",
      ]);
    }
    // A zip64 extra field of 4 bytes where the size it stands for needs 8.
    const zip64 = withDirectoryEntry(zipParts(parts, { extra: { 1: new Uint8Array(4) } }), last, (dv, at) => dv.setUint32(at + 24, 0xffffffff, true));
    expect(readFailure(zip64)).toBe(`in.xlsx: the file is damaged and cannot be opened as .xlsx (the zip entry ${last} is damaged)`);
    // The Chinese line says why in Chinese too.
    expect(() => readXlsxBytes(zip64, "in.xlsx")).toThrow(`in.xlsx: 文件已损坏，无法作为 .xlsx 打开（压缩包条目 ${last} 已损坏）`);
  });

  it("a part whose checksum fails is damaged: deflated data that inflates to the size declared, stored data changed", async () => {
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
    const deflated = withDirectoryEntry(zipParts(parts), "xl/sharedStrings.xml", (dv, at) => dv.setUint32(at + 16, dv.getUint32(at + 16, true) ^ 1, true));
    const r = await scorePackage(deflated);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("in.xlsx: 文件已损坏：部件 xl/sharedStrings.xml 校验和不符")]);

    const stored = zipParts(parts, { level: 0 });
    const value = Buffer.from(stored).indexOf("<v>30</v>");
    expect(value).toBeGreaterThan(0);
    stored[value + "<v>3".length] = "1".charCodeAt(0); // G3's recorded 30 now reads 31
    expect(readFailure(stored)).toBe("in.xlsx: the file is damaged: sheet \"自评表\" (xl/worksheets/sheet1.xml) fails its checksum");
  });

  it("a part jixiao does not read, copied as it is, is checked too: a damaged one is told, not copied", async () => {
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }], extraParts: { "xl/theme/theme1.xml": "<a:theme xmlns:a=\"urn:x\"/>" } });
    // Read, the package is fine: jixiao never reads the theme.
    const damaged = withDirectoryEntry(zipParts(parts), "xl/theme/theme1.xml", (dv, at) => dv.setUint32(at + 16, dv.getUint32(at + 16, true) ^ 1, true));
    expect(readXlsxBytes(damaged, "in.xlsx").grid.sheets).toHaveLength(1);
    const r = await scorePackage(damaged);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("in.xlsx: 文件已损坏：部件 xl/theme/theme1.xml 校验和不符")]);
    expect((await scorePackage(zipParts(parts))).code).toBe(1);
  });

  it("a part in an encoding other than UTF-8 or UTF-16, declared so or not, or whose bytes are not its encoding's, is refused naming the part", async () => {
    const parts: Record<string, string | Uint8Array> = packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
    const workbook = parts["xl/workbook.xml"] as string;
    const name = new TextEncoder().encode("自评表");
    const gbkName = Uint8Array.from([0xd7, 0xd4, 0xc6, 0xc0, 0xb1, 0xed]);
    const inGbk = Buffer.from(workbook.replace('encoding="UTF-8"', 'encoding="GBK"'));
    const gbk = Buffer.concat([inGbk.subarray(0, inGbk.indexOf(name)), gbkName, inGbk.subarray(inGbk.indexOf(name) + name.length)]);
    const r = await scorePackage(zipParts({ ...parts, "xl/workbook.xml": gbk }));
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("in.xlsx: 部件 xl/workbook.xml 的编码是 GBK，而 .xlsx 的部件只能用 UTF-8 或 UTF-16 编码")]);

    const strings = Buffer.from(parts["xl/sharedStrings.xml"] as string);
    strings[strings.indexOf("一级指标")] = 0xff;
    expect(readFailure(zipParts({ ...parts, "xl/sharedStrings.xml": strings }))).toBe("in.xlsx: the file is damaged: the part xl/sharedStrings.xml holds bytes that are not valid UTF-8");
    expect(readFailure(zipParts({ ...parts, "xl/workbook.xml": workbook.replace('encoding="UTF-8"', 'encoding="UTF-16"') }))).toBe(
      "in.xlsx: the file is damaged: the part xl/workbook.xml declares the encoding UTF-16, but its bytes are UTF-8",
    );
    const oddLength = utf16(workbook, "LE").subarray(0, -1);
    expect(readFailure(zipParts({ ...parts, "xl/workbook.xml": oddLength }))).toBe("in.xlsx: the file is damaged: the part xl/workbook.xml holds bytes that are not valid UTF-16");
  });

  it("a part of ASCII alone declared in an encoding built on ASCII, and UTF8 written without its hyphen, are read; a rewritten part says UTF-8", async () => {
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace('encoding="UTF-8"', 'encoding="UTF8"');
    const r = await scorePackage(zipParts(parts));
    expect([r.code, r.err]).toEqual([1, ""]);
    const copy = unzipSync(r.output!);
    // jixiao adds 综合得分's content type, and writes the part as UTF-8.
    expect(strFromU8(copy["[Content_Types].xml"])).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(readXlsxBytes(zipParts(parts), "in.xlsx").grid.sheets.map((sheet) => sheet.name)).toEqual(["自评表"]);
  });

  it("a part that is not well-formed XML is named, whichever part it is; a missing [Content_Types].xml is said once to be damaged", async () => {
    const parts = ["xl/workbook.xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml", "xl/worksheets/_rels/sheet1.xml.rels"];
    for (const part of parts) {
      const r = await scorePackage(buildPackage({ sheets: [{ name: "自评表", rows: ROWS }], extraParts: { [part]: "garbage" } }), "--lang", "en");
      expect([part, r.code, r.err.slice(r.err.indexOf("in.xlsx: "))]).toEqual([
        part,
        2,
        `in.xlsx: the file is damaged: the part ${part} is not well-formed XML (1:7: text data outside of root node.)`,
      ]);
    }
    const missing = await scorePackage(buildPackage({ sheets: [{ name: "自评表", rows: ROWS }], omit: ["[Content_Types].xml"] }));
    expect([missing.code, missing.err.slice(missing.err.indexOf("in.xlsx: "))]).toEqual([2, "in.xlsx: 文件已损坏：缺少 [Content_Types].xml"]);
  });

  it("a sheet the reader does not read (a chart sheet) that jixiao's record names and that is not well-formed XML is named too", async () => {
    const scored = await scorePackage(buildPackage({ sheets: [{ name: "自评表", rows: ROWS }, { name: "图表", chart: true }] }));
    const parts: Record<string, string | Uint8Array> = unzipSync(scored.output!);
    // The user swapped the sheets' names: the record's marks are on 自评表, now the chart sheet, which is damaged.
    const workbook = strFromU8(parts["xl/workbook.xml"] as Uint8Array);
    parts["xl/workbook.xml"] = workbook.replace('name="自评表"', 'name="tmp"').replace('name="图表"', 'name="自评表"').replace('name="tmp"', 'name="图表"');
    parts["xl/chartsheets/sheet2.xml"] = strFromU8(parts["xl/chartsheets/sheet2.xml"] as Uint8Array).replace("</chartsheet>", "</chartSheet>");
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    writeFileSync(input, zipParts(parts));
    for (const command of [["score", input, "--out", path.join(dir, "scored.xlsx")], ["clean", input, "--out", path.join(dir, "clean.xlsx")]]) {
      const r = await runMain(...command, "--lang", "en");
      expect([command[0], r.code, r.err]).toEqual([
        command[0],
        2,
        `${input}: the file is damaged: the part xl/chartsheets/sheet2.xml is not well-formed XML (1:185: unexpected close tag.)`,
      ]);
    }
  });

  it("a copy past the 4 GB a zip without 64-bit offsets holds is not written: said of the output, in both languages, exit 2", async () => {
    // The copy is made as always, then padded past 4 GB with stored entries that share one megabyte.
    const megabyte = new Uint8Array(2 ** 20);
    const padding: ZipEntry[] = Array.from({ length: 4096 }, (_, i) => ({ name: `padding/${i}`, method: 0, crc: 0, size: megabyte.length, data: megabyte, time: 0, date: 0 }));
    const writeZip = zip.writeZip;
    const padded = jest.spyOn(zip, "writeZip").mockImplementation((entries) => writeZip([...entries, ...padding]));
    try {
      const dir = tempDir();
      const input = path.join(dir, "in.xlsx");
      writeFileSync(input, buildPackage({ sheets: [{ name: "自评表", rows: ROWS }] }));
      const scored = path.join(dir, "scored.xlsx");
      expect(await runMain("score", input, "--out", scored, "--lang", "en")).toEqual({ code: 2, out: "", err: `${scored}: cannot write the scored workbook (the copy would exceed 4 GB)` });
      expect((await runMain("score", input, "--out", scored)).err).toBe(`${scored}: 无法写出评分结果（副本将超过 4 GB）`);
      const cleaned = path.join(dir, "clean.xlsx");
      expect(await runMain("clean", input, "--out", cleaned, "--lang", "en")).toEqual({ code: 2, out: "", err: `${cleaned}: cannot be written (the copy would exceed 4 GB)` });
      expect(padded).toHaveBeenCalledTimes(3);
      expect(readdirSync(dir)).toEqual(["in.xlsx"]);
    } finally {
      padded.mockRestore();
    }
  });

  it("an empty part flagged deflated with no data at all is read as empty and copied, in the command line and the page (review round 33)", async () => {
    const entries = zip.readZip(buildPackage({ sheets: [{ name: "自评表", rows: ROWS }] }));
    const empty: ZipEntry = { name: "docProps/empty.bin", method: 8, crc: 0, size: 0, data: new Uint8Array(0), time: 0, date: 0 };
    const bytes = zip.writeZip([...entries, empty]);
    expect(readXlsxBytes(bytes, "in.xlsx").grid.sheets[0].values[1][2]).toBe("培训场次");
    const r = await scorePackage(bytes);
    expect(r.code).toBe(1);
    expect(zip.readZip(r.output!).find((e) => e.name === "docProps/empty.bin")).toMatchObject({ size: 0, crc: 0 });
  });

  it("an end record counting fewer entries than the directory holds: every entry is read and copied (review round 33)", async () => {
    const entries = zip.readZip(buildPackage({ sheets: [{ name: "自评表", rows: ROWS }] }));
    const picture: ZipEntry = { name: "xl/media/image1.png", method: 0, crc: zip.crc32(new Uint8Array([1, 2, 3])), size: 3, data: new Uint8Array([1, 2, 3]), time: 0, date: 0 };
    const bytes = zip.writeZip([...entries, picture]);
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = bytes.length - 22;
    expect(dv.getUint32(end, true)).toBe(0x06054b50);
    dv.setUint16(end + 8, entries.length, true);
    dv.setUint16(end + 10, entries.length, true);
    expect(zip.readZip(bytes).map((e) => e.name)).toContain("xl/media/image1.png");
    const r = await scorePackage(bytes);
    expect([...zip.readZip(r.output!).find((e) => e.name === "xl/media/image1.png")!.data]).toEqual([1, 2, 3]);
  });

  it("two parts whose names differ only in case, or one name twice with other bytes, are refused by name; the same bytes twice are one part", () => {
    const entries = zip.readZip(buildPackage({ sheets: [{ name: "自评表", rows: ROWS }] }));
    const picture = (name: string, data: number[]): ZipEntry => ({ name, method: 0, crc: zip.crc32(new Uint8Array(data)), size: data.length, data: new Uint8Array(data), time: 0, date: 0 });
    expect(readFailure(zip.writeZip([...entries, picture("xl/media/image1.png", [1]), picture("xl/media/Image1.PNG", [2])]))).toBe(
      "in.xlsx: the file is damaged: the zip holds two parts whose names differ only in case, xl/media/image1.png and xl/media/Image1.PNG",
    );
    expect(readFailure(zip.writeZip([...entries, picture("xl/media/image1.png", [1]), picture("xl/media/image1.png", [2])]))).toBe(
      "in.xlsx: the file is damaged: the zip holds the part xl/media/image1.png twice, with different contents",
    );
    expect(readXlsxBytes(zip.writeZip([...entries, picture("xl/media/image1.png", [1]), picture("xl/media/image1.png", [1])]), "in.xlsx").grid.sheets).toHaveLength(1);
  });

  // Review round 56b, L3: such entries were copied as they were.
  it("zip entries whose names are no part names (../, a leading /, a backslash, an empty or . segment) are not read and not copied, and said so once", async () => {
    const entries = zip.readZip(buildPackage({ sheets: [{ name: "自评表", rows: ROWS }] }));
    const styles = entries.find((e) => e.name === "xl/styles.xml")!;
    const stray = ["../../evil.txt", "/xl/theme/theme1.xml", "xl\\media\\x.png", "xl//a.xml", "./xl/b.xml", "C:/x.txt"];
    // A stray entry's bytes are not even checked: a damaged one is no reason to refuse the file.
    const bad = (name: string): ZipEntry => ({ ...styles, name, crc: styles.crc ^ 1 });
    const r = await scorePackage(zip.writeZip([...entries, ...stray.map(bad)]));
    expect(r.code).toBe(1);
    expect(zip.readZip(r.output!).map((e) => e.name).filter((name) => stray.includes(name))).toEqual([]);
    expect(r.report!.droppedEntries).toEqual(stray);
    expect(r.out.split("\n").filter((line) => line.includes("部件名"))).toEqual([
      "  压缩包里有名称不是有效部件名的条目（文件已损坏），未读取，也未写入副本：../../evil.txt、/xl/theme/theme1.xml、xl\\media\\x.png、xl//a.xml、./xl/b.xml 等 6 个",
    ]);
    // 清除标记 leaves them out of its copy too, saying so.
    const cleaned = path.join(path.dirname(r.input), "cleaned.xlsx");
    const c = await runMain("clean", r.input, "--out", cleaned, "--lang", "en");
    expect(c.code).toBe(0);
    expect(c.out).toContain("  Zip entries whose names are no valid part names (the file is damaged), not read nor written to the copy: ../../evil.txt, /xl/theme/theme1.xml, xl\\media\\x.png, xl//a.xml, ./xl/b.xml and 1 more\n");
    expect(zip.readZip(readFileSync(cleaned)).map((e) => e.name).filter((name) => stray.includes(name))).toEqual([]);
    // A plain package's report has no such field.
    expect((await scorePackage(zip.writeZip(entries))).report!.droppedEntries).toBeUndefined();
  });

  it("an entry declaring more than 4 GB inflated (copied unread from a zip64 input) is refused by the writer, not cut to 32 bits", () => {
    const entry: ZipEntry = { name: "xl/media/huge.bin", method: 8, crc: 0, size: 2 ** 32 + 1, data: new Uint8Array(16), time: 0, date: 0 };
    const refusal = (() => {
      try {
        zip.writeZip([entry]);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(zip.ZipFormatError);
    expect((refusal as zip.ZipFormatError).text).toEqual({ zh: "条目 xl/media/huge.bin 解压后超过 4 GB，副本无法写入", en: "the entry xl/media/huge.bin inflates to more than 4 GB, which the copy cannot hold" });
    expect(() => zip.writeZip([{ ...entry, size: 2 ** 32 - 1 }])).not.toThrow();
  });

  it("a 600 MB part is refused by its declared size under the default limit, with its own message", async () => {
    // 800 KB of data that does not compress: as much as a 600 MB part of repeated text deflates to.
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
    const noise = randomBytes(800_000).toString("base64");
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace("</worksheet>", `<!--${noise}--></worksheet>`);
    const bytes = withDeclaredSize(zipParts(parts), "xl/worksheets/sheet1.xml", 600 * 1024 * 1024);
    const r = await scorePackage(bytes, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain("sheet \"自评表\" (xl/worksheets/sheet1.xml) inflates to 600 MB, over the limit of 200 MB per part (the command line's --max-size raises it)");
    expect(r.err.split("\n")).toHaveLength(1);
  });

  it("a part that declares more than its data can inflate to is damaged, not too large (review round 52a, L2)", async () => {
    const sheet = withDeclaredSize(buildPackage({ sheets: [{ name: "自评表", rows: ROWS }] }), "xl/worksheets/sheet1.xml", 678_953_205);
    const r = await scorePackage(sheet);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/in\.xlsx: 文件已损坏：工作表“自评表”（xl\/worksheets\/sheet1\.xml）声明解压后有 678953205 字节，但它的 \d+ 字节压缩数据解压不出这么多$/)]);
    // Past the limits together (a workbook's total), and a part copied unread (a theme past the per-part limit).
    const total = withDeclaredSize(buildPackage({ sheets: [{ name: "自评表", rows: ROWS }] }), "xl/styles.xml", 190 * 1024 * 1024);
    expect(readFailure(total, { limits: { maxPartBytes: 1e9, maxTotalBytes: 100 * 1024 * 1024 } })).toContain("the part xl/styles.xml declares 199229440 bytes inflated, more than its");
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
    parts["xl/theme/theme1.xml"] = '<?xml version="1.0"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="t"/>';
    const theme = withDeclaredSize(zipParts(parts), "xl/theme/theme1.xml", 300 * 1024 * 1024);
    const copied = await scorePackage(theme, "--lang", "en");
    expect([copied.code, copied.err]).toEqual([2, expect.stringContaining("the part xl/theme/theme1.xml declares 314572800 bytes inflated")]);
  });

  it("a part really too large is still refused as too large (review round 52a, L2)", async () => {
    // 2 MB of text that deflates to a few kilobytes, under a limit of 1 MB.
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace("</worksheet>", `<!--${"x".repeat(2 * 1024 * 1024)}--></worksheet>`);
    const r = await scorePackage(zipParts(parts), "--lang", "en", "--max-size", "1");
    expect(r.err).toContain("inflates to 3 MB, over the limit of 1 MB per part");
  });

  it("a merge over the whole sheet is clipped to the cells written, in no time", async () => {
    const bytes = buildPackage({ sheets: [{ name: "自评表", rows: ROWS, merges: ["J1:XFD1048576", "A10:B1048576"] }] });
    const started = Date.now();
    const { code, report } = await scorePackage(bytes);
    expect(Date.now() - started).toBeLessThan(5000); // the unclipped merge took 69 s and 4 GB
    expect(code).toBe(1);
    expect(readXlsxBytes(bytes, "merge.xlsx").grid.sheets[0].merges).toEqual([]);
    expect(report!.writes.map((w) => w.cell)).toEqual(["G2"]);
  });

  it("a merge reaching past the cells written keeps the part inside them", () => {
    const grid = readXlsxBytes(buildPackage({ sheets: [{ name: "自评表", rows: ROWS, merges: ["A2:A1048576", "B3:XFD3"] }] }), "merge.xlsx").grid;
    expect(grid.sheets[0].merges).toEqual([
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 2, left: 1, bottom: 2, right: 7 },
    ]);
    // What the file holds in a merged area's other cells is not shown (A3 and C3:H3).
    expect(grid.sheets[0].values[2]).toEqual([undefined, "社会效益"]);
  });

  // Review round 56b L5: scored, the console line began with a bare "：综合得分".
  it("a sheet without a name, which Excel refuses too: named by its place", () => {
    const bytes = buildPackage({ sheets: [{ name: "说明", rows: [["说明"]] }, { name: "", rows: ROWS }] });
    expect(readFailure(bytes)).toBe("in.xlsx: the file is damaged: sheet 2 has an empty name, and a sheet must have one (xl/workbook.xml)");
    expect(readFailure(bytes, {}, "zh")).toBe("in.xlsx: 文件已损坏：第 2 个工作表的名称为空，而工作表必须有名称（xl/workbook.xml）");
  });

  it("a cell past the sheet's last row or column", () => {
    for (const ref of ["A1048577", "XFE1", "A99999999999"]) {
      const bytes = buildPackage({ sheets: [{ name: "自评表", rows: [...ROWS, [{ xml: `<c r="${ref}"><v>1</v></c>` }]] }], noAddresses: true });
      expect(readFailure(bytes)).toContain(`the file is damaged: sheet "自评表" has a cell ${ref} beyond a sheet's last cell (xl/worksheets/sheet1.xml)`);
    }
  });

  it("a cell whose r names no cell is damage, named by sheet, row and reference, not read by its place (review round 52a, L3)", () => {
    for (const ref of ["ZZZZ1", "12", "$B$3", "B3:C4", "A-1", "", "AB", "G 8"]) {
      const bytes = buildPackage({ sheets: [{ name: "自评表", sheetXml: `<sheetData><row r="1"><c r="A1"><v>0</v></c></row><row r="4"><c r="A4"><v>1</v></c><c r="${ref}"><v>2</v></c></row></sheetData>` }] });
      expect([ref, readFailure(bytes)]).toEqual([ref, `in.xlsx: the file is damaged: sheet "自评表" has a cell in row 4 whose reference "${ref}" names no cell (xl/worksheets/sheet1.xml)`]);
    }
    // Review round 56b L2: A0 in <row r="0">, the first, was told as in "row 1", which reads as the title row.
    for (const ref of ["A0", "xfd00"]) {
      const bytes = buildPackage({ sheets: [{ name: "自评表", sheetXml: `<sheetData><row r="0"><c r="${ref}"><v>2</v></c></row><row r="1"><c r="A1"><v>0</v></c></row></sheetData>` }] });
      expect([ref, readFailure(bytes)]).toEqual([ref, `in.xlsx: the file is damaged: sheet "自评表" has a cell whose reference "${ref}" gives row number 0, which is no row (rows start at 1) (xl/worksheets/sheet1.xml)`]);
      expect(readFailure(bytes, {}, "zh")).toBe(`in.xlsx: 文件已损坏：工作表“自评表”的单元格引用“${ref}”中的行号 0 不是有效的行号（行号从 1 开始）（xl/worksheets/sheet1.xml）`);
    }
    // r is optional: a cell without it is the one after the cell before; letters in lower case name a cell too.
    const lower = buildPackage({ sheets: [{ name: "自评表", rows: [...ROWS, [{ xml: '<c r="b4"><v>1</v></c>' }, { xml: "<c><v>2</v></c>" }]] }], noAddresses: true });
    expect(readXlsxBytes(lower, "in.xlsx").grid.sheets[0].values[3]).toEqual([undefined, 1, 2]);
  });

  it("a reference to a shared string that is not there is damage, named by sheet and cell, not a blank to fill in", () => {
    for (const index of ["9999", "-1", "abc", "1.5"]) {
      const bytes = buildPackage({ sheets: [{ name: "自评表", rows: [...ROWS, [null, null, null, null, null, null, { xml: `<c t="s"><v>${index}</v></c>` }]] }], noAddresses: true });
      expect([index, readFailure(bytes)]).toEqual([
        index,
        `in.xlsx: the file is damaged: sheet "自评表" cell G4 refers to shared string ${index}, which does not exist (xl/worksheets/sheet1.xml)`,
      ]);
    }
  });

  it("a number cell holding no number reads as the text written, and a date serial past any date as its number", () => {
    const cells = ["<c><v>abc</v></c>", "<c><v>1e309</v></c>", '<c s="1"><v>1e20</v></c>', '<c s="1"><v>45291</v></c>'].map((xml) => ({ xml }));
    const bytes = buildPackage({ sheets: [{ name: "自评表", rows: [...ROWS, cells] }], noAddresses: true, cellXfs: ['<xf numFmtId="14" applyNumberFormat="1"/>'] });
    expect(readXlsxBytes(bytes, "in.xlsx").grid.sheets[0].values[3]).toEqual(["abc", "1e309", 1e20, "2023-12-31"]);
  });

  it("a number cell holding text that starts with a number reads as the whole text, not its leading figure (review round 53c, M2)", () => {
    const texts = ["2,246.07", "100%", "800场", "0x10", "12 5", "5.0", " 5 ", "-.5", "1E-3", "+7"];
    const cells = texts.map((text) => ({ xml: `<c><v>${text}</v></c>` }));
    const bytes = buildPackage({ sheets: [{ name: "自评表", rows: [...ROWS, cells] }], noAddresses: true });
    expect(readXlsxBytes(bytes, "in.xlsx").grid.sheets[0].values[3]).toEqual(["2,246.07", "100%", "800场", "0x10", "12 5", 5, 5, -0.5, 0.001, 7]);
  });

  it("a score under a built-in currency or accounting format (千位分隔) shows as Excel shows it (review round 33)", () => {
    // 培训场次 8 of 10 on 50 points scores 40: a recorded 40.004 shown 40.00, or 40.4 shown 40, is right.
    const mismatches = (xf: string, score: number) => {
      const rows = ROWS.map((row, i) => (i === 1 ? [...row.slice(0, 6), { xml: `<c s="1"><v>${score}</v></c>` }, row[7]] : row));
      const bytes = buildPackage({ sheets: [{ name: "自评表", rows }], noAddresses: true, cellXfs: [xf] });
      const analysis = analyze(readXlsxBytes(bytes, "in.xlsx").grid, DEFAULT_PROFILE);
      return analysis.findings.filter((f) => f.rule === "score-mismatch" && f.cell === "G2").map((f) => f.cell);
    };
    for (const id of [7, 8, 43, 44]) expect([id, mismatches(`<xf numFmtId="${id}" applyNumberFormat="1"/>`, 40.004)]).toEqual([id, []]);
    for (const id of [5, 6, 41, 42]) expect([id, mismatches(`<xf numFmtId="${id}" applyNumberFormat="1"/>`, 40.4)]).toEqual([id, []]);
    expect(mismatches('<xf numFmtId="0"/>', 40.004)).toEqual(["G2"]);
  });

  it("more cells than the limit", () => {
    const bytes = buildPackage({ sheets: [{ name: "自评表", rows: ROWS }] });
    expect(readFailure(bytes, { limits: { maxCells: 20 } })).toContain("the workbook holds more than the limit of 20 cells");
    expect(readXlsxBytes(bytes, "cells.xlsx", { limits: { maxCells: 23 } }).grid.sheets).toHaveLength(1);
  });

  it("a sheet that is not well-formed XML is named, with its part (review round 33)", () => {
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace("</sheetData>", "</sheetdata>");
    expect(readFailure(zipParts(parts))).toContain("the file is damaged: sheet \"自评表\" (xl/worksheets/sheet1.xml) is not well-formed XML");
  });
});
