/**
 * Budget lists as 部门整体 forms and unit summaries give them (review round 12, items 1 and 8): a
 * 基本支出 line among the projects, 一、基本支出 / 二、项目支出 over their parts, a 合计 heading or
 * closing the list, a project whose name begins with a source of funds; and budget headers in the
 * wordings units write (全年调整预算数, 预算批复数, 累计支出数, 截至12月31日执行数 …).
 */
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { reviewFile } from "../../src/core/review";
import { BUDGET_HEADER, DEPARTMENT_HEAD, DEPARTMENT_INDICATORS, INDICATOR_HEADER, SheetSpec, workbook } from "../support/grid";
import { found } from "../support/findings";

type Row = CellValue[];
/** A line of a list: its label, 年初预算数, 全年预算数 and 全年执行数 (万元). */
type Line = [string, number, number, number];

const run = (wb: WorkbookGrid, lang: "zh" | "en" = "zh"): Analysis => analyze(wb, DEFAULT_PROFILE, { lang });

const BASIC: Line = ["基本支出", 620.3, 655.1, 655.1];
const PROJECT_SPENDING: Line = ["项目支出", 160, 175, 166.68];
const PROJECTS: Line[] = [
  ["公共法律服务", 85, 92.4, 88.16],
  ["人民调解", 40, 40, 38.5],
  ["社区矫正", 35, 42.6, 40.02],
];
const TOTAL: Line = ["合计", 780.3, 830.1, 821.78];

/**
 * A unit's budget list under 单位：万元: 序号 | 项目 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 in
 * row 2, `lines` from row 3, each 执行率 typed as the sheet computes it (0.00%).
 */
function budgetList(name: string, lines: Line[], header = "项目"): SheetSpec {
  const numFmts: Record<string, string> = {};
  lines.forEach((_, i) => (numFmts[`F${3 + i}`] = "0.00%"));
  return {
    name,
    rows: [
      ["单位：万元"],
      ["序号", header, "年初预算数", "全年预算数", "全年执行数", "执行率"],
      ...lines.map(([label, initial, planned, spent], i): Row => [i + 1, label, initial, planned, spent, spent / planned]),
    ],
    numFmts,
  };
}

/** The line labelled `label` with its 全年预算数 raised by 10: one wrong figure. */
const raised = (lines: Line[], label: string): Line[] =>
  lines.map((line) => (line[0] === label ? [line[0], line[1], line[2] + 10, line[3]] : line));

/** Every right list of round 12's item 1, and the cell a wrong 全年预算数 in it is named at. */
const LISTS: { name: string; lines: Line[]; header?: string; wrong: string; at: string }[] = [
  { name: "基本支出在前", lines: [BASIC, ...PROJECTS, TOTAL], wrong: "合计", at: "D7" },
  { name: "基本支出在后", lines: [...PROJECTS, BASIC, TOTAL], wrong: "社区矫正", at: "D7" },
  { name: "基本支出带注", lines: [["基本支出（人员经费、公用经费）", 620.3, 655.1, 655.1], ...PROJECTS, TOTAL], wrong: "人民调解", at: "D7" },
  {
    name: "项目支出冒号",
    lines: [BASIC, ["项目支出：公共法律服务", 85, 92.4, 88.16], ...PROJECTS.slice(1), TOTAL],
    wrong: "合计",
    at: "D7",
  },
  // 合计 = 一 + 二; the projects break down 二、项目支出, and a wrong one is named there.
  {
    name: "分级",
    lines: [["一、基本支出", 620.3, 655.1, 655.1], ["二、项目支出", 160, 175, 166.68], ...PROJECTS, TOTAL],
    wrong: "人民调解",
    at: "D4",
  },
  // 合计 heading the list = 基本支出 + 项目支出; 其中 under 项目支出 breaks it down, not the 合计.
  {
    name: "合计在上",
    lines: [TOTAL, BASIC, PROJECT_SPENDING, ["其中：公共法律服务", 85, 92.4, 88.16], ...PROJECTS.slice(1)],
    wrong: "人民调解",
    at: "D5",
  },
  { name: "合计在上基本支出", lines: [TOTAL, BASIC, ...PROJECTS], wrong: "人民调解", at: "D3" },
  {
    name: "合计在上分级",
    lines: [TOTAL, ["一、基本支出", 620.3, 655.1, 655.1], ["人员经费", 520.3, 545.1, 545.1], ["公用经费", 100, 110, 110], ["二、项目支出", 160, 175, 166.68], ...PROJECTS],
    wrong: "公用经费",
    at: "D4",
  },
  {
    name: "上级补助",
    header: "项目名称",
    lines: [
      ["高标准农田建设", 1200, 1200, 1168.5],
      ["上级补助农机购置补贴", 300, 300, 300],
      ["动物疫病防控", 86, 86, 86],
      ["农业技术推广", 35, 35, 33.6],
      ["合计", 1621, 1621, 1588.1],
    ],
    wrong: "合计",
    at: "D7",
  },
];

describe("a budget list with no 年度资金总额 above it: a 基本支出 line or a source's name among its lines", () => {
  it.each(LISTS)("finds nothing wrong in the right list ($name)", ({ name, lines, header }) => {
    const a = run(workbook(budgetList(name, lines, header)));
    expect(a.budget).toHaveLength(lines.length);
    expect(found(a)).toEqual([]);
  });

  it.each(LISTS)("names one wrong 全年预算数 at the line that sums it ($name, $wrong)", ({ name, lines, header, wrong, at }) => {
    expect(found(run(workbook(budgetList(name, raised(lines, wrong), header))))).toEqual([`sum-mismatch@${name}!${at}`]);
  });

  it("adds 基本支出 into a 合计 closing the list: 620.3 + 160 is not 790.3", () => {
    const a = run(workbook(budgetList("两行", [BASIC, PROJECT_SPENDING, ["合计", 790.3, 840.1, 831.78]])));
    expect(found(a)).toEqual(["sum-mismatch@两行!C5", "sum-mismatch@两行!D5", "sum-mismatch@两行!E5"]);
    expect(a.findings[0].message).toBe("合计行填的是 790.3，但上方各行相加为 780.3。请改为 780.3，或核对各行数字。");
  });

  it("names the parts a 项目支出 does not add up to", () => {
    const lines = raised([TOTAL, BASIC, PROJECT_SPENDING, ...PROJECTS], "人民调解");
    const a = run(workbook(budgetList("合计在上", lines)));
    expect(a.findings.map((f) => f.message)).toEqual(["“项目支出”填的是 175，但其中各项相加为 185。请改为 185，或核对各行数字。"]);
  });

  it("counts 一、基本支出 / 二、项目支出 headings left blank as their parts", () => {
    const lines = (total: number): Row[] => [
      ["一、基本支出"],
      ["人员经费", 520.3, 545.1, 545.1],
      ["公用经费", 100, 110, 110],
      ["二、项目支出"],
      ...PROJECTS,
      ["合计", 780.3, total, 821.78],
    ];
    const sheet = (total: number): SheetSpec => ({ name: "标题行", rows: [["项目", "年初预算数", "全年预算数", "全年执行数"], ...lines(total)] });
    expect(found(run(workbook(sheet(830.1))))).toEqual([]);
    expect(found(run(workbook(sheet(840.1))))).toEqual(["sum-mismatch@标题行!C9"]);
  });

  it("takes a project named after a source of funds (上级补助农机购置补贴) for a project of the list", () => {
    const a = run(workbook(budgetList("上级补助", LISTS.find((l) => l.name === "上级补助")!.lines, "项目名称")));
    expect(a.budgetLines.map((l) => l.kind)).toEqual(["line", "line", "line", "line", "total"]);
  });
});

describe("a 年度资金总额 over 基本支出 and 项目支出, and 项目支出 over its projects", () => {
  const form = (projectB: number): SheetSpec => ({
    name: "资金",
    rows: [
      ["项目", "全年预算数", "全年执行数", "执行率"],
      ["年度资金总额", 300, 290, null],
      ["其中：基本支出", 120, 120, null],
      ["项目支出", 180, 170, null],
      ["项目A", 100, 95, null],
      ["项目B", projectB, 75, null],
    ],
  });

  it("checks the total against its uses, and 项目支出 against its projects", () => {
    expect(found(run(workbook(form(80))))).toEqual([]);
    expect(found(run(workbook(form(90))))).toEqual(["sum-mismatch@资金!B4"]);
  });
});

describe("a total and its 其中 row exactly 10,000 apart: one of them typed in the table's other unit (review round 56a, F3)", () => {
  /** 项目资金 headed in `unit`: 年度资金总额 over one 其中：财政拨款 row, its 全年预算数 and 执行数 as given. */
  const form = (unit: string, total: [number, number], part: [number, number]): SheetSpec => ({
    name: "资金",
    rows: [
      [`项目资金${unit}`, "全年预算数", "全年执行数"],
      ["年度资金总额", ...total],
      ["其中：财政拨款", ...part],
    ],
  });
  const messages = (a: Analysis) => [...new Set(a.findings.map((f) => f.message))];

  it("says a 其中 row typed in 万元 in a table of 元 looks so, and asks for it in 元, not the total changed (174.53 for 1745320.50 too)", () => {
    const a = run(workbook(form("（元）", [1800000, 1745320.5], [180, 174.53])));
    expect(found(a)).toEqual(["sum-mismatch@资金!B2", "sum-mismatch@资金!C2"]);
    expect(a.findings.map((f) => f.severity)).toEqual(["error", "error"]);
    expect(a.findings[0].message).toBe(
      "“年度资金总额”填的是 1800000，但其中各项资金相加为 180。两者正好相差一万倍：其中各项资金像是按万元填写的，而本表金额单位是元。请把其中各项资金改按元填写。",
    );
    expect(run(workbook(form("（元）", [1800000, 1745320.5], [180, 174.53])), "en").findings[0].message).toBe(
      `"年度资金总额" is 1800000 but the rows it sums add up to 180, exactly 10,000 times apart: the rows look typed in 万元 (10,000 yuan) while the table is in yuan; write them in yuan.`,
    );
  });

  it("either way: a 其中 row in 元 in a table of 万元, and a total in 元 over a row in 万元 (then the total is to change)", () => {
    expect(messages(run(workbook(form("（万元）", [180, 174.53], [1800000, 1745320.5]))))).toEqual([
      "“年度资金总额”填的是 180，但其中各项资金相加为 1800000。两者正好相差一万倍：其中各项资金像是按元填写的，而本表金额单位是万元。请把其中各项资金改按万元填写。",
      "“年度资金总额”填的是 174.53，但其中各项资金相加为 1745320.5。两者正好相差一万倍：其中各项资金像是按元填写的，而本表金额单位是万元。请把其中各项资金改按万元填写。",
    ]);
    expect(messages(run(workbook(form("（万元）", [1800000, 1745300], [180, 174.53]))))).toEqual([
      "“年度资金总额”填的是 1800000，但其中各项资金相加为 180。两者正好相差一万倍：“年度资金总额”像是按元填写的，而本表金额单位是万元。请改为 180。",
      "“年度资金总额”填的是 1745300，但其中各项资金相加为 174.53。两者正好相差一万倍：“年度资金总额”像是按元填写的，而本表金额单位是万元。请改为 174.53。",
    ]);
  });

  it("judges a total typed in the other unit by its 其中 rows: its right 执行率 and 得分 get no finding built on the slip (review round 58b, L1)", () => {
    const wb = workbook({
      name: "资金",
      rows: [
        ["项目资金（元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", 920000, 89.76, 10, 0.9757, 9.76],
        ["其中：上级补助资金", 650000, 650000, "—", 1, "—"],
        ["镇级配套资金", 270000, 247600, "—", 0.917, "—"],
      ],
      numFmts: { E2: "0.00%", E3: "0.00%", E4: "0.00%" },
    });
    const a = run(wb);
    expect(found(a)).toEqual(["sum-mismatch@资金!C2"]);
    expect(a.findings[0].message).toContain("“年度资金总额”像是按万元填写的，而本表金额单位是元。请改为 897600。");
    expect(a.budget[0]).toMatchObject({ spent: "897600", score: "9.76" });
  });

  it("keeps proposing the sum where the two are not 10,000 apart, or no unit is stated", () => {
    expect(messages(run(workbook(form("（元）", [1800000, 1745320.5], [180000, 174532.05]))))[0]).toContain("请改为 180000，或核对各行数字。");
    expect(messages(run(workbook(form("", [1800000, 1745320.5], [180, 174.53]))))[0]).toContain(
      "其中各项资金像是按万元填写的。请把其中各项资金改按与“年度资金总额”相同的单位填写。",
    );
  });
});

describe("a 年度资金总额 split twice, each split's heading written before its first line (review round 47)", () => {
  const form = (otherFunds: number): SheetSpec => ({
    name: "资金",
    rows: [
      ["项目", "年初预算数", "全年预算数", "全年执行数"],
      ["年度资金总额", 1820.5, 1856.2, 1838.1],
      ["按收入性质分：财政拨款", 1780.5, 1800, 1785],
      ["其他资金", 40, otherFunds, 53.1],
      ["按支出性质分：基本支出", 1200, 1235.6, 1230.4],
      ["项目支出", 620.5, 620.6, 607.7],
    ],
  });

  it("checks the total against its sources and against its uses, each on its own", () => {
    const a = run(workbook(form(56.2)));
    expect(a.budgetLines.map((l) => l.kind)).toEqual(["funds-total", "source", "source", "use", "use"]);
    expect(found(a)).toEqual([]);
    expect(found(run(workbook(form(66.2))))).toEqual(["sum-mismatch@资金!C2"]);
  });
});

describe("a source of funds split by level of government under it (review round 33, H5)", () => {
  /** 年度资金总额 100 over 当年财政拨款 80 (split into `split`), 上年结转资金 20 and 其他资金 0. */
  const form = (fiscal: string, split: [string, number][]): SheetSpec => ({
    name: "资金",
    rows: [
      ["项目", "全年预算数", "全年执行数", "执行率"],
      ["年度资金总额", 100, 95, null],
      [fiscal, 80, 76, null],
      ...split.map(([label, planned]): Row => [label, planned, planned * 0.95, null]),
      ["上年结转资金", 20, 19, null],
      ["其他资金", 0, 0, null],
    ],
  });

  it.each([
    ["其中：当年财政拨款", [["其中：中央资金", 50], ["省级资金", 30]]],
    ["其中：当年财政拨款", [["中央资金", 50], ["省级资金", 30]]],
    ["1.当年财政拨款", [["（1）中央补助资金", 50], ["（2）省级配套资金", 30]]],
    ["其中：财政拨款", [["其中：中央资金", 80]]],
  ] as [string, [string, number][]][])("reads %s over %j as its parts, the total over the sources alone", (fiscal, split) => {
    const a = run(workbook(form(fiscal, split)));
    expect(found(a)).toEqual([]);
    // The total is still checked, against the sources alone: a wrong 上年结转资金 is found there.
    const carried = form(fiscal, split);
    carried.rows = carried.rows.map((r) => (r[0] === "上年结转资金" ? ["上年结转资金", 30, 19, null] : r));
    expect(found(run(workbook(carried)))).toEqual(["sum-mismatch@资金!B2"]);
  });

  it("names a split that does not add up at the source it splits, said with 其中 again", () => {
    const a = run(workbook(form("其中：当年财政拨款", [["其中：中央资金", 50], ["省级资金", 20]])));
    expect(found(a)).toEqual(["sum-mismatch@资金!B3", "sum-mismatch@资金!C3"]);
  });

  it("names a numbered split that does not add up at the source it splits, 1. over （1）(review round 37)", () => {
    const a = run(workbook(form("1.当年财政拨款", [["（1）中央资金", 50], ["（2）省级资金", 20]])));
    expect(found(a)).toEqual(["sum-mismatch@资金!B3", "sum-mismatch@资金!C3"]);
  });

  it("keeps two sources that each say 其中 as sources where the total's sources add up, its uses beside them (review round 37)", () => {
    const sources: SheetSpec = {
      name: "资金",
      rows: [
        ["项目", "全年预算数", "全年执行数", "执行率"],
        ["年度资金总额", 100, 95, null],
        ["其中：上级补助资金", 60, 57, null],
        ["其中：县级配套资金", 40, 38, null],
        ["基本支出", 30, 30, null],
        ["项目支出", 70, 65, null],
      ],
    };
    expect(found(run(workbook(sources)))).toEqual([]);
  });

  it("reads one 其中 line under a source as the part of it that it names, not all it holds (review round 37)", () => {
    expect(found(run(workbook(form("其中：当年财政拨款", [["其中：中央资金", 50]]))))).toEqual([]);
    // A part more than the whole is still wrong.
    expect(found(run(workbook(form("其中：当年财政拨款", [["其中：中央资金", 90]]))))).toEqual(["sum-mismatch@资金!B3", "sum-mismatch@资金!C3"]);
  });

  it("keeps sources by level listed right under the total as its sources, and the total checked against them", () => {
    const flat: SheetSpec = {
      name: "资金",
      rows: [
        ["项目", "全年预算数", "全年执行数", "执行率"],
        ["年度资金总额", 100, 95, null],
        ["其中：财政拨款", 40, 38, null],
        ["中央资金", 30, 28.5, null],
        ["省级资金", 30, 28.5, null],
      ],
    };
    expect(found(run(workbook(flat)))).toEqual([]);
    const wrong = { ...flat, rows: flat.rows.map((r, i) => (i === 1 ? ["年度资金总额", 110, 95, null] : r)) };
    expect(found(run(workbook(wrong)))).toEqual(["sum-mismatch@资金!B2"]);
  });

  describe("a source named by a level split again by level (省对下转移支付, review round 57c, F1)", () => {
    /** 年度资金总额 1050 over `lines` (label, 全年预算数), each spent in full. */
    const levels = (lines: [string, number][], total = 1050): SheetSpec => ({
      name: "资金",
      rows: [["项目", "全年预算数", "全年执行数", "执行率"], ["年度资金总额", total, total, 1], ...lines.map(([label, planned]): Row => [label, planned, planned, 1])],
    });
    const PROVINCIAL: [string, number][] = [
      ["其中：中央补助", 650],
      ["地方资金", 400],
      ["其中：省级", 200],
      ["市县级", 200],
      ["其他资金", 0],
    ];

    it.each([
      ["省对下 lines", PROVINCIAL],
      ["the parts worded 省级财政资金 / 市县级财政资金", PROVINCIAL.map(([l, v]): [string, number] => [l.replace(/级$/, "级财政资金"), v])],
      ["the source named 地方财政拨款", PROVINCIAL.map(([l, v]): [string, number] => [l === "地方资金" ? "地方财政拨款" : l, v])],
      ["地方资金 first, 中央补助 last", [["其中：地方资金", 400], ["其中：省级", 200], ["市县级", 200], ["中央补助", 650]]],
      ["a split within a split", [["其中：财政拨款", 1000], ["其中：中央补助", 650], ["地方资金", 350], ["其中：省级", 200], ["市县级", 150], ["其他资金", 50]]],
    ] as [string, [string, number][]][])("reads %s as parts of their parent line: no finding", (_, lines) => {
      expect(found(run(workbook(levels(lines))))).toEqual([]);
    });

    it("names parts that do not add up at the line they split, the total checked against its own parts", () => {
      // 省级 200 + 市县级 150 ≠ 地方资金 400: told at 地方资金 (row 4), not at the right total.
      const typo = PROVINCIAL.map(([l, v]): [string, number] => [l, l === "市县级" ? 150 : v]);
      expect(found(run(workbook(levels(typo))))).toEqual(["sum-mismatch@资金!B4", "sum-mismatch@资金!C4"]);
      // A wrong total is told against 中央补助 + 地方资金 + 其他资金.
      const a = run(workbook(levels(PROVINCIAL, 1100)));
      expect(found(a)).toEqual(["sum-mismatch@资金!B2", "sum-mismatch@资金!C2"]);
      expect(a.findings[0].message).toContain("1050");
    });

    it.each([
      ["中央预算内投资 | 地方政府专项债券 | 县级配套资金", [["其中：中央预算内投资", 500], ["其中：地方政府专项债券", 300], ["其中：县级配套资金", 200]], 1100, "1000"],
      ["中央资金 | 地方资金 | 县级配套资金, the last two equal", [["其中：中央资金", 500], ["其中：地方资金", 300], ["其中：县级配套资金", 300]], 1200, "1100"],
    ] as [string, [string, number][], number, string][])(
      "keeps sources that each say 其中 (%s) as the total's, the total typed wrong told their sum (review 57b, H1)",
      (_, lines, total, sum) => {
        const a = run(workbook(levels(lines, total)));
        expect(found(a)).toEqual(["sum-mismatch@资金!B2", "sum-mismatch@资金!C2"]);
        expect(a.findings[0].message).toContain(`相加为 ${sum}。`);
      },
    );

    it("keeps a level-named source beside one equal to it as two sources, said without 其中 (review 57b, H1)", () => {
      // 地方资金 40 and 县级配套资金 40: the total 110 typed for 100 is told 100, not 60.
      const a = run(workbook(levels([["其中：中央资金", 20], ["地方资金", 40], ["县级配套资金", 40]], 110)));
      expect(found(a)).toEqual(["sum-mismatch@资金!B2", "sum-mismatch@资金!C2"]);
      expect(a.findings[0].message).toContain("相加为 100。");
    });

    it.each([
      [
        "省级 split by source (其中：一般公共预算 | 政府性基金) inside 地方资金",
        [["其中：中央补助", 650], ["地方资金", 400], ["其中：省级", 200], ["其中：一般公共预算", 150], ["政府性基金", 50], ["市县级", 200], ["其他资金", 0]],
        1050,
      ],
      ["中央补助 over 其中：中央预算内投资, one part named", [["其中：中央补助", 60], ["其中：中央预算内投资", 20], ["地方资金", 40]], 100],
      ["上级补助资金 over 中央资金 | 省级资金, then 县级配套资金 the total's own", [["其中：上级补助资金", 80], ["其中：中央资金", 50], ["省级资金", 30], ["县级配套资金", 20]], 100],
    ] as [string, [string, number][], number][])("reads %s: no finding (review 57b, M1)", (_, lines, total) => {
      expect(found(run(workbook(levels(lines, total))))).toEqual([]);
    });

    it("names a level part's own split by source that does not add up at that part, before the next part (review 57b, M1)", () => {
      const lines: [string, number][] = [["其中：中央补助", 650], ["地方资金", 400], ["其中：省级", 200], ["其中：一般公共预算", 150], ["政府性基金", 40], ["市县级", 200], ["其他资金", 0]];
      expect(found(run(workbook(levels(lines))))).toEqual(["sum-mismatch@资金!B5", "sum-mismatch@资金!C5"]);
    });

    it("tells a total typed as the lines read flat, a source over its parts said with 其中 one level deeper (review 57b, M1)", () => {
      const a = run(workbook(levels(PROVINCIAL, 1450)));
      expect(found(a)).toEqual(["sum-mismatch@资金!B2", "sum-mismatch@资金!C2"]);
      expect(a.findings[0].message).toContain("相加为 1050。");
    });
  });
});

describe("sources beside 其中：财政拨款 that are not its parts (code reading, session 58)", () => {
  /** 年度资金总额 `total` over `lines` (label, 全年预算数), each spent in full. */
  const funds = (lines: [string, number][], total: number): SheetSpec => ({
    name: "资金",
    rows: [["项目", "全年预算数", "全年执行数", "执行率"], ["年度资金总额", total, total, 1], ...lines.map(([label, planned]): Row => [label, planned, planned, 1])],
  });

  it.each([
    ["其中：乡村振兴衔接资金", [["其中：财政拨款", 1000], ["其中：乡村振兴衔接资金", 300]]],
    ["其中：市场化融资", [["其中：财政拨款", 1000], ["其中：市场化融资", 300]]],
    ["其中：乡村振兴衔接资金 | 市场化融资 | 区域协调发展资金", [["其中：财政拨款", 1000], ["其中：乡村振兴衔接资金", 200], ["市场化融资", 50], ["区域协调发展资金", 50]]],
    ["其中：镇村自筹资金 | 县城建设资金", [["其中：财政拨款", 1000], ["其中：镇村自筹资金", 200], ["县城建设资金", 100]]],
    ["其中：省道改造资金 (a road)", [["其中：财政拨款", 1000], ["其中：省道改造资金", 300]]],
    ["其中：市容整治资金 | 市民服务中心资金", [["其中：财政拨款", 1000], ["其中：市容整治资金", 200], ["市民服务中心资金", 100]]],
    ["其中：县域经济发展资金 | 市政建设资金", [["其中：财政拨款", 1000], ["其中：县域经济发展资金", 200], ["市政建设资金", 100]]],
  ] as [string, [string, number][]][])("keeps %s as the total's sources, not parts of 财政拨款: a total typed wrong told 1300", (_, lines) => {
    const a = run(workbook(funds(lines, 1350)));
    expect(found(a)).toEqual(["sum-mismatch@资金!B2", "sum-mismatch@资金!C2"]);
    expect(a.findings[0].message).toContain("相加为 1300。");
  });

  // Code review 58c, L4: a loan, a donation or an enterprise's money is no level's, though its name
  // start with one and it add up with 其中：中央资金 to 财政拨款.
  it.each(["县农发行贷款", "乡贤捐赠资金", "省农信社贷款", "县属国企自筹资金"])("keeps %s beside 财政拨款, not a part of it", (label) => {
    const rows: Row[] = [["项目", "全年预算数", "全年执行数", "执行率"], ["年度资金总额", 550, 550, 1], ["财政拨款", 300, 300, 1], ["其中：中央资金", 100, 100, 1], [label, 200, 200, 1], ["其他资金", 50, 50, 1]];
    expect(found(run(workbook({ name: "资金", rows })))).toEqual([]);
  });

  it.each([
    ["其中：县级配套资金", [["其中：财政拨款", 1000], ["其中：县级配套资金", 300]]],
    ["其中：中央资金 | 其中：县级配套资金, not adding up to it", [["其中：财政拨款", 1000], ["其中：中央资金", 200], ["其中：县级配套资金", 100]]],
  ] as [string, [string, number][]][])("keeps %s, each saying 其中 as 其中：财政拨款 does, as the total's sources: a total typed wrong told 1300", (_, lines) => {
    const a = run(workbook(funds(lines, 1350)));
    expect(found(a)).toEqual(["sum-mismatch@资金!B2", "sum-mismatch@资金!C2"]);
    expect(a.findings[0].message).toContain("相加为 1300。");
  });

  it("reads lines each saying 其中 as 其中：财政拨款 does as its parts where they add up to it, or the total adds up so", () => {
    const lines: [string, number][] = [["其中：财政拨款", 80], ["其中：中央资金", 50], ["其中：省级资金", 30], ["上年结转资金", 20]];
    expect(found(run(workbook(funds(lines, 100))))).toEqual([]);
    // The total typed wrong: told the sum of the sources with 中央资金 50 + 省级资金 30 = 80 read as parts.
    const a = run(workbook(funds(lines, 110)));
    expect(found(a)).toEqual(["sum-mismatch@资金!B2", "sum-mismatch@资金!C2"]);
    expect(a.findings[0].message).toContain("相加为 100。");
    // One part, the total adding up with it read so.
    expect(found(run(workbook(funds([["其中：财政拨款", 80], ["其中：中央资金", 30], ["上年结转资金", 20]], 100))))).toEqual([]);
  });

  it.each([
    ["省财政资金 | 市县配套资金", [["其中：省财政资金", 200], ["市县配套资金", 100]]],
    ["乡镇级资金 | 县本级资金", [["其中：乡镇级资金", 200], ["县本级资金", 100]]],
    ["省、市级补助 | 县自筹资金", [["其中：省、市级补助", 200], ["县自筹资金", 100]]],
    ["省补资金 | 市县两级配套资金", [["其中：省补资金", 200], ["市县两级配套资金", 100]]],
  ] as [string, [string, number][]][])("still reads levels said as whole words (%s) as parts of the source before them", (_, split) => {
    const lines: [string, number][] = [["财政拨款", 300], ...split, ["其他资金", 50]];
    expect(found(run(workbook(funds(lines, 350))))).toEqual([]);
    // Read as parts: a total typed as the lines read flat is told 350.
    const a = run(workbook(funds(lines, 650)));
    expect(found(a)).toEqual(["sum-mismatch@资金!B2", "sum-mismatch@资金!C2"]);
    expect(a.findings[0].message).toContain("相加为 350。");
  });

  describe("levels of government said with any word after them (code review 58b, H1 and M1)", () => {
    it.each([
      "省以上资金",
      "省以上专项资金",
      "省厅下达资金",
      "省发改委下达资金",
      "省农业农村厅资金",
      "省追加资金",
      "省债券资金",
      "省基建资金",
      "县财力安排资金",
      "县整合资金",
      "县自有资金",
      "县债资金",
      "县筹资金",
      "市奖励资金",
      "县城乡建设资金",
      "中省资金",
      "中省补助资金",
      "自治区补助资金",
      "自治区级资金",
      "自治州资金",
      "旗级配套资金",
      "旗配套资金",
      "盟级资金",
      "盟市配套资金",
      "兵团资金",
      "师市配套资金",
    ])("reads 财政拨款 300 over 其中：中央资金 100 | %s 200 as its parts, before 其他资金 50: no finding under 350", (word) => {
      const lines: [string, number][] = [["财政拨款", 300], ["其中：中央资金", 100], [word, 200], ["其他资金", 50]];
      expect(found(run(workbook(funds(lines, 350))))).toEqual([]);
      // Read as parts: a total typed as the lines read flat is told 350.
      const a = run(workbook(funds(lines, 650)));
      expect(found(a)).toEqual(["sum-mismatch@资金!B2", "sum-mismatch@资金!C2"]);
      expect(a.findings[0].message).toContain("相加为 350。");
    });

    it("reads two parts each saying 其中 as 其中：财政拨款 does, their sum within it, as its parts: not told a double count (M1)", () => {
      const lines: [string, number][] = [["其中：财政拨款", 1000], ["其中：中央资金", 600], ["其中：省级资金", 300]];
      const a = run(workbook(funds(lines, 1200)));
      // The total is told its sources' sum 1000, 财政拨款 its parts' 900; never 1900.
      expect(found(a)).toEqual(["sum-mismatch@资金!B2", "sum-mismatch@资金!C2", "sum-mismatch@资金!B3", "sum-mismatch@资金!C3"]);
      expect(a.findings[0].message).toContain("相加为 1000。");
      expect(a.findings[2].message).toContain("相加为 900。");
      // Their sum more than it: the total's sources, as before.
      const over = run(workbook(funds([["其中：财政拨款", 1000], ["其中：中央资金", 700], ["其中：省级资金", 400]], 1200)));
      expect(over.findings[0].message).toContain("相加为 2100。");
    });
  });
});

describe("a list of projects' results, each with its whole 100 points (review round 33, H2)", () => {
  /** 序号 | 项目名称 | 全年预算数 | 全年执行数 | 执行率 | `points` | `score` | 自评等级, three projects. */
  const results = (points: string, score: string, rows: [number, number, number | string, number, string][]): SheetSpec => ({
    name: "汇总",
    rows: [
      ["序号", "项目名称", "全年预算数", "全年执行数", "执行率", points, score, "自评等级"],
      ...rows.map(([planned, spent, weight, total, grade], i): Row => [i + 1, `项目${i + 1}`, planned, spent, spent / planned, weight, total, grade]),
    ],
  });
  const RIGHT: [number, number, number, number, string][] = [
    [80, 76, 100, 98.5, "优"],
    [500, 480, 100, 98.6, "优"],
    [300, 270, 100, 88, "良"],
  ];

  it.each([
    ["分值", "自评得分"],
    ["满分", "自评得分"],
    ["分值", "得分"],
  ])("takes %s 100 beside %s for the project's whole points: its score is its total, not 分值 × 执行率", (points, score) => {
    expect(found(run(workbook(results(points, score, RIGHT))))).toEqual([]);
    // Each total is still graded: 88 is 良, not 优.
    const wrongGrade = RIGHT.map((r, i): [number, number, number, number, string] => (i === 2 ? [r[0], r[1], r[2], r[3], "优"] : r));
    expect(found(run(workbook(results(points, score, wrongGrade))))).toEqual(["grade-mismatch@汇总!H4"]);
  });

  it("takes a form's 年度资金总额 given 分值 100 for a slip for 10, named by weights-total, not a list (review round 37)", () => {
    const form: SheetSpec = {
      name: "自评表",
      rows: [
        ["项目", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
        ["年度资金总额", 100, 95, 0.95, 100, 95],
        ["其中：财政拨款", 100, 95, 0.95, null, null],
        [],
        INDICATOR_HEADER,
        ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 90, 90, ""],
        ["总分", null, null, null, null, 190, 185],
      ],
    };
    expect(found(run(workbook(form)))).toContain("weights-total@自评表!F5");
  });

  it("takes one project line given 分值 100 for a budget line, not a list (review round 37)", () => {
    expect(found(run(workbook(results("分值", "得分", [RIGHT[0]]))))).toContain("budget-score-mismatch@汇总!G2");
  });

  it("still scores budget execution where a line's 分值 is a part of 100 (10 of them)", () => {
    const budgetScores: [number, number, number, number, string][] = [
      [80, 76, 10, 9.5, "优"],
      [500, 480, 10, 10, "优"],
    ];
    expect(found(run(workbook(results("分值", "得分", budgetScores))))).toEqual(["budget-score-mismatch@汇总!G3"]);
  });

  it("reads a 预算执行得分 column beside the project's 自评总分 as budget execution's points", () => {
    const list: SheetSpec = {
      name: "汇总",
      rows: [
        ["序号", "项目名称", "全年预算数", "全年执行数", "执行率", "分值", "预算执行得分", "自评总分"],
        [1, "项目1", 80, 76, 0.95, 10, 9.5, 98.5],
        [2, "项目2", 500, 480, 0.96, 10, 10, 98.6],
      ],
    };
    expect(found(run(workbook(list)))).toEqual(["budget-score-mismatch@汇总!G3"]);
  });
});

describe("the 部门整体 form: the budget list's 合计 carries the budget score", () => {
  /** 年度主要任务 merged down the list; 基本支出 first; 总分 = the 合计's 9.9 + 90; 评价等次 优. */
  const form = (initialTotal: number): WorkbookGrid =>
    workbook({
      name: "部门整体",
      rows: [
        ["部门整体支出绩效自评表（2023年度）"],
        ["部门名称", "", "某县司法局", "", "", "", "单位：万元"],
        ["年度主要任务", "任务名称", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", ...BASIC, null, 1],
        ["", ...PROJECTS[0], null, 88.16 / 92.4],
        ["", ...PROJECTS[1], null, 38.5 / 40],
        ["", ...PROJECTS[2], null, 40.02 / 42.6],
        ["", "合计", initialTotal, 830.1, 821.78, 10, 821.78 / 830.1, 9.9],
        [],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["", "产出指标", "数量指标", "法律援助案件", "≥300件", "326件", 15, 15, ""],
        ["", "", "", "人民调解案件", "≥1200件", "1315件", 15, 15, ""],
        ["", "", "质量指标", "调解成功率", "≥95%", "97.8%", 10, 10, ""],
        ["", "", "时效指标", "法律援助指派及时率", "100%", "100%", 10, 10, ""],
        ["", "效益指标", "社会效益指标", "矛盾纠纷化解", "有效化解", "有效化解", 15, 15, ""],
        ["", "", "", "社区矫正对象再犯罪率", "≤0.2%", "0.1%", 15, 15, ""],
        ["", "满意度指标", "服务对象满意度指标", "受援群众满意度", "≥95%", "98%", 10, 10, ""],
        ["总分", "", "", "", "", "", 100, 99.9],
        ["评价等次", "", "", "", "", "", "", "优"],
      ],
      merges: ["A1:I1", "A3:A8", "A10:A17", "B11:B14", "B15:B16", "C11:C12", "C15:C16"],
      numFmts: { G4: "0.00%", G5: "0.00%", G6: "0.00%", G7: "0.00%", G8: "0.00%" },
    });

  it("finds the form right and scores it 99.9, 优", () => {
    const a = run(form(780.3));
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => [t.score, t.grade])).toEqual([["99.9", "优"]]);
  });

  it("names a 合计 that is not the sum of every line above it, 基本支出 included", () => {
    expect(found(run(form(790.3)))).toEqual(["sum-mismatch@部门整体!C8"]);
  });
});

describe("budget headers in the wordings units write", () => {
  /**
   * The national 项目支出 form with the budget header's 年初 | 全年 | 执行 columns worded `headers`:
   * 300 / 320 / 304 in all, 9.5 budget points, the indicators 90 of 90, 总分 99.5, 优.
   */
  const form = (headers: [string, string, string]): WorkbookGrid =>
    workbook({
      name: "自评表",
      rows: [
        ["项目支出绩效自评表"],
        ["项目名称", "", "乡村道路提质改造工程"],
        ["项目资金（万元）", "", "", ...headers, "分值", "执行率", "得分"],
        ["", "", "年度资金总额", 300, 320, 304, 10, 0.95, 9.5],
        ["", "", "其中：当年财政拨款", 250, 260, 250, "—", "—", "—"],
        ["", "", "上年结转资金", 50, 60, 54, "—", "—", "—"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["", "产出指标", "数量指标", "提质改造农村公路", "≥35公里", "36.2公里", 30, 30, ""],
        ["", "", "质量指标", "交工验收合格率", "100%", "100%", 20, 20, ""],
        ["", "效益指标", "社会效益指标", "群众出行条件", "明显改善", "明显改善", 30, 30, ""],
        ["", "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "94%", 10, 10, ""],
        ["总分", "", "", "", "", "", 100, 99.5],
        ["评价等次", "", "", "", "", "", "", "优"],
      ],
      merges: ["A1:I1", "A3:B6", "A7:A11", "B8:B9"],
      numFmts: { H4: "0.00%" },
    });

  it.each([
    ["年初预算数", "全年调整预算数", "全年执行数"],
    ["年初预算数", "全年预算总额", "全年执行数"],
    ["年初预算", "全年可用预算", "全年执行数"],
    ["年初批复数", "预算批复数", "实际执行数"],
    ["年初预算数", "当年预算数", "当年预算执行数"],
    ["年初预算数", "全年预算数", "全年预算执行数"],
    ["年初预算数", "全年预算数", "累计支出数"],
    ["年初预算数", "全年预算数", "累计执行数"],
    ["年初预算数", "全年预算数", "截至12月31日执行数"],
  ] as [string, string, string][])("reads %s | %s | %s", (...headers) => {
    const a = run(form(headers));
    expect(found(a)).toEqual([]);
    expect(a.budget[0]).toMatchObject({ planned: "320", spent: "304", rate: "0.95", score: "9.5" });
    expect(a.totals.map((t) => [t.score, t.grade])).toEqual([["99.5", "优"]]);
  });

  it("does not take 预算调整数 (the amount a budget was adjusted by) for the planned budget, and says so at the total", () => {
    const a = run(form(["年初预算数", "预算调整数", "全年执行数"]));
    expect(found(a)).toEqual(["total-incomplete@自评表!H12"]);
    expect(a.findings[0].message).toBe(
      "无法得出总分：第 3 行的表头中没有认得出的全年预算数列（可写作 全年预算数 / 预算数）。补齐或改正后才能计算总分和等次。",
    );
    expect(run(form(["年初预算数", "预算调整数", "全年执行数"]), "en").findings[0].message).toBe(
      "No total can be computed: the header in row 3 has no planned budget column jixiao reads (headed 全年预算数 / 预算数). Fill them in or correct them to get a total and a grade.",
    );
  });

  it("does not take 资金到位数 (money received) for spending, nor says the spending is not filled in", () => {
    const a = run(form(["年初预算数", "全年预算数", "资金到位数"]));
    expect(found(a)).toEqual(["total-incomplete@自评表!H12"]);
    expect(a.findings[0].message).toBe(
      "无法得出总分：第 3 行的表头中没有认得出的执行数列（可写作 全年执行数 / 执行数 / 实际支出）。补齐或改正后才能计算总分和等次。",
    );
  });
});

describe("the 部门整体 form weighing 基本支出 and 项目支出 each (review round 15, A5)", () => {
  type Score = number | null;
  /**
   * 部门预算执行情况 merged down its lines: 基本支出 (5 points, 815 of 820: 4.97) and 项目支出 (5 points,
   * 1335 of 1380: 4.84), each scored; the 合计 with `total` as its 分值 and 得分 (none by default);
   * the indicators 90 of 90 (DEPARTMENT_INDICATORS); 总分 99.81, 优.
   */
  const form = (scores: { basic?: Score; project?: Score; total?: [Score, Score]; recorded?: number } = {}): WorkbookGrid =>
    workbook({
      name: "部门整体",
      rows: [
        ...DEPARTMENT_HEAD,
        ["", "基本支出", 800, 820, 815, 5, 815 / 820, scores.basic === undefined ? 4.97 : scores.basic],
        ["", "项目支出", 1200, 1380, 1335, 5, 1335 / 1380, scores.project === undefined ? 4.84 : scores.project],
        ["", "合计", 2000, 2200, 2150, scores.total?.[0] ?? null, 2150 / 2200, scores.total?.[1] ?? null],
        ...DEPARTMENT_INDICATORS,
        ["总分", "", "", "", "", "", 100, scores.recorded ?? 99.81],
        ["评价等次", "", "", "", "", "", "", "优"],
      ],
      merges: ["A1:I1", "B2:G2", "A3:A6", "A7:A14", "B8:B11", "C8:C9", "B12:B13"],
      numFmts: { G4: "0.00%", G5: "0.00%", G6: "0.00%" },
    });

  it("counts both weighted lines in the total: 10 points, 9.81, total 99.81 优, nothing found", () => {
    const a = run(form());
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => [t.weights, t.score, t.grade])).toEqual([["100", "99.81", "优"]]);
  });

  it("fills a blank line score and counts it: 项目支出 4.84", () => {
    const a = run(form({ project: null }));
    expect(a.writes.map((w) => [w.cell, w.value])).toEqual([["H5", "4.84"]]);
    expect(found(a)).toEqual([]);
    expect(a.totals[0].score).toBe("99.81");
  });

  it("checks each weighted line's score: 项目支出 5 at 96.74%", () => {
    expect(found(run(form({ project: 5 })))).toEqual(["budget-score-mismatch@部门整体!H5"]);
  });

  it("gives the review the 合计's figures for the form's budget", () => {
    const a = run(form());
    const line = a.totalSources[0].budget!.line;
    expect(a.budget[line]).toMatchObject({ label: "合计", planned: "2200", spent: "2150" });
  });

  it("bounds the total by both lines' rates", () => {
    const a = run(form({ recorded: 100 }));
    expect(found(a)).toEqual(["total-mismatch@部门整体!H15", "score-above-attainable@部门整体!H15"]);
    expect(a.findings[1].message).toBe("执行率 基本支出 99.39%、项目支出 96.74% 时最高只能得 99.81 分（预算执行率分值 10 分按执行率扣减），填的是 100。");
  });

  /** A 年度资金总额 of 10 points (9.5) over `parts`, the indicators' 90 (90), 总分 99.5. */
  const overParts = (parts: Row[]) =>
    run(
      workbook({
        name: "自评表",
        rows: [
          ["项目资金（万元）", ...BUDGET_HEADER.slice(1)],
          ["年度资金总额", 300, 320, 304, 10, 0.95, 9.5],
          ...parts,
          INDICATOR_HEADER,
          ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 50, 50, ""],
          ["效益指标", "社会效益指标", "受益人数", "≥100人", "100人", 30, 30, ""],
          ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10, ""],
          ["总分", "", "", "", "", 100, 99.5],
        ],
      }),
    );

  it("gives 其中 rows with a 分值 of 0 no points of their own: the 年度资金总额 carries the 10", () => {
    const a = overParts([
      ["其中：当年财政拨款", 250, 260, 250, 0, 250 / 260, 0],
      ["上年结转资金", 50, 60, 54, 0, 0.9, 0],
    ]);
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => [t.weights, t.score, t.grade])).toEqual([["100", "99.5", "优"]]);
  });

  it("still scores the 年度资金总额 alone beside a 其中 row of 分值 0 and no money at all (review round 17)", () => {
    const a = overParts([
      ["其中：当年财政拨款", 300, 320, 304, 0, 0.95, 0],
      ["其他资金", 0, 0, 0, 0, "—", 0],
    ]);
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => [t.weights, t.score, t.grade])).toEqual([["100", "99.5", "优"]]);
  });

  describe("a 合计 that also carries 分值 and 得分 restates the lines: counted once, checked as their sum", () => {
    it("finds nothing wrong in 10 and 9.81 and scores 99.81 on 100 points", () => {
      const a = run(form({ total: [10, 9.81] }));
      expect(found(a)).toEqual([]);
      expect(a.totals.map((t) => [t.weights, t.score, t.grade])).toEqual([["100", "99.81", "优"]]);
    });

    it("takes the 合计's 得分 for the sum of the lines' scores, not 10 × its rate (9.77)", () => {
      const a = run(form({ total: [10, 9.77] }));
      expect(found(a)).toEqual(["sum-mismatch@部门整体!H6"]);
      expect(a.findings[0].message).toBe("合计行填的是 9.77，但上方各行相加为 9.81。请改为 9.81，或核对各行数字。");
    });

    it("adds a score jixiao fills into the lines' sum", () => {
      expect(found(run(form({ project: null, total: [10, 9.81] })))).toEqual([]);
    });

    it("names a 分值 that is not the lines' 5 + 5", () => {
      const a = run(form({ total: [12, 9.81] }));
      expect(found(a)).toEqual(["sum-mismatch@部门整体!F6"]);
      expect(a.totals[0].weights).toBe("100");
    });
  });
});

/** The forms below: their funds line (10 points, 9.5 scored) and indicators worth 90, all met. */
const FUNDS_TOTAL: Row = ["年度资金总额", 100, 100, 95, 10, 0.95, 9.5];
const NINETY_POINTS: Row[] = [
  ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 50, 50, ""],
  ["效益指标", "社会效益指标", "受益人数", "≥1000人", "1050人", 30, 30, ""],
  ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10, ""],
];

describe("a budget block to the right of the indicators, on their rows (review round 23c, A2)", () => {
  /** Indicators in A:H, the form's budget block in J:P beside them, 总分 under the indicators. */
  const besideForm = (recordedTotal: number): WorkbookGrid => {
    const pad = (row: CellValue[], budget: CellValue[] = []) => [...row, null, ...budget];
    return workbook({
      name: "自评表",
      rows: [
        pad(INDICATOR_HEADER, ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]),
        pad(NINETY_POINTS[0], FUNDS_TOTAL),
        pad(NINETY_POINTS[1]),
        pad(NINETY_POINTS[2]),
        ["总分", "", "", "", "", 100, recordedTotal, ""],
      ],
    });
  };

  it("counts in the form's total: the sheet's only weighted block, with no indicators of its own", () => {
    const a = run(besideForm(99.5));
    expect(a.totals.map((t) => [t.weights, t.score, t.recordedScore])).toEqual([["100", "99.5", "99.5"]]);
    expect(found(a)).toEqual([]);
  });

  it("so a wrong 总分 is found", () => {
    expect(found(run(besideForm(98.5)))).toEqual(["total-mismatch@自评表!G5"]);
  });
});

describe("a 自评得分 and 自评等级 the header block states, on a form with no 总分 row (review round 23c, B3)", () => {
  const headerStated = (total: CellValue, grade: CellValue, rightAboveBudget = false): WorkbookGrid => {
    const stated = ["自评得分", total, "", "", "自评等级", grade];
    const names = ["项目名称", "职业技能培训", "", "", "实施单位", "县人社局"];
    return workbook({
      name: "自评表",
      rows: [
        ["项目支出绩效自评表"],
        ...(rightAboveBudget ? [names, stated] : [stated, names]),
        BUDGET_HEADER,
        FUNDS_TOTAL,
        [],
        INDICATOR_HEADER,
        ...NINETY_POINTS,
      ],
    });
  };

  it.each([false, true])("are the form's recorded total and grade: quiet where they are right (right above the budget header: %s)", (rightAboveBudget) => {
    // Right above the budget header, the line with its 99.5 is no top row of that header (its 自评得分 no 得分 column).
    const a = run(headerStated(99.5, "优", rightAboveBudget));
    expect(a.totals.map((t) => [t.score, t.recordedScore, t.grade, t.recordedGrade])).toEqual([["99.5", "99.5", "优", "优"]]);
    expect(found(a)).toEqual([]);
  });

  // Review round 25 (9): blank, or typed with its 分, the line was the budget header's top row and
  // its 自评得分 made a 得分 column of the labels under it (not-numeric on 年度资金总额).
  it.each([
    ["", "", []],
    ["99.5分", "优", []],
    // Review round 27: with the table's unit line at its end.
    ["", "", ["单位：万元"]],
    // Review round 27 (b7): with another field of the block and its value (填报日期 | 2024年1月10日), or in one cell.
    ["", "", ["填报日期", "2024年1月10日"]],
    ["", "", ["填表人：张三", "联系电话", "0717-1234567"]],
  ])("right above the budget header, a 自评得分 of %j, its 自评等级 %j and %j after them on its line is no top row of that header either", (total, grade, after: string[]) => {
    const grid = headerStated(total, grade, true);
    grid.sheets[0].values[2].push(...after);
    const a = run(grid);
    expect(a.totals.map((t) => [t.score, t.grade])).toEqual([["99.5", "优"]]);
    expect(found(a)).toEqual([]);
  });

  // Review round 26: the line test took a two-row budget header's own top row, whose 自评得分 has
  // nothing right of it (or its 评价等级), for such a line, and the header lost its 分值 and 得分.
  it.each([[[]], [["评价等级"]]])("a two-row budget header whose top row ends in 自评得分 %j, unmerged, is read whole", (after) => {
    const a = run(
      workbook({
        name: "自评表",
        rows: [
          ["项目支出绩效自评表"],
          ["项目资金（万元）", "预算执行情况", "", "", "分值", "执行率", "自评得分", ...after],
          ["", "年初预算数", "全年预算数", "全年执行数"],
          [...FUNDS_TOTAL, ...after.map(() => "优")],
          [],
          INDICATOR_HEADER,
          ...NINETY_POINTS,
          ["总分", null, null, null, null, 100, 99.5, ""],
        ],
        merges: ["A2:A3", "B2:D2"],
      }),
    );
    expect(a.totals.map((t) => [t.score, t.recordedScore])).toEqual([["99.5", "99.5"]]);
    expect(found(a)).toEqual([]);
  });

  it.each([
    [[["项目支出绩效自评表 自评得分：99.5分"]], "99.5", null],
    [[["项目支出绩效自评表（自评得分：99.5）"]], "99.5", null],
    [[["项目支出绩效自评表"], ["自评得分：99.5分", "", "", "", "自评等级：优"]], "99.5", "优"],
    [[["项目支出绩效自评表"], ["自评得分：99.5；自评等级：优秀"]], "99.5", "优秀"],
    // A scale is no total (review round 28), nor is a note, which explains the form.
    [[["项目支出绩效自评表"], ["自评得分：90-100分为优"]], null, null],
    [[["项目支出绩效自评表"], ["说明：自评得分：满分100分，自评等级：优、良、中、差"]], null, null],
  ])("written after their labels in one cell, in the title or a line of the header block: %j", (block, total, grade) => {
    const grid = headerStated("", "");
    grid.sheets[0].values.splice(0, 3, ...(block as CellValue[][]), ["项目名称", "职业技能培训"]);
    const a = run(grid);
    expect(a.totals.map((t) => [t.recordedScore, t.recordedGrade])).toEqual([[total, grade]]);
    expect(found(a)).toEqual([]);
    expect(a.writes).toEqual([]);
  });

  it.each(["评定等级", "综合评价等级"])("a grade labelled %s, as a total row's may be, is the form's recorded grade too: beside its label or after it in one cell", (label) => {
    const beside = headerStated(99.5, "良");
    beside.sheets[0].values[1][4] = label;
    const inCell = headerStated("", "");
    inCell.sheets[0].values.splice(0, 3, ["项目支出绩效自评表"], ["自评得分：99.5分", "", "", "", `${label}：良`], ["项目名称", "职业技能培训"]);
    for (const [grid, cell] of [[beside, "F2"], [inCell, "E2"]] as const) {
      const a = run(grid);
      expect(a.totals.map((t) => [t.recordedScore, t.recordedGrade])).toEqual([["99.5", "良"]]);
      expect(found(a)).toEqual([`grade-mismatch@自评表!${cell}`]);
    }
  });

  it("written after their labels in one cell, and wrong: found at that cell", () => {
    const grid = headerStated("", "");
    grid.sheets[0].values.splice(0, 3, ["项目支出绩效自评表"], ["自评得分：95分；自评等级：良"], ["项目名称", "职业技能培训"]);
    expect(found(run(grid))).toEqual(["total-mismatch@自评表!A2", "grade-mismatch@自评表!A2"]);
  });

  it("a header line giving the full marks first (总分 | 100 | 自评得分 | 96.5) records the 自评得分 (review round 25)", () => {
    const grid = headerStated(99.5, "优");
    grid.sheets[0].values[1] = ["总分", 100, "", "自评得分", 99.5];
    const a = run(grid);
    expect(a.totals.map((t) => t.recordedScore)).toEqual(["99.5"]);
    expect(found(a)).toEqual([]);
  });

  it.each([
    [95.5, "优", "total-mismatch@自评表!B2"],
    [99.5, "良", "grade-mismatch@自评表!F2"],
  ])("and found where they are wrong: %s, %s", (total, grade, finding) => {
    expect(found(run(headerStated(total, grade)))).toEqual([finding]);
  });
});

describe("budget amounts typed with their money unit in the cell (review round 23c, A3)", () => {
  const form = (header: Row, total: CellValue[], parts: Row[] = []): WorkbookGrid =>
    workbook({
      name: "自评表",
      rows: [
        header,
        ["年度资金总额", ...total, 10, 0.95, 9.5],
        ...parts,
        [],
        INDICATOR_HEADER,
        ...NINETY_POINTS,
        ["总分", null, null, null, null, 100, 99.5, ""],
      ],
    });
  const line = (a: Analysis) => a.budget.map((b) => [b.label, b.planned, b.spent, b.rate, b.score]);

  it("are read in the unit typed, the table's plain numbers taken in it too: rate, score and total as written", () => {
    const a = run(form(BUDGET_HEADER, ["100万元", "100万元", "95万元"], [["其中：财政拨款", 80, 80, 76, "—", "—", "—"], ["其他资金", 20, 20, 19, "—", "—", "—"]]));
    expect(line(a)[0]).toEqual(["年度资金总额", "100", "95", "0.95", "9.5"]);
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => [t.score, t.recordedScore])).toEqual([["99.5", "99.5"]]);
  });

  it("are brought to the unit the table states: 1,000,000元 under 全年预算数（万元） is 100", () => {
    const header = ["", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "分值", "执行率", "得分"];
    const a = run(form(header, ["1,000,000元", "人民币100万元", "950000元"]));
    expect(line(a)[0]).toEqual(["年度资金总额", "100", "95", "0.95", "9.5"]);
    expect(found(a)).toEqual([]);
  });

  // Review round 26: a 其中 row typed with units throughout was no row of the table (it ended there).
  it("are read in every line, 其中 rows too, also as 120万 and in full-width digits; sums are checked", () => {
    const parts = (planned: string) => [["其中：财政拨款", "80万元", planned, "76万元", "—", "—", "—"], ["其他资金", "２０万元", "20万元", "19万元", "—", "—", "—"]];
    const right = run(form(BUDGET_HEADER, ["100万元", "100万元", "95万元"], parts("80万")));
    expect(right.budget.map((b) => b.label)).toEqual(["年度资金总额", "其中：财政拨款", "其他资金"]);
    expect(found(right)).toEqual([]);
    expect(found(run(form(BUDGET_HEADER, ["100万元", "100万元", "95万元"], parts("90万"))))).toEqual(["sum-mismatch@自评表!C2"]);
  });

  it("give the table their unit where all its amounts are typed in it; beside plain numbers, no unit is claimed", () => {
    // As the bureau's review shows them: 预算数（万元） and its 金额单位.
    const reviewed = (grid: WorkbookGrid) => reviewFile("县人社局.xlsx", run(grid), DEFAULT_PROFILE).rows.map((r) => [r.planned, r.moneyUnit]);
    expect(reviewed(form(BUDGET_HEADER, ["1,000,000元", "1,000,000元", "950,000元"]))).toEqual([["100", "万元"]]);
    expect(reviewed(form(BUDGET_HEADER, ["100万元", "100万元", "95万元"], [["其中：财政拨款", 1000000, 1000000, 950000, "—", "—", "—"]]))).toEqual([["100", null]]);
    // A plain 0 is 0 in any unit (review round 27): 1.2亿 is 12000 万元.
    expect(reviewed(form(BUDGET_HEADER, ["1.2亿", "1.2亿元", "1.14亿"], [["其中：财政拨款", "1.2亿", "1.2亿", "1.14亿", "—", "—", "—"], ["其他资金", 0, 0, 0, "—", "—", "—"]]))).toEqual([["12000", "万元"]]);
  });

  // Review round 28 (c5): ¥ before an amount, typed as text, was not-numeric.
  it("are read with a currency sign before them: with the unit after it as any typed amount, alone in the table's unit", () => {
    const header = ["", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "分值", "执行率", "得分"];
    const signed = run(form(header, ["¥100.00", "￥100", "¥ 95.00"]));
    expect(line(signed)[0]).toEqual(["年度资金总额", "100", "95", "0.95", "9.5"]);
    expect(found(signed)).toEqual([]);
    expect(line(run(form(header, ["¥1,000,000.00元", "人民币¥100万元", "￥950,000元"])))[0]).toEqual(["年度资金总额", "100", "95", "0.95", "9.5"]);
    // A sign says money, not which unit: beside amounts typed in 万元 and no stated unit, the review claims none.
    const reviewed = reviewFile("县人社局.xlsx", run(form(BUDGET_HEADER, ["100万元", "¥100", "95万元"])), DEFAULT_PROFILE).rows;
    expect(reviewed.map((r) => [r.planned, r.moneyUnit])).toEqual([["100", null]]);
  });

  it("leave words around an amount not-numeric, as before", () => {
    expect(found(run(form(BUDGET_HEADER, [100, "约100万元", 95])))).toContain("not-numeric@自评表!C2");
    expect(found(run(form(BUDGET_HEADER, [100, "¥约100", 95])))).toContain("not-numeric@自评表!C2");
  });
});
