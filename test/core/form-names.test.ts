/**
 * One reading of a form's names and one owner per finding: detection finds each table's project and
 * unit once, the review's rows show what detection found, and ignore records and review rows put a
 * finding in the same table.
 */
import { analyze } from "../../src/core/analyze";
import { formNamesApart, headlines } from "../../src/core/headline";
import { CellValue, WorkbookGrid, parseCellAddress } from "../../src/core/grid";
import { placeFindings, splitIgnored } from "../../src/core/ignores";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { Finding, TableReport, formLabels } from "../../src/core/result";
import { NO_UNIT, ReviewTally, reviewFile } from "../../src/core/review";
import { TableOwners } from "../../src/core/table-owner";
import { workbook } from "../support/grid";

type Row = CellValue[];

/** A form's budget block and indicators under its header block: 年度资金总额, three indicators, 总分. */
function form(name: string, headerBlock: Row[], merges: string[] = []): WorkbookGrid {
  return workbook({ name, rows: formRows(headerBlock), merges: ["A1:I1", ...merges] });
}

function formRows(headerBlock: Row[]): Row[] {
  return [
    ...headerBlock,
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 100, 100, 90, 10, 0.9, 9],
    [],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [null, "产出指标", "数量指标", "培训场次", "≥10场", "10场", 50, 50, ""],
    [null, "效益指标", "社会效益指标", "受训人数", "≥100人", "120人", 30, 30, ""],
    [null, "满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", 10, 10, ""],
    ["总分", null, null, null, null, null, 100, 99, null],
  ];
}

function reviewOf(grid: WorkbookGrid) {
  const analysis = analyze(grid);
  return { analysis, review: reviewFile("某县/单位自评.xlsx", analysis, DEFAULT_PROFILE) };
}

describe("a form's names, read once by detection", () => {
  test("a 部门整体 form naming its unit by 填报单位: the tables' label and unit and the review's unit agree", () => {
    const grid = form("部门自评表", [["2023年度部门整体支出绩效自评表"], ["填报单位：某县教育局", null, null, null, null, null, "单位：万元"]], ["A2:F2"]);
    const { analysis, review } = reviewOf(grid);
    expect(analysis.tables.map((t) => [t.kind, t.label, t.unit, t.project, t.wholeDepartment])).toEqual([
      ["budget", "某县教育局", "某县教育局", undefined, true],
      ["indicators", "某县教育局", "某县教育局", undefined, true],
    ]);
    // The review used to miss 填报单位 and fall back on the file's name; its 项目 says what the form evaluates.
    expect(review.rows.map((r) => [r.kind, r.unit, r.project])).toEqual([["evaluation", "某县教育局", "部门整体"]]);
  });

  test("a 填报单位 line right above the form's title names its unit, in one cell or two (review round 43, I9: 填报单位名称)", () => {
    for (const top of [[["填报单位：某县教育局"]], [["附件2"], ["填报单位", "某县教育局"]], [["填报单位名称：某县教育局"]]] as Row[][]) {
      const grid = form("部门自评表", [...top, ["2023年度部门整体支出绩效自评表"], [null, null, null, null, null, null, "单位：万元"]], []);
      const { analysis, review } = reviewOf(grid);
      expect(analysis.tables.map((t) => t.unit)).toEqual(["某县教育局", "某县教育局"]);
      expect(review.rows.map((r) => r.unit)).toEqual(["某县教育局"]);
    }
    // Three rows up, it is no line of this form's.
    const far = form("部门自评表", [["填报单位：某县教育局"], [], [], ["2023年度部门整体支出绩效自评表"]], []);
    expect(analyze(far).tables.map((t) => t.unit)).toEqual([undefined, undefined]);
    // With a date or a signer on it: at the sheet's top it names the form's unit (review round 44,
    // J1); under another form it signs that one, and names none below (review round 43, I8).
    const signing: Row = ["填报单位（盖章）：某县教育局　　填报人：张三"];
    const top = form("部门自评表", [signing, ["2023年度部门整体支出绩效自评表"]], []);
    expect(analyze(top).tables.map((t) => t.unit)).toEqual(["某县教育局", "某县教育局"]);
    const under = workbook({ name: "部门自评表", rows: [...formRows([["2023年度项目支出绩效自评表"]]), signing, ["2023年度项目支出绩效自评表"], ...formRows([])] });
    expect(analyze(under).tables.map((t) => t.unit)).toEqual([undefined, undefined, undefined, undefined]);
    // A date or a phone number beside it signs nothing: the next form's unit line (review round 45, K5).
    const dated = workbook({ name: "部门自评表", rows: [...formRows([["2023年度项目支出绩效自评表"]]), ["填报单位：某县教育局", null, null, null, null, "填报日期：2024年1月15日"], ["2023年度项目支出绩效自评表"], ...formRows([])] });
    expect(analyze(dated).tables.map((t) => t.unit)).toEqual([undefined, undefined, "某县教育局", "某县教育局"]);
  });

  const wholeDepartment = (title: string) => analyze(form("自评表", [[title], ["填报单位：某县教育局"]], ["A2:F2"])).tables.map((x) => x.wholeDepartment);
  test.each(["部门（单位）整体支出绩效自评表", "2023年度整体支出绩效评价表", "部门整体绩效自评表"])("%s is a whole department's form", (title) => {
    expect(wholeDepartment(title)).toEqual([true, true]);
  });
  test("a project's form is not a whole department's", () => {
    expect(wholeDepartment("2023年度项目支出绩效自评表")).toEqual([undefined, undefined]);
  });

  test("a project form naming 主管部门 and 实施单位: the unit is the one that did the work, in detection and review", () => {
    const grid = form("自评表", [
      ["2023年度项目支出绩效自评表"],
      ["项目名称", "教师培训", null, null, "主管部门", "某县教育局"],
      ["实施单位", "某县教师进修学校"],
    ]);
    const { analysis, review } = reviewOf(grid);
    expect(analysis.tables.map((t) => [t.label, t.project, t.unit])).toEqual([
      ["教师培训", "教师培训", "某县教师进修学校"],
      ["教师培训", "教师培训", "某县教师进修学校"],
    ]);
    // The review used to look for the 项目名称 only between the budget block and the indicators: "".
    expect(review.rows.map((r) => [r.unit, r.project])).toEqual([["某县教师进修学校", "教师培训"]]);
    expect(review.findings.every((f) => f.unit === "某县教师进修学校" && f.project === "教师培训")).toBe(true);
  });

  test("without a 项目名称, 实施单位 names the table even when 主管部门 sits closer to it", () => {
    const grid = form("自评表", [["2023年度项目支出绩效自评表"], ["实施单位：某县教师进修学校"], ["主管部门", "某县教育局"]]);
    const { analysis, review } = reviewOf(grid);
    // Detection used to know neither label: the tables were called by their ranges (自评表!A4:H5).
    expect(analysis.tables.map((t) => t.label)).toEqual(["某县教师进修学校", "某县教师进修学校"]);
    expect(review.rows.map((r) => r.unit)).toEqual(["某县教师进修学校"]);
  });

  test("a unit label with nothing next to it names nothing, and does not take the next label as its value", () => {
    const grid = form("自评表", [["2023年度项目支出绩效自评表"], ["实施单位", null, "主管部门", "某县教育局"]]);
    const { analysis, review } = reviewOf(grid);
    // The 主管部门 beside the blank 实施单位 names the project's supervisor, no unit (review round 57d,
    // F2); the form, naming no project, is still called by it.
    expect(analysis.tables.map((t) => [t.unit, t.label])).toEqual([
      [undefined, "某县教育局"],
      [undefined, "某县教育局"],
    ]);
    // Its path (某县/单位自评.xlsx) names no unit either: the supervisor names it after all (code review 57c, H1).
    expect(review.rows.map((r) => r.unit)).toEqual(["某县教育局"]);
  });
});

// Review round 57d, F2: 教育/县实验小学/项目支出绩效自评表.xlsx, 实施单位 left blank, was 县教育局's (merged
// into 清河县教育局), and 县实验小学 was missing from 单位统计.
describe("a project form's 主管部门 beside a blank 实施单位 (review round 57d, F2)", () => {
  const header = (title: string, implementer: string | null): Row[] => [[title], ["项目名称", "课后服务补助项目"], ["主管部门", "县教育局", null, null, "实施单位", implementer]];
  const unitIn = (file: string, grid: WorkbookGrid) => reviewFile(file, analyze(grid), DEFAULT_PROFILE).rows.map((r) => r.unit);

  test("is the project's supervisor, no unit: the review takes the unit's folder, or the file's name", () => {
    const grid = form("Sheet1", header("2023年度项目支出绩效自评表", null));
    expect(analyze(grid).tables.map((t) => [t.project, t.unit, t.label])).toEqual([
      ["课后服务补助项目", undefined, "课后服务补助项目"],
      ["课后服务补助项目", undefined, "课后服务补助项目"],
    ]);
    expect(unitIn("教育/县实验小学/项目支出绩效自评表.xlsx", grid)).toEqual(["县实验小学"]);
    expect(unitIn("教育/县实验小学（课后服务）.xlsx", grid)).toEqual(["县实验小学"]);
    // A unit the form names otherwise names it still: its 填报单位, or the 实施单位 filled in.
    const filed = form("Sheet1", [...header("2023年度项目支出绩效自评表", null), ["填报单位：县第二小学"]]);
    expect(unitIn("教育/县实验小学/项目支出绩效自评表.xlsx", filed)).toEqual(["县第二小学"]);
    expect(unitIn("教育/县实验小学/项目支出绩效自评表.xlsx", form("Sheet1", header("2023年度项目支出绩效自评表", "县第三小学")))).toEqual(["县第三小学"]);
  });

  // Review round 58c F3: a copy's or a stamped version's marks on the unit's folder let the 主管部门 win.
  test.each([
    ["卫健/县中医院 - 副本/项目支出绩效自评表.xlsx", "县中医院"],
    ["卫健/县妇幼保健院（盖章版）/项目支出绩效自评表.xlsx", "县妇幼保健院"],
    ["教育/03-县实验小学/项目支出绩效自评表.xlsx", "县实验小学"],
    ["教育/县实验小学2023年自评材料/项目支出绩效自评表.xlsx", "县实验小学"],
  ])("is not the unit where the unit's folder names it with marks: %s is %s's", (file, unit) => {
    expect(unitIn(file, form("Sheet1", header("2023年度项目支出绩效自评表", null)))).toEqual([unit]);
  });

  // The unit evaluating its own project, its 实施单位 left blank, in a path that names no unit: the
  // 主管部门 names it, not the 系统's folder or the form's file name (code review 57c, H1).
  test.each(["项目支出绩效自评表.xlsx", "2023年项目自评/项目支出绩效自评表.xlsx", "教育/项目支出绩效自评表.xlsx", "教育系统/项目支出绩效自评表（课后服务）.xlsx", "课后服务补助项目.xlsx"])(
    "is the unit after all where the path names none: %s",
    (file) => {
      const grid = form("Sheet1", header("2023年度项目支出绩效自评表", null));
      expect(analyze(grid).tables.map((t) => t.supervisor)).toEqual(["县教育局", "县教育局"]);
      expect(unitIn(file, grid)).toEqual(["县教育局"]);
    },
  );

  test("names the unit where the form asks for no 实施单位, on a whole department's form, and on a transfer payment's", () => {
    const alone = form("Sheet1", [["2023年度项目支出绩效自评表"], ["项目名称", "课后服务补助项目", null, null, "主管部门", "县教育局"]]);
    expect(unitIn("教育/县实验小学/项目支出绩效自评表.xlsx", alone)).toEqual(["县教育局"]);
    const whole = form("Sheet1", [["2023年度部门整体支出绩效自评表"], ["主管部门", "县教育局", null, null, "实施单位", null]]);
    expect(unitIn("教育/县实验小学/部门整体支出绩效自评表.xlsx", whole)).toEqual(["县教育局"]);
    expect(unitIn("教育/县实验小学/项目支出绩效自评表.xlsx", form("Sheet1", header("2023年度省对下转移支付绩效自评表", null)))).toEqual(["县教育局"]);
  });
});

describe("a unit's name on a line of the header block that goes on with other fields", () => {
  /** The line under the title as units write it: in one cell merged across the form, or a label and its name in two cells. */
  const LINES: Record<string, Row> = {
    fullWidthSpaces: ["填报单位：县公路事务中心\u3000\u3000\u3000\u3000\u3000\u3000金额单位：万元"],
    spacesThenDate: ["填报单位（盖章）：县公路事务中心                 填报日期：2024年3月15日"],
    oneSpaceThenDate: ["填报单位：县公路事务中心 填报日期：2024年3月15日"],
    labelRightAfter: ["填报单位：县公路事务中心金额单位：万元"],
    compiledBy: ["编制单位：县公路事务中心", null, null, null, null, null, null, "单位：万元"],
    submittedBy: ["报送单位：县公路事务中心"],
    sealNote: ["单位名称：县公路事务中心（盖章）"],
    sealNoteAscii: ["填报单位：县公路事务中心(公章)  "],
    yearAfterSpaces: ["单位名称（盖章）：县公路事务中心         2024年度"],
    sealBeforeNameCell: ["填报单位：（盖章）", "县公路事务中心", null, null, null, null, null, "单位：万元"],
    twoCells: ["填报单位（盖章）：", "县公路事务中心", null, null, null, null, null, "单位：万元"],
    clean: ["填报单位(盖章):县公路事务中心  "],
  };
  // A line in one cell is merged across the form.
  const unitForm = (line: Row) => form("Sheet1", [["项目支出绩效自评表"], line, ["项目名称", "农村公路养护工程"]], line.length === 1 ? ["A2:I2"] : []);

  test.each(Object.entries(LINES))("%s: the unit is 县公路事务中心", (_, line) => {
    const { analysis, review } = reviewOf(unitForm(line));
    expect(analysis.tables.map((t) => t.unit)).toEqual(["县公路事务中心", "县公路事务中心"]);
    expect(review.rows.map((r) => r.unit)).toEqual(["县公路事务中心"]);
  });

  test("the same unit's forms, whatever the line, count as one unit in the review", () => {
    const tally = new ReviewTally();
    Object.values(LINES).forEach((line, i) => tally.add(reviewFile(`${i}.xlsx`, analyze(unitForm(line)), DEFAULT_PROFILE)));
    expect(tally.review().units.map((u) => [u.unit, u.files])).toEqual([["县公路事务中心", Object.keys(LINES).length]]);
  });

  test("a project's name keeps a colon and spaces of its own, and ends at another field's label (review round 13)", () => {
    const projectOf = (line: Row) => reviewOf(form("Sheet1", [["项目支出绩效自评表"], line], line.length === 1 ? ["A2:I2"] : [])).analysis.tables[0].project;
    expect(projectOf(["项目名称：民生实事：农村公路提质改造"])).toBe("民生实事：农村公路提质改造");
    expect(projectOf(["项目名称", "农村公路提质改造  （一期）"])).toBe("农村公路提质改造  （一期）");
    expect(projectOf(["项目名称：农村公路提质改造　　　　金额单位：万元"])).toBe("农村公路提质改造");
  });

  test("provincial and transfer-payment labels name the project and the unit (review round 14)", () => {
    const names = (lines: Row[]) => reviewOf(form("Sheet1", [["项目支出绩效自评表"], ...lines])).analysis.tables.map((t) => [t.project, t.unit])[0];
    expect(names([["项目名称", "农村公路养护"], ["项目实施单位", "县公路事务中心"]])).toEqual(["农村公路养护", "县公路事务中心"]);
    expect(names([["项目名称", "农村公路养护"], ["资金使用单位", "县公路事务中心", "项目主管部门", "县交通运输局"]])).toEqual(["农村公路养护", "县公路事务中心"]);
    expect(names([["项目名称", "农村公路养护"], ["项目主管部门", "县交通运输局"]])).toEqual(["农村公路养护", "县交通运输局"]);
    expect(names([["转移支付（项目）名称", "农村综合改革转移支付"], ["中央主管部门", "财政部", "地方主管部门", "县财政局"]])).toEqual(["农村综合改革转移支付", "县财政局"]);
  });

  test("a name label left blank names nothing, and does not take the next field's label as its value", () => {
    for (const line of [
      ["部门（单位）名称", null, null, null, null, "预算编码", "132001"],
      ["填报单位（盖章）：", null, null, "填报日期：2024年3月15日"],
      ["单位名称", null, "金额单位：万元"],
      ["实施单位", "", "项目类别", "经常性项目"],
    ]) {
      const { analysis, review } = reviewOf(form("自评表", [["2023年度部门整体支出绩效自评表"], line]));
      expect(analysis.tables.map((t) => t.unit)).toEqual([undefined, undefined]);
      // Nor does its path, 某县/单位自评.xlsx: no unit (review round 58c: it was the file's name).
      expect(review.rows.map((r) => r.unit)).toEqual([NO_UNIT]);
    }
  });

  test("a project's name on such a line ends where the next field starts too", () => {
    const grid = form("Sheet1", [["项目支出绩效自评表"], ["项目名称：农村公路养护工程        项目编号：P2023-017"], ["实施单位：县公路事务中心"]]);
    expect(analyze(grid).tables.map((t) => [t.project, t.unit])).toEqual([
      ["农村公路养护工程", "县公路事务中心"],
      ["农村公路养护工程", "县公路事务中心"],
    ]);
  });
});

describe("the table a finding belongs to", () => {
  /** Two target tables side by side: the left one long, the right one short and starting lower. */
  const SHEET = "目标表";
  const tables: TableReport[] = [
    { sheet: SHEET, kind: "indicators", range: "A3:D20", label: "甲项目", project: "甲项目" },
    { sheet: SHEET, kind: "indicators", range: "F5:I8", label: "乙项目", project: "乙项目" },
  ];
  const finding = (cell: string): Finding => ({ rule: "vague-target", severity: "warning", sheet: SHEET, cell, ...parseCellAddress(cell)!, message: "指标值不明确" });
  const grid = workbook({ name: SHEET, rows: Array.from({ length: 22 }, (_, r) => [`第${r + 1}行`]) });

  test("is the table holding its cell, though another starts closer above it, else the nearest above in its columns, else below", () => {
    const owners = new TableOwners(tables);
    expect(owners.formOf(SHEET, 14, 1)).toBe(0); // B15: in the left table, below the right one
    expect(owners.formOf(SHEET, 6, 7)).toBe(1); // H7: in the right table
    expect(owners.formOf(SHEET, 11, 6)).toBe(1); // G12: under the right table, in neither
    // B22: under the left table, though the right one starts closer above it in other columns (code review 52, L2).
    expect(owners.formOf(SHEET, 21, 1)).toBe(0);
    expect(owners.formOf(SHEET, 0, 0)).toBe(0); // A1: above both, in the left one's columns
    expect(owners.formOf(SHEET, 1, 7)).toBe(1); // H2: above both, in the right one's columns
    expect(owners.formOf(SHEET, 11, 4)).toBe(1); // E12: between them, in neither's columns: the closest above
    expect(owners.formOf(SHEET, 1, 11)).toBe(0); // L2: above both, in neither's columns: the sheet's first
    expect(owners.formOf("其他", 14, 1)).toBeNull();
  });

  test("ignore records and review rows agree on it; a record made before still holds", () => {
    const cells = ["B15", "G12", "B22", "A1", "H2"];
    const findings = cells.map(finding);
    const places = placeFindings({ findings, tables, budget: [], indicators: [] }, grid);
    expect(places.map((p) => [p.table, p.tableKey, p.rowLabel])).toEqual([
      [0, "甲项目", "第15行"],
      [1, "乙项目", "G12"],
      [0, "甲项目", "第22行"],
      [0, "甲项目", "第1行"],
      [1, "乙项目", "H2"],
    ]);
    const analysis = { ...analyze(workbook({ rows: [[]] })), tables, findings };
    const review = reviewFile("目标.xlsx", analysis, DEFAULT_PROFILE);
    expect(review.findings.map((f) => [f.cell, f.project])).toEqual(cells.map((cell, i) => [cell, tables[places[i].table!].label]));
    expect(review.rows.map((r) => [r.project, r.warnings])).toEqual([
      ["甲项目", 3],
      ["乙项目", 2],
    ]);
    // Records made before: B22 in the table starting closest above it (the right one, whose columns
    // hold no text on its row: its cell), A1 and H2 above every table in none (the sheet, the row's
    // first text from column A).
    const before = [
      { table: "乙项目", row: "B22" },
      { table: SHEET, row: "第1行" },
      { table: SHEET, row: "第2行" },
    ];
    const records = before.map((r) => ({ ...r, rule: "vague-target" as const, reason: "上级下达的目标" }));
    const split = splitIgnored(findings, places, records);
    expect(split.active).toEqual([0, 1]);
    // Each keeps the record's key, so that taking the ignore back finds it.
    expect(split.ignored.map((f) => [f.cell, f.place.tableKey, f.place.rowLabel])).toEqual(cells.slice(2).map((cell, i) => [cell, before[i].table, before[i].row]));
  });
});

describe("formLabels: each form's name in a list of several (review round 33)", () => {
  test("names the sheet only where a form on another sheet has the same label", () => {
    const totals = [
      { sheet: "一季度", label: "培训项目" },
      { sheet: "全年", label: "培训项目" },
      { sheet: "全年", label: "道路养护" },
    ];
    expect(formLabels(totals)).toEqual(["一季度 · 培训项目", "全年 · 培训项目", "道路养护"]);
    expect(formLabels([{ sheet: "A", label: "x" }, { sheet: "A", label: "x" }])).toEqual(["x", "x"]);
  });
});

describe("two forms of one project on one sheet (review round 55a, L2)", () => {
  /** A form for `year` of 教师培训: its title, 项目名称 line, budget block, indicators and 总分 (99 recorded). */
  const yearForm = (year: string | null): Row[] => formRows([[year === null ? "项目支出绩效自评表" : `${year}年度项目支出绩效自评表`], ["项目名称", "教师培训"]]);
  const twoForms = (first: string | null, second: string | null) => workbook({ name: "自评表", rows: [...yearForm(first), [], [], ...yearForm(second)] });

  test("each form's lines are named with its year, in the headlines and on 综合得分", () => {
    const a = analyze(twoForms("2023", "2022"));
    expect(a.tables.map((t) => [t.kind, t.label, t.year])).toEqual([
      ["budget", "教师培训", undefined],
      ["indicators", "教师培训", 2023],
      ["budget", "教师培训", undefined],
      ["indicators", "教师培训", 2022],
    ]);
    expect(headlines(a.totals, a.findings, "zh", a.tables).map((h) => h.table)).toEqual(["教师培训 · 2023年度", "教师培训 · 2022年度"]);
    expect(headlines(a.totals, a.findings, "en", a.tables).map((h) => h.table)).toEqual(["教师培训 · 2023", "教师培训 · 2022"]);
    const texts = a.summary.cells.map((c) => String(c.value ?? ""));
    expect(texts.filter((t) => t.endsWith("年度资金总额"))).toEqual(["教师培训 · 2023年度 · 年度资金总额", "教师培训 · 2022年度 · 年度资金总额"]);
    expect(texts.filter((t) => t.endsWith("产出指标"))).toEqual(["教师培训 · 2023年度 · 产出指标", "教师培训 · 2022年度 · 产出指标"]);
    // A finding in the second form's budget block is named by its year too.
    const wrong = twoForms("2023", "2022");
    const rows = wrong.sheets[0].values;
    const second = rows.findIndex((r, i) => i > 5 && r?.[1] === "年度资金总额");
    rows[second][7] = 8;
    const b = analyze(wrong);
    expect(b.summary.cells.some((c) => String(c.value).startsWith("教师培训 · 2022年度 · H"))).toBe(true);
  });

  test("forms whose years do not tell them apart are named by their ranges; a form alone on its sheet by nothing", () => {
    const a = analyze(twoForms(null, null));
    expect(headlines(a.totals, a.findings, "zh", a.tables).map((h) => h.table)).toEqual(["教师培训 · B6:I10", "教师培训 · B18:I22"]);
    const alone = analyze(workbook({ name: "自评表", rows: yearForm("2023") }));
    expect(headlines(alone.totals, alone.findings, "zh", alone.tables).map((h) => h.table)).toEqual([null]);
    expect(alone.summary.cells.some((c) => String(c.value).includes("2023年度 ·"))).toBe(false);
  });

  test("formNamesApart: the name, and the year or the range only where two forms of a sheet share it", () => {
    const place = (sheet: string, name: string | null, range: string, year?: number, kind?: string) => ({ sheet, name, range, year, kind });
    expect(
      formNamesApart(
        [place("表", "甲", "A1:H9", 2023), place("表", "甲", "A20:H29", 2022), place("表", "乙", "J1:Q9", 2023), place("另表", "甲", "A1:H9", 2023), place("表", null, "A40:H49")],
        "zh",
      ),
    ).toEqual(["甲 · 2023年度", "甲 · 2022年度", "乙", "甲", "A40:H49"]);
    // One year unknown, or both the same: the ranges.
    expect(formNamesApart([place("表", "甲", "A1:H9", 2023), place("表", "甲", "A20:H29")], "zh")).toEqual(["甲 · A1:H9", "甲 · A20:H29"]);
    // A form's budget block beside its indicators is the same form: named by its year only when two forms share the name.
    expect(formNamesApart([place("表", "甲", "A1:G3", 2023, "budget"), place("表", "甲", "A5:H9", 2023, "indicators")], "zh")).toEqual(["甲", "甲"]);
    expect(
      formNamesApart([place("表", "甲", "A1:G3", 2023, "budget"), place("表", "甲", "A5:H9", 2023, "indicators"), place("表", "甲", "A20:G22", undefined, "budget"), place("表", "甲", "A24:H29", 2022, "indicators")], "zh"),
    ).toEqual(["甲 · 2023年度", "甲 · 2023年度", "甲 · A20:G22", "甲 · 2022年度"]);
  });
});
