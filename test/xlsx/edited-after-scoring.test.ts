/**
 * A scored copy the accountant edited in a spreadsheet program before cleaning it or scoring it
 * again (review round 23b): rows inserted or deleted above jixiao's marks, the form's sheet
 * renamed. The notes and fills moved with their cells; jixiao's record kept the run's addresses and
 * names. Read back by openpyxl, the cleaned copy is the original with the same edit.
 *
 * test/fixtures/edited-after-scoring: the yunxi form with the user's own fills and notes, scored,
 * then edited in LibreOffice 7.4 (its record's relationship put back where Excel keeps it); beside
 * each, the original with the same edit (`-expected`); and shared-picture-scored.xlsx, the form
 * scored, then given the same picture on its sheet and on 综合得分 in LibreOffice.
 */
import JSZip from "jszip";
import { copyFileSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { readXlsxBytes } from "../../src/xlsx/reader";
import { runMain } from "../support/cli";
import { describeWithOpenpyxl, openpyxlSheets, pythonJson } from "../support/openpyxl";
import { YUNXI, tempDir } from "../support/xlsx";

const FIXTURES = path.join(__dirname, "..", "fixtures", "edited-after-scoring");
const FORM = "云溪 '部门' 自评表";

describeWithOpenpyxl("a scored copy edited before 清除标记 or a rerun", () => {
  it.each(["delrow", "insrow"])("%s: clean, and score again then clean, give back the original with the same edit", async (edit) => {
    const dir = tempDir();
    const edited = path.join(dir, `${edit}.xlsx`);
    copyFileSync(path.join(FIXTURES, `${edit}-scored-then-edited.xlsx`), edited);
    const cleaned = path.join(dir, "cleaned.xlsx");
    const rescored = path.join(dir, "rescored.xlsx");
    const rescoredCleaned = path.join(dir, "rescored-cleaned.xlsx");
    expect((await runMain("clean", edited, "--out", cleaned)).code).toBe(0);
    expect((await runMain("score", edited, "--out", rescored)).code).toBe(1);
    expect((await runMain("clean", rescored, "--out", rescoredCleaned)).code).toBe(0);
    const [expected, direct, afterRerun, rescoredSheet] = openpyxlSheets([path.join(FIXTURES, `${edit}-expected.xlsx`), cleaned, rescoredCleaned, rescored], FORM);
    expect(direct).toEqual(expected);
    expect(afterRerun).toEqual(expected);
    // The rerun wrote jixiao's text once in each note, never a second copy beside a moved one.
    const jixiaoNotes = Object.values(rescoredSheet.notes).filter((text) => text.includes("绩效自评助手："));
    expect(jixiaoNotes.length).toBeGreaterThan(0);
    for (const text of jixiaoNotes) expect(text.split("绩效自评助手：")).toHaveLength(2);
  });

  it("a picture the form and the 综合得分 share (LibreOffice stores it once) stays when the summary goes (review round 24a)", async () => {
    const dir = tempDir();
    const cleaned = path.join(dir, "cleaned.xlsx");
    expect((await runMain("clean", path.join(FIXTURES, "shared-picture-scored.xlsx"), "--out", cleaned, "--remove-summary")).code).toBe(0);
    const pictures = pythonJson(["-c", "import sys, json, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); print(json.dumps([[ws.title, len(ws._images)] for ws in wb.worksheets]))"], cleaned);
    expect(pictures).toEqual([
      ["封面 说明", 0],
      [FORM, 1],
    ]);
  });

  it("a renamed form sheet: clean takes every mark away", async () => {
    const dir = tempDir();
    const scored = path.join(dir, "scored.xlsx");
    await runMain("score", YUNXI, "--out", scored);
    const zip = await JSZip.loadAsync(readFileSync(scored));
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    const [original] = openpyxlSheets([YUNXI]);
    const formName = readXlsxBytes(readFileSync(YUNXI), "yunxi.xlsx").grid.sheets[0].name;
    const renamedXml = workbookXml.replace(`name="${formName}"`, `name="${formName}（已改）"`);
    expect(renamedXml).not.toBe(workbookXml);
    zip.file("xl/workbook.xml", renamedXml);
    const renamed = path.join(dir, "renamed.xlsx");
    writeFileSync(renamed, await zip.generateAsync({ type: "nodebuffer" }));
    const cleaned = path.join(dir, "cleaned.xlsx");
    const { code, out } = await runMain("clean", renamed, "--out", cleaned);
    expect(code).toBe(0);
    expect(out).not.toContain("绩效自评助手的记录不全");
    expect(openpyxlSheets([cleaned], `${formName}（已改）`)[0]).toEqual(original);
  });
});
