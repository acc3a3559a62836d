/**
 * Packages as accountants' programs write them (review round 53c): a table's totals row over the
 * scores jixiao fills, a user's own note boxes, a package without a stylesheet given back by
 * 清除标记, WPS's reserved sheet, a stylesheet near Excel's limit of cell formats, form controls
 * inside mc:AlternateContent, and a copy that changes no value.
 */
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "fs";
import * as path from "path";
import { runMain, scorePackage } from "../support/cli";
import { INDICATOR_HEADER, threeIndicatorForm } from "../support/grid";
import { Cell, MAIN_NS, packageParts, zipParts } from "../support/package";

/** 培训场次's 得分 (G2) is blank and filled in with 40; 受益人数's (G3) is 20 of 30 for a target met, and marked. */
const ROWS: Cell[][] = threeIndicatorForm({
  output: ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, null, "疫情停办两场"],
  effect: ["效益指标", "社会效益", "受益人数", "≥100人", "100人", 30, 20, ""],
});

const SHEET = "xl/worksheets/sheet1.xml";
const SHEET_RELS = "xl/worksheets/_rels/sheet1.xml.rels";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';

const formParts = (rows: Cell[][] = ROWS): Record<string, string> => packageParts({ sheets: [{ name: "自评表", rows }] });

/** The sheet related to parts of its own (their relationships, content types and the sheet's elements for them). */
function withSheetParts(parts: Record<string, string>, related: { type: string; target: string; part: string; contentType?: string }[], elements: string): void {
  parts[SHEET_RELS] =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    related.map((r, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${r.type}" Target="${r.target}"/>`).join("") +
    "</Relationships>";
  for (const r of related) {
    if (r.contentType) parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace("</Types>", `<Override PartName="/${r.part}" ContentType="${r.contentType}"/></Types>`);
  }
  parts[SHEET] = parts[SHEET].replace("</worksheet>", `${elements}</worksheet>`);
}

const partsOf = (file: string): Record<string, string> => Object.fromEntries(Object.entries(unzipSync(readFileSync(file))).map(([name, bytes]) => [name, strFromU8(bytes)]));

async function cleaned(copy: string, ...options: string[]): Promise<string> {
  const file = path.join(path.dirname(copy), "clean.xlsx");
  expect((await runMain("clean", copy, "--out", file, ...options)).code).toBe(0);
  return file;
}

describe("a 总分 in a table's totals row (review round 53c, M1)", () => {
  /** The form as a table 指标表 (A1:H5) whose totals row's 得分 is SUBTOTAL(109,指标表[得分]), cached before G2 was filled: 40. */
  function tableForm(): Uint8Array {
    const total = { xml: "<c><f>SUBTOTAL(109,指标表[得分])</f><v>40</v></c>" };
    const parts = formParts([...ROWS, ["总分", "", "", "", "", 100, total, ""]]);
    parts["xl/tables/table1.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><table xmlns="${MAIN_NS}" id="1" name="指标表" displayName="指标表" ref="A1:H5" totalsRowCount="1">` +
      `<autoFilter ref="A1:H4"/><tableColumns count="8">${INDICATOR_HEADER.map((name, i) => `<tableColumn id="${i + 1}" name="${name}"/>`).join("")}</tableColumns>` +
      '<tableStyleInfo name="TableStyleLight9" showRowStripes="1"/></table>';
    withSheetParts(
      parts,
      [{ type: "table", target: "../tables/table1.xml", part: "xl/tables/table1.xml", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml" }],
      '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
    );
    return zipParts(parts);
  }

  it("is worked out over the table's 得分 column with the blank filled in: the recorded total, and the copy's cached result", async () => {
    const { report, output } = await scorePackage(tableForm());
    // G2 filled in with 40: the totals row shows 80 once recalculated, not the 40 cached before.
    expect(report!.totals[0].recordedScore).toBe("80");
    expect(report!.writes.map((w) => `${w.cell}=${w.after}`)).toEqual(["G2=40", "G5=80"]);
    expect(strFromU8(unzipSync(output!)[SHEET])).toContain("<f>SUBTOTAL(109,指标表[得分])</f><v>80</v>");
  });
});

describe("number cells whose <v> holds text (review round 53c, M2)", () => {
  it("are read as the text written, whole: 2,246.07 and 93.52% are an amount and a rate, not 2 and 93.52", async () => {
    const untyped = (text: string) => ({ xml: `<c><v>${text}</v></c>` });
    const rows: Cell[][] = [
      ["项目", "年初预算数", "全年预算数", "全年执行数", "执行率"],
      ["年度资金总额", untyped("2,246.07"), untyped("2,246.07"), untyped("2,100.50"), untyped("93.52%")],
    ];
    const { report } = await scorePackage(zipParts(packageParts({ sheets: [{ name: "自评表", rows }] })));
    expect(report!.budget[0]).toMatchObject({ planned: "2246.07", spent: "2100.5", recordedRate: "0.9352" });
  });
});

describe("the user's own note boxes (review round 53c, L1)", () => {
  /** A WPS-like note box of the user's, shown where set, of its own size, on a cell (0-based row and column). */
  const userBox = (id: number, row: number, col: number, shown: boolean) =>
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:420pt;margin-top:6pt;width:96pt;height:55.5pt;z-index:${id};visibility:${shown ? "visible" : "hidden"}" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>9, 15, 0, 6, 11, 0, 4, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column>${shown ? "<x:Visible/>" : ""}</x:ClientData></v:shape>`;
  const A1_BOX = userBox(1025, 0, 0, false);
  const G3_BOX = userBox(1026, 2, 6, true);

  function withUserNotes(): Uint8Array {
    const parts = formParts();
    parts["xl/comments1.xml"] =
      `<comments xmlns="${MAIN_NS}"><authors><author>Administrator</author></authors><commentList>` +
      '<comment ref="A1" authorId="0"><text><t>表头按模板</t></text></comment><comment ref="G3" authorId="0"><text><t>请复核</t></text></comment></commentList></comments>';
    parts["xl/drawings/vmlDrawing1.vml"] =
      `<xml ${VML_NS}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>` +
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
      `${A1_BOX}${G3_BOX}</xml>`;
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace("</Types>", '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/></Types>');
    withSheetParts(
      parts,
      [
        { type: "comments", target: "../comments1.xml", part: "xl/comments1.xml", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml" },
        { type: "vmlDrawing", target: "../drawings/vmlDrawing1.vml", part: "xl/drawings/vmlDrawing1.vml" },
      ],
      '<legacyDrawing r:id="rId2"/>',
    );
    return zipParts(parts);
  }

  it("keep their place, size and look in the copy (the one jixiao appends to too) and after 清除标记; jixiao's own box is added", async () => {
    const { code, copy } = await scorePackage(withUserNotes());
    expect(code).toBe(1);
    const scored = partsOf(copy);
    // G3 is marked: its note gets jixiao's text, its box stays the user's.
    expect(scored["xl/comments1.xml"]).toContain("请复核");
    expect(scored["xl/drawings/vmlDrawing1.vml"]).toContain(A1_BOX);
    expect(scored["xl/drawings/vmlDrawing1.vml"]).toContain(G3_BOX);
    // G2, filled in, gets jixiao's box.
    expect(scored["xl/drawings/vmlDrawing1.vml"]).toMatch(/margin-left:80pt;[^"]*"[^>]*>.*<x:Row>1<\/x:Row><x:Column>6<\/x:Column>/);
    const clean = partsOf(await cleaned(copy));
    expect(clean["xl/drawings/vmlDrawing1.vml"]).toContain(A1_BOX);
    expect(clean["xl/drawings/vmlDrawing1.vml"]).toContain(G3_BOX);
    expect(clean["xl/drawings/vmlDrawing1.vml"].match(/ObjectType="Note"/g)).toHaveLength(2);
  });
});

describe("a package without a stylesheet (review round 53c, L2)", () => {
  /** A finance system's export: no styles part, no relationship or content type for one. */
  function export_(): Uint8Array {
    const parts = formParts();
    delete parts["xl/styles.xml"];
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(/<Relationship [^>]*\/styles"[^>]*\/>/, "");
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, "");
    return zipParts(parts);
  }

  it("gets jixiao's stylesheet in the copy and loses it again to 清除标记 with the summary: the input's parts, relationships and content types", async () => {
    const { copy, input } = await scorePackage(export_());
    expect(Object.keys(partsOf(copy))).toContain("xl/styles.xml");
    const before = partsOf(input);
    const after = partsOf(await cleaned(copy, "--remove-summary"));
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after["xl/_rels/workbook.xml.rels"]).toBe(before["xl/_rels/workbook.xml.rels"]);
    expect(after["[Content_Types].xml"]).not.toContain("styles");
  });

  it("keeps it while the summary, whose formats it holds, stays; a later 清除标记 with the summary takes it", async () => {
    const { copy } = await scorePackage(export_());
    const first = await cleaned(copy);
    expect(Object.keys(partsOf(first))).toContain("xl/styles.xml");
    const second = path.join(path.dirname(copy), "clean2.xlsx");
    expect((await runMain("clean", first, "--out", second, "--remove-summary")).code).toBe(0);
    expect(Object.keys(partsOf(second))).not.toContain("xl/styles.xml");
  });

  it("keeps a stylesheet the workbook had, even one whose formats no cell names", async () => {
    const { copy } = await scorePackage(zipParts(formParts()));
    expect(Object.keys(partsOf(await cleaned(copy, "--remove-summary")))).toContain("xl/styles.xml");
  });
});

describe("WPS's reserved sheet (review round 53c, L6)", () => {
  it("is no hidden sheet of the user's left unchecked: not in the report, the console or 综合得分", async () => {
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }, { name: "WpsReserved_CellImgList", rows: [], state: "veryHidden" }, { name: "去年", rows: ROWS, state: "hidden" }] });
    const { report, out, output } = await scorePackage(zipParts(parts));
    expect(report!.hiddenSheets).toEqual(["去年"]);
    expect(out).toContain("隐藏的工作表或列未检查：去年");
    const summary = Object.entries(unzipSync(output!)).find(([name]) => name.startsWith("xl/worksheets/sheet4"))!;
    expect(strFromU8(summary[1])).not.toContain("WpsReserved");
  });
});

describe("a stylesheet near Excel's limit of cell formats (review round 53c, L4)", () => {
  it("gets no format of jixiao's past 64,000: marks and the summary use formats the workbook has", async () => {
    const many = Array.from({ length: 63990 }, (_, i) => `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment indent="${i % 15}"/></xf>`);
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }], cellXfs: many });
    const { code, output } = await scorePackage(zipParts(parts));
    expect(code).toBe(1);
    const copy = unzipSync(output!);
    const styles = strFromU8(copy["xl/styles.xml"]);
    expect(Number(/<cellXfs count="(\d+)"/.exec(styles)![1])).toBe(64000);
    const formats = [...strFromU8(copy[SHEET]).matchAll(/ s="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...formats)).toBeLessThan(64000);
  });
});

describe("form controls inside mc:AlternateContent and no notes drawing (review round 53c, L7)", () => {
  it("get the new <legacyDrawing> before them, in the schema's order", async () => {
    const parts = formParts();
    const controls =
      '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x14"><controls>' +
      '<mc:AlternateContent><mc:Choice Requires="x14"><control shapeId="1025" r:id="rId1" name="Check Box 1"/></mc:Choice></mc:AlternateContent>' +
      "</controls></mc:Choice></mc:AlternateContent>";
    withSheetParts(parts, [{ type: "ctrlProp", target: "../ctrlProps/ctrlProp1.xml", part: "xl/ctrlProps/ctrlProp1.xml" }], controls);
    parts["xl/ctrlProps/ctrlProp1.xml"] = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" objectType="CheckBox"/>';
    const { code, output } = await scorePackage(zipParts(parts));
    expect(code).toBe(1);
    const sheet = strFromU8(unzipSync(output!)[SHEET]);
    expect(sheet.indexOf("<legacyDrawing ")).toBeGreaterThan(-1);
    expect(sheet.indexOf("<legacyDrawing ")).toBeLessThan(sheet.indexOf("<mc:AlternateContent"));
  });

  it("an mc:AlternateContent wrapping what comes before <legacyDrawing> stays before it", async () => {
    const parts = formParts();
    const protection =
      '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x14"><sheetProtection sheet="0"/></mc:Choice></mc:AlternateContent>';
    parts[SHEET] = parts[SHEET].replace("</sheetData>", `</sheetData>${protection}`);
    const sheet = strFromU8(unzipSync((await scorePackage(zipParts(parts))).output!)[SHEET]);
    expect(sheet.indexOf("<legacyDrawing ")).toBeGreaterThan(sheet.indexOf("</mc:AlternateContent>"));
  });
});

describe("the copy's request to recalculate on opening (review round 53c, L3)", () => {
  it("is made where jixiao changes a value, not where it only marks cells (a WPS DISPIMG picture stays as shown)", async () => {
    const calcOf = (output: Uint8Array) => /<calcPr[^>]*>/.exec(strFromU8(unzipSync(output)["xl/workbook.xml"]))?.[0];
    expect(calcOf((await scorePackage(zipParts(formParts()))).output!)).toBe('<calcPr fullCalcOnLoad="1"/>');
    // G2 given its score: nothing is filled in, G3 is marked.
    const marked = ROWS.map((row) => row.map((cell) => (cell === null ? 40 : cell)));
    const { report, output } = await scorePackage(zipParts(formParts(marked)));
    expect(report!.writes).toEqual([]);
    expect(report!.findings.length).toBeGreaterThan(0);
    expect(calcOf(output!)).toBeUndefined();
  });
});
