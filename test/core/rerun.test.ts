import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid, cellText } from "../../src/core/grid";
import { changingWrites, ownFillsIn, ownsIn, marksOf, ownFillsNotRefilled, planClean, planMarks, wantedMarks, withMarks, withoutOwnFills } from "../../src/core/marks";
import { parseState, stateJson } from "../../src/core/state";
import { BUDGET_HEADER, INDICATOR_HEADER, withFormulas, workbook } from "../support/grid";
import { Looks } from "../support/looks";

/** A project form: its budget line (150 of 200 spent, 执行率 and 得分 blank) over these indicators from row 5. */
const projectForm = (indicators: CellValue[][], spec: { numFmts?: Record<string, string>; merges?: string[] }): WorkbookGrid =>
  workbook({ name: "自评表", rows: [BUDGET_HEADER, ["项目资金", 100, 200, 150, 10, null, null], [], INDICATOR_HEADER, ...indicators], ...spec });

/**
 * A project form with the budget line's 执行率 (F2) and 得分 (G2) and 培训人次's 得分 (G5, in the
 * unit's "0.0" format) left blank for jixiao to fill: 75 %, 7.5 and 16.67 (1000 of ≥1200 人次).
 */
const form = (): WorkbookGrid =>
  projectForm(
    [
      ["产出指标", "数量指标", "培训人次", "≥1200人次", "1000人次", 20, null, ""],
      ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 70, 70, "无"],
    ],
    { numFmts: { G5: "0.0" } },
  );

/**
 * One run as a host makes it: the analysis, its marks planned over what the cells show (`looks`,
 * updated), and the workbook as saved after it: the values filled in, in their formats, and
 * jixiao's record.
 */
function scoreRun(grid: WorkbookGrid, looks: Looks): { analysis: Analysis; saved: WorkbookGrid } {
  const state = parseState(grid.state);
  const previous = marksOf(state);
  const analysis = analyze(grid);
  const plan = planMarks(wantedMarks(analysis, grid, "zh"), previous, looks.at);
  looks.apply(plan);
  const sheets = grid.sheets.map((sheet) => {
    const values = sheet.values.map((row) => [...row]);
    const numFmts = sheet.numFmts.map((row) => [...(row ?? [])]);
    for (const w of analysis.writes) {
      if (w.sheet !== sheet.name || w.cachedResult) continue;
      (values[w.row] ??= [])[w.col] = Number(w.value);
      (numFmts[w.row] ??= [])[w.col] = w.numFmt;
    }
    return { ...sheet, values, numFmts };
  });
  return { analysis, saved: { ...grid, sheets, state: stateJson(withMarks(state, plan.record)) } };
}

/** The grid with cells (by address) set as the user would type them. */
function typed(grid: WorkbookGrid, cells: Record<string, string | number>): WorkbookGrid {
  const sheet = grid.sheets[0];
  const values = sheet.values.map((row) => [...row]);
  for (const [address, value] of Object.entries(cells)) {
    const col = address.charCodeAt(0) - 65;
    const row = Number(address.slice(1)) - 1;
    values[row][col] = value;
  }
  return { ...grid, sheets: [{ ...sheet, values }] };
}

const writesOf = (analysis: Analysis) => analysis.writes.map((w) => `${w.cell}=${w.value}`);
const rulesAt = (analysis: Analysis, cell: string) => analysis.findings.filter((f) => f.cell === cell).map((f) => f.rule);

describe("a rerun after the user changed an input: the values jixiao filled in are its own", () => {
  test("are computed and filled in again from the new inputs, with no finding against jixiao's old numbers", () => {
    const looks = new Looks();
    const first = scoreRun(form(), looks);
    expect(writesOf(first.analysis)).toEqual(["F2=0.75", "G2=7.5", "G5=16.67"]);
    // The unit corrects 执行数 and 培训人次's 实际完成值.
    const second = scoreRun(typed(first.saved, { D2: 180, E5: "1150人次" }), looks);
    expect(writesOf(second.analysis)).toEqual(["F2=0.9", "G2=9", "G5=19.17"]);
    expect(second.analysis.findings.filter((f) => f.severity === "error")).toEqual([]);
    // Each changes its cell; over an unchanged workbook the same values change nothing.
    expect(changingWrites(second.analysis.writes, typed(first.saved, { D2: 180, E5: "1150人次" }))).toHaveLength(3);
    expect(changingWrites(scoreRun(first.saved, new Looks()).analysis.writes, first.saved)).toEqual([]);
    expect(second.analysis.budget[0]).toMatchObject({ rate: "0.9", recordedRate: null, score: "9", recordedScore: null });
    // The record still gives back what the cells were before the first run: blank, in the unit's format.
    const clean = planClean(marksOf(parseState(second.saved.state)), looks.at, ownsIn(second.saved));
    expect(clean.clears.map((c) => [c.row, c.col, c.numFmt, c.was])).toEqual([
      [1, 5, "General", null],
      [1, 6, "General", null],
      [4, 6, "0.0", null],
    ]);
    // The note gives the new figures, in place of the first run's (not beside them).
    expect(looks.at("自评表", 4, 6).note).toBe("绩效自评助手：由 分值×实际完成值÷年度指标值 补填：20×1150÷1200=19.17");
    // Each value's row is known by its labels, which the corrections left as they were.
    const filled = marksOf(parseState(second.saved.state)).entries.filter((e) => e.kind === "filled");
    expect(filled.map((e) => [e.area, e.labels])).toEqual([
      ["F2", { A2: "项目资金" }],
      ["G2", { A2: "项目资金" }],
      ["G5", { A5: "产出指标", B5: "数量指标", C5: "培训人次" }],
    ]);
  });

  test("a number the user typed over one, or a formula the user wrote there, is the user's: checked, not refilled", () => {
    const looks = new Looks();
    const first = scoreRun(form(), looks).saved;
    const lookedAfterFirst = () => new Looks(Object.fromEntries(looks.cells));
    // The budget line's values are still jixiao's and filled in again; 培训人次's 得分 is the user's.
    const overTyped = scoreRun(typed(first, { E5: "1150人次", G5: 18 }), lookedAfterFirst()).analysis;
    expect(writesOf(overTyped)).toEqual(["F2=0.75", "G2=7.5"]);
    expect(rulesAt(overTyped, "G5")).toEqual(["score-mismatch"]);
    const formula = typed(first, { G5: 18 });
    formula.sheets[0] = withFormulas(formula.sheets[0], { G5: "F5*0.9" });
    const withFormula = scoreRun(formula, lookedAfterFirst()).analysis;
    expect(writesOf(withFormula)).toEqual(["F2=0.75", "G2=7.5"]);
    expect(rulesAt(withFormula, "G5")).toEqual(["score-mismatch"]);
  });

  test("one jixiao can no longer compute (the user blanked an input it came from) is taken back with its mark", () => {
    const looks = new Looks();
    const first = scoreRun(form(), looks);
    const blanked = typed(first.saved, { D2: "" });
    const second = scoreRun(blanked, looks);
    expect(writesOf(second.analysis)).toEqual(["G5=16.67"]);
    expect(ownFillsNotRefilled(second.analysis)).toEqual([
      { sheet: "自评表", row: 1, col: 5, numFmt: "General", was: null },
      { sheet: "自评表", row: 1, col: 6, numFmt: "General", was: null },
    ]);
    expect([looks.at("自评表", 1, 5), looks.at("自评表", 1, 6)]).toEqual([
      { fill: null, note: null },
      { fill: null, note: null },
    ]);
    const areas = marksOf(parseState(second.saved.state)).entries.map((e) => e.area);
    expect(["F2", "G2", "G5"].filter((area) => areas.includes(area))).toEqual(["G5"]);
  });

  test("withoutOwnFills reads the cells jixiao filled in as they were before, and leaves the grid it is given as it was", () => {
    const looks = new Looks();
    const saved = scoreRun(form(), looks).saved;
    const record = marksOf(parseState(saved.state));
    const read = withoutOwnFills(saved, ownFillsIn(saved, record));
    expect([read.sheets[0].values[1][5], read.sheets[0].values[4][6], read.sheets[0].numFmts[4][6]]).toEqual([null, null, "0.0"]);
    expect(cellText(saved.sheets[0].values[4][6])).toBe("16.67");
    expect(saved.sheets[0].numFmts[4][6]).toBe("0.00");
    // Nothing of jixiao's left in the cells: the same grid.
    const retyped = typed(saved, { F2: 0.75, G2: 7, G5: 16 });
    retyped.sheets[0] = withFormulas(retyped.sheets[0], { F2: "D2/C2" });
    expect(ownFillsIn(retyped, record)).toEqual([]);
    expect(withoutOwnFills(retyped, [])).toBe(retyped);
  });
});

/**
 * A form whose 培训人次 and 培训合格率 (rows 5 and 6, under a 产出指标 merged over both) meet their
 * targets in full: the first run fills in their 得分 with their weights, 20 and 10, scores users
 * often type themselves.
 */
const fullScoreForm = (): WorkbookGrid =>
  projectForm(
    [
      ["产出指标", "数量指标", "培训人次", "≥1200人次", "1200人次", 20, null, ""],
      [null, "质量指标", "培训合格率", "≥95%", "96%", 10, null, ""],
      ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 60, 60, "无"],
    ],
    { merges: ["A5:A6"] },
  );

/**
 * The grid with a row inserted at `at` (0-based) as Excel inserts one: the rows from there down,
 * their formats and the merged areas move down one; the new row holds what the user typed.
 */
function withRowInserted(grid: WorkbookGrid, at: number, row: CellValue[]): WorkbookGrid {
  const sheet = grid.sheets[0];
  const values = [...sheet.values.slice(0, at), row, ...sheet.values.slice(at)];
  const numFmts = [...sheet.numFmts.slice(0, at), [], ...sheet.numFmts.slice(at)];
  const merges = sheet.merges.map((m) => (m.top >= at ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m.bottom >= at ? { ...m, bottom: m.bottom + 1 } : m));
  return { ...grid, sheets: [{ ...sheet, values, numFmts, merges }] };
}

/** The same grid without jixiao's record: what a first run reads. */
const unrecorded = (grid: WorkbookGrid): WorkbookGrid => ({ ...grid, state: undefined });

describe("a rerun after the user inserted a row above a value jixiao filled in", () => {
  // 新增设备 met half its target (5 of ≥10台): its 得分 is 10, but the unit typed its weight, 20,
  // into G5, the address where the first run filled in 培训人次's 20.
  const inserted = (actual: string) => ["产出指标", "数量指标", "新增设备", "≥10台", actual, 20, 20, "采购延迟"];

  test("the number at the old address is the user's: checked as without a record, not filled in over", () => {
    const looks = new Looks();
    const first = scoreRun(fullScoreForm(), looks);
    expect(writesOf(first.analysis)).toEqual(["F2=0.75", "G2=7.5", "G5=20", "G6=10"]);
    // Row 6's 一级指标 is the merged area's, shown in A6 too.
    const labels = marksOf(parseState(first.saved.state)).entries.map((e) => e.labels);
    expect(labels.slice(2)).toEqual([
      { A5: "产出指标", B5: "数量指标", C5: "培训人次" },
      { A6: "产出指标", B6: "质量指标", C6: "培训合格率" },
    ]);
    const grid = withRowInserted(first.saved, 4, inserted("5台"));
    const second = scoreRun(grid, looks);
    // The budget line did not move: its values are jixiao's and filled in again, the same.
    expect(writesOf(second.analysis)).toEqual(["F2=0.75", "G2=7.5"]);
    expect(rulesAt(second.analysis, "G5")).toEqual(["score-mismatch"]);
    expect(rulesAt(second.analysis, "G5")).toEqual(rulesAt(analyze(unrecorded(grid)), "G5"));
    expect(second.analysis.totals[0].score).toBe(analyze(unrecorded(grid)).totals[0].score);
    // G5's filled-in mark is taken back (its note now holds the finding), and no longer recorded as jixiao's value.
    expect(looks.at("自评表", 4, 6).note).toMatch(/^绩效自评助手：\n【错误】/);
    const g5 = marksOf(parseState(second.saved.state)).entries.find((e) => e.area === "G5");
    expect(g5).toMatchObject({ kind: "finding" });
    expect(g5?.value).toBeUndefined();
  });

  test("one jixiao cannot compute is left as the user typed it, not taken back", () => {
    const looks = new Looks();
    const first = scoreRun(fullScoreForm(), looks);
    // The unit has not entered 新增设备's 实际完成值 yet.
    const grid = withRowInserted(first.saved, 4, inserted(""));
    const second = scoreRun(grid, looks);
    expect(writesOf(second.analysis)).toEqual(["F2=0.75", "G2=7.5"]);
    expect(ownFillsNotRefilled(second.analysis)).toEqual([]);
    expect(second.analysis.indicators.find((i) => i.name === "新增设备")?.recordedScore).toBe("20");
    // 清除标记 too leaves the user's 20 where it is.
    const clean = planClean(marksOf(parseState(second.saved.state)), looks.at, ownsIn(grid));
    expect(clean.clears.map((c) => `${c.row},${c.col}`)).toEqual(["1,5", "1,6"]);
  });

  test("a record written before rows' labels were kept reads the cell as jixiao's, as it did, and keeps the labels from then on", () => {
    const looks = new Looks();
    const first = scoreRun(fullScoreForm(), looks);
    const state = parseState(first.saved.state);
    const old = marksOf(state);
    const unlabelled = { ...old, entries: old.entries.map(({ labels: _labels, ...entry }) => entry) };
    const grid = withRowInserted({ ...first.saved, state: stateJson(withMarks(state, unlabelled)) }, 4, inserted("5台"));
    const second = scoreRun(grid, looks);
    expect(writesOf(second.analysis)).toEqual(["F2=0.75", "G2=7.5", "G5=10"]);
    const g5 = marksOf(parseState(second.saved.state)).entries.find((e) => e.area === "G5");
    expect(g5?.labels).toEqual({ A5: "产出指标", B5: "数量指标", C5: "新增设备" });
  });
});
