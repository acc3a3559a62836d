/**
 * Forms side by side on one sheet (two projects' 自评表 next to each other, as some units hand them
 * in): each is read, checked, scored, filled and reviewed as a form of its own.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { analyze } from "../../src/core/analyze";
import { detectTables } from "../../src/core/detect";
import { CellValue, WorkbookGrid, columnLetters, parseCellAddress, parseRangeAddress, rangeAddress, viewOf } from "../../src/core/grid";
import { ignoreRecord, placeFindings, withIgnore } from "../../src/core/ignores";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { Report } from "../../src/core/report";
import { reviewFile } from "../../src/core/review";
import { EMPTY_STATE, stateJson } from "../../src/core/state";
import { readXlsx } from "../../src/xlsx/read";
import { runMain } from "../support/cli";
import { sheet, workbook } from "../support/grid";
import { tempDir, writeGridXlsx } from "../support/xlsx";

type Row = CellValue[];

interface Project {
  name: string;
  /** 全年预算数, 全年执行数 and the recorded 执行率 and 得分 of 年度资金总额 (万元). */
  planned: number;
  spent: number;
  rate: number | null;
  score: number | null;
  /** The budget line's 分值; null leaves it blank. */
  weight: number | null;
  /** The indicators: 一级指标, 二级指标, 三级指标, target, actual, 分值, 得分, reason. */
  indicators: Row[];
  /** The 总分 row's 分值 and recorded total, and the recorded 等次. */
  total: [number, number | null];
  grade: string;
}

/** 85 of 90 points, each score below its weight with its reason. */
const INDICATORS: Row[] = [
  ["产出指标", "数量指标", "培训人次", "≥1200人次", "1350人次", 20, 20, ""],
  [null, "质量指标", "抽检合格率", "≥95%", "96.5%", 15, 15, ""],
  [null, "时效指标", "完成时间", "2023年12月底前", "2023年11月", 5, 5, ""],
  [null, "成本指标", "人均培训成本", "≤350元", "320元", 10, 10, ""],
  ["效益指标", "社会效益指标", "群众办事便利度", "明显提升", "明显提升", 15, 14, "线上办理推广不足"],
  [null, "可持续影响指标", "长效机制建设", "达成", "部分达成", 15, 11, "制度仍在修订"],
  ["满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "93%", 10, 10, ""],
];

const HERITAGE: Project = { name: "非遗保护传承", planned: 1000, spent: 950, rate: 0.95, score: 9.5, weight: 10, indicators: INDICATORS, total: [100, 94.5], grade: "优" };
const CULTURE: Project = { name: "公共文化服务", planned: 200, spent: 150, rate: 0.75, score: 7.5, weight: 10, indicators: INDICATORS, total: [100, 92.5], grade: "优" };

/** Columns A..I of a form, and its merged areas relative to its own first column. */
interface FormBlock {
  rows: Row[];
  merges: string[];
}

/** The indicator header of the national form, and of its variant with 指标性质 and 计量单位 columns. */
const INDICATOR_HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
const WIDE_INDICATOR_HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "计量单位", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

/**
 * The national 项目支出绩效自评表, nine columns wide: its title, header block, budget block
 * (年度资金总额 with its 其中 row, 执行率 of the 其中 row left blank), 年度总体目标, indicators with
 * their 一级指标 merged down, 总分 and 评价等次. Indicators given with 指标性质 and 计量单位 make
 * its indicator table eleven columns wide under the nine of its budget block, as forms using the
 * variant have it.
 */
function projectForm(p: Project): FormBlock {
  const first = 11; // the indicators' first row (1-based)
  const header = p.indicators[0].length === INDICATOR_HEADER.length - 1 ? INDICATOR_HEADER : WIDE_INDICATOR_HEADER;
  const width = header.length;
  const rows: Row[] = [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", p.name],
    ["主管部门", "县文化旅游局", null, null, null, "实施单位", `县${p.name.slice(0, 2)}中心`],
    ["项目资金（万元）", null, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", null, p.planned, p.planned, p.spent, p.weight, p.rate, p.score],
    [null, "其中：财政拨款", null, p.planned, p.planned, p.spent, null, null, null],
    ["年度总体目标", "预期目标", null, null, null, "实际完成情况"],
    [null, "目标1", null, null, null, "完成"],
    header,
    ...p.indicators.map((row) => [null, ...row]),
    // 分值 and 得分 in the indicators' 分值 and 得分 columns.
    ["总分", ...Array<null>(width - 4).fill(null), ...p.total, null],
    ["评价等次", ...Array<null>(width - 3).fill(null), p.grade, null],
  ];
  // The title and the labels merged across, 一级指标 merged down over its rows, as the template has them.
  const last = columnLetters(width - 1);
  const merges = [`A1:${last}1`, `A2:${last}2`, `B3:${last}3`, "A5:C5", "B6:C6", "B7:C7"];
  let top = -1;
  p.indicators.forEach((row, i) => {
    const end = i === p.indicators.length - 1 || p.indicators[i + 1][0] !== null;
    if (row[0] !== null) top = first + i;
    if (end && first + i > top) merges.push(`B${top}:B${first + i}`);
  });
  return { rows, merges };
}

/** Blocks side by side, `gap` blank columns between them, as one sheet. */
function besideEachOther(blocks: FormBlock[], gap: number): WorkbookGrid {
  const rows: Row[] = [];
  const merges: string[] = [];
  let col = 0;
  for (const block of blocks) {
    const width = Math.max(...block.rows.map((r) => r.length));
    block.rows.forEach((row, r) => {
      rows[r] ??= [];
      row.forEach((value, c) => (rows[r][col + c] = value));
    });
    for (const m of block.merges) {
      const area = parseRangeAddress(m)!;
      merges.push(rangeAddress({ ...area, left: area.left + col, right: area.right + col }));
    }
    col += width + gap;
  }
  for (const row of rows) for (let c = 0; c < row.length; c++) row[c] ??= null;
  return workbook({ name: "自评表", rows, merges });
}

/** The column letter `offset` columns right of `letter`. */
const shifted = (letter: string, offset: number) => columnLetters(parseCellAddress(`${letter}1`)!.col + offset);

describe("two project forms side by side on one sheet", () => {
  test.each([0, 1, 2])("with %i blank columns between them, each form is its own budget table and indicator table", (gap) => {
    const grid = besideEachOther([projectForm(HERITAGE), projectForm(CULTURE)], gap);
    const right = 9 + gap; // the right form's first column
    const col = (letter: string) => shifted(letter, right);
    const analysis = analyze(grid);
    expect(analysis.tables.map((t) => [t.kind, t.range, t.project, t.unit])).toEqual([
      ["budget", "B5:I7", "非遗保护传承", "县非遗中心"],
      ["budget", `${col("B")}5:${col("I")}7`, "公共文化服务", "县公共中心"],
      ["indicators", "B10:I19", "非遗保护传承", "县非遗中心"],
      ["indicators", `${col("B")}10:${col("I")}19`, "公共文化服务", "县公共中心"],
    ]);
    // Each budget line divides its own spending by its own budget.
    expect(analysis.budget.map((b) => [b.label, b.planned, b.spent, b.rate])).toEqual([
      ["年度资金总额", "1000", "950", "0.95"],
      ["其中：财政拨款", "1000", "950", "0.95"],
      ["年度资金总额", "200", "150", "0.75"],
      ["其中：财政拨款", "200", "150", "0.75"],
    ]);
    // A correct form raises nothing: no rate-mismatch, overspent or budget-score-mismatch.
    expect(analysis.findings).toEqual([]);
    // Each total counts its own budget line: 9.5 + 85 and 7.5 + 85.
    expect(analysis.totals.map((t) => [t.label, t.score, t.recordedScore, t.grade])).toEqual([
      ["非遗保护传承", "94.5", "94.5", "优"],
      ["公共文化服务", "92.5", "92.5", "优"],
    ]);
    // The blank 执行率 of each 其中 row is filled with its own rate.
    expect(analysis.writes.map((w) => [w.cell, w.value])).toEqual([
      ["H7", "0.95"],
      [`${col("H")}7`, "0.75"],
    ]);
  });

  test("the review has a row per project with its own budget figures", () => {
    const analysis = analyze(besideEachOther([projectForm(HERITAGE), projectForm(CULTURE)], 1));
    const review = reviewFile("县文旅局.xlsx", analysis, DEFAULT_PROFILE);
    expect(review.rows.map((r) => [r.kind, r.project, r.table, r.planned, r.spent, r.rate, r.score])).toEqual([
      ["evaluation", "非遗保护传承", "B10:I19", "1000", "950", "0.95", "94.5"],
      ["evaluation", "公共文化服务", "L10:S19", "200", "150", "0.75", "92.5"],
    ]);
  });

  test("budget tables side by side with no indicators each have their review row and figures", () => {
    const budgetOnly = (p: Project): FormBlock => {
      const form = projectForm(p);
      return { rows: form.rows.slice(0, 7), merges: form.merges.filter((m) => parseRangeAddress(m)!.bottom < 7) };
    };
    const analysis = analyze(besideEachOther([budgetOnly(HERITAGE), budgetOnly(CULTURE)], 1));
    const review = reviewFile("县文旅局.xlsx", analysis, DEFAULT_PROFILE);
    expect(review.rows.map((r) => [r.kind, r.project, r.table, r.planned, r.spent, r.rate])).toEqual([
      ["budget", "非遗保护传承", "B5:I7", "1000", "950", "0.95"],
      ["budget", "公共文化服务", "L5:S7", "200", "150", "0.75"],
    ]);
  });

  test("a finding on one form counts in its own form's review row", () => {
    // The right form's scores add up to 92.5 with its budget's 7.5, not the 93.5 it records.
    const wrongTotal: Project = { ...CULTURE, total: [100, 93.5] };
    const analysis = analyze(besideEachOther([projectForm(HERITAGE), projectForm(wrongTotal)], 1));
    expect(analysis.findings.map((f) => [f.rule, f.cell])).toEqual([["total-mismatch", "R18"]]);
    const review = reviewFile("县文旅局.xlsx", analysis, DEFAULT_PROFILE);
    expect(review.rows.map((r) => [r.project, r.errors])).toEqual([
      ["非遗保护传承", 0],
      ["公共文化服务", 1],
    ]);
  });

  test("a form leaving its 总分 and 等次 blank reads none from the form beside it", () => {
    const blank: Project = { ...HERITAGE, total: [100, null], grade: "" };
    const analysis = analyze(besideEachOther([projectForm(blank), projectForm(CULTURE)], 1));
    // The 评价等次 label of the right form is no grade recorded by the left one (no grade-mismatch).
    expect(analysis.findings).toEqual([]);
    expect(analysis.totals.map((t) => [t.label, t.score, t.recordedScore, t.grade, t.recordedGrade])).toEqual([
      ["非遗保护传承", "94.5", null, "优", null],
      ["公共文化服务", "92.5", "92.5", "优", "优"],
    ]);
  });

  test("each form ends where it does: a blank row in the shorter form's columns ends it, the longer form reads on", () => {
    // Four indicators and no 总分 row: a blank row in its own columns ends the left form, while
    // the right form's indicators run on beside it.
    const short = projectForm({ ...HERITAGE, indicators: [INDICATORS[0], INDICATORS[3], INDICATORS[4], INDICATORS[6]] });
    short.rows.splice(-2);
    const grid = besideEachOther([short, projectForm(CULTURE)], 1);
    const view = viewOf(grid.sheets[0]);
    const [, , left, right] = detectTables(view);
    expect(left.kind === "indicators" && [left.rows.map((r) => r + 1), left.totalRow]).toEqual([[11, 12, 13, 14], null]);
    expect(right.kind === "indicators" && [right.rows.map((r) => r + 1), right.totalRow! + 1, right.gradeRow! + 1]).toEqual([
      [11, 12, 13, 14, 15, 16, 17],
      18,
      19,
    ]);
    const analysis = analyze(grid);
    // 20 + 10 + 14 + 10 of 55 points, with the budget's 9.5 of 10.
    expect(analysis.totals.map((t) => [t.label, t.weights, t.score, t.recordedScore])).toEqual([
      ["非遗保护传承", "65", "63.5", null],
      ["公共文化服务", "100", "92.5", "92.5"],
    ]);
  });

  test("a table under the shorter form, beside the longer one, is found and read in its own columns", () => {
    const short = projectForm({ ...HERITAGE, indicators: [INDICATORS[0], INDICATORS[3], INDICATORS[4], INDICATORS[6]] });
    short.rows.splice(-2, 2, [], ["项目名称", "文物修缮"], ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"], [null, ...INDICATORS[0]], [null, ...INDICATORS[6]]);
    const analysis = analyze(besideEachOther([short, projectForm(CULTURE)], 1));
    expect(analysis.tables.map((t) => [t.kind, t.range, t.label])).toEqual([
      ["budget", "B5:I7", "非遗保护传承"],
      ["budget", "L5:S7", "公共文化服务"],
      ["indicators", "B10:I14", "非遗保护传承"],
      ["indicators", "L10:S19", "公共文化服务"],
      ["indicators", "B17:I19", "文物修缮"],
    ]);
    // Rows 18 and 19 of the left columns are its indicators; the right form's end at row 17.
    expect(analysis.indicators.filter((i) => i.row >= 18).map((i) => [i.row, i.name, i.score])).toEqual([
      [18, "培训人次", "20"],
      [19, "企业满意度", "10"],
    ]);
  });
});

describe("forms whose indicator table is wider than their budget block, side by side", () => {
  // 指标性质 and 计量单位 make the indicators' header eleven columns wide (A:K) under a budget
  // header of nine (A:I): the budget block of the form on the right starts in the columns of the
  // left form's indicators. 90 of 90 points.
  const WIDE_INDICATORS: Row[] = [
    ["产出指标", "数量指标", "新建校舍", "≥", 5000, "平方米", 5200, 30, 30, ""],
    [null, "质量指标", "验收合格率", "=", 100, "%", 100, 20, 20, ""],
    ["效益指标", "社会效益指标", "适龄儿童入学率", "≥", 98, "%", 99, 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "师生满意度", "≥", 90, "%", 92, 10, 10, ""],
  ];
  const SCHOOLS: Project = { name: "乡村学校改造", planned: 1200, spent: 1140, rate: 0.95, score: 9.5, weight: 10, indicators: WIDE_INDICATORS, total: [100, 99.5], grade: "优" };
  const CLINICS: Project = { name: "乡镇卫生院改造", planned: 500, spent: 400, rate: 0.8, score: 8, weight: 10, indicators: WIDE_INDICATORS, total: [100, 98], grade: "优" };

  test.each([
    ["two wide forms", [SCHOOLS, CLINICS]],
    ["a wide form left of a narrow one", [SCHOOLS, CULTURE]],
    ["a narrow form left of a wide one", [CULTURE, SCHOOLS]],
    ["two wide forms the other way round", [CLINICS, SCHOOLS]],
  ])("%s: each form is named by its own header block and its total counts its own budget line", (_, projects) => {
    const [left, right] = projects;
    const analysis = analyze(besideEachOther(projects.map(projectForm), 1));
    expect(analysis.tables.map((t) => [t.kind, t.project, t.unit])).toEqual([
      ["budget", left.name, `县${left.name.slice(0, 2)}中心`],
      ["budget", right.name, `县${right.name.slice(0, 2)}中心`],
      ["indicators", left.name, `县${left.name.slice(0, 2)}中心`],
      ["indicators", right.name, `县${right.name.slice(0, 2)}中心`],
    ]);
    // Every recorded figure is right: no total-mismatch, no score-above-attainable.
    expect(analysis.findings).toEqual([]);
    expect(analysis.totals.map((t) => [t.label, t.score, t.recordedScore])).toEqual(projects.map((p) => [p.name, String(p.total[1]), String(p.total[1])]));
  });

  test.each([
    [0, 1],
    [1, 0],
    [0, 2],
    [2, 0],
    // Further down, the wide form's budget block still runs beside the narrow form's indicator
    // header: the wider header under it must bound that table too (review round 30).
    [3, 0],
    [4, 0],
    [8, 0],
    [0, 3],
    [0, 8],
  ])("a wide form %i and a narrow one %i rows lower: the wide form's indicators keep their 得分 and reasons", (wideLower, narrowLower) => {
    for (const projects of [
      [SCHOOLS, CULTURE],
      [CULTURE, SCHOOLS],
    ]) {
      const lower = (p: Project) => (p === SCHOOLS ? wideLower : narrowLower);
      const analysis = analyze(besideEachOther(projects.map((p) => withMoreLines(projectForm(p), lower(p))), 1));
      // The right form starts a blank column after the left one's last (K for a wide form, I for a narrow one).
      const first = [0, projectForm(projects[0]).rows[9].length + 1];
      // Each form's indicator table reads all its columns: eleven for the wide form, nine for the other.
      const indicatorRange = (p: Project, i: number) =>
        `${shifted("B", first[i])}${10 + lower(p)}:${shifted(p === SCHOOLS ? "K" : "I", first[i])}${(p === SCHOOLS ? 16 : 19) + lower(p)}`;
      const expected = projects.map((p, i) => [p.name, indicatorRange(p, i)]);
      // Top to bottom: the higher form's table first.
      if (lower(projects[1]) < lower(projects[0])) expected.reverse();
      expect(analysis.tables.filter((t) => t.kind === "indicators").map((t) => [t.project, t.range])).toEqual(expected);
      expect(analysis.tables.map((t) => t.unit).sort()).toEqual(projects.flatMap((p) => [`县${p.name.slice(0, 2)}中心`, `县${p.name.slice(0, 2)}中心`]).sort());
      expect(analysis.findings).toEqual([]);
      expect(analysis.totals.map((t) => [t.label, t.score, t.recordedScore]).sort()).toEqual(projects.map((p) => [p.name, String(p.total[1]), String(p.total[1])]).sort());
    }
  });

  test("each form's budget weight is its own side's: a claiming wide form drops its blank weight, the form beside keeps its 10", () => {
    // Left: budget 分值/得分 left blank beside indicators carrying all 100 points themselves.
    const claiming: Project = { ...SCHOOLS, weight: null, score: null, indicators: [["产出指标", "数量指标", "新建校舍", "≥", 5000, "平方米", 5200, 40, 40, ""], ...WIDE_INDICATORS.slice(1)], total: [100, 100] };
    // Right: its 分值/得分 blank too, beside 90 points: budget execution keeps the profile's 10.
    const unclaimed: Project = { ...CLINICS, weight: null, score: null };
    const analysis = analyze(besideEachOther([projectForm(claiming), projectForm(unclaimed)], 1));
    expect(analysis.totals.map((t) => [t.label, t.weights, t.score])).toEqual([
      ["乡村学校改造", "100", "100"],
      ["乡镇卫生院改造", "100", "98"],
    ]);
    // Only the right form's budget score is filled (8 at 80%, in its 得分 column U).
    expect(analysis.writes.filter((w) => w.basis === "budget-score").map((w) => [w.cell, w.value])).toEqual([["U6", "8"]]);
  });
});

describe("budget tables side by side under two-row headers", () => {
  test("预算执行情况 merged over each form's 全年预算数 | 全年执行数 | 执行率: each form reads its own", () => {
    const rows: Row[] = [
      ["项目名称", "甲项目", null, null, null, null, "项目名称", "乙项目"],
      ["资金来源", "预算执行情况", null, null, "得分", null, "资金来源", "预算执行情况", null, null, "得分"],
      [null, "全年预算数", "全年执行数", "执行率", null, null, null, "全年预算数", "全年执行数", "执行率", null],
      ["财政资金", 100, 90, 0.9, null, null, "财政资金", 50, 50, 1, null],
    ];
    const merges = ["A2:A3", "B2:D2", "E2:E3", "G2:G3", "H2:J2", "K2:K3"];
    const analysis = analyze(workbook({ name: "预算执行", rows, merges }));
    expect(analysis.tables.map((t) => [t.range, t.label])).toEqual([
      ["A2:E4", "甲项目"],
      ["G2:K4", "乙项目"],
    ]);
    expect(analysis.budget.map((b) => [b.label, b.planned, b.spent, b.rate])).toEqual([
      ["财政资金", "100", "90", "0.9"],
      ["财政资金", "50", "50", "1"],
    ]);
    expect(analysis.findings).toEqual([]);
  });
});

describe("budget lines of forms side by side on the 综合得分 sheet", () => {
  test("a form that gives no name is told by its range, as its total's headline is", () => {
    const rows: Row[] = [
      ["资金来源", "全年预算数", "全年执行数", "执行率", null, "资金来源", "全年预算数", "全年执行数", "执行率"],
      ["年度资金总额", 100, 90, 0.9, null, "年度资金总额", 50, 50, 1],
    ];
    const labels = analyze(workbook({ name: "预算执行", rows }))
      .summary.cells.filter((c) => c.col === 0 && String(c.value).endsWith("年度资金总额"))
      .map((c) => c.value);
    expect(labels).toEqual(["A1:D2 · 年度资金总额", "F1:I2 · 年度资金总额"]);
  });
});

describe("forms side by side of different lengths on the 综合得分 sheet (review round 56a, F4)", () => {
  /** The form with no 其中 row under its 年度资金总额: one row shorter, its indicators a row higher. */
  function withoutSourceRow(block: FormBlock): FormBlock {
    const rows = block.rows.filter((_, i) => i !== 6);
    const merges = block.merges
      .filter((m) => m !== "B7:C7")
      .map((m) => {
        const area = parseRangeAddress(m)!;
        return area.top > 6 ? rangeAddress({ ...area, top: area.top - 1, bottom: area.bottom - 1 }) : m;
      });
    return { rows, merges };
  }

  test("lists the forms in the sheet's reading order in every section, as the budget lines are: left, then right", () => {
    const analysis = analyze(besideEachOther([projectForm(HERITAGE), withoutSourceRow(projectForm(CULTURE))], 1));
    // The right form's indicators start a row higher than the left one's.
    expect(analysis.tables.map((t) => [t.kind, t.range])).toEqual([
      ["budget", "B5:I7"],
      ["budget", "L5:S6"],
      ["indicators", "L9:S18"],
      ["indicators", "B10:I19"],
    ]);
    expect(analysis.totals.map((t) => t.label)).toEqual(["非遗保护传承", "公共文化服务"]);
    const named = analysis.summary.cells.filter((c) => c.col === 0 && / · /.test(String(c.value))).map((c) => String(c.value).split(" · ")[0]);
    const order = named.filter((name, i) => name !== named[i - 1]);
    // 一、预算执行, 二、绩效指标, then the 综合得分 lines: each section left, then right.
    expect(order).toEqual(["非遗保护传承", "公共文化服务", "非遗保护传承", "公共文化服务", "非遗保护传承", "公共文化服务"]);
  });
});

describe("indicator tables side by side without budget blocks", () => {
  /** 项目名称 over each table, the tables' 合计 stating their 90 points. */
  function indicatorsOnly(names: string[]): WorkbookGrid {
    const block = (name: string): FormBlock => ({
      rows: [
        ["项目名称", name],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ...INDICATORS,
        ["合计", null, null, null, null, 90, 85, null],
      ],
      merges: ["A3:A6", "A7:A8"],
    });
    return besideEachOther(names.map(block), 1);
  }

  test("each table is found and named by the 项目名称 above it, none dropped", () => {
    const analysis = analyze(indicatorsOnly(["项目甲", "项目乙"]));
    expect(analysis.tables.map((t) => [t.kind, t.range, t.label])).toEqual([
      ["indicators", "A2:H10", "项目甲"],
      ["indicators", "J2:Q10", "项目乙"],
    ]);
    expect(analysis.indicators.filter((i) => i.name === "企业满意度").map((i) => [i.sheet, i.row, i.score])).toEqual([
      ["自评表", 9, "10"],
      ["自评表", 9, "10"],
    ]);
    // With no budget block, neither total can be computed: each says so at its own header.
    expect(analysis.findings.filter((f) => f.rule === "total-incomplete").map((f) => f.cell)).toEqual(["G2", "P2"]);
  });

  test("three tables side by side are three tables", () => {
    const analysis = analyze(indicatorsOnly(["项目甲", "项目乙", "项目丙"]));
    expect(analysis.tables.map((t) => [t.range, t.label])).toEqual([
      ["A2:H10", "项目甲"],
      ["J2:Q10", "项目乙"],
      ["S2:Z10", "项目丙"],
    ]);
  });
});

describe("the budget weight when each side has its budget block and indicators", () => {
  test("a side whose indicators claim all 100 points drops its blank budget weight; the other side keeps the profile's", () => {
    // Left: a 部门整体-like form, 分值/得分 of the budget left blank, indicators of 100 points.
    const claiming: Project = {
      ...HERITAGE,
      weight: null,
      score: null,
      // 60 + 14 + 11 + 10 = 95 of 60 + 15 + 15 + 10 = 100 points.
      indicators: [["产出指标", "数量指标", "培训人次", "≥1200人次", "1350人次", 60, 60, ""], ...INDICATORS.slice(4)],
      total: [100, 95],
    };
    // Right: the budget's 分值/得分 blank beside 90 points of indicators: budget execution keeps its 10.
    const unclaimed: Project = { ...CULTURE, weight: null, score: null, total: [100, 92.5] };
    const analysis = analyze(besideEachOther([projectForm(claiming), projectForm(unclaimed)], 1));
    expect(analysis.totals.map((t) => [t.label, t.weights, t.score])).toEqual([
      ["非遗保护传承", "100", "95"],
      ["公共文化服务", "100", "92.5"],
    ]);
    // Only the right form's budget score is filled (7.5 at 75%); the left one scores nothing.
    expect(analysis.writes.filter((w) => w.basis === "budget-score").map((w) => [w.cell, w.value])).toEqual([["S6", "7.5"]]);
    expect(analysis.findings.filter((f) => f.rule === "weights-total")).toEqual([]);
  });
});

describe("one header row naming a field twice that is no second table", () => {
  test("a second 得分 column (the reviewers' 考核得分) after the indicators' own stays part of the one table", () => {
    const rows: Row[] = [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", "考核得分"],
      ["产出指标", "数量指标", "培训场次", "≥10场", "12场", 50, 50, "", 50],
    ];
    const tables = detectTables(viewOf(sheet({ rows })));
    // One table, its 得分 the first one, as before tables side by side were read.
    expect(tables.map((t) => [t.kind, t.left, t.right, t.rows, t.kind === "indicators" && t.columns.score])).toEqual([["indicators", 0, 7, [1], 6]]);
  });
});

describe("forms side by side through the command line", () => {
  test("the scored copy fills each form's own rate and the report lists both projects", async () => {
    const dir = tempDir();
    const input = path.join(dir, "县文旅局.xlsx");
    await writeGridXlsx(besideEachOther([projectForm(HERITAGE), projectForm(CULTURE)], 1), input);
    const copy = path.join(dir, "out.xlsx");
    const json = path.join(dir, "report.json");
    const run = await runMain("score", input, "--out", copy, "--json", json);
    expect(run.code).toBe(0); // no finding at all on these correct forms
    const report = JSON.parse(readFileSync(json, "utf8")) as Report;
    expect(report.totals.map((t) => [t.label, t.score, t.recordedScore])).toEqual([
      ["非遗保护传承", "94.5", "94.5"],
      ["公共文化服务", "92.5", "92.5"],
    ]);
    const scored = (await readXlsx(copy)).grid.sheets.find((s) => s.name === "自评表")!;
    expect([scored.values[6][7], scored.values[6][17]]).toEqual([0.95, 0.75]);
  });
});

/** Blocks one under the other, `gap` blank rows between them, as one sheet. */
function underEachOther(blocks: FormBlock[], gap: number): WorkbookGrid {
  const rows: Row[] = [];
  const merges: string[] = [];
  for (const block of blocks) {
    const top = rows.length;
    rows.push(...block.rows);
    for (const m of block.merges) {
      const area = parseRangeAddress(m)!;
      merges.push(rangeAddress({ ...area, top: area.top + top, bottom: area.bottom + top }));
    }
    for (let i = 0; i < gap; i++) rows.push([]);
  }
  return workbook({ name: "自评表", rows, merges });
}

describe("the headline of each form sharing a sheet is its own", () => {
  // The right form's 培训人次 has no actual and no score: its total cannot be computed.
  const incomplete: Project = { ...CULTURE, indicators: [["产出指标", "数量指标", "培训人次", "≥1200人次", null, 20, null, ""], ...INDICATORS.slice(1)], total: [100, null], grade: "" };
  // The right form's indicators carry 85 points: with the budget's 10, 95 in all.
  const underweight: Project = { ...CULTURE, indicators: [["产出指标", "数量指标", "培训人次", "≥1200人次", "1350人次", 15, 15, ""], ...INDICATORS.slice(1)], total: [95, 87.5] };

  /** The 综合得分 sheet's lines as texts, row by row (one sheet: no 工作表 column, review round 52). */
  const summaryLines = (grid: WorkbookGrid): string[] => {
    const { cells, rowCount } = analyze(grid).summary;
    return Array.from({ length: rowCount }, (_, row) =>
      cells
        .filter((c) => c.row === row)
        .map((c) => c.value)
        .join(" | "),
    );
  };

  test.each([
    ["side by side", besideEachOther([projectForm(HERITAGE), projectForm(incomplete)], 1)],
    ["the other way round", besideEachOther([projectForm(incomplete), projectForm(HERITAGE)], 1)],
    ["one under the other", underEachOther([projectForm(HERITAGE), projectForm(incomplete)], 2)],
  ])("%s: a complete form keeps its grade while the other's total is incomplete", (_, grid) => {
    const lines = summaryLines(grid);
    const at = (text: string) => lines.findIndex((line) => line.startsWith(text));
    const heritage = at("非遗保护传承 · 综合得分");
    const culture = at("公共文化服务 · 综合得分");
    // jixiao's total over the weights' sum, the form's own under it (review round 51d H1, M11).
    expect(lines[heritage]).toBe("非遗保护传承 · 综合得分（计算） | 100 | 94.5 | 评价等次 | 优");
    expect(lines[heritage + 1]).toBe("非遗保护传承 · 综合得分（填报） | 94.5 | 评价等次 | 优");
    expect(lines[culture]).toBe("公共文化服务 · 综合得分（计算） | 100 | — | 评价等次 | 未评等次");
    const afterCulture = culture + 1 + lines.slice(culture + 1).findIndex((line) => !line.startsWith("公共文化服务 · 综合得分"));
    expect(lines[afterCulture]).toBe("无法计算总分，未评等次");
    // No line of the complete form's quotes the other's gap.
    expect(lines[heritage + 2]).not.toMatch(/^(无法计算总分|未评等次)/);
    // Each 一级指标 line is named by its form.
    expect(lines.filter((line) => line.startsWith("非遗保护传承 · 产出指标"))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith("公共文化服务 · 产出指标"))).toHaveLength(1);
  });

  test("the weights of one form leave the other's grade alone, and are quoted on their own form's line only", () => {
    const lines = summaryLines(besideEachOther([projectForm(HERITAGE), projectForm(underweight)], 1));
    const culture = lines.findIndex((line) => line.startsWith("公共文化服务 · 综合得分"));
    expect(lines.filter((line) => line.startsWith("非遗保护传承 · 综合得分"))).toEqual([
      "非遗保护传承 · 综合得分（计算） | 100 | 94.5 | 评价等次 | 优",
      "非遗保护传承 · 综合得分（填报） | 94.5 | 评价等次 | 优",
    ]);
    expect(lines[culture]).toBe("公共文化服务 · 综合得分（计算） | 95 | 87.5 | 评价等次 | 未评等次");
    expect(lines[culture + 1]).toBe("公共文化服务 · 综合得分（填报） | 87.5 | 评价等次 | 优");
    expect(lines[culture + 2]).toMatch(/^未评等次：.*合计 95 分/);
    expect(lines.filter((line) => line.includes("合计 95 分") && line.startsWith("未评等次"))).toHaveLength(1);
  });

  test("the command line names each form's line by its project and judges it by its own table", async () => {
    const dir = tempDir();
    const input = path.join(dir, "县文旅局.xlsx");
    await writeGridXlsx(besideEachOther([projectForm(HERITAGE), projectForm(incomplete)], 1), input);
    const run = await runMain("score", input, "--out", path.join(dir, "out.xlsx"));
    const lines = run.out.split("\n");
    expect(lines.filter((line) => line.includes("综合得分"))).toEqual([
      "  自评表 · 非遗保护传承：综合得分 94.5（表中填 94.5），等次 优",
      "  自评表 · 公共文化服务：综合得分 —，等次 —（无法计算总分，未评等次）",
    ]);
    const english = await runMain("score", input, "--out", path.join(dir, "out-en.xlsx"), "--lang", "en");
    expect(english.out).toContain("  自评表 · 非遗保护传承: total 94.5 (recorded 94.5), grade 优\n");
  });
});

describe("the 综合得分 title of a workbook of several projects", () => {
  const titleOf = (grid: WorkbookGrid) => analyze(grid).summary.cells.find((c) => c.row === 0 && c.col === 0)?.value;
  /** The form of a project whose 实施单位 is `unit`. */
  const formOf = (p: Project, unit: string): FormBlock => {
    const form = projectForm(p);
    form.rows[3] = form.rows[3].map((value, col) => (col === 6 ? unit : value));
    return form;
  };

  test("names the unit the forms share, not the first project", () => {
    const grid = besideEachOther([formOf(HERITAGE, "县文旅局"), formOf(CULTURE, "县文旅局")], 1);
    expect(titleOf(grid)).toBe("县文旅局2023年度绩效自评综合得分");
  });

  // Review round 57d, F2: the 主管部门 beside a blank 实施单位 names the projects' supervisor, no unit of theirs.
  test("says how many projects there are when their forms leave 实施单位 blank, not their 主管部门", () => {
    const grid = besideEachOther([formOf(HERITAGE, ""), formOf(CULTURE, "")], 1);
    expect(titleOf(grid)).toBe("2个项目2023年度绩效自评综合得分");
  });

  test("says how many projects there are when their units differ, in the sheet's language", () => {
    const grid = besideEachOther([projectForm(HERITAGE), projectForm(CULTURE)], 1);
    expect(titleOf(grid)).toBe("2个项目2023年度绩效自评综合得分");
    expect(analyze(grid, undefined, { lang: "en" }).summary.cells.find((c) => c.row === 0)?.value).toBe("2 projects 2023 Performance self-evaluation summary");
  });

  test("names the one project of a workbook that holds one", () => {
    expect(titleOf(besideEachOther([projectForm(HERITAGE)], 0))).toBe("非遗保护传承2023年度绩效自评综合得分");
  });
});

/**
 * A form with `count` more lines in its header block under its title (填报单位, 填报日期, a 项目编号 …),
 * as some units' templates have them: its header rows start `count` rows lower.
 */
function withMoreLines(block: FormBlock, count: number): FormBlock {
  const lines: Row[] = [["填报单位（盖章）：县文化旅游局"], ["填报日期：2024年3月15日"], ["项目编号", "P2023-017"], ["项目类别", "经常性项目"], ["资金性质", "一般公共预算"], ["预算年度", "2023"], ["联系人", "王某"], ["联系电话", "0000-1234567"]];
  const rows = [block.rows[0], ...lines.slice(0, count), ...block.rows.slice(1)];
  const merges = block.merges.map((m) => {
    const area = parseRangeAddress(m)!;
    return area.top === 0 ? m : rangeAddress({ ...area, top: area.top + count, bottom: area.bottom + count });
  });
  return { rows, merges };
}

/** A block `count` rows further down: blank rows above it. */
function shiftedDown(block: FormBlock, count: number): FormBlock {
  const rows = [...Array.from({ length: count }, (): Row => []), ...block.rows];
  const merges = block.merges.map((m) => {
    const area = parseRangeAddress(m)!;
    return rangeAddress({ ...area, top: area.top + count, bottom: area.bottom + count });
  });
  return { rows, merges };
}

/** What one form of a sheet reads as: its tables, budget lines, total, the rate it fills, its review row. */
function formRead(analysis: ReturnType<typeof analyze>, name: string) {
  const own = (table: number) => analysis.tables[table].project === name;
  const review = reviewFile("县文旅局.xlsx", analysis, DEFAULT_PROFILE).rows.filter((r) => r.project === name);
  return {
    tables: analysis.tables.filter((t) => t.project === name).map((t) => [t.kind, t.range, t.unit]),
    budget: analysis.budget.filter((_, i) => own(analysis.budgetLines[i].table)).map((b) => [b.label, b.row, b.planned, b.spent, b.rate]),
    totals: analysis.totals.filter((t) => t.label === name).map((t) => [t.score, t.recordedScore, t.grade]),
    review: review.map((r) => [r.kind, r.table, r.planned, r.spent, r.rate, r.score, r.moneyUnit]),
  };
}

/** What the form of `p`, its first column `first` and its rows `lower` rows down, reads as when read alone. */
function expectedRead(p: Project, first: number, lower: number) {
  const cell = (letter: string, row: number) => `${shifted(letter, first)}${row + lower}`;
  const indicators = `${cell("B", 10)}:${cell("I", 19)}`;
  const rate = String(p.spent / p.planned);
  return {
    tables: [
      ["budget", `${cell("B", 5)}:${cell("I", 7)}`, `县${p.name.slice(0, 2)}中心`],
      ["indicators", indicators, `县${p.name.slice(0, 2)}中心`],
    ],
    budget: [
      ["年度资金总额", 6 + lower, String(p.planned), String(p.spent), rate],
      ["其中：财政拨款", 7 + lower, String(p.planned), String(p.spent), rate],
    ],
    totals: [[String(p.total[1]), String(p.total[1]), p.grade]],
    review: [["evaluation", indicators, String(p.planned), String(p.spent), rate, String(p.total[1]), "万元"]],
  };
}

/** The rates filled in the blank 执行率 of each form's 其中 row, in the order the sheet holds them. */
function expectedRates(forms: [Project, number, number][]): string[][] {
  return forms
    .map(([p, first, lower]) => ({ row: 7 + lower, col: first, cell: `${shifted("H", first)}${7 + lower}`, value: String(p.spent / p.planned) }))
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((w) => [w.cell, w.value]);
}

const RELICS: Project = { name: "文物保护修缮", planned: 500, spent: 400, rate: 0.8, score: 8, weight: 10, indicators: INDICATORS, total: [100, 93], grade: "优" };

describe("forms side by side whose header rows start on different rows", () => {
  test.each([
    [1, 0],
    [2, 0],
    [5, 0],
    [0, 1],
    [0, 2],
    [0, 5],
    [3, 1],
  ])("the left form %i and the right form %i rows lower (more lines in its header block): each is read as it is alone", (leftLower, rightLower) => {
    for (const gap of [0, 1]) {
      const grid = besideEachOther([withMoreLines(projectForm(HERITAGE), leftLower), withMoreLines(projectForm(CULTURE), rightLower)], gap);
      const analysis = analyze(grid);
      expect(formRead(analysis, HERITAGE.name)).toEqual(expectedRead(HERITAGE, 0, leftLower));
      expect(formRead(analysis, CULTURE.name)).toEqual(expectedRead(CULTURE, 9 + gap, rightLower));
      // Nothing else is read: no table without a name, no line of one form credited to the other.
      expect(analysis.tables).toHaveLength(4);
      expect(analysis.findings).toEqual([]);
      expect(analysis.writes.map((w) => [w.cell, w.value])).toEqual(
        expectedRates([
          [HERITAGE, 0, leftLower],
          [CULTURE, 9 + gap, rightLower],
        ]),
      );
    }
  });

  test.each([
    [0, 1, "目标1：完成年度任务。"],
    [1, 0, "目标1：完成年度任务。"],
    [0, 1, "按期完成"],
    [0, 1, "新建农村公路32公里，改造危桥5座"],
  ])("goals written out, the left form %i and the right form %i rows lower (%s): each is read as it is alone (review rounds 46 and 47)", (leftLower, rightLower, goal) => {
    // 预期目标 | 实际完成情况 of the lower form beside the other's goals (目标1：…。), over its header;
    // each merged across its columns, as the template has them.
    const withGoals = (block: FormBlock): FormBlock => {
      const goals = block.rows.findIndex((row) => row[1] === "目标1") + 1;
      return {
        rows: block.rows.map((row) => (row[1] === "目标1" ? [null, goal, null, null, null, "全面完成年度任务"] : row)),
        merges: [...block.merges, ...[goals - 1, goals].flatMap((row) => [`B${row}:E${row}`, `F${row}:I${row}`])],
      };
    };
    const grid = besideEachOther([withGoals(withMoreLines(projectForm(HERITAGE), leftLower)), withGoals(withMoreLines(projectForm(CULTURE), rightLower))], 1);
    const analysis = analyze(grid);
    expect(formRead(analysis, HERITAGE.name)).toEqual(expectedRead(HERITAGE, 0, leftLower));
    expect(formRead(analysis, CULTURE.name)).toEqual(expectedRead(CULTURE, 10, rightLower));
    expect(analysis.findings).toEqual([]);
  });

  test.each([
    [1, 0],
    [0, 1],
  ])("two-row indicator headers (偏差原因分析及改进措施 over 原因分析 | 改进措施), the left form %i and the right form %i rows lower: each form's own total (review round 47)", (leftLower, rightLower) => {
    const twoRowHeader = (block: FormBlock): FormBlock => {
      const h = block.rows.findIndex((row) => row[0] === "绩效指标");
      const rows = [...block.rows.slice(0, h + 1), [...Array<null>(8).fill(null), "原因分析", "改进措施"], ...block.rows.slice(h + 1)];
      const shiftedMerges = block.merges.map((m) => {
        const area = parseRangeAddress(m)!;
        return area.top > h ? rangeAddress({ ...area, top: area.top + 1, bottom: area.bottom + 1 }) : m;
      });
      const headerMerges = ["A", "B", "C", "D", "E", "F", "G", "H"].map((c) => `${c}${h + 1}:${c}${h + 2}`);
      return { rows, merges: [...shiftedMerges, ...headerMerges, `I${h + 1}:J${h + 1}`] };
    };
    const forms = [twoRowHeader(withMoreLines(projectForm(HERITAGE), leftLower)), twoRowHeader(withMoreLines(projectForm(CULTURE), rightLower))];
    const analysis = analyze(besideEachOther(forms, 1));
    expect(formRead(analysis, HERITAGE.name).totals).toEqual([[String(HERITAGE.total[1]), String(HERITAGE.total[1]), HERITAGE.grade]]);
    expect(formRead(analysis, CULTURE.name).totals).toEqual([[String(CULTURE.total[1]), String(CULTURE.total[1]), CULTURE.grade]]);
    expect(analysis.findings).toEqual([]);
  });

  test.each([
    [0, 2, 1],
    [3, 0, 5],
    [1, 4, 0],
  ])("three forms %i, %i and %i rows lower: each is read as it is alone", (...lowers) => {
    const projects = [HERITAGE, CULTURE, RELICS];
    for (const gap of [0, 1]) {
      const analysis = analyze(besideEachOther(projects.map((p, i) => withMoreLines(projectForm(p), lowers[i])), gap));
      const forms = projects.map((p, i): [Project, number, number] => [p, i * (9 + gap), lowers[i]]);
      for (const [p, first, lower] of forms) expect(formRead(analysis, p.name)).toEqual(expectedRead(p, first, lower));
      expect(analysis.tables).toHaveLength(6);
      expect(analysis.findings).toEqual([]);
      expect(analysis.writes.map((w) => [w.cell, w.value])).toEqual(expectedRates(forms));
    }
  });

  test("a form in 元 beside one in 万元, a row lower: each budget is read in its own unit", () => {
    const inYuan = withMoreLines(projectForm({ ...CULTURE, planned: 2000000, spent: 1500000 }), 1);
    // The budget header, a row lower for the extra line: 项目资金（元）.
    inYuan.rows[5] = inYuan.rows[5].map((v, c) => (c === 0 ? "项目资金（元）" : v));
    const analysis = analyze(besideEachOther([projectForm(HERITAGE), inYuan], 1));
    expect(formRead(analysis, HERITAGE.name).review).toEqual(expectedRead(HERITAGE, 0, 0).review);
    // 2,000,000 元 is 200 万元 in the review, beside the other form's 1000 万元.
    expect(formRead(analysis, CULTURE.name).review).toEqual(expectedRead(CULTURE, 10, 1).review);
    expect(analysis.budgetLines.map((l) => [analysis.tables[l.table].project, l.unit])).toEqual([
      [HERITAGE.name, "万元"],
      [HERITAGE.name, "万元"],
      [CULTURE.name, "元"],
      [CULTURE.name, "元"],
    ]);
  });

  test.each([1, 3])("indicator tables alone, the right one %i rows lower: each is found and named by its own 项目名称", (lower) => {
    const block = (name: string, lines: number): FormBlock => ({
      rows: [
        ...Array.from({ length: lines }, (_, i): Row => [`填报说明${i + 1}：金额单位为万元`]),
        ["项目名称", name],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ...INDICATORS,
        ["合计", null, null, null, null, 90, 85, null],
      ],
      merges: [`A${lines + 3}:A${lines + 6}`, `A${lines + 7}:A${lines + 8}`],
    });
    const analysis = analyze(besideEachOther([block("项目甲", 0), block("项目乙", lower)], 1));
    expect(analysis.tables.map((t) => [t.kind, t.range, t.label])).toEqual([
      ["indicators", "A2:H10", "项目甲"],
      ["indicators", `J${2 + lower}:Q${10 + lower}`, "项目乙"],
    ]);
    expect(analysis.indicators.filter((i) => i.name === "企业满意度").map((i) => [i.row, i.score])).toEqual([
      [9, "10"],
      [9 + lower, "10"],
    ]);
    // With no budget block, neither total can be computed: each says so at its own header.
    expect(analysis.findings.filter((f) => f.rule === "total-incomplete").map((f) => f.cell)).toEqual(["G2", `P${2 + lower}`]);
  });

  test.each([
    ["the right one a row lower", 0, 1],
    ["the left one a row lower", 1, 0],
  ])("budget tables under two-row headers, %s: each reads its own figures", (_, leftLower, rightLower) => {
    /** 项目名称 over 预算执行情况 merged over 全年预算数 | 全年执行数 | 执行率, 资金来源 and 得分 merged down. */
    const budgetBlock = (name: string, planned: number, spent: number): FormBlock => ({
      rows: [
        ["项目名称", name],
        ["资金来源", "预算执行情况", null, null, "得分"],
        [null, "全年预算数", "全年执行数", "执行率", null],
        ["财政资金", planned, spent, spent / planned, null],
      ],
      merges: ["A2:A3", "B2:D2", "E2:E3"],
    });
    const analysis = analyze(besideEachOther([shiftedDown(budgetBlock("甲项目", 100, 90), leftLower), shiftedDown(budgetBlock("乙项目", 50, 50), rightLower)], 1));
    // Top to bottom: the higher form's table first.
    const left = { range: `A${2 + leftLower}:E${4 + leftLower}`, label: "甲项目", line: [4 + leftLower, "财政资金", "100", "90", "0.9"] };
    const right = { range: `G${2 + rightLower}:K${4 + rightLower}`, label: "乙项目", line: [4 + rightLower, "财政资金", "50", "50", "1"] };
    const inOrder = leftLower <= rightLower ? [left, right] : [right, left];
    expect(analysis.tables.map((t) => [t.range, t.label])).toEqual(inOrder.map((t) => [t.range, t.label]));
    expect(analysis.budget.map((b) => [b.row, b.label, b.planned, b.spent, b.rate])).toEqual(inOrder.map((t) => t.line));
    expect(analysis.findings).toEqual([]);
  });
});

describe("a form with something that is no form beside it, on other rows", () => {
  /** The form, and what stands right of it (from column K), its rows `lower` rows down. */
  const beside = (rows: Row[], merges: string[], lower: number) => besideEachOther([projectForm(HERITAGE), shiftedDown({ rows, merges }, lower)], 1);
  const NOTES: Row[] = [["填表说明："], ["1. 金额单位为万元，执行率保留两位小数。"], ["2. 预期目标 | 实际完成情况按年度总体目标填写。"], ["年度总体目标", "预期目标", null, "实际完成情况"], [null, "完成培训任务", null, "已完成"]];
  const WORK_PLAN: Row[] = [["序号", "工作内容", "完成时间", "责任科室", "完成情况"], [1, "制定培训方案", "2023年3月", "培训科", "已完成"], [2, "组织考核验收", "2023年11月", "办公室", "已完成"], [3, "资金拨付", "2023年12月", "财务科", "已完成"]];

  test.each([
    ["a note block", NOTES, ["A1:D1", "A2:D2", "A3:D3"]],
    ["a work plan table", WORK_PLAN, []],
  ])("%s beside the form is read as no form: the form reads as it does alone", (_, rows, merges) => {
    const alone = analyze(besideEachOther([projectForm(HERITAGE)], 0));
    for (const lower of [0, 1, 4, 7]) {
      const analysis = analyze(beside(rows, merges, lower));
      expect(analysis.tables).toEqual(alone.tables);
      expect(analysis.budget).toEqual(alone.budget);
      expect(analysis.totals).toEqual(alone.totals);
      expect(analysis.findings).toEqual(alone.findings);
      expect(analysis.writes).toEqual(alone.writes);
    }
  });
});

describe("forms side by side at any vertical offset (their header rows 9 rows apart or more)", () => {
  /**
   * 30 indicators of 3 points: a form whose indicators run over 30 rows, beside which the other
   * form's header block and budget block may stand, further below its header than 8 rows.
   */
  const TALL_INDICATORS: Row[] = Array.from({ length: 30 }, (_, i): Row => [
    i === 0 ? "产出指标" : i === 16 ? "效益指标" : i === 26 ? "满意度指标" : null,
    i < 16 ? "数量指标" : i < 26 ? "社会效益指标" : "服务对象满意度指标",
    `第${i + 1}项指标`,
    "≥10次",
    "12次",
    3,
    3,
    "",
  ]);
  /** The same, with 指标性质 and 计量单位: eleven columns under the budget block's nine. */
  const TALL_WIDE_INDICATORS: Row[] = TALL_INDICATORS.map(([l1, l2, l3, , , weight, score, reason]): Row => [l1, l2, l3, "≥", 10, "次", 12, weight, score, reason]);
  const TALL: Project = { name: "农村公路养护", planned: 800, spent: 760, rate: 0.95, score: 9.5, weight: 10, indicators: TALL_INDICATORS, total: [100, 99.5], grade: "优" };
  const TALL_WIDE: Project = { ...TALL, name: "乡村学校改造", indicators: TALL_WIDE_INDICATORS };
  // (CULTURE is the shorter form: 7 indicators, 92.5.)
  const OFFSETS = [0, 5, 9, 14, 30];

  /** A form closed by its signatures and date under its 评价等次, as units sign them. */
  const signed = (block: FormBlock): FormBlock => ({ rows: [...block.rows, ["填报人：张三", null, null, "审核人：李四", null, "填报日期：2024年3月15日"]], merges: block.merges });
  /** A form whose header block has a 填报单位 and a 填报日期 line under its title. */
  const dated = (block: FormBlock) => withMoreLines(block, 2);
  /** The block with every cell blank, as wide as it is: the sheet as if only the other form were there. */
  const blanked = (block: FormBlock): FormBlock => ({ rows: block.rows.map((row) => row.map(() => null)), merges: [] });

  /**
   * The forms side by side, each `lower[i]` rows down: each form reads as it does with the other
   * form's cells blank (its tables, budget lines, total and grade, review row), the rates filled
   * are each form's own, and no finding is raised on these correct forms. A table running beside
   * the other form's, on rows both hold, reads no column the other reads.
   */
  function expectEachAsAlone(blocks: FormBlock[], projects: Project[], lower: number[], gap: number): void {
    const placed = blocks.map((b, i) => shiftedDown(b, lower[i]));
    const grid = besideEachOther(placed, gap);
    const analysis = analyze(grid);
    const writes: string[][] = [];
    projects.forEach((p, i) => {
      const alone = analyze(besideEachOther(placed.map((b, j) => (j === i ? b : blanked(b))), gap));
      // The form alone is read whole: its two tables and its recorded total and grade.
      expect(alone.tables.map((t) => t.project)).toEqual([p.name, p.name]);
      expect(alone.totals.map((t) => [t.score, t.recordedScore, t.grade, t.recordedGrade])).toEqual([[String(p.total[1]), String(p.total[1]), p.grade, p.grade]]);
      expect([lower, gap, formRead(analysis, p.name)]).toEqual([lower, gap, formRead(alone, p.name)]);
      writes.push(...alone.writes.map((w) => [w.cell, w.value]));
    });
    expect(analysis.tables).toHaveLength(2 * projects.length);
    expect(analysis.findings).toEqual([]);
    expect(analysis.writes.map((w) => [w.cell, w.value]).sort()).toEqual(writes.sort());
    const tables = detectTables(viewOf(grid.sheets[0]));
    for (const a of tables) {
      for (const b of tables) {
        const beside = a.project !== b.project && a.headerTop <= b.lastRow && b.headerTop <= a.lastRow;
        if (beside && a.left < b.left) expect(a.span.right).toBeLessThan(b.span.left);
      }
    }
  }

  /** Each layout with its header rows 0, 5, 9, 14 and 30 rows apart, either form the lower, a blank column between or none. */
  function expectAtEveryOffset(blocks: FormBlock[], projects: Project[]): void {
    for (const offset of OFFSETS) {
      for (const lower of [
        [0, offset],
        [offset, 0],
      ]) {
        for (const gap of [1, 0]) expectEachAsAlone(blocks, projects, lower, gap);
      }
    }
  }

  test.each([
    ["a tall form left of a shorter one", [TALL, CULTURE]],
    ["a shorter form left of a tall one", [CULTURE, TALL]],
  ])("%s: each reads as it does alone, in its own columns", (_, projects) => {
    expectAtEveryOffset(projects.map(projectForm), projects);
  });

  test("a left form wider than its budget block (指标性质, 计量单位) beside a narrow one: it keeps its 得分, reasons and recorded total", () => {
    expectAtEveryOffset([projectForm(TALL_WIDE), projectForm(CULTURE)], [TALL_WIDE, CULTURE]);
  });

  test.each([
    ["a tall form left of a shorter one", [TALL, CULTURE]],
    ["a shorter form left of a tall one", [CULTURE, TALL]],
  ])("signed forms with a 填报日期 line in their header blocks, %s: the other form's lines beside a table end nothing", (_, projects) => {
    expectAtEveryOffset(
      projects.map((p) => signed(dated(projectForm(p)))),
      projects,
    );
  });

  test.each([
    ["a tall form left of a shorter one", [TALL, CULTURE]],
    ["a shorter form left of a tall one", [CULTURE, TALL]],
  ])("a form on the left with a 备注 column after its last field, %s: its remarks are no row labels of the form beside it", (_, projects) => {
    /** A 备注 column after 偏差原因, its remark on every indicator's row. */
    const withRemarks = (block: FormBlock): FormBlock => {
      const header = block.rows.findIndex((row) => row[0] === "绩效指标");
      const total = block.rows.findIndex((row) => row[0] === "总分");
      return { rows: block.rows.map((row, i) => (i === header ? [...row, "备注"] : i > header && i < total ? [...row, "已核实"] : row)), merges: block.merges };
    };
    expectAtEveryOffset([withRemarks(projectForm(projects[0])), projectForm(projects[1])], projects);
  });

  describe("forms whose budget is given as label/value pairs (code review of round 52, M1)", () => {
    /**
     * The budget block as two lines of pairs under 预算执行情况 merged down, then a line of pairs for
     * its 财政拨款 (80 %), or a blank line.
     */
    const asPairs = (p: Project, part: boolean): FormBlock => {
      const block = projectForm(p);
      const pairs: Row[] = [
        ["预算执行情况", "全年预算数（万元）", p.planned, "全年执行数（万元）", p.spent, "执行率", p.rate],
        [null, "分值", p.weight, "得分", p.score],
        part ? ["其中：财政拨款", "全年预算数（万元）", p.planned * 0.8, "全年执行数（万元）", p.spent * 0.8] : [],
      ];
      const budgetMerges = ["A5:C5", "B6:C6", "B7:C7"];
      return { rows: [...block.rows.slice(0, 4), ...pairs, ...block.rows.slice(7)], merges: [...block.merges.filter((m) => !budgetMerges.includes(m)), "A5:A6"] };
    };
    test.each([
      ["a tall form left of a shorter one", [TALL, CULTURE]],
      ["a shorter form left of a tall one", [CULTURE, TALL]],
    ])("both, %s, with a 其中 line of pairs: each reads its own", (_, projects) => {
      expectAtEveryOffset(
        projects.map((p) => asPairs(p, true)),
        projects,
      );
    });

    test("both with no 其中 line: each reads its own", () => {
      expectAtEveryOffset([asPairs(TALL, false), asPairs(CULTURE, false)], [TALL, CULTURE]);
    });

    test("one beside a form with a budget table: each reads its own", () => {
      expectAtEveryOffset([projectForm(TALL), asPairs(CULTURE, true)], [TALL, CULTURE]);
      // (Not yet where the form on the right has its budget header on a row of the pairs: README, Known limits.)
      const lowers = [
        [0, 3],
        [0, 9],
        [0, 30],
        [1, 0],
        [3, 0],
        [14, 0],
      ];
      for (const lower of lowers) {
        for (const gap of [1, 0]) expectEachAsAlone([asPairs(TALL, true), projectForm(CULTURE)], [TALL, CULTURE], lower, gap);
      }
    });
  });

  test("the review counts a finding of each form in its own form's row", () => {
    // The right form records 93.5 where its parts add up to 92.5.
    const wrongTotal: Project = { ...CULTURE, total: [100, 93.5] };
    for (const offset of [9, 14, 30]) {
      for (const lower of [
        [0, offset],
        [offset, 0],
      ]) {
        const analysis = analyze(besideEachOther([shiftedDown(projectForm(TALL), lower[0]), shiftedDown(projectForm(wrongTotal), lower[1])], 1));
        expect(analysis.findings.map((f) => [f.rule, f.cell])).toEqual([["total-mismatch", `R${18 + lower[1]}`]]);
        const review = reviewFile("县交通局.xlsx", analysis, DEFAULT_PROFILE);
        expect(review.rows.map((r) => [r.project, r.errors]).sort()).toEqual([
          [CULTURE.name, 1],
          [TALL.name, 0],
        ]);
      }
    }
  });
});

describe("a finding in the header block of a form beside one that starts higher", () => {
  /**
   * The form states its total in its header block (自评得分 | 93.5, a row under 项目名称), with no
   * 总分 row under its indicators: its parts add up to 92.5.
   */
  const stated = (block: FormBlock): FormBlock => ({
    rows: [...block.rows.slice(0, 3), ["自评得分", 93.5, null, "自评等级", "优"], ...block.rows.slice(3, -2)],
    merges: block.merges.map((m) => {
      const area = parseRangeAddress(m)!;
      return area.top >= 3 ? rangeAddress({ ...area, top: area.top + 1, bottom: area.bottom + 1 }) : m;
    }),
  });

  test("the right form's stated 自评得分 counts in its own review row, its header a row lower than the left form's, 15 rows lower or 13 rows higher", () => {
    for (const [leftLower, rightLower] of [
      [0, 0],
      [0, 14],
      [14, 0],
    ]) {
      const analysis = analyze(besideEachOther([shiftedDown(projectForm(HERITAGE), leftLower), shiftedDown(stated(projectForm(CULTURE)), rightLower)], 1));
      expect(analysis.findings.map((f) => [f.rule, f.cell])).toEqual([["total-mismatch", `L${4 + rightLower}`]]);
      const review = reviewFile("县文旅局.xlsx", analysis, DEFAULT_PROFILE);
      expect([leftLower, rightLower, review.rows.map((r) => [r.project, r.errors]).sort()]).toEqual([
        leftLower,
        rightLower,
        [
          [CULTURE.name, 1],
          [HERITAGE.name, 0],
        ],
      ]);
    }
  });

  test.each([
    // [left form's rows down, right form's rows down, the row's label and table in records made before review round 53]
    [0, 0, "主管部门", "自评表"],
    [1, 0, "项目名称", "自评表"],
    [14, 0, "自评得分", "自评表"],
    [0, 14, "自评得分", HERITAGE.name],
  ])(
    "the left form %i rows down, the right one %i: the review's row, 综合得分 and the ignore record name the right form; a record made before (%s in %s) still holds (code review 52, M4 and L2)",
    (leftLower, rightLower, earlierRow, earlierTable) => {
      const grid = besideEachOther([shiftedDown(projectForm(HERITAGE), leftLower), shiftedDown(stated(projectForm(CULTURE)), rightLower)], 1);
      const analysis = analyze(grid);
      const cell = `L${4 + rightLower}`;
      expect(analysis.findings.map((f) => [f.rule, f.cell])).toEqual([["total-mismatch", cell]]);
      const review = reviewFile("县文旅局.xlsx", analysis, DEFAULT_PROFILE);
      expect(review.findings.map((f) => f.project)).toEqual([CULTURE.name]);
      // 综合得分's findings name the form each is in (the sheet holds two).
      expect(analysis.summary.cells.filter((c) => c.value.endsWith(` · ${cell}`)).map((c) => c.value)).toEqual([`${CULTURE.name} · ${cell}`]);
      const [place] = placeFindings(analysis, grid);
      expect([place.table === null ? null : analysis.tables[place.table].project, place.tableKey]).toEqual([CULTURE.name, CULTURE.name]);
      const written = ignoreRecord(analysis.findings[0], place, "上级核定");
      expect(written.table).toBe(CULTURE.name);
      // A record written now, and one written by an earlier build, each set the finding aside.
      const earlier = { ...written, table: earlierTable, row: earlierRow };
      for (const record of [written, earlier]) {
        const after = analyze({ ...grid, state: stateJson(withIgnore(EMPTY_STATE, record)) });
        expect(after.findings).toEqual([]);
        expect(after.ignored.map((f) => [f.cell, f.reason, f.place.tableKey, f.place.rowLabel])).toEqual([[cell, "上级核定", record.table, record.row]]);
      }
    },
  );
});
