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

/** The standard 项目支出绩效自评表 layout: a budget block over an indicator table. */
export const INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
export const BUDGET_HEADER = ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];

type FormRow = (string | number | null)[];

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
