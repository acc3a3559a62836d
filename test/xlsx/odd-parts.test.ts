/**
 * Parts that are valid but unusual, or damaged, other than the sheets: an empty stylesheet, notes
 * written with an `x:` prefix (OpenXML SDK), a notes part that is not XML. The scored copy is read
 * back by openpyxl; a damaged part is refused with one line naming it.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { runMain } from "../support/cli";
import { threeIndicatorForm } from "../support/grid";
import { describeWithOpenpyxl, openpyxlSheets } from "../support/openpyxl";
import { MAIN_NS, packageParts, zipParts } from "../support/package";
import { tempDir } from "../support/xlsx";

/** 培训场次's 得分 (G2) is blank and filled in with 40; 受益人数's (G3) is 20 of 30 for a target met, and marked. */
const ROWS = threeIndicatorForm({
  output: ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, null, "疫情停办两场"],
  effect: ["效益指标", "社会效益", "受益人数", "≥100人", "100人", 30, 20, ""],
});

/** The package's parts, to change one before zipping. */
function formParts(): Record<string, string> {
  return packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
}

/** Scores the parts as a file through the command line: its exit, messages and the paths of input and copy. */
async function scoreParts(parts: Record<string, string>, ...options: string[]): Promise<{ code: number; err: string; input: string; copy: string }> {
  const dir = tempDir();
  const input = path.join(dir, "in.xlsx");
  writeFileSync(input, zipParts(parts));
  const copy = path.join(dir, "out.xlsx");
  const { code, err } = await runMain("score", input, "--out", copy, ...options);
  return { code, err, input, copy };
}

describeWithOpenpyxl("an empty stylesheet", () => {
  it("<styleSheet/>: the copy's stylesheet gets the lists every workbook has, and shows the write and the marks", async () => {
    const parts = formParts();
    parts["xl/styles.xml"] = `<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="${MAIN_NS}"/>`;
    const { code, input, copy } = await scoreParts(parts);
    expect(code).toBe(1);
    const [before, after] = openpyxlSheets([input, copy], "自评表");
    expect(after.cells).toEqual({ ...before.cells, G2: 40 });
    expect(after.filled).toEqual(["G2", "G3"]);
  });
});
