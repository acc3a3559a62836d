/** The 综合得分 sheet made by the English pane: its footer and profile line in English, and either footer recognised on the next run. */
import { analyze } from "../../src/core/analyze";
import { SUMMARY_MARKERS, isJixiaoSummary } from "../../src/core/summary-sheet";
import { threeIndicatorForm, workbook } from "../support/grid";

const grid = workbook({
  name: "Project",
  rows: threeIndicatorForm(),
});

test("in English the footer and the profile line are English", () => {
  const summary = analyze(grid, undefined, { lang: "en" }).summary;
  const texts = summary.cells.filter((c) => !c.isNumber).map((c) => c.value);
  // The marker stands under the signature lines; the findings follow it and end the sheet (review round 51d L1).
  expect(texts).toContain(SUMMARY_MARKERS.en);
  expect(texts.indexOf(SUMMARY_MARKERS.en)).toBeLessThan(texts.indexOf("4. Findings"));
  const profileLine = texts.find((t) => t.startsWith("Profile:"))!;
  // The grade labels are the profile's own words (优, 良 …), written into 等次 cells as they are.
  expect(profileLine.replace(/[优良中差]≥/g, "≥")).not.toMatch(/[\u4e00-\u9fff]/);
});

test("a summary in either language is recognised as jixiao's own", () => {
  for (const lang of ["zh", "en"] as const) {
    const summary = analyze(grid, undefined, { lang }).summary;
    const values = Array.from({ length: summary.rowCount }, () => [] as (string | null)[]);
    for (const c of summary.cells) values[c.row][c.col] = c.value;
    expect(isJixiaoSummary({ name: summary.name, values, numFmts: [], merges: [] })).toBe(true);
  }
});
