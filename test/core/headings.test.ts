/**
 * The wordings units head their columns and label their 总分 and 等次 rows with, beyond the
 * national template's (review round 12, items 3 and M1–M2): a 实际完成值 column headed 完成情况 or
 * 指标完成值, a 总分 row labelled 综合评分, an 等次 row labelled 自评结论. A scored table whose
 * actuals jixiao cannot find says so rather than passing for a 绩效目标表.
 */
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { reviewFile } from "../../src/core/review";
import { workbook } from "../support/grid";
import { found } from "../support/findings";

type Row = CellValue[];

const run = (wb: WorkbookGrid, lang: "zh" | "en" = "zh"): Analysis => analyze(wb, DEFAULT_PROFILE, { lang });

/** Nine indicators worth 90 points, each met in full: 90 of 90. */
const INDICATORS: Row[] = [
  ["产出指标", "数量指标", "提质改造农村公路", "≥35公里", "36.2公里", 15, 15, ""],
  [null, null, "安装安保设施", "≥12处", "12处", 10, 10, ""],
  [null, "质量指标", "交工验收合格率", "100%", "100%", 10, 10, ""],
  [null, "时效指标", "完工时间", "2024年11月底前", "2024年11月20日", 5, 5, ""],
  [null, "成本指标", "每公里改造成本", "≤9万元/公里", "8.4万元/公里", 10, 10, ""],
  ["效益指标", "社会效益指标", "群众出行条件", "明显改善", "明显改善", 10, 10, ""],
  [null, null, "道路安全事故", "≤1起", "0起", 10, 10, ""],
  [null, "可持续影响指标", "道路使用年限", "≥8年", "8年", 10, 10, ""],
  ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "94%", 10, 10, ""],
];

interface FormOptions {
  /** The indicator header's 年度指标值 and 实际完成值 wordings. */
  target?: string;
  actual?: string;
  reason?: string;
  /** The 得分 of each indicator row, as recorded (the rows' own by default). */
  scores?: CellValue[];
  /** The 总分 row: its label and the total it records (row 19). */
  totalLabel?: string;
  total?: CellValue;
  /** What the 总分 row holds under 偏差原因 (H19). */
  besideTotal?: CellValue;
  /** The 等次 row under it (row 20); none when `gradeLabel` is null. */
  gradeLabel?: string | null;
  grade?: CellValue;
}

/**
 * The national 项目支出绩效自评表 at A1, filled right: 304 of 320 spent (9.5 of 10), the goal rows,
 * the indicator header at row 9 over rows 10–18 (90 of 90), the 总分 at row 19 (99.5), the 等次 at
 * row 20 (优), merged as the template is, and the signature line.
 */
function form(o: FormOptions = {}): WorkbookGrid {
  const indicators = INDICATORS.map((row, i) => (o.scores ? [...row.slice(0, 6), o.scores[i], row[7]] : row));
  const closing: Row[] = [[o.totalLabel ?? "总分", null, null, null, null, 100, o.total ?? 99.5, o.besideTotal ?? ""]];
  if (o.gradeLabel !== null) closing.push([o.gradeLabel ?? "评价等次", null, null, null, null, null, o.grade ?? "优", ""]);
  return workbook({
    name: "自评表",
    rows: [
      ["项目支出绩效自评表"],
      ["项目名称", "乡村道路提质改造工程"],
      ["主管部门", "县交通运输局", null, null, "实施单位", "县交通运输局"],
      ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 300, 320, 304, 10, 0.95, 9.5],
      [null, "其中：财政拨款", 300, 320, 304, "—", 0.95, "—"],
      ["年度总体目标", "预期目标", null, null, "实际完成情况"],
      [null, "完成年度建设任务", null, null, "已完成年度建设任务"],
      ["一级指标", "二级指标", "三级指标", o.target ?? "年度指标值", o.actual ?? "实际完成值", "分值", "得分", o.reason ?? "偏差原因分析及改进措施"],
      ...indicators,
      ...closing,
      ["单位负责人：", null, null, "财务负责人：", null, "填表人："],
    ],
    merges: ["A1:H1", "B2:H2", "A4:A6", "A7:A8", "B7:D7", "B8:D8", "E7:H7", "E8:H8", "A10:A14", "B10:B11", "A15:A17", "B15:B16", "A19:E19", "A20:E20"],
    numFmts: { G5: "0.00%", G6: "0.00%" },
  });
}

const totalsOf = (a: Analysis) => a.totals.map((t) => [t.table, t.score, t.recordedScore, t.grade, t.recordedGrade]);

describe("a 实际完成值 column in the other wordings units head it with", () => {
  it.each([
    ...["指标完成值", "完成情况", "执行情况", "实际执行值", "实际达成值", "完成指标值", "年末实际值", "实际指标值", "完成数", "实际完成结果"],
    // After the year, or as of a date (review round 18).
    ...["2023年实际完成值", "2023年度实际完成值", "本年实际完成值", "当年完成值", "截至12月底完成值", "截止2023年12月31日实际完成值"],
  ])(
    "reads %s: the form is scored, not taken for a 绩效目标表",
    (actual) => {
      const a = run(form({ actual }));
      expect(a.indicators.map((i) => i.actual?.text)).toEqual(INDICATORS.map((row) => row[4]));
      expect(totalsOf(a)).toEqual([["A9:H20", "99.5", "99.5", "优", "优"]]);
      expect(found(a)).toEqual([]);
    },
  );

  it.each([
    ...["指标目标值", "绩效目标值", "年初设定目标值", "绩效指标年度目标值", "年度绩效目标值", "绩效指标值", "年度计划数", "计划数", "目标数"],
    // After the year, and as the plan (review round 18).
    ...["2023年度指标值", "2023年指标值", "2023年度目标值", "年度绩效指标值", "年度预期目标值", "预期值", "计划值", "年度计划值", "计划完成值"],
  ])(
    "reads the targets under %s, and checks each score against them",
    (target) => {
      const a = run(form({ target, actual: "指标完成值" }));
      expect(a.indicators.map((i) => i.target.text)).toEqual(INDICATORS.map((row) => row[3]));
      expect(found(a)).toEqual([]);
      // 34 of ≥35公里 scored in full: the score is checked against the target.
      const short = form({ target, actual: "指标完成值" });
      short.sheets[0].values[9][4] = "34公里";
      expect(found(run(short))).toContain("score-mismatch@自评表!G10");
    },
  );

  it("finds the indicator table headed 指标目标值 | 指标完成值, which had no column it read", () => {
    // 说明 is no reason column: the table ends at the 得分 column.
    const a = run(form({ target: "指标目标值", actual: "指标完成值", reason: "说明" }));
    expect(a.tables.map((t) => [t.kind, t.range])).toEqual([
      ["budget", "B4:H6"],
      ["indicators", "A9:G20"],
    ]);
    expect(totalsOf(a)).toEqual([["A9:G20", "99.5", "99.5", "优", "优"]]);
    expect(found(a)).toEqual([]);
  });

  it("does not take 完成情况 within a longer header (偏差原因及完成情况说明) for the actuals", () => {
    const a = run(form({ reason: "偏差原因及完成情况说明" }));
    expect(a.indicators.map((i) => i.actual?.text)).toEqual(INDICATORS.map((row) => row[4]));
    // 34 of ≥35公里 with no reason: the reason column is read as one.
    const short = form({ reason: "偏差原因及完成情况说明" });
    short.sheets[0].values[9][4] = "34公里";
    short.sheets[0].values[9][6] = 14.57;
    short.sheets[0].values[18][6] = 99.07;
    expect(found(run(short))).toEqual(["missing-reason@自评表!H10"]);
  });
});

describe("budget columns headed after the year (review round 18)", () => {
  it("reads 2023年初预算数 | 2023年预算数 | 2023年执行数 as the budget's columns", () => {
    const dated = form();
    dated.sheets[0].values[3] = ["项目资金（万元）", null, "2023年初预算数", "2023年预算数", "2023年执行数", "分值", "2023年执行率", "得分"];
    const a = run(dated);
    const undated = run(form());
    const lines = (analysis: Analysis) => analysis.budget.map((line) => [line.label, line.planned, line.spent, line.rate, line.score]);
    expect(lines(undated)).toEqual([
      ["年度资金总额", "320", "304", "0.95", "9.5"],
      ["其中：财政拨款", "320", "304", "0.95", null],
    ]);
    expect(lines(a)).toEqual(lines(undated));
    expect(a.tables.map((t) => [t.kind, t.range])).toEqual(undated.tables.map((t) => [t.kind, t.range]));
    expect(found(a)).toEqual([]);
  });
});

describe("columns of last year's figures beside this year's (review round 19, R3)", () => {
  it("reads this year's target and actual, not last year's, whichever comes first", () => {
    const a = run(
      workbook({
        name: "自评表",
        rows: [
          ["项目资金（万元）", "2022年执行数", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          ["年度资金总额", 80, 100, 100, 95, 10, 0.95, 9.5],
          [],
          ["一级指标", "二级指标", "三级指标", "2022年度指标值", "2023年度指标值", "2022年实际完成值", "2023年实际完成值", "分值", "得分"],
          ["产出指标", "数量指标", "培训人次", "≥600人次", "≥500人次", "300人次", "520人次", 90, 90],
          ["总分", null, null, null, null, null, null, 100, 99.5],
        ],
        numFmts: { G2: "0%" },
      }),
    );
    expect(a.budget.map((line) => [line.planned, line.spent, line.rate])).toEqual([["100", "95", "0.95"]]);
    expect(a.indicators.map((i) => [i.target.text, i.actual?.text])).toEqual([["≥500人次", "520人次"]]);
    // One row of 产出 alone: only the dimensions it lacks are found.
    expect(found(a)).toEqual(["missing-dimension@自评表!A4"]);
  });

  /** One indicator, 520 of ≥500人次, under a header of one or two rows; last year's 300 in another column. */
  const yearsForm = (header: Row[], values: Row, merges: string[] = []): Analysis =>
    run(workbook({ name: "自评表", rows: [...header, ["产出指标", "数量指标", "培训人次", ...values, 90, 90]], merges }));
  const TWO_ROW_MERGES = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "G1:G2", "H1:H2"];

  it.each<[string, Row[], Row, string[]]>([
    // A sub-header as written over a dated column beside its group (review round 20, N1).
    [
      "a sub-header beside 2022年实际完成值",
      [
        ["一级指标", "二级指标", "三级指标", "2022年实际完成值", "指标值及完成情况", null, "分值", "得分"],
        [null, null, null, null, "年度指标值", "实际完成值", null, null],
      ],
      ["300人次", "≥500人次", "520人次"],
      TWO_ROW_MERGES,
    ],
    // A heading over its years: what was done is never a later year's (review round 20).
    [
      "实际完成值 over 2022年 | 2023年",
      [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", null, "分值", "得分"],
        [null, null, null, null, "2022年", "2023年", null, null],
      ],
      ["≥500人次", "300人次", "520人次"],
      TWO_ROW_MERGES,
    ],
    ["2022年完成值 | 2023年完成值", [["一级指标", "二级指标", "三级指标", "年度指标值", "2022年完成值", "2023年完成值", "分值", "得分"]], ["≥500人次", "300人次", "520人次"], []],
    // 本年 beside a numbered year (review round 20, N8).
    ["2022年实际完成值 | 本年实际完成值", [["一级指标", "二级指标", "三级指标", "年度指标值", "2022年实际完成值", "本年实际完成值", "分值", "得分"]], ["≥500人次", "300人次", "520人次"], []],
    // 实际完成值 as written after last year's, or a running total (review round 19, R3).
    ...["2022年实际完成值", "截至上年底完成值", "截至2023年底累计完成值"].map((prior): [string, Row[], Row, string[]] => [
      `${prior} | 实际完成值`,
      [["一级指标", "二级指标", "三级指标", "年度指标值", prior, "实际完成值", "分值", "得分"]],
      ["≥500人次", "300人次", "520人次"],
      [],
    ]),
    // Target and actual over the same years: the same year for both (review round 21, F3).
    [
      "年度指标值 and 实际完成值 each over 2022年 | 2023年",
      [
        ["一级指标", "二级指标", "三级指标", "年度指标值", null, "实际完成值", null, "分值", "得分"],
        [null, null, null, "2022年", "2023年", "2022年", "2023年", null, null],
      ],
      ["≥300人次", "≥500人次", "300人次", "520人次"],
      ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:G1", "H1:H2", "I1:I2"],
    ],
    // Parts of the year under what was done, and dates: the latest (review round 22).
    ...[
      ["截至6月底", "截至12月底"],
      ["上半年", "全年"],
      ["1-6月", "1-12月"],
      ["2023年1-6月", "2023年全年"],
    ].map(([part, whole]): [string, Row[], Row, string[]] => [
      `实际完成值 over ${part} | ${whole}`,
      [
        ["一级指标", "二级指标", "三级指标", "2023年度指标值", "实际完成值", null, "分值", "得分"],
        [null, null, null, null, part, whole, null, null],
      ],
      ["≥500人次", "300人次", "520人次"],
      TWO_ROW_MERGES,
    ]),
    [
      "截至2023年12月底完成值 | 截至2023年6月底完成值",
      [["一级指标", "二级指标", "三级指标", "2023年度指标值", "截至2023年12月底完成值", "截至2023年6月底完成值", "分值", "得分"]],
      ["≥500人次", "520人次", "300人次"],
      [],
    ],
    [
      "截至2023年6月底完成值 | 截至2023年底完成值",
      [["一级指标", "二级指标", "三级指标", "年度指标值", "截至2023年6月底完成值", "截至2023年底完成值", "分值", "得分"]],
      ["≥500人次", "300人次", "520人次"],
      [],
    ],
    // What was done is never a later year's than the form's title says (review round 21, F2).
    [
      "实际完成值 over 2023年 | 2024年 on a （2023年度） form",
      [
        ["（2023年度）"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", null, "分值", "得分"],
        [null, null, null, null, "2023年", "2024年", null, null],
      ],
      ["≥500人次", "520人次", "300人次"],
      ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2", "G2:G3", "H2:H3"],
    ],
  ])("reads this year's actual under %s: 520 of ≥500人次, no score-mismatch", (_, header, values, merges) => {
    const a = yearsForm(header, values, merges);
    expect(a.indicators.map((i) => [i.target.text, i.actual?.text])).toEqual([["≥500人次", "520人次"]]);
    expect(found(a).filter((f) => f.startsWith("score-mismatch") || f.startsWith("over-achievement"))).toEqual([]);
  });

  it("reads none of the columns a dated heading spans (2023年实际完成值 over 上半年 | 全年): no false score-mismatch (review round 21, F1)", () => {
    const a = yearsForm(
      [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "2023年实际完成值", null, "分值", "得分"],
        [null, null, null, null, "上半年", "全年", null, null],
      ],
      ["≥500人次", "300人次", "520人次"],
      TWO_ROW_MERGES,
    );
    expect(found(a).filter((f) => f.startsWith("score-mismatch"))).toEqual([]);
  });
});

describe("a scored table whose 实际完成值 column jixiao cannot read", () => {
  const unread = form({ actual: "实绩" });

  it("is an evaluation whose total is unknown, and the warning names the header row and the wordings read", () => {
    const a = run(unread);
    expect(totalsOf(a)).toEqual([["A9:H20", null, "99.5", null, "优"]]);
    expect(found(a)).toEqual(["total-incomplete@自评表!G19"]);
    expect(a.findings[0].message).toBe(
      "无法得出总分：第 9 行的表头中没有认得出的实际完成值列（可写作 实际完成值 / 实际值 / 完成值 / 指标完成值 / 完成情况）。补齐或改正后才能计算总分和等次。",
    );
    expect(run(unread, "en").findings[0].message).toBe(
      "No total can be computed: the header in row 9 has no actual value column jixiao reads (headed 实际完成值 / 实际值 / 完成值 / 指标完成值 / 完成情况). Fill them in or correct them to get a total and a grade.",
    );
  });

  it("is reviewed as the unit's self-evaluation, not as a target table", () => {
    const { rows } = reviewFile("交通运输局.xlsx", analyze(unread), DEFAULT_PROFILE);
    expect(rows.map((r) => [r.kind, r.recordedScore, r.recordedGrade, r.warnings])).toEqual([["evaluation", "99.5", "优", 1]]);
  });

  it("stays a 绩效目标表 while its 得分 column is blank: nothing recorded, nothing to evaluate", () => {
    const a = run(form({ actual: "实绩", scores: INDICATORS.map(() => null), total: null, gradeLabel: null }));
    expect(a.totals).toEqual([]);
    expect(found(a)).toEqual([]);
    expect(a.writes).toEqual([]);
  });
});

describe("a 总分 row in the other wordings units label it with", () => {
  it.each(["综合评分", "总评分", "绩效评价总分", "项目绩效自评得分", "评价总分", "自评结果", "项目支出绩效自评总分", "总体得分", "最终得分"])(
    "reads the total labelled %s, and a wrong one is an error",
    (totalLabel) => {
      expect(totalsOf(run(form({ totalLabel })))).toEqual([["A9:H20", "99.5", "99.5", "优", "优"]]);
      const wrong = run(form({ totalLabel, total: 89.5, grade: "良" }));
      expect(found(wrong)).toEqual(["total-mismatch@自评表!G19", "grade-mismatch@自评表!G20"]);
      expect(wrong.totals[0].recordedScore).toBe("89.5");
    },
  );

  it("takes 自评结果 holding a grade for the 等次, not a total", () => {
    const a = run(form({ gradeLabel: "自评结果", grade: "良" }));
    expect(totalsOf(a)).toEqual([["A9:H20", "99.5", "99.5", "优", "良"]]);
    expect(found(a)).toEqual(["grade-mismatch@自评表!G20"]);
  });
});

describe("an 等次 row in the other wordings units label it with", () => {
  it.each(["自评结论", "评价结论", "绩效等级", "评定等级", "综合评价等级", "评价结果", "等级评定", "自评等次"])(
    "reads the grade labelled %s, and a wrong one is an error",
    (gradeLabel) => {
      expect(totalsOf(run(form({ gradeLabel, grade: "优秀" })))).toEqual([["A9:H20", "99.5", "99.5", "优", "优秀"]]);
      expect(found(run(form({ gradeLabel, grade: "良" })))).toEqual(["grade-mismatch@自评表!G20"]);
    },
  );

  it("takes no grade from a 自评结论 that is a paragraph, and leaves the table as it was", () => {
    const paragraph = "项目按计划完成道路提质改造，群众出行条件明显改善，资金使用规范。";
    const withParagraph = run(form({ gradeLabel: "自评结论", grade: paragraph }));
    const withoutGrade = run(form({ gradeLabel: null }));
    expect(totalsOf(withParagraph)).toEqual([["A9:H19", "99.5", "99.5", "优", null]]);
    expect(withParagraph.tables).toEqual(withoutGrade.tables);
    expect(found(withParagraph)).toEqual([]);
  });
});

describe("an 等次 written in its 结论 or 结果 label's own cell (自评结论：优)", () => {
  it.each(["自评结论", "评价结论", "自评结果", "评价结果"])("reads %s：优 as the recorded 等次, and a wrong one is an error", (label) => {
    const right = run(form({ gradeLabel: `${label}：优`, grade: "" }));
    expect(totalsOf(right)).toEqual([["A9:H20", "99.5", "99.5", "优", "优"]]);
    expect(found(right)).toEqual([]);
    expect(found(run(form({ gradeLabel: `${label}：良`, grade: "" })))).toEqual(["grade-mismatch@自评表!A20"]);
  });

  it("reads the grade a sentence follows (自评结论：优。项目全面完成年度目标。), and a wrong one is an error", () => {
    const right = run(form({ gradeLabel: "自评结论：优。项目全面完成年度目标。", grade: "" }));
    expect(totalsOf(right)).toEqual([["A9:H20", "99.5", "99.5", "优", "优。项目全面完成年度目标。"]]);
    expect(found(right)).toEqual([]);
    expect(found(run(form({ gradeLabel: "自评结论：良，项目基本完成年度目标。", grade: "" })))).toEqual(["grade-mismatch@自评表!A20"]);
  });

  it("takes no grade from a paragraph after the label (自评结论：项目按计划完成……)", () => {
    const a = run(form({ gradeLabel: "自评结论：项目按计划完成道路提质改造，群众出行条件明显改善。", grade: "" }));
    expect(totalsOf(a)).toEqual([["A9:H19", "99.5", "99.5", "优", null]]);
    expect(found(a)).toEqual([]);
  });
});

describe("a grade typed alone in the 总分 row (review round 14, B3)", () => {
  it("is the recorded 等次 of a form with no 等次 row: a wrong one is an error there", () => {
    const a = run(form({ gradeLabel: null, besideTotal: "差" }));
    expect(totalsOf(a)).toEqual([["A9:H19", "99.5", "99.5", "优", "差"]]);
    expect(found(a)).toEqual(["grade-mismatch@自评表!H19"]);
  });

  it("agrees when it is the total's grade", () => {
    const a = run(form({ gradeLabel: null, besideTotal: "优秀" }));
    expect(totalsOf(a)).toEqual([["A9:H19", "99.5", "99.5", "优", "优秀"]]);
    expect(found(a)).toEqual([]);
  });

  it("is no grade when the cell holds words of another kind (无, a note)", () => {
    for (const besideTotal of ["无", "各项指标均已完成"]) {
      const a = run(form({ gradeLabel: null, besideTotal }));
      expect(totalsOf(a)).toEqual([["A9:H19", "99.5", "99.5", "优", null]]);
      expect(found(a)).toEqual([]);
    }
  });
});

describe("a recorded 等次 written the way templates print it", () => {
  // Recorded as written, without a label written in the cell with it (等级：优 is 优).
  it.each([
    ["优☑ 良□ 中□ 差□", "优☑ 良□ 中□ 差□"],
    ["■优 □良 □中 □差", "■优 □良 □中 □差"],
    ["优（√）良（ ）中（ ）差（ ）", "优（√）良（ ）中（ ）差（ ）"],
    ["√优 良 中 差", "√优 良 中 差"],
    ["优秀（90-100分）", "优秀（90-100分）"],
    ["优（≥90）", "优（≥90）"],
    ["优（90分以上）", "优（90分以上）"],
    ["优秀（≥90分）", "优秀（≥90分）"],
    ["优等", "优等"],
    ["优级", "优级"],
    ["优秀等次", "优秀等次"],
    ["评定为优", "评定为优"],
    ["等级：优", "优"],
    ["“优”", "“优”"],
    ["优。", "优。"],
    ["优 （自评）", "优 （自评）"],
  ])("takes %s for 优 under a total of 99.5, recorded as %s", (grade, recorded) => {
    const a = run(form({ grade }));
    expect(totalsOf(a)).toEqual([["A9:H20", "99.5", "99.5", "优", recorded]]);
    expect(found(a)).toEqual([]);
  });

  it("flags a box list that ticks another grade, naming it as written", () => {
    const a = run(form({ grade: "优□ 良☑ 中□ 差□" }));
    expect(found(a)).toEqual(["grade-mismatch@自评表!G20"]);
    expect(a.findings[0].message).toBe("总分 99.5 对应的等次是“优”，填的是“优□ 良☑ 中□ 差□”。");
  });

  it("records no grade from a box list with nothing ticked: no finding", () => {
    expect(found(run(form({ grade: "优□ 良□ 中□ 差□" })))).toEqual([]);
  });

  it("says so when a box list ticks two grades, even one of them the right one", () => {
    const a = run(form({ grade: "优☑ 良☑ 中□ 差□" }));
    expect(found(a)).toEqual(["grade-mismatch@自评表!G20"]);
    expect(a.findings[0].message).toBe("等次勾选了不止一项（优、良）：总分 99.5 对应的等次是“优”，请只勾选“优”。");
    expect(run(form({ grade: "优☑ 良☑ 中□ 差□" }), "en").findings[0].message).toBe(
      'More than one grade is ticked (优、良): a total of 99.5 is graded "优"; tick "优" alone.',
    );
  });
});

describe("wordings that stay what they were", () => {
  it("keeps the 实际完成值 column where a 完成情况 column stands beside it, in one table", () => {
    const wb = form();
    const sheet = wb.sheets[0];
    sheet.values[8][8] = "完成情况";
    for (let row = 9; row < 18; row++) sheet.values[row][8] = "已完成";
    const a = run(wb);
    expect(a.tables.map((t) => [t.kind, t.range])).toEqual([
      ["budget", "B4:H6"],
      ["indicators", "A9:H20"],
    ]);
    expect(a.indicators.map((i) => i.actual?.text)).toEqual(INDICATORS.map((row) => row[4]));
    expect(found(a)).toEqual([]);
  });

  it("finds no table in a 年度总体目标 block headed 预期目标 | 完成情况", () => {
    const wb = form();
    wb.sheets[0].values[6][4] = "完成情况";
    expect(run(wb).tables).toEqual(run(form()).tables);
  });

  it("reads an indicator named 评价结果应用 in a 绩效评价指标表 as an indicator, not the 等次 row", () => {
    const a = run(
      workbook({
        name: "评价表",
        rows: [
          ["一级指标", "二级指标", "三级指标", "评分标准", "分值", "得分"],
          ["决策", "项目立项", "立项依据充分性", "依据充分得满分", 20, 20],
          ["过程", "资金管理", "资金到位率", "按到位比例得分", 20, 20],
          ["产出", "产出数量", "实际完成率", "按完成比例得分", 30, 30],
          ["效益", "项目效益", "评价结果应用", "应用于预算安排得满分", 20, 17],
          ["满意度", "服务对象满意度", "群众满意度", "按调查结果得分", 10, 10],
          ["合计", null, null, null, 100, 97],
        ],
        merges: ["A7:D7"],
      }),
    );
    expect(a.indicators.map((i) => i.name)).toEqual(["立项依据充分性", "资金到位率", "实际完成率", "评价结果应用", "群众满意度"]);
    expect(totalsOf(a)).toEqual([["A1:F7", "97", "97", "优", null]]);
    expect(found(a)).toEqual([]);
  });
});
