/**
 * Review round 14 (A3): a blank spacer row, a note (说明：…, 注：…, 备注：…) or the header printed again
 * over a page break inside an indicator table does not cut it in two; the table goes on to its 总分
 * row. Another form, another header, or a list of indicators starting over still ends it. Every
 * grid is laid out as the forms are: a title, the 项目名称 block, a budget block, merged 一级 labels.
 */
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { INDICATOR_HEADER, SheetSpec, workbook } from "../support/grid";
import { found } from "../support/findings";

type Row = CellValue[];

const run = (...sheets: SheetSpec[]): Analysis => analyze(workbook(...sheets), DEFAULT_PROFILE, { lang: "zh" });

const OUTPUT_ROWS: Row[] = [
  ["产出指标", "数量指标", "资助学生人数", "≥850人", "862人", 20, 20, ""],
  ["", "质量指标", "资助对象精准率", "100%", "100%", 10, 10, ""],
  ["", "时效指标", "资金发放及时率", "≥95%", "98%", 10, 10, ""],
  ["", "成本指标", "生均资助标准", "≤2000元", "2000元", 10, 10, ""],
];
const EFFECT_ROW: Row = ["效益指标", "社会效益指标", "家庭经济困难学生辍学率", "0", "0", 30, 30, ""];
const SATISFACTION_ROW: Row = ["满意度指标", "服务对象满意度指标", "受助学生满意度", "≥90%", "97%", 10, 10, ""];

/** Rows 1–8 of the national form: title, 项目名称 block and a budget block scoring 10 of 10. */
function formTop(project: string): Row[] {
  return [
    ["项目支出绩效自评表"],
    ["项目名称", "", project],
    ["主管部门", "", "某县教育局", "", "", "实施单位", "", "某县教育局"],
    ["项目资金（万元）", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "", "年度资金总额", 180, 185, 185, 10, 1, 10],
    ["", "", "其中：当年财政拨款", 180, 185, 185, "—", "—", "—"],
    ["年度总体目标", "", "预期目标", "", "", "实际完成情况"],
    ["", "", "完成资助任务", "", "", "已完成"],
  ];
}

/** The form with `inner` (the rows between the indicators) in the table; its header is row 9, its indicators start at row 10. */
function form(inner: Row[], { total = 100, merges = [] as string[], project = "学生资助补助经费" } = {}): SheetSpec {
  const rows = [...formTop(project), INDICATOR_HEADER, ...inner, ["总分", "", "", "", "", 100, total, "优"]];
  return { name: "自评表", rows, merges: ["A1:I1", "A4:C6", ...merges], numFmts: { H5: "0%" } };
}

/** The indicators of a correct form, with `gap` rows between the 产出 block (rows 10–13) and the 效益 row. */
const withGap = (gap: Row[]): Row[] => [...OUTPUT_ROWS, ...gap, EFFECT_ROW, SATISFACTION_ROW];

/** A correct form is one table of 10 + 90 points: 100, 优, nothing to say. */
function expectWhole(a: Analysis): void {
  expect(a.tables.filter((t) => t.kind === "indicators")).toHaveLength(1);
  expect(a.totals).toHaveLength(1);
  expect(a.totals[0]).toMatchObject({ weights: "100", score: "100", recordedScore: "100", grade: "优" });
  expect(found(a)).toEqual([]);
  expect(a.indicators.map((i) => i.level1)).toEqual(["产出指标", "产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"]);
}

describe("a gap inside an indicator table before its 总分 row", () => {
  it.each<[string, Row[], string[]]>([
    ["a 说明 row merged across the table", [["说明：资助标准按省定标准执行。"]], ["A14:H14"]],
    ["a 说明 row in one cell", [["说明：资助标准按省定标准执行。"]], []],
    ["a 注 in the 三级指标 column", [["", "", "注：成本指标按省定标准"]], []],
    ["a 备注 merged over the name and value columns", [["", "", "备注：以上为产出指标"]], ["C14:H14"]],
    ["one blank spacer row", [[]], []],
    ["two blank rows", [[], []], []],
    ["a blank row and a note", [[], ["说明：资助标准按省定标准执行。"]], []],
  ])("%s: one table, its 总分 read", (_, gap, merges) => {
    const a = run(form(withGap(gap), { merges: ["A10:A13", ...merges] }));
    expectWhole(a);
    expect(a.tables.find((t) => t.kind === "indicators")!.range).toBe(`A9:H${16 + gap.length}`);
  });

  it.each<[string, Row[]]>([
    ["the header printed again (a page break)", [INDICATOR_HEADER]],
    ["a blank row and the header again (two printed pages pasted together)", [[], INDICATOR_HEADER]],
  ])("%s: one table, the header row no indicator", (_, gap) => {
    expectWhole(run(form(withGap(gap))));
  });

  it("goes on with rows whose 一级 label the page break left blank: they are still 产出", () => {
    const inner = [...OUTPUT_ROWS.slice(0, 2), INDICATOR_HEADER, ...OUTPUT_ROWS.slice(2), EFFECT_ROW, SATISFACTION_ROW];
    expectWhole(run(form(inner, { merges: ["A10:A11"] })));
  });

  it("reads a 总分 row after a blank row under the last indicator", () => {
    const a = run(form([...withGap([]), []], { total: 99 }));
    expect(a.totals[0]).toMatchObject({ score: "100", recordedScore: "99" });
    expect(found(a)).toEqual(["total-mismatch@自评表!G17"]);
  });

  it("in each of two forms side by side, read in its own columns", () => {
    const pad = (row: Row): Row => [...row, ...Array<CellValue>(10 - row.length).fill("")];
    const left = form(withGap([[]]));
    const right = form(withGap([[]]), { project: "农村义务教育学生营养改善计划" });
    const rows = left.rows.map((row, i) => [...pad(row), ...right.rows[i]]);
    const a = run({ name: "自评表", rows, merges: ["A4:C6", "K4:M6"], numFmts: { H5: "0%", R5: "0%" } });
    expect(a.tables.filter((t) => t.kind === "indicators").map((t) => [t.range, t.project])).toEqual([
      ["A9:H17", "学生资助补助经费"],
      ["K9:R17", "农村义务教育学生营养改善计划"],
    ]);
    expect(a.totals.map((t) => [t.score, t.recordedScore, t.grade])).toEqual([
      ["100", "100", "优"],
      ["100", "100", "优"],
    ]);
    expect(found(a)).toEqual([]);
  });

  it("checks the rows after the gap: a wrong score there is found", () => {
    const effect: Row = ["效益指标", "社会效益指标", "受助学生人数", "≥100人", "80人", 30, 30, "部分学生毕业"];
    const a = run(form([...OUTPUT_ROWS, [], effect, SATISFACTION_ROW]));
    expect(found(a)).toEqual(["score-mismatch@自评表!G15"]);
    expect(a.totals[0]).toMatchObject({ score: "94", recordedScore: "100" });
  });
});

describe("what still ends an indicator table", () => {
  it("more blank rows than a spacer: what follows is no part of the table", () => {
    const a = run(form(withGap([[], [], [], []])));
    expect(a.tables.filter((t) => t.kind === "indicators").map((t) => t.range)).toEqual(["A9:H13"]);
  });

  it("another form under it: its title and 项目名称 block, then the same header", () => {
    const first = form(withGap([])).rows.slice(0, -1); // no 总分 row: the table ends at the blank row
    const second = form(withGap([]), { project: "农村义务教育学生营养改善计划" }).rows;
    const a = run({ name: "自评表", rows: [...first, [], ...second] });
    expect(a.tables.filter((t) => t.kind === "indicators").map((t) => [t.range, t.project])).toEqual([
      ["A9:H15", "学生资助补助经费"],
      ["A25:H32", "农村义务教育学生营养改善计划"],
    ]);
  });

  it("the same header starting two forms side by side, where the table stood alone", () => {
    const header = [...INDICATOR_HEADER, ...INDICATOR_HEADER];
    const rows: Row[] = [
      INDICATOR_HEADER,
      ...withGap([]),
      [],
      header,
      [...OUTPUT_ROWS[0], ...OUTPUT_ROWS[0]],
      [...EFFECT_ROW, ...EFFECT_ROW],
      [...SATISFACTION_ROW, ...SATISFACTION_ROW],
    ];
    const a = run({ name: "目标表", rows });
    expect(a.tables.map((t) => t.range)).toEqual(["A1:H7", "A9:H12", "I9:P12"]);
  });

  it("a second list of indicators under the header again: its 一级 levels start over", () => {
    const rows: Row[] = [INDICATOR_HEADER, ...withGap([]), [], INDICATOR_HEADER, ...withGap([])];
    const a = run({ name: "目标表", rows });
    expect(a.tables.map((t) => t.range)).toEqual(["A1:H7", "A9:H15"]);
  });

  it("a note under the 总分 row, with a row of values after it", () => {
    const spec = form(withGap([]));
    const a = run({ ...spec, rows: [...spec.rows, ["说明：以下为上年指标。"], [...EFFECT_ROW]] });
    expect(a.tables.filter((t) => t.kind === "indicators").map((t) => t.range)).toEqual(["A9:H16"]);
    expect(a.totals[0]).toMatchObject({ score: "100", recordedScore: "100" });
  });
});

describe("a blank row right under the budget header (review round 55a)", () => {
  /** The form with `spacers` blank rows between its budget header (row 4) and 年度资金总额. */
  function spaced(spacers: number, total = 100): SheetSpec {
    const top = formTop("学生资助补助经费");
    const blank: Row[] = Array.from({ length: spacers }, () => []);
    const rows = [...top.slice(0, 4), ...blank, ...top.slice(4), INDICATOR_HEADER, ...withGap([]), ["总分", "", "", "", "", 100, total, "优"]];
    return { name: "自评表", rows, merges: ["A1:I1"], numFmts: { [`H${5 + spacers}`]: "0%" } };
  }

  it.each([1, 2])("%i blank row(s) before the first line: the budget lines are read, the total 100", (spacers) => {
    const a = run(spaced(spacers));
    const budget = a.tables.find((t) => t.kind === "budget")!;
    expect(budget.range).toBe(`C4:I${6 + spacers}`);
    expect(a.totals).toHaveLength(1);
    expect(a.totals[0]).toMatchObject({ weights: "100", score: "100", recordedScore: "100", grade: "优" });
    expect(found(a)).toEqual([]);
  });

  /** Spaced so, with a row numbering the columns (栏次 | 1 | 2 | 3 …) after the blank rows. */
  function numbered(spacers: number): SheetSpec {
    const spec = spaced(spacers);
    spec.rows.splice(4 + spacers, 0, ["", "", "栏次", 1, 2, 3, 4, 5, 6]);
    spec.numFmts = { [`H${6 + spacers}`]: "0%" };
    return spec;
  }

  it.each([2, 3])("%i blank rows, then 栏次 | 1 | 2 | 3: the numbers are no budget line (review 55 L1)", (spacers) => {
    const a = run(numbered(spacers));
    expect(a.budget.map((b) => b.label)).toEqual(["年度资金总额", "其中：当年财政拨款"]);
    expect(a.totals[0]).toMatchObject({ weights: "100", score: "100", recordedScore: "100", grade: "优" });
    expect(found(a)).toEqual([]);
  });

  it("3 blank rows are a spacer, a fourth ends the budget table before its lines (review 55 L10)", () => {
    expect(run(spaced(3)).budget.map((b) => b.label)).toEqual(["年度资金总额", "其中：当年财政拨款"]);
    const four = run(spaced(4));
    expect(four.budget).toEqual([]);
    expect(four.totals[0].score).toBeNull();
  });

  it("a wrong budget score after the spacer is found", () => {
    const spec = spaced(1);
    spec.rows[5] = ["", "", "年度资金总额", 180, 185, 185, 10, 1, 8];
    expect(found(run(spec))).toContain("budget-score-mismatch@自评表!I6");
  });
});
