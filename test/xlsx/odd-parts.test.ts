/**
 * Parts that are valid but unusual, or damaged, other than the sheets: an empty stylesheet, notes
 * written with an `x:` prefix (OpenXML SDK), a notes part that is not XML. The scored copy is read
 * back by openpyxl; a damaged part is refused with one line naming it.
 */
import { strFromU8, unzipSync } from "fflate";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { NOTE_PREFIX } from "../../src/core/marks";
import { otherShapes } from "../../src/xlsx/comments-part";
import { runMain, scorePackage } from "../support/cli";
import { threeIndicatorForm } from "../support/grid";
import { describeWithOpenpyxl, openpyxlSheets } from "../support/openpyxl";
import { MAIN_NS, VML_CHECKBOX, packageParts, zipParts } from "../support/package";
import { tempDir } from "../support/xlsx";

/** 培训场次's 得分 (G2) is blank and filled in with 40; 受益人数's (G3) is 20 of 30 for a target met, and marked. */
const ROWS = threeIndicatorForm({
  output: ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, null, "疫情停办两场"],
  effect: ["效益指标", "社会效益", "受益人数", "≥100人", "100人", 30, 20, ""],
});

const SHEET = "xl/worksheets/sheet1.xml";

/** The package's parts, to change one before zipping. */
function formParts(): Record<string, string> {
  return packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
}

describeWithOpenpyxl("an empty stylesheet", () => {
  const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="${MAIN_NS}"/>`;

  it("<styleSheet/>: the copy's stylesheet gets the lists every workbook has, and shows the write and the marks", async () => {
    const parts = formParts();
    parts["xl/styles.xml"] = EMPTY_STYLES;
    const { code, input, copy } = await scorePackage(zipParts(parts));
    expect(code).toBe(1);
    const [before, after] = openpyxlSheets([input, copy], "自评表");
    expect(after.cells).toEqual({ ...before.cells, G2: 40 });
    expect(after.filled).toEqual(["G2", "G3"]);
  });

  /** The form with an empty stylesheet, its header's cells naming formats 1 to 8, which the stylesheet lacks. */
  function headerNamingFormats(): Record<string, string> {
    const parts = formParts();
    parts["xl/styles.xml"] = EMPTY_STYLES;
    for (const [col, ref] of ["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1"].entries()) parts[SHEET] = parts[SHEET].replace(`<c r="${ref}"`, `<c r="${ref}" s="${col + 1}"`);
    return parts;
  }

  it("a column's style that is no number counts as the default, and the cover still reaches the cells' formats", async () => {
    const parts = headerNamingFormats();
    parts[SHEET] = parts[SHEET].replace("<sheetData>", '<cols><col min="1" max="8" style="abc"/></cols><sheetData>');
    const { code, copy } = await scorePackage(zipParts(parts));
    expect(code).toBe(1);
    // openpyxl refuses the style "abc": the formats of the cells written are read from the part.
    const sheet = strFromU8(unzipSync(readFileSync(copy))[SHEET]);
    const formatOf = (ref: string) => Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)![1]);
    expect(Math.min(formatOf("G2"), formatOf("G3"))).toBeGreaterThan(8);
  });

  it("cells naming formats the stylesheet lacks keep showing the default: the formats added go past them", async () => {
    const parts = headerNamingFormats();
    const { code, copy } = await scorePackage(zipParts(parts));
    expect(code).toBe(1);
    // openpyxl refuses a cell naming a format the stylesheet lacks: the values are compared with the form as built.
    const form = path.join(tempDir(), "form.xlsx");
    writeFileSync(form, zipParts(formParts()));
    const [before, after] = openpyxlSheets([form, copy], "自评表");
    expect(after.cells).toEqual({ ...before.cells, G2: 40 });
    expect(after.filled).toEqual(["G2", "G3"]);
  });
});

describe("a format number past the limit, and a damaged chart sheet", () => {
  it("a cell naming a format far past Excel's limit: the stylesheet is not padded out to it", async () => {
    const parts = formParts();
    parts[SHEET] = parts[SHEET].replace('<c r="A1"', '<c r="A1" s="3000000"');
    const { code, copy } = await scorePackage(zipParts(parts));
    expect(code).toBe(1);
    const written = unzipSync(readFileSync(copy));
    // The stylesheet is the one the undamaged form's copy gets: nothing was added for the damage.
    const undamaged = unzipSync(readFileSync((await scorePackage(zipParts(formParts()))).copy));
    expect(strFromU8(written["xl/styles.xml"])).toBe(strFromU8(undamaged["xl/styles.xml"]));
    expect(strFromU8(written[SHEET])).toContain('<c r="A1" s="3000000"');
  });

  it("a chart sheet that is not well-formed XML, which jixiao does not read, is copied as it was", async () => {
    const parts = packageParts({ sheets: [{ name: "自评表", rows: ROWS }, { name: "图表", chart: true }] });
    const chart = "xl/chartsheets/sheet2.xml";
    parts[chart] = parts[chart].slice(0, -"</chartsheet>".length);
    const { code, copy } = await scorePackage(zipParts(parts));
    expect(code).toBe(1);
    expect(strFromU8(unzipSync(readFileSync(copy))[chart])).toBe(parts[chart]);
  });
});

/** The sheet's relationships and content type for a notes part of the given text at xl/comments1.xml. */
function withNotesPart(parts: Record<string, string>, comments: string): void {
  parts["xl/worksheets/_rels/sheet1.xml.rels"] =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>';
  parts["xl/comments1.xml"] = comments;
  parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
    "</Types>",
    '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>',
  );
}

describeWithOpenpyxl("notes written with an x: prefix (OpenXML SDK)", () => {
  it("keep the part's prefix and declarations: the user's note, jixiao's after it, and 清除标记 gives the user's back", async () => {
    const parts = formParts();
    withNotesPart(
      parts,
      `<x:comments xmlns:x="${MAIN_NS}"><x:authors><x:author>张三</x:author></x:authors><x:commentList>` +
        '<x:comment ref="G3" authorId="0"><x:text><x:r><x:rPr><x:b/></x:rPr><x:t>张三：</x:t></x:r><x:r><x:t>请复核</x:t></x:r></x:text></x:comment></x:commentList></x:comments>',
    );
    const { code, input, copy } = await scorePackage(zipParts(parts));
    expect(code).toBe(1);
    const cleaned = path.join(path.dirname(copy), "clean.xlsx");
    expect((await runMain("clean", copy, "--out", cleaned)).code).toBe(0);
    const [before, scored, clean] = openpyxlSheets([input, copy, cleaned], "自评表");
    expect(before.notes).toEqual({ G3: "张三：请复核" });
    expect(Object.keys(scored.notes)).toEqual(["G2", "G3"]);
    expect(scored.notes.G3.startsWith(`张三：请复核\n\n${NOTE_PREFIX}\n【错误】`)).toBe(true);
    // The user's runs as written, bold included.
    expect(strFromU8(unzipSync(readFileSync(copy))["xl/comments1.xml"])).toContain("<x:r><x:rPr><x:b/></x:rPr><x:t>张三：</x:t></x:r>");
    expect(clean.notes).toEqual({ G3: "张三：请复核" });
  });
});

describe("a form control in the notes' drawing", () => {
  const VML = "xl/drawings/vmlDrawing1.vml";

  /** The form with a notes drawing of the given shapes, named by the sheet's <legacyDrawing>. */
  function withDrawing(shapes: string): Record<string, string> {
    const parts = formParts();
    parts["xl/worksheets/_rels/sheet1.xml.rels"] =
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>';
    parts[VML] = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">${shapes}</xml>`;
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace("<Default ", '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default ');
    parts[SHEET] = parts[SHEET].replace("</worksheet>", '<legacyDrawing r:id="rId1"/></worksheet>');
    return parts;
  }

  const vmlOf = (file: string) => strFromU8(unzipSync(readFileSync(file))[VML]);
  /** Every shape id in a drawing, o:spid included. */
  const ids = (vml: string) => [...vml.matchAll(/ (?:id|o:spid)="(_x0000_s\d+)"/g)].map((m) => m[1]);

  it("a check box is kept beside jixiao's notes, and after 清除标记, with its drawing", async () => {
    const { code, copy } = await scorePackage(zipParts(withDrawing(VML_CHECKBOX)));
    expect(code).toBe(1);
    const cleaned = path.join(path.dirname(copy), "clean.xlsx");
    expect((await runMain("clean", copy, "--out", cleaned)).code).toBe(0);
    const scored = vmlOf(copy);
    expect(scored).toContain(VML_CHECKBOX);
    // The check box, and a note box for each of jixiao's notes (G2 filled in, G3 marked), each its own id.
    expect(ids(scored)).toHaveLength(3);
    expect(new Set(ids(scored)).size).toBe(3);
    const clean = vmlOf(cleaned);
    expect(clean).toContain(VML_CHECKBOX);
    expect(clean).not.toContain('ObjectType="Note"');
    expect(strFromU8(unzipSync(readFileSync(cleaned))[SHEET])).toContain('<legacyDrawing r:id="rId1"/>');
  });

  it("a drawing that is not well-formed XML (older VML) gets jixiao's note boxes alone, as before", async () => {
    const { code, copy } = await scorePackage(zipParts(withDrawing(`${VML_CHECKBOX}<br>`)));
    expect(code).toBe(1);
    const scored = vmlOf(copy);
    expect(scored).not.toContain("Checkbox");
    expect(ids(scored)).toHaveLength(2);
  });

  it("a group holding a note box and a check box keeps the check box; no note box takes an id or o:spid the drawing uses", async () => {
    const note = '<v:shape id="_x0000_s1027" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>6</x:Column></x:ClientData></v:shape>';
    const box = '<v:shape id="ctl" o:spid="_x0000_s1026" type="#_x0000_t201"><x:ClientData ObjectType="Checkbox"/></v:shape>';
    const { code, copy } = await scorePackage(zipParts(withDrawing(`<v:group id="_x0000_s1025">${note}${box}</v:group>`)));
    expect(code).toBe(1);
    const scored = vmlOf(copy);
    expect(scored).toContain(`<v:group id="_x0000_s1025">${box}</v:group>`);
    expect(ids(scored)).toHaveLength(4); // the group, the check box's o:spid, and the two note boxes
    expect(new Set(ids(scored)).size).toBe(4);
  });
});

describe("notes the user set to show always (review round 48b, H1)", () => {
  it("are told by <x:Visible/> or True, not by <x:Visible>False</x:Visible>", () => {
    const note = (visible: string) =>
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      `<v:shape id="_x0000_s1025"><x:ClientData ObjectType="Note"><x:Row>2</x:Row><x:Column>6</x:Column>${visible}</x:ClientData></v:shape></xml>`;
    expect(["<x:Visible/>", "<x:Visible>True</x:Visible>", "<x:Visible>False</x:Visible>", ""].map((v) => otherShapes(note(v)).shownNotes.size)).toEqual([1, 1, 0, 0]);
  });

  it("stay shown in the scored copy and after 清除标记, a marked cell's and another's; jixiao's own are hidden", async () => {
    const parts = formParts();
    withNotesPart(
      parts,
      `<comments xmlns="${MAIN_NS}"><authors><author>张三</author></authors><commentList>` +
        '<comment ref="A1" authorId="0"><text><t>张三：表头按模板</t></text></comment>' +
        '<comment ref="G3" authorId="0"><text><t>张三：请复核</t></text></comment></commentList></comments>',
    );
    parts["xl/worksheets/_rels/sheet1.xml.rels"] = parts["xl/worksheets/_rels/sheet1.xml.rels"].replace(
      "</Relationships>",
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>',
    );
    const shown = (row: number, col: number, id: number) =>
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;visibility:visible"><x:ClientData ObjectType="Note"><x:Row>${row}</x:Row><x:Column>${col}</x:Column><x:Visible/></x:ClientData></v:shape>`;
    parts["xl/drawings/vmlDrawing1.vml"] = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">${shown(0, 0, 1025)}${shown(2, 6, 1026)}</xml>`;
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace("<Default ", '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default ');
    parts[SHEET] = parts[SHEET].replace("</worksheet>", '<legacyDrawing r:id="rId2"/></worksheet>');
    const { code, copy } = await scorePackage(zipParts(parts));
    expect(code).toBe(1);
    const cleaned = path.join(path.dirname(copy), "clean.xlsx");
    expect((await runMain("clean", copy, "--out", cleaned)).code).toBe(0);
    // Each note box's cell and whether it shows, in the drawing's order.
    const boxes = (file: string) =>
      [...strFromU8(unzipSync(readFileSync(file))["xl/drawings/vmlDrawing1.vml"]).matchAll(/visibility:(\w+).*?<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>(<x:Visible\/>)?/g)].map(
        ([, visibility, row, col, visible]) => `${row},${col} ${visibility}${visible ? " Visible" : ""}`,
      );
    expect(boxes(copy)).toEqual(["0,0 visible Visible", "2,6 visible Visible", "1,6 hidden"]);
    expect(boxes(cleaned)).toEqual(["0,0 visible Visible", "2,6 visible Visible"]);
  });
});

describe("a damaged notes part", () => {
  it.each([
    ["cut off", "<comments><oops", "1:15: unclosed tag: comments"],
    ["empty", "", "1:0: document must contain a root element."],
  ])("%s: refused with one line naming the part, as the reader refuses a damaged sheet (exit 2)", async (_, comments, why) => {
    const parts = formParts();
    withNotesPart(parts, comments);
    const zh = await scorePackage(zipParts(parts));
    // The tokenizer's English stays out of the Chinese line (review round 56b, L1).
    expect([zh.code, zh.err]).toEqual([2, `${zh.input}: 文件已损坏：部件 xl/comments1.xml 不是有效的 XML（标记不完整或有误）`]);
    const en = await scorePackage(zipParts(parts), "--lang", "en");
    expect([en.code, en.err]).toEqual([2, `${en.input}: the file is damaged: the part xl/comments1.xml is not well-formed XML (${why})`]);
  });
});

describe("清除标记 on a sheet that had no notes drawing", () => {
  it("takes the drawing jixiao made away with the notes: no part, relationship or <legacyDrawing> is left", async () => {
    const { code, copy } = await scorePackage(zipParts(formParts()));
    expect(code).toBe(1);
    const cleaned = path.join(path.dirname(copy), "clean.xlsx");
    expect((await runMain("clean", copy, "--out", cleaned)).code).toBe(0);
    const scored = unzipSync(readFileSync(copy));
    expect(Object.keys(scored).filter((name) => name.endsWith(".vml"))).toHaveLength(1);
    const clean = unzipSync(readFileSync(cleaned));
    expect(Object.keys(clean).filter((name) => name.endsWith(".vml") || name.startsWith("xl/comments"))).toEqual([]);
    expect(strFromU8(clean[SHEET])).not.toContain("legacyDrawing");
    expect(strFromU8(clean["xl/worksheets/_rels/sheet1.xml.rels"])).not.toContain("vmlDrawing");
    expect(strFromU8(clean["[Content_Types].xml"])).not.toContain("vmlDrawing");
  });
});
