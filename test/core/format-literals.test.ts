/**
 * A number whose number format prints text around it ("≤"0% shows ≤5%, 0"次/月" shows 3次/月) is
 * read as the text it shows, through the value grammar typed text goes through: its comparator,
 * unit and period count. A format whose text the grammar does not know reads as before.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { Report } from "../../src/core/report";
import { numberShown, parseValue, unitShown } from "../../src/core/values";
import { runMain } from "../support/cli";
import { INDICATOR_HEADER, SheetSpec, workbook } from "../support/grid";
import { tempDir, writeGridXlsx } from "../support/xlsx";

const found = (a: Analysis): string[] => a.findings.map((f) => `${f.rule}@${f.cell}`);

/** A number cell read under a format: what it shows, its comparator, number and unit. */
function read(n: number, numFmt: string, ctx: { opColumn?: string; unitColumn?: string } = {}) {
  const p = parseValue(n, { numFmt, ...ctx });
  return { kind: p.kind, text: p.text, op: p.op, value: p.value?.toString() ?? null, unit: unitShown(p) };
}

describe("a number read with the text its format prints", () => {
  it.each<[number, string, string, string, string, string]>([
    [0.05, '"≤"0%', "≤5%", "<=", "5", "%"],
    [0.05, '"≤"0.0%', "≤5.0%", "<=", "5", "%"],
    [0.9, '"≥"0%', "≥90%", ">=", "90", "%"],
    [0.9, '"不低于"0%', "不低于90%", ">=", "90", "%"],
    [0.9, "\\≥0%", "≥90%", ">=", "90", "%"],
    [0.95, '0%"以上"', "95%以上", ">=", "95", "%"],
    [3, '"≤"0"次/月"', "≤3次/月", "<=", "3", "次/月"],
    [20, '"≥"0.0', "≥20.0", ">=", "20", ""],
    [320, '"≤"#,##0"万元"', "≤320万元", "<=", "320", "万元"],
  ])("%p under %p shows %p: comparator %p, %p in %p", (n, numFmt, text, op, value, unit) => {
    expect(read(n, numFmt)).toEqual({ kind: "number", text, op, value, unit: unit || null });
  });

  it("keeps the cell's own number, not the rounded one it shows: 0.955 under \"≤\"0% is ≤95.5%", () => {
    expect(read(0.955, '"≤"0%')).toMatchObject({ text: "≤96%", op: "<=", value: "95.5" });
  });

  it("reads a unit-only format's unit as before (12.5 in 0\"万元\" shows 13万元, is 12.5 万元)", () => {
    expect(read(12.5, '0"万元"')).toEqual({ kind: "number", text: "13万元", op: null, value: "12.5", unit: "万元" });
  });

  it("reads a magnitude the format writes as typed text reads it: 3.35 under 0.00\"万人\" is 33500 人", () => {
    expect(read(3.35, '0.00"万人"')).toEqual({ kind: "number", text: "3.35万人", op: null, value: "33500", unit: "人" });
  });

  it("reads the format's comparator with the 指标性质 column's, as typed text is: ≤5% under ≥ contradicts it", () => {
    expect(parseValue(0.05, { numFmt: '"≤"0%', opColumn: "≤" })).toMatchObject({ op: "<=", contradictory: false });
    expect(parseValue(0.05, { numFmt: '"≤"0%', opColumn: "≥" })).toMatchObject({ text: "≤5%", contradictory: true });
    expect(parseValue(0.05, { numFmt: '"≤"0%', opColumn: "≥" })).toEqual(parseValue("≤5%", { opColumn: "≥" }));
  });

  it.each<[number, string, string, string | null]>([
    // Text the grammar has no entry for: a unit it only names, a rank, a mark.
    [10, '0"学时"', "10", null],
    [10, '0"标准箱"', "10", null],
    [3, '"第"0"名"', "3", null],
    [5, '0"★"', "5", null],
    // General in Chinese Excel.
    [5, "G/通用格式", "5", null],
  ])("reads %p under %p as before: %p", (n, numFmt, text, unit) => {
    expect(read(n, numFmt)).toEqual({ kind: "number", text, op: null, value: String(n), unit });
  });

  describe("the section the number's sign chooses", () => {
    const growth = '"增长"0.0%;"下降"0.0%';

    it("shows a negative number under its own negative section without a sign: 下降5.0%", () => {
      expect(read(-0.05, growth)).toEqual({ kind: "number", text: "下降5.0%", op: ">=", value: "5", unit: "%" });
      expect(read(0.05, growth)).toEqual({ kind: "number", text: "增长5.0%", op: ">=", value: "5", unit: "%" });
    });

    it("keeps the sign a negative section writes", () => {
      expect(read(-5, '0"万元";-0"万元"')).toEqual({ kind: "number", text: "-5万元", op: null, value: "-5", unit: "万元" });
      expect(read(-0.05, '"≤"0%;"≤"-0%')).toEqual({ kind: "number", text: "≤-5%", op: "<=", value: "-5", unit: "%" });
    });

    it("reads a zero whose section shows only a dash as before, a number 0", () => {
      expect(read(0, '"≤"0%;-0%;"—"')).toEqual({ kind: "number", text: "0", op: null, value: "0", unit: null });
      expect(read(0.05, '"≤"0%;-0%;"—"')).toMatchObject({ text: "≤5%", op: "<=" });
      expect(read(0, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ')).toEqual({ kind: "number", text: "0", op: null, value: "0", unit: null });
    });
  });

  it("shows the format's text on the page as the cell does", () => {
    expect(numberShown(0.05, '"≤"0%')).toBe("≤5%");
    expect(numberShown(3, '"≤"0"次/月"')).toBe("≤3次/月");
    expect(numberShown(-0.05, '"增长"0.0%;"下降"0.0%')).toBe("下降5.0%");
    expect(numberShown(0, '0.00;-0.00;"—"')).toBe("—");
    // 会计专用: its zero section's ?? show no digit of 0.
    expect(numberShown(0, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ')).toBe("-");
    expect(numberShown(1234.5, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ')).toBe("1,234.50");
  });
});

/**
 * The probe's 农村公路养护 form (财预〔2020〕10号 layout), every target a number whose format writes
 * its comparator and unit (≤5% shown by "≤"0%), the actuals plain: correct as filled, 100 of 100.
 */
function formattedForm(): SheetSpec {
  const rows: CellValue[][] = [
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", 300, 300, 300, 10, 1, 10],
    [],
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "维修道路里程", 20, 21.5, 20, 20, ""],
    ["", "质量指标", "返工率", 0.05, 0.02, 20, 20, ""],
    ["", "成本指标", "项目成本", "≤100万元", 98.4, 10, 10, ""],
    ["效益指标", "社会效益指标", "群众投诉率", 0.05, 0.02, 15, 15, ""],
    ["", "生态效益指标", "路面扬尘", 3, "1次/月", 15, 15, ""],
    ["满意度指标", "服务对象满意度指标", "群众满意度", 0.9, 0.95, 10, 10, ""],
    ["总分", "", "", "", "", 100, 100],
  ];
  const numFmts = {
    F2: "0%",
    D5: '"≥"0"公里"',
    E5: '0.0"公里"',
    D6: '"≤"0%',
    E6: "0%",
    E7: '0"万元"',
    D8: '"≤"0.0%',
    E8: "0.0%",
    D9: '"≤"0"次/月"',
    D10: '"≥"0%',
  };
  return { name: "自评表", rows, merges: ["A5:A7", "A8:A9"], numFmts };
}

describe("a form whose targets state their comparator by the number format", () => {
  it("scores 返工率 and 投诉率 as fewer-is-better and 路面扬尘 as a ceiling met: 100, 优, no finding", () => {
    const a = analyze(workbook(formattedForm()), DEFAULT_PROFILE);
    expect(a.indicators.map((i) => [i.name, i.target.text, i.target.op, i.score])).toEqual([
      ["维修道路里程", "≥20公里", ">=", "20"],
      ["返工率", "≤5%", "<=", "20"],
      ["项目成本", "≤100万元", "<=", "10"],
      ["群众投诉率", "≤5.0%", "<=", "15"],
      ["路面扬尘", "≤3次/月", "<=", "15"],
      ["群众满意度", "≥90%", ">=", "10"],
    ]);
    expect(a.indicators[2].actual).toMatchObject({ text: "98万元", value: "98.4", unit: "万元" });
    expect(a.totals[0]).toMatchObject({ score: "100", recordedScore: "100", grade: "优" });
    expect(found(a)).toEqual([]);
  });

  it("still flags a ceiling overrun the format states: 8% against ≤5%", () => {
    const spec = formattedForm();
    spec.rows[5][4] = 0.08;
    const a = analyze(workbook(spec), DEFAULT_PROFILE);
    expect(a.indicators[1]).toMatchObject({ name: "返工率", score: "12.5" });
    expect(found(a)).toContain("score-mismatch@G6");
  });

  it("reads the formats in an .xlsx on the command line", async () => {
    const dir = tempDir();
    const input = path.join(dir, "fmt.xlsx");
    await writeGridXlsx(workbook(formattedForm()), input);
    const json = path.join(dir, "report.json");
    const r = await runMain("score", input, "--out", path.join(dir, "out.xlsx"), "--json", json);
    expect(r.code).toBe(0);
    expect(r.out).toContain("自评表：综合得分 100（表中填 100），等次 优");
    const report = JSON.parse(readFileSync(json, "utf8")) as Report;
    expect(report.indicators[1].target).toEqual({ text: "≤5%", op: "<=", value: "5", unit: "%" });
    expect(report.indicators[4].target).toEqual({ text: "≤3次/月", op: "<=", value: "3", unit: "次/月" });
    expect(report.findings).toEqual([]);
  });
});
