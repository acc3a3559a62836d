/**
 * Workbooks a reviewer wrote to break the engine: each test is one real-life layout or value that
 * once gave a wrong score, a false finding or a lost row.
 */
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue } from "../../src/core/grid";
import { DEFAULT_PROFILE, Profile, gradeFor, profileFromJson } from "../../src/core/profile";
import Decimal from "decimal.js";
import { INDICATOR_HEADER, SheetSpec, workbook } from "../support/grid";

const run = (spec: SheetSpec, profile: Profile = DEFAULT_PROFILE): Analysis => analyze(workbook({ name: "表", ...spec }), profile);
const found = (a: Analysis): string[] => a.findings.map((f) => `${f.rule}@${f.cell}`);
const rules = (a: Analysis): string[] => [...new Set(a.findings.map((f) => f.rule))];

/** 产出 50 + 效益 30 + 满意度 10 under a header at row 1; the budget 10 is assumed elsewhere. */
function indicators(rows: CellValue[][], extra: Partial<SheetSpec> = {}): SheetSpec {
  return { rows: [INDICATOR_HEADER, ...rows], ...extra };
}
const EFFECT: CellValue[] = ["效益指标", "社会效益", "服务水平", "有效提升", "有效提升", 30, 30, ""];
const SATISFACTION: CellValue[] = ["满意度指标", "服务对象满意度", "满意度", "≥90%", "95%", 10, 10, ""];

describe("indicator tables", () => {
  it("a 一级 label filled down on every row is one group, not one per row", () => {
    const a = run(
      indicators([
        ["产出指标（50分）", "数量指标", "培训场次", "≥10场", "10场", 25, 25, ""],
        ["产出指标（50分）", "质量指标", "合格率", "≥95%", "96%", 25, 25, ""],
        EFFECT,
        SATISFACTION,
      ]),
    );
    expect(found(a)).toEqual([]);
  });

  it("an indicator named 等级公路比例 does not end the table as a grade row", () => {
    const a = run(
      indicators([
        ["产出指标", "质量指标", "等级公路比例", "≥90%", "92%", 50, 50, ""],
        EFFECT,
        SATISFACTION,
      ]),
    );
    expect(a.indicators.map((i) => i.name)).toEqual(["等级公路比例", "服务水平", "满意度"]);
    expect(found(a)).toEqual([]);
  });

  it("a 小计 row merged across the table is skipped, and the rows below it still count", () => {
    const a = run(
      indicators([["产出指标", "数量指标", "培训场次", "≥10场", "10场", 50, 50, ""], ["小计"], EFFECT, SATISFACTION], {
        merges: ["A3:E3"],
      }),
    );
    expect(a.indicators.map((i) => i.name)).toEqual(["培训场次", "服务水平", "满意度"]);
    expect(rules(a)).toEqual([]);
  });

  it("an actual and a reason merged down over two rows hold for both", () => {
    const a = run(
      indicators(
        [
          ["产出指标", "数量指标", "培训场次", "≥10场", "全部完成", 25, 20, "受疫情影响，已调整计划"],
          ["产出指标", "数量指标", "培训人次", "≥100人次", null, 25, 20, null],
          EFFECT,
          SATISFACTION,
        ],
        { merges: ["E2:E3", "H2:H3"] },
      ),
    );
    expect(rules(a)).not.toContain("missing-actual");
    expect(rules(a)).not.toContain("missing-reason");
  });

  it("an actual that restates a 基本完成 target was met (达成), so 20 of 20 is in its band", () => {
    const a = run(indicators([["产出指标", "质量指标", "工程质量", "基本完成", "基本完成", 50, 50, ""], EFFECT, SATISFACTION]));
    expect(rules(a)).not.toContain("qualitative-score-band");
  });

  it("scores zero and negative targets all or nothing, never by ratio", () => {
    const a = run(
      indicators([
        ["产出指标", "质量指标", "投诉增长率", "≤0%", "-3%", 20, null, ""],
        ["产出指标", "质量指标", "能耗降幅", "≤-5%", "-2%", 20, null, "未达标"],
        ["产出指标", "质量指标", "安全事故次数", "≤0次", "0次", 10, null, ""],
        EFFECT,
        SATISFACTION,
      ]),
    );
    expect(a.indicators.slice(0, 3).map((i) => i.score)).toEqual(["20", "0", "10"]);
  });

  it("does not take 道路维修（城区） and 道路维修（乡镇） for one indicator twice", () => {
    const a = run(
      indicators([
        ["产出指标", "数量指标", "道路维修（城区）", "≥10公里", "10公里", 25, 25, ""],
        ["产出指标", "数量指标", "道路维修（乡镇）", "≥10公里", "10公里", 25, 25, ""],
        EFFECT,
        SATISFACTION,
      ]),
    );
    expect(rules(a)).not.toContain("duplicate-indicator");
  });

  it("accepts 满意度 in points, and 场 against 场次", () => {
    const a = run(
      indicators([
        ["产出指标", "数量指标", "演出场次", "≥800场", "820场次", 50, 50, ""],
        EFFECT,
        ["满意度指标", "服务对象满意度", "群众满意度", "≥90分", "93分", 10, 10, ""],
      ]),
    );
    expect(found(a)).toEqual([]);
  });

  it("writes scores with the profile's decimals, and a second run agrees with them", () => {
    const profile = profileFromJson({ scoreDecimals: 1 });
    const spec = indicators([["产出指标", "数量指标", "培训场次", "≥30场", "20场", 50, null, "疫情"], EFFECT, SATISFACTION]);
    const a = run(spec, profile);
    expect(a.writes.map((w) => [w.cell, w.value, w.numFmt])).toEqual([["G2", "33.3", "0.0"]]);
    const filled = structuredClone(spec);
    filled.rows[1][6] = 33.3;
    filled.numFmts = { G2: "0.0" };
    expect(found(run(filled, profile))).toEqual([]);
  });
});

describe("budget tables", () => {
  const header = ["项目", "预算数", "调整后预算数", "全年执行数", "执行率"];

  it("divides by the adjusted budget, not a bare 预算数 beside it", () => {
    const a = run({ rows: [header, ["年度资金总额", 100, 150, 150, null]] });
    expect(a.budget[0]).toMatchObject({ planned: "150", rate: "1" });
    expect(rules(a)).not.toContain("overspent");
  });

  it("does not take a label merged down beside the lines for a budget column", () => {
    const a = run({
      rows: [
        ["年度预算（万元）", "", "全年预算数", "全年执行数", "执行率"],
        [null, "年度资金总额", 100, 90, null],
        [null, "其中：财政拨款", 100, 90, null],
      ],
      merges: ["A1:A3"],
    });
    expect(a.budget.map((b) => [b.label, b.planned, b.rate])).toEqual([
      ["年度资金总额", "100", "0.9"],
      ["其中：财政拨款", "100", "0.9"],
    ]);
    expect(rules(a)).toEqual([]);
  });

  it("checks 其中 rows by source and by use separately", () => {
    const a = run({
      rows: [
        ["项目", "全年预算数", "全年执行数", "执行率"],
        ["年度资金总额", 300, 300, null],
        ["其中：财政拨款", 200, 200, null],
        ["其他资金", 100, 100, null],
        ["基本支出", 120, 120, null],
        ["项目支出", 180, 180, null],
      ],
    });
    expect(rules(a)).not.toContain("sum-mismatch");
  });

  it("a source row with — instead of numbers does not end the table", () => {
    const a = run({
      rows: [
        ["项目", "全年预算数", "全年执行数", "执行率"],
        ["年度资金总额", 300, 300, null],
        ["其中：财政拨款", 300, 300, null],
        ["上年结转资金", "—", "—", null],
        ["其他资金", 0, 0, null],
      ],
    });
    // The row of dashes says "nothing here"; the table goes on to 其他资金.
    expect(a.budget.map((b) => b.label)).toEqual(["年度资金总额", "其中：财政拨款", "其他资金"]);
    expect(rules(a)).not.toContain("sum-mismatch");
  });

  it("tolerates a total that differs from its rounded parts by one unit of its last digit", () => {
    const a = run({
      rows: [
        ["项目", "全年预算数", "全年执行数", "执行率"],
        ["年度资金总额", 100.01, 100, null],
        ["其中：财政拨款", 33.34, 33.33, null],
        ["其他资金", 66.66, 66.66, null],
      ],
    });
    expect(rules(a)).not.toContain("sum-mismatch");
  });
});

describe("grades", () => {
  it("a profile without a band at 0 grades nothing below its lowest band", () => {
    const profile = profileFromJson({ grades: "85:优秀,75:良好,60:一般" });
    expect(gradeFor(new Decimal(40), profile)).toBe("");
    expect(gradeFor(new Decimal(80), profile)).toBe("良好");
  });
});

describe("targets written as progress", () => {
  it("scores 同比增长10% and 下降5% as the quantities they are", () => {
    const a = run(
      indicators([
        ["产出指标", "数量指标", "服务人次增长", "同比增长10%", "12%", 25, null, ""],
        ["产出指标", "质量指标", "投诉率降幅", "下降5%", "下降3%", 25, null, "部分完成"],
        EFFECT,
        SATISFACTION,
      ]),
    );
    expect(a.indicators.slice(0, 2).map((i) => i.score)).toEqual(["25", "15"]);
  });
});

describe("a budget weight stated in the 得分 header", () => {
  it("得分（10分） without a 分值 column weighs the budget line with 10", () => {
    const a = run({
      rows: [
        ["项目", "全年预算数", "全年执行数", "执行率", "得分（10分）"],
        ["年度资金总额", 100, 90, null, null],
        [],
        INDICATOR_HEADER,
        ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 50, 50, ""],
        EFFECT,
        SATISFACTION,
        ["总分", null, null, null, null, null, 99, null],
      ],
    });
    expect(a.writes.map((w) => `${w.cell}=${w.value}`)).toEqual(["D2=0.9", "E2=9"]);
    expect(a.totals[0]).toMatchObject({ weights: "100", score: "99", recordedScore: "99" });
    expect(found(a)).toEqual([]);
  });
});

describe("weights written as percentages", () => {
  it("权重 10% (0.1 formatted 0%) counts as 10 points", () => {
    const a = run(
      indicators(
        [
          ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 0.5, 50, ""],
          ["效益指标", "社会效益", "服务水平", "有效提升", "有效提升", 0.3, 30, ""],
          ["满意度指标", "服务对象满意度", "满意度", "≥90%", "95%", 0.1, 10, ""],
        ],
        { numFmts: { F2: "0%", F3: "0%", F4: "0%" } },
      ),
    );
    expect(a.indicators.map((i) => i.weight)).toEqual(["50", "30", "10"]);
    expect(found(a)).toEqual([]);
  });
});
