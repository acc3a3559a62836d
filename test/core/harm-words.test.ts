/**
 * Harms answered in words (review round 15, A1, B2 and D): a row counting what should not happen
 * (安全事故, 投诉, 信访, 违规) whose actual says in words that none happened (未发生安全事故, 零事故,
 * 无信访投诉) against a target of 0 or ≤N; a harm that happened (发生1起一般安全事故, 收到投诉2件) under a
 * target in words that forbids it (未发生安全事故, 无投诉); and numbers spelled as words (〇起, 零起,
 * 百分之百). Each grid is the national 项目支出绩效自评表 as units fill it in: title, year, a 填报单位
 * line, the 项目名称 block, a budget block with its 其中 row, the 年度总体目标 block, a two-row indicator
 * header with 偏差原因分析及改进措施 over 原因分析 | 改进措施, 绩效指标 merged down column A, and the
 * 总分 and 评价等次 rows.
 */
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { parseValue } from "../../src/core/values";
import { RowUnderTest, workbook } from "../support/grid";
import { found, message } from "../support/findings";

type Row = CellValue[];

const run = (wb: WorkbookGrid): Analysis => analyze(wb, DEFAULT_PROFILE, { lang: "zh" });

/**
 * The national form of a 安全生产监管 project, the row under test at row 13 (产出 · 质量指标 by
 * default, weight 10: actual F13, score H13), five clean rows under it and the 总分 row recording the
 * total the scores make. The budget is fully spent: 10 points.
 */
function safetyForm({ level2 = "质量指标", name, target, actual, score = 10, reason = "" }: RowUnderTest): WorkbookGrid {
  const indicators: Row[] = [
    ["", "产出指标", level2, name, target, actual, 10, score, reason, ""],
    ["", "", "数量指标", "开展安全生产检查", "≥120次", "126次", 20, 20, "", ""],
    ["", "", "时效指标", "隐患整改及时率", "≥95%", "98%", 10, 10, "", ""],
    ["", "", "成本指标", "项目成本", "≤80万元", "80万元", 10, 10, "", ""],
    ["", "效益指标", "社会效益指标", "安全生产形势", "持续稳定", "持续稳定", 30, 30, "", ""],
    ["", "满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "95%", 10, 10, "", ""],
  ];
  const total = 10 + indicators.reduce((sum, r) => sum + (r[7] as number), 0);
  return workbook({
    name: "自评表",
    rows: [
      ["项目支出绩效自评表"],
      ["（2023年度）"],
      ["填报单位（盖章）：某县应急管理局", "", "", "", "", "", "", "", "金额单位：万元"],
      ["项目名称", "", "安全生产监管执法"],
      ["主管部门", "", "某县人民政府", "", "", "", "实施单位", "", "某县应急管理局"],
      ["项目资金（万元）", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["", "", "年度资金总额", 80, 80, 80, 10, 1, 10],
      ["", "", "其中：当年财政拨款", 80, 80, 80, "—", "—", "—"],
      ["年度总体目标", "预期目标", "", "", "", "实际完成情况"],
      ["", "全年安全生产形势稳定", "", "", "", "已完成"],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", ""],
      ["", "", "", "", "", "", "", "", "原因分析", "改进措施"],
      ...indicators,
      ["总分", "", "", "", "", "", 100, total],
      ["评价等次", "", "", "", "", "", "优"],
    ],
    merges: [
      "A1:J1",
      "A2:J2",
      "A6:B8",
      "A9:A10",
      "B9:E9",
      "F9:J9",
      "B10:E10",
      "F10:J10",
      "I11:J11",
      ...["B", "C", "D", "E", "F", "G", "H"].map((c) => `${c}11:${c}12`),
      "A11:A18",
      "B13:B16",
      "A19:F19",
      "A20:F20",
      "G20:H20",
    ],
    numFmts: { H7: "0.00%" },
  });
}

/** The row under test met: scored full marks, and nothing found on the form. */
function expectMet(row: RowUnderTest): Analysis {
  const a = run(safetyForm(row));
  expect(a.indicators[0].score).toBe("10");
  expect(found(a)).toEqual([]);
  return a;
}

/** The row under test, scored full marks, read as 未达成: the band's error, and the total withheld. */
function expectNotMetAtFullMarks(row: RowUnderTest): void {
  const a = run(safetyForm(row));
  expect(found(a)).toEqual(["qualitative-score-band@自评表!H13", "total-incomplete@自评表!H19"]);
  expect(message(a, "qualitative-score-band", "H13")).toBe(`“${row.name}”的完成情况为“未达成”，得分应在 0 到 6 分之间，填的是 10。`);
}

describe("a harm answered in words that none happened, against a target of 0 or ≤N (review round 15, A1)", () => {
  it.each([
    ["安全事故发生数", "0起", "未发生", "起"],
    ["安全事故发生数", "0起", "未发生安全事故", "起"],
    ["安全事故发生数", "0起", "零事故", "起"],
    ["群众投诉次数", "≤2次", "未发生投诉", "次"],
    ["安全责任事故", "0起", "无安全责任事故", "起"],
    ["安全责任事故", "0起", "没有发生", "起"],
    ["食品安全事故", "0起", "全年未发生食品安全事故", "起"],
    ["违规违纪问题", "0个", "未发现", "个"],
    ["违规违纪问题", "0个", "未发现违规违纪问题", "个"],
    ["信访投诉", "≤1件", "无信访投诉", "件"],
    ["群众投诉次数", "≤2次", "未接到群众投诉。", "次"],
    ["安全事故发生数", "0起", "2023年度未发生一起安全事故", "起"],
    ["安全事故发生数", "0起", "未发生安全事故，未发生人员伤亡", "起"],
    ["重大安全事故发生数", "0起", "未发生重大安全事故", "起"],
    ["不合格产品批次", "0批", "未发现不合格产品", "批"],
    // The harm counted as none (review round 17).
    ["安全事故发生数", "0起", "安全事故0起", "起"],
    ["安全事故发生数", "0起", "发生安全事故0起", "起"],
    ["安全事故发生数", "0起", "安全事故发生0起", "起"],
  ])("reads %s %s / %s as 0 of the target's unit: met, 10 of 10 stands", (name, target, actual, unit) => {
    const a = expectMet({ name, target, actual });
    expect(a.indicators[0].actual).toMatchObject({ text: actual, value: "0", unit });
  });

  it("reads it against a target of 0 with no unit, and against a share held down (≤1%) as 0%", () => {
    const bare = expectMet({ name: "重大安全事故发生率", target: "0", actual: "未发生" });
    expect(bare.indicators[0].actual).toMatchObject({ value: "0", unit: null });
    const share = expectMet({ name: "安全事故发生率", target: "≤1%", actual: "未发生安全事故" });
    expect(share.indicators[0].actual).toMatchObject({ value: "0", unit: "%" });
  });

  it("scores the answer as the number it is: 8 of 10 recorded for none happened is a score-mismatch", () => {
    const a = run(safetyForm({ name: "安全事故发生数", target: "0起", actual: "未发生安全事故", score: 8, reason: "年中发生险情" }));
    expect(found(a)).toEqual(["score-mismatch@自评表!H13"]);
    expect(message(a, "score-mismatch", "H13")).toBe("“安全事故发生数”填报得分 8；按正向指标规则（实际值达到指标值得满分）应为 10。");
  });

  it.each([
    ["安全事故发生数", "0", "0"],
    ["安全事故发生数", "0起", "无"],
    ["安全责任事故", "0起", "0起（未发生）"],
  ])("leaves what was read before as it was: %s %s / %s is met", (name, target, actual) => {
    expectMet({ name, target, actual });
  });

  it.each([
    ["安全事故发生数", "0起", "未发生重大安全事故", "a severity the name does not state: lesser ones may have happened"],
    ["安全事故发生数", "0起", "无安全责任事故", "a kind the name does not state: accidents of no one's making may have happened"],
    ["安全事故发生数", "0起", "基本未发生安全事故", "a word that takes something away"],
    ["安全事故发生数", "0起", "未发生投诉", "a harm another row counts"],
    ["安全事故发生数", "0起", "未发现安全隐患", "what was not found is not what the row counts"],
    ["安全事故发生数", "0起", "未发生安全事故，发生1起轻微事故", "a count of some in another clause"],
    ["新建村道", "≥30公里", "未发生", "a row that counts no harm"],
  ])("keeps %s %s / %s a not-numeric actual (%s)", (name, target, actual) => {
    const a = run(safetyForm({ name, target, actual }));
    expect(found(a)).toEqual(["not-numeric@自评表!F13"]);
  });

  it.each([
    ["投诉办结率", "≥95%", "未发生投诉"],
    ["投诉办结率", "100%", "未收到投诉"],
    ["安全事故处置率", "100%", "未发生安全事故"],
  ])("asks no figure of a share of what never came: %s %s / %s, the recorded score standing (review round 17)", (name, target, actual) => {
    const a = run(safetyForm({ name, target, actual }));
    expect(found(a)).toEqual([]);
    expect(a.indicators[0].score).toBe("10");
  });
});

describe("无 answering a row of the 2024 template's 社会成本 and 生态环境成本 (review round 18, A1)", () => {
  it.each([
    ["社会成本指标", "对社会环境的负面影响", "无", "无"],
    ["社会成本指标", "社会成本", "无", "无"],
    ["生态环境成本指标", "生态环境成本", "无", "无"],
    ["社会成本指标", "对社会环境的负面影响", "无负面影响", "无"],
    ["质量指标", "工程质量问题", "无", "无"],
    ["质量指标", "资金挪用", "无", "无"],
    ["质量指标", "负面舆情", "无", "无"],
    ["质量指标", "安全隐患", "无", "无"],
    ["质量指标", "脱贫人口返贫", "0人", "未发生返贫"],
  ])("reads %s · %s %s / %s as none of the harm: met, the total given", (level2, name, target, actual) => {
    const a = run(safetyForm({ level2, name, target, actual }));
    expect(found(a)).toEqual([]);
    expect(a.indicators[0].score).toBe("10");
    expect(a.totals[0].score).not.toBeNull();
  });

  it("reads 无/无 on any row under 社会成本指标 or 生态环境成本指标 as none, its name a harm or not (生态环境影响)", () => {
    for (const level2 of ["社会成本指标", "生态环境成本指标"]) {
      const a = run(safetyForm({ level2, name: "生态环境影响", target: "无", actual: "无" }));
      expect(found(a)).toEqual([]);
      expect(a.totals[0].score).not.toBeNull();
    }
  });

  it("still asks for the figures of a row 无 answers that counts no harm (培训人数 无/无)", () => {
    const a = run(safetyForm({ name: "培训人数", target: "无", actual: "无" }));
    expect(found(a)).toContain("score-without-values@自评表!H13");
  });
});

describe("a harm the target in words forbids, said in words to have happened (review round 15, B2)", () => {
  it.each([
    ["安全生产情况", "未发生安全事故", "发生1起一般安全事故"],
    ["安全事故", "不发生安全事故", "发生安全事故1起"],
    ["环境影响", "不造成环境污染", "造成轻微扬尘污染"],
    ["群众投诉", "无投诉", "收到投诉2件"],
    ["群众投诉", "零投诉", "全年接到投诉3次，均已办结"],
    ["安全生产", "杜绝安全事故发生", "项目实施期间发生安全事故1起"],
    // A graver harm than the least the target forbids (review round 17).
    ["安全生产", "无较大及以上安全事故", "发生重大安全事故1起"],
    ["安全生产", "无重大安全事故", "发生特大安全事故1起"],
    ["安全生产", "无安全事故", "除1起轻微事故外，未发生安全事故"],
    // The harms of the 2024 template's 社会成本 and 生态环境成本 rows (review round 18).
    ["对社会环境的负面影响", "无负面影响", "造成一定负面影响"],
    ["对生态环境的影响", "不对生态环境造成破坏", "造成局部植被破坏"],
    // The harm named by the row alone (review round 50, C6).
    ["安全事故", "未发生", "发生1起一般安全事故"],
    ["安全事故", "未发生", "发生1起"],
    ["安全生产事故", "不发生", "1起"],
    // A target naming the row's harm in a word of none, an actual naming no harm (review round 54c M4).
    ["安全生产事故", "零事故", "发生1起"],
    ["安全事故", "无安全事故", "1起"],
  ])("reads %s %s / %s as 未达成: full marks are a qualitative-score-band error", (name, target, actual) => {
    expectNotMetAtFullMarks({ name, target, actual });
  });

  it("accepts a score in the 未达成 band with its reason", () => {
    const a = run(safetyForm({ name: "安全事故", target: "不发生安全事故", actual: "发生安全事故1起", score: 5, reason: "施工人员违规作业，已加强培训" }));
    expect(found(a)).toEqual([]);
  });

  it.each([
    ["不发生安全事故", "未发生安全事故", "negated in its clause"],
    ["不造成环境污染", "施工期间未对周边环境造成污染", "negated before the verb"],
    ["无安全事故", "安全事故0起", "a count of none"],
    ["杜绝安全事故", "全年安全事故发生率为0", "a share of none"],
    ["无重大安全事故", "发生1起一般安全事故", "a lesser harm than the one forbidden"],
    ["无有效投诉", "收到投诉1件，经核实为无效投诉", "another kind than the one forbidden"],
    ["无安全事故", "开展安全事故应急演练3次", "the harm naming what was done, not what happened"],
    ["无安全事故", "开展防止发生安全事故宣传", "the harm kept from happening"],
    ["无投诉", "建立接到投诉2小时内响应机制", "a way set up to deal with it (review round 17)"],
    ["无投诉", "无", "无 under a target forbidding the harm: none happened (review round 17)"],
    ["无重大安全事故", "无", "the same under a narrower harm"],
    ["未发生安全事故", "无", "the same under 未发生"],
    ["投诉处理及时", "收到投诉2件，均及时办结", "a target about the harm, forbidding nothing"],
    ["无投诉", "无投诉", "the target restated"],
    ["安全生产形势稳定", "发生安全事故1起", "a target that names no harm"],
  ])("keeps %s / %s at full marks (%s)", (target, actual) => {
    const a = run(safetyForm({ name: "安全生产", target, actual }));
    expect(found(a)).toEqual([]);
    expect(a.totals[0].score).not.toBeNull();
  });

  it.each([
    ["安全事故", "未发生", "未发生安全事故", "none happened"],
    ["安全事故", "未发生", "开展安全检查12次", "what was done, no harm happening"],
    ["重大安全事故", "未发生", "发生1起一般安全事故", "a lesser harm than the one the row is named by"],
    ["安全生产事故", "零事故", "未发生", "none happened, under a target naming the harm"],
    ["安全生产", "零事故", "开展安全检查12次", "what was done, under a target naming the harm"],
  ])("keeps %s %s / %s at full marks, the harm named by the row alone (%s)", (name, target, actual) => {
    expect(found(run(safetyForm({ name, target, actual })))).toEqual([]);
  });
});

describe("a number spelled as a word: 〇起, 零起, 百分之百 (review round 15, D)", () => {
  it.each([
    ["〇起", "0", "起", null],
    ["零起", "0", "起", null],
    ["≤零次", "0", "次", "<="],
    ["百分之百", "100", "%", null],
    ["达到百分之百", "100", "%", ">="],
  ])("reads %s as %s %s", (text, value, unit, op) => {
    const parsed = parseValue(text);
    expect(parsed).toMatchObject({ kind: "number", op, unit: { symbol: unit } });
    expect(parsed.value?.toFixed()).toBe(value);
  });

  it.each(["零事故", "零投诉", "零逾期", "零容忍", "百分之百五", "零点五"])("keeps %s words: none of a kind, or a number in words jixiao does not read", (text) => {
    expect(parseValue(text)).toMatchObject({ kind: "qualitative", value: null });
  });

  it.each([
    ["安全事故发生数", "0起", "〇起"],
    ["安全事故发生数", "0起", "零起"],
    ["工程质量合格率", "100%", "百分之百"],
  ])("meets %s %s with %s", (name, target, actual) => {
    expectMet({ name, target, actual });
  });

  it("scores a spelled zero against a target it misses: 零次 against ≥1次 earns nothing", () => {
    const a = run(safetyForm({ name: "应急演练次数", target: "≥1次", actual: "零次", score: 10, reason: "疫情原因未组织" }));
    expect(found(a)).toEqual(["score-mismatch@自评表!H13"]);
    expect(message(a, "score-mismatch", "H13")).toBe("“应急演练次数”填报得分 10；按正向指标公式（分值×实际值÷指标值）应为 0。");
  });
});

describe("yes/no answers: 是/否, 有/无 and 按期/未按期 (review round 53b H3 and M1, 53a M3)", () => {
  it.each([
    ["项目是否按期完工", "是", "否"],
    ["是否发生安全事故", "否", "是"],
    ["是否建立资产台账", "是", "无"],
    ["有无管护制度", "有", "无"],
    ["有无管护制度", "有", "没有"],
    ["有无违规违纪问题", "无", "有"],
    ["有无挪用资金", "无", "有"],
    ["有无安全生产事故", "无", "有1起"],
    ["安全事故", "无", "发生1起一般安全事故"],
    ["安全事故", "未发生", "有1起"],
    ["是否如期开工", "是", "未按期"],
    ["是否按时完成", "是", "未按时完成"],
  ])("reads %s %s / %s as 未达成: full marks are a qualitative-score-band error", (name, target, actual) => {
    expectNotMetAtFullMarks({ name, target, actual });
  });

  it.each([
    ["有无管护制度", "有", "无"],
    ["有无违规违纪问题", "无", "有"],
    ["安全生产事故", "无", "有1起"],
    ["是否在规定时间内完成", "是", "否"],
  ])("takes %s %s / %s scored 0 with its reason as answered: no missing-actual, no not-numeric, the total given", (name, target, actual) => {
    const a = run(safetyForm({ name, target, actual, score: 0, reason: "年内未完成，下年整改" }));
    expect(found(a)).toEqual([]);
    expect(a.indicators[0].actual?.text).toBe(actual);
    expect(a.totals[0].score).toBe("90");
  });

  it.each([
    ["是否按期完工", "是", "是"],
    ["是否发生安全事故", "否", "否"],
    ["是否发生安全事故", "否", "无"],
    ["有无管护制度", "有", "有"],
    ["有无管护制度", "无", "无"],
    ["是否如期开工", "是", "按期"],
    ["是否按期拨付", "是", "已按时"],
  ])("reads %s %s / %s as 达成: full marks stand, a score below the band is a qualitative-score-band", (name, target, actual) => {
    expect(found(run(safetyForm({ name, target, actual })))).toEqual([]);
    const low = run(safetyForm({ name, target, actual, score: 5, reason: "略有延误" }));
    expect(found(low)).toEqual(["qualitative-score-band@自评表!H13", "total-incomplete@自评表!H19"]);
  });

  it.each([
    ["安全事故发生数", "0起", "有1起", "1"],
    ["安全事故发生数", "0起", "发生1起", "1"],
    ["安全事故发生数", "0起", "发生1起轻微事故", "1"],
    ["安全事故发生数", "0起", "三起", "3"],
    ["安全事故发生数", "0起", "发生三起", "3"],
    ["安全事故发生数", "0起", "有一起", "1"],
    ["安全生产事故", "无", "有1起", "1"],
    ["安全生产事故", "无", "发生1起", "1"],
  ])("counts %s %s / %s as so many 起 (review round 53, left): full marks are a score-mismatch, 0 stands", (name, target, actual, value) => {
    const full = run(safetyForm({ name, target, actual }));
    expect(full.indicators[0].actual).toMatchObject({ value, unit: "起" });
    expect(found(full)).toEqual(["score-mismatch@自评表!H13", "missing-reason@自评表!I13"]);
    expect(message(full, "score-mismatch", "H13")).toBe(`“${name}”填报得分 10；按未达到指标值不得分应为 0。`);
    expect(found(run(safetyForm({ name, target, actual, score: 0, reason: "发生安全事故，已整改" })))).toEqual([]);
  });

  it("reads ≤2起 against 有3起 as 3起, a negative indicator's score (10 × 2 ÷ 3)", () => {
    const a = run(safetyForm({ name: "安全事故发生数", target: "≤2起", actual: "有3起" }));
    expect(message(a, "score-mismatch", "H13")).toBe("“安全事故发生数”填报得分 10；按反向指标公式（分值×指标值÷实际值）应为 6.67。");
  });

  it.each([
    ["项目是否按期完工", "是", "否，因资金未到位"],
    ["项目是否按期完工", "是", "否。资金下达较晚"],
    ["项目是否按期完工", "是", "否（资金未到位）"],
    ["项目是否按期完工", "是", "否，是资金下达晚所致"],
    ["是否发生安全事故", "否", "是，发生1起一般事故"],
  ])("reads %s %s / %s by its answer, the note after it a note (review round 53, left): 未达成, full marks a qualitative-score-band", (name, target, actual) => {
    expectNotMetAtFullMarks({ name, target, actual });
    expect(found(run(safetyForm({ name, target, actual, score: 0, reason: "资金下达较晚，下年改进" })))).toEqual([]);
  });

  it("reads the answer 是 with a note after it as 达成 unless the note says less (是，基本完成 部分达成)", () => {
    const low = run(safetyForm({ name: "项目是否按期完工", target: "是", actual: "是，已于11月完工", score: 5, reason: "略有延误" }));
    expect(message(low, "qualitative-score-band", "H13")).toBe("“项目是否按期完工”的完成情况为“达成”，得分应在 8 到 10 分之间，填的是 5。");
    const partly = run(safetyForm({ name: "项目是否按期完工", target: "是", actual: "是，基本完成" }));
    expect(message(partly, "qualitative-score-band", "H13")).toBe("“项目是否按期完工”的完成情况为“部分达成”，得分应在 6 到 8 分之间，填的是 10。");
  });

  it("reads an answer with a note after it that agrees with its target as met (是，已于11月通过验收), and 无 under a target in other words a blank", () => {
    expect(found(run(safetyForm({ name: "是否通过竣工验收", target: "是", actual: "是，已于11月通过验收" })))).toEqual([]);
    expect(found(run(safetyForm({ name: "建立管护制度", target: "建立", actual: "无" })))).toEqual(["missing-actual@自评表!F13", "total-incomplete@自评表!H19"]);
  });
});
