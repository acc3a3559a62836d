import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { NOTE_PREFIX } from "../../src/core/marks";
import { commentText, readComments } from "../../src/xlsx/comments-part";
import { Package } from "../../src/xlsx/package";
import { readXlsxBytes } from "../../src/xlsx/reader";
import { writeState } from "../../src/xlsx/state-part";
import { copyBytes, openCopy } from "../../src/xlsx/write";
import { scanXml } from "../../src/xlsx/xml";
import { runMain } from "../support/cli";
import { describeWithOpenpyxl, pythonJson } from "../support/openpyxl";
import { buildPackage, packageParts, partsOfFile, zipParts } from "../support/package";
import { tempDir } from "../support/xlsx";

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

/**
 * A 2023 form with a user's own fill and note on a cell jixiao will mark (G4) and on one it will
 * not (A1), and a number format on the blank score jixiao fills in (G3, which holds spaces).
 */
async function userForm(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评表");
  ws.addRows([
    ["某某单位2023年度项目支出绩效自评表"],
    HEADER,
    // G3 holds two spaces: it reads as blank, and is filled in.
    ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, "  ", "疫情停办两场"],
    ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 40, 30, "无"],
  ]);
  ws.getCell("G3").numFmt = "0.0";
  ws.getCell("G4").note = "张三：请复核";
  ws.getCell("G4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
  ws.getCell("A1").note = "标题批注";
  ws.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  const file = path.join(dir, "form.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

/** Each cell's value, number format, fill and note, as openpyxl (a second reader) sees them. */
function openpyxl(file: string, script: string): unknown {
  return pythonJson(["-c", `import json, openpyxl\nwb = openpyxl.load_workbook(${JSON.stringify(file)})\n${script}`]);
}

const CELLS = `
ws = wb.worksheets[0]
print(json.dumps({c.coordinate: [c.value, c.number_format, c.fill.fill_type, c.fill.fgColor.rgb, c.comment.text if c.comment else None] for r in ws.iter_rows() for c in r}))`;

describeWithOpenpyxl("the scored copy's marks, notes and 清除标记 (read back by openpyxl)", () => {
  it("notes every mark, keeps the user's note, and jixiao clean gives back every value, format, fill and note", async () => {
    const dir = tempDir();
    const input = await userForm(dir);
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    const clean = path.join(dir, "clean.xlsx");
    expect((await runMain("score", input, "--out", first)).code).toBe(1);
    const cells = openpyxl(first, CELLS) as Record<string, [unknown, string, string | null, string, string | null]>;
    // G3 was filled in: its light mark and how it was computed; G4 is wrong: the user's note first.
    expect(cells.G3[4]).toBe(`${NOTE_PREFIX}由 分值×实际完成值÷年度指标值 补填：50×8÷10=40.00`);
    expect(cells.G4[3]).toBe("FFFFC7CE");
    expect(cells.G4[4]).toMatch(new RegExp(`^张三：请复核\\n\\n${NOTE_PREFIX}\\n【错误】`));
    for (const [address, cell] of Object.entries(cells)) {
      if (cell[2] === "solid" && ["FFFFC7CE", "FFFFEB9C", "FFDDEBF7", "FFE2EFDA"].includes(cell[3])) expect([address, cell[4]?.includes(NOTE_PREFIX)]).toEqual([address, true]);
    }
    expect(cells.A1.slice(3)).toEqual(["FFFFFF00", "标题批注"]);

    // A second run over the copy, then clean: the user's fills and notes as they were.
    expect((await runMain("score", first, "--out", second)).code).toBe(1);
    const cleaned = await runMain("clean", second, "--out", clean, "--remove-summary");
    expect(cleaned.code).toBe(0);
    const original = openpyxl(input, CELLS) as Record<string, unknown[]>;
    const after = openpyxl(clean, CELLS) as Record<string, unknown[]>;
    // Every cell as before the first run: the value jixiao filled in (G3) blank again.
    for (const [address, cell] of Object.entries(original)) expect([address, after[address]]).toEqual([address, cell]);
    expect(openpyxl(clean, "print(json.dumps(wb.sheetnames))")).toEqual(["自评表"]);
  });

  it("prints the 综合得分 on A4 portrait, one page wide, its header repeated, with the chart part", async () => {
    const dir = tempDir();
    const out = path.join(dir, "out.xlsx");
    await runMain("score", await userForm(dir), "--out", out);
    const setup = openpyxl(
      out,
      `s = wb["综合得分"]
print(json.dumps([s.page_setup.paperSize, s.page_setup.orientation, s.page_setup.fitToWidth, s.page_setup.fitToHeight, s.sheet_properties.pageSetUpPr.fitToPage, s.print_title_rows, s.oddFooter.center.text, len(s._charts), s["A1"].value, s["A1"].font.name, any(c.font.i for r in s.iter_rows() for c in r)]))`,
    ) as unknown[];
    expect(setup.slice(0, 5)).toEqual([9, "portrait", 1, 0, true]);
    expect(setup[5]).toMatch(/^\$\d+:\$\d+$/);
    expect(setup[6]).toBe("第 &P 页 共 &N 页");
    expect(setup[7]).toBe(1);
    expect(setup[8]).toBe("自评表2023年度绩效自评综合得分");
    expect(setup[9]).toBe("宋体");
    expect(setup[10]).toBe(false);
  });
});

/**
 * A form (userForm unless another is given) scored, then one part of the copy changed as the user's
 * edit in Excel would change it (jixiao's record stays): the edited copy's path, in a folder of its own.
 */
async function scoredThenEdited(part: string, edit: (xml: string) => string, form: (dir: string) => Promise<string> = userForm): Promise<{ dir: string; edited: string }> {
  const dir = tempDir();
  const first = path.join(dir, "first.xlsx");
  await runMain("score", await form(dir), "--out", first);
  const zip = await JSZip.loadAsync(readFileSync(first));
  const xml = await zip.file(part)!.async("string");
  const changed = edit(xml);
  // An edit that finds nothing to change would leave the test testing nothing.
  expect(changed).not.toBe(xml);
  zip.file(part, changed);
  const edited = path.join(dir, "edited.xlsx");
  writeFileSync(edited, await zip.generateAsync({ type: "nodebuffer" }));
  return { dir, edited };
}

describe("a 综合得分 the user edited", () => {
  it("keeps a 综合得分 the user wrote in and puts the new summary beside it, saying so", async () => {
    // The user types a remark into the summary.
    const { dir, edited } = await scoredThenEdited("xl/worksheets/sheet2.xml", (xml) => xml.replace("<t>一、预算执行</t>", "<t>一、预算执行（已审）</t>"));
    const second = path.join(dir, "second.xlsx");
    const json = path.join(dir, "second.json");
    const { out } = await runMain("score", edited, "--out", second, "--json", json);
    expect(out.split("\n")).toContain("  综合得分 已被改动，保留原表；新的汇总写在 综合得分(2)");
    expect(JSON.parse(readFileSync(json, "utf8")).summary).toEqual({ sheet: "综合得分(2)", keptEdited: "综合得分" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(second) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["自评表", "综合得分", "综合得分(2)"]);
    // An unedited summary is replaced, as before.
    const third = path.join(dir, "third.xlsx");
    await runMain("score", second, "--out", third);
    await wb.xlsx.load(readFileSync(third) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["自评表", "综合得分", "综合得分(2)"]);
  });
});

describe("a record naming a sheet that is gone", () => {
  it("is not in the way: the rerun marks what is there", async () => {
    // The user renames the form's sheet.
    const { dir, edited } = await scoredThenEdited("xl/workbook.xml", (xml) => xml.replace('name="自评表"', 'name="自评表（改）"'));
    const second = path.join(dir, "second.xlsx");
    const { code, out } = await runMain("score", edited, "--out", second);
    expect([code, out.split("\n").at(-1)]).toEqual([1, `  已写出：${second}`]);
  });
});

describe("jixiao clean and a value jixiao filled in that the user has since replaced", () => {
  /** The copy of userForm with G3 (filled in with 40 by the run) rewritten as `cell` ($S: its format). */
  const withG3 = (cell: string) =>
    scoredThenEdited("xl/worksheets/sheet1.xml", (xml) => {
      const filled = /<c r="G3" s="(\d+)"><v>40<\/v><\/c>/.exec(xml);
      expect(filled).not.toBeNull();
      return xml.replace(filled![0], cell.replace("$S", filled![1]));
    });

  async function cleanedG3(dir: string, edited: string): Promise<ExcelJS.CellValue> {
    const clean = path.join(dir, "clean.xlsx");
    expect((await runMain("clean", edited, "--out", clean)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(clean) as unknown as ExcelJS.Buffer);
    return wb.worksheets[0].getCell("G3").value;
  }

  it("takes the value back while the cell still holds it (saved again by another program: its type written out)", async () => {
    const { dir, edited } = await withG3('<c r="G3" s="$S" t="n"><v>40</v></c>');
    // The two spaces the form's G3 held before.
    expect(await cleanedG3(dir, edited)).toBe("  ");
  });

  it("keeps a formula the user wrote there, even one whose result is the same number", async () => {
    const { dir, edited } = await withG3('<c r="G3" s="$S"><f>F3*8/10</f><v>40</v></c>');
    expect(await cleanedG3(dir, edited)).toEqual({ formula: "F3*8/10", result: 40 });
  });

  it("keeps another number the user typed over it", async () => {
    const { dir, edited } = await withG3('<c r="G3" s="$S"><v>41</v></c>');
    expect(await cleanedG3(dir, edited)).toBe(41);
  });
});

describe("a rerun after the user changed an input a value jixiao filled in was computed from", () => {
  it("fills that value in again, with no finding against jixiao's old number, and jixiao clean still gives back the cell before the first run", async () => {
    // 培训场次's 实际完成值 goes from 8场 to 9场: its 得分 (G3, filled in with 40) is now 45.
    const { dir, edited } = await scoredThenEdited("xl/sharedStrings.xml", (xml) => xml.replace("<t>8场</t>", "<t>9场</t>"));
    const rerun = path.join(dir, "rerun.xlsx");
    const json = path.join(dir, "rerun.json");
    await runMain("score", edited, "--out", rerun, "--json", json);
    const report = JSON.parse(readFileSync(json, "utf8")) as { findings: { cell: string; rule: string }[] };
    expect(report.findings.filter((f) => f.cell === "G3")).toEqual([]);
    const g3 = (file: string) => {
      const sheet = readXlsxBytes(readFileSync(file), file).grid.sheets[0];
      return [sheet.values[2][6], sheet.numFmts[2][6]];
    };
    expect(g3(rerun)).toEqual([45, "0.00"]);
    const cleaned = path.join(dir, "clean.xlsx");
    expect((await runMain("clean", rerun, "--out", cleaned)).code).toBe(0);
    expect(g3(cleaned)).toEqual(["  ", "0.0"]);
  });
});

describe("a rerun after the user blanked the input a value jixiao filled in came from", () => {
  it("takes that value back with its mark: the cell as before the first run", async () => {
    const { dir, edited } = await scoredThenEdited("xl/sharedStrings.xml", (xml) => xml.replace("<t>8场</t>", "<t></t>"));
    const rerun = path.join(dir, "rerun.xlsx");
    await runMain("score", edited, "--out", rerun);
    const sheet = readXlsxBytes(readFileSync(rerun), "rerun.xlsx").grid.sheets[0];
    expect([sheet.values[2][6], sheet.numFmts[2][6]]).toEqual(["  ", "0.0"]);
    const comments = readComments(partsOfFile(rerun)["xl/comments1.xml"]).byCell;
    expect(comments.has("G3")).toBe(false);
  });
});

describe("a remark the user typed after jixiao's text in a note", () => {
  it("is kept on a rerun, which replaces jixiao's text rather than adding a second copy, and is all jixiao clean leaves", async () => {
    const remark = "单位说明：按培训台账";
    const { dir, edited } = await scoredThenEdited("xl/comments1.xml", (xml) => xml.replace("=40.00</t>", `=40.00\n${remark}</t>`));
    const rerun = path.join(dir, "rerun.xlsx");
    const cleaned = path.join(dir, "clean.xlsx");
    await runMain("score", edited, "--out", rerun);
    expect((await runMain("clean", rerun, "--out", cleaned)).code).toBe(0);
    const noteOf = (file: string) => {
      const comment = readComments(partsOfFile(file)["xl/comments1.xml"]).byCell.get("G3");
      return comment && commentText(comment);
    };
    expect(noteOf(rerun)).toBe(`${remark}\n\n${NOTE_PREFIX}由 分值×实际完成值÷年度指标值 补填：50×8÷10=40.00`);
    expect(noteOf(cleaned)).toBe(remark);
  });
});

describe("a scored copy saved by LibreOffice, which relates jixiao's record from the package instead of the workbook (review round 23b)", () => {
  /** userForm scored, its record's relationship then moved as LibreOffice 7 moves it (with its ../ target). */
  async function savedAsLibreOffice(): Promise<{ dir: string; saved: string }> {
    const dir = tempDir();
    const first = path.join(dir, "first.xlsx");
    expect((await runMain("score", await userForm(dir), "--out", first)).code).toBe(1);
    const zip = await JSZip.loadAsync(readFileSync(first));
    const workbookRels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const record = /<Relationship [^>]*customXml"[^>]*\/>/.exec(workbookRels)![0];
    zip.file("xl/_rels/workbook.xml.rels", workbookRels.replace(record, ""));
    const rootRels = await zip.file("_rels/.rels")!.async("string");
    zip.file("_rels/.rels", rootRels.replace("</Relationships>", `${record.replace('Id="', 'Id="lo')}</Relationships>`));
    const saved = path.join(dir, "saved.xlsx");
    writeFileSync(saved, await zip.generateAsync({ type: "nodebuffer" }));
    return { dir, saved };
  }

  it("is found: clean takes every mark away, and a rerun writes into it instead of a second record", async () => {
    const { dir, saved } = await savedAsLibreOffice();
    expect(readXlsxBytes(readFileSync(saved), "saved.xlsx").grid.state).toContain('"marks"');
    const cleaned = path.join(dir, "clean.xlsx");
    const { code, out } = await runMain("clean", saved, "--out", cleaned);
    expect(code).toBe(0);
    expect(out).not.toContain("绩效自评助手的记录不全");
    expect(out).toMatch(/清除了 [1-9]\d* 处标记/);
    // The value jixiao filled in is taken back (G3's two spaces again), as with the record where Office keeps it.
    expect(readXlsxBytes(readFileSync(cleaned), "clean.xlsx").grid.sheets[0].values[2][6]).toBe("  ");
    const rerun = path.join(dir, "rerun.xlsx");
    expect((await runMain("score", saved, "--out", rerun)).code).toBe(1);
    expect(Object.keys(partsOfFile(rerun)).filter((part) => /^customXml\/item\d+\.xml$/.test(part))).toEqual(["customXml/item1.xml"]);
  });
});

describe("clean --remove-summary leaves no trace of jixiao (review round 23b)", () => {
  // Folder entries (ExcelJS writes them) are no parts.
  const partNames = (file: string) => Object.keys(partsOfFile(file)).filter((name) => !name.endsWith("/")).sort();

  it("takes the summary's drawing and chart with it, and the emptied record, however many runs came before", async () => {
    const dir = tempDir();
    const input = await userForm(dir);
    let file = input;
    for (const run of [1, 2]) {
      const out = path.join(dir, `run${run}.xlsx`);
      expect((await runMain("score", file, "--out", out)).code).toBe(1);
      file = out;
    }
    expect(partNames(file).filter((part) => part.includes("chart"))).not.toEqual([]);
    const cleaned = path.join(dir, "clean.xlsx");
    expect((await runMain("clean", file, "--out", cleaned, "--remove-summary")).code).toBe(0);
    expect(partNames(cleaned)).toEqual(partNames(input));
    expect(partsOfFile(cleaned)["[Content_Types].xml"]).not.toMatch(/chart|drawing|customXml/);
    expect(partsOfFile(cleaned)["xl/_rels/workbook.xml.rels"]).not.toContain("customXml");
  });

  it("leaves no relationships part on a sheet that had none before its first run (review round 48b, L1)", async () => {
    const dir = tempDir();
    const input = path.join(dir, "plain.xlsx");
    const rows = [HEADER, ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, null, "疫情停办两场"], ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 40, 30, "无"]];
    writeFileSync(input, buildPackage({ sheets: [{ name: "自评表", rows }] }));
    expect(partNames(input)).not.toContain("xl/worksheets/_rels/sheet1.xml.rels");
    const scored = path.join(dir, "scored.xlsx");
    expect((await runMain("score", input, "--out", scored)).code).toBe(1);
    const cleaned = path.join(dir, "clean.xlsx");
    expect((await runMain("clean", scored, "--out", cleaned, "--remove-summary")).code).toBe(0);
    expect(partNames(cleaned)).toEqual(partNames(input));
  });

  it("gives a cell it marked or filled in the user's own format back, not a look-alike (review round 51a, L1)", async () => {
    const dir = tempDir();
    // The user's yellow written as openpyxl writes it (alpha 00, no applyFill), on a blank 得分
    // jixiao fills in (G2) and on one above its weight that it marks (G3).
    const parts = packageParts({
      sheets: [
        {
          name: "自评表",
          rows: [
            HEADER,
            ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, { xml: '<c s="1"/>' }, "疫情停办两场"],
            ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 40, { xml: '<c s="1"><v>45</v></c>' }, "无"],
          ],
        },
      ],
      numFmts: ['<numFmt numFmtId="164" formatCode="0.0"/>'],
      cellXfs: ['<xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0"/>'],
    });
    parts["xl/styles.xml"] = parts["xl/styles.xml"]
      .replace('<fills count="2">', '<fills count="3">')
      .replace("</fills>", '<fill><patternFill patternType="solid"><fgColor rgb="00FFFF00"/></patternFill></fill></fills>');
    const input = path.join(dir, "yellow.xlsx");
    writeFileSync(input, zipParts(parts));
    const scored = path.join(dir, "scored.xlsx");
    const cleaned = path.join(dir, "clean.xlsx");
    expect((await runMain("score", input, "--out", scored)).code).toBe(1);
    // Each cell's format (no s is format 0).
    const formats = (file: string) => {
      const byCell: Record<string, string> = {};
      scanXml(partsOfFile(file)["xl/worksheets/sheet1.xml"], { open: (element) => void (element.local === "c" && (byCell[element.attributes.r] = element.attributes.s ?? "0")) });
      return byCell;
    };
    expect([formats(scored).G2, formats(scored).G3]).not.toEqual(["1", "1"]);
    expect((await runMain("clean", scored, "--out", cleaned, "--remove-summary")).code).toBe(0);
    expect(formats(cleaned)).toEqual(formats(input));
  });

  it("adds nothing to a workbook jixiao never scored", async () => {
    const dir = tempDir();
    const input = await userForm(dir);
    const cleaned = path.join(dir, "clean.xlsx");
    expect((await runMain("clean", input, "--out", cleaned, "--remove-summary")).code).toBe(0);
    expect(partNames(cleaned)).toEqual(partNames(input));
  });

  it("removes jixiao's 综合得分 told by its footer where the record was lost, as a rerun would replace it", async () => {
    const { dir, edited } = await scoredThenEdited("customXml/item1.xml", (xml) => xml.replace(/>\{.*\}</s, '>{"v":1}<'));
    const cleaned = path.join(dir, "clean.xlsx");
    const { out } = await runMain("clean", edited, "--out", cleaned, "--remove-summary");
    expect(out).toContain("已删除 综合得分 工作表");
    expect(readXlsxBytes(readFileSync(cleaned), "clean.xlsx").grid.sheets.map((sheet) => sheet.name)).toEqual(["自评表"]);
  });

  it("shows the form again when the user hid it and kept 综合得分 alone visible, and moves the tabs to a sheet there is (review round 48b, M2 and L2)", async () => {
    const { dir, edited } = await scoredThenEdited("xl/workbook.xml", (xml) =>
      xml.replace('name="自评表" state="visible"', 'name="自评表" state="hidden"').replace("<sheets>", '<bookViews><workbookView activeTab="1" firstSheet="1"/><workbookView activeTab="1"/></bookViews><sheets>'),
    );
    const cleaned = path.join(dir, "clean.xlsx");
    const { code, out } = await runMain("clean", edited, "--out", cleaned, "--remove-summary");
    expect(code).toBe(0);
    expect(out.split("\n")).toEqual(expect.arrayContaining(["  已删除 综合得分 工作表", "  已取消隐藏 自评表：其他工作表都已隐藏，工作簿至少要有一张可见的工作表"]));
    const workbook = partsOfFile(cleaned)["xl/workbook.xml"];
    expect(workbook.match(/<sheet [^>]*>/g)).toEqual([expect.not.stringContaining("state=")]);
    // Each window's (a second window of the workbook too).
    expect(workbook.match(/<workbookView[^>]*>/g)).toEqual(['<workbookView activeTab="0" firstSheet="0"/>', '<workbookView activeTab="0"/>']);
  });

  it.each([
    ["-1", "99"],
    ["x", "-3"],
  ])("takes a window's tab that is no sheet's number (activeTab %s, firstSheet %s) for the first sheet rather than failing (review round 52a, M1)", async (activeTab, firstSheet) => {
    const { dir, edited } = await scoredThenEdited("xl/workbook.xml", (xml) => xml.replace("<sheets>", `<bookViews><workbookView firstSheet="${firstSheet}" activeTab="${activeTab}"/></bookViews><sheets>`));
    const cleaned = path.join(dir, "clean.xlsx");
    const { code, out } = await runMain("clean", edited, "--out", cleaned, "--remove-summary");
    expect([code, out]).toEqual([0, expect.stringContaining("已删除 综合得分 工作表")]);
    expect(partsOfFile(cleaned)["xl/workbook.xml"].match(/<workbookView[^>]*>/g)).toEqual(['<workbookView firstSheet="0" activeTab="0"/>']);
  });

  it("writes a window's tab that is no sheet's number as the first sheet's in the scored copy (review round 52a, M1)", async () => {
    const dir = tempDir();
    const parts = packageParts({ sheets: [{ name: "自评表", rows: [HEADER, ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, null, "疫情停办两场"]] }] });
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace("<sheets>", '<bookViews><workbookView firstSheet="99" activeTab="-1"/><workbookView activeTab="1"/><workbookView activeTab="0"/></bookViews><sheets>');
    const input = path.join(dir, "tabs.xlsx");
    writeFileSync(input, zipParts(parts));
    const scored = path.join(dir, "scored.xlsx");
    expect((await runMain("score", input, "--out", scored)).code).toBe(1);
    // activeTab 1 was past the only sheet: not the summary added after it.
    expect(partsOfFile(scored)["xl/workbook.xml"].match(/<workbookView[^>]*>/g)).toEqual(['<workbookView firstSheet="0" activeTab="0"/>', '<workbookView activeTab="0"/>', '<workbookView activeTab="0"/>']);
    const cleaned = path.join(dir, "clean.xlsx");
    expect((await runMain("clean", scored, "--out", cleaned, "--remove-summary")).code).toBe(0);
  });

  it.each([
    ["an indicator's name holds control characters (Excel's _x001B_ escapes)", "培训场次_x001B_[2J_x0007_", 50, "培训场次[2J"],
    ["the weights are beyond what Excel holds", "培训场次", { xml: "<c><v>1E+308</v></c>" }, "培训场次"],
    // As Excel stores the text 培训场次_x0041_: written back so, not as the escape of an A.
    ["an indicator's name holds a literal _x0041_ (Excel's _x005F_x0041_)", "培训场次_x005F_x0041_", 50, "培训场次_x005F_x0041_"],
  ])("knows its own 综合得分 again where %s: clean removes it, a rerun replaces it (review round 52a, M2)", async (_, name, weight, written) => {
    const dir = tempDir();
    // 15 of 10 is over-achieved: the finding quotes the name in the summary.
    const rows = [HEADER, ["产出指标", "数量指标", name, "≥10场", "15场", weight, null, null], ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", weight, 30, "无"]];
    const input = path.join(dir, "form.xlsx");
    writeFileSync(input, buildPackage({ sheets: [{ name: "自评表", rows }] }));
    const scored = path.join(dir, "scored.xlsx");
    await runMain("score", input, "--out", scored);
    // No number past Excel's 15 digits in the summary.
    const summaryXml = partsOfFile(scored)["xl/worksheets/sheet2.xml"];
    expect(summaryXml).toContain(written);
    expect((summaryXml.match(/<v>[^<]*<\/v>/g) ?? []).filter((v) => v.replace(/[^0-9]/g, "").replace(/^0+/, "").length > 15)).toEqual([]);
    const cleaned = path.join(dir, "clean.xlsx");
    expect((await runMain("clean", scored, "--out", cleaned, "--remove-summary")).out).toContain("已删除 综合得分 工作表");
    const rerun = path.join(dir, "rerun.xlsx");
    await runMain("score", scored, "--out", rerun);
    expect(readXlsxBytes(readFileSync(rerun), "rerun.xlsx").grid.sheets.map((sheet) => sheet.name)).toEqual(["自评表", "综合得分"]);
  });

  it("takes the record away when the user deleted 综合得分 by hand (review round 24a)", async () => {
    const { dir, edited } = await scoredThenEdited("xl/workbook.xml", (xml) => xml.replace(/<sheet [^>]*name="综合得分"[^>]*\/>/, ""));
    const cleaned = path.join(dir, "clean.xlsx");
    expect((await runMain("clean", edited, "--out", cleaned)).code).toBe(0);
    expect(Object.keys(partsOfFile(cleaned)).filter((part) => part.startsWith("customXml/"))).toEqual([]);
  });

  it("keeps a 综合得分 the user wrote in, and says so, before a rerun and after one", async () => {
    const { dir, edited } = await scoredThenEdited("xl/worksheets/sheet2.xml", (xml) => xml.replace("<t>一、预算执行</t>", "<t>一、预算执行（已审）</t>"));
    const sheetsOf = (file: string) => readXlsxBytes(readFileSync(file), file).grid.sheets.map((sheet) => sheet.name);
    const kept = "  保留 综合得分：这张绩效自评助手生成的表之后被改动过，按用户的表保留";
    const cleaned = path.join(dir, "clean.xlsx");
    const direct = await runMain("clean", edited, "--out", cleaned, "--remove-summary");
    expect(direct.out.split("\n")).toContain(kept);
    expect(sheetsOf(cleaned)).toEqual(["自评表", "综合得分"]);
    const rerun = path.join(dir, "rerun.xlsx");
    await runMain("score", edited, "--out", rerun);
    const rerunCleaned = path.join(dir, "rerun-clean.xlsx");
    const after = await runMain("clean", rerun, "--out", rerunCleaned, "--remove-summary");
    expect(after.out.split("\n")).toEqual(expect.arrayContaining(["  已删除 综合得分(2) 工作表", kept]));
    expect(sheetsOf(rerunCleaned)).toEqual(["自评表", "综合得分"]);
  });
});

describe("a scored copy whose record another program dropped (as openpyxl does with custom XML parts)", () => {
  /** userForm scored, its record then emptied: the marked cells keep jixiao's notes, fills and values. */
  const recordLost = () => scoredThenEdited("customXml/item1.xml", (xml) => xml.replace(/>\{.*\}</s, '>{"v":1}<'));
  const notesOf = (file: string) => {
    const part = Object.keys(partsOfFile(file)).find((name) => name.startsWith("xl/comments"))!;
    return Object.fromEntries([...readComments(partsOfFile(file)[part]).byCell].map(([ref, comment]) => [ref, commentText(comment)]));
  };

  it("jixiao clean takes jixiao's text out of the notes, keeps the user's, leaves fills and values, and names the cells to check", async () => {
    const { dir, edited } = await recordLost();
    const cleaned = path.join(dir, "clean.xlsx");
    const { code, out } = await runMain("clean", edited, "--out", cleaned);
    expect(code).toBe(0);
    expect(out).toContain(`${edited}：清除了 0 处标记及其批注`);
    // G2: the 得分 header's own finding.
    expect(out).toContain("绩效自评助手的记录不全");
    expect(out).toContain("另删去 3 条批注中绩效自评助手的文字");
    expect(out).toContain("请核对：自评表!G2、自评表!G3、自评表!G4\n");
    expect(notesOf(cleaned)).toEqual({ A1: "标题批注", G4: "张三：请复核" });
    // Without the record nothing tells jixiao's 40 from a number the user typed: it stays.
    expect(readXlsxBytes(readFileSync(cleaned), "clean.xlsx").grid.sheets[0].values[2][6]).toBe(40);
  });

  it("a rerun replaces jixiao's text in a note it marks again instead of adding a second copy", async () => {
    const { dir, edited } = await recordLost();
    const rerun = path.join(dir, "rerun.xlsx");
    await runMain("score", edited, "--out", rerun);
    const g4 = notesOf(rerun).G4;
    expect(g4.startsWith(`张三：请复核\n\n${NOTE_PREFIX}\n【错误】`)).toBe(true);
    expect(g4.split(NOTE_PREFIX)).toHaveLength(2);
  });
});

describe("a copy an older build scored: the note on the value it filled in gives no figures", () => {
  /** userForm scored, then G3's note and the record's text as builds before figures wrote them; the record dropped too, or not. */
  async function olderCopy(recordDropped: boolean): Promise<{ dir: string; edited: string }> {
    const { dir, edited } = await scoredThenEdited("xl/comments1.xml", (xml) => xml.replace("补填：50×8÷10=40.00</t>", "补填</t>"));
    const zip = await JSZip.loadAsync(readFileSync(edited));
    const record = await zip.file("customXml/item1.xml")!.async("string");
    const older = recordDropped ? record.replace(/>\{.*\}</s, '>{"v":1}<') : record.replace("补填：50×8÷10=40.00", "补填");
    expect(older).not.toBe(record);
    zip.file("customXml/item1.xml", older);
    writeFileSync(edited, await zip.generateAsync({ type: "nodebuffer" }));
    return { dir, edited };
  }
  const notesOf = (file: string) => Object.fromEntries([...readComments(partsOfFile(file)["xl/comments1.xml"]).byCell].map(([ref, comment]) => [ref, commentText(comment)]));

  it.each([
    ["by the record, which gives the cell back as it was", false, "  "],
    ["by its shape where the record was dropped, the value left to check", true, 40],
  ])("jixiao clean takes jixiao's text away %s; the user's notes stay", async (_how, recordDropped, g3) => {
    const { dir, edited } = await olderCopy(recordDropped);
    expect(notesOf(edited).G3).toBe(`${NOTE_PREFIX}由 分值×实际完成值÷年度指标值 补填`);
    const cleaned = path.join(dir, "clean.xlsx");
    expect((await runMain("clean", edited, "--out", cleaned)).code).toBe(0);
    expect(notesOf(cleaned)).toEqual({ A1: "标题批注", G4: "张三：请复核" });
    expect(readXlsxBytes(readFileSync(cleaned), "clean.xlsx").grid.sheets[0].values[2][6]).toBe(g3);
  });
});

describeWithOpenpyxl("a scored copy saved again by openpyxl, which drops jixiao's record part", () => {
  it("jixiao clean takes jixiao's text out of every note and names the cells whose fills and values it cannot tell", async () => {
    const dir = tempDir();
    const scored = path.join(dir, "scored.xlsx");
    const saved = path.join(dir, "saved.xlsx");
    const cleaned = path.join(dir, "clean.xlsx");
    await runMain("score", await userForm(dir), "--out", scored);
    // The unit types a reason in openpyxl and saves.
    openpyxl(scored, `wb.worksheets[0]["H4"] = "样本偏少"\nwb.save(${JSON.stringify(saved)})\nprint("null")`);
    expect(Object.keys(partsOfFile(saved)).some((part) => part.startsWith("customXml/"))).toBe(false);
    const { code, out } = await runMain("clean", saved, "--out", cleaned);
    expect(code).toBe(0);
    expect(out).toContain(`${saved}：清除了 0 处标记及其批注`);
    expect(out).toContain("请核对：自评表!G2、自评表!G3、自评表!G4\n");
    const cells = openpyxl(cleaned, CELLS) as Record<string, unknown[]>;
    const notes = Object.entries(cells).filter(([, cell]) => cell[4] !== null).map(([address, cell]) => [address, cell[4]]);
    expect(notes).toEqual([
      ["A1", "标题批注"],
      ["G4", "张三：请复核"],
    ]);
    // jixiao's 40 and its fill cannot be told from the user's: they stay.
    expect(cells.G3.slice(0, 1)).toEqual([40]);
  });
});

describe("清除标记 and a blank score that held an empty text (another program wrote it)", () => {
  it("gives the empty text back, not a cell without a value", async () => {
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    // G2's shared string is "": it reads as blank and is filled in with 40.
    writeFileSync(
      input,
      buildPackage({
        sheets: [
          {
            name: "自评表",
            rows: [
              HEADER,
              ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, "", "疫情停办两场"],
              ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 50, 50, "无"],
            ],
          },
        ],
      }),
    );
    expect(readXlsxBytes(readFileSync(input), "in.xlsx").grid.sheets[0].values[1][6]).toBe("");
    const scored = path.join(dir, "scored.xlsx");
    const cleaned = path.join(dir, "clean.xlsx");
    expect((await runMain("score", input, "--out", scored)).code).toBe(0);
    expect(readXlsxBytes(readFileSync(scored), "scored.xlsx").grid.sheets[0].values[1][6]).toBe(40);
    expect((await runMain("clean", scored, "--out", cleaned)).code).toBe(0);
    expect(readXlsxBytes(readFileSync(cleaned), "clean.xlsx").grid.sheets[0].values[1][6]).toBe("");
  });
});

describe("清除标记 and a 总分 formula whose cached result the scored copy updated", () => {
  /**
   * 培训场次's 得分 (G2) is blank and filled in with 40; the 总分 =SUM(G2:G3) at G4 then caches 90,
   * where the form cached `cached` (a number, a text, an error, or no result at all).
   */
  const form = (cached: string) =>
    buildPackage({
      sheets: [
        {
          name: "自评表",
          rows: [
            HEADER,
            ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, null, "疫情停办两场"],
            ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 50, 50, "无"],
            ["总分", null, null, null, null, 100, { xml: `<c${cached}</c>` }],
          ],
        },
      ],
    });
  /** G4's XML, without its format (the scored copy gives the 总分 a General one of its own). */
  const g4 = (parts: Record<string, string>) => /<c r="G4"[^>]*>.*?<\/c>/.exec(parts["xl/worksheets/sheet1.xml"])?.[0].replace(/ s="\d+"/, "");

  async function scoreThenClean(input: Uint8Array, reruns = 0): Promise<{ scored: Record<string, string>; cleaned: Record<string, string> }> {
    const dir = tempDir();
    let file = path.join(dir, "in.xlsx");
    writeFileSync(file, input);
    for (let run = 0; run <= reruns; run++) {
      const out = path.join(dir, `scored${run}.xlsx`);
      expect((await runMain("score", file, "--out", out)).code).toBe(0);
      file = out;
    }
    const cleaned = path.join(dir, "clean.xlsx");
    expect((await runMain("clean", file, "--out", cleaned)).code).toBe(0);
    return { scored: partsOfFile(file), cleaned: partsOfFile(cleaned) };
  }

  it.each([
    ["a number", "><f>SUM(G2:G3)</f><v>50</v>"],
    ["a text", ' t="str"><f>SUM(G2:G3)</f><v>待填</v>'],
    ["an error", ' t="e"><f>SUM(G2:G3)</f><v>#VALUE!</v>'],
    ["no result", "><f>SUM(G2:G3)</f>"],
  ])("gives back the result the formula held before (%s), its formula kept", async (_, cached) => {
    const { scored, cleaned } = await scoreThenClean(form(cached));
    expect(g4(scored)).toBe('<c r="G4"><f>SUM(G2:G3)</f><v>90</v></c>');
    expect(g4(cleaned)).toBe(`<c r="G4"${cached}</c>`);
    expect(cleaned["customXml/item1.xml"]).not.toContain("cachedResults");
  });

  it("after a rerun too: the first run's result before is kept, not jixiao's own", async () => {
    const { cleaned } = await scoreThenClean(form("><f>SUM(G2:G3)</f><v>50</v>"), 1);
    expect(g4(cleaned)).toBe('<c r="G4"><f>SUM(G2:G3)</f><v>50</v></c>');
  });

  /** The form scored, then its copy's sheet edited as `edit` does. */
  const scoredThenSheetEdited = (cached: string, edit: (xml: string) => string) =>
    scoredThenEdited("xl/worksheets/sheet1.xml", edit, async (dir) => {
      const input = path.join(dir, "in.xlsx");
      writeFileSync(input, form(cached));
      return input;
    });

  it.each([
    ["a result", "><f>SUM(G2:G3)</f><v>50</v>"],
    ["no result", "><f>SUM(G2:G3)</f>"],
  ])("after a rerun that updates it again (the user changed a score the total adds): still what it held before the first run (%s)", async (_, cached) => {
    const { dir, edited } = await scoredThenSheetEdited(cached, (xml) => xml.replace(/(<c r="G3"[^>]*>)<v>50<\/v>/, "$1<v>45</v>"));
    const rerun = path.join(dir, "rerun.xlsx");
    await runMain("score", edited, "--out", rerun);
    expect(g4(partsOfFile(rerun))).toBe('<c r="G4"><f>SUM(G2:G3)</f><v>85</v></c>');
    const cleaned = path.join(dir, "clean.xlsx");
    expect((await runMain("clean", rerun, "--out", cleaned)).code).toBe(0);
    expect(g4(partsOfFile(cleaned))).toBe(`<c r="G4"${cached}</c>`);
  });

  it("leaves a result recalculated since (another program saved the copy) as it is", async () => {
    const { dir, edited } = await scoredThenSheetEdited("><f>SUM(G2:G3)</f><v>50</v>", (xml) => xml.replace("<v>90</v>", "<v>91</v>"));
    const cleaned = path.join(dir, "clean.xlsx");
    expect((await runMain("clean", edited, "--out", cleaned)).code).toBe(0);
    expect(g4(partsOfFile(cleaned))).toBe('<c r="G4"><f>SUM(G2:G3)</f><v>91</v></c>');
  });
});

describe("a rerun after the user inserted a row above a value jixiao filled in", () => {
  /** A form whose 培训场次 meets its target in full: the first run fills in its 得分 (G3) with its weight, 50. */
  async function fullScoreForm(dir: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("自评表").addRows([
      ["某某单位2023年度项目支出绩效自评表"],
      HEADER,
      ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 50, null, ""],
      ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 50, 50, "无"],
    ]);
    const file = path.join(dir, "form.xlsx");
    await wb.xlsx.writeFile(file);
    return file;
  }

  /**
   * The scored copy with a row inserted above row 3 in Excel (ExcelJS moves the rows below), jixiao's
   * record carried over as Excel keeps it. 新增设备 met half its target: its 得分 is 25, but the unit
   * typed 50, the number the first run filled in at G3.
   */
  async function insertedAbove(dir: string, first: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(first) as unknown as ExcelJS.Buffer);
    wb.getWorksheet("自评表")!.spliceRows(3, 0, ["产出指标", "数量指标", "新增设备", "≥10台", "5台", 50, 50, "采购延迟"]);
    const copy = openCopy(Package.open(new Uint8Array(await wb.xlsx.writeBuffer())));
    writeState(copy.pkg, copy.workbookRels, copy.contentTypes, readXlsxBytes(readFileSync(first), first).grid.state!);
    const edited = path.join(dir, "edited.xlsx");
    writeFileSync(edited, copyBytes(copy, copy.workbook.toXml()));
    return edited;
  }

  it("checks the user's number there and leaves it, and jixiao clean leaves it too", async () => {
    const dir = tempDir();
    const first = path.join(dir, "first.xlsx");
    await runMain("score", await fullScoreForm(dir), "--out", first);
    const edited = await insertedAbove(dir, first);
    const rerun = path.join(dir, "rerun.xlsx");
    const json = path.join(dir, "rerun.json");
    await runMain("score", edited, "--out", rerun, "--json", json);
    const report = JSON.parse(readFileSync(json, "utf8")) as { findings: { cell: string; rule: string }[] };
    expect(report.findings.filter((f) => f.cell === "G3").map((f) => f.rule)).toEqual(["score-mismatch"]);
    const g3 = (file: string) => readXlsxBytes(readFileSync(file), file).grid.sheets[0].values[2][6];
    expect(g3(rerun)).toBe(50);
    // jixiao clean, on the edited copy or after the rerun.
    for (const [from, to] of [
      [edited, "clean-edited.xlsx"],
      [rerun, "clean-rerun.xlsx"],
    ]) {
      const cleaned = path.join(dir, to);
      expect((await runMain("clean", from, "--out", cleaned)).code).toBe(0);
      expect(g3(cleaned)).toBe(50);
    }
  });
});
