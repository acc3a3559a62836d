/**
 * The public fixtures (real layouts from published reports) through the engine: the findings,
 * writes and totals the engine issue names.
 */
import { Analysis, analyze } from "../../src/core/analyze";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { readXlsx } from "../../src/xlsx/read";
import { KAIPING, YUNXI } from "../support/xlsx";

const at = (a: Analysis, sheet: string, cell: string) =>
  a.findings.filter((f) => f.sheet === sheet && f.cell === cell).map((f) => f.rule);

describe("yunxi-2023-dept-selfeval.xlsx (部门整体支出绩效自评表)", () => {
  const SHEET = "部门整体支出绩效自评表";
  let a: Analysis;
  beforeAll(async () => {
    a = analyze((await readXlsx(YUNXI)).grid, DEFAULT_PROFILE);
  });

  it("finds one budget table and one indicator table with 24 indicators", () => {
    expect(a.tables).toEqual([
      // Named by the 部门（单位）名称 above the budget block; the indicators below it are the same form's,
      // a whole department's by its title.
      { sheet: SHEET, kind: "budget", range: "B3:H4", label: "岳阳市云溪区机关事务服务中心", unit: "岳阳市云溪区机关事务服务中心", wholeDepartment: true },
      { sheet: SHEET, kind: "indicators", range: "B11:I37", label: "岳阳市云溪区机关事务服务中心", unit: "岳阳市云溪区机关事务服务中心", wholeDepartment: true, year: 2023 },
    ]);
    expect(a.indicators).toHaveLength(24);
    expect(a.indicators[0]).toMatchObject({ row: 12, level1: "产出目标", level2: "质量指标", name: "党建工作" });
    expect(a.indicators[23]).toMatchObject({ row: 35, level1: "满意度", name: "服务对象满意度" });
  });

  it("fills the blank 执行率 and 得分 of the budget line, and nothing else", () => {
    expect(a.writes.map((w) => [w.cell, w.value, w.numFmt])).toEqual([
      ["G4", "1", "0.00%"],
      ["H4", "10", "0.00"],
    ]);
    expect(a.budget[0]).toMatchObject({ row: 4, label: "年度资金总额", planned: "2246.07", spent: "2246.07", rate: "1", weight: "10", score: "10" });
  });

  it("flags the stated 30分 over rows adding to 40, and the weights adding to 110", () => {
    expect(at(a, SHEET, "B28")).toContain("weight-header-mismatch");
    const total = a.findings.filter((f) => f.rule === "weights-total");
    expect(total).toHaveLength(1);
    expect(total[0].message).toContain("110");
    expect(a.totals[0].weights).toBe("110");
  });

  it("recomputes the overrun cost indicators and the 98% satisfaction", () => {
    const computed = (row: number) => a.indicators.find((i) => i.row === row)!.score;
    for (const [cell, row, score] of [
      ["H24", 24, "2.35"],
      ["H25", 25, "2.68"],
      ["H26", 26, "2.64"],
      ["H35", 35, "9.8"],
    ] as const) {
      expect(at(a, SHEET, cell)).toContain("score-mismatch");
      expect(computed(row)).toBe(score);
      expect(a.findings.find((f) => f.cell === cell)!.message).toContain(score);
    }
  });

  it("flags the 2次 against 1次 as over-achievement, but not 109家 against 100家", () => {
    expect(at(a, SHEET, "F18")).toContain("over-achievement");
    expect(at(a, SHEET, "F33")).not.toContain("over-achievement");
  });

  it("does not flag count-as-percent anywhere, nor the 8 of 10 for a restated 基本实现", () => {
    expect(a.findings.filter((f) => f.rule === "count-as-percent")).toEqual([]);
    expect(at(a, SHEET, "H29")).not.toContain("qualitative-score-band");
  });

  it("reports the total on 110 points, and no grade for it", () => {
    expect(a.totals).toEqual([
      { sheet: SHEET, label: "岳阳市云溪区机关事务服务中心", table: "B11:I37", weights: "110", score: "106.47", recordedScore: "96", grade: null, recordedGrade: "优", recordedDiffers: true },
    ]);
  });

  it("has no findings above the tables", () => {
    expect(a.findings.filter((f) => Number(f.cell.replace(/\D/g, "")) < 3)).toEqual([]);
  });
});

describe("kaiping-2023-targets.xlsx (nine 绩效目标表)", () => {
  let a: Analysis;
  beforeAll(async () => {
    a = analyze((await readXlsx(KAIPING)).grid, DEFAULT_PROFILE);
  });
  const ONE = "目标表（一）";

  it("finds nine target tables, five on the first sheet, and scores none", () => {
    expect(a.tables.filter((t) => t.kind === "indicators")).toHaveLength(9);
    expect(a.tables.filter((t) => t.sheet === ONE).map((t) => t.range)).toEqual(["A9:F18", "A29:F38", "A49:F58", "A69:F78", "A89:F98"]);
    // Each form names its 项目名称; the unit line above it (430001唐山市…本级) has no label, so no unit.
    expect(a.tables.filter((t) => t.sheet === ONE).map((t) => [t.project, t.unit])).toEqual([
      ["本级安达加油站相关支出", undefined],
      ["本级公建热力费", undefined],
      ["本级公务用车购置", undefined],
      ["本级全区重大活动经费", undefined],
      ["本级政府办公楼运行维护费", undefined],
    ]);
    expect(a.totals).toEqual([]);
    expect(a.writes).toEqual([]);
    expect(a.findings.filter((f) => f.rule === "missing-actual")).toEqual([]);
  });

  it.each([
    ["count-as-percent", ONE, "F10"],
    ["count-as-percent", ONE, "F50"],
    ["count-as-percent", ONE, "F70"],
    ["count-as-percent", "8.政府综合办公楼和市民中心", "F10"],
    ["count-as-percent", "9.职工食堂改造", "F10"],
    ["unit-mismatch", ONE, "F52"],
    ["unit-mismatch", ONE, "F57"],
    ["unit-mismatch", ONE, "F92"],
    ["unit-mismatch", "6.法院诉讼中心建设项目", "F12"],
    ["unit-mismatch", "8.政府综合办公楼和市民中心", "F17"],
    ["cost-not-ceiling", ONE, "F13"],
    ["cost-not-ceiling", ONE, "F33"],
    ["cost-not-ceiling", ONE, "F53"],
    ["cost-not-ceiling", "6.法院诉讼中心建设项目", "F13"],
    ["cost-not-ceiling", "7.后勤综合保障经费", "F13"],
    ["duplicate-indicator", ONE, "C56"],
  ])("%s at %s!%s", (rule, sheet, cell) => {
    expect(at(a, sheet, cell)).toContain(rule);
  });

  it("accepts ≥20度, ≥120天 and ≥95% satisfaction", () => {
    for (const cell of ["F31", "F32", "F38"]) expect(at(a, ONE, cell)).toEqual([]);
  });

  it("has no findings in the heading rows above any table", () => {
    const headerRows = new Map<string, number[]>();
    for (const t of a.tables) {
      const top = Number(t.range.split(":")[0].replace(/\D/g, ""));
      headerRows.set(t.sheet, [...(headerRows.get(t.sheet) ?? []), top]);
    }
    for (const f of a.findings) {
      const row = Number(f.cell.replace(/\D/g, ""));
      const tops = headerRows.get(f.sheet)!;
      // Each finding lies below a header, and within 10 rows of it (inside the table).
      expect(tops.some((top) => row > top && row <= top + 10)).toBe(true);
    }
  });
});
