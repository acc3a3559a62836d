/**
 * Several projects' indicators in one table, told apart by a 项目名称 column left of the 一级 (review
 * round 33, H4): a department's sheet with its projects' budget list above. Each project is read as
 * a form of its own, scored with its own line of the list; before, the sheet was one "project" of
 * 295.5 points with a weights-total error and every indicator a duplicate.
 */
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue, parseCellAddress } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { TableOwners } from "../../src/core/table-owner";
import { SheetSpec, workbook } from "../support/grid";

type Row = CellValue[];

const run = (spec: SheetSpec): Analysis => analyze(workbook(spec), DEFAULT_PROFILE);
const found = (a: Analysis): string[] => a.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`);
const indicatorTables = (a: Analysis) => a.tables.filter((t) => t.kind === "indicators");
const totals = (a: Analysis): string[] => a.totals.map((t) => `${t.label} ${t.table}: ${t.score} of ${t.weights} (${t.recordedScore})`);

const PROJECTS = ["测土配方施肥项目", "耕地质量提升项目", "农技推广补助项目"];

/** One project's eight indicators (90 points, 89 scored), its name in column A of the first. */
const indicatorRows = (project: string | null): Row[] => [
  [project, "产出指标", "数量指标", "推广面积", "≥5万亩", "5.2万亩", 15, 15, null],
  [null, null, null, "培训场次", "≥20场", "22场", 10, 10, null],
  [null, null, "质量指标", "化肥使用量减少", "≥3%", "3.4%", 15, 15, null],
  [null, null, "时效指标", "完成时间", "2023年12月底前", "2023年11月", 10, 10, null],
  [null, "效益指标", "经济效益指标", "亩均节本增效", "≥30元", "32元", 10, 10, null],
  [null, null, "生态效益指标", "耕地质量等级提升", "提升", "有效提升", 10, 9, "部分地块提升不明显"],
  [null, null, "可持续影响指标", "科学施肥意识", "明显增强", "明显增强", 10, 10, null],
  [null, "满意度指标", "服务对象满意度指标", "参训农户满意度", "≥90%", "96.5%", 10, 10, null],
];

const INDICATOR_HEADER: Row = ["项目名称", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

/** The sheet's top: title, then the projects' budget list (each 10 points, 9.5 scored), a blank row. */
const LIST: Row[] = [
  ["2023年度县农业农村局项目支出绩效自评表"],
  ["项目名称", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  ...PROJECTS.map((name): Row => [name, 80, 76, 10, 0.95, 9.5]),
  [],
];

/**
 * The sheet, each project's rows followed by `after(project)` (its 总分 row, or nothing), the project's
 * name merged down over its eight rows when `merged`, `heading(project)` over them.
 */
function sheetOf(after: (project: string, i: number) => Row[], { merged = true, between = [] as Row[], heading = (_project: string, _i: number): Row[] => [] } = {}): SheetSpec {
  const rows: Row[] = [...LIST, INDICATOR_HEADER];
  const merges: string[] = ["A1:I1"];
  PROJECTS.forEach((project, i) => {
    if (i > 0) rows.push(...between);
    rows.push(...heading(project, i));
    const first = rows.length + 1;
    if (merged) merges.push(`A${first}:A${first + 7}`);
    rows.push(...indicatorRows(project).map((row, k): Row => (merged || k === 0 ? row : [project, ...row.slice(1)])), ...after(project, i));
  });
  return { name: "项目绩效自评", rows, merges };
}

const totalRow = (label: string, score: CellValue = 98.5, weight: CellValue = 100): Row => [label, null, null, null, null, null, weight, score, null];

/** The sheet with rows added under it (a whole list's 合计). */
const withRows = (spec: SheetSpec, ...rows: Row[]): SheetSpec => ({ ...spec, rows: [...spec.rows, ...rows] });

/** The three projects of sheetOf with a `<项目>总分` row each, read right: each its own form, 98.5 of 100. */
const EACH_WITH_ITS_TOTAL = [
  "测土配方施肥项目 B7:I16: 98.5 of 100 (98.5)",
  "耕地质量提升项目 B17:I25: 98.5 of 100 (98.5)",
  "农技推广补助项目 B26:I34: 98.5 of 100 (98.5)",
];

/**
 * Each project's last row (sheetOf with a 总分 row each) made a 成本指标 under 产出指标 after its
 * 满意度 row, as many provinces list cost last: its 可持续影响 row (10 points) gives way to it.
 */
function withCostRowLast(spec: SheetSpec): SheetSpec {
  for (const first of [7, 16, 25]) {
    spec.rows[first + 6] = spec.rows[first + 7];
    spec.rows[first + 7] = [null, "产出指标", "成本指标", "亩均补助成本", "≤50元", "48元", 10, 10, null];
  }
  return spec;
}

describe("several projects in one indicator table, a 项目名称 column telling them apart (review round 33, H4)", () => {
  it("reads each project as its own form: its rows, its 总分 row and its line of the budget list", () => {
    const a = run(sheetOf((project) => [totalRow(`${project}总分`)]));
    expect(found(a)).toEqual([]);
    // The first covers the header; the others start at their own rows.
    expect(totals(a)).toEqual(EACH_WITH_ITS_TOTAL);
  });

  it.each([
    ["小计", true],
    ["小计", false],
    ["项目得分", true],
    ["本项目总分", false],
  ])("reads a project's %s alone in the 一级 column (merged across: %s) as its 总分, not its last 一级's (review round 46)", (label, mergedAcross) => {
    const closing = (score: number): Row => [null, label, null, null, null, null, 100, score, null];
    const spec = sheetOf((_project, i) => [closing(i === 1 ? 97 : 98.5)]);
    // The project's name merged down over its closing row too; the label over B:F.
    spec.merges = spec.merges!.map((m) => m.replace(/^A(\d+):A(\d+)$/, (_all, top, bottom) => `A${top}:A${Number(bottom) + 1}`));
    if (mergedAcross) spec.merges.push("B16:F16", "B25:F25", "B34:F34");
    const a = run(spec);
    expect(totals(a)).toEqual(["测土配方施肥项目 B7:I16: 98.5 of 100 (98.5)", "耕地质量提升项目 B17:I25: 98.5 of 100 (97)", "农技推广补助项目 B26:I34: 98.5 of 100 (98.5)"]);
    expect(found(a)).toEqual(["total-mismatch@项目绩效自评!H25"]);
  });

  it("still reads a bare 小计 after each 一级, stating that 一级's points, as that 一级's: 产出 50 | 50, 效益 30 | 29, 满意度 10 | 10", () => {
    const rows: Row[] = [...LIST, INDICATOR_HEADER];
    const merges = ["A1:I1"];
    const subtotal = (weight: number, score: number): Row => [null, "小计", null, null, null, null, weight, score, null];
    for (const project of PROJECTS) {
      const first = rows.length + 1;
      const own = indicatorRows(project);
      rows.push(...own.slice(0, 4), subtotal(50, 50), ...own.slice(4, 7), subtotal(30, 29), own[7], subtotal(10, 10));
      merges.push(`A${first}:A${rows.length}`);
      rows.push(totalRow(`${project}总分`));
    }
    const a = run({ name: "项目绩效自评", rows, merges });
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => `${t.label} ${t.score}`)).toEqual(PROJECTS.map((p) => `${p} 98.5`));
  });

  it("reads a project's closing 小计 stating its indicators' 90 points alone as their sum, the 总分 computed (review round 47)", () => {
    const closing = (score: number): Row => [null, "小计", null, null, null, null, 90, score, null];
    const a = run(sheetOf((_project, i) => [closing(i === 1 ? 88 : 89)]));
    expect(a.totals.map((t) => `${t.label} ${t.score}`)).toEqual(PROJECTS.map((p) => `${p} 98.5`));
    expect(found(a)).toEqual(["sum-mismatch@项目绩效自评!H25"]);
    expect(indicatorTables(a).map((t) => t.range)).toEqual(["B7:I16", "B17:I25", "B26:I34"]);
  });

  it("reads projects whose 分值 add up to 100 with three typed =40/3 (each cached 13.333333333333334) as their own forms, as the totals add them", () => {
    // No budget list (its rows left blank): the indicators have all 100 points, 40 of them in thirds
    // (each scored 13.33, as the profile rounds it).
    const spec = sheetOf((project) => [totalRow(`${project}总分`, 98.99)]);
    const thirds = new Set(["推广面积", "培训场次", "化肥使用量减少"]);
    const weighed = (row: Row, weight: number): Row => [...row.slice(0, 6), weight, weight, row[8]];
    const rows = spec.rows.map((row, i): Row => {
      if (i > 0 && i < LIST.length) return [];
      return thirds.has(row[3] as string) ? weighed(row, 40 / 3) : row[3] === "完成时间" ? weighed(row, 20) : row;
    });
    const a = run({ ...spec, rows });
    expect(totals(a)).toEqual(["B7:I16", "B17:I25", "B26:I34"].map((range, i) => `${PROJECTS[i]} ${range}: 98.99 of 100 (98.99)`));
  });

  it("reads a project's closing 小计 whose 分值 is left blank by its 得分: the project's total over its last 一级's points, its indicators' sum at theirs (review round 47)", () => {
    const closing = (score: number): Row => [null, "小计", null, null, null, null, null, score, null];
    // The project's name merged down over its closing row too, as the reviewer's form has it.
    const mergedOver = (spec: SheetSpec) => ({ ...spec, merges: spec.merges!.map((m) => m.replace(/^A(\d+):A(\d+)$/, (_all, top, bottom) => `A${top}:A${Number(bottom) + 1}`)) });
    const total = run(mergedOver(sheetOf((_project, i) => [closing(i === 1 ? 97 : 98.5)])));
    expect(totals(total)).toEqual(["测土配方施肥项目 B7:I16: 98.5 of 100 (98.5)", "耕地质量提升项目 B17:I25: 98.5 of 100 (97)", "农技推广补助项目 B26:I34: 98.5 of 100 (98.5)"]);
    expect(found(total)).toEqual(["total-mismatch@项目绩效自评!H25"]);
    const subtotal = run(mergedOver(sheetOf(() => [closing(89)])));
    expect(subtotal.totals.map((t) => `${t.label} ${t.score} (${t.recordedScore})`)).toEqual(PROJECTS.map((p) => `${p} 98.5 (null)`));
    expect(found(subtotal)).toEqual([]);
    // Wrong, it tells neither sum: it is taken for the total it closes.
    expect(found(run(mergedOver(sheetOf((_project, i) => [closing(i === 1 ? 88 : 89)]))))).toEqual(["total-mismatch@项目绩效自评!H25"]);
    // A 满意度 小计 of its own 10 stays the 一级's.
    const rows: Row[] = [...LIST, INDICATOR_HEADER];
    const merges = ["A1:I1"];
    for (const project of PROJECTS) {
      const first = rows.length + 1;
      rows.push(...indicatorRows(project), closing(10));
      merges.push(`A${first}:A${rows.length}`);
      rows.push(totalRow(`${project}总分`));
    }
    const level = run({ name: "项目绩效自评", rows, merges });
    expect(found(level)).toEqual([]);
    expect(level.totals.map((t) => `${t.label} ${t.score} (${t.recordedScore})`)).toEqual(PROJECTS.map((p) => `${p} 98.5 (98.5)`));
  });

  it("checks each project's own 总分: a wrong one is that project's total-mismatch", () => {
    const a = run(sheetOf((project, i) => [totalRow(`${project}总分`, i === 1 ? 97 : 98.5)]));
    expect(found(a)).toEqual(["total-mismatch@项目绩效自评!H25"]);
    // The last one's, wrongly over 100, is still its own, not the whole list's (round 38's e13).
    expect(found(run(sheetOf((project, i) => [totalRow(`${project}总分`, i === 2 ? 100.5 : 98.5)])))).toEqual(["total-mismatch@项目绩效自评!H34", "score-above-attainable@项目绩效自评!H34"]);
  });

  it("scores each project with its own line: a slower project's budget score counts for it alone", () => {
    const spec = sheetOf((project) => [totalRow(`${project}总分`)]);
    // 耕地质量提升项目 spent 60 of 80: 7.5 of 10, its total 96.5.
    spec.rows[3] = [PROJECTS[1], 80, 60, 10, 0.75, 7.5];
    spec.rows[24] = totalRow(`${PROJECTS[1]}总分`, 96.5);
    const a = run(spec);
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => t.score)).toEqual(["98.5", "96.5", "98.5"]);
  });

  it("scores each project with its own line of a list with a 执行率 and no 分值 or 得分: the profile's 10 × its rate (review round 46, item 8)", () => {
    const spec = sheetOf((project, i) => [totalRow(`${project}总分`, [98.5, 96.5, 99][i])]);
    spec.rows.splice(1, 4, ["项目名称", "全年预算数", "全年执行数", "执行率"], [PROJECTS[0], 80, 76, 0.95], [PROJECTS[1], 80, 60, 0.75], [PROJECTS[2], 80, 80, 1]);
    const a = run(spec);
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => [t.score, t.grade])).toEqual([
      ["98.5", "优"],
      ["96.5", "优"],
      ["99", "优"],
    ]);
    expect(a.budget.map((b) => [b.label, b.weight, b.score])).toEqual([
      [PROJECTS[0], "10", "9.5"],
      [PROJECTS[1], "10", "7.5"],
      [PROJECTS[2], "10", "10"],
    ]);
    // Only the total counts it: no 得分 cell to fill in.
    expect(a.writes).toEqual([]);
  });

  it.each([true, false])(
    "scores each project with its own line of a list whose 分值 and 得分 are left blank (its 合计 below: %s), not the 合计's or the first line's (review round 46, item 3)",
    (withTotal) => {
      const spec = sheetOf((project, i) => [totalRow(`${project}总分`, [98.5, 96.5, 99][i])]);
      const lines: Row[] = [[PROJECTS[0], 80, 76, null, null, null], [PROJECTS[1], 80, 60, null, null, null], [PROJECTS[2], 80, 80, null, null, null]];
      spec.rows.splice(2, 3, ...lines);
      // The 合计 in the list's blank row under it, the rows below staying where they are.
      if (withTotal) spec.rows[5] = ["合计", 240, 216, null, 0.9, null];
      const a = run(spec);
      expect(found(a)).toEqual([]);
      expect(a.totals.map((t) => t.score)).toEqual(["98.5", "96.5", "99"]);
      expect(a.budget.filter((b) => b.weight !== null).map((b) => [b.label, b.weight, b.score])).toEqual([
        [PROJECTS[0], "10", "9.5"],
        [PROJECTS[1], "10", "7.5"],
        [PROJECTS[2], "10", "10"],
      ]);
      // Each line's blank 执行率 and 得分 filled in; the 合计's 得分 left alone.
      expect(a.writes.filter((w) => w.cell.startsWith("F")).map((w) => [w.cell, w.value])).toEqual([
        ["F3", "9.5"],
        ["F4", "7.5"],
        ["F5", "10"],
      ]);
    },
  );

  it("reads projects without 总分 rows, and with the name on every row or on the first alone", () => {
    for (const merged of [true, false]) {
      const a = run(sheetOf(() => [], { merged }));
      expect(found(a)).toEqual([]);
      expect(a.totals.map((t) => `${t.label} ${t.score}`)).toEqual(PROJECTS.map((p) => `${p} 98.5`));
    }
  });

  it("reads projects apart by blank rows, each with a bare 总分 or 小计 row", () => {
    for (const label of ["总分", "小计"]) {
      const a = run(sheetOf(() => [totalRow(label)], { between: [[]] }));
      expect(found(a)).toEqual([]);
      expect(a.totals.map((t) => `${t.label} ${t.score} (${t.recordedScore})`)).toEqual(PROJECTS.map((p) => `${p} 98.5 (98.5)`));
    }
  });

  it("checks a 合计 of the whole list, where the projects have no 总分 of their own, against their totals added up", () => {
    const spec = sheetOf(() => []);
    spec.rows.push(totalRow("合计", 295.5, 300));
    const a = run(spec);
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => `${t.score} (${t.recordedScore})`)).toEqual(["98.5 (null)", "98.5 (null)", "98.5 (null)"]);
    spec.rows[spec.rows.length - 1] = totalRow("合计", 290, 300);
    const wrong = run(spec).findings;
    expect(wrong.map((f) => `${f.rule}@${f.cell}`)).toEqual(["sum-mismatch@H32"]);
    expect(wrong[0].message).toBe("项目清单的合计得分填的是 290，但各项目总分相加为 295.5。请改为 295.5，或核对各行数字。");
  });

  it("tells a finding in one project's rows to that project's table, not the first's", () => {
    const spec = sheetOf((project) => [totalRow(`${project}总分`)]);
    // The second project's 培训场次 scored 10 of 10 while 15 of 22 were held: a score-mismatch in its rows.
    spec.rows[17] = [null, null, null, "培训场次", "≥20场", "15场", 10, 10, null];
    const a = run(spec);
    const finding = a.findings.find((f) => f.rule === "score-mismatch")!;
    expect(finding.cell).toBe("H18");
    const owners = new TableOwners(a.tables);
    const { row, col } = parseCellAddress(finding.cell)!;
    const owner = owners.formOf(finding.sheet, row, col)!;
    expect(a.tables[owner].label).toBe("耕地质量提升项目");
  });

  it("keeps one table where the column names a project per row under 一级 merged over them (no form per project)", () => {
    const rows: Row[] = [
      ["项目名称", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["道路养护", "产出指标", "数量指标", "养护里程", "≥100公里", "120公里", 50, 50, null],
      ["桥梁检测", null, "质量指标", "检测合格率", "≥95%", "98%", 20, 20, null],
      ["路灯维修", "效益指标", "社会效益指标", "亮灯率", "≥98%", "99%", 20, 20, null],
      ["路灯维修", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, 10, null],
      ["总分", null, null, null, null, null, 100, 100, null],
    ];
    const a = run({ name: "部门整体", rows, merges: ["B2:B3"] });
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => `${t.table} ${t.score} (${t.recordedScore})`)).toEqual(["B1:I6 100 (100)"]);
  });

  it("names a table of one project by its column where the form's header names none, and counts its line of the list", () => {
    const spec = sheetOf((project) => [totalRow(`${project}总分`)]);
    // The first project's rows alone under the list of three.
    spec.rows = spec.rows.slice(0, 16);
    const a = run(spec);
    expect(found(a)).toEqual([]);
    expect(totals(a)).toEqual(["测土配方施肥项目 B7:I16: 98.5 of 100 (98.5)"]);
  });

  it("keeps a national form's 绩效指标 merged down a column headed 项目 as no project's name", () => {
    const rows: Row[] = [["项目", ...INDICATOR_HEADER.slice(1)], ...indicatorRows("绩效指标"), ["总分", null, null, null, null, null, 90, 89, null]];
    const a = run({ name: "自评表", rows, merges: ["A2:A9"] });
    expect(a.totals.map((t) => t.label)).toEqual(["自评表!B1:I10"]);
  });

  describe("with its headers in two languages (review round 53a, M1)", () => {
    /** The sheet of sheetOf, row `row`'s headings each with an English line under its Chinese. */
    const inEnglish = (spec: SheetSpec, row: number): SheetSpec => {
      spec.rows[row] = spec.rows[row].map((zh) => (zh === null ? null : `${zh}\nHeading in English`));
      return spec;
    };

    it("tells the projects apart by the column headed 项目名称 over Project Name", () => {
      const a = run(inEnglish(sheetOf((project) => [totalRow(`${project}总分`)]), 6));
      expect(found(a)).toEqual([]);
      expect(totals(a)).toEqual(EACH_WITH_ITS_TOTAL);
    });

    it("scores each project with its line of a list headed 项目名称 over Project Name, its 分值 and 得分 left blank", () => {
      const spec = inEnglish(sheetOf((project, i) => [totalRow(`${project}总分`, [98.5, 96.5, 99][i])]), 1);
      spec.rows.splice(2, 3, [PROJECTS[0], 80, 76, null, null, null], [PROJECTS[1], 80, 60, null, null, null], [PROJECTS[2], 80, 80, null, null, null]);
      const a = run(spec);
      expect(found(a)).toEqual([]);
      expect(a.totals.map((t) => t.score)).toEqual(["98.5", "96.5", "99"]);
    });
  });
});

describe("projects far apart or left unnamed (review round 38's a32)", () => {
  const blank = (n: number): Row[] => Array.from({ length: n }, () => []);

  it("reads projects up to ten blank rows apart, with their 总分 rows or without", () => {
    for (const after of [(project: string) => [totalRow(`${project}总分`)], () => []]) {
      const a = run(sheetOf(after, { between: blank(6) }));
      expect(found(a)).toEqual([]);
      expect(a.totals.map((t) => `${t.label} ${t.score}`)).toEqual(PROJECTS.map((p) => `${p} 98.5`));
    }
    // Eleven blank rows: the list ends at its first project, as a table left alone.
    const far = run(sheetOf((project) => [totalRow(`${project}总分`)], { between: blank(11) }));
    expect(far.totals.map((t) => t.label)).toEqual([PROJECTS[0]]);
  });

  it("ends a table at four blank rows where what follows starts no project", () => {
    const spec = sheetOf((project) => [totalRow(`${project}总分`)]);
    // Under the list, after four blank rows, an indicator row of no project: not the table's.
    spec.rows.push(...blank(4), [null, "满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", "95%", 10, 10, null]);
    expect(indicatorTables(run(spec)).map((t) => t.range)).toEqual(["B7:I16", "B17:I25", "B26:I34"]);
  });

  it("reads a project whose name cell was left blank as a project of its own, named by its 总分 row", () => {
    const spec = sheetOf((project) => [totalRow(`${project}总分`)]);
    spec.rows[16][0] = null;
    const a = run(spec);
    expect(found(a)).toEqual([]);
    expect(totals(a)).toEqual(EACH_WITH_ITS_TOTAL);
  });

  // Review round 49 (cause 7): weighing nothing, the project made the list one table of 298.82 points.
  it.each([0, 1, 2])("reads project %i whose 分值 are all left blank as a project of its own, at the points its 总分 states, with no total", (blank) => {
    const spec = sheetOf((project) => [totalRow(`${project}总分`)]);
    const first = [7, 16, 25][blank];
    for (let k = 0; k < 8; k++) spec.rows[first + k][6] = null;
    const a = run(spec);
    expect(found(a)).toEqual([`total-incomplete@项目绩效自评!G${first === 7 ? 7 : first + 1}`]);
    expect(totals(a)).toEqual(EACH_WITH_ITS_TOTAL.map((line, i) => (i === blank ? line.replace("98.5 of 100", "null of null") : line)));
  });

  it("reads a first project whose name cell was left blank as a project of its own, named by its 总分 row or its range (review round 41's u05)", () => {
    const named = sheetOf((project) => [totalRow(`${project}总分`)]);
    named.rows[7][0] = null;
    expect(found(run(named))).toEqual([]);
    expect(totals(run(named))).toEqual(EACH_WITH_ITS_TOTAL);
    // With a bare 总分, or none, it counts the one line of the list no other project takes (测土配方施肥项目's).
    for (const [after, recorded, range] of [[() => [totalRow("总分")], "98.5", "B7:I16"], [() => [], "null", "B7:I15"]] as const) {
      const bare = sheetOf(after);
      bare.rows[7][0] = null;
      const a = run(bare);
      expect(found(a)).toEqual([]);
      expect(a.totals.map((t) => `${t.label} ${t.score} (${t.recordedScore})`)).toEqual([`项目绩效自评!${range} 98.5 (${recorded})`, `${PROJECTS[1]} 98.5 (${recorded})`, `${PROJECTS[2]} 98.5 (${recorded})`]);
    }
  });

  it("names a project left unnamed, with a bare 总分, by its range, and counts the one line of the list no other project takes (round 38's g01)", () => {
    const spec = sheetOf(() => [totalRow("总分")]);
    spec.rows[16][0] = null;
    // The second project's line: 60 of 80 spent, 7.5 of 10 (its 总分 96.5).
    spec.rows[3] = [PROJECTS[1], 80, 60, 10, 0.75, 7.5];
    spec.rows[24] = totalRow("总分", 96.5);
    const a = run(spec);
    expect(indicatorTables(a).map((t) => `${t.label} ${t.range}`)).toEqual([`${PROJECTS[0]} B7:I16`, "项目绩效自评!B17:I25 B17:I25", `${PROJECTS[2]} B26:I34`]);
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => `${t.score} (${t.recordedScore})`)).toEqual(["98.5 (98.5)", "96.5 (96.5)", "98.5 (98.5)"]);
    // The first project's line named another: neither it nor the unnamed one is told which of two lines is its.
    spec.rows[2] = ["其他项目", 80, 76, 10, 0.95, 9.5];
    const two = run(spec);
    expect(found(two)).toEqual(["total-incomplete@项目绩效自评!H16", "total-incomplete@项目绩效自评!H25"]);
    expect(two.totals.map((t) => `${t.score} (${t.recordedScore})`)).toEqual(["null (98.5)", "null (96.5)", "98.5 (98.5)"]);
  });

  it("names an unnamed project by its range where its 总分 row names no project: 综合得分, 绩效自评总分, 总  分, 得分合计 (review round 41, H2)", () => {
    for (const label of ["综合得分", "绩效自评总分", "总  分", "得分合计"]) {
      const spec = sheetOf((project, i) => [totalRow(i === 1 ? label : `${project}总分`)]);
      spec.rows[16][0] = null;
      const a = run(spec);
      expect(found(a)).toEqual([]);
      expect(a.totals.map((t) => `${t.label} ${t.score}`)).toEqual([`${PROJECTS[0]} 98.5`, "项目绩效自评!B17:I25 98.5", `${PROJECTS[2]} 98.5`]);
    }
  });

  it("reads on past a note (说明：…) between one project's 总分 and the next project (review round 41, H3)", () => {
    for (const label of ["总分", null]) {
      const spec = sheetOf((project) => [totalRow(label ?? `${project}总分`)], { between: [["说明：本项目指标值依据年初绩效目标表填列。"], []] });
      const a = run(spec);
      expect(found(a)).toEqual([]);
      expect(a.totals.map((t) => t.label)).toEqual(PROJECTS);
    }
  });

  it("reads on past a note headed 填表说明, or numbered any way, between projects (review rounds 42, N3, and 43, I1)", () => {
    const notes = [
      "填表说明：指标值依据年初目标填列",
      "1.本项目指标值依据年初绩效目标表填列。",
      "（2）满意度以问卷调查结果填列，样本200份。",
      "1.本项目指标值依据年初绩效目标表填列",
      "①本项目指标值依据年初绩效目标表填列。",
      "一、本项目指标值依据年初绩效目标表填列。",
      "（一）本项目指标值依据年初绩效目标表填列。",
      "１．本项目指标值依据年初绩效目标表填列。",
    ];
    for (const note of notes) {
      for (const after of [(project: string) => [totalRow(`${project}总分`)], () => []]) {
        const a = run(sheetOf(after, { between: [[note]] }));
        expect(found(a)).toEqual([]);
        expect(a.totals.map((t) => t.label)).toEqual(PROJECTS);
      }
    }
  });

  it("reads a project's numbered heading row over its rows, naming it again or not, a note beside it or not, merged across or not (review rounds 44, J2, and 45, K2 and K3)", () => {
    const title = (project: string, i: number) => `${["一", "二", "三"][i]}、${project}`;
    const note: Row = ["说明：本项目指标值依据年初绩效目标填列。"];
    const layouts = [
      { heading: (project: string, i: number): Row[] => [[title(project, i)]] },
      { heading: (project: string, i: number): Row[] => [[title(project, i)]], between: [note] },
      { heading: (project: string, i: number): Row[] => [[title(project, i)], ...(i > 0 ? [note] : [])] },
      // A note in a cell of its own beside it, under 偏差原因 or 年度指标值 (review round 46).
      { heading: (project: string, i: number): Row[] => [[title(project, i), null, null, null, null, null, null, null, "预算80万元，执行76万元"]] },
      { heading: (project: string, i: number): Row[] => [[title(project, i), null, null, null, "预算80万元，执行76万元"]] },
      // Or under a level's column (review round 47).
      { heading: (project: string, i: number): Row[] => [[title(project, i), null, "预算80万元，执行76万元"]] },
    ];
    // The heading merged across the table, or not (review round 45, K2).
    const mergedAcross = (spec: SheetSpec): SheetSpec => {
      const headings = spec.rows.flatMap((row, r) => (row.length === 1 && /^[一二三]、/.test(String(row[0])) ? [`A${r + 1}:I${r + 1}`] : []));
      return { ...spec, merges: [...spec.merges!, ...headings] };
    };
    for (const layout of layouts) {
      for (const [after, merge] of [
        [(project: string) => [totalRow(`${project}总分`)], false],
        [() => [], false],
        [(project: string) => [totalRow(`${project}总分`)], true],
      ] as const) {
        const sheet = (spec: SheetSpec) => (merge ? mergedAcross(spec) : spec);
        const named = run(sheet(sheetOf(after, layout)));
        expect(found(named)).toEqual([]);
        expect(named.totals.map((t) => `${t.label} ${t.score}`)).toEqual(PROJECTS.map((p) => `${p} 98.5`));
        // Its rows' name cells left blank: the heading names the project, without its numbering (review round 45, K7).
        const spec = sheet(sheetOf(after, layout));
        spec.rows = spec.rows.map((row) => (PROJECTS.includes(row[0] as string) && row[1] === "产出指标" ? [null, ...row.slice(1)] : row));
        const headed = run(spec);
        expect(found(headed)).toEqual([]);
        expect(headed.totals.map((t) => `${t.label} ${t.score}`)).toEqual(PROJECTS.map((p) => `${p} 98.5`));
      }
    }
  });

  it.each(["（县农业农村局）", "【县农业农村局】", "（实施单位：县农业农村局）"])(
    "reads a long heading naming the project's unit in brackets as a heading, not a note (一、耕地质量提升项目%s: review rounds 46 and 47)",
    (unit) => {
      const heading = (project: string, i: number): Row[] => [[`${["一", "二", "三"][i]}、${project}${unit}`]];
      const spec = sheetOf((project) => [totalRow(`${project}总分`)], { heading });
      spec.rows = spec.rows.map((row) => (PROJECTS.includes(row[0] as string) && row[1] === "产出指标" ? [null, ...row.slice(1)] : row));
      const a = run(spec);
      expect(found(a)).toEqual([]);
      // Named without the unit, as the names stay apart without it.
      expect(a.totals.map((t) => `${t.label} ${t.score}`)).toEqual(PROJECTS.map((p) => `${p} 98.5`));
    },
  );

  /**
   * A list of the projects `names` (each 10 points, 9.5 scored), then their indicators, each under
   * its numbered heading row and closed by `totalName(name)总分`, its rows' name cells blank.
   */
  const headedList = (names: string[], totalName = (name: string) => name): SheetSpec => {
    const rows: Row[] = [...LIST.slice(0, 2), ...names.map((n): Row => [n, 80, 76, 10, 0.95, 9.5]), [], INDICATOR_HEADER];
    names.forEach((name, i) => rows.push([`${"一二三"[i]}、${name}`], ...indicatorRows(null), totalRow(`${totalName(name)}总分`)));
    return { name: "项目绩效自评", rows, merges: ["A1:I1"] };
  };

  it("reads a heading of twelve characters or more not ending in 项目 as a heading, not a note (review round 47)", () => {
    const names = ["2023年度高标准农田建设工程", "2023年度农村公路养护工程", "2023年度动物疫病防控资金"];
    const a = run(headedList(names));
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => `${t.label} ${t.score}`)).toEqual(names.map((n) => `${n} 98.5`));
  });

  it("reads headings naming no 项目 with their unit in brackets, each 总分 naming the project with it or without (review of round 46's mends)", () => {
    const names = ["测土配方（县农业局）", "耕地提升（县农业局）", "农技推广（县农技站）"];
    const withoutUnit = (name: string) => name.replace(/（.*）/, "");
    for (const totalName of [(name: string) => name, withoutUnit]) {
      const a = run(headedList(names, totalName));
      expect(found(a)).toEqual([]);
      expect(a.totals.map((t) => `${t.label} ${t.score}`)).toEqual(names.map((n) => `${withoutUnit(n)} 98.5`));
    }
    // One project carried out by two units, told apart by their brackets alone: named with them.
    const twice = ["道路硬化（甲镇政府）", "道路硬化（乙镇政府）"];
    const a = run(headedList(twice));
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => `${t.label} ${t.score}`)).toEqual(twice.map((n) => `${n} 98.5`));
  });

  it("reads each project's name typed in a middle row, not merged, where each closes with its 总分 (review round 44, J3)", () => {
    const spec = sheetOf((project) => [totalRow(`${project}总分`)], { merged: false });
    // Each name on a project's fourth row alone.
    for (const first of [7, 16, 25]) for (let k = 0; k < 8; k++) if (k !== 3) spec.rows[first + k][0] = null;
    const a = run(spec);
    expect(found(a)).toEqual([]);
    expect(totals(a)).toEqual(EACH_WITH_ITS_TOTAL);
  });

  it("takes another form's title under the list, past blank rows, for no project's heading (round 41's g08)", () => {
    const spec = sheetOf(() => []);
    spec.rows.push([], [], ["2023年度农机购置补贴项目支出绩效自评表"], ["项目名称", "农机购置补贴项目"], INDICATOR_HEADER, ...indicatorRows(null), totalRow("总分", 89));
    const a = run(spec);
    expect(indicatorTables(a).map((t) => t.label)).toEqual([...PROJECTS, "农机购置补贴项目"]);
    expect(a.totals.slice(0, 3).map((t) => `${t.label} ${t.score}`)).toEqual(PROJECTS.map((p) => `${p} 98.5`));
  });

  it("takes a heading line over the header again for the next form's title, not a project's heading (review round 45, K1)", () => {
    const rows: Row[] = [INDICATOR_HEADER, ...indicatorRows(PROJECTS[0]), totalRow("总分"), [`二、${PROJECTS[1]}`], INDICATOR_HEADER, ...indicatorRows(PROJECTS[1]), totalRow("总分")];
    const a = run({ name: "自评表", rows, merges: ["A2:A9", "A10:F10", "A11:I11", "A13:A20", "A21:F21"] });
    expect(indicatorTables(a).map((t) => t.range)).toEqual(["B1:I10", "B12:I21"]);
    expect(found(a).filter((f) => !f.startsWith("total-incomplete"))).toEqual([]);
  });

  it("keeps a project's last row just below its name merged a row short in the project (review round 42, N2)", () => {
    const spec = withCostRowLast(sheetOf((project) => [totalRow(`${project}总分`)]));
    // The names merged over seven rows of eight: the 成本指标 row has a name cell of its own, blank.
    spec.merges = spec.merges!.map((range) => range.replace(/^A(\d+):A(\d+)$/, (_, top, bottom) => `A${top}:A${Number(bottom) - 1}`));
    const a = run(spec);
    expect(found(a)).toEqual([]);
    expect(totals(a)).toEqual(EACH_WITH_ITS_TOTAL);
  });

  it("reads an unnamed project without 总分 rows where the name merged down the project before ends", () => {
    for (const between of [[], [[], [], [], [], []]] as Row[][]) {
      const spec = sheetOf(() => [], { between });
      const second = 7 + 8 + between.length;
      spec.rows[second][0] = null;
      const a = run(spec);
      expect(found(a)).toEqual([]);
      expect(a.totals.map((t) => `${t.label} ${t.score}`)).toEqual([`${PROJECTS[0]} 98.5`, `项目绩效自评!B${second + 1}:I${second + 8} 98.5`, `${PROJECTS[2]} 98.5`]);
    }
  });

  it("keeps a 成本指标 under 产出指标 after 满意度 in its project, its name merged down (review round 41, H1)", () => {
    const spec = withCostRowLast(sheetOf((project) => [totalRow(`${project}总分`)]));
    const a = run(spec);
    expect(found(a)).toEqual([]);
    expect(totals(a)).toEqual(EACH_WITH_ITS_TOTAL);
  });
});

describe("projects' heading rows in a table with no 项目名称 column (review round 44's p04)", () => {
  /**
   * The list above; then the indicator header without 项目名称 and each project's heading
   * (`heading(name, i)`, in the 一级 column, merged across when `merged`), its eight rows and its 总分.
   */
  const headedInLevels = ({ merged = false, heading = (name: string, i: number) => `${"一二三"[i]}、${name}`, total = (_i: number): CellValue => 98.5 } = {}): SheetSpec => {
    const rows: Row[] = [...LIST, INDICATOR_HEADER.slice(1)];
    const merges = ["A1:I1"];
    PROJECTS.forEach((name, i) => {
      rows.push([heading(name, i)]);
      if (merged) merges.push(`A${rows.length}:H${rows.length}`);
      rows.push(...indicatorRows(null).map((row) => row.slice(1)), ["总分", null, null, null, null, 100, total(i), null]);
    });
    return { name: "项目绩效自评", rows, merges };
  };

  it.each([false, true])("reads each heading's rows as its project's form (merged across: %s)", (merged) => {
    const a = run(headedInLevels({ merged }));
    expect(found(a)).toEqual([]);
    expect(totals(a)).toEqual(["测土配方施肥项目 A7:H17: 98.5 of 100 (98.5)", "耕地质量提升项目 A18:H27: 98.5 of 100 (98.5)", "农技推广补助项目 A28:H37: 98.5 of 100 (98.5)"]);
  });

  it("scores each project with its own line, and checks each project's own 总分", () => {
    const spec = headedInLevels({ heading: (name) => name, total: (i) => (i === 1 ? 96.5 : i === 2 ? 97 : 98.5) });
    // 耕地质量提升项目 spent 60 of 80: 7.5 of 10, its total 96.5.
    spec.rows[3] = [PROJECTS[1], 80, 60, 10, 0.75, 7.5];
    const a = run(spec);
    expect(a.totals.map((t) => `${t.label} ${t.score} (${t.recordedScore})`)).toEqual(["测土配方施肥项目 98.5 (98.5)", "耕地质量提升项目 96.5 (96.5)", "农技推广补助项目 98.5 (97)"]);
    expect(found(a)).toEqual(["total-mismatch@项目绩效自评!G37"]);
  });

  it.each(["1.指标说明", "（一）年度指标"])("takes no project's name from a numbered line (%s) over one form's indicators", (line) => {
    const rows: Row[] = [...LIST.slice(0, 3), [], INDICATOR_HEADER.slice(1), [line]];
    rows.push(...indicatorRows(null).map((row) => row.slice(1)), ["总分", null, null, null, null, 100, 98.5, null]);
    const a = run({ name: "自评表", rows, merges: ["A1:I1"] });
    expect(indicatorTables(a).map((t) => t.project ?? null)).toEqual([null]);
  });

  it("reads a table whose first row heads a 一级 (一、产出指标（50分）) as one form, as before", () => {
    const rows: Row[] = [...LIST.slice(0, 3), [], INDICATOR_HEADER.slice(1), ["一、产出指标（50分）"]];
    rows.push(...indicatorRows(null).map((row) => row.slice(1)), ["总分", null, null, null, null, 100, 98.5, null]);
    const a = run({ name: "自评表", rows, merges: ["A1:I1"] });
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => `${t.label} ${t.score} (${t.recordedScore})`)).toEqual(["自评表!A5:H15 98.5 (98.5)"]);
  });
});

describe("the rows closing each project, as forms write them (review round 38)", () => {
  const gradeRow = (grade: string): Row => ["评价等次", null, null, null, null, null, grade, null, null];

  it("reads a 等次 row after each project's 总分, bare or named, and checks it", () => {
    for (const label of ["总分", "项目总分"]) {
      const a = run(sheetOf((project, i) => [totalRow(label === "总分" ? "总分" : `${project}总分`), gradeRow(i === 1 ? "良" : "优")]));
      expect(a.totals.map((t) => `${t.label} ${t.score} (${t.recordedScore}) ${t.grade}/${t.recordedGrade}`)).toEqual(PROJECTS.map((p) => `${p} 98.5 (98.5) 优/${p === PROJECTS[1] ? "良" : "优"}`));
      expect(found(a)).toEqual(["grade-mismatch@项目绩效自评!G27"]);
    }
  });

  it("reads the whole list's 合计 after the last project's 等次, the 等次 staying the project's (review round 41's b41)", () => {
    const spec = (lastGrade: string, listScore: number) => withRows(sheetOf((project, i) => [totalRow(`${project}总分`), gradeRow(i === 2 ? lastGrade : "优")]), totalRow("合计", listScore, 300));
    const a = run(spec("优", 295.5));
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => `${t.recordedScore} ${t.recordedGrade}`)).toEqual(["98.5 优", "98.5 优", "98.5 优"]);
    expect(found(run(spec("良", 290)))).toEqual(["grade-mismatch@项目绩效自评!G37", "sum-mismatch@项目绩效自评!H38"]);
  });

  it("reads the projects' average labelled 平均得分 under the last project as the whole list's (review round 41's b14)", () => {
    for (const after of [(project: string) => [totalRow(`${project}总分`)], () => []]) {
      const spec = (average: number) => withRows(sheetOf(after), totalRow("平均得分", average));
      const a = run(spec(98.5));
      expect(found(a)).toEqual([]);
      expect(a.totals.map((t) => t.score)).toEqual(["98.5", "98.5", "98.5"]);
      const wrong = run(spec(96)).findings;
      expect(wrong.map((f) => f.rule)).toEqual(["sum-mismatch"]);
      expect(wrong[0].message).toBe("项目清单的平均得分填的是 96，但各项目总分平均为 98.5。请改为 98.5，或核对各行数字。");
    }
    // Its 分值 of 300 is itself wrong; its 得分 is still the average (review round 43, I7).
    const summed = sheetOf(() => []);
    summed.rows.push(totalRow("平均得分", 98.5, 300));
    const wrong = run(summed).findings;
    expect(wrong.map((f) => `${f.rule}@${f.cell}`)).toEqual(["sum-mismatch@G32"]);
    expect(wrong[0].message).toBe("项目清单的平均得分的分值填的是 300，但各项目分值平均为 100。请改为 100，或核对各行数字。");
  });

  it("reads a project's 合计 over its 总分 as its indicators' subtotal, and its total", () => {
    const a = run(sheetOf((project) => [totalRow("合计", 89, 90), totalRow(`${project}总分`)]));
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => `${t.score} (${t.recordedScore})`)).toEqual(["98.5 (98.5)", "98.5 (98.5)", "98.5 (98.5)"]);
  });

  it("reads the last project's 总分 merged across the row, and the whole list's 合计 (300 points) as the list's", () => {
    const merged = sheetOf((project) => [totalRow(`${project}总分`)]);
    merged.merges = [...(merged.merges ?? []), "A16:F16", "A25:F25", "A34:F34"];
    merged.rows[33] = totalRow(`${PROJECTS[2]}总分`, 95);
    expect(found(run(merged))).toEqual(["total-mismatch@项目绩效自评!H34"]);
    const listTotal = sheetOf((project) => [totalRow(`${project}总分`)]);
    listTotal.rows.push(totalRow("合计", 295.5, 300));
    const a = run(listTotal);
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => t.recordedScore)).toEqual(["98.5", "98.5", "98.5"]);
    // The list's 合计 is the last project's table's, where a finding on it is told.
    expect(a.tables.at(-1)!.range).toBe("B26:I35");
  });

  it("checks the whole list's 合计 against the projects' 总分 as the sheet shows them, or as jixiao checks them (the 290 of round 38's e20)", () => {
    const spec = (second: number, list: number) => withRows(sheetOf((project, i) => [totalRow(`${project}总分`, i === 1 ? second : 98.5)]), totalRow("合计", list, 300));
    expect(found(run(spec(98.5, 290)))).toEqual(["sum-mismatch@项目绩效自评!H35"]);
    // The second project's 总分 wrongly 97: the list's 294 adds up what the sheet shows, its 295.5 what jixiao checks.
    expect(found(run(spec(97, 294)))).toEqual(["total-mismatch@项目绩效自评!H25"]);
    expect(found(run(spec(97, 295.5)))).toEqual(["total-mismatch@项目绩效自评!H25"]);
    const both = run(spec(97, 290)).findings.filter((f) => f.rule === "sum-mismatch");
    expect(both.map((f) => f.message)).toEqual(["项目清单的合计得分填的是 290，但按核算的各项目总分相加为 295.5。请改为 295.5，或核对各行数字。"]);
  });

  it("reads a whole list's 合计 of one project's 100 points as the projects' average, under the last one's own named 总分", () => {
    const spec = (list: number) => {
      const s = sheetOf((project, i) => [totalRow(`${project}总分`, i === 1 ? 96.5 : 98.5)]);
      // The second project's budget line: 60 of 80 spent, 7.5 of 10.
      s.rows[3] = [PROJECTS[1], 80, 60, 10, 0.75, 7.5];
      s.rows.push(totalRow("合计", list));
      return s;
    };
    const a = run(spec(97.83));
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => `${t.label} ${t.score} (${t.recordedScore})`)).toEqual([`${PROJECTS[0]} 98.5 (98.5)`, `${PROJECTS[1]} 96.5 (96.5)`, `${PROJECTS[2]} 98.5 (98.5)`]);
    const wrong = run(spec(99)).findings;
    expect(wrong.map((f) => `${f.rule}@${f.cell}`)).toEqual(["sum-mismatch@H35"]);
    expect(wrong[0].message).toBe("项目清单的合计得分填的是 99，但各项目总分平均为 97.83。请改为 97.83，或核对各行数字。");
  });

  it("reads projects without 总分 rows over their average 合计 of 100 as the list's, each weighing a whole form's 90 (review round 41's b09)", () => {
    const spec = (average: number) => withRows(sheetOf(() => []), totalRow("合计", average));
    const a = run(spec(98.5));
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => `${t.label} ${t.score}`)).toEqual(PROJECTS.map((p) => `${p} 98.5`));
    expect(found(run(spec(97)))).toEqual(["sum-mismatch@项目绩效自评!H32"]);
  });

  it("takes a project without a 总分 at its scores as the sheet holds them, for the whole list's 合计 (round 38's e18)", () => {
    const spec = (list: number) => {
      const s = sheetOf(() => []);
      // The third project's 推广面积 reached 4.5万亩 of ≥5万亩 and kept its 15: 13.5 by the formula.
      s.rows[23] = [PROJECTS[2], "产出指标", "数量指标", "推广面积", "≥5万亩", "4.5万亩", 15, 15, null];
      s.rows.push(totalRow("合计", list, 300));
      return s;
    };
    // 295.5 adds up the scores the sheet shows, 294 jixiao's: the wrong score is the one finding.
    for (const list of [295.5, 294]) expect(found(run(spec(list))).filter((f) => !f.startsWith("missing-reason"))).toEqual(["score-mismatch@项目绩效自评!H24"]);
    expect(found(run(spec(290))).filter((f) => f.startsWith("sum-mismatch"))).toEqual(["sum-mismatch@项目绩效自评!H32"]);
  });

  it("reads the 合计 after projects that each closed with one 总分 as the list's, its 分值 blank or 100 (review round 41, M1)", () => {
    const spec = (label: (project: string) => string, list: Row) => {
      const s = sheetOf((project, i) => [totalRow(label(project), i === 1 ? 96.5 : 98.5)]);
      // The second project's line: 60 of 80 spent, 7.5 of 10 (its 总分 96.5).
      s.rows[3] = [PROJECTS[1], 80, 60, 10, 0.75, 7.5];
      s.rows.push(list);
      return s;
    };
    const named = (project: string) => `${project}总分`;
    for (const [label, list] of [
      [named, totalRow("合计", 97.83, null)],
      [() => "总分", totalRow("合计", 97.83)],
      [() => "小计", totalRow("合计", 97.83)],
      [named, totalRow("合计", 293.5, null)],
    ] as [(p: string) => string, Row][]) {
      const a = run(spec(label, list));
      expect(found(a)).toEqual([]);
      expect(a.totals.map((t) => `${t.score} (${t.recordedScore})`)).toEqual(["98.5 (98.5)", "96.5 (96.5)", "98.5 (98.5)"]);
    }
    expect(found(run(spec(() => "总分", totalRow("合计", 98.5))))).toEqual(["sum-mismatch@项目绩效自评!H35"]);
  });

  it("reads the last project's 合计 (90) over its 总分 as its own, where earlier projects closed with one 总分 (review round 42, N1)", () => {
    for (const sum of ["合计", "小计"]) {
      const spec = sheetOf((project, i) => [...(i === 2 ? [[sum, null, null, null, null, null, 90, 89, null]] : []), totalRow(`${project}总分`)]);
      const a = run(spec);
      expect(found(a)).toEqual([]);
      expect(a.totals.map((t) => `${t.score} (${t.recordedScore})`)).toEqual(["98.5 (98.5)", "98.5 (98.5)", "98.5 (98.5)"]);
    }
  });

  it("knows a project's 总分 row as 本项目总分, 项目绩效总分, 评价得分 or 本项目得分 (review round 42, N4)", () => {
    for (const label of ["本项目总分", "项目绩效总分", "评价得分", "本项目得分"]) {
      const a = run(sheetOf(() => [totalRow(label)]));
      expect(found(a)).toEqual([]);
      expect(a.totals.map((t) => `${t.label} ${t.recordedScore}`)).toEqual(PROJECTS.map((p) => `${p} 98.5`));
    }
  });

  it("reads the whole list's 合计 as the list's with the budget list under the table, the projects without 总分 rows (review round 42, N5)", () => {
    const spec = (listTotal: Row): SheetSpec => {
      const above = sheetOf(() => []);
      // The title, then the indicators and their 合计, then the budget list after a blank row.
      const indicators = above.rows.slice(LIST.length);
      const rows = [LIST[0], ...indicators, listTotal, [], ...LIST.slice(1, -1)];
      return { ...above, rows, merges: above.merges!.map((m) => m.replace(/^A(\d+):A(\d+)$/, (_, top, bottom) => `A${Number(top) - 5}:A${Number(bottom) - 5}`)) };
    };
    for (const [weight, right, wrong] of [[300, 295.5, 290], [270, 267, 260]]) {
      const a = run(spec(totalRow("合计", right, weight)));
      expect(found(a)).toEqual([]);
      expect(totals(a)).toEqual(PROJECTS.map((p, i) => `${p} ${["B2:I10", "B11:I18", "B19:I27"][i]}: 98.5 of 100 (null)`));
      expect(found(run(spec(totalRow("合计", wrong, weight))))).toEqual(["sum-mismatch@项目绩效自评!H27"]);
    }
  });

  it("checks the whole list's 合计's own 分值: one that is no reading's (290 for 300 or 100 or 270) is a sum-mismatch", () => {
    const spec = (weight: number, score: number) => withRows(sheetOf((project) => [totalRow(`${project}总分`)]), totalRow("合计", score, weight));
    for (const [weight, score] of [[300, 295.5], [100, 98.5], [270, 267]]) expect(found(run(spec(weight, score)))).toEqual([]);
    const wrong = run(spec(290, 295.5)).findings;
    expect(wrong.map((f) => `${f.rule}@${f.cell}`)).toEqual(["sum-mismatch@G35"]);
    expect(wrong[0].message).toBe("项目清单的合计分值填的是 290，但各项目分值相加为 300。请改为 300，或核对各行数字。");
    // Its 得分 is then read every way: a wrong one is told too.
    expect(found(run(spec(290, 290)))).toEqual(["sum-mismatch@项目绩效自评!G35", "sum-mismatch@项目绩效自评!H35"]);
    // Checked with a project's total unknown for a missing actual (review round 44, J6)…
    const missing = spec(290, 295.5);
    missing.rows[17] = [null, null, null, "培训场次", "≥20场", null, 10, null, null];
    expect(found(run(missing))).toContain("sum-mismatch@项目绩效自评!G35");
    // …but not for a missing budget line, which the project weighs all the same: without the list, its 270 is no error (review round 43, I2).
    const unlisted = spec(270, 267);
    unlisted.rows = unlisted.rows.map((row, i) => (i > 0 && i < LIST.length ? [] : row));
    expect(found(run(unlisted)).filter((f) => !f.startsWith("total-incomplete"))).toEqual([]);
  });

  it("checks a 合计 stating the indicators' points alone (270 = 3 × 90) against their scores, the budget's left out (review round 41, M2)", () => {
    for (const after of [(project: string) => [totalRow(`${project}总分`)], () => []]) {
      const spec = (list: number) => withRows(sheetOf(after), totalRow("合计", list, 270));
      expect(found(run(spec(267)))).toEqual([]);
      const wrong = run(spec(260)).findings;
      expect(wrong.map((f) => f.rule)).toEqual(["sum-mismatch"]);
      expect(wrong[0].message).toBe("项目清单的合计得分填的是 260，但各项目指标得分相加为 267。请改为 267，或核对各行数字。");
    }
  });

  it("leaves the whole list's 合计 unchecked while a project's total is not known", () => {
    const spec = sheetOf((project) => [totalRow(`${project}总分`, null)]);
    // The first project's 推广面积 has no actual: its total is not known.
    spec.rows[7] = [PROJECTS[0], "产出指标", "数量指标", "推广面积", "≥5万亩", null, 15, null, null];
    spec.rows.push(totalRow("合计", 250, 300));
    expect(found(run(spec)).filter((f) => f.startsWith("sum-mismatch"))).toEqual([]);
  });

  it("reads the last project's own 总分 of 100, named, under projects that have none (review round 40)", () => {
    const a = run(sheetOf((project, i) => (i === 2 ? [totalRow(`${project}总分`)] : [])));
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => `${t.label} ${t.recordedScore}`)).toEqual([`${PROJECTS[0]} null`, `${PROJECTS[1]} null`, `${PROJECTS[2]} 98.5`]);
  });

  it("knows a project's 总分 row by 项目得分, and by its name numbered in the column or bracketed", () => {
    expect(found(run(sheetOf(() => [totalRow("项目得分")])))).toEqual([]);
    const numbered = sheetOf((project) => [totalRow(`${project}总分`)]);
    numbered.rows = numbered.rows.map((row, r) => (r >= 7 && typeof row[0] === "string" && PROJECTS.includes(row[0]) ? [`${PROJECTS.indexOf(row[0]) + 1}.${row[0]}`, ...row.slice(1)] : row));
    const a = run(numbered);
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => `${t.label} ${t.recordedScore}`)).toEqual(PROJECTS.map((p, i) => `${i + 1}.${p} 98.5`));
  });

  it("gives each project the 小计 of its levels, after its rows too where it has no 总分 (review round 39)", () => {
    /** Each 一级 closed by its 小计 (50, 30 and 10 points), the satisfaction 小计 of the second and third `second`, `third`. */
    const withSubtotals = (second: number, third: number): SheetSpec => {
      const rows: Row[] = [...LIST, INDICATOR_HEADER];
      PROJECTS.forEach((project, i) => {
        const [output, effect, satisfaction] = [indicatorRows(project).slice(0, 4), indicatorRows(null).slice(4, 7), indicatorRows(null).slice(7)];
        const subtotal = (label: string, weight: number, score: number): Row => [null, label, null, null, null, null, weight, score, null];
        rows.push(...output, subtotal("产出指标小计", 50, 50), ...effect, subtotal("效益指标小计", 30, 29), ...satisfaction, subtotal("满意度指标小计", 10, [10, second, third][i]));
      });
      return { name: "项目绩效自评", rows, merges: ["A1:I1"] };
    };
    const right = run(withSubtotals(10, 10));
    expect(found(right)).toEqual([]);
    expect(right.totals.map((t) => t.score)).toEqual(["98.5", "98.5", "98.5"]);
    expect(found(run(withSubtotals(7, 7)))).toEqual(["sum-mismatch@项目绩效自评!H29", "sum-mismatch@项目绩效自评!H40"]);
  });

  it("starts a second project of the same name after the first one's 总分", () => {
    const spec = sheetOf((project) => [totalRow(`${project}总分`)]);
    spec.rows = spec.rows.map((row) => (row[0] === PROJECTS[1] || row[0] === `${PROJECTS[1]}总分` ? [String(row[0]).replace(PROJECTS[1], PROJECTS[0]), ...row.slice(1)] : row));
    expect(run(spec).totals.map((t) => `${t.label} ${t.recordedScore}`)).toEqual([`${PROJECTS[0]} 98.5`, `${PROJECTS[0]} 98.5`, `${PROJECTS[2]} 98.5`]);
  });

  it("places a project's findings on the header block in its own rows, one per project (weights-total, missing-dimension)", () => {
    const spec = sheetOf((project) => [totalRow(`${project}总分`)]);
    // 耕地质量提升项目's 推广面积 weighs 20 (105 points); 农技推广补助项目's 满意度 row is another 效益 one.
    spec.rows[16] = [PROJECTS[1], "产出指标", "数量指标", "推广面积", "≥5万亩", "5.2万亩", 20, 20, null];
    spec.rows[32] = [null, "效益指标", "可持续影响指标", "农户培训覆盖面", "≥90%", "96.5%", 10, 10, null];
    const a = run(spec);
    expect(found(a).filter((f) => /weights-total|missing-dimension/.test(f))).toEqual(["weights-total@项目绩效自评!G17", "missing-dimension@项目绩效自评!B26"]);
    const owners = new TableOwners(a.tables);
    const ownerOf = (cell: string) => {
      const { row, col } = parseCellAddress(cell)!;
      return a.tables[owners.formOf("项目绩效自评", row, col)!].label;
    };
    expect([ownerOf("G17"), ownerOf("B26")]).toEqual([PROJECTS[1], PROJECTS[2]]);
  });
});

describe("a 部门整体 form naming a task on its rows stays one form (review round 38, H2)", () => {
  /** Three tasks of two rows each, under two 一级 each, 90 points in all, one 总分 of 100 and its 等次. */
  const departmentForm = (total: number): SheetSpec => ({
    name: "部门整体",
    rows: [
      ["项目", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 500, 475, 10, 0.95, 9.5],
      [],
      INDICATOR_HEADER,
      ["道路养护", "产出指标", "数量指标", "养护里程", "≥100公里", "120公里", 20, 20, null],
      [null, "效益指标", "社会效益指标", "通行保障", "有效保障", "有效保障", 10, 10, null],
      ["桥梁检测", "产出指标", "质量指标", "检测合格率", "≥95%", "98%", 20, 20, null],
      [null, "效益指标", "社会效益指标", "安全事故", "0起", "0起", 10, 10, null],
      ["路灯维修", "产出指标", "时效指标", "维修及时率", "≥95%", "97%", 20, 20, null],
      [null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, 10, null],
      ["总分", null, null, null, null, null, 100, total, null],
      ["评价等次", null, null, null, null, null, "优", null, null],
    ],
    merges: ["A5:A6", "A7:A8", "A9:A10"],
  });

  it("stays whole with its tasks' 分值 wrongly over 100: one weights-total, not a form per task (review round 39)", () => {
    const doubled = departmentForm(189.5);
    doubled.rows = doubled.rows.map((row) => (typeof row[6] === "number" && row[0] !== "总分" && typeof row[3] === "string" ? [...row.slice(0, 6), row[6] * 2, row[6] * 2, row[8]] : row));
    expect(found(run(doubled))).toEqual(["weights-total@部门整体!G4"]);
    // Under a 部门整体 title too, even with each task's 分值 a form's.
    const titled = departmentForm(99.5);
    titled.rows = [["2023年度县交通运输局部门整体支出绩效自评表"], ...titled.rows];
    titled.merges = titled.merges!.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + 1)));
    expect(run(titled).totals).toHaveLength(1);
  });

  it("reads each task's 小计, the last one's over the 总分 too, as that task's, and checks it (review rounds 42 and 43, I4 and I5)", () => {
    // Each task's two rows (30 points) closed by its 小计, named or bare, in the task's column or the
    // 一级's; then the form's 总分 of 100, blank rows before it or not.
    const withSubtotals = (label: (task: string) => string, { lastScore = 30, inLevelColumn = false, blanksBefore = 0 } = {}): SheetSpec => {
      const spec = departmentForm(99.5);
      const [head, tasks, end] = [spec.rows.slice(0, 4), spec.rows.slice(4, 10), spec.rows.slice(10)];
      const rows = [...head];
      ["道路养护", "桥梁检测", "路灯维修"].forEach((task, i) => {
        const subtotal: Row = [label(task), null, null, null, null, null, 30, i === 2 ? lastScore : 30, null];
        rows.push(...tasks.slice(2 * i, 2 * i + 2), inLevelColumn ? [null, ...subtotal.slice(0, 5), ...subtotal.slice(6)] : subtotal);
      });
      return { ...spec, rows: [...rows, ...Array.from({ length: blanksBefore }, () => []), ...end], merges: ["A5:A6", "A8:A9", "A11:A12"] };
    };
    // A bare 小计 in the 一级 column is the task's by its points (review round 46).
    const cases: [(task: string) => string, { inLevelColumn?: boolean; blanksBefore?: number }[]][] = [
      [(task) => `${task}小计`, [{}, { inLevelColumn: true }, { blanksBefore: 1 }, { blanksBefore: 2 }]],
      [() => "小计", [{}, { inLevelColumn: true }, { blanksBefore: 1 }]],
    ];
    for (const [label, layouts] of cases) {
      for (const layout of layouts) {
        const a = run(withSubtotals(label, layout));
        expect(found(a)).toEqual([]);
        const end = 15 + (layout.blanksBefore ?? 0);
        expect(totals(a)).toEqual([`部门整体!B4:I${end} B4:I${end}: 99.5 of 100 (99.5)`]);
        const wrong = run(withSubtotals(label, { ...layout, lastScore: 29 })).findings;
        expect(wrong.map((f) => `${f.rule}@${f.cell}`)).toEqual(["sum-mismatch@H13"]);
        // A bare 小计 too is named by its task.
        expect(wrong[0].message).toBe(`路灯维修小计的得分填的是 29，但其下各指标得分相加为 30。请改为 30，或核对各行数字。`);
      }
    }
  });

  it.each(["项目", "项目/任务", "任务", "任务名称"])("reads a task column headed %s so too: each task's 小计, merged across, checked (review round 46)", (heading) => {
    const spec = departmentForm(99.5);
    const [head, tasks, end] = [spec.rows.slice(0, 4), spec.rows.slice(4, 10), spec.rows.slice(10)];
    const withSubtotals = (lastScore: number): SheetSpec => {
      const rows: Row[] = [...head.slice(0, 3), [heading, ...INDICATOR_HEADER.slice(1)]];
      ["道路养护", "桥梁检测", "路灯维修"].forEach((task, i) => {
        rows.push(...tasks.slice(2 * i, 2 * i + 2), [`${task}小计`, null, null, null, null, null, 30, i === 2 ? lastScore : 30, null]);
      });
      return { ...spec, rows: [...rows, ...end], merges: ["A5:A6", "A8:A9", "A11:A12", "A7:F7", "A10:F10", "A13:F13"] };
    };
    const a = run(withSubtotals(30));
    expect(found(a)).toEqual([]);
    expect(totals(a)).toEqual(["部门整体!B4:I15 B4:I15: 99.5 of 100 (99.5)"]);
    expect(found(run(withSubtotals(29)))).toEqual(["sum-mismatch@部门整体!H13"]);
  });

  it("reads the form's rows of no task after the last task's 小计 (满意度, its task cell blank) as the form's, up to its 总分 (review round 47)", () => {
    const spec = departmentForm(99.5);
    const [head, tasks, end] = [spec.rows.slice(0, 4), spec.rows.slice(4, 10), spec.rows.slice(10)];
    const satisfaction: Row = [null, ...tasks[5].slice(1)];
    const withLast = (lastScore: number): SheetSpec => {
      const rows: Row[] = [...head];
      ["道路养护", "桥梁检测", "路灯维修"].forEach((task, i) => {
        const own = i === 2 ? tasks.slice(4, 5) : tasks.slice(2 * i, 2 * i + 2);
        const points = i === 2 ? 20 : 30;
        rows.push(...own, [`${task}小计`, null, null, null, null, null, points, i === 2 ? lastScore : points, null]);
      });
      return { ...spec, rows: [...rows, satisfaction, ...end], merges: ["A5:A6", "A8:A9"] };
    };
    const a = run(withLast(20));
    expect(found(a)).toEqual([]);
    expect(totals(a)).toEqual(["部门整体!B4:I15 B4:I15: 99.5 of 100 (99.5)"]);
    expect(found(run(withLast(19)))).toEqual(["sum-mismatch@部门整体!H12"]);
  });

  it("takes one indicator under each task (群众满意度) for no duplicate, one twice in a task for one (review round 43, I10)", () => {
    const spec = departmentForm(99.5);
    const duplicates = () => found(run(spec)).filter((f) => f.startsWith("duplicate-indicator"));
    for (const row of [5, 7, 9]) spec.rows[row] = [...spec.rows[row].slice(0, 3), "群众满意度", ...spec.rows[row].slice(4)];
    expect(duplicates()).toEqual([]);
    spec.rows[4] = [...spec.rows[4].slice(0, 3), "群众满意度", ...spec.rows[4].slice(4)];
    expect(duplicates()).toEqual(["duplicate-indicator@部门整体!D6"]);
  });

  it("takes one indicator under each task for no duplicate where the task column is headed in two languages (项目名称 over Project Name: review round 53a, M1)", () => {
    const spec = departmentForm(99.5);
    spec.rows[3] = ["项目名称\nProject Name", ...INDICATOR_HEADER.slice(1)];
    for (const row of [5, 7, 9]) spec.rows[row] = [...spec.rows[row].slice(0, 3), "群众满意度", ...spec.rows[row].slice(4)];
    const a = run(spec);
    expect(found(a).filter((f) => f.startsWith("duplicate-indicator"))).toEqual([]);
    expect(totals(a)).toEqual(["部门整体!B4:I12 B4:I12: 99.5 of 100 (99.5)"]);
  });

  it("scores it whole, with its budget and its 总分, and finds a wrong 总分", () => {
    const a = run(departmentForm(99.5));
    expect(found(a)).toEqual([]);
    expect(totals(a)).toEqual(["部门整体!B4:I12 B4:I12: 99.5 of 100 (99.5)"]);
    expect(found(run(departmentForm(97)))).toEqual(["total-mismatch@部门整体!H11"]);
  });
});
