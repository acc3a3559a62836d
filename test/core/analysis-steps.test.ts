/**
 * The analysis a sheet at a time (what the task pane runs, pausing between steps) gives what
 * analyze() gives, and its counts rise sheet by sheet to the workbook's number of sheets.
 */
import { Analysis, AnalysisProgress, analysisSteps, analyze } from "../../src/core/analyze";
import { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { readXlsx } from "../../src/xlsx/read";
import { KAIPING, YUNXI } from "../support/xlsx";

/** The 综合得分 sheet an analysis makes, as its cells would read back from the workbook. */
function summaryGrid(analysis: Analysis): SheetGrid {
  const { summary } = analysis;
  const values = Array.from({ length: summary.rowCount }, () => [] as (string | null)[]);
  for (const c of summary.cells) values[c.row][c.col] = c.value;
  return { name: summary.name, values, numFmts: [], merges: [] };
}

/** Steps several analyses in turn, one step each, so no step runs right after its own previous one. */
function interleaved(runs: Generator<AnalysisProgress, Analysis, void>[]): { analyses: Analysis[]; progress: AnalysisProgress[][] } {
  const analyses: (Analysis | undefined)[] = runs.map(() => undefined);
  const progress: AnalysisProgress[][] = runs.map(() => []);
  while (analyses.some((a) => a === undefined)) {
    runs.forEach((run, i) => {
      if (analyses[i] !== undefined) return;
      const step = run.next();
      if (step.done) analyses[i] = step.value;
      else progress[i].push(step.value);
    });
  }
  return { analyses: analyses as Analysis[], progress };
}

/** detect 1…n, check 1…n, then totals. */
function expectedProgress(sheets: number): AnalysisProgress[] {
  const counts = (phase: "detect" | "check") => Array.from({ length: sheets }, (_, i) => ({ phase, done: i + 1, total: sheets }));
  return [...counts("detect"), ...counts("check"), { phase: "totals" }];
}

describe("analysisSteps", () => {
  let yunxi: WorkbookGrid;
  let kaiping: WorkbookGrid;
  /** yunxi as it is after a run: its sheet and jixiao's 综合得分 after it. */
  let yunxiScored: WorkbookGrid;
  beforeAll(async () => {
    yunxi = (await readXlsx(YUNXI)).grid;
    kaiping = (await readXlsx(KAIPING)).grid;
    yunxiScored = { ...yunxi, sheets: [...yunxi.sheets, summaryGrid(analyze(yunxi))] };
  });

  test("stepped in turn with other runs, each gives exactly what analyze() gives", () => {
    const { analyses } = interleaved([
      analysisSteps(yunxi, DEFAULT_PROFILE),
      analysisSteps(kaiping, DEFAULT_PROFILE, { lang: "en" }),
      analysisSteps(yunxiScored, DEFAULT_PROFILE),
    ]);
    const whole = [analyze(yunxi, DEFAULT_PROFILE), analyze(kaiping, DEFAULT_PROFILE, { lang: "en" }), analyze(yunxiScored, DEFAULT_PROFILE)];
    analyses.forEach((stepped, i) => {
      expect(stepped).toEqual(whole[i]);
      // Not empty on either side: the fixtures have tables, findings and (yunxi) writes.
      expect(stepped.tables.length).toBeGreaterThan(0);
      expect(stepped.findings.length).toBeGreaterThan(0);
    });
    expect(analyses[0].writes.length).toBeGreaterThan(0);
    // And what both give is the fixtures' known result, not only the same on both sides.
    expect([analyses[0].totals.map((t) => t.score), analyses[0].findings.length, analyses[0].writes.length]).toEqual([["106.47"], 13, 2]);
    // 64: 资产保障增值率 ≥100% (7.后勤综合保障经费!F14), a 增值率, passes 100% and warns no more (review round 54a M3).
    expect(analyses[1].findings.length).toBe(64);
    // The options reach the steps: the English run's messages are not the Chinese ones.
    expect(analyses[1].findings.map((f) => f.message)).not.toEqual(analyze(kaiping).findings.map((f) => f.message));
  });

  test("the counts rise one sheet at a time to the number of sheets, in both phases, then the totals", () => {
    const { progress } = interleaved([analysisSteps(yunxi), analysisSteps(kaiping), analysisSteps(yunxiScored)]);
    expect(kaiping.sheets).toHaveLength(5);
    expect(progress[0]).toEqual(expectedProgress(1));
    expect(progress[1]).toEqual(expectedProgress(5));
    // jixiao's own 综合得分 is counted among the sheets (the user sees its tab) but not checked.
    expect(progress[2]).toEqual(expectedProgress(2));
  });

  test("a 综合得分 sheet jixiao wrote is skipped, not analysed", () => {
    const steps = analysisSteps(yunxiScored);
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(step.value.skippedSheets).toEqual(["综合得分"]);
    expect(step.value.tables.every((t) => t.sheet !== "综合得分")).toBe(true);
    expect(step.value.findings).toEqual(analyze(yunxi).findings);
  });

  test("the add-in's very hidden backup of an older 综合得分 is jixiao's, not a hidden sheet of the unit's (review round 33)", () => {
    const backup: SheetGrid = { name: "jixiao.undo.summary.2", hidden: true, values: [["综合得分（旧）"]], numFmts: [], merges: [] };
    const a = analyze({ ...yunxi, sheets: [...yunxi.sheets, backup] });
    expect(a.hiddenSheets).toEqual([]);
    expect(a.skippedSheets).toEqual(["jixiao.undo.summary.2"]);
  });

  test("a hidden sheet is not checked, and named in the analysis and on the 综合得分 sheet (review round 15, D)", () => {
    const lastYear: SheetGrid = { ...yunxi.sheets[0], name: "2022年", hidden: true };
    const withLastYear: WorkbookGrid = { ...yunxi, sheets: [lastYear, ...yunxi.sheets] };
    const a = analyze(withLastYear);
    const alone = analyze(yunxi);
    expect(a.hiddenSheets).toEqual(["2022年"]);
    expect([a.tables, a.totals, a.findings, a.writes, a.marks]).toEqual([alone.tables, alone.totals, alone.findings, alone.writes, alone.marks]);
    expect(alone.hiddenSheets).toEqual([]);
    const lines = a.summary.cells.map((c) => c.value);
    expect(lines).toContain("隐藏的工作表或列未检查：2022年（取消隐藏后重新运行即可检查）。");
    expect(alone.summary.cells.map((c) => c.value).some((v) => String(v).includes("隐藏的工作表"))).toBe(false);
  });

  test("a workbook without sheets goes straight to the totals", () => {
    const empty: WorkbookGrid = { sheets: [] };
    const steps = analysisSteps(empty);
    expect(steps.next()).toEqual({ done: false, value: { phase: "totals" } });
    const last = steps.next();
    expect(last.done).toBe(true);
    const analysis = last.value as ReturnType<typeof analyze>;
    expect([analysis.tables, analysis.findings, analysis.writes, analysis.marks, analysis.totals]).toEqual([[], [], [], [], []]);
  });
});
