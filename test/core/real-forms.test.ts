/**
 * Real published forms (issue 9, items 6–10): cost and count targets in the wordings units write,
 * points typed into the value columns, dates against durations, one fact reported once, each table
 * named by its own form, the older flat 绩效评价指标表, merged 分值 groups and plain quantities, and
 * messages an accountant would write. Every grid is laid out as the forms are: a title, a header
 * block with 项目名称 / 单位名称, merged 一级/二级 labels, two-row headers.
 */
import fc from "fast-check";
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid, parseCellAddress } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { meetsDeadline, parseValue } from "../../src/core/values";
import { readXlsx } from "../../src/xlsx/read";
import { SheetSpec, workbook } from "../support/grid";
import { KAIPING } from "../support/xlsx";
import { found, message } from "../support/findings";

type Row = CellValue[];

const run = (wb: WorkbookGrid, lang: "zh" | "en" = "zh"): Analysis => analyze(wb, DEFAULT_PROFILE, { lang });

/**
 * The national 项目支出绩效自评表 at A1: title, 项目名称 block, a budget block (rows 4–6), the goal
 * rows, then the indicator header at row 9 and `indicators` from row 10, merged as given, and the
 * 总分 row under them. The budget is fully spent: 10 points.
 */
function nationalForm(name: string, indicators: Row[], merges: string[] = [], sheetName = "自评表"): SheetSpec {
  const totalRow = 10 + indicators.length;
  return {
    name: sheetName,
    rows: [
      ["项目支出绩效自评表"],
      ["项目名称", name, "", "", "", "", "", ""],
      ["主管部门", "某县教育局", "", "", "实施单位", "某县教师进修学校"],
      ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["", "年度资金总额", 100, 100, 100, 10, 1, 10],
      ["", "其中：财政拨款", 100, 100, 100, "—", 1, "—"],
      ["年度总体目标", "预期目标", "", "", "实际完成情况"],
      ["", "完成年度培训任务", "", "", "已完成"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ...indicators,
      ["总分", "", "", "", "", 100, null, ""],
    ],
    merges: ["A1:H1", "B2:H2", "A4:A6", `A${totalRow}:E${totalRow}`, ...merges],
    numFmts: { G5: "0%", G6: "0%" },
  };
}

/** Rows 10–12 of a clean 效益 and 满意度 block, for tables whose 产出 rows add up to 50. */
const EFFECT_AND_SATISFACTION: Row[] = [
  ["效益指标", "社会效益指标", "教师教学能力", "明显提升", "明显提升", 30, 30, ""],
  ["满意度指标", "服务对象满意度指标", "参训教师满意度", "≥90%", "96%", 10, 10, ""],
];

describe("a 合计 of the indicators closing the form, with no 总分 row (the budget block on the same sheet)", () => {
  // 年度资金总额 scores 9 of 10; the indicators 87 of 90, summed by the 合计 on the form's last row.
  const wb = workbook({
    name: "自评",
    rows: [
      ["项目支出绩效自评表"],
      ["项目名称", "合计行测试"],
      ["实施单位", "某县文旅局"],
      ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["", "年度资金总额", 50, 50, 45, 10, 0.9, 9],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "举办活动", "≥20场", "22场", 20, 20, ""],
      ["", "质量指标", "活动达标率", "≥95%", "96%", 20, 20, ""],
      ["", "时效指标", "按期完成率", "100%", "100%", 10, 10, ""],
      ["效益指标", "社会效益指标", "参与人次", "≥5000人次", "4500人次", 30, 27, "疫情影响"],
      ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "92%", 10, 10, ""],
      ["合计", "", "", "", "", 90, 87, ""],
    ],
    merges: ["A1:H1", "A4:A5", "A7:A9", "A12:E12"],
    numFmts: { G5: "0%" },
  });

  it("takes the 合计 87 of 90 for the indicators' sum, not a wrong 总分, and gives the 总分 96 as computed", () => {
    const a = run(wb);
    expect(a.tables.map((t) => [t.kind, t.range])).toEqual([
      ["budget", "B4:H5"],
      ["indicators", "A6:H12"],
    ]);
    expect(a.totals.map((t) => [t.weights, t.score, t.recordedScore, t.grade])).toEqual([["100", "96", null, "优"]]);
    expect(found(a)).toEqual([]);
  });
});

describe("cost-not-ceiling in the wordings units write", () => {
  // Sichuan-style 成本指标 split into 经济/社会/生态环境成本指标, merged down.
  const wb = workbook(
    nationalForm(
      "教师培训项目",
      [
        ["产出指标", "数量指标", "培训人次", "≥200人次", "210人次", 20, 20, ""],
        ["", "经济成本指标", "成本控制率", 100, 98, 10, 10, ""],
        ["", "", "项目总成本", "≤100万元", "100万元", 5, 5, ""],
        ["", "社会成本指标", "对周边群众出行的影响", "影响较小", "影响较小", 5, 5, ""],
        ["", "生态环境成本指标", "施工对环境的影响", "不造成环境污染", "未造成环境污染", 5, 5, ""],
        ["", "经济成本指标", "人均培训成本", "≥500元", "480元", 5, 5, ""],
        ["", "", "生均公用经费", "≥720元/生", "720元/生", 5, 5, ""],
        ["", "", "运维成本", "控制在预算内", "控制在预算内", 5, 5, ""],
        ...EFFECT_AND_SATISFACTION,
      ],
      ["A10:A17", "B11:B12", "B15:B17"],
    ),
  );
  const a = run(wb);

  it("flags a rate without its % sign, wording without an amount and a lower bound, but not ≤ an amount", () => {
    expect(found(a).filter((f) => f.startsWith("cost-not-ceiling"))).toEqual([
      "cost-not-ceiling@自评表!D11",
      "cost-not-ceiling@自评表!D15",
      "cost-not-ceiling@自评表!D17",
    ]);
    expect(a.findings.find((f) => f.rule === "cost-not-ceiling")!.severity).toBe("warning");
  });

  it("says what is wrong with each target", () => {
    expect(message(a, "cost-not-ceiling", "D11")).toBe(
      "“成本控制率”是成本指标，指标值“100”是比率而不是金额，无法据以控制支出：请写成金额上限，例如“≤XX万元”。",
    );
    expect(message(a, "cost-not-ceiling", "D17")).toContain("指标值“控制在预算内”没有写明金额");
    expect(message(a, "cost-not-ceiling", "D15")).toContain("指标值“≥500元”是下限，无法据以控制支出：请写成金额上限，例如“≤500元”。");
    const en = run(wb, "en");
    expect(message(en, "cost-not-ceiling", "D17")).toBe(
      '"运维成本" is a cost indicator and its target "控制在预算内" states no amount: write a ceiling amount such as "≤XX万元".',
    );
  });

  it("leaves alone the harm a 社会/生态环境成本指标 states in words, and a funding standard's floor per head (生均公用经费 ≥720元/生)", () => {
    // 财预〔2021〕101号: social and ecological costs are a project's harm, not money; a standard per pupil is the least to spend.
    expect(found(a).filter((f) => /@自评表!D1[346]$/.test(f))).toEqual([]);
  });

  it("leaves alone the floor of any funding standard per head 民政 and 教育 forms state (review round 15, A3), not a cost's", () => {
    const standards = run(
      workbook(
        nationalForm(
          "城乡低保",
          [
            ["产出指标", "数量指标", "保障人数", "≥2000人", "2100人", 20, 20, ""],
            ["", "成本指标", "人均救助标准", "≥500元/人·月", "520元/人·月", 5, 5, ""],
            ["", "", "城市低保保障标准", "≥700元/人/月", "720元/人/月", 5, 5, ""],
            ["", "", "生均取暖费标准", "≥300元/生", "300元/生", 5, 5, ""],
            ["", "", "人均奖励金额", "≥2000元/人", "2000元/人", 5, 5, ""],
            ["", "", "优抚对象抚恤标准", "≥1500元/人·月", "1500元/人·月", 5, 5, ""],
            ["", "", "人均服务成本标准", "≥300元/人", "280元/人", 5, 5, ""],
            ["", "", "会议费标准", "≥400元/人", "400元/人", 5, 5, ""],
            ["", "", "差旅费住宿标准", "≥450元/人", "450元/人", 5, 5, ""],
            ...EFFECT_AND_SATISFACTION,
          ],
          ["A10:A18", "B11:B18"],
        ),
      ),
    );
    // A standard that caps spending is a ceiling: 会议费标准 and 差旅费住宿标准 stated as floors are flagged (review round 16).
    expect(found(standards).filter((f) => f.startsWith("cost-not-ceiling"))).toEqual([
      "cost-not-ceiling@自评表!D16",
      "cost-not-ceiling@自评表!D17",
      "cost-not-ceiling@自评表!D18",
    ]);
  });

  it("flags the same wordings in a flat 指标名称 list, under a 成本指标 heading or by a name that says 成本", () => {
    const flat = run(
      workbook({
        name: "目标表",
        rows: [
          ["2024年度项目绩效目标表"],
          ["单位名称：某镇人民政府"],
          ["指标名称", "指标值"],
          ["产出指标（50分）", ""],
          ["道路维修里程", "≥32.1公里"],
          ["人均维修成本", "符合相关规定"],
          ["成本指标", ""],
          ["成本控制率", "100%"],
          ["维修总成本", "≤300万元"],
        ],
      }),
    );
    expect(found(flat)).toEqual(["cost-not-ceiling@目标表!B6", "cost-not-ceiling@目标表!B8"]);
  });
});

describe("count-ceiling", () => {
  const a = run(
    workbook(
      nationalForm(
        "农村公路养护项目",
        [
          ["产出指标", "数量指标", "新建候车亭", "≤4个", "4个", 10, 10, ""],
          ["", "", "养护检查", "＜5次", "3次", 10, 10, ""],
          ["", "", "安全事故次数", "≤1次", "0次", 10, 10, ""],
          ["", "", "养护完成率", "≤100%", "100%", 10, 10, ""],
          ["", "质量指标", "返工次数", "≤2次", "1次", 10, 10, ""],
          ...EFFECT_AND_SATISFACTION,
        ],
        ["A10:A14", "B10:B13"],
      ),
    ),
  );

  it("warns at a 数量指标 target with ≤ or a full-width ＜, not at a harm counted down nor outside 数量指标", () => {
    expect(found(a)).toEqual(["count-ceiling@自评表!D10", "count-ceiling@自评表!D11"]);
    expect(a.findings[0].severity).toBe("warning");
  });

  it("suggests the same number as a floor", () => {
    expect(message(a, "count-ceiling", "D10")).toBe(
      "“新建候车亭”是数量指标，指标值“≤4个”设的是上限，少完成也能得满分：请改为下限，例如“≥4个”。",
    );
    expect(message(a, "count-ceiling", "D11")).toContain("例如“≥5次”");
  });
});

describe("values-look-like-points", () => {
  /** A 绩效目标表 (no 分值 column) whose 指标值 column holds `values`. */
  const targetTable = (values: CellValue[]): WorkbookGrid =>
    workbook({
      name: "目标表",
      rows: [
        ["项目绩效目标表"],
        ["项目名称", "社区养老服务补助"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ...[
          ["产出指标", "数量指标", "服务人次"],
          ["", "质量指标", "服务合格率"],
          ["", "时效指标", "补助发放及时率"],
          ["效益指标", "社会效益指标", "老年人生活质量"],
          ["", "可持续影响指标", "服务长效机制"],
          ["满意度指标", "服务对象满意度指标", "老年人满意度"],
        ].map((row, i) => [...row, values[i]]),
      ],
      merges: ["A4:A6", "A7:A8"],
    });

  it("warns once, at the first target, when a target table's 指标值 column holds points adding up to 100", () => {
    const a = run(targetTable([20, 20, 10, 20, 20, 10]));
    expect(found(a)).toEqual(["values-look-like-points@目标表!D4"]);
    expect(a.findings[0].severity).toBe("warning");
    expect(a.findings[0].message).toBe("指标值一栏填的是各行的分值（20、20、10、20……，合计 100），不是指标值：请逐项填写指标值。");
    expect(run(targetTable([20, 20, 10, 20, 20, 10]), "en").findings[0].message).toBe(
      "The target column holds the rows' points (20, 20, 10, 20, …; 100 in all), not values: write each indicator's target.",
    );
  });

  it("is silent for bare numbers that do not add up to the points, and for values with units", () => {
    expect(found(run(targetTable([200, 20, 10, 20, 20, 90])))).toEqual([]);
    expect(found(run(targetTable(["20人次", "≥95%", "=100%", "明显提升", "长期", "≥90%"])))).toEqual([]);
  });

  it("warns when each row's 年度指标值 and 实际完成值 repeat its 分值, once per column", () => {
    const a = run(
      workbook(
        nationalForm("教师培训项目", [
          ["产出指标", "数量指标", "培训人次", 20, 20, 20, 20, ""],
          ["", "质量指标", "培训合格率", 20, 20, 20, 20, ""],
          ["", "时效指标", "培训及时率", 10, 10, 10, 10, ""],
          ["效益指标", "社会效益指标", "教师教学能力", 30, 30, 30, 30, ""],
          ["满意度指标", "服务对象满意度指标", "参训教师满意度", 10, 10, 10, 10, ""],
        ], ["A10:A12"]),
      ),
    );
    expect(found(a)).toEqual(["values-look-like-points@自评表!D10", "values-look-like-points@自评表!E10"]);
    expect(run(workbook(nationalForm("x", [["产出指标", "数量指标", "培训人次", 20, 20, 20, 20, ""]]))).findings.map((f) => f.rule)).not.toContain(
      "values-look-like-points",
    );
  });

  it("warns at a 满意度 target of 20, not at ≥90, 0.9 or a count that equals its weight", () => {
    const a = run(
      workbook(
        nationalForm("教师培训项目", [
          ["产出指标", "数量指标", "培训场次", 10, "10", 10, 10, ""],
          ["", "质量指标", "培训合格率", "≥95%", "96%", 30, 30, ""],
          ["效益指标", "社会效益指标", "教师教学能力", "明显提升", "明显提升", 20, 20, ""],
          ["满意度指标", "服务对象满意度指标", "参训教师满意度", 20, "95%", 10, 10, ""],
          ["", "", "学校满意度", "≥90", "95", 10, 10, ""],
          ["", "", "家长满意度", 0.9, "95%", 10, 10, ""],
        ], ["A10:A11", "A13:A15", "B13:B15"]),
      ),
    );
    expect(found(a)).toEqual(["values-look-like-points@自评表!D13"]);
    expect(message(a, "values-look-like-points", "D13")).toBe(
      "“参训教师满意度”的指标值“20”像是分值，不是满意度：满意度目标请写成百分比，例如“≥90%”。",
    );
  });
});

describe("time values: 7月, 12月底, 6月30日前 are dates; 12个月, 90天 durations", () => {
  /** 时效指标 rows with their targets, actuals and scores (weight 10 each), then 产出 padding. */
  const timed = (rows: [string, CellValue, CellValue, number | null][]): Analysis =>
    run(
      workbook(
        nationalForm(
          "校舍维修项目",
          [
            ...rows.map(([name, target, actual, score], i): Row => [i === 0 ? "产出指标" : "", i === 0 ? "时效指标" : "", name, target, actual, 10, score, "已说明"]),
            ["", "数量指标", "维修校舍", "≥3所", "3所", 50 - 10 * rows.length, 50 - 10 * rows.length, ""],
            ...EFFECT_AND_SATISFACTION,
          ],
          [`A10:A${10 + rows.length}`, `B10:B${9 + rows.length}`],
        ),
      ),
    );

  it("reads a month alone as a date, never as a number of months", () => {
    const a = timed([["完工时间", "7月", "7月", 10]]);
    expect(a.indicators[0].target).toEqual({ text: "7月", op: null, value: null, unit: null });
    expect(found(a)).toEqual([]);
  });

  it("compares a date with its deadline: on time is 达成, late is 未达成, and the recorded score must fit", () => {
    const a = timed([
      ["开工时间", "6月30日前", "6月", 10],
      ["完工时间", "12月底前", "11月15日", 10],
      ["验收时间", "12月底", "2024年1月", 10],
      ["资金拨付时间", "9月", "10月", 10],
      ["整改完成时间", "2023年6月30日前", "2023-08-15", 4],
    ]);
    // 6月 (any day of June) meets 6月30日前; 11月15日 meets 12月底; 10月 misses 9月; 2023-08-15
    // misses 2023年6月30日前, which makes 2023 the form's year: 2024年1月 misses 12月底 (of 2023).
    expect(found(a)).toEqual(["total-incomplete@自评表!G9", "qualitative-score-band@自评表!G12", "qualitative-score-band@自评表!G13"]);
    expect(message(a, "qualitative-score-band", "G13")).toBe("“资金拨付时间”的完成情况为“未达成”，得分应在 0 到 6 分之间，填的是 10。");
    const onTimeLow = timed([["开工时间", "6月30日前", "6月", 7]]);
    expect(found(onTimeLow)).toEqual(["total-incomplete@自评表!G9", "qualitative-score-band@自评表!G10"]);
  });

  /** One 时效指标 row recorded at full marks on a form whose title is `title`: the band it is flagged in, or null. */
  const lateBand = (title: string, target: string, actual: string): string | null => {
    const spec = nationalForm("校舍维修项目", [
      ["产出指标", "时效指标", "完工时间", target, actual, 10, 10, "已说明"],
      ["", "数量指标", "维修校舍", "≥3所", "3所", 40, 40, ""],
      ...EFFECT_AND_SATISFACTION,
    ]);
    const a = run(workbook({ ...spec, rows: [[title], ...spec.rows.slice(1)] }));
    const f = a.findings.find((x) => x.rule === "qualitative-score-band");
    return f ? /完成情况为“(.+?)”/.exec(f.message)![1] : null;
  };

  it.each([
    ["2023年底前", "2024年3月", "2023年12月25日"],
    ["年内完成", "2024年2月完成", "2023年11月完成"],
    ["年内", "2024年2月", "2023年10月已全部拨付"],
    ["12月31日之前", "2024年3月", "2023年12月"],
    ["第四季度", "2024年1月", "2023年11月"],
    ["2023年第三季度末", "2023年10月", "2023年9月"],
    ["上半年完成", "2023年7月", "2023年6月"],
    ["12月底前", "次年1月", "12月20日"],
  ])("reads %s as a deadline of the form's year (2023年度): %s is late (未达成), %s on time", (target, late, onTime) => {
    expect(lateBand("2023年度项目支出绩效自评表", target, late)).toBe("未达成");
    expect(lateBand("2023年度项目支出绩效自评表", target, onTime)).toBeNull();
  });

  it("takes the year from a title line of its own, and leaves a deadline without any year open against a dated actual", () => {
    expect(lateBand("（2023年度）", "年内完成", "2024年2月")).toBe("未达成");
    expect(lateBand("（2024年度）", "年内完成", "2024年2月")).toBeNull();
    expect(lateBand("项目支出绩效自评表", "年内完成", "2024年2月")).toBeNull();
  });

  it("reads 3年内 as a duration, not as the end of a year", () => {
    expect(parseValue("3年内")).toMatchObject({ kind: "number", date: null });
    expect(parseValue("三年内完成").date).toBeNull();
  });

  it("compares durations with durations: ≤12个月 against 10个月, ≤90天 against 80天", () => {
    const a = timed([
      ["建设周期", "≤12个月", "10个月", 10],
      ["办理时限", "≤90天", "80天", 10],
    ]);
    expect(found(a)).toEqual([]);
    expect(a.indicators.slice(0, 2).map((i) => i.score)).toEqual(["10", "10"]);
  });

  it("compares days with months when no run of months' length changes the score (review rounds 14 and 17)", () => {
    const a = timed([
      ["工期", "≤180天", "5个月", 10], // five months in a row are at most 153 days
      ["建设周期", "≤6个月", "180天", 10], // six months in a row are at least 181 days (review round 17)
      ["培训时长", "≥3个月", "100天", 10], // three months in a row are at most 92 days
      ["运维期限", "≥1年", "366天", 10],
    ]);
    expect(found(a)).toEqual([]);
    expect(a.indicators.slice(0, 4).map((i) => i.score)).toEqual(["10", "10", "10", "10"]);
  });

  it("reads weeks as seven days, against days and against months (52周 against ≤1年)", () => {
    const a = timed([
      ["培训时长", "≥4周", "30天", 10],
      ["项目实施周期", "≤12个月", "50周", 10], // 350 days; twelve months in a row are at least 365
      ["建设周期", "≤1年", "52周", 10],
      ["办结时限", "1周内", "5天", 10],
    ]);
    expect(found(a)).toEqual([]);
    expect(a.indicators.slice(0, 4).map((i) => i.score)).toEqual(["10", "10", "10", "10"]);
    const late = timed([
      ["办结时限", "≤2周", "20天", 10],
      ["运维期限", "≥1年", "52周", 10], // 364 days, short of any year
    ]);
    expect(found(late)).toEqual(["score-mismatch@自评表!G10", "unit-mismatch@自评表!E11"]);
    expect(late.indicators[0].score).toBe("7"); // 10 × 14 ÷ 20
  });

  it("reads an age and an anniversary as no weeks (60周岁, 100周年)", () => {
    expect(parseValue("60周岁以上").unit?.symbol).toBe("岁");
    expect(parseValue("100周年").unit?.symbol).toBe("周年");
  });

  it("leaves days against months a unit-mismatch when the month's length decides, and scores nothing there", () => {
    const a = timed([
      ["工期", "≤182天", "6个月", 10], // six months in a row are 181 to 184 days
      ["培训时长", "≥3个月", "90天", 10], // 89 to 92 days asked
      ["运维期限", "≥1年", "365天", 10], // a leap year has 366
    ]);
    expect(found(a)).toEqual(["unit-mismatch@自评表!E10", "unit-mismatch@自评表!E11", "unit-mismatch@自评表!E12"]);
    expect(message(a, "unit-mismatch", "E10")).toBe("实际完成值“6个月”与指标值“≤182天”：一个月按 28 至 31 天计，是否达到指标取决于月份的天数，请统一单位。");
    expect(a.indicators[0].score).toBe("10"); // the recorded score stands: nothing was computed
  });

  it("compares days with working days when the holidays between cannot change the score (review round 15, A7)", () => {
    const met = timed([
      ["办结时限", "≤15个工作日", "12天", 10], // 12 days hold at most 12 working days
      ["审批时限", "≤15个工作日", "15天", 10],
      ["培训时长", "≥10天", "10个工作日", 10], // 10 working days last 10 days or more
    ]);
    expect(found(met)).toEqual([]);
    const open = timed([
      ["办结时限", "≤15天", "12个工作日", 10], // 12 working days may last more than 15 days
      ["审批时限", "≤15个工作日", "16天", 10],
    ]);
    expect(found(open)).toEqual(["unit-mismatch@自评表!E10", "unit-mismatch@自评表!E11"]);
    expect(message(open, "unit-mismatch", "E10")).toBe("实际完成值“12个工作日”与指标值“≤15天”：工作日之间还有节假日，是否达到指标取决于其间的节假日，请统一单位。");
  });

  it("says a duration on the other scale is missed at any length when it is (review round 16, A7)", () => {
    const missed = timed([
      ["工期", "≤6个月", "200天", 10], // six months in a row are at most 184 days
      ["办结时限", "≤10天", "12个工作日", 10], // 12 working days are at least 12 days
    ]);
    expect(found(missed)).toEqual(["unit-mismatch@自评表!E10", "unit-mismatch@自评表!E11"]);
    expect(message(missed, "unit-mismatch", "E10")).toBe("实际完成值“200天”与指标值“≤6个月”：一个月按 28 至 31 天计都未达到指标，少得的分取决于月份的天数，请统一单位。");
    expect(message(missed, "unit-mismatch", "E11")).toBe("实际完成值“12个工作日”与指标值“≤10天”：工作日之间无论有多少节假日都未达到指标，少得的分取决于其间的节假日，请统一单位。");
  });

  it("reads a time limit counted from an event (收到资金后30日内) as that limit, and scores a late actual (review round 15, B3)", () => {
    const a = timed([
      ["资金拨付时间", "收到资金后30日内", "45日", 10],
      ["审批办结时限", "收到申请后3个工作日内", "2个工作日", 10],
      ["应急响应时间", "接到报案后2小时内", "1.5小时", 10],
    ]);
    expect(found(a)).toEqual(["score-mismatch@自评表!G10"]);
    expect(a.indicators.slice(0, 3).map((i) => i.score)).toEqual(["6.67", "10", "10"]);
  });

  it("reads an actual written as a limit after an event against a limit of days (资金到位后20日内完成拨付 against 30日内)", () => {
    const a = timed([
      ["资金拨付时间", "30日内", "资金到位后20日内完成拨付", 10],
      ["办结时限", "≤5个工作日", "受理后7个工作日内办结", 10],
    ]);
    expect(found(a)).toEqual(["score-mismatch@自评表!G11"]);
    expect(a.indicators.slice(0, 2).map((i) => i.score)).toEqual(["10", "7.14"]);
  });

  it("leaves a limit after an event words against words or a date, and a period after an event that sets no limit (review round 16)", () => {
    // The event's date is on no form: 已按时拨付 answers it as the form allows.
    const answered = timed([
      ["资金拨付时间", "收到资金后30日内拨付", "已按时拨付", 10],
      ["复查时间", "整改后3日内复查", "已按时复查", 10],
      ["拨付时间", "资金下达后15个工作日内拨付", "2023年6月10日拨付到位", 10],
    ]);
    expect(found(answered)).toEqual([]);
    // A rate or a warranty after an event is no time limit: 毕业后6个月内就业率≥90% asks for 90%.
    const notLimits = run(
      workbook(
        nationalForm("职业技能培训", [
          ["产出指标", "数量指标", "培训人数", "≥200人", "210人", 50, 50, ""],
          ["效益指标", "社会效益指标", "学员就业", "毕业后6个月内就业率≥90%", "92%", 20, 20, ""],
          ["", "可持续影响指标", "设备保修", "项目完工后2年内保修", "按合同履行保修责任", 10, 10, ""],
          ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", 10, 10, ""],
        ]),
      ),
    );
    expect(found(notLimits)).toEqual([]);
    // 后 before a number is no such limit as a value of its own: a rank, a span without 内.
    expect(["收到资金后30日内", "排名后3名", "验收后3年"].map((t) => parseValue(t).kind)).toEqual(["qualitative", "qualitative", "qualitative"]);
  });

  it("gives no count-ceiling to a time limit listed under 数量指标 (问题整改时限 ≤15个工作日)", () => {
    const a = run(
      workbook(
        nationalForm("问题整改", [
          ["产出指标", "数量指标", "问题整改时限", "发现问题后15个工作日内", "12个工作日", 30, 30, ""],
          ["", "数量指标", "整改问题数", "≥20个", "22个", 20, 20, ""],
          ...EFFECT_AND_SATISFACTION,
        ]),
      ),
    );
    expect(found(a)).toEqual([]);
  });

  it("reads done the same day (当日办结, 即办) as one day against a limit of days (review round 15, D)", () => {
    const a = timed([
      ["办结时限", "≤3个工作日", "当日办结", 10],
      ["受理时限", "≤5天", "即办", 10],
      ["答复时限", "1个工作日内", "当天答复", 10],
    ]);
    expect(found(a)).toEqual([]);
    // Against hours a day may be too long: the words give no figure.
    expect(found(timed([["响应时间", "≤2小时", "当日办结", 10]]))).toEqual(["not-numeric@自评表!E10"]);
  });

  it("never turns a date into a duration: 7月 against ≤12个月 is a unit-mismatch, and 10个月 against 12月底 too", () => {
    const a = timed([
      ["建设周期", "≤12个月", "7月", 10],
      ["完工时间", "12月底前", "10个月", 10],
    ]);
    expect(found(a)).toEqual(["unit-mismatch@自评表!E10", "unit-mismatch@自评表!E11"]);
    expect(message(a, "unit-mismatch", "E10")).toBe(
      "“7月”是日期（完成时点），“≤12个月”是时长，二者不能比较：指标值和实际完成值请都写完成时限（如“12月底前”），或都写所用时长（如“≤90天”）。",
    );
    expect(a.indicators[0].score).toBe("10"); // the recorded score stands: nothing was computed
  });

  it("reads any month of the year, with or without a comparator or a part of the month, as a date; N个月 as N months", () => {
    const month = fc.integer({ min: 1, max: 12 });
    const written = fc.tuple(fc.constantFrom("", "≤", "不超过"), month, fc.constantFrom("", "底", "份", "中旬", "前", "底前"));
    fc.assert(
      fc.property(written, ([before, m, after]) => {
        const p = parseValue(`${before}${m}月${after}`);
        expect([p.kind, p.value, p.date?.month]).toEqual(["qualitative", null, m]);
        const duration = parseValue(`${before}${m}个月`);
        expect([duration.kind, duration.value?.toNumber(), duration.unit?.symbol, duration.date]).toEqual(["number", m, "个月", null]);
      }),
    );
  });

  it("orders dates: any day of a month meets a deadline at its end, and none of the next month does", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 28 }), (m, d) => {
        const date = (text: string) => parseValue(text).date!;
        expect(meetsDeadline(date(`${m}月${d}日`), date(`${m}月底前`))).toBe(true);
        expect(meetsDeadline(date(`${m}月`), date(`${m}月底前`))).toBe(true);
        expect(meetsDeadline(date(`${m + 1}月${d}日`), date(`${m}月底前`))).toBe(false);
        expect(meetsDeadline(date(`2024年${m}月`), date(`${m}月底前`))).toBeNull(); // one year only
      }),
    );
  });

  it("reads a cell formatted as a date as that date", () => {
    const dated = (serial: number, score: number): Analysis => {
      const spec = nationalForm("校舍维修项目", [
        ["产出指标", "时效指标", "完工时间", "2023年12月底前", serial, 10, score, "已说明"],
        ["", "数量指标", "维修校舍", "≥3所", "3所", 40, 40, ""],
        ...EFFECT_AND_SATISFACTION,
      ]);
      return run(workbook({ ...spec, numFmts: { ...spec.numFmts, E10: "yyyy-mm-dd" } }));
    };
    // 45260 is 2023-11-30 and 45300 is 2024-01-09 in Excel's 1900 date system.
    expect(dated(45260, 10).indicators[0].actual?.text).toBe("2023-11-30");
    expect(found(dated(45260, 10))).toEqual([]);
    expect(found(dated(45300, 9))).toEqual(["total-incomplete@自评表!G9", "qualitative-score-band@自评表!G10"]);
  });

  it("reads a date cell that lost its format (a bare 45311 against a deadline) as that date (review round 15, B4)", () => {
    const pasted = (serial: number, score: number): Analysis =>
      run(
        workbook(
          nationalForm("校舍维修项目", [
            ["产出指标", "时效指标", "完工时间", "2023年12月31日前", serial, 10, score, "已说明"],
            ["", "数量指标", "维修校舍", "≥3所", "3所", 40, 40, ""],
            ...EFFECT_AND_SATISFACTION,
          ]),
        ),
      );
    // 45311 is 2024-01-20, late; 45260 is 2023-11-30, on time.
    expect(found(pasted(45311, 10))).toEqual(["total-incomplete@自评表!G9", "qualitative-score-band@自评表!G10"]);
    expect(found(pasted(45260, 10))).toEqual([]);
    // Against a number it stays a number: 45311元 is an amount.
    expect(parseValue("45311").kind).toBe("number");
  });
});

describe("every table is labelled by its own form's 项目名称 / 单位名称", () => {
  /** Two national forms stacked on one sheet, a blank row between them. */
  const first = nationalForm("教师培训项目", [
    ["产出指标", "数量指标", "培训人次", "≥200人次", "210人次", 50, 50, ""],
    ...EFFECT_AND_SATISFACTION,
  ]);
  const second = nationalForm("校舍维修项目", [
    ["产出指标", "数量指标", "维修校舍", "≥4所", "3所", 50, 37.5, "资金到位晚"],
    ...EFFECT_AND_SATISFACTION,
  ]);
  const offset = first.rows.length + 1; // the second form starts at row offset + 1
  const shifted = (merges: string[]) =>
    merges.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + offset)));
  const a = run(
    workbook({
      name: "自评表",
      rows: [...first.rows, [], ...second.rows],
      merges: [...(first.merges ?? []), ...shifted(second.merges ?? [])],
    }),
  );

  it("names the budget block and the indicator table of each form by that form's 项目名称", () => {
    expect(a.tables.map((t) => [t.kind, t.range, t.label])).toEqual([
      ["budget", "B4:H6", "教师培训项目"],
      ["indicators", "A9:H13", "教师培训项目"],
      ["budget", "B18:H20", "校舍维修项目"],
      ["indicators", "A23:H27", "校舍维修项目"],
    ]);
    expect(a.totals.map((t) => [t.label, t.score])).toEqual([
      ["教师培训项目", "100"],
      ["校舍维修项目", "87.5"],
    ]);
  });

  it("tells apart the five target tables stacked on one sheet of the kaiping fixture", async () => {
    const kaiping = analyze((await readXlsx(KAIPING)).grid, DEFAULT_PROFILE);
    const onFirstSheet = kaiping.tables.filter((t) => t.sheet === "目标表（一）");
    expect(onFirstSheet.map((t) => t.label)).toEqual([
      "本级安达加油站相关支出",
      "本级公建热力费",
      "本级公务用车购置",
      "本级全区重大活动经费",
      "本级政府办公楼运行维护费",
    ]);
  });

  it("takes a 单位名称 written with its value in one cell, and falls back to sheet and range without a header block", () => {
    const dept = run(
      workbook(
        {
          name: "部门整体",
          rows: [
            ["2023年度部门整体支出绩效自评表"],
            ["部门（单位）名称：某区教育局", "", "", "", "", "单位：万元"],
            ["资金类别", "调整后预算数", "实际支出", "预算执行率", "分值", "得分"],
            ["合计", 500, 450, "90%", 10, 9],
          ],
          merges: ["A1:F1", "A2:E2"],
        },
        { name: "附表", rows: [["项目", "全年预算数", "全年执行数"], ["培训费", 10, 9]] },
      ),
    );
    expect(dept.tables.map((t) => t.label)).toEqual(["某区教育局", "附表!A1:C2"]);
  });

  it("reads a 项目名称 | 实施单位 line right above the 项目资金 header as the header block, not as a header row", () => {
    const nameLine = run(
      workbook({
        name: "绩效自评",
        rows: [
          ["项目支出绩效自评表（2023年度）"],
          ["项目名称", "公共文化服务体系建设", "", "", "实施单位", "某县文化馆"],
          ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          ["", "年度资金总额", 60, 60, 57.6, 10, 0.96, 9.6],
          ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
          ["产出指标", "数量指标", "送戏下乡场次", "≥40场", "42场", 50, 50, ""],
          ["效益指标", "社会效益指标", "群众文化参与人次", "≥5万人次", "5.3万人次", 30, 30, ""],
          ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, 10, ""],
          ["总分", "", "", "", "", 100, 99.6, ""],
        ],
        merges: ["A1:H1", "A3:A4", "A9:E9"],
        numFmts: { G4: "0.00%" },
      }),
    );
    expect(nameLine.tables).toEqual([
      { sheet: "绩效自评", kind: "budget", range: "B3:H4", label: "公共文化服务体系建设", project: "公共文化服务体系建设", unit: "某县文化馆" },
      { sheet: "绩效自评", kind: "indicators", range: "A5:H9", label: "公共文化服务体系建设", project: "公共文化服务体系建设", unit: "某县文化馆", year: 2023 },
    ]);
    expect(found(nameLine)).toEqual([]);
  });

  it("does not lend a form's name to the next form, whose title comes first", () => {
    const untitled = run(
      workbook({
        name: "自评表",
        rows: [
          ...first.rows,
          [],
          ["项目支出绩效自评表"],
          ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
          ["产出指标", "数量指标", "维修校舍", "≥3所", "3所", 90, 90],
        ],
        merges: first.merges,
      }),
    );
    expect(untitled.tables.map((t) => t.label)).toEqual(["教师培训项目", "教师培训项目", "自评表!A16:G17"]);
  });
});

describe("one fact, one finding: a total line and its only 其中 line", () => {
  /** The budget block of a 项目支出绩效自评表 with the given 年度资金总额 and 其中 lines (rows 2 on). */
  const budget = (lines: Row[], formulas: Record<string, string> = {}): Analysis => {
    const wb = workbook({
      name: "预算",
      rows: [["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], ...lines],
      numFmts: { G2: "0.00%", G3: "0.00%", G4: "0.00%", G5: "0.00%" },
    });
    const grid = wb.sheets[0];
    grid.formulas = [];
    for (const [address, text] of Object.entries(formulas)) {
      const { row, col } = parseCellAddress(address)!;
      (grid.formulas[row] ??= [])[col] = text;
    }
    return run(wb);
  };

  it("reports an overspend typed on both lines once, on the total", () => {
    const a = budget([
      ["", "年度资金总额", 100, 100, 130, 10, 1.3, 10],
      ["", "其中：财政拨款", 100, 100, 130, "—", 1.3, "—"],
      ["", "上年结转资金", 0, 0, 0, "—", null, "—"],
      ["", "其他资金", 0, 0, 0, "—", null, "—"],
    ]);
    expect(found(a)).toEqual(["overspent@预算!E2"]);
  });

  it("reports it on the 其中 line when the total is a formula over it", () => {
    const a = budget(
      [
        ["", "年度资金总额", 100, 100, 130, 10, 1.3, 10],
        ["", "其中：财政拨款", 100, 100, 130, "—", 1.3, "—"],
      ],
      { C2: "C3", D2: "D3", E2: "E3" },
    );
    expect(found(a)).toEqual(["overspent@预算!E3"]);
  });

  it("reports the same wrong 执行率 once, but two different wrong ones twice", () => {
    const same = budget([
      ["", "年度资金总额", 100, 100, 90, 10, 0.95, 9],
      ["", "其中：财政拨款", 100, 100, 90, "—", 0.95, "—"],
    ]);
    expect(found(same)).toEqual(["rate-mismatch@预算!G2"]);
    const different = budget([
      ["", "年度资金总额", 100, 100, 90, 10, 0.95, 9],
      ["", "其中：财政拨款", 100, 100, 90, "—", 0.8, "—"],
    ]);
    expect(found(different)).toEqual(["rate-mismatch@预算!G2", "rate-mismatch@预算!G3"]);
  });

  // Review round 53a, L1: the total's overspend was raised again on each line it is made of.
  it("reports an overspend that is its 其中 lines' added up once, on the total", () => {
    const a = budget([
      ["", "年度资金总额", 100, 100, 130, 10, 1.3, 10],
      ["", "其中：财政拨款", 80, 80, 100, "—", 1.25, "—"],
      ["", "其他资金", 20, 20, 30, "—", 1.5, "—"],
    ]);
    expect(found(a)).toEqual(["overspent@预算!E2"]);
    // A line on budget beside them changes nothing; a total left blank is their sum.
    const onBudget = budget([
      ["", "年度资金总额", 100, 100, 130, 10, 1.3, 10],
      ["", "其中：财政拨款", 70, 70, 90, "—", 1.2857, "—"],
      ["", "上年结转资金", 20, 20, 30, "—", 1.5, "—"],
      ["", "其他资金", 10, 10, 10, "—", 1, "—"],
    ]);
    expect(found(onBudget)).toEqual(["overspent@预算!E2"]);
  });

  it("keeps the lines' overspends where the total's 全年执行数 is left blank or a formula over them (code review of round 53, L1)", () => {
    const lines: CellValue[][] = [
      ["", "其中：财政拨款", 80, 80, 100, "—", 1.25, "—"],
      ["", "其他资金", 20, 20, 30, "—", 1.5, "—"],
    ];
    const blank = budget([["", "年度资金总额", 100, 100, null, 10, 1.3, 10], ...lines]);
    expect(found(blank).filter((f) => f.startsWith("overspent"))).toEqual(["overspent@预算!E3", "overspent@预算!E4"]);
    const formula = budget([["", "年度资金总额", 100, 100, 130, 10, 1.3, 10], ...lines], { E2: "SUM(E3:E4)" });
    expect(found(formula)).toEqual(["overspent@预算!E3", "overspent@预算!E4"]);
  });

  it("keeps a line's overspend where the total is not overspent, or less than the line (another line under budget)", () => {
    const totalWithin = budget([
      ["", "年度资金总额", 100, 100, 95, 10, 0.95, 9.5],
      ["", "其中：财政拨款", 80, 80, 85, "—", 1.0625, "—"],
      ["", "其他资金", 20, 20, 10, "—", 0.5, "—"],
    ]);
    expect(found(totalWithin)).toEqual(["overspent@预算!E3"]);
    const offset = budget([
      ["", "年度资金总额", 100, 100, 105, 10, 1.05, 10],
      ["", "其中：财政拨款", 80, 80, 100, "—", 1.25, "—"],
      ["", "其他资金", 20, 20, 5, "—", 0.25, "—"],
    ]);
    expect(found(offset)).toEqual(["overspent@预算!E2", "overspent@预算!E3"]);
  });

  it("reports a 全年预算数 left 0 on the total and every 其中 line once, on the total", () => {
    const a = budget([
      ["", "年度资金总额", 0, 0, 480, 10, null, null],
      ["", "其中：当年财政拨款", 0, 0, 390, "—", null, "—"],
      ["", "上年结转资金", 0, 0, 80, "—", null, "—"],
      ["", "其他资金", 0, 0, 10, "—", null, "—"],
    ]);
    expect(found(a).filter((f) => f.startsWith("zero-budget"))).toEqual(["zero-budget@预算!D2"]);
    // A line left 0 under a total that has its budget is a fact of its own.
    const own = budget([
      ["", "年度资金总额", 100, 100, 110, 10, 1.1, 10],
      ["", "其中：财政拨款", 100, 100, 100, "—", 1, "—"],
      ["", "其他资金", 0, 0, 10, "—", null, "—"],
    ]);
    expect(found(own).filter((f) => f.startsWith("zero-budget"))).toEqual(["zero-budget@预算!D4"]);
  });
});

describe("the older flat 绩效评价指标表: 评价指标 / 评价内容 / 评分标准 / 分值 / 得分", () => {
  /** 评价指标 merged over three level columns, 一级 and 二级 merged down, a 合计 row. */
  const evaluation = (scores: number[], total: number, levelWidth = 3): Analysis => {
    const levels = (l1: string, l2: string, l3: string): Row => [l1, l2, l3].slice(3 - levelWidth);
    const rows: Row[] = [
      ["决策（20分）", "项目立项", "立项依据充分性", 10],
      ["", "绩效目标", "绩效目标明确性", 10],
      ["过程（20分）", "资金管理", "资金到位率", 10],
      ["", "组织实施", "管理制度健全性", 10],
      ["产出（30分）", "产出数量", "实际完成率", 15],
      ["", "产出质量", "质量达标率", 15],
      ["效益（30分）", "项目效益", "社会效益", 20],
      ["", "", "服务对象满意度", 10],
    ].map(([l1, l2, l3, weight], i) => [...levels(String(l1), String(l2), String(l3)), "是否符合相关规定", "符合得满分，否则酌情扣分", weight, scores[i]]);
    const column = (n: number): string => String.fromCharCode(64 + n); // 1 → A
    return run(
      workbook({
        name: "评价表",
        rows: [
          ["项目支出绩效评价指标表"],
          ["项目名称：城区垃圾分类"],
          ["评价指标", ...Array(levelWidth - 1).fill(""), "评价内容", "评分标准", "分值", "得分"],
          ...rows,
          ["合计", ...Array(levelWidth + 1).fill(""), 100, total],
        ],
        merges: [
          `A3:${column(levelWidth)}3`,
          ...(levelWidth === 3 ? ["A4:A5", "A6:A7", "A8:A9", "A10:A11", "B10:B11"] : []),
          `A12:${column(levelWidth + 2)}12`, // 合计 across the labels, 评价内容 and 评分标准
        ],
      }),
    );
  };

  it("reads the levels from the merged 评价指标 columns and totals the recorded scores", () => {
    const a = evaluation([10, 9, 10, 8, 15, 14, 18, 9], 93);
    expect(a.tables.map((t) => [t.kind, t.range, t.label])).toEqual([["indicators", "A3:G12", "城区垃圾分类"]]);
    expect(a.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual([
      ["决策", "项目立项", "立项依据充分性", "10", "10"],
      ["决策", "绩效目标", "绩效目标明确性", "10", "9"],
      ["过程", "资金管理", "资金到位率", "10", "10"],
      ["过程", "组织实施", "管理制度健全性", "10", "8"],
      ["产出", "产出数量", "实际完成率", "15", "15"],
      ["产出", "产出质量", "质量达标率", "15", "14"],
      ["效益", "项目效益", "社会效益", "20", "18"],
      ["效益", "项目效益", "服务对象满意度", "10", "9"],
    ]);
    expect(found(a)).toEqual([]);
    expect(a.totals).toEqual([
      { sheet: "评价表", label: "城区垃圾分类", table: "A3:G12", weights: "100", score: "93", recordedScore: "93", grade: "优", recordedGrade: null, recordedDiffers: false },
    ]);
  });

  it("checks what it holds: a score above its weight, and the recorded 合计 against the scores", () => {
    const a = evaluation([10, 12, 10, 8, 15, 14, 18, 9], 90);
    expect(found(a)).toEqual(["score-exceeds-weight@评价表!G5", "total-incomplete@评价表!G12", "total-mismatch@评价表!G12"]);
  });

  it("takes 一级 headings across a one-column 评价指标 list (一、决策（20分）) as the levels, with their stated weights", () => {
    const rows: Row[] = [
      ["一、决策（20分）"],
      ["立项依据充分性", "是否符合规划", "符合得满分", 10, 10],
      ["绩效目标明确性", "目标是否明确", "明确得满分", 10, 9],
      ["二、过程（20分）"],
      ["资金到位率", "资金是否到位", "按比例得分", 10, 10],
      ["管理制度健全性", "制度是否健全", "健全得满分", 10, 8],
      ["三、产出（30分）"],
      ["实际完成率", "是否完成", "按比例得分", 15, 15],
      ["质量达标率", "是否达标", "按比例得分", 10, 10],
      ["四、效益（30分）"],
      ["社会效益", "效益是否明显", "酌情得分", 20, 18],
      ["服务对象满意度", "满意度调查", "按比例得分", 15, 9],
    ];
    const a = run(
      workbook({
        name: "评价表",
        rows: [["评价指标", "评价内容", "评分标准", "分值", "得分"], ...rows, ["合计", "", "", 100, 89]],
        merges: ["A2:E2", "A5:E5", "A8:E8", "A11:E11"],
      }),
    );
    expect(a.indicators.map((i) => i.level1)).toEqual(["一、决策", "一、决策", "二、过程", "二、过程", "三、产出", "三、产出", "四、效益", "四、效益"]);
    // 产出 states 30 over rows adding up to 25, 效益 30 over 35; all together they carry the 100 points.
    expect(found(a)).toEqual(["weight-header-mismatch@评价表!A8", "weight-header-mismatch@评价表!A11"]);
    expect(a.totals[0]).toMatchObject({ weights: "100", score: "89", recordedScore: "89", grade: "良" });
  });

  it("leaves a 评分标准 reference beside a form (分值 and 评分办法, no 得分) unread: no second table, no missing-dimension", () => {
    const form = nationalForm("教师培训项目", [["产出指标", "数量指标", "培训人次", "≥200人次", "210人次", 50, 50, ""], ...EFFECT_AND_SATISFACTION]);
    const reference: Row[] = [
      ["评分标准"],
      ["一级指标", "二级指标", "分值", "评分办法"],
      ["产出指标", "数量指标", 50, "按完成比例计分"],
      ["效益指标", "社会效益指标", 30, "按比例"],
      ["满意度指标", "服务对象满意度指标", 10, "≥90%满分"],
      ["合计", "", 100, ""],
    ];
    // The reference from K3 on, two columns right of the form's last (H).
    reference.forEach((cells, i) => (form.rows[2 + i] = [...form.rows[2 + i], "", "", ...cells]));
    const a = run(workbook(form));
    expect(a.tables.map((t) => [t.kind, t.range])).toEqual([
      ["budget", "B4:H6"],
      ["indicators", "A9:H13"],
    ]);
    expect(found(a)).toEqual([]);
    expect(a.totals[0]).toMatchObject({ weights: "100", score: "100", grade: "优" });
  });

  it("reads 评价指标 over one column as the indicator's name", () => {
    const a = evaluation([10, 9, 10, 8, 15, 14, 18, 9], 93, 1);
    expect(a.tables.map((t) => t.range)).toEqual(["A3:E12"]);
    expect(a.indicators.map((i) => i.name).slice(0, 2)).toEqual(["立项依据充分性", "绩效目标明确性"]);
    expect(a.totals[0]).toMatchObject({ score: "93", recordedScore: "93" });
  });
});

describe("a 评分表 with a 分值 after each level: 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值", () => {
  /** 投入 15 = 目标设定 5 (3 + 2) + 预算配置 10 (4 + 6); the 一级 and 二级 分值 merged down. */
  const scored = (first: number) =>
    run(
      workbook({
        name: "评分表",
        rows: [
          ["某区卫生健康局2023年度部门整体支出绩效自评评分表"],
          ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "评分标准", "得分"],
          ["投入", 15, "目标设定", 5, "绩效目标合理性", 3, "合理得3分", first],
          ["", "", "", "", "绩效指标明确性", 2, "明确得2分", 2],
          ["", "", "预算配置", 10, "在职人员控制率", 4, "≤100%得4分", 4],
          ["", "", "", "", "重点支出安排率", 6, "≥60%得6分", 6],
          ["合计", "", "", "", "", 15, "", 12 + first],
        ],
        merges: ["A1:H1", "A3:A6", "B3:B6", "C3:C4", "D3:D4", "C5:C6", "D5:D6", "A7:E7"],
      }),
    );

  it("weighs each indicator by its 三级 分值, not the 一级 one merged beside it", () => {
    expect(scored(3).indicators.map((i) => [i.name, i.weight])).toEqual([
      ["绩效目标合理性", "3"],
      ["绩效指标明确性", "2"],
      ["在职人员控制率", "4"],
      ["重点支出安排率", "6"],
    ]);
    // 5 of its 3 points: above the row's own weight.
    expect(found(scored(5))).toContain("score-exceeds-weight@评分表!H3");
  });
});

describe("a 分值 and 得分 merged over several indicators, scored as one group", () => {
  /** Two 满意度 rows sharing a merged 分值 (10) and 得分 (F16:F17, G16:G17 of the national form). */
  const shared = (second: string, score: number): Analysis =>
    run(
      workbook(
        nationalForm(
          "教师培训项目",
          [
            ["产出指标（50分）", "数量指标", "培训人次", "≥200人次", "210人次", 20, 20, ""],
            ["", "", "培训场次", "≥10场", "10场", 10, 10, ""],
            ["", "质量指标", "培训合格率", "≥95%", "96%", 20, 20, ""],
            ["效益指标（30分）", "社会效益指标", "教师教学能力", "明显提升", "明显提升", 30, 30, ""],
            ["满意度指标（10分）", "服务对象满意度指标", "参训教师满意度", "≥90%", "96%", 10, score, "个别学校未反馈"],
            ["", "", "学校满意度", "≥90%", second, null, null, ""],
          ],
          ["A10:A12", "B10:B11", "A14:A15", "B14:B15", "F14:F15", "G14:G15"],
        ),
      ),
    );

  it("counts the group's points once, in the 一级 sums, the total and the stated (10分)", () => {
    const a = shared("92%", 10);
    expect(found(a)).toEqual([]);
    expect(a.indicators.slice(4).map((i) => [i.name, i.weight, i.score])).toEqual([
      ["参训教师满意度", "10", "10"],
      ["学校满意度", null, null],
    ]);
    expect(a.totals[0]).toMatchObject({ weights: "100", score: "100" });
  });

  it("names the group and how its points are worked out when the merged 得分 does not fit", () => {
    const a = shared("92%", 9);
    expect(found(a)).toEqual(["score-mismatch@自评表!G14"]);
    expect(message(a, "score-mismatch", "G14")).toBe(
      "“参训教师满意度、学校满意度”填报得分 9；按合并分值×各指标完成比例应为 10。",
    );
    // One member short of its target: any score between its share and full marks fits.
    const short = shared("81%", 7);
    expect(message(short, "score-mismatch", "G14")).toBe(
      "“参训教师满意度、学校满意度”填报得分 7；按合并分值×各指标完成比例（分配未写明，取最低到最高）应为 9 至 10 之间。",
    );
    expect(found(shared("81%", 9.5))).toEqual([]);
  });
});

describe("a plain quantity without comparator: ≥ for outputs, ≤ for costs", () => {
  const a = run(
    workbook(
      nationalForm(
        "农村公路建设项目",
        [
          ["产出指标", "数量指标", "受益人口", "3万", "2.4万", 10, 8, "部分村未通车"],
          ["", "", "新建道路里程", "32.1公里", "30公里", 10, 9.35, "征地延误"],
          ["", "", "硬化道路里程", "32.1公里", "33公里", 10, 10, ""],
          ["", "成本指标", "每公里造价", "3万", "3.5万", 10, 8.57, "材料涨价"],
          ["", "", "养护费用", "3万元", "2.8万元", 10, 10, ""],
          ...EFFECT_AND_SATISFACTION,
        ],
        ["A10:A14", "B10:B12", "B13:B14"],
      ),
    ),
  );

  it("reads 3万 as 30000 and 32.1公里 as 32.1 km, and scores outputs up, costs down", () => {
    expect(a.indicators.slice(0, 2).map((i) => i.target)).toEqual([
      { text: "3万", op: null, value: "30000", unit: null },
      { text: "32.1公里", op: null, value: "32.1", unit: "公里" },
    ]);
    // 10 × 2.4 ÷ 3 = 8; 10 × 30 ÷ 32.1 = 9.35; 33 reaches 32.1; 10 × 3 ÷ 3.5 = 8.57; 2.8万元 within 3万元.
    expect(a.indicators.slice(0, 5).map((i) => i.score)).toEqual(["8", "9.35", "10", "8.57", "10"]);
    expect(found(a)).toEqual([]);
  });
});

describe("a quantity written after a short label: 新建道路32.1公里", () => {
  it.each([
    ["新建道路32.1公里", null, "32.1", "公里"],
    ["受益人口3万", null, "30000", null],
    ["全年开展活动12次", null, "12", "次"],
    ["培训不少于300人次", ">=", "300", "人次"],
    ["单次维修不超过3天", "<=", "3", "天"],
    ["道路里程增加5公里", ">=", "5", "公里"],
    ["水质达标率100%", null, "100", "%"],
  ])("reads %s as a number", (text, op, value, unit) => {
    const p = parseValue(text);
    expect([p.kind, p.op, p.value?.toFixed(), p.unit?.symbol ?? null]).toEqual(["number", op, value, unit]);
  });

  it.each(["排名前3名", "第3季度完成", "未超过3次", "投入资金300万元用于道路建设", "符合GB3838-2002标准", "于12月底前完成", "新建3所学校"])(
    "leaves %s a phrase: a rank, a negation, words after the quantity, a code, a date",
    (text) => {
      expect(parseValue(text)).toMatchObject({ kind: "qualitative", value: null });
    },
  );

  it("scores such a target against its actual like any number", () => {
    const a = run(
      workbook(
        nationalForm("乡村道路提升", [
          ["产出指标", "数量指标", "道路硬化", "新建道路32.1公里", "30公里", 50, 46.73, "征地延误"],
          ...EFFECT_AND_SATISFACTION,
        ]),
      ),
    );
    expect(a.indicators[0].score).toBe("46.73");
    expect(found(a)).toEqual([]);
  });
});

describe("Sichuan's form: 指标性质 and 度量单位 in columns of their own", () => {
  const a = run(
    workbook({
      name: "自评表",
      rows: [
        ["项目支出绩效自评表"],
        ["项目名称", "乡村道路提升", "", "", "", "", "", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "新建道路里程", "≥", 32.1, "公里", 30, 20, 20, "征地延误"],
        ["", "", "受益人口", "≥", "3万", "人", 3.2, 10, 10, ""],
        ["", "", "新建会车平台", "≤", 4, "个", 4, 10, 10, ""],
        ["", "成本指标", "建设成本", "≤", 300, "万元", 288, 10, 10, ""],
        ["效益指标", "社会效益指标", "群众出行条件", "定性", "明显改善", "", "明显改善", 30, 30, ""],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", 90, "%", 95, 10, 10, ""],
      ],
      merges: ["B2:J2", "A4:A7", "B4:B6"],
    }),
  );

  it("reads the comparator and the unit from their columns, and scores 32.1 公里 against 30", () => {
    expect(a.indicators[0]).toMatchObject({
      target: { text: "32.1", op: ">=", value: "32.1", unit: "公里" },
      actual: { text: "30", op: ">=", value: "30", unit: "公里" },
      score: "18.69",
    });
    expect(a.tables[0].label).toBe("乡村道路提升");
  });

  it("flags what is wrong: a recorded score, 3万 against a bare 3.2 people, a count with a ceiling; no budget, no total", () => {
    expect(found(a)).toEqual(["total-incomplete@自评表!I3", "score-mismatch@自评表!I4", "unit-mismatch@自评表!G5", "count-ceiling@自评表!E6"]);
    expect(message(a, "score-mismatch", "I4")).toBe("“新建道路里程”填报得分 20；按正向指标公式（分值×实际值÷指标值）应为 18.69。");
  });
});
