/**
 * The year a form is for, read once (code review of round 55): detection chooses among dated
 * columns by it (2023年 | 2024年 under 实际完成值: what was done is never a later year's), and the
 * model dates a deadline that names no year by it (11月30日前) and reports it (tables[].year). Both
 * read the same year: stated above the form's header, else named by its sheet.
 */
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { INDICATOR_HEADER, workbook } from "../support/grid";
import { found } from "../support/findings";

type Row = CellValue[];

const run = (name: string, rows: Row[], merges: string[] = []): Analysis => analyze(workbook({ name, rows, merges }), DEFAULT_PROFILE);
const years = (a: Analysis) => a.tables.map((t) => t.year ?? null);

/** 项目完成时间 11月30日前, done 2023年12月15日 and scored 20 of 20, under 产出, 效益 and 满意度 met in full. */
const DEADLINE_ROWS: Row[] = [
  INDICATOR_HEADER,
  ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 40, 40, ""],
  ["", "时效指标", "项目完成时间", "11月30日前", "2023年12月15日", 20, 20, ""],
  ["效益指标", "社会效益指标", "培训效果", "有效提升", "有效提升", 20, 20, ""],
  ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 20, 20, ""],
];

/** 培训人次 ≥500人次, done 520 in 2023 and 300 so far in 2024, scored 100 of 100 (2023's). */
const DATED_ROWS = (above: Row[]): Row[] => [
  ...above,
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", null, "分值", "得分"],
  [null, null, null, null, "2023年", "2024年", null, null],
  ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", "300人次", 100, 100],
];
const datedMerges = (top: number): string[] =>
  ["A", "B", "C", "D", "G", "H"].map((c) => `${c}${top}:${c}${top + 1}`).concat([`E${top}:F${top}`]);

describe("the year a form's title states", () => {
  it("a title longer than 40 characters: the 2023 column is read, as the model dates the form 2023", () => {
    const title = "某某县农业农村局2023年度农村人居环境整治提升专项资金（第二批）项目支出绩效自评表";
    expect(title.length).toBeGreaterThan(40);
    const a = run("自评表", DATED_ROWS([[title]]), datedMerges(2));
    expect(a.indicators.map((i) => i.actual?.text)).toEqual(["520人次"]);
    expect(years(a)).toEqual([2023]);
    expect(found(a)).toEqual(["missing-dimension@自评表!A2"]);
  });

  it("a line 评价年度：2023年 above the header: a deadline with no year is 2023's, 2023年12月15日 is late", () => {
    const a = run("自评表", [["项目支出绩效自评表"], ["评价年度：2023年"], ...DEADLINE_ROWS]);
    expect(years(a)).toEqual([2023]);
    expect(found(a)).toEqual(["total-incomplete@自评表!G3", "qualitative-score-band@自评表!G5"]);
  });
});

describe("the year a sheet's name states, where nothing above the form does", () => {
  it.each(["2023年度", "2023年项目A", "项目A（2023年）"])("a sheet named %s: 11月30日前 against 2023年12月15日 is late", (name) => {
    const a = run(name, DEADLINE_ROWS);
    expect(years(a)).toEqual([2023]);
    expect(found(a)).toEqual([`total-incomplete@${name}!G1`, `qualitative-score-band@${name}!G3`]);
  });

  it("a sheet named 2023年项目A: of 实际完成值 over 2023年 | 2024年, the 2023 column is read", () => {
    const a = run("2023年项目A", DATED_ROWS([]), datedMerges(1));
    expect(a.indicators.map((i) => i.actual?.text)).toEqual(["520人次"]);
  });

  it("a title's year before the sheet's name: 2024年度 sheet, （2023年度） above the header", () => {
    const a = run("2024年度", [["（2023年度）"], ...DEADLINE_ROWS]);
    expect(years(a)).toEqual([2023]);
  });

  // A sheet named by its filing date (2024年1月报送) states a date, not the form's year (review 56 L2).
  it.each(["2022-2023年", "项目A", "Sheet2023", "2024年1月报送", "2024年 1 月15日"])("a sheet named %s states no one year: no year, the deadline unjudged as before", (name) => {
    const a = run(name, DEADLINE_ROWS);
    expect(years(a)).toEqual([null]);
    expect(found(a)).toEqual([]);
  });
});

describe("only what states the form's year dates it", () => {
  // 全年执行数 over 2022年 | 2023年 in the form's own budget block: headings of its columns, not the
  // form's year; 11月底前 against 2023年11月25日 is on time (review 56 H2).
  it("a budget block's dated sub-header (2022年 | 2023年) under the title 2023年度…: the form is 2023's", () => {
    const a = run(
      "自评表",
      [
        ["2023年度项目支出绩效自评表"],
        ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", null, "分值", "执行率", "得分"],
        [null, null, null, null, "2022年", "2023年", null, null, null],
        [null, "年度资金总额", 100, 100, 90, 95, 10, 0.95, 9.5],
        [null, "其中：财政拨款", 100, 100, 90, 95, null, null, null],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 30, 30, null],
        ["产出指标", "时效指标", "完成时间", "11月底前", "2023年11月25日", 20, 20, null],
        ["效益指标", "社会效益指标", "就业率", "≥90%", "92%", 30, 30, null],
        ["满意度指标", "服务对象满意度", "满意度", "≥90%", "95%", 10, 10, null],
        ["总分", null, null, null, null, 100, 99.5, null],
      ],
      ["C2:C3", "D2:D3", "G2:G3", "H2:H3", "I2:I3", "E2:F2", "A2:B3"],
    );
    expect(years(a)).toEqual([null, 2023]);
    expect(found(a).filter((f) => /qualitative-score-band|total-incomplete/.test(f))).toEqual([]);
  });

  // 11月30日前 against 2023年11月25日: on time in 2023, late in 2022.
  const ON_TIME_ROWS = DEADLINE_ROWS.map((row) => row.map((cell) => (cell === "2023年12月15日" ? "2023年11月25日" : cell)));
  const goals = (text: string): Row[] => [
    ["年度总体目标", "预期目标", null, null, "实际完成情况"],
    [null, text, null, null, "建成集中供水工程12处，受益人口3.35万人。"],
  ];
  const goalsMerges = ["A3:A4", "B3:D3", "E3:H3", "B4:D4", "E4:H4"];

  // A goals text nearer the header than the （2023年度） line, mentioning last year (review 56 M1).
  it.each([
    "巩固2022年度农村饮水工程建设成果，新建集中供水工程12处，铺设管网85公里。",
    "巩固2022年度建设成果",
    "完成2022年度绩效目标",
  ])("（2023年度） above a goals text %s: the form is 2023's, 11月30日前 met by 2023年11月25日", (text) => {
    const a = run("自评表", [["项目支出绩效自评表"], ["（2023年度）"], ...goals(text), ...ON_TIME_ROWS], goalsMerges);
    expect(years(a)).toEqual([2023]);
    expect(found(a)).toEqual([]);
  });

  it.each([
    ["a line of prose", "根据2022年度预算安排，本项目由县财政全额保障。"],
    ["a project's name", "2022年度农村道路建设项目"],
  ])("%s with a year between the title and the header (%s): the title's year", (_what, text) => {
    const a = run("自评表", [["2023年度项目支出绩效自评表"], [text], ...ON_TIME_ROWS]);
    expect(years(a)).toEqual([2023]);
    expect(found(a)).toEqual([]);
  });
});
