/**
 * Excel's `_xHHHH_` escapes in the text of cells, notes, charts' cached labels and page headers
 * (ECMA-376 22.4.2.4, ST_Xstring): Excel writes a character XML cannot hold as `_x001B_`, and the
 * literal text `_x0041_` as `_x005F_x0041_`, its underscore escaped. jixiao's reader decodes them,
 * and its writer escapes a literal `_xHHHH_` the same way, so that what it writes reads back as
 * written, by itself and by ExcelJS (whose reader decodes them as Excel does).
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { commentText, commentsXml, readComments, setNote } from "../../src/xlsx/comments-part";
import { newWorkbookBytes } from "../../src/xlsx/new-workbook";
import { readXlsxBytes } from "../../src/xlsx/reader";
import { escapeXstring, unescapeXstring } from "../../src/xlsx/xml";
import { buildPackage } from "../support/package";

/** Texts that look like escapes, or hold one, and must come back as they are. */
const LITERALS = ["_x0041_", "_x005F_", "_x005f_", "_x000D_", "_x00e9_", "_x0041_x0042_", "a_x0041_b_x0042_", "__x0041__", "_x0041", "x0041_", "_x004G_"];

describe("escapeXstring and unescapeXstring", () => {
  test("a literal escape's underscore is written as _x005F_, as Excel writes it; other text as escapeXml gives it", () => {
    expect(escapeXstring("_x0041_")).toBe("_x005F_x0041_");
    // Two escapes sharing an underscore: each opening one escaped.
    expect(escapeXstring("_x0041_x0042_")).toBe("_x005F_x0041_x005F_x0042_");
    // Lower-case hex is an escape to Excel too (it stores the text valcheck_xa100_ev as valcheck_x005F_xa100_ev).
    expect(escapeXstring("valcheck_xa100_ev")).toBe("valcheck_x005F_xa100_ev");
    expect(escapeXstring("_x0041 & _x004G_ <b>")).toBe("_x0041 &amp; _x004G_ &lt;b&gt;");
    // A character XML cannot hold is dropped first: it leaves no escape of what was around it.
    expect(escapeXstring("_x00\u00014_1_")).toBe("_x004_1_");
    expect(escapeXstring("_x00\u000141_")).toBe("_x005F_x0041_");
  });

  test("Excel's escapes are decoded left to right, the literal's underscore first", () => {
    expect(unescapeXstring("_x005F_x0041_")).toBe("_x0041_");
    expect(unescapeXstring("_x001B_[2J")).toBe("\u001b[2J");
    expect(unescapeXstring("_x0041_x0042_")).toBe("Ax0042_");
    expect(unescapeXstring("caf_x00e9_")).toBe("café");
    expect(unescapeXstring("_x004G_ _x041_")).toBe("_x004G_ _x041_");
  });

  test("any text comes back from the two as written (without what XML cannot hold)", () => {
    const unit = fc.constantFrom("_", "x", "X", "0", "4", "1", "5", "F", "f", "e", "G", "绩", " ", "\u0001");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        expect(unescapeXstring(escapeXstring(text))).toBe(text.replace(/\u0001/g, ""));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("text written and read back", () => {
  test("a new workbook's cells and page header: jixiao's reader reads the literal text, and so does ExcelJS from a shared string", async () => {
    const bytes = newWorkbookBytes([
      {
        name: "汇总",
        columns: [{ title: "单位_x0041_", width: 20, kind: "text" }],
        rows: LITERALS.map((text) => [text]),
        autoFilter: false,
        printTitle: "汇总复核",
        pageHeader: "&L复核文件夹：县_x0041_局&C汇总复核",
        pageFooter: "第 &P 页",
      },
    ]);
    const ours = readXlsxBytes(bytes, "new.xlsx").grid.sheets[0].values.map((row) => row[0]);
    expect(ours).toEqual(["单位_x0041_", ...LITERALS]);
    // ExcelJS decodes shared strings (not inline ones) as Excel does: the escaped text in a shared
    // strings table reads as the literal there too.
    const shared = buildPackage({ sheets: [{ name: "表", rows: LITERALS.map((text) => [escapeXstring(text)]) }] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(shared as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0].getColumn(1).values.slice(1)).toEqual(LITERALS);
    const sheet = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toContain("<oddHeader>&amp;L复核文件夹：县_x005F_x0041_局&amp;C汇总复核</oddHeader>");
  });

  test("the reader decodes lower-case hex as Excel does, and a formula's text result", () => {
    const bytes = buildPackage({
      sheets: [{ name: "表", rows: [["caf_x00e9_", "_x005F_x005f_"], [{ xml: '<c t="str"><f>"_x0041_"</f><v>_x005F_x0041_</v></c>' }]] }],
    });
    expect(readXlsxBytes(bytes, "in.xlsx").grid.sheets[0].values).toEqual([["café", "_x005f_"], ["_x0041_"]]);
  });

  test("a note: the user's runs kept as stored, jixiao's text escaped, both read back as shown", () => {
    const part =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      "<authors><author>张三_x005F_x0041_</author></authors><commentList>" +
      '<comment ref="B2" authorId="0"><text><r><rPr><b/></rPr><t>核对_x005F_x0041_</t></r></text></comment></commentList></comments>';
    const comments = readComments(part);
    const note = comments.byCell.get("B2")!;
    expect([note.author, commentText(note)]).toEqual(["张三_x0041_", "核对_x0041_"]);
    setNote(comments, "B2", "核对_x0041_\n绩效自评助手：“指标_x0042_”");
    const written = commentsXml(comments);
    // The user's run as it was; jixiao's text in a run of its own, its literal escaped.
    expect(written).toContain("<r><rPr><b/></rPr><t>核对_x005F_x0041_</t></r>");
    expect(written).toContain("绩效自评助手：“指标_x005F_x0042_”");
    expect(written).toContain("<author>张三_x005F_x0041_</author>");
    const again = readComments(written).byCell.get("B2")!;
    expect([again.author, commentText(again)]).toEqual(["张三_x0041_", "核对_x0041_\n绩效自评助手：“指标_x0042_”"]);
  });
});
