/**
 * A notes drawing (legacy VML) or a notes part that two sheets' relationships both name: Excel
 * never writes this, but another producer or a hand edit can, and the file is valid. The sheet
 * jixiao writes notes for gets parts of its own; the other sheet keeps the shared ones as they were,
 * through the scored copy, a rerun and 清除标记. Each copy is read back by openpyxl and ExcelJS.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { cellAddress } from "../../src/core/grid";
import { NOTE_PREFIX } from "../../src/core/marks";
import { RelationshipsPart, relsPathOf } from "../../src/xlsx/package";
import { legacyDrawingId, sheetLayout } from "../../src/xlsx/sheet-part";
import { scanXml } from "../../src/xlsx/xml";
import { runMain, scorePackage } from "../support/cli";
import { comparable, exceljsGrid } from "../support/exceljs-grid";
import { threeIndicatorForm } from "../support/grid";
import { describeWithOpenpyxl, openpyxlSheets } from "../support/openpyxl";
import { MAIN_NS, VML_CHECKBOX, packageParts, partsOfFile, zipParts } from "../support/package";

/** 自评表: 培训场次's 得分 (G2) is blank and filled in with 40; 受益人数's (G3) is 20 of 30 for a target met, and marked. */
const FORM = threeIndicatorForm({
  output: ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, null, "疫情停办两场"],
  effect: ["效益指标", "社会效益", "受益人数", "≥100人", "100人", 30, 20, ""],
});
/** 填表说明: text only, which gets no note. */
const GUIDE = [["填表说明"], ["得分按评分标准填写，未完成的须说明原因"]];
/** 二级项目: 受益人数 is off as in 自评表; 培训场次 is as threeIndicatorForm gives it. */
const SECOND_FORM = threeIndicatorForm({ effect: ["效益指标", "社会效益", "受益人数", "≥100人", "100人", 30, 20, ""] });

const SHARED_VML = "xl/drawings/vmlDrawing1.vml";
const SHARED_COMMENTS = "xl/comments1.xml";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NOTE_BOX_OF_A1 =
  '<v:shape id="_x0000_s1026" type="#_x0000_t202" style="position:absolute;margin-left:80pt;width:180pt;height:45pt;z-index:2;visibility:hidden" fillcolor="#ffffe1">' +
  '<v:textbox><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:Anchor>1, 15, 0, 2, 4, 15, 3, 4</x:Anchor><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape>';

/**
 * Two sheets (xl/worksheets/sheet1.xml and sheet2.xml) whose relationships both name one notes
 * drawing holding a check box (and `noteBoxes`), the drawing each <legacyDrawing> names; with
 * `sharedNote`, both also name one notes part holding a user's note on A1.
 */
function sharedParts(sheets: { name: string; rows: (string | number | null)[][] }[], options: { noteBoxes?: string; sharedNote?: boolean } = {}): Record<string, string> {
  const parts = packageParts({ sheets });
  const rels = [`<Relationship Id="rId1" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>`];
  if (options.sharedNote) rels.push(`<Relationship Id="rId2" Type="${REL}/comments" Target="../comments1.xml"/>`);
  for (const sheet of ["sheet1", "sheet2"]) {
    parts[`xl/worksheets/_rels/${sheet}.xml.rels`] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
    parts[`xl/worksheets/${sheet}.xml`] = parts[`xl/worksheets/${sheet}.xml`].replace("</worksheet>", '<legacyDrawing r:id="rId1"/></worksheet>');
  }
  parts[SHARED_VML] =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>${VML_CHECKBOX}${options.noteBoxes ?? ""}</xml>`;
  parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace("<Default ", '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default ');
  if (options.sharedNote) {
    parts[SHARED_COMMENTS] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>张三</author></authors><commentList>` +
      '<comment ref="A1" authorId="0"><text><r><rPr><b/></rPr><t>张三：</t></r><r><t>指标按 2023 年口径</t></r></text></comment></commentList></comments>';
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
      "</Types>",
      '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>',
    );
  }
  return parts;
}

/** A workbook's parts, by name. */

/** The part a sheet's relationship of `kind` names (its notes drawing: the one its <legacyDrawing> names). */
function partOf(parts: Record<string, string>, sheetPart: string, kind: "comments" | "vmlDrawing"): string | undefined {
  const rels = new RelationshipsPart(parts[relsPathOf(sheetPart)], sheetPart);
  if (kind === "comments") return rels.ofType("comments")?.part;
  const id = legacyDrawingId(parts[sheetPart], sheetLayout(parts[sheetPart]));
  return rels.list.find((rel) => rel.id === id)?.part;
}

/** The cells a drawing's note boxes are anchored at, sorted. */
function noteBoxCells(vml: string): string[] {
  const cells: string[] = [];
  let note: { row: string; col: string } | undefined;
  let reading: "row" | "col" | undefined;
  scanXml(vml, {
    open: (element) => {
      if (element.local === "ClientData" && element.attributes.ObjectType === "Note") note = { row: "", col: "" };
      else if (note && element.local === "Row") reading = "row";
      else if (note && element.local === "Column") reading = "col";
    },
    text: (text) => {
      if (note && reading) note[reading] += text;
    },
    close: (element) => {
      if (element.local === "ClientData" && note) {
        cells.push(cellAddress(Number(note.row), Number(note.col)));
        note = undefined;
      } else if (element.local === "Row" || element.local === "Column") reading = undefined;
    },
  });
  return cells.sort();
}

const A = "xl/worksheets/sheet1.xml";
const B = "xl/worksheets/sheet2.xml";

/** Scores the parts, then cleans the copy: the three files, and the commands' exits. */
async function scoreAndClean(parts: Record<string, string>): Promise<{ input: string; copy: string; cleaned: string; codes: number[] }> {
  const { input, copy, code } = await scorePackage(zipParts(parts));
  const cleaned = path.join(path.dirname(copy), "clean.xlsx");
  return { input, copy, cleaned, codes: [code, (await runMain("clean", copy, "--out", cleaned)).code] };
}

/** Sheets of one workbook as openpyxl reads them. */
const openpyxlSheetsOf = (file: string, ...names: string[]) => names.map((name) => openpyxlSheets([file], name)[0]);

/** What ExcelJS reads of each file, which must load. */
const exceljsSheets = async (...files: string[]) => Promise.all(files.map(async (file) => comparable(await exceljsGrid(readFileSync(file))).sheets));

describeWithOpenpyxl("a notes drawing two sheets share", () => {
  it("the sheet that gets notes gets a drawing of its own with the check box and all its notes; the other keeps the shared one; 清除标记 takes the notes back", async () => {
    const parts = sharedParts([
      { name: "自评表", rows: FORM },
      { name: "填表说明", rows: GUIDE },
    ]);
    const { input, copy, cleaned, codes } = await scoreAndClean(parts);
    expect(codes).toEqual([1, 0]);
    const scored = partsOfFile(copy);
    // 填表说明: the shared drawing, as it was.
    expect(partOf(scored, B, "vmlDrawing")).toBe(SHARED_VML);
    expect(scored[SHARED_VML]).toBe(parts[SHARED_VML]);
    // 自评表: a drawing of its own, with the check box and a box for each of its notes.
    const own = partOf(scored, A, "vmlDrawing")!;
    expect(own).not.toBe(SHARED_VML);
    expect(scored[own]).toContain(VML_CHECKBOX);
    const [scoredForm, scoredGuide] = openpyxlSheetsOf(copy, "自评表", "填表说明");
    expect(Object.keys(scoredForm.notes)).toEqual(["G2", "G3"]);
    expect(noteBoxCells(scored[own])).toEqual(["G2", "G3"]);
    expect(scoredGuide.notes).toEqual({});

    const clean = partsOfFile(cleaned);
    expect(partOf(clean, B, "vmlDrawing")).toBe(SHARED_VML);
    expect(clean[SHARED_VML]).toBe(parts[SHARED_VML]);
    const cleanOwn = partOf(clean, A, "vmlDrawing")!;
    expect(clean[cleanOwn]).toContain(VML_CHECKBOX);
    expect(noteBoxCells(clean[cleanOwn])).toEqual([]);
    expect(openpyxlSheets([cleaned], "自评表")[0].notes).toEqual({});
    // Both readers read the copies; 填表说明 is as it was throughout.
    const [before, after, afterClean] = await exceljsSheets(input, copy, cleaned);
    expect([after[1], afterClean[1]]).toEqual([before[1], before[1]]);
  });

  it("a rerun of the copy writes the sheet's own drawing again in its place, and leaves the shared one; so does 清除标记 after it", async () => {
    const parts = sharedParts([
      { name: "自评表", rows: FORM },
      { name: "填表说明", rows: GUIDE },
    ]);
    const { copy, code } = await scorePackage(zipParts(parts));
    expect(code).toBe(1);
    const rerun = path.join(path.dirname(copy), "rerun.xlsx");
    expect((await runMain("score", copy, "--out", rerun)).code).toBe(1);
    const [first, second] = [partsOfFile(copy), partsOfFile(rerun)];
    const own = partOf(first, A, "vmlDrawing");
    expect(own).not.toBe(SHARED_VML);
    const drawingsOf = (parts: Record<string, string>) => Object.keys(parts).filter((name) => name.endsWith(".vml"));
    expect(drawingsOf(second)).toEqual(drawingsOf(first));
    expect([partOf(second, A, "vmlDrawing"), partOf(second, B, "vmlDrawing")]).toEqual([own, SHARED_VML]);
    expect(second[SHARED_VML]).toBe(parts[SHARED_VML]);
    expect(noteBoxCells(second[partOf(second, A, "vmlDrawing")!])).toEqual(["G2", "G3"]);
    expect(Object.keys(openpyxlSheets([rerun], "自评表")[0].notes)).toEqual(["G2", "G3"]);
    // 清除标记 after the rerun: the check box alone in the sheet's own drawing, the shared one as it was.
    const cleaned = path.join(path.dirname(copy), "rerun-clean.xlsx");
    expect((await runMain("clean", rerun, "--out", cleaned)).code).toBe(0);
    const clean = partsOfFile(cleaned);
    expect(clean[SHARED_VML]).toBe(parts[SHARED_VML]);
    const cleanOwn = clean[partOf(clean, A, "vmlDrawing")!];
    expect([cleanOwn.includes(VML_CHECKBOX), noteBoxCells(cleanOwn)]).toEqual([true, []]);
    await exceljsSheets(rerun, cleaned);
  });

  it("two forms that share it: each gets the boxes of its own notes, and the check box", async () => {
    const parts = sharedParts([
      { name: "自评表", rows: FORM },
      { name: "二级项目", rows: SECOND_FORM },
    ]);
    const { copy, cleaned, codes } = await scoreAndClean(parts);
    expect(codes).toEqual([1, 0]);
    const scored = partsOfFile(copy);
    const [drawingA, drawingB] = [partOf(scored, A, "vmlDrawing")!, partOf(scored, B, "vmlDrawing")!];
    expect(drawingA).not.toBe(drawingB);
    const [form, second] = openpyxlSheetsOf(copy, "自评表", "二级项目");
    const noted = [Object.keys(form.notes).sort(), Object.keys(second.notes).sort()];
    // 二级项目: 受益人数's score, and 培训场次 over-achieved without a reason (E2, H2).
    expect(noted).toEqual([["G2", "G3"], ["E2", "G3", "H2"]]);
    expect([noteBoxCells(scored[drawingA]), noteBoxCells(scored[drawingB])]).toEqual(noted);
    for (const drawing of [drawingA, drawingB]) expect(scored[drawing]).toContain(VML_CHECKBOX);
    // No drawing is left that no sheet names.
    expect(Object.keys(scored).filter((name) => name.endsWith(".vml")).sort()).toEqual([drawingA, drawingB].sort());
    const clean = partsOfFile(cleaned);
    for (const sheet of [A, B]) {
      const drawing = clean[partOf(clean, sheet, "vmlDrawing")!];
      expect(drawing).toContain(VML_CHECKBOX);
      expect(noteBoxCells(drawing)).toEqual([]);
    }
    await exceljsSheets(copy, cleaned);
  });
});

describeWithOpenpyxl("a notes part two sheets share, with their drawing", () => {
  it("the sheet that gets notes gets a notes part of its own, the user's note kept; the other keeps the shared part and drawing", async () => {
    const parts = sharedParts(
      [
        { name: "自评表", rows: FORM },
        { name: "填表说明", rows: GUIDE },
      ],
      { noteBoxes: NOTE_BOX_OF_A1, sharedNote: true },
    );
    const { input, copy, cleaned, codes } = await scoreAndClean(parts);
    expect(codes).toEqual([1, 0]);
    const userNote = { A1: "张三：指标按 2023 年口径" };
    const [beforeForm, beforeGuide] = openpyxlSheetsOf(input, "自评表", "填表说明");
    expect([beforeForm.notes, beforeGuide.notes]).toEqual([userNote, userNote]);

    const scored = partsOfFile(copy);
    expect([partOf(scored, B, "comments"), partOf(scored, B, "vmlDrawing")]).toEqual([SHARED_COMMENTS, SHARED_VML]);
    expect([scored[SHARED_COMMENTS], scored[SHARED_VML]]).toEqual([parts[SHARED_COMMENTS], parts[SHARED_VML]]);
    const [ownComments, ownDrawing] = [partOf(scored, A, "comments")!, partOf(scored, A, "vmlDrawing")!];
    expect([ownComments, ownDrawing]).not.toContain(SHARED_COMMENTS);
    expect(ownDrawing).not.toBe(SHARED_VML);
    // The user's note with its bold run, and jixiao's; a box for each, and the check box.
    expect(scored[ownComments]).toContain("<r><rPr><b/></rPr><t>张三：</t></r>");
    const [form, guide] = openpyxlSheetsOf(copy, "自评表", "填表说明");
    expect(Object.keys(form.notes)).toEqual(["A1", "G2", "G3"]);
    expect(form.notes.A1).toBe(userNote.A1);
    expect(form.notes.G3.startsWith(NOTE_PREFIX)).toBe(true);
    expect(noteBoxCells(scored[ownDrawing])).toEqual(["A1", "G2", "G3"]);
    expect(scored[ownDrawing]).toContain(VML_CHECKBOX);
    expect(guide.notes).toEqual(userNote);

    // 清除标记: the user's note alone on each sheet; the shared parts as they were.
    const clean = partsOfFile(cleaned);
    expect([clean[SHARED_COMMENTS], clean[SHARED_VML]]).toEqual([parts[SHARED_COMMENTS], parts[SHARED_VML]]);
    const [cleanForm, cleanGuide] = openpyxlSheetsOf(cleaned, "自评表", "填表说明");
    expect([cleanForm.notes, cleanGuide.notes]).toEqual([userNote, userNote]);
    expect(noteBoxCells(clean[partOf(clean, A, "vmlDrawing")!])).toEqual(["A1"]);
    await exceljsSheets(copy, cleaned);
  });
});
