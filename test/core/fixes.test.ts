/** 采用计算值: which findings offer a computed value, and the undo record that takes fixes back. */
import { analyze } from "../../src/core/analyze";
import { CellValue } from "../../src/core/grid";
import { fixesFor, undoWithFixes } from "../../src/core/fixes";
import { DEFAULT_PROFILE, profileFromJson } from "../../src/core/profile";
import { UndoRecord } from "../../src/core/writeplan";
import { INDICATOR_HEADER, workbook } from "../support/grid";

const rows = (groupScore: CellValue): CellValue[][] => [
  ["项目名称", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
  ["培训项目", 100, 90, 0.8, 10, 9],
  [],
  INDICATOR_HEADER,
  ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 40, 40, ""],
  [null, null, "培训人次", "≥100人次", "120人次", 10, 10, ""],
  ["效益指标", "社会效益", "受益人数", "≥100人", "50人", 15, groupScore, ""],
  [null, null, "受益村数", "≥10个", "5个", 15, null, ""],
  ["满意度指标", "服务对象满意度", "学员满意度", "≥90%", "95%", 10, 10, ""],
  ["总分", null, null, null, null, 100, 98],
];
const grid = (groupScore: CellValue = 30) =>
  workbook({ name: "项目表", rows: rows(groupScore), merges: ["A5:A6", "B5:B6", "A7:A8", "B7:B8", "G7:G8"], numFmts: { D2: "0%" } });

describe("fixesFor", () => {
  test("a wrong rate and a wrong quantitative score offer jixiao's figure, in the format a filled blank gets", () => {
    const g = grid();
    const analysis = analyze(g);
    const fixes = fixesFor(analysis, g, DEFAULT_PROFILE);
    expect(fixes.map(({ finding, ...fix }) => ({ rule: analysis.findings[finding].rule, ...fix }))).toEqual([
      { rule: "rate-mismatch", sheet: "项目表", cell: "D2", row: 1, col: 3, before: "0.8", after: "0.9", numFmt: "0.00%" },
      { rule: "score-mismatch", sheet: "项目表", cell: "G5", row: 4, col: 6, before: "40", after: "32", numFmt: "0.00" },
    ]);
  });

  test("the profile's decimals decide the format", () => {
    const g = grid();
    const profile = profileFromJson({ scoreDecimals: 1, rateDecimals: 3 });
    expect(fixesFor(analyze(g, profile), g, profile).map((f) => f.numFmt)).toEqual(["0.0%", "0.0"]);
  });

  test("no fix for a merged 得分 shared by indicators, a formula cell or a total", () => {
    const g = grid(30);
    const analysis = analyze(g);
    const flagged = analysis.findings.map((f) => `${f.rule}@${f.cell}`);
    expect(flagged).toEqual(expect.arrayContaining(["score-mismatch@G7", "total-mismatch@G10"]));
    const offered = fixesFor(analysis, g, DEFAULT_PROFILE).map((f) => f.cell);
    expect(offered).not.toContain("G7");
    expect(offered).not.toContain("G10");

    const withFormula = grid();
    withFormula.sheets[0].formulas = [];
    withFormula.sheets[0].formulas[4] = [];
    withFormula.sheets[0].formulas[4][6] = "F5*0.8";
    expect(fixesFor(analyze(withFormula), withFormula, DEFAULT_PROFILE).map((f) => f.cell)).toEqual(["D2"]);
  });
});

describe("fixesFor a 得分 merged across its own row, as the national form has it (review round 58d, F1)", () => {
  // 得分 merged G:H on each row under 得分 merged G4:H4: a blank one is filled into G, so a wrong one is fixed there.
  const merged = (scoreMerges: string[], scoreHeader = ["G4:H4"]) =>
    workbook({
      name: "项目表",
      rows: [
        ["项目名称", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
        ["培训项目", 100, 90, 0.9, 10, 9],
        [],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", null, "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 40, 40, null, "场地不足"],
        [null, null, "培训人次", "≥100人次", "120人次", 50, 50, null, ""],
        ["满意度指标", "服务对象满意度", "学员满意度", "≥90%", "95%", 10, 10, null, ""],
      ],
      merges: ["A5:A6", "B5:B6", ...scoreHeader, ...scoreMerges],
    });
  const offered = (g: ReturnType<typeof merged>) => fixesFor(analyze(g), g, DEFAULT_PROFILE).map(({ cell, row, col, before, after }) => ({ cell, row, col, before, after }));

  test("a wrong 得分 merged G5:H5 gets jixiao's figure in the area's top-left cell", () => {
    expect(offered(merged(["G5:H5", "G6:H6", "G7:H7"]))).toEqual([{ cell: "G5", row: 4, col: 6, before: "40", after: "32" }]);
  });

  test("one merged down over two rows (G5:H6, shared by two indicators) gets none", () => {
    const g = merged(["G5:H6", "G7:H7"]);
    expect(analyze(g).findings.map((f) => f.cell)).toContain("G5");
    expect(offered(g)).toEqual([]);
  });

  test("one wider than its column's header (得分 in G4 alone) gets none", () => {
    const g = merged(["G5:H5", "G6:H6", "G7:H7"], []);
    expect(analyze(g).findings.map((f) => f.cell)).toContain("G5");
    expect(offered(g)).toEqual([]);
  });
});

describe("undoWithFixes", () => {
  const [rate, score] = (() => {
    const g = grid();
    return fixesFor(analyze(g), g, DEFAULT_PROFILE);
  })();

  test("without a record, one is made holding what the cells had before", () => {
    const { record, unmark } = undoWithFixes(undefined, [score], [{ value: 40, numFmt: "General" }]);
    expect(record).toEqual({ version: 1, sheets: [{ name: "项目表", entries: [{ r: 4, c: 6, v: 40, f: "General", x: 32, xf: "0.00" }] }], summary: null });
    expect(unmark).toEqual([{ fill: undefined, rows: 1, cols: 1 }]);
  });

  test("a cell the run marked keeps its pre-run fill to go back to; a cell the run wrote keeps its older value", () => {
    const run: UndoRecord = {
      version: 1,
      sheets: [{ name: "项目表", entries: [{ r: 4, c: 6, fill: null }, { r: 1, c: 3, v: "", f: "General", fill: "#FFFF00" }] }],
      summary: { name: "综合得分", backup: null, position: null },
    };
    const { record, unmark } = undoWithFixes(run, [score, rate], [{ value: 40, numFmt: "0.00" }, { value: 0.8, numFmt: "0%" }]);
    expect(record.sheets[0].entries).toEqual([
      // What each fix wrote, so that a value typed over it since is told (review round 54b, H2).
      { r: 4, c: 6, fill: null, v: 40, f: "0.00", x: 32, xf: "0.00" },
      { r: 1, c: 3, v: "", f: "General", fill: "#FFFF00", x: 0.9, xf: "0.00%" },
    ]);
    expect(record.summary).toEqual(run.summary);
    expect(unmark).toEqual([
      { fill: null, rows: 1, cols: 1 },
      { fill: "#FFFF00", rows: 1, cols: 1 },
    ]);
    // The stored record is not changed in place.
    expect(run.sheets[0].entries[0]).toEqual({ r: 4, c: 6, fill: null });
  });

  test("a merged 得分 the run marked as one area is unmarked as that area (review round 58e)", () => {
    const run: UndoRecord = { version: 1, sheets: [{ name: "项目表", entries: [{ r: 4, c: 6, h: 1, w: 2, fill: null }] }], summary: null };
    const { record, unmark } = undoWithFixes(run, [score], [{ value: 40, numFmt: "0.00" }]);
    expect(unmark).toEqual([{ fill: null, rows: 1, cols: 2 }]);
    expect(record.sheets[0].entries).toEqual([
      { r: 4, c: 6, h: 1, w: 2, fill: null },
      { r: 4, c: 6, v: 40, f: "0.00", x: 32, xf: "0.00" },
    ]);
  });
});
