/**
 * The finance bureau's review row of each table as a unit hands its workbook in: a project list
 * stands in one row by its 合计, the unit is the one the forms name on any sheet, a scored copy is
 * named as the workbook it was made from, and the row's worst findings say which sheet they are on.
 */
import { analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { NO_UNIT, ReviewTally, contentOrder, projectShown, reviewCounts, reviewFile, reviewFileOrder, pathUnit, unitShown } from "../../src/core/review";
import { unitInTitle } from "../../src/core/headers";
import { BUDGET_HEADER, SheetSpec, sheet, workbook } from "../support/grid";
import { departmentOnTwoSheets, projectList, projectSheet } from "../support/review-forms";

const review = (file: string, grid: WorkbookGrid) => reviewFile(file, analyze(grid), DEFAULT_PROFILE);

describe("the review row of a budget table no total counts", () => {
  test("a project list is given by its 合计, named by what it adds up", () => {
    const { rows } = review("农业农村局.xlsx", workbook(projectList, projectSheet("高标准农田建设", 2500, 2500)));
    expect(rows.find((r) => r.kind === "budget")).toMatchObject({
      sheet: "项目汇总",
      unit: "县农业农村局",
      project: "合计（3个项目）",
      planned: "3420",
      spent: "3316",
      rate: "0.9696",
      moneyUnit: "万元",
    });
  });

  test("a list of projects of several units, with no unit of its own, is the workbook's, not its first form's unit's (review round 48)", () => {
    const list: SheetSpec = { ...projectList, rows: [projectList.rows[0], ...projectList.rows.slice(2)] };
    const byUnit = (name: string, unit: string): SheetSpec => {
      const form = projectSheet(name, 100, 100);
      return { ...form, rows: form.rows.map((row) => (row[0] === "项目名称" ? ["项目名称", name, "", "", "实施单位", unit] : row)) };
    };
    const sheets = workbook(list, byUnit("高标准农田建设", "县农田建设服务中心"), byUnit("动物防疫补助", "县动物疫病预防控制中心"));
    const { rows } = review("县农业农村局2023年度项目支出绩效自评.xlsx", sheets);
    expect(rows.map((r) => [r.kind, r.unit])).toEqual([
      ["evaluation", "县农田建设服务中心"],
      ["evaluation", "县动物疫病预防控制中心"],
      ["budget", "县农业农村局"],
    ]);
    // A file's name naming no unit (汇总表) is none: the list keeps its first form's unit, as before.
    expect(review("汇总表.xlsx", sheets).rows.find((r) => r.kind === "budget")!.unit).toBe("县农田建设服务中心");
  });

  /** The project list scoring each project's execution: a 分值 and a 得分 on each line. */
  const scoredList = (lines: CellValue[][]): SheetSpec => ({
    ...projectList,
    rows: [...projectList.rows.slice(0, 2), ["序号", "项目名称", "全年预算数", "全年执行数", "执行率", "分值", "得分"], ...lines],
  });
  /** A project's own sheet holding its indicators alone, worth 90 (the sheet named as the project, as far as a name goes). */
  const indicatorsOnly = (name: string): SheetSpec => {
    const sheet = projectSheet(name, 1, 1);
    return { ...sheet, name: name.slice(0, 20), rows: [...sheet.rows.slice(0, 2), ...sheet.rows.slice(5, 9), ["总分", "", "", "", "", 100, null, ""]] };
  };

  test("a project list that scores each project's execution gives each project's form its own line, not the list's (review round 23a)", () => {
    const list = scoredList([
      [1, "高标准农田建设", 2500, 2500, 1, 10, 10],
      [2, "农村人居环境整治", 800, 720, 0.9, 10, 9],
      [3, "动物防疫补助", 120, 96, 0.8, 10, 8],
      ["合计", "", 3420, 3316, 0.9696],
    ]);
    const analysis = analyze(workbook(list, indicatorsOnly("农村人居环境整治"), indicatorsOnly("动物防疫补助")));
    expect(analysis.totals.map((t) => [t.weights, t.score])).toEqual([
      ["100", "99"],
      ["100", "98"],
    ]);
    expect(analysis.findings.map((f) => f.rule)).toEqual([]);
    const rows = reviewFile("农业农村局.xlsx", analysis, DEFAULT_PROFILE).rows.filter((r) => r.kind === "evaluation");
    expect(rows.map((r) => [r.project, r.planned, r.spent, r.rate, r.score])).toEqual([
      ["农村人居环境整治", "800", "720", "0.9", "99"],
      ["动物防疫补助", "120", "96", "0.8", "98"],
    ]);
  });

  test("a project's line is found however the list and the form write its name, and no project takes the whole list (review round 24b)", () => {
    const list = scoredList([
      [1, "1.高标准农田建设项目", 2500, 2500, 1, 10, 10],
      [2, "高标准农田建设（二期）", 500, 400, 0.8, 10, 8],
      [3, "农村人居环境整治", 800, 720, 0.9, 10, 9],
    ]);
    // 项目 before the brackets too (review round 25).
    const analysis = analyze(workbook(list, indicatorsOnly("高标准农田建设"), indicatorsOnly("高标准农田建设项目(二期)"), indicatorsOnly("2023年农村人居环境整治项目"), indicatorsOnly("动物防疫补助")));
    expect(analysis.totals.map((t) => t.score)).toEqual(["100", "98", "99", null]);
    // A project the list does not score: no total, rather than the list's 30 points.
    expect(analysis.findings.map((f) => `${f.rule}@${f.sheet}`)).toEqual(["total-incomplete@动物防疫补助"]);
  });

  test("a 部门整体 form on a sheet of its own takes none of a list scoring each project: no total, rather than the list's 30 points (review round 25)", () => {
    const list = scoredList([
      [1, "高标准农田建设", 2500, 2500, 1, 10, 10],
      [2, "农村人居环境整治", 800, 720, 0.9, 10, 9],
      ["合计", "", 3300, 3220, 0.9758],
    ]);
    // Its header block names the unit, no project.
    const department = indicatorsOnly("部门整体");
    department.rows = [["2023年度部门整体支出绩效自评表"], ["单位名称", "县农业农村局"], ...department.rows.slice(2)];
    const analysis = analyze(workbook(list, department, indicatorsOnly("农村人居环境整治")));
    expect(analysis.totals.map((t) => [t.label, t.weights, t.score])).toEqual([
      ["县农业农村局", "100", null],
      ["农村人居环境整治", "100", "99"],
    ]);
    expect(analysis.findings.map((f) => `${f.rule}@${f.sheet}`)).toEqual(["total-incomplete@部门整体"]);
  });

  test("a 合计 spaced out to fill its cell (合  计) names the row without the spaces", () => {
    const spaced = { ...projectList, rows: projectList.rows.map((row) => (row[0] === "合计" ? ["合  计", ...row.slice(1)] : row)) };
    const { rows } = review("农业农村局.xlsx", workbook(spaced));
    expect(rows.find((r) => r.kind === "budget")?.project).toBe("合计（3个项目）");
  });

  test("a weighted table is given by the line that carries its score, wherever it is", () => {
    const budgetOnly = workbook({
      name: "预算执行",
      rows: [
        ["部门（单位）名称", "县某局", "", "", "", "单位：万元"],
        BUDGET_HEADER,
        ["其中：财政拨款", 500, 500, 450],
        ["其他资金", 300, 300, 270],
        ["合计", 800, 800, 720, 10, 0.9, 9],
      ],
    });
    const { rows } = review("某局.xlsx", budgetOnly);
    expect(rows).toEqual([expect.objectContaining({ kind: "budget", planned: "800", spent: "720", rate: "0.9" })]);
  });

  test("a list without a 合计 shows no figures rather than its first project's", () => {
    const withoutTotal = { ...projectList, rows: projectList.rows.slice(0, -1) };
    const { rows } = review("农业农村局.xlsx", workbook(withoutTotal));
    expect(rows).toEqual([expect.objectContaining({ kind: "budget", project: "", planned: null, spent: null, rate: null, moneyUnit: null })]);
  });
});

describe("the review row's names", () => {
  test("the unit is the one the form names on another sheet, not the file's name", () => {
    const { rows } = review("民宗局.xlsx", departmentOnTwoSheets);
    expect(rows.map((r) => [r.kind, r.sheet, r.unit])).toEqual([["evaluation", "绩效指标", "县民族宗教事务局"]]);
  });

  // The README's known limit of rounds 23 to 25: a 部门整体 row's 项目 was blank.
  // Review round 52c L4: 部门整体 is data, the same in either language's JSON; the English workbook shows it as Whole department.
  test("a whole department's form, by its title, is named 部门整体 in the 项目 column, in either language (Whole department in an English workbook)", () => {
    expect(review("民宗局.xlsx", departmentOnTwoSheets).rows.map((r) => r.project)).toEqual(["部门整体"]);
    expect(reviewFile("民宗局.xlsx", analyze(departmentOnTwoSheets), DEFAULT_PROFILE, "en").rows.map((r) => r.project)).toEqual(["部门整体"]);
    expect([projectShown("部门整体", "en"), projectShown("部门整体", "zh"), projectShown("统计执法检查", "en")]).toEqual(["Whole department", "部门整体", "统计执法检查"]);
    const projectForm = workbook(projectSheet("统计执法检查", 100, 95));
    expect(review("统计局.xlsx", projectForm).rows.map((r) => r.project)).toEqual(["统计执法检查"]);
  });

  test("a finding on another sheet than the row's is named with its sheet among the worst", () => {
    const { rows, findings } = review("民宗局.xlsx", departmentOnTwoSheets);
    const rate = findings.find((f) => f.rule === "rate-mismatch")!;
    expect(rate).toMatchObject({ sheet: "预算执行", cell: "F4" });
    expect(rows[0].worst[0]).toBe(`预算执行!F4 执行率算错：${rate.message}`);
  });

  test("the unit a cover sheet names, when no form names one above its tables", () => {
    const form = projectSheet("统计执法检查", 100, 95);
    form.rows[1] = ["项目名称", "统计执法检查"];
    const cover = {
      name: "封面",
      rows: [["2023年度项目支出绩效自评报告"], [], ["单位名称：", "县统计局"], ["填报日期：", "2024年3月"]],
      merges: ["A1:F1"],
    };
    expect(review("统计局自评.xlsx", workbook(cover, form)).rows.map((r) => r.unit)).toEqual(["县统计局"]);
    // A unit the forms name comes first.
    expect(review("统计局自评.xlsx", workbook(cover, projectSheet("统计执法检查", 100, 95))).rows.map((r) => r.unit)).toEqual(["县农业农村局"]);
  });

  test("a scored copy handed in alone is named as the workbook it was made from", () => {
    const unnamed = workbook(projectSheet("档案数字化", 100, 95));
    unnamed.sheets[0].values[1] = ["项目名称", "档案数字化"];
    for (const file of ["县档案馆.jixiao.xlsx", "乡镇/县档案馆.JIXIAO.xlsx", "县档案馆.xlsx.jixiao.xlsx", "县档案馆.jixiao.jixiao.xlsx"]) {
      expect(review(file, unnamed).rows.map((r) => r.unit)).toEqual(["县档案馆"]);
    }
  });
});

describe("a target table's row", () => {
  /** A 评分标准 sheet beside the form: how each indicator is scored, its 指标值 column left empty (`withTargets` fills it). */
  const scoringReference = (header: string[], withTargets = false) => ({
    name: "评分标准",
    rows: [
      header,
      ["产出指标", "数量指标", "建成高标准农田", withTargets ? "≥1万亩" : "", 50, "完成得满分，未完成按比例扣分"],
      ["", "质量指标", "验收合格率", withTargets ? "100%" : "", 20, "100%得满分"],
      ["效益指标", "经济效益指标", "亩均增产", withTargets ? "≥50公斤" : "", 20, "达到得满分"],
      ["满意度指标", "服务对象满意度指标", "农户满意度", withTargets ? "≥90%" : "", 10, "≥90%得满分"],
    ].map((row) => (header.length === 5 ? row.filter((_, c) => c !== 3) : row)),
    merges: ["A2:A3"],
  });
  const WITH_TARGET_COLUMN = ["一级指标", "二级指标", "三级指标", "年度指标值", "分值", "评分标准"];
  const form = projectSheet("高标准农田建设", 2500, 2500);

  test("is left out for a scoring reference beside the form, with nothing filled in", () => {
    for (const header of [WITH_TARGET_COLUMN, ["一级指标", "二级指标", "三级指标", "分值", "评分标准"]]) {
      const { rows } = review("农业农村局.xlsx", workbook(form, scoringReference(header)));
      expect(rows.map((r) => [r.sheet, r.kind])).toEqual([["高标准农田建设", "evaluation"]]);
    }
  });

  test("stays for a 绩效目标表 with its targets filled in", () => {
    const { rows } = review("农业农村局.xlsx", workbook(form, scoringReference(WITH_TARGET_COLUMN, true)));
    expect(rows.map((r) => [r.sheet, r.kind])).toEqual([
      ["高标准农田建设", "evaluation"],
      ["评分标准", "targets"],
    ]);
  });

  test("stays for a blank form that is all the workbook holds, so that it is seen", () => {
    const { rows } = review("农业农村局.xlsx", workbook(scoringReference(WITH_TARGET_COLUMN)));
    expect(rows.map((r) => [r.sheet, r.kind, r.unit])).toEqual([["评分标准", "targets", "农业农村局"]]);
  });
});

describe("the unit of a workbook whose forms name none", () => {
  /** A form whose header block names no unit (no 单位名称, 实施单位 … line) under `title`. */
  const formTitled = (title: string) => {
    const sheet = projectSheet("部门整体", 800, 760);
    sheet.rows = [[title], ["项目名称", ""], ...sheet.rows.slice(2)];
    return workbook({ ...sheet, merges: ["A1:H1"] });
  };
  const UNNAMED = formTitled("2023年度部门整体支出绩效自评表");
  /** That form under a plain title, for the project `name`. */
  const project = (name: string) => {
    const grid = formTitled("项目支出绩效自评表");
    grid.sheets[0].values[1] = ["项目名称", name];
    return grid;
  };
  /** The units and their files' counts, in the order the units' rows come (单位统计 orders them by need: review round 52c M1). */
  const unitsOf = (files: [string, WorkbookGrid][]) => {
    const tally = new ReviewTally();
    for (const [file, grid] of files) tally.add(review(file, grid));
    const { rows, units } = tally.review();
    return [...new Set(rows.map((r) => r.unit))].map((unit) => [unit, units.find((u) => u.unit === unit)!.files]);
  };

  test("is the unit's folder when units hand in one folder each and the files keep the form's name", () => {
    expect(
      unitsOf([
        ["县教育局/部门整体支出绩效自评表.xlsx", UNNAMED],
        ["县卫健局/部门整体支出绩效自评表.xlsx", UNNAMED],
        ["乡镇\\某镇人民政府\\2023年度部门整体支出绩效自评表(1).xlsx", UNNAMED],
        ["县档案馆/附件2-项目支出绩效自评表.xlsx", UNNAMED],
        // Folders of a year or of papers under the unit's are passed over (review round 13).
        ["县水利局/2023年/附件/部门整体支出绩效自评表.xlsx", UNNAMED],
        ["县民政局/附件3-1 项目支出绩效自评表（城乡低保）.xlsx", UNNAMED],
      ]),
    ).toEqual([
      ["县教育局", 1],
      ["县卫健局", 1],
      ["某镇人民政府", 1],
      ["县档案馆", 1],
      ["县水利局", 1],
      ["县民政局", 1],
    ]);
  });

  test("is the file's name when that names the unit; a form's name at the top of the reviewed folder names none", () => {
    expect(review("2024年报送/县档案馆.xlsx", UNNAMED).rows.map((r) => r.unit)).toEqual(["县档案馆"]);
    // A form's name is no unit's (review round 58c F7: it was a unit 部门整体支出绩效自评表).
    expect(review("部门整体支出绩效自评表.xlsx", UNNAMED).rows.map((r) => r.unit)).toEqual([NO_UNIT]);
    // A file named by its unit and the form: the unit, so that its two forms count as one unit.
    expect(
      unitsOf([
        ["2024年报送/县教育局2023年度部门整体支出绩效自评表.xlsx", UNNAMED],
        ["2024年报送/县教育局2023年度项目支出绩效自评表.xlsx", UNNAMED],
      ]),
    ).toEqual([["县教育局", 2]]);
  });

  test("is the file's name before the project the file holds: 县残联（康复救助） for 残疾人康复救助 (review round 15, A8)", () => {
    expect(
      unitsOf([
        ["县残联（康复救助）.xlsx", project("残疾人康复救助")],
        ["县残联（两项补贴）.xlsx", project("残疾人两项补贴")],
        ["县残联 就业培训.xlsx", project("残疾人就业培训")],
        ["县残联-辅具适配 .xlsx", project("辅具适配")],
      ]),
    ).toEqual([["县残联", 4]]);
    // Words in brackets that are not the form's project stay part of the name: 县教育局（本级） is a unit of its own.
    expect(review("县教育局（本级）.xlsx", project("校舍维修改造")).rows.map((r) => r.unit)).toEqual(["县教育局（本级）"]);
  });

  test("is the file's name without a copy's or a version's marks, or the form's name after the unit (review round 23a)", () => {
    const names = [
      "(1)县教育局",
      "县教育局(1)",
      "县教育局 (2)",
      "县教育局 - 副本",
      "复件 县教育局",
      "县教育局-修改后",
      "县教育局（定稿）",
      "县教育局（盖章版）",
      "县教育局最终版",
      "县教育局 自评表",
      "县教育局项目支出绩效自评表",
      "县教育局_2023年自评",
      "县教育局2023",
      "【县教育局】项目自评",
      "学生资助（县教育局）",
      "县教育局（学生资助）(1)",
      "县教育局-学生资助-修改稿",
    ];
    expect(unitsOf(names.map((name) => [`${name}.xlsx`, project("学生资助")]))).toEqual([["县教育局", names.length]]);
    // A project's site in brackets is no unit (review round 24b), nor a name no unit's ends as: the
    // file names none (review round 58c: it was a unit of its own, the file's name).
    expect(unitsOf([["人居环境整治（美丽乡村）.xlsx", project("人居环境整治")], ["文化广场建设（人民广场）.xlsx", project("文化广场建设")]])).toEqual([[NO_UNIT, 2]]);
    expect(unitsOf([["County Water Bureau.xlsx", project("农村饮水")]])).toEqual([[NO_UNIT, 1]]);
    // Words that are no copy's mark stay: 县教育局（本级） is a unit of its own.
    expect(unitsOf([["县教育局（本级）.xlsx", project("学生资助")]])).toEqual([["县教育局（本级）", 1]]);
  });

  // Review round 52c L5: 开平区 绩效目标表.xlsx kept the form's words, 开平区 reading as no unit's name.
  test("is a place's name before the form's words: 开平区 of 开平区 绩效目标表.xlsx", () => {
    expect(unitsOf([["目标表/开平区 绩效目标表.xlsx", project("乡村振兴")]])).toEqual([["开平区", 1]]);
    expect(unitsOf([["清河县自评表.xlsx", project("乡村振兴")]])).toEqual([["清河县", 1]]);
    // Not a place's name alone: no unit.
    expect(unitsOf([["人居环境整治 自评表.xlsx", project("农村人居环境整治")]])).toEqual([[NO_UNIT, 1]]);
  });

  test("is the unit 主管部门及代码 names, without its code, as the national form asks for both (review round 23a)", () => {
    const coded = (value: string) => {
      const grid = project("审计整改");
      grid.sheets[0].values.splice(2, 0, ["主管部门及代码", value]);
      return grid;
    };
    expect(["县审计局 123001", "县审计局（123001）", "[123001]县审计局"].map((value) => review("文件名.xlsx", coded(value)).rows[0].unit)).toEqual([
      "县审计局",
      "县审计局",
      "县审计局",
    ]);
    // A name that starts with a number keeps it; a telephone number after a name goes (review round 24b).
    expect(["120急救中心", "101中学", "909地质大队", "县人民医院 0731-1234567"].map((value) => review("文件名.xlsx", coded(value)).rows[0].unit)).toEqual([
      "120急救中心",
      "101中学",
      "909地质大队",
      "县人民医院",
    ]);
  });

  test("is one unit for a township's folder and the government its forms name: 城关镇 and 城关镇人民政府 (review round 23a)", () => {
    const governmentForm = formTitled("项目支出绩效自评表");
    governmentForm.sheets[0].values[1] = ["填报单位：城关镇人民政府"];
    const tally = new ReviewTally();
    tally.add(review("城关镇/部门整体支出绩效自评表.xlsx", UNNAMED));
    tally.add(review("城关镇/垃圾清运.xlsx", governmentForm));
    tally.add(review("城关镇中心学校/部门整体支出绩效自评表.xlsx", UNNAMED));
    const whole = tally.review();
    expect(whole.units.map((u) => [u.unit, u.files, u.tables])).toEqual([
      ["城关镇人民政府", 2, 2],
      ["城关镇中心学校", 1, 1],
    ]);
    expect(whole.rows.map((r) => r.unit)).toEqual(["城关镇人民政府", "城关镇人民政府", "城关镇中心学校"]);
  });

  test("is one unit written two ways: with the county or without, with punctuation after it, or its own body (本级) (review round 33)", () => {
    const named = (unit: string) => {
      const form = formTitled("项目支出绩效自评表");
      form.sheets[0].values[1] = [`填报单位：${unit}`];
      return form;
    };
    const tally = new ReviewTally();
    for (const [file, unit] of [
      ["教育局/部门整体.xlsx", "清河县教育局"],
      ["教育局/学生资助.xlsx", "县教育局"],
      ["教育局/营养改善.xlsx", "清河县教育局（本级）"],
      ["县林业局.xlsx", "县林业局;"],
      ["开发区财政局.xlsx", "开发区财政局"],
      ["区财政局.xlsx", "区财政局"],
    ]) {
      tally.add(review(file, named(unit)));
    }
    // As clean as each other: by name (单位统计's order, review round 52c M1).
    expect(tally.review().units.map((u) => [u.unit, u.files])).toEqual([
      ["开发区财政局", 1],
      ["清河县教育局", 3],
      ["区财政局", 1],
      ["县林业局", 1],
    ]);
  });

  test("an evaluation's year is the one its form states, and one of another year than most is named (review round 23a)", () => {
    const yearForm = (year: number) => formTitled(`${year}年度部门整体支出绩效自评表`);
    const tally = new ReviewTally();
    tally.add(review("县民政局-2023年.xlsx", yearForm(2023)));
    tally.add(review("县教育局.xlsx", yearForm(2023)));
    tally.add(review("县民政局-2022年.xlsx", yearForm(2022)));
    tally.add(review("县档案馆.xlsx", formTitled("部门整体支出绩效自评表")));
    const whole = tally.review();
    // Each unit's rows together (县民政局's two files), the units in the order of their first file.
    expect(whole.rows.map((r) => [r.unit, r.year])).toEqual([
      ["县民政局", 2023],
      ["县民政局", 2022],
      ["县教育局", 2023],
      ["县档案馆", null],
    ]);
    // Its two years' 部门整体 forms are no two versions of one evaluation: no same-project note.
    expect(whole.notes).toEqual([{ file: "县民政局-2022年.xlsx", kind: "other-year", detail: "2022", message: "自评年度为 2022，与其他多数文件的年度不同" }]);
    // Two of one year are.
    const versions = new ReviewTally();
    versions.add(review("县民政局.xlsx", yearForm(2023)));
    versions.add(review("县民政局-修改后.xlsx", yearForm(2023)));
    expect(versions.review().notes.map((n) => [n.file, n.kind, n.detail])).toEqual([["县民政局-修改后.xlsx", "same-project", "县民政局.xlsx"]]);
  });

  test("a 目标表's year is the one its title states, and names no other year: next year's targets come with this year's forms (review round 33d, L4)", () => {
    const targets = {
      name: "2024年绩效目标",
      rows: [
        ["项目支出绩效目标表（2024年度）"],
        ["项目名称", "", "公共文化服务"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "送戏下乡场次", "≥60场"],
        ["效益指标", "社会效益指标", "受益群众人次", "≥3万人次"],
      ],
    };
    const grid = formTitled("2023年度部门整体支出绩效自评表");
    grid.sheets.push(sheet(targets));
    const tally = new ReviewTally();
    tally.add(review("县文化和旅游局.xlsx", grid));
    const whole = tally.review();
    expect(whole.rows.map((r) => [r.kind, r.year])).toEqual([
      ["evaluation", 2023],
      ["targets", 2024],
    ]);
    expect(whole.notes).toEqual([]);
  });

  test("files are reviewed by path, each one's copies and versions right after it (review round 24b, A8)", () => {
    const files = ["县直/县林业局 - 副本.xlsx", "县直/县林业局(1).xlsx", "县直/县林业局.xlsx", "县直/县林业局-修改后.xlsx", "县直/县档案馆.xlsx", "县农业局.xlsx", "乡镇/城关镇.xlsx"];
    expect([...files].sort(reviewFileOrder)).toEqual([
      "乡镇/城关镇.xlsx",
      "县农业局.xlsx",
      "县直/县林业局.xlsx",
      "县直/县林业局 - 副本.xlsx",
      "县直/县林业局(1).xlsx",
      "县直/县林业局-修改后.xlsx",
      "县直/县档案馆.xlsx",
    ]);
    // Fewest marks first, in the file's name and its folders' (review round 27).
    expect(["县直/县林业局（定稿） - 副本.xlsx", "县直/县林业局（定稿）.xlsx", "城关镇 - 副本/垃圾清运.xlsx", "城关镇/垃圾清运.xlsx", "城关镇/路灯.xlsx"].sort(reviewFileOrder)).toEqual([
      "县直/县林业局（定稿）.xlsx",
      "县直/县林业局（定稿） - 副本.xlsx",
      "城关镇/垃圾清运.xlsx",
      "城关镇 - 副本/垃圾清运.xlsx",
      "城关镇/路灯.xlsx",
    ]);
  });

  test("identical files in one folder are two units' only where their names give two units, neither within the other (review round 49b, P2)", () => {
    const counted = (a: string, b: string) => {
      const tally = new ReviewTally();
      tally.addReviewed(review(a, project("职工帮扶")), "same");
      tally.addReviewed(review(b, project("职工帮扶")), "same");
      return tally.review().units.map((u) => u.unit);
    };
    expect(counted("县妇联.xlsx", "县总工会.xlsx")).toEqual(["县妇联", "县总工会"]);
    expect(counted("县教育局.xlsx", "教育局.xlsx")).toEqual(["县教育局"]);
    expect(counted("县教育局.xlsx", "XJY-county-education.xlsx")).toEqual(["县教育局"]);
  });

  test("identical files come together where the first came, the one with the fewest copy marks first (review round 49b, P3)", () => {
    const digests: Record<string, string> = { "下载/县残联（盖章版）(1).xlsx": "a", "县农业局.xlsx": "b", "县残联（盖章版）.xlsx": "a", "县档案馆.xlsx": "c" };
    const files = ["下载/县残联（盖章版）(1).xlsx", "县农业局.xlsx", "县档案馆.xlsx", "县残联（盖章版）.xlsx", "无法读取.xlsx"];
    expect(contentOrder(files, (file) => file, (file) => digests[file])).toEqual([
      "县残联（盖章版）.xlsx",
      "下载/县残联（盖章版）(1).xlsx",
      "县农业局.xlsx",
      "县档案馆.xlsx",
      "无法读取.xlsx",
    ]);
  });

  test("is the unit's name after a number (附件3-县人民医院.xlsx, 01 县疾控中心.xlsx), never the number (review rounds 16 and 17)", () => {
    expect(
      unitsOf([
        ["附件3-县人民医院.xlsx", project("县人民医院医疗设备购置")],
        ["附件3-县中医院.xlsx", project("县中医院能力提升")],
        ["01 县妇幼保健院.xlsx", project("县妇幼保健院两癌筛查")],
        ["01 县疾控中心.xlsx", project("冷链建设")],
      ]),
    ).toEqual([
      ["县人民医院", 1],
      ["县中医院", 1],
      ["县妇幼保健院", 1],
      ["县疾控中心", 1],
    ]);
    // After a number, words that are no unit's name name none (附件1, 3-高标准农田建设).
    expect(review("附件3-高标准农田建设.xlsx", project("高标准农田建设")).rows.map((r) => r.unit)).toEqual([NO_UNIT]);
  });

  test("reads the party's and the people's organisations, courts, 机关 and 管理段 as units, however the file names them (review round 49b)", () => {
    const units = ["县委宣传部", "县总工会", "县妇联", "县工商联", "县供销合作社", "县红十字会", "县人民法院", "县人民检察院", "县中心幼儿园", "东城街道办事处", "县国有林场", "县老年大学", "中共县委党校", "县纪委监委机关", "县公路管理段"];
    const named = (unit: string) => [
      `营养改善计划自评表-${unit}.xlsx`,
      `附件3-${unit}.xlsx`,
      `01 ${unit}.xlsx`,
      `${unit}_2023年自评.xlsx`,
      `${unit}2023年度项目支出绩效自评表（定稿）.xlsx`,
      `${unit}（盖章版）.xlsx`,
    ];
    for (const unit of units) {
      expect(unitsOf(named(unit).map((file): [string, WorkbookGrid] => [file, project("营养改善计划")]))).toEqual([[unit, 6]]);
    }
    // A club, a part of town, people or the staff are no unit (code review of round 49b): none.
    for (const file of ["文体活动-县老干部俱乐部", "道路改造-城区东部", "乡村振兴（东部）", "食堂改造（机关）"]) {
      expect(review(`${file}.xlsx`, project(file.split(/[-（]/)[0])).rows.map((r) => r.unit)).toEqual([NO_UNIT]);
    }
    expect(unitInTitle("2023年度老干部专项经费绩效自评表")).toBeNull();
    expect(unitInTitle("2023年度城区东部项目支出绩效自评表")).toBeNull();
  });

  test("is the unit's name after the form's or the project's and a dash, underscore or space (防灾减灾项目自评表-县应急管理局.xlsx, review round 46)", () => {
    expect(
      unitsOf([
        ["防灾减灾项目自评表-县应急管理局.xlsx", UNNAMED],
        ["农村公路养护_县交通运输局.xlsx", project("农村公路养护")],
        ["防汛抗旱—县水利局（定稿）.xlsx", project("防汛抗旱")],
        ["附件2-学生资助 县教育局.xlsx", project("学生资助")],
        ["医疗设备购置-县人民医院.xlsx", project("县人民医院医疗设备购置")],
        // A school, and a year after the unit (review round 47).
        ["校舍维修自评表-县第一中学.xlsx", project("校舍维修")],
        ["公共法律服务自评表_县司法局_2023.xlsx", project("公共法律服务")],
      ]),
    ).toEqual([
      ["县应急管理局", 1],
      ["县交通运输局", 1],
      ["县水利局", 1],
      ["县教育局", 1],
      ["县人民医院", 1],
      ["县第一中学", 1],
      ["县司法局", 1],
    ]);
    // Not after a unit's name, nor a site's name last: no unit.
    expect(
      unitsOf([
        ["县卫健局-县疾控中心.xlsx", project("疾病防控")],
        ["人居环境整治-美丽乡村.xlsx", project("人居环境整治")],
        // A facility the project builds, named with no place first (review of round 46's mends).
        ["乡村旅游-游客服务中心.xlsx", project("乡村旅游")],
        ["污水治理_城东污水处理站.xlsx", project("污水治理")],
      ]),
    ).toEqual([[NO_UNIT, 4]]);
  });

  test("is the unit the form's title names before its year, after the unit's folder and before the file's name", () => {
    const titled = formTitled("某区卫生健康局2023年度部门整体支出绩效自评评分表");
    expect(review("d3.xlsx", titled).rows.map((r) => r.unit)).toEqual(["某区卫生健康局"]);
    // The unit's folder first: a title's words before its year may name a project's site (review round 13).
    expect(review("县卫健局/部门整体支出绩效自评表.xlsx", titled).rows.map((r) => r.unit)).toEqual(["县卫健局"]);
    expect(review("县卫健局/部门整体支出绩效自评表.xlsx", formTitled("城东农贸市场2023年度项目支出绩效自评表")).rows.map((r) => r.unit)).toEqual(["县卫健局"]);
    // A unit the form names in its header block comes first.
    const named = formTitled("某区卫生健康局2023年度部门整体支出绩效自评评分表");
    named.sheets[0].values[1] = ["填报单位：某区疾病预防控制中心"];
    expect(review("d3.xlsx", named).rows.map((r) => r.unit)).toEqual(["某区疾病预防控制中心"]);
  });

  // Review round 58c: a readable form's unit from its path and an unreadable file's were read by two
  // rules; numbered, copied and year-named folders were passed over, 系统's and piles' folders taken.
  test.each([
    // A number or a list's mark before the unit's name (F1, F4).
    ["01-县教育局/项目支出绩效自评表.xlsx", "县教育局"],
    ["03-县农业农村局/部门整体支出绩效自评表.xlsx", "县农业农村局"],
    ["乡镇/01 城关镇/部门整体支出绩效自评表.xlsx", "城关镇"],
    ["一、县科技局/项目支出绩效自评表.xlsx", "县科技局"],
    ["（二）县科技局/项目支出绩效自评表.xlsx", "县科技局"],
    ["1.县科技局/项目支出绩效自评表.xlsx", "县科技局"],
    // A copy's or a version's marks (F1, F4).
    ["县林业局(1)/项目支出绩效自评表.xlsx", "县林业局"],
    ["县卫健局（盖章版）/项目支出绩效自评表.xlsx", "县卫健局"],
    ["县民政局 - 副本/项目支出绩效自评表.xlsx", "县民政局"],
    ["县民政局终稿/项目支出绩效自评表.xlsx", "县民政局"],
    // A year and a bundle's words after it (F1).
    ["县医保局-2023/项目支出绩效自评表.xlsx", "县医保局"],
    ["县农业农村局2023年自评材料/项目支出绩效自评表.xlsx", "县农业农村局"],
    ["县教育局自评材料/项目支出绩效自评表.xlsx", "县教育局"],
    // An attachment's number, a form's or a project's name is no unit: the folder's (F6).
    ["县民政局/附件3.xlsx", "县民政局"],
    ["01-县教育局/附件3.xlsx", "县教育局"],
    ["县民政局/自评表.xlsx", "县民政局"],
    ["县教育局/校舍维修改造.xlsx", "县教育局"],
    // The file's name where it names a unit.
    ["01-县教育局/县卫健局2023年项目支出绩效自评表(1).xlsx", "县卫健局"],
    ["待审/自评表-县卫健局-终稿.xlsx", "县卫健局"],
    // Past a 系统's folder, a pile's and a year's to the unit's, never to them (F2).
    ["2023年自评/县卫健局/新建文件夹/项目支出绩效自评表.xlsx", "县卫健局"],
    ["乡镇/部门整体支出绩效自评表.xlsx", null],
    ["教育/部门整体支出绩效自评表.xlsx", null],
    ["待审/部门整体支出绩效自评表.xlsx", null],
    ["待审/附件2.xlsx", null],
    ["新建文件夹/项目支出绩效自评表.xlsx", null],
    ["2023年自评/项目支出绩效自评表.xlsx", null],
  ])("a form naming no unit at %s: its path gives %s, read or not", (file, unit) => {
    expect(review(file, UNNAMED).rows.map((r) => r.unit)).toEqual([unit ?? NO_UNIT]);
    expect(pathUnit(file)).toBe(unit);
  });

  test.each([
    // A school's short name (code review 58b, M2).
    ["县一中/项目支出绩效自评表.xlsx", "县一中"],
    ["县教育局/县二中/附件3.xlsx", "县二中"],
    ["城关一小/附件3.xlsx", "城关一小"],
    // A step's or a count's mark after the unit's name (M2).
    ["县发改局-已盖章/附件3.xlsx", "县发改局"],
    ["县发改局（已审核）/附件3.xlsx", "县发改局"],
    ["县发改局（修改）/附件3.xlsx", "县发改局"],
    ["县发改局（2份）/附件3.xlsx", "县发改局"],
    // What was handed in, or the kind of forms a folder holds (M2); in a file's name a project's site stays.
    ["县发改局上报/附件3.xlsx", "县发改局"],
    ["县发改局-报送/附件3.xlsx", "县发改局"],
    ["县发改局项目/附件3.xlsx", "县发改局"],
    ["县发改局部门整体/附件3.xlsx", "县发改局"],
    ["县文旅局/县博物馆项目.xlsx", "县文旅局"],
    // A person's name after a space (M2); a unit's after a dash is no one unit's (县卫健局-县疾控中心).
    ["县发改局 张三/附件3.xlsx", "县发改局"],
    ["县卫健局-县疾控中心.xlsx", null],
    // A kind of units, also in a phrase, and a bare kind after a place word alone (M3): the unit above.
    ["县卫健局/各乡镇卫生院/附件3.xlsx", "县卫健局"],
    ["县卫健局/乡镇卫生院.xlsx", "县卫健局"],
    ["县民政局/敬老院/附件3.xlsx", "县民政局"],
    ["县中心/附件3.xlsx", null],
    ["县局/附件3.xlsx", null],
    // Units named so (M3).
    ["县卫健局/县人民医院/附件3.xlsx", "县人民医院"],
    ["县教育局/县第一中学/附件3.xlsx", "县第一中学"],
    ["县教育局/城关镇中心小学/附件3.xlsx", "城关镇中心小学"],
    ["县教育局/县实验小学/附件3.xlsx", "县实验小学"],
    ["城关街道办事处/附件3.xlsx", "城关街道办事处"],
    ["县卫健局/石门乡卫生院/附件3.xlsx", "石门乡卫生院"],
    ["县卫健局/县医院/附件3.xlsx", "县医院"],
    ["县委/附件3.xlsx", "县委"],
    // A unit's short name after its department's, in its own folder: the folder's (code review 58c, M2).
    ["县疾控中心/县卫健局-县疾控.xlsx", "县疾控中心"],
    ["县城投公司/县国资委-县城投.xlsx", null],
    // Words ending as a school's short name do, without a place before the number (58c, L1).
    ["整治三小.xlsx", null],
    ["县交通局/农村六小.xlsx", "县交通局"],
  ])("a form naming no unit at %s: its path gives %s (code review 58b)", (file, unit) => {
    expect(review(file, UNNAMED).rows.map((r) => r.unit)).toEqual([unit ?? NO_UNIT]);
    expect(pathUnit(file)).toBe(unit);
  });

  test("a folder's files, read or not, are one unit's line on 单位统计 (review round 58c F4)", () => {
    const tally = new ReviewTally();
    tally.add(review("县卫健局（盖章版）/项目支出绩效自评表.xlsx", project("公共卫生服务")));
    tally.fail("县卫健局（盖章版）/部门整体支出绩效自评表.xlsx", "文件已损坏");
    tally.add(review("一、县科技局/项目支出绩效自评表.xlsx", project("科技创新")));
    tally.fail("一、县科技局/附件1.xlsx", "文件已损坏");
    expect(tally.review().units.map((u) => [u.unit, u.files, u.failures])).toEqual([
      ["县科技局", 2, 1],
      ["县卫健局", 2, 1],
    ]);
  });

  test("forms that nothing names are on one line of their own, no unit's: not the file's name, not counted among the units (review round 58c F7)", () => {
    const tally = new ReviewTally();
    tally.add(review("新建文件夹/项目支出绩效自评表.xlsx", project("农村饮水")));
    tally.add(review("待审/项目支出绩效自评表.xlsx", project("农村饮水")));
    tally.add(review("01-县教育局/项目支出绩效自评表.xlsx", project("学生资助")));
    const whole = tally.review();
    expect(whole.units.map((u) => [u.unit, u.files])).toEqual([
      [NO_UNIT, 2],
      ["县教育局", 1],
    ]);
    // Two forms of one project that name no unit may be two units': no same-project note.
    expect(whole.notes).toEqual([]);
    expect(reviewCounts(whole, "zh")).toMatch(/^3 个文件，1 个单位，3 张表/);
    expect([unitShown(NO_UNIT, "zh"), unitShown(NO_UNIT, "en"), unitShown("县教育局", "en")]).toEqual(["（未注明单位）", "(no unit named)", "县教育局"]);
  });

  test("a copy in a pile, whose path names no unit, of a unit's file is that file again, noted and counted once (review round 58c)", () => {
    const supervised = project("课后服务");
    supervised.sheets[0].values.splice(2, 0, ["主管部门", "县教育局", null, null, "实施单位", null]);
    const digests: Record<string, string> = { "2023年自评/项目支出绩效自评表.xlsx": "a", "教育/县实验小学/项目支出绩效自评表.xlsx": "a" };
    const files = contentOrder(Object.keys(digests).sort(reviewFileOrder), (file) => file, (file) => digests[file]);
    // The unit's own file first, wherever the pile sorts.
    expect(files).toEqual(["教育/县实验小学/项目支出绩效自评表.xlsx", "2023年自评/项目支出绩效自评表.xlsx"]);
    for (const grid of [UNNAMED, supervised]) {
      const tally = new ReviewTally();
      for (const file of files) tally.addReviewed(review(file, grid), digests[file]);
      const whole = tally.review();
      // Not 县教育局's (by the 主管部门) or no unit's beside it, with a word that it is another unit's.
      expect(whole.units.map((u) => [u.unit, u.files])).toEqual([["县实验小学", 1]]);
      expect(whole.notes.map((n) => [n.file, n.kind])).toEqual([["2023年自评/项目支出绩效自评表.xlsx", "duplicate"]]);
    }
  });

  test("a unit's file named by its project, 县残联（康复救助）.xlsx, is its unit's before its forms are read, so counted before a pile's copy (code review 58b, L2)", () => {
    const digests: Record<string, string> = { "2023年自评/附件3.xlsx": "a", "县残联（康复救助）.xlsx": "a" };
    const files = contentOrder(Object.keys(digests).sort(reviewFileOrder), (file) => file, (file) => digests[file]);
    expect(files).toEqual(["县残联（康复救助）.xlsx", "2023年自评/附件3.xlsx"]);
    const tally = new ReviewTally();
    for (const file of files) tally.addReviewed(review(file, project("残疾人康复救助")), digests[file]);
    const whole = tally.review();
    expect(whole.units.map((u) => [u.unit, u.files])).toEqual([["县残联", 1]]);
    expect(whole.notes.map((n) => [n.file, n.kind])).toEqual([["2023年自评/附件3.xlsx", "duplicate"]]);
    // Not read, the same: an agency's name and words naming no unit after it; its own body stays (本级).
    expect(["县残联（康复救助）.xlsx", "县残联-辅具适配.xlsx", "县教育局（本级）.xlsx"].map((file) => pathUnit(file))).toEqual(["县残联", "县残联", "县教育局（本级）"]);
  });

  test("identical files in a unit's numbered folder and its stamped one are one unit's, counted once (review round 58c F8)", () => {
    const tally = new ReviewTally();
    tally.addReviewed(review("02-县卫健局/项目支出绩效自评表.xlsx", project("公共卫生服务")), "same");
    tally.addReviewed(review("县卫健局（盖章版）/项目支出绩效自评表.xlsx", project("公共卫生服务")), "same");
    const whole = tally.review();
    expect(whole.units.map((u) => [u.unit, u.files])).toEqual([["县卫健局", 1]]);
    expect(whole.notes.map((n) => [n.file, n.kind])).toEqual([["县卫健局（盖章版）/项目支出绩效自评表.xlsx", "duplicate"]]);
  });

  test.each([
    ["某区卫生健康局2023年度部门整体支出绩效自评评分表", "某区卫生健康局"],
    ["县教育局 2023 年度项目支出绩效自评表", "县教育局"],
    ["某县人民政府办公室二〇二三年部门整体支出绩效自评表", "某县人民政府办公室"],
    ["某镇中心学校年度绩效自评表", "某镇中心学校"],
    // Year first: the agency right before the form's words, not a project's site, nor a form's words alone.
    ["2023年度某区卫生健康局部门整体支出绩效自评表", "某区卫生健康局"],
    ["2023年度县农业农村局农机化中心项目支出绩效自评表", "县农业农村局农机化中心"],
    ["二〇二三年度县残联项目支出绩效自评表", "县残联"],
    ["2023年度城东农贸市场项目支出绩效自评表", null],
    ["2023年度部门整体支出绩效自评表", null],
    ["2023年度高标准农田建设项目绩效自评表", null],
    // A county, not a unit; a note in brackets, a number: not read.
    ["某县2023年度项目支出绩效自评表", null],
    ["某区卫生健康局（本级）2023年度部门整体支出绩效自评表", null],
    ["附件2某局2023年度绩效自评表", null],
    ["部门整体支出绩效自评表", null],
  ])("a title %s names the unit %s", (title, unit) => {
    expect(unitInTitle(title)).toBe(unit);
  });
});


describe("the review's grade counts", () => {
  /** A project's form with its 评价等次 row written as `grade`. */
  const graded = (grade: string) => {
    const form = projectSheet("高标准农田建设", 2500, 2500);
    return workbook({ ...form, rows: [...form.rows, ["评价等次", grade]] });
  };

  test("count a recorded 等次 by the grade it names, however the template prints it; a list with nothing ticked records none", () => {
    const tally = new ReviewTally();
    for (const [file, grade] of [["甲.xlsx", "优☑ 良□ 中□ 差□"], ["乙.xlsx", "优秀"], ["丙.xlsx", "优□ 良□ 中□ 差□"]]) tally.add(review(file, graded(grade)));
    const { grades } = tally.review();
    expect(grades.map((g) => [g.grade, g.computed, g.recorded])).toEqual([
      ["优", 3, 2],
      ["良", 0, 0],
      ["中", 0, 0],
      ["差", 0, 0],
      ["（无）", 0, 1],
    ]);
  });
});
