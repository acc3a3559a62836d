/**
 * Builds grids for tests from plain rows, the way a sheet looks: merged areas by address, number
 * formats by address. Values of a merged area go in its top-left cell.
 */
import { CellValue, SheetGrid, WorkbookGrid, parseCellAddress, parseRangeAddress } from "../../src/core/grid";

export interface SheetSpec {
  name?: string;
  rows: CellValue[][];
  /** Merged areas, e.g. ["A3:A8", "B12:B27"]. */
  merges?: string[];
  /** Number formats by cell, e.g. { G4: "0.00%" }. */
  numFmts?: Record<string, string>;
  /** Top-left cell where `rows` start, e.g. "C5" for a table not at A1. */
  at?: string;
}

export function sheet(spec: SheetSpec): SheetGrid {
  const origin = parseCellAddress(spec.at ?? "A1")!;
  const values: CellValue[][] = [];
  const numFmts: (string | undefined)[][] = [];
  spec.rows.forEach((row, r) => {
    values[origin.row + r] = [];
    row.forEach((value, c) => {
      values[origin.row + r][origin.col + c] = value;
    });
  });
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  for (const [address, fmt] of Object.entries(spec.numFmts ?? {})) {
    const { row, col } = parseCellAddress(address)!;
    (numFmts[row] ??= [])[col] = fmt;
  }
  const merges = (spec.merges ?? []).map((m) => parseRangeAddress(m)!);
  // A merged area keeps its value in the top-left cell only, as the hosts deliver it.
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) if (values[r]) values[r][c] = null;
    }
  }
  return { name: spec.name ?? "Sheet1", values, numFmts, merges };
}

export function workbook(...sheets: SheetSpec[]): WorkbookGrid {
  return { sheets: sheets.map((s, i) => sheet({ name: s.name ?? `Sheet${i + 1}`, ...s })) };
}

/**
 * A rural roads project's indicator header and rows (review round 52b's forms): 90 points, 88.5
 * scored (18 of ≥20公里 gives 13.5); 一级 and 二级 written on their first row only.
 */
export const ROAD_INDICATORS: CellValue[][] = [
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ["产出指标", "数量指标", "农村道路硬化里程", "≥20公里", "18公里", 15, 13.5, "受施工条件影响，下年度加强调度。"],
  ["", "", "新建桥梁", "≥3座", "3座", 10, 10, ""],
  ["", "质量指标", "工程验收合格率", "100%", "100%", 10, 10, ""],
  ["", "时效指标", "工程按期完工", "按期完成", "按期完成", 10, 10, ""],
  ["", "成本指标", "每公里建设成本", "≤80万元", "76万元", 5, 5, ""],
  ["效益指标", "社会效益指标", "受益群众人数", "≥5000人", "5200人", 15, 15, ""],
  ["", "可持续影响指标", "道路长效管护机制", "健全", "健全", 15, 15, ""],
  ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "95%", 10, 10, ""],
];

/** The standard 项目支出绩效自评表 layout: a budget block over an indicator table. */
export const INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
export const BUDGET_HEADER = ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];

type FormRow = (string | number | null)[];

/**
 * A 部门整体 form's top (a 民政局's): its title, its name line with 金额单位：万元, and its budget
 * header, 部门预算执行情况 in column A beside 项目 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分.
 */
export const DEPARTMENT_HEAD: FormRow[] = [
  ["部门（单位）整体支出绩效自评表"],
  ["部门（单位）名称", "县民政局", "", "", "", "", "", "金额单位：万元"],
  ["部门预算执行情况", "项目", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
];

/**
 * A 部门整体 form's indicators (a 民政局's): 年度绩效指标 in column A beside the header, then seven
 * indicators of 90 points in all, every one met in full, for the budget block above to carry 10.
 */
export const DEPARTMENT_INDICATORS: FormRow[] = [
  ["年度绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ["", "产出指标", "数量指标", "城乡低保对象救助人数", "≥12000人", "12350人", 15, 15, ""],
  ["", "", "", "特困人员集中供养人数", "≥300人", "312人", 10, 10, ""],
  ["", "", "质量指标", "低保资金发放准确率", "100%", "100%", 15, 15, ""],
  ["", "", "时效指标", "救助资金发放及时率", "100%", "100%", 10, 10, ""],
  ["", "效益指标", "社会效益指标", "困难群众基本生活保障", "有效保障", "有效保障", 15, 15, ""],
  ["", "", "可持续影响指标", "救助制度长效运行", "长期", "长期", 15, 15, ""],
  ["", "满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "95.6%", 10, 10, ""],
];

/** 满意度 met in full: 10 of 10. */
export const SATISFACTION_ROW: FormRow = ["满意度指标", "服务对象满意度", "满意度", "≥90%", "95%", 10, 10, ""];

/**
 * The smallest project form: the indicator header, then one indicator each of 产出 (50), 效益 (30)
 * and 满意度 (20): with no budget table, they carry all 100 points. As given, every score is full
 * and 培训场次 is over-achieved (14 of ≥10 场) with no reason: two warnings and no error. A test puts
 * its own 产出 or 效益 row in place of the given one. Plain values, for a grid or an .xlsx alike.
 */
export function threeIndicatorForm(rows: { output?: FormRow; effect?: FormRow } = {}): FormRow[] {
  return [
    INDICATOR_HEADER,
    rows.output ?? ["产出指标", "数量指标", "培训场次", "≥10场", "14场", 50, 50, ""],
    rows.effect ?? ["效益指标", "社会效益", "受益人数", "≥100人", "100人", 30, 30, ""],
    ["满意度指标", "服务对象满意度", "满意度", "≥90%", "95%", 20, 20, ""],
  ];
}

/**
 * A form whose budget score (6.67 of 10 at 2/3 执行率) is blank, 83.12 in all, the score of its 总分
 * row (G9) left for a formula over G2 and G5:G8.
 */
export const BLANK_BUDGET_SCORE_FORM: FormRow[] = [
  ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  ["年度资金总额", 300, 300, 200, 10, null, null],
  [],
  INDICATOR_HEADER,
  ["产出指标", "数量指标", "培训人次", "≥1200人次", "1000人次", 30, 25, "报名不足"],
  ["", "质量指标", "合格率", "≥95%", "90%", 20, 18.95, "考核从严"],
  ["效益指标", "社会效益指标", "就业率", "≥60%", "45%", 30, 22.5, "经济下行"],
  ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "90%", 10, 10, ""],
  ["总分", "", "", "", "", 100, null],
];

/** The sheet with formulas (text without "=") in the cells given by address, as the hosts deliver them. */
export function withFormulas(sheet: SheetGrid, formulas: Record<string, string>): SheetGrid {
  const grid: (string | undefined)[][] = [];
  for (const [address, text] of Object.entries(formulas)) {
    const { row, col } = parseCellAddress(address)!;
    (grid[row] ??= [])[col] = text;
  }
  return { ...sheet, formulas: grid };
}

/**
 * The sheet with formulas as openpyxl and Apache POI save them, holding no result: the cells
 * blank, their results unknown (SheetGrid.unknownResults).
 */
export function withUnknownResults(sheet: SheetGrid, formulas: Record<string, string>): SheetGrid {
  const values = sheet.values.map((row) => [...(row ?? [])]);
  const unknownResults: boolean[][] = [];
  for (const address of Object.keys(formulas)) {
    const { row, col } = parseCellAddress(address)!;
    (values[row] ??= [])[col] = null;
    (unknownResults[row] ??= [])[col] = true;
  }
  return { ...withFormulas({ ...sheet, values }, formulas), unknownResults };
}

/** The one row a form is built around in a test: its 二级, 三级 name, values, score and reason. */
export interface RowUnderTest {
  level2?: string;
  name: string;
  target: CellValue;
  actual: CellValue;
  score?: number;
  reason?: string;
}
