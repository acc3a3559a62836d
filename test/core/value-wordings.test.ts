/**
 * Value wordings of correct 乡镇 and 部门整体 forms that were read wrong (review round 14): an actual
 * naming what was done after its number (开展22场宣传活动), a target per period written before its
 * number (每月2次), 全覆盖 against 100%, a target 年内, and a money ceiling under 数量指标. Each
 * grid is laid out as the forms are: a title, the 项目名称 block, a budget block, a merged 一级
 * label, and the 总分 row with its recorded total.
 */
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { parseValue, unitShown } from "../../src/core/values";
import { RowUnderTest, workbook } from "../support/grid";
import { found, message } from "../support/findings";

type Row = CellValue[];

const run = (wb: WorkbookGrid): Analysis => analyze(wb, DEFAULT_PROFILE, { lang: "zh" });

/**
 * A 乡镇 项目支出绩效自评表: title, 项目名称 and 实施单位 lines, the budget block (190 of 200 spent:
 * 9.5 of 10), the indicator header at row 6, the row under test at row 7 (产出, weight 10) over four
 * more 产出 rows under one merged 一级 label, a 效益 and a 满意度 row, and the 总分 row recording the
 * total the rows' scores make.
 */
function townshipForm({ level2 = "数量指标", name, target, actual, score = 10, reason = "" }: RowUnderTest): WorkbookGrid {
  const indicators: Row[] = [
    ["产出指标", level2, name, target, actual, 10, score, reason],
    ["", "数量指标", "完成村道硬化", "≥30公里", "31公里", 10, 10, ""],
    ["", "质量指标", "工程验收合格率", "=100%", "100%", 10, 10, ""],
    ["", "时效指标", "完工时间", "12月底前", "11月", 10, 10, ""],
    ["", "成本指标", "每公里建设成本", "≤50万元", "48万元", 10, 10, ""],
    ["效益指标", "社会效益指标", "改善群众出行条件", "明显改善", "出行条件明显改善", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "96%", 10, 10, ""],
  ];
  const recordedTotal = 9.5 + indicators.reduce((sum, r) => sum + (r[6] as number), 0);
  return workbook({
    name: "项目支出绩效自评表",
    rows: [
      ["项目支出绩效自评表（2024年度）"],
      ["项目名称", "农村人居环境整治", "", "", "", "", "", ""],
      ["主管部门", "某县农业农村局", "", "", "实施单位", "某镇人民政府"],
      ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["", "年度资金总额", 200, 200, 190, 10, 0.95, 9.5],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ...indicators,
      ["总分", "", "", "", "", 100, recordedTotal, "优"],
    ],
    merges: ["A1:H1", "B2:H2", "A4:A5", "A7:A11", "A14:E14"],
    numFmts: { G5: "0%" },
  });
}

describe("an actual naming what was done after its number: 开展22场宣传活动 against ≥20场", () => {
  it.each([
    ["≥20场", "开展22场宣传活动", "22", "场"],
    ["≥300人次", "培训312人次农民", "312", "人次"],
    ["≥5座", "已建成5座桥梁", "5", "座"],
    ["完成3个村", "实际完成3个村", "3", "个"],
    ["≥120户", "已完成126户改造", "126", "户"],
    ["完成3个村", "已完成3个村", "3", "个"],
    ["完成120户危房改造", "已完成120户危房改造", "120", "户"],
    ["完成3个村的污水管网建设，验收合格", "已完成3个村污水管网建设并通过验收", "3", "个"],
    ["≤300万元", "投入资金280万元用于道路建设", "280", "万元"],
    // Names that hold a character of negation or of a part, and take nothing away.
    ["≥20场", "开展22场非遗宣传活动", "22", "场"],
    ["≥5处", "建成5处无障碍设施", "5", "处"],
    ["≥3个", "建成3个不动产登记服务点", "3", "个"],
    ["≥2座", "完成2座病险水库除险加固", "2", "座"],
    ["≥10处", "完成12处违法建筑拆除", "12", "处"],
    ["≥5000亩", "建成5000亩高标准基本农田", "5000", "亩"],
    ["≥5座", "建成5座缺水村蓄水池", "5", "座"],
    ["≥3个", "帮扶3个欠发达村", "3", "个"],
    ["≥300人次", "培训312人次非农就业人员", "312", "人次"],
  ])("reads %s / %s as that quantity, met in full", (target, actual, value, unit) => {
    const a = run(townshipForm({ name: "任务量", target, actual }));
    expect(a.indicators[0].actual).toMatchObject({ text: actual, value, unit });
    expect(a.indicators[0].score).toBe("10");
    expect(found(a)).toEqual([]);
  });

  it("scores such an actual short of its target as the number it states", () => {
    const a = run(townshipForm({ name: "新建桥梁", target: "≥5座", actual: "已建成4座桥梁", score: 10, reason: "1座在建" }));
    expect(found(a)).toEqual(["score-mismatch@项目支出绩效自评表!G7"]);
    expect(message(a, "score-mismatch", "G7")).toBe("“新建桥梁”填报得分 10；按正向指标公式（分值×实际值÷指标值）应为 8。");
  });

  it.each([
    ["仅建成4座桥梁", "a shortfall before the number"],
    ["计划建成5座桥梁", "a plan, not a result"],
    ["建成5座桥梁，另有2座在建", "a second number after it"],
    ["建成5座桥梁部分未验收", "a part taken away after it"],
    ["建成5座无障碍桥梁，未验收", "a negation beside a name that holds one"],
    ["建成5座桥梁基本完工", "基本 that is not 基本农田"],
    ["排名第5座", "a rank"],
  ])("keeps %s a not-numeric actual (%s)", (actual) => {
    const a = run(townshipForm({ name: "新建桥梁", target: "≥5座", actual }));
    expect(found(a)).toEqual(["not-numeric@项目支出绩效自评表!E7"]);
  });

  it("reads the words only in the target's unit: 开展22场宣传活动 against ≥20次 stays not-numeric", () => {
    const a = run(townshipForm({ name: "宣传次数", target: "≥20次", actual: "开展22场宣传活动" }));
    expect(found(a)).toEqual(["not-numeric@项目支出绩效自评表!E7"]);
  });

  it("leaves the same words a phrase alone, where they may describe a task as well as state a number", () => {
    for (const text of ["开展22场宣传活动", "新建3所学校", "投入资金300万元用于道路建设"]) {
      expect(parseValue(text)).toMatchObject({ kind: "qualitative", value: null });
    }
  });
});

describe("an actual with a clause setting it against another figure (review round 15, D)", () => {
  /** A 质量指标 rate for the percentages, a 数量指标 count for the others. */
  const row = (target: string, actual: string): RowUnderTest =>
    target.endsWith("%") ? { level2: "质量指标", name: "工程合格率", target, actual } : { name: "任务量", target, actual };

  it.each([
    ["≥95%", "98%，较上年提高2个百分点", "98", "%"],
    ["≥1200亩", "1235亩，占计划的102.9%", "1235", "亩"],
    ["≥95%", "98%；同比提高1.5个百分点，位居全市第一", "98", "%"],
    ["≥20场", "22场，比计划多2场", "22", "场"],
    ["≥1200亩", "实际完成1235亩，占计划的102.9%", "1235", "亩"],
  ])("reads %s / %s as its first figure, met in full", (target, actual, value, unit) => {
    const a = run(townshipForm(row(target, actual)));
    expect(a.indicators[0].actual).toMatchObject({ text: actual, value, unit });
    expect(found(a)).toEqual([]);
  });

  it("keeps it not-numeric on a row measuring a change, whose figure the clause may give (农民收入增幅, review round 16)", () => {
    const a = run(townshipForm({ level2: "质量指标", name: "农民收入增幅", target: "≥3%", actual: "92%，较上年提高1%" }));
    expect(found(a)).toEqual(["not-numeric@项目支出绩效自评表!E7"]);
    // A note without a figure gives none to choose from (review round 17).
    const plain = run(townshipForm({ level2: "质量指标", name: "农民人均收入增长率", target: "≥5%", actual: "6%，高于全省平均水平" }));
    expect(found(plain)).toEqual([]);
  });

  it("keeps a clause adding a figure of its own, or a comparison followed by one, not-numeric", () => {
    for (const actual of ["98%，另有2所在建", "98%，较上年提高2个百分点，另有3所在建"]) {
      expect(found(run(townshipForm(row("≥95%", actual))))).toEqual(["not-numeric@项目支出绩效自评表!E7"]);
    }
  });
});

describe("an actual with clauses holding figures in other units: 10次，覆盖全县12个乡镇 (review round 50b, C1)", () => {
  it.each([
    ["≥10次", "10次，覆盖全县12个乡镇", "10", "次"],
    ["≥15场", "15场，受众3000余人", "15", "场"],
    ["≥300人次", "培训320人次，发放资料2000份", "320", "人次"],
    ["≥6期", "6期，培训450人次", "6", "期"],
    ["≥10次", "10次；覆盖12个乡镇", "10", "次"],
    ["≥10次", "十次，覆盖全县12个乡镇", "10", "次"],
    ["≥20场", "开展22场宣传活动，受众3000余人", "22", "场"],
  ])("reads %s / %s as its first figure, met in full", (target, actual, value, unit) => {
    const a = run(townshipForm({ name: "任务量", target, actual }));
    expect(a.indicators[0].actual).toMatchObject({ text: actual, value, unit });
    expect(found(a)).toEqual([]);
  });

  it("scores a first figure short of its target as that figure", () => {
    const a = run(townshipForm({ name: "开展宣传", target: "≥12次", actual: "10次，覆盖8个乡镇", score: 10, reason: "疫情影响" }));
    expect(message(a, "score-mismatch", "G7")).toBe("“开展宣传”填报得分 10；按正向指标公式（分值×实际值÷指标值）应为 8.33。");
  });

  it.each([
    ["≥10次", "10次，另有2次线上", "数量指标", "任务量", "a later figure in the target's unit"],
    ["≥10次", "10次，另有3场线上", "数量指标", "任务量", "a clause adding more, in a unit that may count the same"],
    ["≤500万元", "480万元，节约20万元", "成本指标", "项目总成本", "a later amount of money: spent or saved may be meant"],
    ["≥120家", "检查企业126家，整改问题35个", "数量指标", "检查企业", "个, which counts anything, 家 too"],
    ["≥10次", "10次，覆盖12", "数量指标", "任务量", "a later figure without a unit"],
    ["≥10次", "计划10次，覆盖12个乡镇", "数量指标", "任务量", "a plan"],
    ["≥10次", "仅完成10次，覆盖12个乡镇", "数量指标", "任务量", "a first clause taking something away"],
    ["≥3%", "4%，带动1200户", "经济效益指标", "农民收入增幅", "a row measuring a change"],
    ["0起", "全年未发生安全事故，开展安全检查12次", "社会效益指标", "安全事故发生数", "no figure in the first clause"],
  ])("keeps %s / %s not-numeric (%s)", (target, actual, level2, name) => {
    const a = run(townshipForm({ level2, name, target, actual }));
    expect(found(a)).toEqual(["not-numeric@项目支出绩效自评表!E7"]);
  });
});

describe("numbers in Chinese numerals (review round 50b, C2)", () => {
  it.each([
    ["3次", "完成三次"],
    ["≥50户", "五十户"],
    ["≥10次", "十余次"],
    ["≥30场", "三十余场"],
    ["≥2000份", "两千份"],
    ["≥12期", "十二期"],
    ["≥3个", "已建成三个"],
    ["≥15次", "共计十五次"],
    ["不少于十次", "12次"],
    ["不少于两个", "两个"],
    ["每月两次", "24次"],
  ])("reads %s against %s as numbers: met, full marks, no finding", (target, actual) => {
    const a = run(townshipForm({ name: "任务量", target, actual }));
    expect(a.indicators[0].target.value).not.toBeNull();
    expect(a.indicators[0].actual?.value).not.toBeNull();
    expect(a.indicators[0].score).toBe("10");
    expect(found(a)).toEqual([]);
  });

  it.each([
    ["三次", "2次", "6.67"],
    ["十二期", "9期", "7.5"],
    ["不少于十次", "8次", "8"],
  ])("scores an actual short of a target in numerals (%s against %s): a recorded full score is a score-mismatch", (target, actual, due) => {
    const a = run(townshipForm({ name: "召开工作推进会", target, actual, score: 10, reason: "工作调整" }));
    expect(found(a)).toEqual(["score-mismatch@项目支出绩效自评表!G7"]);
    expect(message(a, "score-mismatch", "G7")).toBe(`“召开工作推进会”填报得分 10；按正向指标公式（分值×实际值÷指标值）应为 ${due}。`);
  });

  it("reads a deadline in numerals as the same in digits: 11月 meets 十二月底前, 次年2月 misses it", () => {
    const met = run(townshipForm({ level2: "时效指标", name: "项目完成时间", target: "十二月底前", actual: "11月" }));
    expect(found(met)).toEqual([]);
    const late = run(townshipForm({ level2: "时效指标", name: "项目完成时间", target: "十二月底前", actual: "次年2月", reason: "工期延误" }));
    expect(found(late)).toEqual(["qualitative-score-band@项目支出绩效自评表!G7", "total-incomplete@项目支出绩效自评表!G14"]);
  });

  it("reads a figure in numerals in a note on a row measuring a change: 92%，较上年提高一个百分点 stays not-numeric", () => {
    const a = run(townshipForm({ level2: "质量指标", name: "农民收入增幅", target: "≥3%", actual: "92%，较上年提高一个百分点" }));
    expect(found(a)).toEqual(["not-numeric@项目支出绩效自评表!E7"]);
  });

  it("leaves words holding numerals words: 一站式服务 restated is met, and not a count", () => {
    const a = run(townshipForm({ level2: "质量指标", name: "服务模式", target: "一站式服务", actual: "一站式服务" }));
    expect(a.indicators[0].target.value).toBeNull();
    expect(found(a)).toEqual([]);
  });
});

describe("a unit written before its number with 每: 每户1000元 is 1000元/户 (review round 17)", () => {
  it("reads it per that unit, against a target per the same", () => {
    expect(parseValue("每户1000元")).toMatchObject({ kind: "number", unit: { symbol: "元/户" } });
    expect(parseValue("每亩不少于50公斤")).toMatchObject({ kind: "number", op: ">=", unit: { symbol: "千克/亩" } });
    const met = run(townshipForm({ level2: "质量指标", name: "困难户取暖补助", target: "≥1200元/户", actual: "每户1200元" }));
    expect(found(met)).toEqual([]);
    const short = run(townshipForm({ level2: "质量指标", name: "困难户取暖补助", target: "≥1200元/户", actual: "每户1000元", reason: "标准调整" }));
    expect(message(short, "score-mismatch", "G7")).toBe("“困难户取暖补助”填报得分 10；按正向指标公式（分值×实际值÷指标值）应为 8.33。");
  });
});

describe("a target per period written before its number: 每月2次 is 24 a year", () => {
  it.each([
    ["每月不少于2次", "全年开展巡查26次"],
    ["每月2次", "26次"],
    ["每季度≥1次", "4次"],
    ["每季度至少开展1次", "全年开展5次"],
    ["每周1次", "52次"],
    ["每月至少1次", "12次"],
    ["月均≥2次", "26次"],
    ["每半年1次", "2次"],
    ["每个月1次", "12次"],
    // Every so many weeks or months, every half month, every day (review round 18, A2).
    ["每两周1次", "26次"],
    ["每2周1次", "26次"],
    ["每半月1次", "24次"],
    ["每两个月1次", "6次"],
    ["每3个月1次", "4次"],
    ["每日1次", "365次"],
    ["每天1次", "365次"],
    // A day's figure is a year's of 250 working days to 365 days (review round 19, R4).
    ["每日1次", "250次"],
    ["每日处理≥20件", "5000件"],
    ["每日1次", "30次/月"],
    ["每日≥2次", "60次/月"],
    // …read as the day's or the year's, whichever the count is nearer.
    ["每日接待≥500人次", "520人次"],
    ["≥500人次/天", "520人次"],
    ["每日接待≥500人次", "19万人次"],
    ["≥500人次/天", "19万人次"],
  ])("reads %s against %s on a year's basis: met, and no over-achievement", (target, actual) => {
    const a = run(townshipForm({ name: "开展督导检查次数", target, actual }));
    expect(a.indicators[0].target.value).not.toBeNull(); // read as a number, not left as words
    expect(a.indicators[0].score).toBe("10");
    expect(found(a)).toEqual([]);
  });

  it("scores 12次 against 每月2次 as 12 of 24: a recorded full score is a score-mismatch", () => {
    const a = run(townshipForm({ name: "开展督导检查次数", target: "每月2次", actual: "12次", score: 10 }));
    expect(found(a)).toEqual(["score-mismatch@项目支出绩效自评表!G7", "missing-reason@项目支出绩效自评表!H7"]);
    expect(message(a, "score-mismatch", "G7")).toBe("“开展督导检查次数”填报得分 10；按正向指标公式（分值×实际值÷指标值）应为 5。");
  });

  it.each([
    ["每两周1次", "10次", "3.85"], // 26 due
    ["每2周1次", "13次", "5"], // 26 due (review round 19)
    ["每3个月1次", "2次", "5"], // 4 due
    ["每两个月1次", "3次", "5"], // 6 due
    ["每日1次", "200次", "8"], // 250 due at the fewest, on working days
  ])("scores a shortfall against %s on a year's basis: %s earns %s of 10 (review round 18, B4)", (target, actual, score) => {
    const a = run(townshipForm({ name: "开展督导检查次数", target, actual, score: 10 }));
    expect(a.indicators[0].score).toBe(score);
    expect(found(a)).toEqual(["score-mismatch@项目支出绩效自评表!G7", "missing-reason@项目支出绩效自评表!H7"]);
  });


  it("scores a day's figure short on the reading it is nearer: 400人次 against ≥500人次/天 earns 8 of 10", () => {
    const a = run(townshipForm({ name: "接待游客人次", target: "≥500人次/天", actual: "400人次", score: 10 }));
    expect(a.indicators[0].score).toBe("8");
    expect(found(a)).toContain("score-mismatch@项目支出绩效自评表!G7");
  });

  it("reads an actual in words per period so too: 每月开展2次督导 meets ≥24次", () => {
    const a = run(townshipForm({ name: "开展督导检查次数", target: "≥24次", actual: "每月开展2次督导" }));
    expect(a.indicators[0].actual).toMatchObject({ value: "2", unit: "次/月" });
    expect(found(a)).toEqual([]);
  });

  it("reads the period as ≥2次/月 reads it, a day's too", () => {
    for (const text of ["每月2次", "每月不少于2次", "月均≥2次", "≥2次/月"]) expect(unitShown(parseValue(text))).toBe("次/月");
    expect(parseValue("每季度≥1次").period).toEqual({ word: "季度", perYear: 4 });
    expect(parseValue("每半年1次").period).toEqual({ word: "半年", perYear: 2 });
    expect(parseValue("每日接待≥500人次")).toMatchObject({ kind: "number", period: { word: "日", perYear: 365 }, unit: { symbol: "人次" } });
    expect(parseValue("每两周1次").period).toEqual({ word: "两周", perYear: 26 });
    expect(parseValue("每半月1次").period).toEqual({ word: "半月", perYear: 24 });
    expect(parseValue("每2周1次").period).toEqual({ word: "2周", perYear: 26 });
    expect(parseValue("每3个月1次").period).toEqual({ word: "3个月", perYear: 4 });
    expect(parseValue("每两个月1次").period).toEqual({ word: "两个月", perYear: 6 });
    // 每3周 is 17⅓ a year: no exact count, so words, as a target to be read by the reviewer.
    for (const text of ["每3周1次", "每三周1次"]) expect(parseValue(text)).toMatchObject({ kind: "qualitative", value: null });
    // A share is per no period; 每 before anything but a period is no period (每公里造价 is a label).
    expect(parseValue("月均出勤率≥95%")).toMatchObject({ kind: "number", period: null, unit: { symbol: "%" } });
    expect(parseValue("年均增长5%")).toMatchObject({ kind: "number", period: null, unit: { symbol: "%" } });
    expect(parseValue("每公里造价3万元")).toMatchObject({ kind: "number", period: null, unit: { symbol: "万元" } });
  });
});

describe("all of it done (全覆盖, 全部完成, 完成) against a target of 100%", () => {
  it.each([
    ["服务覆盖率", "100%", "全覆盖"],
    ["完成任务", "100%", "全部完成"],
    ["项目完成率", "100%", "完成"],
    ["项目完成率", "=100%", "已全部完成"],
  ])("reads %s %s / %s as 100%%, met", (name, target, actual) => {
    const a = run(townshipForm({ level2: "质量指标", name, target, actual }));
    expect(a.indicators[0].actual).toMatchObject({ text: actual, value: "100", unit: "%" });
    expect(a.indicators[0].score).toBe("10");
    expect(found(a)).toEqual([]);
  });

  it("reads 均已完成 against ≥100% as met too, the target keeping its own warning", () => {
    const a = run(townshipForm({ level2: "质量指标", name: "政策落实率", target: "≥100%", actual: "均已完成" }));
    expect(a.indicators[0].score).toBe("10");
    expect(found(a)).toEqual(["ge-100-percent@项目支出绩效自评表!D7"]);
  });

  it.each([
    ["100%", "基本完成"],
    ["≥95%", "全覆盖"],
    ["≤100%", "全部完成"],
  ])("gives %s / %s no figure: a not-numeric actual", (target, actual) => {
    const a = run(townshipForm({ level2: "质量指标", name: "服务覆盖率", target, actual }));
    expect(found(a)).toEqual(["not-numeric@项目支出绩效自评表!E7"]);
  });
});

describe("a target 年内 alone is a deadline, as 本年内 and 年度内完成 are", () => {
  it("reads it as the year's end, met by 2024年10月已全部拨付", () => {
    const a = run(townshipForm({ level2: "时效指标", name: "资金拨付时间", target: "年内", actual: "2024年10月已全部拨付" }));
    expect(found(a)).toEqual([]);
    expect(parseValue("年内")).toMatchObject({ kind: "qualitative", problem: null, date: { year: null, month: 12, firstDay: 1, lastDay: 31 } });
  });

  it("keeps a unit alone a unit without a number: 年 and 次", () => {
    for (const text of ["年", "次以内"]) expect(parseValue(text)).toMatchObject({ kind: "invalid", problem: "只有单位，没有数字" });
  });
});

describe("count-ceiling: a ceiling on money under 数量指标 is a spending control", () => {
  it("leaves “三公”经费控制 ≤28万元 alone, and still flags a count with a ceiling", () => {
    const money = run(townshipForm({ name: "“三公”经费控制", target: "≤28万元", actual: "26.4万元" }));
    expect(found(money)).toEqual([]);
    const count = run(townshipForm({ name: "新建公厕", target: "≤4座", actual: "4座" }));
    expect(found(count)).toEqual(["count-ceiling@项目支出绩效自评表!D7"]);
  });

  it("leaves a ceiling per head in money alone too (≤500元/人)", () => {
    const a = run(townshipForm({ name: "人均补助标准", target: "≤500元/人", actual: "480元/人" }));
    expect(found(a)).toEqual([]);
  });
});

describe("an actual written as a range: met at its worse end, it meets the target", () => {
  it.each([
    ["质量指标", "验收合格率", "≥90%", "95%-98%"],
    ["时效指标", "审批办结时限", "≤5天", "3-4天"],
    ["数量指标", "培训场次", "≥20场", "20～25场"],
    ["成本指标", "每户改造成本", "≤3万元", "2.5至2.8万元"],
  ])("%s %s: %s against %s scores full marks with no finding", (level2, name, target, actual) => {
    const a = run(townshipForm({ level2, name, target, actual }));
    expect(found(a)).toEqual([]);
    expect(a.indicators[0].score).toBe("10");
  });

  it("finds a score short of full marks there, as for any target met", () => {
    const a = run(townshipForm({ level2: "质量指标", name: "验收合格率", target: "≥90%", actual: "95%-98%", score: 8, reason: "个别项目整改" }));
    expect(found(a)).toEqual(["score-mismatch@项目支出绩效自评表!G7"]);
    expect(a.indicators[0].score).toBe("10");
  });

  it.each([
    ["质量指标", "验收合格率", "≥90%", "88%-95%"],
    ["时效指标", "审批办结时限", "≤5天", "3-6天"],
    ["质量指标", "验收合格率", "=100%", "95%～100%"],
    ["数量指标", "新建村级服务站", "=12个", "12-15个"],
  ])("%s %s: %s against %s, missed at its worse end, is still no one figure (not-numeric)", (level2, name, target, actual) => {
    const a = run(townshipForm({ level2, name, target, actual, score: 9, reason: "部分未达标" }));
    expect(found(a)).toEqual(["not-numeric@项目支出绩效自评表!E7"]);
  });

  it("still finds a satisfaction range past 100% (90%-120%)", () => {
    const a = run(townshipForm({ level2: "服务对象满意度指标", name: "群众满意度", target: "≥90%", actual: "90%-120%" }));
    expect(found(a)).toContain("percent-over-100@项目支出绩效自评表!E7");
  });
});

describe("个 against a thing's own measure word (12个 against ≥12座)", () => {
  it("is the same count: met in full, or scored by it", () => {
    expect(found(run(townshipForm({ name: "新建村级活动场所", target: "≥12座", actual: "12个" })))).toEqual([]);
    expect(found(run(townshipForm({ name: "新建村级活动场所", target: "≥5处", actual: "已建成5个" })))).toEqual([]);
    const short = run(townshipForm({ name: "新建村级活动场所", target: "≥5处", actual: "4个", score: 8, reason: "1处选址调整" }));
    expect(found(short)).toEqual([]);
    expect(short.indicators[0].score).toBe("8");
  });

  it("is still another unit against people or households (12个 against ≥12户)", () => {
    expect(found(run(townshipForm({ name: "改造农户", target: "≥12户", actual: "12个" })))).toEqual(["unit-mismatch@项目支出绩效自评表!E7"]);
  });
});
