/** Ignoring a finding with a reason: the record's key, and analyze() honouring it on every run. */
import { analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../src/core/grid";
import { ignoreRecord, ignoresOf, placeFindings, withIgnore, withoutIgnore } from "../../src/core/ignores";
import { EMPTY_STATE, parseState, stateJson } from "../../src/core/state";
import { INDICATOR_HEADER, workbook } from "../support/grid";

/** A project's self-evaluation: budget line, then indicators with merged 一级/二级 labels. */
function selfEvaluation(extraRowsAbove = 0): WorkbookGrid {
  const rows: CellValue[][] = [
    ...Array.from({ length: extraRowsAbove }, () => ["（说明）"] as CellValue[]),
    ["项目名称", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
    ["培训项目", 100, 90, 0.8, 10, 9],
    [],
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 40, 40, ""],
    [null, null, "培训人次", "≥100人次", "120人次", 10, 10, ""],
    ["效益指标", "社会效益", "受益人数", "≥100人", "100人", 30, 30, ""],
    ["满意度指标", "服务对象满意度", "学员满意度", "≥90%", "95%", 10, 10, ""],
    ["总分", null, null, null, null, 100, 99],
  ];
  const top = 5 + extraRowsAbove; // 1-based row of 产出指标
  return workbook({ name: "项目表", rows, merges: [`A${top}:A${top + 1}`, `B${top}:B${top + 1}`] });
}

function withState(grid: WorkbookGrid, state = EMPTY_STATE): WorkbookGrid {
  return { ...grid, state: stateJson(state) };
}

describe("placeFindings", () => {
  test("names each finding's table and row in words that do not depend on the row number", () => {
    const grid = selfEvaluation();
    const analysis = analyze(grid);
    const places = placeFindings(analysis, grid);
    const byCell = Object.fromEntries(analysis.findings.map((f, i) => [`${f.rule}@${f.cell}`, places[i]]));
    expect(byCell["score-mismatch@G5"]).toEqual({ table: 1, tableKey: "项目表·指标表1", rowLabel: "产出指标 / 数量指标 / 培训场次" });
    expect(byCell["rate-mismatch@D2"]).toEqual({ table: 0, tableKey: "项目表·预算表1", rowLabel: "培训项目" });
  });

  test("a table's label (项目名称) is its key when the form gives one", () => {
    const grid = selfEvaluation();
    const analysis = analyze(grid);
    const labelled = { ...analysis, tables: analysis.tables.map((t) => ({ ...t, label: "培训项目" })) };
    expect(new Set(placeFindings(labelled, grid).map((p) => p.tableKey))).toEqual(new Set(["培训项目"]));
  });
});

describe("ignores in the workbook's record", () => {
  test("an ignored finding leaves the findings, the marks and the summary, and keeps its reason", () => {
    const grid = selfEvaluation();
    const before = analyze(grid);
    const index = before.findings.findIndex((f) => f.rule === "score-mismatch" && f.cell === "G5");
    expect(index).toBeGreaterThanOrEqual(0);
    const place = placeFindings(before, grid)[index];
    const state = withIgnore(EMPTY_STATE, ignoreRecord(before.findings[index], place, "  按市局口径计分  ", new Date("2026-12-04T10:00:00Z")));

    const after = analyze(withState(grid, state));
    expect(after.findings.some((f) => f.rule === "score-mismatch" && f.cell === "G5")).toBe(false);
    expect(after.findings).toHaveLength(before.findings.length - 1);
    expect(after.ignored).toEqual([{ ...before.findings[index], reason: "按市局口径计分", place }]);
    // On 综合得分 it is no longer a finding: it stands under 已忽略, with the unit's reason.
    expect(after.summary.cells.some((c) => c.value === before.findings[index].message)).toBe(false);
    const section = after.summary.cells.find((c) => c.value === "已忽略的问题（单位已说明理由，不计入问题数）")!;
    const ignoredRow = after.summary.cells.filter((c) => c.row === section.row + 2).map((c) => c.value);
    // One sheet: no 工作表 column (review round 52).
    expect(ignoredRow).toEqual(["G5", "得分算错", "已忽略", `${before.findings[index].message}\n忽略理由：按市局口径计分`, "score-mismatch"]);
    expect(before.summary.cells.some((c) => c.value === section.value)).toBe(false);
    // The other finding on that cell's row (a missing reason) still marks its own cell; G5 itself is not marked.
    expect(after.marks.some((m) => m.cell === "G5")).toBe(false);
    expect(before.marks.some((m) => m.cell === "G5")).toBe(true);
    expect(ignoresOf(state)[0].at).toBe("2026-12-04");
  });

  test("the record still matches after rows are inserted above the table", () => {
    const grid = selfEvaluation();
    const first = analyze(grid);
    const index = first.findings.findIndex((f) => f.rule === "score-mismatch");
    const state = withIgnore(EMPTY_STATE, ignoreRecord(first.findings[index], placeFindings(first, grid)[index], "已在报告中说明"));

    const moved = analyze(withState(selfEvaluation(3), state));
    expect(moved.findings.some((f) => f.rule === "score-mismatch")).toBe(false);
    expect(moved.ignored.map((f) => [f.rule, f.cell, f.reason])).toEqual([["score-mismatch", "G8", "已在报告中说明"]]);
  });

  test("taking an ignore back brings the finding back; a record for another row matches nothing", () => {
    const grid = selfEvaluation();
    const analysis = analyze(grid);
    const index = analysis.findings.findIndex((f) => f.rule === "score-mismatch");
    const place = placeFindings(analysis, grid)[index];
    const state = withIgnore(EMPTY_STATE, ignoreRecord(analysis.findings[index], place, "理由"));
    expect(analyze(withState(grid, withoutIgnore(state, "score-mismatch", place))).findings).toEqual(analysis.findings);

    const elsewhere = withIgnore(EMPTY_STATE, { rule: "score-mismatch", table: place.tableKey, row: "效益指标 / 社会效益 / 受益人数", reason: "x" });
    expect(analyze(withState(grid, elsewhere)).ignored).toEqual([]);
  });

  test("a record written before layoutJoined (产 出 指 标 / 数量⏎指标) still holds, and 恢复 finds it (review 55 H1)", () => {
    const grid = selfEvaluation();
    const rows = grid.sheets[0].values;
    rows[4] = ["产\n出\n指\n标", "数量\n指标", ...rows[4].slice(2)];
    const analysis = analyze(grid);
    const index = analysis.findings.findIndex((f) => f.rule === "score-mismatch" && f.cell === "G5");
    expect(placeFindings(analysis, grid)[index].rowLabel).toBe("产出指标 / 数量指标 / 培训场次");
    // The row as the builds before layoutJoined named it: a vertical 一级 read with spaces, the 二级's break kept.
    const record = { rule: "score-mismatch" as const, table: "项目表·指标表1", row: "产 出 指 标 / 数量\n指标 / 培训场次", reason: "按市局口径" };
    const state = withIgnore(EMPTY_STATE, record);
    const after = analyze(withState(grid, state));
    expect(after.findings.some((f) => f.rule === "score-mismatch" && f.cell === "G5")).toBe(false);
    expect(after.ignored.map((f) => [f.cell, f.reason, f.place.rowLabel])).toEqual([["G5", "按市局口径", record.row]]);
    const taken = withoutIgnore(state, "score-mismatch", after.ignored[0].place);
    expect(ignoresOf(taken)).toEqual([]);
    // Giving it another reason replaces the old record rather than adding a second.
    const renewed = withIgnore(state, ignoreRecord(analysis.findings[index], placeFindings(analysis, grid)[index], "新理由"));
    expect(ignoresOf(renewed).map((r) => r.reason)).toEqual(["新理由"]);
  });

  test("a second ignore of the same finding replaces the first; malformed entries are dropped", () => {
    const record = { rule: "score-mismatch" as const, table: "t", row: "r", reason: "旧" };
    const state = withIgnore(withIgnore(EMPTY_STATE, record), { ...record, reason: "新" });
    expect(ignoresOf(state)).toEqual([{ ...record, reason: "新" }]);
    const damaged = parseState(JSON.stringify({ v: 1, ignores: [record, { rule: "x" }, "text", null] }));
    expect(ignoresOf(damaged)).toEqual([record]);
    expect(ignoresOf(parseState(JSON.stringify({ v: 1, ignores: "none" })))).toEqual([]);
  });
});

describe("two forms of one project on two sheets (a quarterly and a yearly form: review round 33)", () => {
  /** The project's form under its 项目名称 line, on sheet `name`. */
  const form = (name: string) => ({ name, rows: [["项目名称", "培训项目"], [], ...selfEvaluation().sheets[0].values], merges: ["A7:A8", "B7:B8"] });

  test("an ignore on one sheet leaves the other sheet's finding alone, and each table's key names its sheet", () => {
    const grid = workbook(form("一季度"), form("全年"));
    const analysis = analyze(grid);
    const places = placeFindings(analysis, grid);
    const at = (sheet: string) => analysis.findings.findIndex((f) => f.rule === "score-mismatch" && f.sheet === sheet);
    expect([places[at("一季度")].tableKey, places[at("全年")].tableKey]).toEqual(["一季度·培训项目", "全年·培训项目"]);
    const state = withIgnore(EMPTY_STATE, ignoreRecord(analysis.findings[at("一季度")], places[at("一季度")], "一季度按局里口径"));
    const after = analyze(withState(grid, state));
    expect(after.ignored.map((f) => [f.sheet, f.rule])).toEqual([["一季度", "score-mismatch"]]);
    expect(after.findings.filter((f) => f.rule === "score-mismatch").map((f) => f.sheet)).toEqual(["全年"]);
    // Alone in its workbook, a form's key is its label; the record made beside the other sheet
    // still holds once that sheet is deleted (review round 37).
    const alone = workbook(form("一季度"));
    expect(new Set(placeFindings(analyze(alone), alone).map((p) => p.tableKey))).toEqual(new Set(["培训项目"]));
    const held = analyze(withState(alone, state)).ignored;
    expect(held.map((f) => [f.sheet, f.rule, f.reason])).toEqual([["一季度", "score-mismatch", "一季度按局里口径"]]);
    // Taken back by the place it was matched at, the record goes, and the finding is back.
    const taken = withoutIgnore(state, held[0].rule, held[0].place);
    expect(ignoresOf(taken)).toEqual([]);
    expect(analyze(withState(alone, taken)).ignored).toEqual([]);
  });
});
