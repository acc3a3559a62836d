/** The findings layout: by table, then by row; repeated messages collapsed; search and toggles. */
import type { Finding } from "../core/result";
import { COLLAPSE_AT, groupFindings, NO_FILTER, tableTotals } from "./grouping";
import type { Results } from "./pane-host";

const SHEET = "目标表（一）";
/** A table as analyze reports it: labelled by its 项目名称, else by its sheet and range. */
const table = (range: string, label?: string, sheet = SHEET) => ({ sheet, kind: "indicators" as const, range, label: label ?? `${sheet}!${range}` });

/** Two target tables; the first has the same ≥100% sentence on four rows and two findings on row 10. */
function targets(): Results {
  const same = "“≥100%”不可能被超过，比率目标请写成“=100%”或“≥95%”这样的可达值。";
  const findings: Finding[] = [
    { rule: "count-as-percent", severity: "error", sheet: SHEET, cell: "F10", row: 9, col: 5, message: "“相关支出次数”是数量类指标" },
    { rule: "duplicate-indicator", severity: "warning", sheet: SHEET, cell: "C10", row: 9, col: 2, message: "三级指标重复" },
    ...[11, 14, 15, 16].map((row) => ({ rule: "ge-100-percent" as const, severity: "warning" as const, sheet: SHEET, cell: `F${row}`, row: row - 1, col: 5, message: same })),
    { rule: "unit-mismatch", severity: "error", sheet: SHEET, cell: "F52", row: 51, col: 5, message: "比率类指标的值应为百分比，不应是“365天”" },
    { rule: "weights-total", severity: "error", sheet: "其他", cell: "B3", row: 2, col: 1, message: "分值合计 110" },
  ];
  const places = findings.map((f) => {
    const row = Number(f.cell.slice(1));
    if (f.sheet === "其他") return { table: null, tableKey: "其他", rowLabel: "分值" };
    return row < 40 ? { table: 0, tableKey: "食堂改造", rowLabel: `指标${row}` } : { table: 1, tableKey: "公务用车", rowLabel: "车辆使用年限" };
  });
  return {
    kind: "results",
    total: null,
    grade: null,
    levels: [],
    findings,
    places,
    tables: [table("A9:F18", "食堂改造"), table("A49:F58", "公务用车")],
    totals: [],
    headlines: [],
    hiddenSheets: [],
    ignored: [],
    fixes: [],
    written: 0,
    marked: 0,
    summarySheet: "综合得分",
    gradeReason: null,
  };
}

test("one section per table, in the order of the workbook; findings outside tables by their sheet", () => {
  const sections = groupFindings(targets(), NO_FILTER, "zh");
  expect(sections.map((s) => [s.title, s.targetsOnly, s.counts])).toEqual([
    ["食堂改造", true, { error: 1, warning: 5, info: 0 }],
    ["公务用车", true, { error: 1, warning: 0, info: 0 }],
    ["其他", false, { error: 1, warning: 0, info: 0 }],
  ]);
});

test(`a message on ${COLLAPSE_AT} or more rows is one entry; the rest are cards by row, findings of a row together`, () => {
  const [first] = groupFindings(targets(), NO_FILTER, "zh");
  expect(first.collapsed.map((c) => [c.rule, c.items.map((i) => i.finding.cell)])).toEqual([["ge-100-percent", ["F11", "F14", "F15", "F16"]]]);
  expect(first.rows.map((r) => [r.row, r.label, r.items.map((i) => i.finding.rule)])).toEqual([[10, "指标10", ["count-as-percent", "duplicate-indicator"]]]);
});

test("search matches message, cell, row label and the Chinese rule name; toggles hide a severity", () => {
  const results = targets();
  const cells = (query: string, shown = NO_FILTER.shown) =>
    groupFindings(results, { ...NO_FILTER, query, shown }, "zh").flatMap((s) => [...s.collapsed.flatMap((c) => c.items), ...s.rows.flatMap((r) => r.items)].map((i) => i.finding.cell));
  expect(cells("365天")).toEqual(["F52"]);
  expect(cells("f52")).toEqual(["F52"]);
  expect(cells("车辆使用")).toEqual(["F52"]);
  expect(cells("目标值写成")).toEqual(["F11", "F14", "F15", "F16"]);
  expect(cells("", { error: true, warning: false, info: true })).toEqual(["F10", "F52", "B3"]);
  // Counts stay those of the whole table while a search narrows what is shown.
  expect(groupFindings(results, { ...NO_FILTER, query: "365" }, "zh").map((s) => s.counts)).toEqual([{ error: 1, warning: 0, info: 0 }]);
});

test("totals pair with their tables by sheet and range, even two of one name on a sheet; a table without one holds targets", () => {
  const tables = [table("A1:F9", "甲"), { sheet: SHEET, kind: "budget" as const, range: "A20:F22", label: "甲" }, table("A30:F40", "乙"), table("A1:F9", undefined, "丙")];
  const total = (label: string, range: string, sheet = SHEET) => ({ sheet, label, table: range, weights: "100", score: "90", recordedScore: null, grade: "优", recordedGrade: null, recordedDiffers: false });
  expect(tableTotals(tables, [total("乙", "A30:F40")])).toEqual([null, null, total("乙", "A30:F40"), null]);
  expect(tableTotals(tables, [total("丙!A1:F9", "A1:F9", "丙")])).toEqual([null, null, null, total("丙!A1:F9", "A1:F9", "丙")]);
  // Two tables with one name on a sheet, their totals listed the other way round: each goes with its own range.
  const twins = [table("A1:F9", "甲"), table("A30:F40", "甲")];
  expect(tableTotals(twins, [{ ...total("甲", "A30:F40"), score: "80" }, total("甲", "A1:F9")]).map((t) => t?.score)).toEqual(["90", "80"]);
});
