/**
 * Patterns of real published self-evaluation forms (issue 9, items 1–5; issue 10, items 5–7): the
 * national template's placeholder rows, rows scored with nothing behind them, totals that are not
 * there, 年度资金总额 lines left 0 over their 其中 rows, formulas with cached results and error values,
 * negative and absurd numbers, and 总分 formulas over cells jixiao fills. Each workbook is laid out
 * as the forms are: title and header block, merged 一级/二级 labels, the budget block above the
 * indicators, 总分 and 评价等次 rows below.
 */
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { withFormulas, workbook } from "../support/grid";

type Row = CellValue[];

const run = (wb: WorkbookGrid, lang: "zh" | "en" = "zh"): Analysis => analyze(wb, DEFAULT_PROFILE, { lang });
const found = (a: Analysis): string[] => a.findings.map((f) => `${f.rule}@${f.cell}`);
const writes = (a: Analysis): string[] => a.writes.map((w) => `${w.cell}=${w.value}|${w.numFmt}${w.cachedResult ? "|cached" : ""}`);
const message = (a: Analysis, rule: string, cell: string): string => {
  const f = a.findings.find((x) => x.rule === rule && x.cell === cell);
  if (!f) throw new Error(`no ${rule}@${cell}; found ${found(a).join(", ")}`);
  return f.message;
};


/**
 * The national 项目支出绩效自评表 as published: title and project block (rows 1–3), the budget block
 * (header row 4, 年度资金总额 at row 5 and its 其中 rows), the indicator header at row 10, the
 * indicators from row 11, then 总分 and 评价等次. Columns: B 一级, C 二级, D 三级, E 年度指标值,
 * F 实际完成值, G 分值, H 得分, I 偏差原因.
 */
function nationalForm(budget: Row[], indicators: Row[], total: CellValue = null, grade: CellValue = null, merges: string[] = []): SheetSpecLike {
  const rows: Row[] = [
    ["2023年度项目支出绩效自评表"],
    ["项目名称", "乡村道路养护", null, null, "主管部门", "某县交通运输局"],
    ["实施单位", "某县公路养护中心"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ...budget,
  ];
  while (rows.length < 9) rows.push([]);
  rows.push(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
  rows.push(...indicators);
  rows.push(["总分", null, null, null, null, null, 100, total, null]);
  rows.push(["评价等次", null, null, null, null, null, null, grade, null]);
  return { name: "自评表", rows, merges: ["A1:I1", ...merges], numFmts: { G5: "0.00%" } };
}

interface SheetSpecLike {
  name: string;
  rows: Row[];
  merges: string[];
  numFmts: Record<string, string>;
}

/** 年度资金总额 100/100 spent 100: 10 of 10 points. */
const BUDGET_FULL: Row[] = [
  [null, "年度资金总额", 100, 100, 100, 10, 1, 10],
  [null, "其中：当年财政拨款", 100, 100, 100, "—", 1, "—"],
];

/** Rows 11–16: 产出 50 (four rows), 效益 30, 满意度 10, all met; 90 points. */
const INDICATORS: Row[] = [
  [null, "产出指标", "数量指标", "养护道路里程", "≥120公里", "126公里", 20, 20, null],
  [null, null, null, "桥涵维修座数", "≥8座", "8座", 10, 10, null],
  [null, null, "质量指标", "养护验收合格率", "≥95%", "98%", 10, 10, null],
  [null, null, "时效指标", "完成时间", "12月底前", "12月底前", 10, 10, null],
  [null, "效益指标", "社会效益指标", "群众出行条件", "明显改善", "明显改善", 30, 30, null],
  [null, "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "96%", 10, 10, null],
];
const INDICATOR_MERGES = ["B11:B14", "C11:C12"];

describe("the national template's placeholder rows (指标1：, 指标2：, ……)", () => {
  // Each 二级 block of the template ships 指标1：/指标2：/…… rows; units fill some and leave the rest.
  const rows: Row[] = [
    [null, "产出指标", "数量指标", "指标1：养护道路里程", "≥120公里", "126公里", 20, 20, null],
    [null, null, null, "指标2：", null, null, null, null, null],
    [null, null, null, "……", null, null, null, null, null],
    [null, null, "质量指标", "指标1：养护验收合格率", "≥95%", "98%", 20, 20, null],
    [null, null, null, "指标2：", null, null, null, null, null],
    [null, null, "时效指标", "指标1：", null, null, null, null, null],
    [null, null, null, "…", null, null, null, null, null],
    [null, null, "成本指标", "指标1：养护成本", "≤100万元", "100万元", 10, 10, null],
    [null, null, null, "指标2：", null, null, null, null, null],
    [null, "效益指标", "社会效益指标", "指标1：群众出行条件", "明显改善", "明显改善", 30, 30, null],
    [null, null, null, "指标2：", null, null, null, null, null],
    [null, "满意度指标", "服务对象满意度指标", "指标1：沿线群众满意度", "≥90%", "96%", 10, 10, null],
    [null, null, null, "指标2：", null, null, null, null, null],
  ];
  const a = run(workbook(nationalForm(BUDGET_FULL, rows, 100, "优", ["B11:B19", "C11:C13", "C14:C15", "C16:C17", "C18:C19", "B20:B21", "B22:B23"])));

  it("are no indicators: a filled one is named by the text after 指标N：", () => {
    expect(a.indicators.map((i) => [i.row, i.level2, i.name])).toEqual([
      [11, "数量指标", "养护道路里程"],
      [14, "质量指标", "养护验收合格率"],
      [18, "成本指标", "养护成本"],
      [20, "社会效益指标", "群众出行条件"],
      [22, "服务对象满意度指标", "沿线群众满意度"],
    ]);
  });

  it("draw no finding (no duplicate-indicator for the repeated 指标2：), and the total is whole", () => {
    expect(found(a)).toEqual([]);
    expect(a.totals).toEqual([{ sheet: "自评表", label: "乡村道路养护", table: "B10:I25", weights: "100", score: "100", recordedScore: "100", grade: "优", recordedGrade: "优", recordedDiffers: false }]);
  });

  it("a placeholder someone scored is an indicator, and its score has nothing behind it", () => {
    const scored = rows.map((r, i) => (i === 1 ? [null, null, null, "指标2：", null, null, null, 5, null] : r));
    const b = run(workbook(nationalForm(BUDGET_FULL, scored, 100, "优")));
    expect(b.indicators.map((i) => i.row)).toContain(12);
    expect(found(b)).toContain("score-without-values@H12");
  });
});

describe("a form not filled in yet (review round 53a, H2, H3 and M6)", () => {
  // The template as handed out: 指标1：/…… under every 二级, the budget's printed 分值 10, 总分 100.
  const PLACEHOLDERS: Row[] = [
    [null, "产出指标", "数量指标", "指标1：", null, null, null, null, null],
    [null, null, null, "……", null, null, null, null, null],
    [null, null, "质量指标", "指标1：", null, null, null, null, null],
    [null, null, "时效指标", "指标1：", null, null, null, null, null],
    [null, null, "成本指标", "指标1：", null, null, null, null, null],
    [null, "效益指标", "社会效益指标", "指标1：", null, null, null, null, null],
    [null, null, "可持续影响指标", "指标1：", null, null, null, null, null],
    [null, "满意度指标", "服务对象满意度指标", "指标1：", null, null, null, null, null],
  ];
  const BUDGET_BLANK: Row[] = [
    [null, "年度资金总额", null, null, null, 10, null, null],
    [null, "其中：当年财政拨款", null, null, null, "—", null, "—"],
  ];
  // The bureau set each 二级's points beforehand: 20 + 10 + 10 + 10 + 20 + 10 + 10, 90.
  const PRESET = [20, null, 10, 10, 10, 20, 10, 10];
  const preset = (rows: Row[]): Row[] => rows.map((r, i) => (PRESET[i] === null ? r : r.map((v, c) => (c === 6 ? PRESET[i] : v))));

  // With its 分值 blank too, the budget block holds no figure at all: a header with nothing under it,
  // no table (Analysis.emptyTables, code review of round 55).
  it.each([
    ["the budget's printed 10", BUDGET_BLANK, ["budget", "indicators"]],
    ["the budget's 分值 blank too", BUDGET_BLANK.map((r) => r.map((v, c) => (c === 5 && v === 10 ? null : v))), ["indicators"]],
  ])("all placeholders, with %s: no weights-total, no total-incomplete, no total (H3)", (_, budget, kinds) => {
    const a = run(workbook(nationalForm(budget, PLACEHOLDERS)));
    expect(found(a)).toEqual([]);
    expect(a.indicators).toEqual([]);
    expect(a.totals).toEqual([]);
    expect(a.tables.map((t) => t.kind)).toEqual(kinds);
  });

  it("placeholders with the bureau's 分值 and nothing else: a target table, with nothing to miss (M6)", () => {
    const a = run(workbook(nationalForm(BUDGET_BLANK, preset(PLACEHOLDERS))));
    expect(found(a)).toEqual([]);
    expect(a.totals).toEqual([]);
    expect(a.writes).toEqual([]);
  });

  it("filled in, it is checked: one row with values among the preset placeholders leaves the others' points unaccounted for", () => {
    const rows = preset(PLACEHOLDERS).map((r, i) => (i === 0 ? [null, "产出指标", "数量指标", "指标1：养护道路里程", "≥120公里", "126公里", 20, 20, null] : r));
    const a = run(workbook(nationalForm(BUDGET_FULL, rows, null, null)));
    expect(found(a)).toEqual(["total-incomplete@H10"]);
    expect(message(a, "total-incomplete", "H10")).toBe("无法得出总分：6 项既无年度指标值也无实际完成值。补齐或改正后才能计算总分和等次。");
  });

  it("filled in with weights that do not add up, weights-total stands", () => {
    const rows = PLACEHOLDERS.map((r, i) => (i === 0 ? [null, "产出指标", "数量指标", "指标1：养护道路里程", "≥120公里", "126公里", 20, 20, null] : r));
    const a = run(workbook(nationalForm(BUDGET_FULL, rows, null, null)));
    expect(found(a)).toContain("weights-total@G10");
  });

  // The 中央对地方转移支付区域绩效自评表: no 分值 nor 得分 column (H2 crashed with "Cannot read
  // properties of undefined (reading 'indicator')").
  const transfer = (budget: Row[]): WorkbookGrid => {
    const rows: Row[] = [
      ["中央对地方转移支付区域绩效自评表"],
      ["转移支付（项目）名称"],
      ["资金情况（万元）", null, "全年预算数（A）", "全年执行数（B）", "执行率（B/A）"],
      ...budget,
      [],
      [null, "一级指标", "二级指标", "三级指标", "全年指标值", "全年实际完成值", "未完成原因和改进措施"],
      ...["数量指标", "质量指标", "时效指标", "成本指标"].map((l2): Row => [null, "产出指标", l2, "指标1：", null, null, null]),
      ...["经济效益指标", "社会效益指标"].map((l2): Row => [null, "效益指标", l2, "指标1：", null, null, null]),
      [null, "满意度指标", "服务对象满意度指标", "指标1：", null, null, null],
    ];
    return workbook({ name: "自评表", rows });
  };

  it.each([
    ["blank", [[null, "年度资金总额"], [null, "其中：中央财政资金"]]],
    ["filled in", [[null, "年度资金总额", 1000, 950, 0.95], [null, "其中：中央财政资金", 1000, 950, 0.95]]],
    ["removed", []],
  ])("a transfer-payment form with every row a placeholder and its budget %s: no crash, no finding, no total (H2)", (_, budget) => {
    const a = run(transfer(budget as Row[]));
    expect(found(a)).toEqual([]);
    expect(a.totals).toEqual([]);
  });
});

describe("score-without-values: a row scored with neither target nor actual", () => {
  // The value was typed into the name: 完成道路养护120公里 | (blank) | (blank) | 20 | 20.
  const rows: Row[] = [
    [null, "产出指标", "数量指标", "完成道路养护120公里", null, null, 20, 20, null],
    [null, null, null, "维修桥涵8座", null, null, 10, 10, null],
    [null, null, "质量指标", "养护验收合格率", "≥95%", "98%", 10, 10, null],
    [null, null, "时效指标", "完成时间", "12月底前", "12月底前", 10, 10, null],
    [null, "效益指标", "社会效益指标", "群众出行条件", "明显改善", "明显改善", 30, 30, null],
    [null, "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "96%", 10, 10, null],
  ];
  const wb = workbook(nationalForm(BUDGET_FULL, rows, 100, "优", INDICATOR_MERGES));

  it("flags each such score as a warning, and leaves the total unknown", () => {
    const a = run(wb);
    expect(found(a)).toEqual(["score-without-values@H11", "score-without-values@H12", "total-incomplete@H17"]);
    expect(a.findings.map((f) => f.severity)).toEqual(["warning", "warning", "warning"]);
    expect(message(a, "score-without-values", "H11")).toBe(
      "“完成道路养护120公里”得分 20，但年度指标值和实际完成值都是空的，得分没有依据。请补填指标值和实际完成值。",
    );
    expect(message(a, "total-incomplete", "H17")).toBe("无法得出总分：2 项既无年度指标值也无实际完成值。补齐或改正后才能计算总分和等次。");
    expect(a.totals[0]).toMatchObject({ weights: "100", score: null, grade: null, recordedScore: "100" });
  });

  it("says the same in English, with counts in the right number", () => {
    const a = run(wb, "en");
    expect(message(a, "score-without-values", "H11")).toBe(
      '"完成道路养护120公里" is scored 20 but has neither a target nor an actual value: nothing supports the score. Fill them in.',
    );
    expect(message(a, "total-incomplete", "H17")).toBe(
      "No total can be computed: 2 items have neither a target nor an actual value. Fill them in or correct them to get a total and a grade.",
    );
  });
});

describe("a row the form prints that does not apply, kept with no points (review round 33)", () => {
  // 成本指标 | 成本控制 | / | / | 0 | 0 | 本项目不涉及 under the met rows: 90 + 10 of the budget, and 0.
  const withUnused = (target: string | null, actual: string | null, weight: number | string, score: number | string | null): Row[] => [
    ...INDICATORS,
    [null, "成本指标", "经济成本指标", "成本控制", target, actual, weight, score, "本项目不涉及"],
  ];

  it.each([
    ["/", "/", 0, 0],
    ["无", "无", 0, 0],
    [null, null, 0, "/"],
    ["—", "—", "0", null],
  ])("adds nothing and lacks nothing: %s | %s | %s | %s", (target, actual, weight, score) => {
    const a = run(workbook(nationalForm(BUDGET_FULL, withUnused(target, actual, weight, score), 100, "优", INDICATOR_MERGES)));
    expect(found(a)).toEqual([]);
    expect(a.totals[0]).toMatchObject({ weights: "100", score: "100", recordedScore: "100", grade: "优" });
  });

  it("a row with points, or a score, and nothing behind it still has nothing behind it", () => {
    const points = run(workbook(nationalForm(BUDGET_FULL, withUnused("/", "/", 5, 5), 105, "优", INDICATOR_MERGES)));
    expect(found(points)).toContain("score-without-values@H17");
    expect(points.totals[0]).toMatchObject({ score: null, grade: null });
    const scored = run(workbook(nationalForm(BUDGET_FULL, withUnused("/", "/", 0, 5), 105, "优", INDICATOR_MERGES)));
    expect(found(scored)).toContain("score-without-values@H17");
  });
});

describe("total-incomplete: a total is complete or absent", () => {
  it("a form with both actuals blank gets no total and no grade, not 差 on 10 points", () => {
    const rows = INDICATORS.map((r, i) => (i < 2 ? [...r.slice(0, 5), null, r[6], null, null] : r));
    const a = run(workbook(nationalForm(BUDGET_FULL, rows, null, null, INDICATOR_MERGES)));
    expect(found(a)).toEqual(["total-incomplete@H10", "missing-actual@F11", "missing-actual@F12"]);
    expect(message(a, "total-incomplete", "H10")).toBe("无法得出总分：2 项缺实际完成值。补齐或改正后才能计算总分和等次。");
    expect(a.totals[0]).toMatchObject({ score: null, grade: null });
    // Nothing is written for the rows that cannot be scored.
    expect(writes(a)).toEqual([]);
    const one = run(workbook(nationalForm(BUDGET_FULL, rows.map((r, i) => (i === 1 ? INDICATORS[1] : r)), null, null, INDICATOR_MERGES)), "en");
    expect(message(one, "total-incomplete", "H10")).toBe("No total can be computed: 1 item lacks its actual value. Fill them in or correct them to get a total and a grade.");
  });

  it("lists each kind of gap once, in both languages", () => {
    const rows = INDICATORS.map((r, i) =>
      i === 0 ? [...r.slice(0, 5), null, 20, 20, null] : i === 4 ? [...r.slice(0, 7), null, null] : r,
    );
    const budget: Row[] = [[null, "年度资金总额", 100, null, 100, 10, null, null]];
    const a = run(workbook(nationalForm(budget, rows, 100, null, INDICATOR_MERGES)));
    expect(message(a, "total-incomplete", "H17")).toBe(
      "无法得出总分：1 项缺实际完成值，1 项得分未填且无法计算（第 15 行“群众出行条件”），预算执行得分无法计算（全年预算数、执行数或分值缺失或有误）。补齐或改正后才能计算总分和等次。",
    );
    expect(message(run(workbook(nationalForm(budget, rows, 100, null, INDICATOR_MERGES)), "en"), "total-incomplete", "H17")).toBe(
      'No total can be computed: 1 item lacks its actual value; 1 item has no score and none can be computed (row 15 "群众出行条件"); the budget execution score cannot be computed (the planned budget, the spending or the weight is missing or wrong). Fill them in or correct them to get a total and a grade.',
    );
  });

  it("a complete total on 110 points is shown but never graded, and its recorded 优 is not checked", () => {
    const rows = INDICATORS.map((r, i) => (i === 4 ? [...r.slice(0, 6), 40, 40, null] : r));
    const a = run(workbook(nationalForm(BUDGET_FULL, rows, 106, "优", INDICATOR_MERGES)));
    // Not score-above-attainable as well: its bound is of a form of 100 points (review round 23c, B4).
    expect(found(a)).toEqual(["weights-total@G10", "total-mismatch@H17"]);
    expect(a.totals[0]).toMatchObject({ weights: "110", score: "110", grade: null });
    // The scores add up to 110, above full marks: the message does not ask for 110 to be written.
    expect(message(a, "total-mismatch", "H17")).toBe("综合得分填的是 106，各项得分相加为 110，超过了满分 100 分：请先核对各项得分和分值。");
    expect(message(run(workbook(nationalForm(BUDGET_FULL, rows, 106, "优", INDICATOR_MERGES)), "en"), "total-mismatch", "H17")).toBe(
      "Recorded total is 106; the scores add up to 110, more than the full marks of 100: check the scores and weights.",
    );
  });

  it("a total-mismatch over scores that differ from jixiao's gives jixiao's total, not the sum to write", () => {
    // 108 of ≥120 公里 is worth 18 of 20, recorded as 20: the sheet's scores add up to 100, jixiao's to 98.
    const rows = INDICATORS.map((r, i) => (i === 0 ? [...r.slice(0, 5), "108公里", 20, 20, "两段改至下年"] : r));
    const a = run(workbook(nationalForm(BUDGET_FULL, rows, 99, "优", INDICATOR_MERGES)));
    expect(found(a)).toEqual(["score-mismatch@H11", "total-mismatch@H17"]);
    expect(message(a, "total-mismatch", "H17")).toBe("综合得分填的是 99，各项得分相加为 100，但其中有得分与核算不符：按核算的得分，总分应为 98。请先核对各项得分。");
    expect(message(run(workbook(nationalForm(BUDGET_FULL, rows, 99, "优", INDICATOR_MERGES)), "en"), "total-mismatch", "H17")).toBe(
      "Recorded total is 99; the scores add up to 100, but some of them differ from the computed ones: with the computed scores the total is 98. Check the scores first.",
    );
    // Recorded as jixiao's own 98, the total is right: only the score is flagged.
    expect(found(run(workbook(nationalForm(BUDGET_FULL, rows, 98, "优", INDICATOR_MERGES))))).toEqual(["score-mismatch@H11"]);
  });

  it("a total-mismatch within the weights still suggests the sum", () => {
    const a = run(workbook(nationalForm(BUDGET_FULL, INDICATORS, 98, "优", INDICATOR_MERGES)));
    expect(found(a)).toEqual(["total-mismatch@H17"]);
    expect(message(a, "total-mismatch", "H17")).toBe("综合得分填的是 98，各项得分相加为 100。请改为 100，或核对各项得分。");
  });
});

describe("a 年度资金总额 line left 0 or blank while its 其中 rows carry the money", () => {
  const budget = (total: CellValue, rate: CellValue, score: CellValue): Row[] => [
    [null, "年度资金总额", total, total, total, 10, rate, score],
    [null, "其中：当年财政拨款", 80, 80, 76.47, null, null, null],
    [null, "上年结转资金", 20, 20, 20, null, null, null],
  ];

  it("is judged as their sum: its recorded 0% and 0 分 are checked, and the budget score enters the total", () => {
    const a = run(workbook(nationalForm(budget(0, 0, 0), INDICATORS, 90, "优", INDICATOR_MERGES)));
    expect(a.budget[0]).toMatchObject({ planned: "100", spent: "96.47", rate: "0.9647", recordedRate: "0", score: "9.65", recordedScore: "0" });
    expect(found(a)).toEqual(["sum-mismatch@C5", "sum-mismatch@D5", "sum-mismatch@E5", "rate-mismatch@G5", "budget-score-mismatch@H5"]);
    expect(message(a, "rate-mismatch", "G5")).toBe("执行率填的是 0%，按 执行数÷全年预算数 应为 96.47%。请改为 96.47%。");
    expect(message(a, "sum-mismatch", "D5")).toBe("“年度资金总额”填的是 0，但其中各项资金相加为 100。请改为 100，或核对各行数字。");
    // The sheet's own 90 is the recorded scores (budget 0 + 90): no total-mismatch; jixiao's total counts the 9.65.
    expect(a.totals[0]).toMatchObject({ score: "99.65", grade: "优", recordedScore: "90" });
  });

  it("shows on 综合得分 the amounts it was judged by, not the recorded 0", () => {
    const a = run(workbook(nationalForm(budget(0, 0, 0), INDICATORS, 90, "优", INDICATOR_MERGES)));
    const label = a.summary.cells.find((c) => c.value === "年度资金总额")!;
    const onRow = (col: number) => a.summary.cells.find((c) => c.row === label.row && c.col === col)?.value;
    // One sheet: no 工作表 column (review round 52), the amounts in B and C, the rate in D.
    expect([onRow(1), onRow(2), onRow(3)]).toEqual(["100", "96.47", "0.9647"]);
  });

  it("left blank, the gap is named as blank, and the rate and score are filled in from the sum", () => {
    const a = run(workbook(nationalForm(budget(null, null, null), INDICATORS, null, null, INDICATOR_MERGES)));
    expect(found(a)).toEqual(["sum-mismatch@C5", "sum-mismatch@D5", "sum-mismatch@E5"]);
    expect(message(a, "sum-mismatch", "D5")).toBe("“年度资金总额”填的是 空白，但其中各项资金相加为 100。请改为 100，或核对各行数字。");
    expect(message(run(workbook(nationalForm(budget(null, null, null), INDICATORS, null, null, INDICATOR_MERGES)), "en"), "sum-mismatch", "D5")).toBe(
      '"年度资金总额" is blank but the rows it sums add up to 100: write 100 or check the rows.',
    );
    // The 其中 rows get their own rates, as every budget line does.
    expect(writes(a)).toEqual(["G5=0.9647|0.00%", "H5=9.65|0.00", "G6=0.9559|0.00%", "G7=1|0.00%"]);
    expect(a.totals[0]).toMatchObject({ score: "99.65", grade: "优" });
  });

  it("a 年度资金总额 that holds its figures is judged by them, as before", () => {
    const a = run(workbook(nationalForm(budget(100, null, null), INDICATORS, null, null, INDICATOR_MERGES)));
    expect(a.budget[0]).toMatchObject({ planned: "100", spent: "100", rate: "1", score: "10" });
    expect(found(a)).toEqual(["sum-mismatch@E5"]);
  });
});

describe("formula results and error values", () => {
  /** A budget block whose 执行率 is =E2/D2 with the cached result given. */
  function rateFormula(planned: number, spent: number, cached: CellValue, numFmt?: string): WorkbookGrid {
    const grid = workbook({
      name: "预算",
      rows: [
        ["项目", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", planned, planned, spent, 10, cached, null],
      ],
      numFmts: numFmt ? { F2: numFmt } : {},
    });
    grid.sheets[0] = withFormulas(grid.sheets[0], { F2: "D2/C2" });
    return grid;
  }

  it("a cached 0.9559000000000001 agrees with 95.59%, in a 0.00% cell and in a General one", () => {
    expect(found(run(rateFormula(1000, 955.9, 0.9559000000000001, "0.00%")))).toEqual([]);
    expect(found(run(rateFormula(1000, 955.9, 0.9559000000000001)))).toEqual([]);
  });

  it("a cached result that differs is named at digits that tell the two apart, never 'X, should be X'", () => {
    const a = run(rateFormula(1000, 955.9, 0.95594));
    expect(message(a, "rate-mismatch", "F2")).toBe("执行率填的是 95.594%，按 执行数÷全年预算数 应为 95.59%。请改为 95.59%。");
    const score = run(
      workbook({
        name: "预算",
        rows: [
          ["项目", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          ["年度资金总额", 3, 2, 10, null, 6.67],
        ],
        numFmts: { F2: "0.000" },
      }),
    );
    // 6.670 shown against 6.6667: both are 6.67 at two decimals, so the third tells them apart.
    expect(message(score, "budget-score-mismatch", "F2")).toBe("预算执行得分填的是 6.67，按 分值×执行率（最高 100%）应为 6.667。");
  });

  it("an error value where a number is due is formula-error, naming the error", () => {
    const a = run(
      workbook({
        name: "预算",
        rows: [
          ["项目", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          ["年度资金总额", { error: "#REF!" }, 80, 10, null, null],
        ],
      }),
    );
    expect(found(a)).toEqual(["formula-error@B2"]);
    expect(a.findings[0].severity).toBe("error");
    expect(message(a, "formula-error", "B2")).toBe("全年预算数是错误值 #REF!，此处应为数字。请检查公式或改填数字。");
    expect(message(run(workbook({ name: "预算", rows: [["项目", "全年预算数", "全年执行数", "分值", "执行率", "得分"], ["年度资金总额", { error: "#REF!" }, 80, 10, null, null]] }), "en"), "formula-error", "B2")).toBe(
      "The planned budget holds the error value #REF! where a number is due: check the formula or type the number.",
    );
  });

  it("#DIV/0! from 0 ÷ 0 (nothing planned, nothing spent) is no finding; over spending it is zero-budget alone", () => {
    expect(found(run(rateFormula(0, 0, { error: "#DIV/0!" }, "0.00%")))).toEqual([]);
    expect(found(run(rateFormula(0, 50, { error: "#DIV/0!" }, "0.00%")))).toEqual(["zero-budget@C2"]);
  });
});

describe("negative-value", () => {
  it("a 全年预算数 of −200 is an error, and no rate or score is made of it", () => {
    const a = run(workbook(nationalForm([[null, "年度资金总额", 200, -200, 150, 10, null, null]], INDICATORS, null, null, INDICATOR_MERGES)));
    expect(found(a)).toEqual(["negative-value@D5", "total-incomplete@H10"]);
    expect(message(a, "negative-value", "D5")).toBe("全年预算数为负数 -200，不能小于 0。");
    expect(a.budget[0]).toMatchObject({ rate: null, score: null });
    expect(writes(a)).toEqual([]);
  });

  it("a weight of −20 gives no score of −16 and no grade", () => {
    const rows = INDICATORS.map((r, i) => (i === 0 ? [...r.slice(0, 6), -20, null, null] : r));
    const a = run(workbook(nationalForm(BUDGET_FULL, rows, null, null, INDICATOR_MERGES)));
    expect(found(a)).toEqual(["weights-total@G10", "total-incomplete@H10", "negative-value@G11"]);
    expect(a.indicators[0]).toMatchObject({ weight: "-20", score: null });
    expect(a.totals[0]).toMatchObject({ score: null, grade: null });
    expect(writes(a)).toEqual([]);
    expect(message(run(workbook(nationalForm(BUDGET_FULL, rows, null, null, INDICATOR_MERGES)), "en"), "negative-value", "G11")).toBe(
      "The weight is negative (-20); it cannot be below 0.",
    );
  });

  it("a budget 分值 of −10 yields no budget score, so no total and no grade", () => {
    const a = run(workbook(nationalForm([[null, "年度资金总额", 100, 100, 100, -10, null, null]], INDICATORS, null, null, INDICATOR_MERGES)));
    expect(found(a)).toEqual(["negative-value@F5", "weights-total@G10", "total-incomplete@H10"]);
    expect(a.budget[0]).toMatchObject({ rate: "1", weight: "-10", score: null });
    expect(a.totals[0]).toMatchObject({ score: null, grade: null });
    expect(writes(a)).toEqual(["G5=1|0.00%"]);
  });

  it("negative spending, initial budget and scores are flagged too; 0 is not", () => {
    const a = run(
      workbook({
        name: "预算",
        rows: [
          ["项目", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          ["年度资金总额", -1, 100, -5, 10, null, -2],
          ["其中：财政拨款", 0, 100, 0, null, null, null],
        ],
      }),
    );
    // The initial −1 is within a unit of its sources' 0; the spending's −5 is not.
    expect(found(a)).toEqual(["negative-value@B2", "negative-value@D2", "sum-mismatch@D2", "negative-value@G2"]);
  });

  it("a negative typed in brackets, as accountants write it, is that negative: (50.00) is −50 (review round 56e, L1)", () => {
    const lines = (spent: CellValue) =>
      workbook({
        name: "预算",
        rows: [
          ["项目", "年初预算数", "全年预算数", "全年执行数"],
          ["年度资金总额", 100, 100, 40],
          ["其中：财政拨款", 100, 90, 90],
          ["上年结转资金", 0, 10, spent],
        ],
      });
    const a = run(lines("(50.00)"));
    // 90 − 50 = 40: the parts add up once the bracket reads as −50.
    expect(found(a)).toEqual(["negative-value@D4"]);
    expect(message(a, "negative-value", "D4")).toBe("执行数为负数 -50，不能小于 0。");
    expect(found(run(lines("（1,050.00）")))).toEqual(["sum-mismatch@D2", "negative-value@D4"]);
    // Text that is more than a bracketed number stays text.
    expect(found(run(lines("(50.00)万元")))).toContain("not-numeric@D4");
    expect(found(run(lines("(约50)")))).toContain("not-numeric@D4");
  });

  it("a 分值 or 得分 typed in brackets, （10）, is no negative but no number, as before: brackets are an amount's (review round 56 M2)", () => {
    const weight = run(workbook(nationalForm([[null, "年度资金总额", 100, 100, 100, "（10）", null, null]], INDICATORS, null, null, INDICATOR_MERGES)));
    expect(found(weight)).toContain("not-numeric@F5");
    expect(found(weight).filter((f) => /^(?:negative-value|weights-total)@/.test(f))).toEqual([]);
    const score = run(workbook(nationalForm([[null, "年度资金总额", 100, 100, 100, 10, null, "(10)"]], INDICATORS, null, null, INDICATOR_MERGES)));
    expect(found(score)).toContain("not-numeric@H5");
    expect(found(score).filter((f) => f.startsWith("negative-value@"))).toEqual([]);
  });
});

describe("only finite numbers are written", () => {
  it("1e10 spent over a planned 1e-300 is a zero-budget finding, not an Infinity in 执行率", () => {
    const a = run(workbook(nationalForm([[null, "年度资金总额", 1e-300, 1e-300, 1e10, 10, null, null]], INDICATORS, null, null, INDICATOR_MERGES)));
    expect(found(a)).toEqual(["zero-budget@D5", "total-incomplete@H10"]);
    expect(message(a, "zero-budget", "D5")).toBe("全年预算数为 1e-300，却有执行数 10000000000：无法计算执行率，请补填预算数。");
    expect(writes(a)).toEqual([]);
    expect(a.budget[0].rate).toBeNull();
  });
});

describe("a 总分 that is a formula over the 得分 cells jixiao fills", () => {
  /** Blank quantitative scores at H11 and H12 (20 and 10 once filled); 总分 at H17 with its formula and stale cache. */
  function formulaTotal(formula: string, cached: number): WorkbookGrid {
    const rows = INDICATORS.map((r, i) => (i < 2 ? [...r.slice(0, 7), null, null] : r));
    const grid = workbook(nationalForm(BUDGET_FULL, rows, cached, "中", INDICATOR_MERGES));
    grid.sheets[0] = withFormulas(grid.sheets[0], { H17: formula });
    return grid;
  }

  it.each([
    ["SUM(H5,H11:H16)", 70],
    ["H5+H11+H12+H13+H14+H15+H16", 70],
    ["SUM(H5,H11:H12,H13:H16)", 70],
    ["=SUM($H$5,$H$11:$H$16)", 0],
    ["SUM(H5:H5)+SUM(H11:H16)-0", 70],
    ["SUM(H5,H11:H16)*1", 70],
    ["(H5*10+SUM(H11:H16)*10)/10", 70],
    // Rounded, as these forms often total (review round 53c, M1): half away from zero, as Excel rounds.
    ["ROUND(SUM(H5,H11:H16),2)", 70],
    ["ROUNDDOWN(SUM(H5,H11:H16)+0.009,2)", 70],
    ["ROUNDUP(SUM(H5,H11:H16)-0.001,2)", 70],
    ["ROUND(SUM(H5,H11:H16)/10,-1)*10", 70],
    ["SUBTOTAL(9,H5,H11:H16)", 70],
    ["SUBTOTAL(109,H5:H16)", 70],
  ])("%s cached as %d: recomputed to 100 after the fill, compared, and its cache updated", (formula, cached) => {
    const a = run(formulaTotal(formula, cached));
    expect(found(a)).toEqual(["grade-mismatch@H18"]);
    expect(message(a, "grade-mismatch", "H18")).toContain("总分 100");
    expect(writes(a)).toEqual(["H11=20|0.00", "H12=10|0.00", "H17=100|General|cached"]);
    expect(a.totals[0]).toMatchObject({ score: "100", recordedScore: "100", grade: "优" });
  });

  it("a formula that leaves a filled row out is compared as recomputed, not as cached", () => {
    const a = run(formulaTotal("SUM(H5,H11,H13:H16)", 70));
    expect(found(a)).toEqual(["total-mismatch@H17", "grade-mismatch@H18"]);
    expect(message(a, "total-mismatch", "H17")).toBe("综合得分填的是 90，各项得分相加为 100。请改为 100，或核对各项得分。");
    expect(writes(a)).toContain("H17=90|General|cached");
  });

  it("a formula with no cached result (openpyxl saves none) is the recorded total, recomputed and cached", () => {
    const grid = formulaTotal("SUM(H5,H11:H16)", 0);
    grid.sheets[0].values[16][7] = null;
    const a = run(grid);
    expect(found(a)).toEqual(["grade-mismatch@H18"]);
    expect(writes(a)).toEqual(["H11=20|0.00", "H12=10|0.00", "H17=100|General|cached"]);
    expect(a.totals[0]).toMatchObject({ score: "100", recordedScore: "100" });
  });

  it("a formula whose value does not change is not written again", () => {
    const a = run(formulaTotal("SUM(H5,H11:H16)", 100));
    expect(writes(a)).toEqual(["H11=20|0.00", "H12=10|0.00"]);
  });

  it("a 总分 showing an error is formula-error, unless jixiao recomputes its formula", () => {
    const broken = formulaTotal("SUM(H5,#REF!)", 0);
    broken.sheets[0].values[16][7] = { error: "#REF!" };
    const a = run(broken);
    // With no total to read, the recorded 中 is checked against jixiao's 100.
    expect(found(a)).toEqual(["formula-error@H17", "grade-mismatch@H18"]);
    expect(message(a, "formula-error", "H17")).toBe("总分是错误值 #REF!，此处应为数字。请检查公式或改填数字。");
    const stale = formulaTotal("SUM(H5,H11:H16)", 0);
    stale.sheets[0].values[16][7] = { error: "#VALUE!" };
    const b = run(stale);
    expect(found(b)).toEqual(["grade-mismatch@H18"]);
    expect(writes(b)).toContain("H17=100|General|cached");
  });

  it("a formula jixiao does not work out over cells it fills none of is compared as cached, never written", () => {
    const a = run(formulaTotal("H5+D11", 70));
    // The cached 70 is graded 中, as recorded; once Excel recomputes the total (100), the typed 中 is wrong.
    expect(found(a)).toEqual(["total-mismatch@H17", "grade-mismatch@H18"]);
    expect(message(a, "total-mismatch", "H17")).toContain("填的是 70");
    expect(a.writes.some((w) => w.cachedResult)).toBe(false);
  });

  it.each(["Sheet2!H5+SUM(H11:H16)", "SUM(H5,H11:H16)/0", "IF(COUNT(H11:H16)=0,\"\",SUM(H5,H11:H16))", "AVERAGE(H11:H12)*0+SUM(H5,H11:H16)", "SUM(H:H)-H17"])(
    "%s, which jixiao does not work out, over cells it fills: its cached result is no recorded total (review round 53c, M1)",
    (formula) => {
      const a = run(formulaTotal(formula, 70));
      // Excel shows another total once it recalculates: no total-mismatch quoting the 70 the fill made stale.
      expect(found(a)).toEqual(["grade-mismatch@H18"]);
      expect(a.totals[0].recordedScore).toBeNull();
      expect(a.writes.some((w) => w.cachedResult)).toBe(false);
      // 综合得分 says why the form's total is not quoted.
      expect(a.summary.cells.map((c) => c.value)).toContain("表中总分 H17 的公式读到助手补填的单元格，须在 Excel 或 WPS 中重新计算后才是填报数（打开本副本时 Excel 会自动重算）。");
    },
  );
});

describe("得分 cells merged across one row, as the national form has them (review round 58d, F1)", () => {
  // The indicator block one column narrower than the budget block: 得分 merged H10:I10 over each
  // row's H:I, and likewise the budget's 执行率 and 得分 merged under headers merged alike.
  const form = (merges: string[], scoreHeader = ["H10:I10"]): WorkbookGrid =>
    workbook({
      name: "自评表",
      rows: [
        ["2023年度项目支出绩效自评表"],
        ["项目名称", "乡村道路养护", null, null, "主管部门", "某县交通运输局"],
        ["实施单位", "某县公路养护中心"],
        ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", null, "得分", null],
        [null, "年度资金总额", 2000, 2000, 1948.9, 10, null, null, null, null],
        [],
        [],
        [],
        [],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", null, "偏差原因分析及改进措施"],
        [null, "产出指标", "数量指标", "养护道路里程", "≥120公里", "126公里", 30, null, null, null],
        [null, null, null, "培训人次", "≥800人次", "760人次", 20, null, null, null],
        [null, "效益指标", "社会效益指标", "群众出行条件", "明显改善", "明显改善", 30, 30, null, null],
        [null, "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "96%", 10, 10, null, null],
      ],
      merges: ["A1:J1", "G4:H4", "I4:J4", "G5:H5", "I5:J5", ...scoreHeader, ...merges],
    });

  it("fills each blank 得分 and the budget's 执行率 and 得分 into the merged area's top-left cell", () => {
    const a = run(form(["H11:I11", "H12:I12", "H13:I13", "H14:I14"]));
    expect(writes(a)).toEqual(["G5=0.9745|0.00%", "I5=9.74|0.00", "H11=30|0.00", "H12=19|0.00"]);
  });

  it("leaves a merged area running down over several rows (shared by several indicators) unfilled", () => {
    const a = run(form(["H11:I12", "H13:I13", "H14:I14"]));
    expect(writes(a).filter((w) => /^H1[12]=/.test(w))).toEqual([]);
  });

  it("leaves one wider than its column's header unfilled: the header 得分 in H10 alone", () => {
    const a = run(form(["H11:I11", "H12:I12", "H13:I13", "H14:I14"], []));
    expect(writes(a).filter((w) => /^H1[12]=/.test(w))).toEqual([]);
  });
});
