/**
 * Layouts: the same engine over workbooks laid out the way provinces and hands lay them out —
 * tables away from A1, titles and unit blocks above, several tables on a sheet or one per sheet,
 * the wordings of domain.md §1, two-row headers, merged and blank "same as above" labels, separate
 * 指标性质 / 计量单位 columns, project lists, target-setting tables, and unrelated blocks (signatures,
 * contacts, plans, stray numbers) that must never draw a finding.
 */
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid, parseCellAddress, parseRangeAddress } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { BUDGET_HEADER, INDICATOR_HEADER, ROAD_INDICATORS, withFormulas, workbook } from "../support/grid";
import { found, message } from "../support/findings";

type Row = CellValue[];

const run = (wb: WorkbookGrid): Analysis => analyze(wb, DEFAULT_PROFILE);
const tables = (a: Analysis): string[] => a.tables.map((t) => `${t.kind}@${t.sheet}!${t.range}`);
const writes = (a: Analysis): string[] => a.writes.map((w) => `${w.sheet}!${w.cell}=${w.value}|${w.numFmt}`);

/** Findings whose cell lies outside every table the engine detected on that sheet. */
function outsideTables(a: Analysis): string[] {
  return a.findings
    .filter((f) => {
      const { row, col } = parseCellAddress(f.cell)!;
      return !a.tables.some((t) => {
        const r = parseRangeAddress(t.range)!;
        return t.sheet === f.sheet && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
      });
    })
    .map((f) => `${f.rule}@${f.sheet}!${f.cell}`);
}

describe("the national 项目支出绩效自评表 placed at C5, with a title, unit block and signatures", () => {
  // Rows start at sheet row 5, column C: header of the budget block at row 8, indicators at row 15.
  const wb = workbook({
    name: "项目自评表",
    at: "C5",
    rows: [
      ["2023年度项目支出绩效自评表"],
      ["项目名称", "农村饮水安全巩固提升工程", "", "", "", "", "单位：万元"],
      ["主管部门", "某县水利局", "", "", "实施单位", "某县农村供水管理站"],
      ["项目资金（万元）", "", "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
      ["", "年度资金总额", 300, 320, 288, 10, null, null],
      ["", "其中：当年财政拨款", 300, 300, 270, "—", null, "—"],
      ["", "上年结转资金", 0, 20, 18, "—", null, "—"],
      ["", "其他资金", 0, 0, 0, "—", "—", "—"],
      ["年度总体目标", "预期目标", "", "", "", "实际完成情况"],
      ["", "完成120处集中供水工程，巩固提升3万农村人口饮水安全。", "", "", "", "全部完工并通水，受益3.2万人。"],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["", "产出指标（50分）", "数量指标", "新建集中供水工程", "≥120处", "120处", 15, 15, ""],
      ["", "", "", "受益人口", "≥3万人", "3.2万人", 10, 10, ""],
      ["", "", "质量指标", "水质达标率", "≥95%", 0.97, 10, 10, ""],
      ["", "", "时效指标", "工程完工及时率", "=100%", "100%", 5, 5, ""],
      ["", "", "成本指标", "工程建设成本", "≤320万元", "288万元", 10, 10, ""],
      ["", "效益指标（30分）", "社会效益指标", "农村饮水安全保障水平", "明显提升", "明显提升", 15, 14, "部分村管网老化，已列入下年改造计划"],
      ["", "", "可持续影响指标", "工程设计使用年限", "≥15年", "15年", 15, 15, ""],
      ["", "满意度指标（10分）", "服务对象满意度指标", "受益群众满意度", "≥90%", "96%", 10, 10, ""],
      ["总分", "", "", "", "", "", 100, 98, ""],
      ["评价等次", "", "", "", "", "", "", "优", ""],
      [],
      ["填表人：赵六", "", "联系电话：0746-1234567", "", "", "填报日期：2024年2月28日"],
    ],
    merges: ["C5:K5", "C8:C12", "C13:C14", "C15:C23", "D16:D20", "E16:E17", "D21:D22", "D23:D23", "C24:H24", "C25:I25"],
    numFmts: { H18: "0%" },
  });
  const a = run(wb);

  it("finds the budget block and the indicator table where they are, titles and signatures excluded", () => {
    expect(tables(a)).toEqual(["budget@项目自评表!D8:J12", "indicators@项目自评表!D15:K25"]);
  });

  it("reads every budget line with its label, and every indicator with its merged 一级/二级 labels", () => {
    expect(a.budget.map((b) => [b.row, b.label, b.planned, b.spent])).toEqual([
      [9, "年度资金总额", "320", "288"],
      [10, "其中：当年财政拨款", "300", "270"],
      [11, "上年结转资金", "20", "18"],
      [12, "其他资金", "0", "0"],
    ]);
    expect(a.indicators.map((i) => [i.row, i.level1, i.level2, i.name])).toEqual([
      [16, "产出指标", "数量指标", "新建集中供水工程"],
      [17, "产出指标", "数量指标", "受益人口"],
      [18, "产出指标", "质量指标", "水质达标率"],
      [19, "产出指标", "时效指标", "工程完工及时率"],
      [20, "产出指标", "成本指标", "工程建设成本"],
      [21, "效益指标", "社会效益指标", "农村饮水安全保障水平"],
      [22, "效益指标", "可持续影响指标", "工程设计使用年限"],
      [23, "满意度指标", "服务对象满意度指标", "受益群众满意度"],
    ]);
    // 0.97 shown as 97% is read as 97%, 3.2万人 as 32000 人.
    expect(a.indicators[2].actual).toMatchObject({ text: "97%", value: "97", unit: "%" });
    expect(a.indicators[1].actual).toMatchObject({ value: "32000", unit: "人" });
  });

  it("is clean: no findings at all, and in particular none on the title, unit, goal or signature cells", () => {
    expect(found(a)).toEqual([]);
    expect(a.marks).toEqual([]);
  });

  it("fills the blank 执行率 cells and the blank budget 得分, never the '—' cells", () => {
    expect(writes(a)).toEqual([
      "项目自评表!I9=0.9|0.00%",
      "项目自评表!J9=9|0.00",
      "项目自评表!I10=0.9|0.00%",
      "项目自评表!I11=0.9|0.00%",
    ]);
  });

  it("totals the budget score and the indicators, and grades it", () => {
    expect(a.totals).toEqual([{ sheet: "项目自评表", label: "农村饮水安全巩固提升工程", table: "D15:K25", weights: "100", score: "98", recordedScore: "98", grade: "优", recordedGrade: "优", recordedDiffers: false }]);
  });
});

describe("a two-row header: a merged 预算执行情况 group title over 调整后预算数 / 实际支出 / 预算执行率", () => {
  const wb = workbook({
    name: "部门整体",
    rows: [
      ["2023年度部门整体支出绩效自评表"],
      ["部门名称：某区教育局", "", "", "", "", "单位：万元"],
      ["资金类别", "预算执行情况", "", "", "分值", "得分"],
      ["", "调整后预算数", "实际支出", "预算执行率", "", ""],
      ["合计", 500, 450, "90%", 10, 9],
      ["财政资金", 400, 380, "95%", "—", "/"],
      ["其他资金", 100, 70, "75%", "", ""],
    ],
    merges: ["A1:F1", "A3:A4", "B3:D3", "E3:E4", "F3:F4"],
  });
  const a = run(wb);

  it("takes the sub-headers as the columns and reads the lines below both header rows", () => {
    expect(tables(a)).toEqual(["budget@部门整体!A3:F7"]);
    expect(a.budget.map((b) => [b.row, b.label, b.planned, b.spent, b.recordedRate])).toEqual([
      [5, "合计", "500", "450", "0.9"],
      [6, "财政资金", "400", "380", "0.95"],
      [7, "其他资金", "100", "70", "0.75"],
    ]);
    expect(a.budget[0]).toMatchObject({ weight: "10", score: "9", recordedScore: "9" });
  });

  it("checks the lines under a 合计 that heads the table: a wrong rate there is found", () => {
    // 70 / 100 = 70%, not 75%.
    expect(found(a)).toEqual(["rate-mismatch@部门整体!D7"]);
  });

  it("checks that a heading 合计 adds up to the sources below it", () => {
    const broken = workbook({
      name: "部门整体",
      rows: [
        ["资金类别", "预算执行情况", "", "", "分值", "得分"],
        ["", "调整后预算数", "实际支出", "预算执行率", "", ""],
        ["合计", 500, 450, "90%", 10, 9],
        ["财政资金", 400, 380, "95%", "", ""],
        ["其他资金", 90, 70, "77.78%", "", ""],
      ],
      merges: ["A1:A2", "B1:D1", "E1:E2", "F1:F2"],
    });
    expect(found(run(broken))).toEqual(["sum-mismatch@部门整体!B3"]);
  });
});

describe("several tables on one sheet, separated by blank rows", () => {
  // Two projects, each a budget block over its indicator table; each total includes its own budget.
  const project = (name: string, planned: number, spent: number, budgetScore: number, total: number) => [
    [`${name}绩效自评表`],
    BUDGET_HEADER,
    ["年度资金总额", planned, planned, spent, 10, null, budgetScore],
    [],
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "培训人次", "≥200人次", "200人次", 50, 50, ""],
    ["效益指标", "社会效益指标", "就业技能提升", "有效提升", "有效提升", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", 10, 10, ""],
    ["总分", "", "", "", "", 100, total, ""],
    [],
    [],
  ];
  const wb = workbook({
    name: "项目自评",
    rows: [...project("职业技能培训", 100, 100, 10, 100), ...project("创业孵化补助", 80, 40, 5, 95)],
  });
  const a = run(wb);

  it("finds all four tables in order", () => {
    expect(tables(a)).toEqual([
      "budget@项目自评!A2:G3",
      "indicators@项目自评!A5:H9",
      "budget@项目自评!A13:G14",
      "indicators@项目自评!A16:H20",
    ]);
  });

  it("scores each indicator table with the budget block above it, not the first one on the sheet", () => {
    expect(a.totals.map((t) => [t.score, t.recordedScore])).toEqual([
      ["100", "100"],
      ["95", "95"],
    ]);
    expect(found(a)).toEqual([]);
  });

  it("fills each blank 执行率 with its own rate", () => {
    expect(writes(a)).toEqual(["项目自评!F3=1|0.00%", "项目自评!F14=0.5|0.00%"]);
  });
});

describe("one table per sheet, with a cover sheet of text and numbers", () => {
  const wb = workbook(
    {
      name: "封面",
      rows: [
        ["2023年度项目支出绩效自评报告"],
        ["报送单位：", "某市文化和旅游局"],
        ["年度", 2023],
        ["项目个数", 3, "资金总额（万元）", 1234.5],
        ["单位负责人：", "钱七", "联系电话", 13900000000],
      ],
    },
    {
      name: "表1 预算执行",
      at: "B2",
      rows: [
        ["项目名称", "调整预算数", "支出数", "执行率", "权重", "评分"],
        ["文化惠民演出", 60, 54, 0.9, 10, 9],
      ],
      numFmts: { E3: "0.00%" },
    },
    {
      name: "表2 绩效指标",
      rows: [
        ["一级指标", "二级指标", "三级指标", "目标值", "完成值", "权重", "得分", "原因"],
        ["产出指标", "数量指标", "演出场次", "≥40场", "42场", 50, 50, ""],
        ["效益指标", "社会效益指标", "观众人次", "≥2万人次", "2.1万人次", 30, 30, ""],
        ["满意度指标", "满意度指标", "观众满意度", "≥90%", "93%", 10, 10, ""],
        ["总分", "", "", "", "", "", 99, ""],
      ],
    },
  );
  const a = run(wb);

  it("finds one table on each data sheet and none on the cover", () => {
    expect(tables(a)).toEqual(["budget@表1 预算执行!B2:G3", "indicators@表2 绩效指标!A1:H5"]);
    expect(a.budget[0]).toMatchObject({ label: "文化惠民演出", rate: "0.9", recordedRate: "0.9", score: "9" });
  });

  it("totals the indicator sheet with the budget sheet's score: 9 + 90 = 99", () => {
    expect(a.totals).toEqual([{ sheet: "表2 绩效指标", label: "表2 绩效指标!A1:H5", table: "A1:H5", weights: "100", score: "99", recordedScore: "99", grade: "优", recordedGrade: null, recordedDiffers: false }]);
  });

  it("has nothing to say about any of them", () => {
    expect(found(a)).toEqual([]);
  });

  it("does not lend one project sheet's budget to another project's indicator sheet", () => {
    const project = (rate: number, total: number): Row[] => [
      BUDGET_HEADER,
      ["年度资金总额", 100, 100, rate * 100, 10, null, null],
      [],
      INDICATOR_HEADER,
      ["产出指标", "数量指标", "演出场次", "≥40场", "42场", 50, 50, ""],
      ["效益指标", "社会效益指标", "观众人次", "≥2万人次", "2.1万人次", 30, 30, ""],
      ["满意度指标", "满意度指标", "观众满意度", "≥90%", "93%", 10, 10, ""],
      ["总分", "", "", "", "", "", total, ""],
    ];
    const b = run(
      workbook(
        { name: "项目A", rows: project(0.5, 95) },
        { name: "项目B", rows: project(1, 100).slice(3) },
      ),
    );
    // 项目B has no budget block: its total is unknown, not 90 + 项目A's 5; its recorded 100 may hold
    // a budget score kept elsewhere.
    expect(b.totals.map((t) => [t.sheet, t.score, t.recordedScore])).toEqual([
      ["项目A", "95", "95"],
      ["项目B", null, "100"],
    ]);
    expect(found(b)).toEqual(["total-incomplete@项目B!G5"]);
  });
});

describe("the wordings of domain.md §1", () => {
  it("reads 年初目标值(A) / 全年实际值(B) / 权重 / 自评得分 / 未完成原因分析 and the 评价等次 row", () => {
    const wb = workbook({
      name: "自评",
      rows: [
        ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "全年实际值(B)", "权重", "自评得分", "未完成原因分析"],
        ["产出指标", "数量指标", "发放补贴户数", "≥1500户", "1450户", 50, 48.33, "部分农户迁出"],
        ["效益指标", "经济效益指标", "户均增收", "≥2000元", "2100元", 30, 30, ""],
        ["满意度指标", "满意度指标", "农户满意度", "≥95%", "95%", 10, 10, ""],
        ["自评得分", "", "", "", "", "", 88.33, ""],
        ["评价等次", "", "", "", "", "", "良", ""],
      ],
    });
    const a = run(wb);
    expect(tables(a)).toEqual(["indicators@自评!A1:H6"]);
    expect(a.indicators.map((i) => [i.name, i.target.text, i.actual?.text, i.weight, i.score])).toEqual([
      ["发放补贴户数", "≥1500户", "1450户", "50", "48.33"],
      ["户均增收", "≥2000元", "2100元", "30", "30"],
      ["农户满意度", "≥95%", "95%", "10", "10"],
    ]);
    // No budget table: the budget's 10 points count as weight, and without its score there is no total.
    expect(a.totals).toEqual([{ sheet: "自评", label: "自评!A1:H6", table: "A1:H6", weights: "100", score: null, recordedScore: "88.33", grade: null, recordedGrade: "良", recordedDiffers: false }]);
    expect(found(a)).toEqual(["total-incomplete@自评!G5"]);
  });

  it("reads 全年预算数(A) / 全年执行数(B) / 执行率(B/A) with a recorded rate and score", () => {
    const wb = workbook({
      rows: [
        ["资金来源", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)", "分值(10分)", "得分"],
        ["年度资金总额", 250, 200, 0.8, 10, 8],
      ],
      numFmts: { D2: "0.00%" },
    });
    const a = run(wb);
    expect(a.budget).toEqual([
      {
        sheet: "Sheet1",
        row: 2,
        label: "年度资金总额",
        planned: "250",
        spent: "200",
        rate: "0.8",
        recordedRate: "0.8",
        weight: "10",
        score: "8",
        recordedScore: "8",
        recordedGrade: null,
      },
    ]);
    expect(found(a)).toEqual([]);
  });

  it("reads a 指标名称 flat list without 一级/二级 columns", () => {
    const wb = workbook({
      name: "指标",
      at: "B3",
      rows: [
        ["指标名称", "指标值", "实际完成值", "分值", "得分", "偏差原因"],
        ["培训人次", "≥500人次", "450人次", 40, 36, "受场地限制"],
        ["培训合格率", "≥95%", "97%", 30, 30, ""],
        ["学员满意度", "≥90%", "92%", 30, 30, ""],
      ],
    });
    const a = run(wb);
    expect(tables(a)).toEqual(["indicators@指标!B3:G6"]);
    expect(a.indicators.map((i) => [i.row, i.level1, i.name, i.score])).toEqual([
      [4, "", "培训人次", "36"],
      [5, "", "培训合格率", "30"],
      [6, "", "学员满意度", "30"],
    ]);
    // A flat list has no 一级 column: no missing-dimension, and nothing else to flag.
    expect(found(a)).toEqual([]);
  });
});

describe("a two-row indicator header and header texts broken over lines", () => {
  const wb = workbook({
    name: "自评",
    at: "B2",
    rows: [
      ["一级\n指标", "二级\n指标", "三级\n指标", "指标值", "", "分\n值", "得\n分", "偏差原因分析\n及改进措施"],
      ["", "", "", "年度\n指标值", "实际\n完成值", "", "", ""],
      ["产出指标", "数量指标", "培训人次", "≥100人次", "100人次", 50, 50, ""],
      ["效益指标", "社会效益指标", "就业率", "≥60%", "62%", 40, 40, ""],
      ["满意度指标", "满意度指标", "学员满意度", "≥90%", "95%", 10, null, ""],
      ["合计", "", "", "", "", 100, null, ""],
    ],
    merges: ["B2:B3", "C2:C3", "D2:D3", "E2:F2", "G2:G3", "H2:H3", "I2:I3"],
  });
  const a = run(wb);

  it("takes 年度指标值 / 实际完成值 from the second row and reads the rows below both", () => {
    expect(tables(a)).toEqual(["indicators@自评!B2:I7"]);
    expect(a.indicators.map((i) => [i.row, i.name, i.target.text, i.actual?.text])).toEqual([
      [4, "培训人次", "≥100人次", "100人次"],
      [5, "就业率", "≥60%", "62%"],
      [6, "学员满意度", "≥90%", "95%"],
    ]);
  });

  it("does not take the 合计 row's 分值 (100) for a recorded total when its 得分 is blank", () => {
    // No budget block, the indicators carry all 100 points: 50 + 40 + 10 (written into the blank 得分).
    expect(a.totals).toEqual([{ sheet: "自评", label: "自评!B2:I7", table: "B2:I7", weights: "100", score: "100", recordedScore: null, grade: "优", recordedGrade: null, recordedDiffers: false }]);
    expect(found(a)).toEqual([]);
    expect(writes(a)).toEqual(["自评!H6=10|0.00"]);
  });
});

describe("偏差原因分析及改进措施 merged over two columns, with 原因分析 | 改进措施 on a second header row", () => {
  type Reasons = Record<"output" | "effect", [string, string]>;
  /** The national form at B2 with its reason header split in two; `subHeader` is the second header row's I | J. */
  const form = (subHeader: [string, string], reasons: Reasons): WorkbookGrid =>
    workbook({
      name: "自评表",
      at: "B2",
      rows: [
        ["项目支出绩效自评表"],
        ["项目名称：全民健身设施建设项目", "", "", "", "", "实施单位：某市体育局"],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", 300, 300, 297, 10, 0.99, 9.9],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值（分）", "得分（分）", "偏差原因分析及改进措施", null],
        [null, null, null, null, null, null, null, ...subHeader],
        ["产出指标", "数量指标", "新建健身路径", "≥20处", "18处", 50, 45, ...reasons.output],
        ["效益指标", "社会效益指标", "健身设施覆盖行政村比例", "95%", "93%", 30, 29.37, ...reasons.effect],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", 10, 10, "", ""],
        ["合计", "", "", "", "", 100, 94.27, "", ""],
      ],
      merges: ["B2:J2", "B4:B5", "B6:B7", "C6:C7", "D6:D7", "E6:E7", "F6:F7", "G6:G7", "H6:H7", "I6:J6", "B11:F11"],
      numFmts: { H5: "0.00%" },
    });
  const explained: Reasons = { output: ["2处选址调整", ""], effect: ["", "加快剩余行政村建设进度"] };

  it("is one indicator table with a two-row header, scored once", () => {
    const a = run(form(["原因分析", "改进措施"], explained));
    expect(tables(a)).toEqual(["budget@自评表!C4:I5", "indicators@自评表!B6:J11"]);
    expect(a.indicators.map((i) => [i.row, i.name])).toEqual([
      [8, "新建健身路径"],
      [9, "健身设施覆盖行政村比例"],
      [10, "群众满意度"],
    ]);
    expect(a.totals.map((t) => [t.table, t.score, t.recordedScore, t.grade])).toEqual([["B6:J11", "94.27", "94.27", "优"]]);
    expect(found(a)).toEqual([]);
  });

  it("counts a filled 改进措施 as the row's explanation, and asks for one on the 原因分析 cell when both are empty", () => {
    expect(found(run(form(["偏差原因分析", "改进措施"], explained)))).toEqual([]);
    const unexplained = run(form(["偏差原因分析", "改进措施"], { output: ["", ""], effect: ["", ""] }));
    expect(found(unexplained)).toEqual(["missing-reason@自评表!I8", "missing-reason@自评表!I9"]);
  });

  it("keeps a second header row whose words add no column (原因 | 措施) in the header", () => {
    const a = run(form(["原因", "措施"], explained));
    // 措施 names no column of its own: the table ends at the 原因 column.
    expect(tables(a)).toEqual(["budget@自评表!C4:I5", "indicators@自评表!B6:I11"]);
    expect(a.totals.map((t) => [t.score, t.recordedScore])).toEqual([["94.27", "94.27"]]);
  });
});

describe("原因分析 and 改进措施 as two columns of a one-row header", () => {
  it("asks for a reason only when both are empty", () => {
    const a = run(
      workbook({
        name: "自评表",
        rows: [
          ["项目名称", "全民健身设施建设项目"],
          ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析", "改进措施"],
          ["产出指标", "数量指标", "新建健身路径", "≥20处", "18处", 50, 45, "2处选址调整", ""],
          ["效益指标", "社会效益指标", "健身设施覆盖行政村比例", "95%", "93%", 30, 29.37, "", "加快剩余行政村建设进度"],
          ["满意度指标", "服务对象满意度指标", "群众满意度", "≥95%", "90%", 20, 18.95, "", ""],
        ],
      }),
    );
    expect(found(a)).toEqual(["missing-reason@自评表!H5"]);
  });
});

describe("other wordings of 分值 and 得分, in the budget block and the indicator header alike", () => {
  /** The national form with `weight` and `score` as both tables' 分值 and 得分 headers. */
  const form = (weight: string, score: string): WorkbookGrid =>
    workbook({
      name: "自评",
      rows: [
        ["项目名称", "课题研究经费"],
        ["主管部门", "某局", null, null, null, "实施单位", "某中心"],
        ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", weight, "执行率", score],
        [null, "年度资金总额", 100, 100, 90, 10, 0.9, 9],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", weight, score, "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "完成调研报告", "≥5篇", "4篇", 10, 8, "1篇延期"],
        [null, "质量指标", "报告采纳率", "≥80%", "85%", 20, 20, ""],
        [null, "时效指标", "按期完成率", "=100%", "100%", 20, 20, ""],
        ["效益指标", "社会效益指标", "决策参考作用", "明显", "明显", 30, 30, ""],
        ["满意度指标", "服务对象满意度指标", "委托方满意度", "≥90%", "95%", 10, 10, ""],
        ["总分", null, null, null, null, 100, 97, ""],
      ],
      merges: ["A3:A4", "A6:A8", "A11:E11"],
      numFmts: { G4: "0%" },
    });

  it.each([
    ["标准分值", "实际得分"],
    ["指标分值", "自评分"],
    ["权重分", "考核得分"],
    ["指标权重", "得分值"],
  ])("reads %s and %s", (weight, score) => {
    const a = run(form(weight, score));
    expect(a.budget.map((b) => [b.weight, b.recordedScore])).toEqual([["10", "9"]]);
    expect(a.indicators.map((i) => [i.weight, i.recordedScore])).toEqual([
      ["10", "8"],
      ["20", "20"],
      ["20", "20"],
      ["30", "30"],
      ["10", "10"],
    ]);
    expect(a.totals.map((t) => [t.weights, t.score, t.recordedScore, t.grade])).toEqual([["100", "97", "97", "优"]]);
    expect(found(a)).toEqual([]);
  });

  it("says which header row lacks a 分值 column it can read, instead of a silent total —", () => {
    const a = run(form("赋分", "得分"));
    expect(a.totals.map((t) => [t.weights, t.score])).toEqual([[null, null]]);
    expect(found(a)).toEqual(["total-incomplete@自评!A5"]);
    expect(a.findings[0].message).toBe("无法得出总分：第 5 行的表头中没有认得出的分值列（可写作 分值 / 权重 / 标准分值）。补齐或改正后才能计算总分和等次。");
    expect(analyze(form("赋分", "得分"), DEFAULT_PROFILE, { lang: "en" }).findings[0].message).toBe(
      "No total can be computed: the header in row 5 has no weight column jixiao reads (headed 分值 / 权重 / 标准分值). Fill them in or correct them to get a total and a grade.",
    );
  });

  it("says which header row lacks a 得分 column when a row's score cannot be computed without it", () => {
    const a = run(form("分值", "打分"));
    expect(a.totals.map((t) => [t.weights, t.score])).toEqual([["100", null]]);
    expect(found(a)).toEqual(["total-incomplete@自评!G11"]);
    expect(a.findings[0].message).toBe("无法得出总分：第 5 行的表头中没有认得出的得分列（可写作 得分 / 自评得分 / 考核得分）。补齐或改正后才能计算总分和等次。");
  });
});

describe("the 总分 row under an indicator 合计, on a sheet apart from the budget", () => {
  /** 表1 预算执行 (9.5 of 10) and 表2 绩效指标 (90 of 90), ending in `closing` rows from row 11. */
  const form = (closing: Row[], merges: string[]): WorkbookGrid =>
    workbook(
      {
        name: "预算执行",
        rows: [
          ["表1 项目预算执行情况"],
          ["项目名称", "大气污染防治专项"],
          ["资金来源", "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
          ["年度资金总额", 500, 480, 456, 0.95, 10, 9.5],
          ["其中：中央资金", 300, 300, 300, 1, "—", "—"],
          ["\u3000\u3000\u3000省级资金", 200, 180, 156, 0.866666666666667, "—", "—"],
        ],
        merges: ["A1:G1"],
        numFmts: { E4: "0.00%", E5: "0.00%", E6: "0.00%" },
      },
      {
        name: "绩效指标",
        rows: [
          ["表2 项目绩效指标完成情况"],
          ["项目名称", "大气污染防治专项"],
          INDICATOR_HEADER,
          ["产出指标", "数量指标", "监测站点建设", "≥12个", "12个", 20, 20, ""],
          [null, "质量指标", "监测数据有效率", "≥90%", "96.3%", 10, 10, ""],
          [null, "时效指标", "监测报告按时报送率", "=100%", "100%", 10, 10, ""],
          [null, "成本指标", "单站建设成本", "≤38万元", "38万元", 10, 10, ""],
          ["效益指标", "生态效益指标", "PM2.5年均浓度下降", "≥3%", "3.2%", 15, 15, ""],
          [null, "社会效益指标", "空气质量优良天数比例", "≥80%", "82.5%", 15, 15, ""],
          ["满意度指标", "服务对象满意度指标", "公众满意度", "≥85%", "88%", 10, 10, ""],
          ...closing,
        ],
        merges: ["A1:H1", "A4:A7", "A8:A9", ...merges],
      },
    );

  it("takes 项目自评总分（含预算执行率得分） for the 总分, not the indicators' 合计 90 above it", () => {
    const a = run(
      form(
        [
          ["合计", null, null, null, null, 90, 90, ""],
          ["项目自评总分（含预算执行率得分）", null, null, null, null, null, 99.5, ""],
          ["评价等次", null, null, null, null, null, "优", ""],
        ],
        ["A11:E11", "A12:F12", "A13:F13"],
      ),
    );
    // 项目名称 | 大气污染防治专项 right above each header is the form's header block (see real-forms).
    expect(tables(a)).toEqual(["budget@预算执行!A3:G6", "indicators@绩效指标!A3:H13"]);
    expect(a.tables.map((t) => t.label)).toEqual(["大气污染防治专项", "大气污染防治专项"]);
    expect(a.totals.map((t) => [t.score, t.recordedScore, t.grade, t.recordedGrade])).toEqual([["99.5", "99.5", "优", "优"]]);
    expect(found(a)).toEqual([]);
  });

  it("finds a wrong 项目自评总分 and 评价等次 (88 and 良 for 99.5 and 优)", () => {
    const a = run(
      form(
        [
          ["项目自评总分（含预算执行率得分）", null, null, null, null, null, 88, ""],
          ["评价等次", null, null, null, null, null, "良", ""],
        ],
        ["A11:F11", "A12:F12"],
      ),
    );
    expect(a.indicators).toHaveLength(7);
    expect(a.totals.map((t) => [t.score, t.recordedScore, t.grade, t.recordedGrade])).toEqual([["99.5", "88", "优", "良"]]);
    // 良 is the grade of the 88 written beside it, but typed: with the total mended to 99.5 it would be wrong.
    expect(found(a)).toEqual(["total-mismatch@绩效指标!G11", "grade-mismatch@绩效指标!G12"]);
    expect(a.findings.find((f) => f.rule === "grade-mismatch")?.message).toBe("按核算的总分 99.5 对应的等次是“优”，填的是“良”。");
  });

  // Review round 29 (1): the 等次 was checked against the wrong 总分 the sheet shows, so a right 优 beside
  // a total that leaves out the budget's points (89 for 98.5) was called wrong, and a wrong 良 was not.
  const closing = (total: number, grade: string): Row[] => [
    ["项目自评总分（含预算执行率得分）", null, null, null, null, null, total, ""],
    ["评价等次", null, null, null, null, null, grade, ""],
  ];
  it.each([
    ["优", ["total-mismatch@绩效指标!G11"]],
    ["良", ["total-mismatch@绩效指标!G11", "grade-mismatch@绩效指标!G12"]],
  ])("beside a wrong 总分 (89 for 99.5), a typed 等次 %s is checked against the total once mended", (grade, expected) => {
    expect(found(run(form(closing(89, grade), ["A11:F11", "A12:F12"])))).toEqual(expected);
  });

  // Review round 30: with the 总分 alone found wrong, the 等次 goes with the sum its finding asks
  // for (90, the budget's 9.46 shown 9.5), not jixiao's exact 89.96.
  it.each([
    ["优", ["total-mismatch@绩效指标!G11"]],
    ["良", ["total-mismatch@绩效指标!G11", "grade-mismatch@绩效指标!G12"]],
  ])("beside a mistyped 总分 (92), a typed 等次 %s is checked against the sum the total-mismatch asks for", (grade, expected) => {
    const wb = form(closing(92, grade), ["A11:F11", "A12:F12"]);
    wb.sheets[0].values[3] = ["年度资金总额", 500, 480, 454.08, 0.946, 10, 9.5];
    wb.sheets[0].values[5].splice(3, 2, 154.08, 154.08 / 180);
    wb.sheets[1].values[3].splice(4, 5, "9个", 20, 15, "部分站点选址未落实");
    wb.sheets[1].values[7].splice(4, 5, "2.1%", 15, 10.5, "受气象条件影响");
    const a = run(wb);
    expect(message(a, "total-mismatch", "G11")).toBe("综合得分填的是 92，各项得分相加为 90。请改为 90，或核对各项得分。");
    expect(found(a)).toEqual(expected);
    if (grade === "良") expect(message(a, "grade-mismatch", "G12")).toBe("按核算的总分 90 对应的等次是“优”，填的是“良”。");
  });

  describe("beside a shared 得分 whose split is not written down, found wrong (5 for 22.5 to 30): the mended total is not known", () => {
    const sharedScore = (total: number, grade: string): Analysis => {
      const wb = form(closing(total, grade), ["A11:F11", "A12:F12", "F4:F5", "G4:G5"]);
      // 站点 and 有效率 share 30 points and a 得分 of 5 (9个 of 12, 96.3% of 90%).
      wb.sheets[1].values[3].splice(4, 4, "9个", 30, 5, "部分站点选址未落实");
      wb.sheets[1].values[4].splice(5, 2, null, null);
      wb.sheets[1].values[7].splice(4, 5, "2.1%", 15, 10.5, "受气象条件影响");
      return run(wb);
    };

    it("a typed 等次 beside a 总分 found wrong is not graded", () => {
      const a = sharedScore(95, "良");
      // The total is 87.5 to 95 (良 or 优): jixiao's 91.25 is the middle of the group's range.
      expect(a.totals[0].score).toBe("91.25");
      expect(found(a)).toEqual(["score-mismatch@绩效指标!G4", "total-mismatch@绩效指标!G11"]);
    });

    it("a 总分 that adds up the scores as written grades its 等次 as the sheet shows it", () => {
      const a = sharedScore(70, "优");
      expect(found(a)).toEqual(["score-mismatch@绩效指标!G4", "grade-mismatch@绩效指标!G12"]);
      expect(message(a, "grade-mismatch", "G12")).toBe("总分 70 对应的等次是“中”，填的是“优”。");
    });
  });

  it("a 等次 that is a formula over the wrong 总分 follows it once mended: only the 总分 is found", () => {
    const wb = form(closing(88, "良"), ["A11:F11", "A12:F12"]);
    wb.sheets[1] = withFormulas(wb.sheets[1], { G12: 'IF(G11>=90,"优",IF(G11>=80,"良",IF(G11>=60,"中","差")))' });
    expect(found(run(wb))).toEqual(["total-mismatch@绩效指标!G11"]);
  });

  it("a 总分 and 等次 that agree with scores found wrong: the 等次 is checked against the total of the computed scores", () => {
    const wb = form(closing(99.5, "优"), ["A11:F11", "A12:F12"]);
    wb.sheets[1].values[3][4] = "6个"; // half the 12 stations built, scored 20 of 20: 10 by the target
    const a = run(wb);
    expect(a.totals.map((t) => [t.score, t.recordedScore, t.grade, t.recordedGrade])).toEqual([["89.5", "99.5", "良", "优"]]);
    expect(found(a).filter((f) => !f.startsWith("missing-reason"))).toEqual(["score-mismatch@绩效指标!G4", "grade-mismatch@绩效指标!G12"]);
    expect(a.findings.find((f) => f.rule === "grade-mismatch")?.message).toBe("按核算的总分 89.5 对应的等次是“良”，填的是“优”。");
  });

  // Merged across the name and value columns like a paragraph (自评结论：…), the indicators' 合计 used
  // to end the table, leaving the wrong 总分 and 等次 under it unread.
  it.each(["指标合计", "绩效指标合计"])("reads on past a %s merged across the indicator columns to the 总分 and 等次", (label) => {
    const a = run(
      form(
        [
          [label, null, null, null, null, 90, 90, ""],
          ["项目自评总分（含预算执行率得分）", null, null, null, null, 100, 88, ""],
          ["评价等次", null, null, null, null, null, "良", ""],
        ],
        ["A11:E11", "A12:E12", "A13:F13"],
      ),
    );
    expect(tables(a)).toEqual(["budget@预算执行!A3:G6", "indicators@绩效指标!A3:H13"]);
    expect(a.indicators).toHaveLength(7);
    expect(a.totals.map((t) => [t.score, t.recordedScore, t.grade, t.recordedGrade])).toEqual([["99.5", "88", "优", "良"]]);
    expect(found(a)).toEqual(["total-mismatch@绩效指标!G12", "grade-mismatch@绩效指标!G13"]);
  });

  // 合计 | 90 | 90 sums the indicators above it (domain.md §1); the 总分 with the budget's 9.5 is 99.5.
  it.each([90, null])("reads a last 合计 whose 分值 is the indicators' 90 (得分 %s) as their subtotal, and computes the 总分", (subtotal) => {
    const a = run(form([["合计", null, null, null, null, 90, subtotal, ""]], ["A11:E11"]));
    expect(tables(a)).toEqual(["budget@预算执行!A3:G6", "indicators@绩效指标!A3:H11"]);
    expect(a.totals.map((t) => [t.weights, t.score, t.recordedScore, t.grade])).toEqual([["100", "99.5", null, "优"]]);
    expect(found(a)).toEqual([]);
    // The 总分 99.5 is not written into the indicators' 合计.
    expect(writes(a)).toEqual([]);
  });

  it("checks the 评价等次 under such a subtotal against the computed 总分", () => {
    const a = run(
      form(
        [
          ["指标合计", null, null, null, null, 90, 90, ""],
          ["评价等次", null, null, null, null, null, "良", ""],
        ],
        ["A11:E11", "A12:F12"],
      ),
    );
    expect(a.totals.map((t) => [t.score, t.recordedScore, t.grade, t.recordedGrade])).toEqual([["99.5", null, "优", "良"]]);
    expect(found(a)).toEqual(["grade-mismatch@绩效指标!G12"]);
  });

  // Row 4's 得分 is left blank for jixiao (20 of 20): the 合计 =SUM(G4:G10) shows 70 until Excel recalculates.
  it.each([
    ["alone", [["合计", null, null, null, null, 90, 70, ""]], []],
    ["over the 总分", [["合计", null, null, null, null, 90, 70, ""], ["项目自评总分（含预算执行率得分）", null, null, null, null, 100, 99.5, ""]], ["A12:E12"]],
  ] as [string, Row[], string[]][])("updates the cached result of the indicators' 合计 formula, %s, over the score it fills", (_layout, closing, merges) => {
    const wb = form(closing, ["A11:E11", ...merges]);
    const sheet = wb.sheets[1];
    sheet.values[3][6] = null;
    wb.sheets[1] = withFormulas(sheet, { G11: "SUM(G4:G10)" });
    const a = run(wb);
    expect(a.totals.map((t) => [t.score, t.recordedScore])).toEqual([["99.5", closing.length > 1 ? "99.5" : null]]);
    expect(found(a)).toEqual([]);
    expect(writes(a)).toEqual(["绩效指标!G4=20|0.00", "绩效指标!G11=90|General"]);
    expect(a.writes.map((w) => w.cachedResult)).toEqual([undefined, true]);
  });

  // 合计 | 100 is the whole form's: the 总分, budget included.
  it.each(["项目自评总分", "自评总得分", "总分", "自评总分", "综合得分", "得分合计", "合计"])("reads a recorded total labelled %s", (label) => {
    const a = run(form([[label, null, null, null, null, 100, 98, ""]], ["A11:E11"]));
    expect(a.totals.map((t) => [t.score, t.recordedScore])).toEqual([["99.5", "98"]]);
    expect(found(a)).toEqual(["total-mismatch@绩效指标!G11"]);
  });
});

describe("budget execution scored as a row of the indicator table (预算执行率（10分）)", () => {
  it("does not add the budget weight a second time", () => {
    const wb = workbook({
      name: "自评",
      rows: [
        INDICATOR_HEADER,
        ["预算执行率（10分）", "预算执行率", "预算执行率", "=100%", "95%", 10, 9.5, "部分资金年底未支付"],
        ["产出指标（50分）", "数量指标", "培训人次", "≥100人次", "100人次", 50, 50, ""],
        ["效益指标（30分）", "社会效益指标", "就业率", "≥60%", "62%", 30, 30, ""],
        ["满意度指标（10分）", "满意度指标", "学员满意度", "≥90%", "95%", 10, 10, ""],
        ["总分", "", "", "", "", 100, 99.5, ""],
      ],
    });
    const a = run(wb);
    expect(a.totals).toEqual([{ sheet: "自评", label: "自评!A1:H6", table: "A1:H6", weights: "100", score: "99.5", recordedScore: "99.5", grade: "优", recordedGrade: null, recordedDiffers: false }]);
    expect(found(a)).toEqual([]);
  });
});

describe("numbers typed as text, headers with (万元), and the indicator table right under the budget block", () => {
  const wb = workbook({
    name: "自评",
    rows: [
      ["项目资金", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "分值", "执行率", "得分"],
      ["年度资金总额：", "1,000.00", "1,200.00", "1,080.00", "10", "90.00%", "9.00"],
      ["  其中：财政拨款", "1,000.00", "1,200.00", "1,080.00", "/", "90.00%", "/"],
      INDICATOR_HEADER,
      ["产出指标", "数量指标", "培训人次", "≥100人次", "100人次", "50分", "50分", ""],
      ["效益指标", "社会效益指标", "就业率", "≥60%", "62%", "30", "30", ""],
      ["满意度指标", "满意度指标", "学员满意度", "≥90%", "95%", "10", "10", ""],
      ["绩效自评综合得分", "", "", "", "", "", "99", ""],
      ["评价等次", "", "", "", "", "", "优", ""],
    ],
  });
  const a = run(wb);

  it("reads both tables and every number", () => {
    expect(tables(a)).toEqual(["budget@自评!A1:G3", "indicators@自评!A4:H9"]);
    expect(a.budget.map((b) => [b.label, b.planned, b.spent, b.recordedRate, b.recordedScore])).toEqual([
      ["年度资金总额：", "1200", "1080", "0.9", "9"],
      ["其中：财政拨款", "1200", "1080", "0.9", null],
    ]);
    expect(a.totals).toEqual([{ sheet: "自评", label: "自评!A4:H9", table: "A4:H9", weights: "100", score: "99", recordedScore: "99", grade: "优", recordedGrade: "优", recordedDiffers: false }]);
  });

  it("finds nothing wrong and writes nothing", () => {
    expect(found(a)).toEqual([]);
    expect(a.writes).toEqual([]);
  });
});

describe("the 共性指标 framework: 一级 投入/过程/产出/效果, 满意度 as a 二级 under 效果", () => {
  it("does not call the 满意度 dimension missing", () => {
    const wb = workbook({
      name: "部门整体",
      rows: [
        ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["投入", "预算配置", "在职人员控制率", "≤100%", "98%", 10, 10, ""],
        ["过程", "资金管理", "资金使用合规性", "合规", "合规", 10, 10, ""],
        ["产出", "职责履行", "重点工作完成率", "=100%", "100%", 50, 50, ""],
        ["效果", "社会效益", "服务水平", "有效提升", "有效提升", 20, 20, ""],
        [null, "服务对象满意度", "群众满意度", "≥90%", "96%", 10, 10, ""],
      ],
      merges: ["A5:A6"],
    });
    const a = run(wb);
    expect(a.indicators[4]).toMatchObject({ level1: "效果", level2: "服务对象满意度", name: "群众满意度" });
    expect(found(a)).toEqual([]);
  });
});

describe("a sheet with no table at all", () => {
  it("reports no tables and no findings", () => {
    const a = run(workbook({ name: "封面", rows: [["2023年度绩效自评报告"], ["单位", "某局"], [2023, 1, 2]] }));
    expect(a.tables).toEqual([]);
    expect(a.findings).toEqual([]);
    expect(a.writes).toEqual([]);
  });
});

describe("merged 一级/二级 cells and blank 'same as above' cells mean the same", () => {
  const rows = [
    INDICATOR_HEADER,
    ["产出指标（40分）", "数量指标", "新增停车位", "≥300个", "320个", 20, 20, ""],
    [null, null, "新增充电桩", "≥50个", "50个", 10, 10, ""],
    [null, "时效指标", "工程按期完工率", "=100%", "100%", 10, 10, ""],
    ["效益指标（50分）", "社会效益指标", "停车难缓解", "有效缓解", "有效缓解", 50, 46, "个别片区仍紧张"],
    ["满意度指标（10分）", "服务对象满意度指标", "市民满意度", "≥85%", "90%", 10, 10, ""],
  ];
  const merged = run(workbook({ name: "合并", rows, merges: ["A2:A4", "B2:B3"] }));
  const blank = run(workbook({ name: "留空", rows }));

  it("gives every row its 一级 and 二级 label either way", () => {
    const labels = (a: Analysis) => a.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}`);
    const expected = [
      "产出指标/数量指标/新增停车位",
      "产出指标/数量指标/新增充电桩",
      "产出指标/时效指标/工程按期完工率",
      "效益指标/社会效益指标/停车难缓解",
      "满意度指标/服务对象满意度指标/市民满意度",
    ];
    expect(labels(merged)).toEqual(expected);
    expect(labels(blank)).toEqual(expected);
  });

  it("adds the stated weights under each 一级 label in both layouts without complaint", () => {
    expect(found(merged)).toEqual([]);
    expect(found(blank)).toEqual([]);
    expect(merged.totals[0].weights).toBe("100");
  });
});

describe("stated weights in full-width digits: 产出指标（４０分）, 二、效益指标（３５分）", () => {
  it("reads them as 40 and 35, in a 一级 label and in a heading row, and checks them against the rows", () => {
    const a = run(
      workbook({
        name: "自评",
        rows: [
          INDICATOR_HEADER,
          ["产出指标（４０分）", "数量指标", "完成调研报告", "≥5篇", "5篇", 30, 30, ""],
          [null, "质量指标", "报告采纳率", "≥80%", "85%", 20, 20, ""],
          ["二、效益指标（３５分）", null, null, null, null, null, null, null],
          [null, "社会效益指标", "决策参考作用", "明显", "明显", 30, 30, ""],
          ["三、满意度指标（１０分）", null, null, null, null, null, null, null],
          [null, "服务对象满意度指标", "委托方满意度", "≥90%", "95%", 10, 10, ""],
        ],
        merges: ["A2:A3", "A4:H4", "A6:H6"],
      }),
    );
    expect(a.indicators.map((i) => i.level1)).toEqual(["产出指标", "产出指标", "二、效益指标", "三、满意度指标"]);
    // 90 points and no budget line: the total is left open (total-incomplete), as for any such form.
    expect(found(a)).toEqual(["total-incomplete@自评!G1", "weight-header-mismatch@自评!A2", "weight-header-mismatch@自评!A4"]);
    expect(a.findings.find((f) => f.rule === "weight-header-mismatch")!.message).toBe("“产出指标”标明 40 分，但其下各指标分值合计 50 分。请调整各指标分值使其合计 40 分，或把标题改为（50分）。");
  });
});

describe("a separate 指标性质 column (=, ≥, ≤, 定性) and a 计量单位 column", () => {
  const wb = workbook({
    name: "性质",
    at: "A2",
    rows: [
      ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "新建道路长度", "≥", 12, "公里", 12.5, 20, 20, ""],
      [null, "成本指标", "每公里造价", "≤", 300, "万元", 320, 20, 18.75, "材料价格上涨"],
      [null, "质量指标", "验收合格率", "=", 100, "%", 100, 10, 10, ""],
      ["效益指标", "社会效益指标", "群众出行条件", "定性", "明显改善", "", "明显改善", 40, 36, "部分路段未完工"],
      ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥", 90, "%", 92, 10, 10, ""],
    ],
    merges: ["A3:A5"],
  });
  const a = run(wb);

  it("takes the comparator and unit from their columns", () => {
    expect(a.indicators.map((i) => [i.name, i.target.op, i.target.value, i.target.unit])).toEqual([
      ["新建道路长度", ">=", "12", "公里"],
      ["每公里造价", "<=", "300", "万元"],
      ["验收合格率", "=", "100", "%"],
      ["群众出行条件", null, null, null],
      ["沿线群众满意度", ">=", "90", "%"],
    ]);
  });

  it("scores ≤ as a negative indicator (20 × 300 ÷ 320 = 18.75) and finds nothing wrong", () => {
    expect(a.indicators[1].score).toBe("18.75");
    expect(found(a)).toEqual([]);
  });

  it("flags a value that contradicts its 指标性质 column", () => {
    const wb2 = workbook({
      name: "性质",
      rows: [
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "质量指标", "抽检合格率", "≤", "≥95%", "96%", 50, 50],
        ["效益指标", "社会效益指标", "就业带动", "≥", "≥100人", "120人", 40, 40],
        ["满意度指标", "满意度指标", "满意度", "≥", "≥90%", "95%", 10, 10],
      ],
    });
    expect(found(run(wb2))).toEqual(["contradictory-comparator@性质!E2"]);
  });

  it("numbers under a 计量单位 of % are percentages as typed: 1.5 against ≤5 is 1.5%, not 150%", () => {
    const wb3 = workbook({
      name: "性质",
      rows: [
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "实际完成值", "分值", "得分"],
        ["产出指标", "质量指标", "差错率", "≤", 5, "%", 1.5, 50, null],
        ["效益指标", "经济效益", "收入增长率", "≥", 10, "%", 1.2, 30, null],
        ["满意度指标", "满意度指标", "满意度", "≥", 90, "%", 95, 10, null],
      ],
    });
    // 1.5% is within a 5% ceiling; 30 × 1.2 ÷ 10 = 3.6.
    expect(run(wb3).writes.map((w) => `${w.cell}=${w.value}`)).toEqual(["I2=50", "I3=3.6", "I4=10"]);
  });
});

// Review round 56e, M1: the actual's own 度量单位 was ignored, the target's read for it.
describe("a 度量单位 column for the target and another for the actual", () => {
  /** 受益农村人口 ≥3.2 万人 against `actual` in `unit`, scored 50; the rest met in full. */
  const rows = (actual: CellValue, unit: string): Row[] => [
    ["产出指标", "数量指标", "新建集中供水工程", "≥", 12, "处", 12, "处", 40, 40, ""],
    ["效益指标", "社会效益指标", "受益农村人口", "≥", 3.2, "万人", actual, unit, 50, 50, ""],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", 90, "%", 95, "%", 10, 10, ""],
  ];
  /** 年度指标值 over 指标性质 | 指标值 | 度量单位, 实际完成值 over 完成值 | 度量单位. */
  const twoRows = (actual: CellValue, unit: string): WorkbookGrid =>
    workbook({
      name: "自评表",
      rows: [
        ["一级指标", "二级指标", "三级指标", "年度指标值", null, null, "实际完成值", null, "分值", "得分", "偏差原因分析及改进措施"],
        [null, null, null, "指标性质", "指标值", "度量单位", "完成值", "度量单位", null, null, null],
        ...rows(actual, unit),
      ],
      merges: ["A1:A2", "B1:B2", "C1:C2", "D1:F1", "G1:H1", "I1:I2", "J1:J2", "K1:K2"],
    });
  const oneRow = (actual: CellValue, unit: string): WorkbookGrid =>
    workbook({
      name: "自评表",
      rows: [["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "度量单位", "分值", "得分", "偏差原因分析及改进措施"], ...rows(actual, unit)],
    });

  test.each([
    ["under a two-row header", twoRows],
    ["in one header row", oneRow],
  ])("%s: reads each value in its own unit (33500 人 meets 3.2 万人; 9860 户 is no count of people)", (_, form) => {
    const met = run(form(33500, "人"));
    const row = met.indicators[1];
    expect([row.target.value, row.target.unit, row.actual?.value, row.actual?.unit, row.score]).toEqual(["32000", "人", "33500", "人", "50"]);
    expect(found(met)).toEqual([]);
    const households = run(form(9860, "户"));
    expect(found(households).filter((f) => !f.startsWith("total-"))).toEqual([`unit-mismatch@自评表!${form === twoRows ? "G4" : "G3"}`]);
  });

  it("quotes each value with its own unit and the 指标性质 (review round 56e, L2)", () => {
    expect(message(run(oneRow(9860, "户")), "unit-mismatch", "G3")).toBe("实际完成值“9860户”与指标值“≥3.2万人”的单位无法换算，请统一单位。");
  });

  it("reads the target's 度量单位 for an actual whose own is left blank (3.35 万人)", () => {
    const a = run(twoRows(3.35, ""));
    expect([a.indicators[1].actual?.value, a.indicators[1].actual?.unit]).toEqual(["33500", "人"]);
    expect(found(a).filter((f) => !f.startsWith("total-"))).toEqual([]);
  });
});

// Review round 56e, L2: “100”不可能被超过 of a row reading ≥ | 100 | %.
describe("findings on a form with 指标性质 and 度量单位 columns quote a value as its row reads it", () => {
  const form = workbook({
    name: "自评表",
    rows: [
      ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "质量指标", "工程验收合格率", "≥", 100, "%", 100, 20, 20, ""],
      ["产出指标", "数量指标", "培训场次", "≥", 100, "%", 100, 20, 20, ""],
      ["成本指标", "经济成本指标", "单位改造成本", "≥", 6.5, "万元", 6.3, 20, 20, ""],
      ["效益指标", "社会效益指标", "受益人数", "≥", 500, "人", 520, 30, 30, ""],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "正向", 90, "%", 95, 10, 10, ""],
    ],
  });
  const a = run(form);

  it("in the messages on the value's cell, in Chinese and in English", () => {
    expect(found(a).filter((f) => !f.startsWith("total-"))).toEqual(["ge-100-percent@自评表!E2", "count-as-percent@自评表!E3", "cost-not-ceiling@自评表!E4"]);
    expect(message(a, "ge-100-percent", "E2")).toBe("“≥100%”不可能被超过，比率目标请写成“=100%”或“≥95%”这样的可达值。");
    expect(message(a, "count-as-percent", "E3")).toContain("指标值不应写成百分比“≥100%”");
    expect(message(a, "cost-not-ceiling", "E4")).toContain("指标值“≥6.5万元”是下限");
    const en = analyze(form, DEFAULT_PROFILE, { lang: "en" });
    expect(message(en, "ge-100-percent", "E2")).toContain('"≥100%"');
    expect(message(en, "cost-not-ceiling", "E4")).toContain('"≥6.5万元"');
  });

  it("and the report's value keeps the cell's own text", () => {
    expect(a.indicators[0].target).toMatchObject({ text: "100", op: ">=", value: "100", unit: "%" });
  });
});

describe("a project list (序号, 项目名称, 预算, 执行数, 执行率, 自评得分, 评价等级) with a 合计 row", () => {
  const wb = workbook({
    name: "项目汇总",
    at: "B3",
    rows: [
      ["2023年度项目支出绩效自评结果汇总表"],
      ["单位：万元"],
      ["序号", "项目名称", "预算", "执行数", "执行率", "自评得分", "评价等级"],
      [1, "校舍维修改造", 200, 180, "90%", 92, "优"],
      [2, "学生资助", 150, 150, "100%", 98, "优"],
      [3, "教师培训", 50, 20, "40%", 85, "良"],
      ["合计", "", 400, 350, "87.5%", "", ""],
      [],
      ["注：自评得分按《项目支出绩效评价管理办法》计算。"],
    ],
  });
  const a = run(wb);

  it("labels each line by 项目名称, not by its 序号, and ends at the 合计 row", () => {
    expect(tables(a)).toEqual(["budget@项目汇总!B5:H9"]);
    expect(a.budget.map((b) => [b.row, b.label, b.rate, b.recordedScore, b.recordedGrade])).toEqual([
      [6, "校舍维修改造", "0.9", "92", "优"],
      [7, "学生资助", "1", "98", "优"],
      [8, "教师培训", "0.4", "85", "良"],
      [9, "合计", "0.875", null, null],
    ]);
  });

  it("is unweighted: each 自评得分 is the project's own total, so nothing is written", () => {
    expect(a.budget.every((b) => b.weight === null && b.score === null)).toBe(true);
    expect(a.writes).toEqual([]);
    expect(found(a)).toEqual([]);
  });
});

describe("a 绩效目标表 (targets only): validated, never scored", () => {
  const wb = workbook({
    name: "绩效目标表",
    rows: [
      ["2024年项目支出绩效目标表"],
      ["项目名称", "", "城乡环卫一体化", "", "单位：万元"],
      ["预算规模", "预算数", 800, "其中：财政资金", 800],
      ["资金支出计划（%）", "3月底", "6月底", "9月底", "12月底"],
      ["", 0.25, 0.5, 0.75, 1],
      ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"],
      ["产出指标", "数量指标", "垃圾清运量", "全年清运生活垃圾", "≥3.5万吨"],
      [null, "数量指标", "保洁车辆数量", "", "≥100%"],
      [null, "质量指标", "垃圾无害化处理率", "", "≥95%"],
      [null, "成本指标", "清运成本", "", "≤800万元"],
      ["效益指标", "生态效益指标", "城乡环境", "", "明显改善"],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "", "≥90%"],
      [],
      ["审核人：李四", "", "", "", "联系电话：13800000000"],
    ],
    numFmts: { B5: "0%", C5: "0%", D5: "0%", E5: "0%" },
    merges: ["A4:A5", "A7:A10", "B7:B8"],
  });
  const a = run(wb);

  it("finds only the indicator table (the 预算规模 line and the 资金支出计划 row are not tables)", () => {
    expect(tables(a)).toEqual(["indicators@绩效目标表!A6:E12"]);
  });

  it("validates the targets: a count written as ≥100% is an error at its cell", () => {
    expect(found(a)).toEqual(["count-as-percent@绩效目标表!E8"]);
  });

  it("neither scores nor asks for actuals, and writes nothing", () => {
    expect(a.totals).toEqual([]);
    expect(a.indicators.every((i) => i.actual === null && i.score === null)).toBe(true);
    expect(a.findings.some((f) => f.rule === "missing-actual")).toBe(false);
    expect(a.writes).toEqual([]);
  });
});

describe("blocks around a table: signatures, contacts, paragraphs, plans and stray numbers", () => {
  const wb = workbook({
    name: "自评表",
    rows: [
      ["备忘", 123, 456, "", "", "", "", "", "页码", 1],
      ["说明：本表金额单位为万元", 88],
      ["资金支出计划", "一季度", "二季度", "三季度", "四季度"],
      ["", 0.2, 0.5, 0.8, 1],
      [],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50, ""],
      ["效益指标", "社会效益指标", "技能提升", "有效提升", "有效提升", 40, 40, ""],
      ["满意度指标", "满意度指标", "学员满意度", "≥90%", "95%", 10, 10, ""],
      ["填表人：王五", "", "联系电话：0730-8123456", "", "审核人：孙八", "", "", ""],
      ["联系人：王五", 13800000000, "", "邮编", 414000],
      [2023, 12, 31],
      ["一、自评结论：项目完成了年度绩效目标，资金使用规范，群众满意度较高。"],
      ["二、存在问题：培训场地不足，部分课程未能按计划开展，下一步将协调场地资源。"],
      ["合计", 100, 90, 85],
    ],
    numFmts: { B4: "0%", C4: "0%", D4: "0%", E4: "0%" },
    merges: ["A13:H13", "A14:H14"],
  });
  const a = run(wb);

  it("ends the table at the signature line right under it", () => {
    expect(tables(a)).toEqual(["indicators@自评表!A6:H9"]);
    expect(a.indicators.map((i) => i.name)).toEqual(["培训人次", "技能提升", "学员满意度"]);
  });

  it("raises no finding anywhere", () => {
    expect(found(a)).toEqual([]);
    expect(outsideTables(a)).toEqual([]);
  });

  it("ends a table at signature and contact labels written in cells of their own, without colons", () => {
    const signatures: Row[] = [
      ["填表人", "张三", "", "联系电话", 13800000000, "填报日期", "2024-01-05", ""],
      ["单位负责人", "李四", "", "财务负责人", "王五"],
    ];
    const indicators = run(
      workbook({
        name: "自评表",
        rows: [
          INDICATOR_HEADER,
          ["产出指标", "数量指标", "培训人次", "≥100人次", "100人次", 50, 50, ""],
          ["效益指标", "社会效益指标", "就业率", "≥60%", "62%", 40, 40, ""],
          ["满意度指标", "满意度指标", "学员满意度", "≥90%", "95%", 10, 10, ""],
          ...signatures,
        ],
      }),
    );
    expect(tables(indicators)).toEqual(["indicators@自评表!A1:H4"]);
    expect(found(indicators)).toEqual([]);
    const budget = run(
      workbook({
        name: "预算",
        rows: [BUDGET_HEADER, ["年度资金总额", 100, 100, 90, 10, 0.9, 9], ...signatures],
        numFmts: { F2: "0.00%" },
      }),
    );
    expect(tables(budget)).toEqual(["budget@预算!A1:G2"]);
    expect(found(budget)).toEqual([]);
  });

  it("ends the table at a merged paragraph right under it, without reading it as an indicator", () => {
    const wb2 = workbook({
      name: "自评表",
      rows: [
        INDICATOR_HEADER,
        ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50, ""],
        ["效益指标", "社会效益指标", "技能提升", "有效提升", "有效提升", 40, 40, ""],
        ["满意度指标", "满意度指标", "学员满意度", "≥90%", "95%", 10, 10, ""],
        ["自评结论：项目完成了年度绩效目标，资金使用规范。"],
        ["存在问题及改进措施：培训场地不足，下一步将协调场地资源，确保2024年按期完成。"],
      ],
      merges: ["A5:H5", "A6:H6"],
    });
    const b = run(wb2);
    expect(b.indicators.map((i) => i.name)).toEqual(["培训人次", "技能提升", "学员满意度"]);
    expect(found(b)).toEqual([]);
  });
});

describe("review round 52b: forms laid out as other provinces print them", () => {
  /** 项目支出绩效自评表 with its budget block at the foot, right above its 总分 (e17 of the round). */
  const FOOT_BUDGET: Row[] = [
    ["项目支出绩效自评表"],
    ["项目名称", "2023年农村公路提质改造项目", "", "", "主管部门", "县交通运输局"],
    ...ROAD_INDICATORS,
    ["预算执行情况", "", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
    ["年度资金总额（万元）", "", 500, 480, 0.96, 10, 9.6],
    ["总分", "", "", "", "", 100, 98.1],
    ["评价等次", "", "", "", "", "", "优"],
  ];
  const FOOT_MERGES = ["A1:H1", "A4:A8", "A9:A10", "B4:B5", "A12:B12", "A13:B13", "A14:E14", "A15:E15"];
  const totalsOf = (a: Analysis) => a.totals.map((t) => [t.score, t.grade]);

  it("a budget block at the form's foot ends at the 总分 under it, which stays the form's total (H4)", () => {
    const a = run(workbook({ name: "自评表", rows: FOOT_BUDGET, merges: FOOT_MERGES }));
    expect(tables(a)).toEqual(["indicators@自评表!A3:H11", "budget@自评表!A12:G13"]);
    expect(a.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
    expect(totalsOf(a)).toEqual([["98.1", "优"]]);
  });

  // Review round 53a, M2: the 总分 and 等次 under the budget block were nobody's, so a wrong 总分 passed.
  it("the 总分 and 等次 under a budget block right below the indicators are the form's recorded ones", () => {
    const a = run(workbook({ name: "自评表", rows: FOOT_BUDGET, merges: FOOT_MERGES }));
    expect(a.totals.map((t) => [t.recordedScore, t.recordedGrade])).toEqual([["98.1", "优"]]);
    const wrong = FOOT_BUDGET.map((row) => (row[0] === "总分" ? ["总分", "", "", "", "", 100, 96.25] : row[0] === "评价等次" ? ["评价等次", "", "", "", "", "", "良"] : row));
    const b = run(workbook({ name: "自评表", rows: wrong, merges: FOOT_MERGES }));
    expect(b.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(["total-mismatch@G14", "grade-mismatch@G15"]);
    // The total and the grade on one row: 综合得分 | 98.1 | 评价等次 | 优.
    const oneRow = [...FOOT_BUDGET.slice(0, -2), ["综合得分", 98.1, "", "评价等次", "优"]];
    const c = run(workbook({ name: "自评表", rows: oneRow, merges: FOOT_MERGES.slice(0, -2) }));
    expect(c.totals.map((t) => [t.recordedScore, t.recordedGrade])).toEqual([["98.1", "优"]]);
  });

  // Code review of round 52: 合计数 or a project named 等级医院创建项目 ended the table as if a 总分.
  it.each(["合计数", "总计金额", "项目合计数", "等级医院创建项目"])("a budget line labelled %s, with its amounts, stays a line of the table", (label) => {
    const rows: Row[] = [
      ["资金来源", "全年预算数", "全年执行数"],
      ["财政拨款", 300, 290],
      ["其他资金", 100, 90],
      [label, 400, 380],
    ];
    const a = run(workbook({ name: "预算表", rows }));
    expect(tables(a)).toEqual(["budget@预算表!A1:C4"]);
    expect(a.budget.map((line) => line.label)).toContain(label);
  });

  // A printed form numbering its columns under the header: 1 | 2 | … | 8, as numbers, as text, after
  // a 栏次 label, in brackets or as letters (H1: an indicator named 3 with target 4 was read).
  it.each([
    ["numbers", [1, 2, 3, 4, 5, 6, 7, 8]],
    ["numbers typed as text", ["1", "2", "3", "4", "5", "6", "7", "8"]],
    ["a 栏次 label", ["栏次", 1, 2, 3, 4, 5, 6, 7]],
    ["brackets", ["（1）", "（2）", "（3）", "（4）", "（5）", "（6）", "（7）", "（8）"]],
    ["letters", ["A", "B", "C", "D", "E", "F", "G", "H"]],
  ])("a row numbering the columns under the indicator header is not an indicator: %s (H1)", (_, numbering) => {
    const rows = [...FOOT_BUDGET.slice(0, 3), numbering as Row, ...FOOT_BUDGET.slice(3)];
    const merges = ["A1:H1", "A5:A9", "A10:A11", "B5:B6", "A13:B13", "A14:B14", "A15:E15", "A16:E16"];
    const a = run(workbook({ name: "自评表", rows, merges }));
    expect(a.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
    expect(totalsOf(a)).toEqual([["98.1", "优"]]);
  });

  it("a row of four numbers that do not count up one by one is data, not a numbering", () => {
    const rows = [...FOOT_BUDGET.slice(0, 3), ["", "", "3", 4, 6, 7, 8] as Row, ...FOOT_BUDGET.slice(3)];
    const a = run(workbook({ name: "自评表", rows, merges: ["A1:H1"] }));
    expect(a.findings.some((f) => f.cell === "C4" || f.cell === "F4" || f.cell === "G4")).toBe(true);
  });

  it("header words broken over two unmerged rows (一级 over 指标, 年度 over 指标值) read whole (H3)", () => {
    const rows: Row[] = [
      ...FOOT_BUDGET.slice(0, 2),
      ["一级", "二级", "三级", "年度", "实际", "分值", "得分", "偏差原因分析"],
      ["指标", "指标", "指标", "指标值", "完成值", "", "", "及改进措施"],
      ...FOOT_BUDGET.slice(3),
    ];
    const merges = ["A1:H1", "F3:F4", "G3:G4", "A5:A9", "A10:A11", "B5:B6", "A13:B13", "A14:B14", "A15:E15", "A16:E16"];
    const a = run(workbook({ name: "自评表", rows, merges }));
    expect(tables(a)).toEqual(["indicators@自评表!A3:H12", "budget@自评表!A13:G14"]);
    expect(a.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
    expect(totalsOf(a)).toEqual([["98.1", "优"]]);
  });

  // H2: 年初目标值 | 调整后目标值 (or 全年目标值): the adjusted target is the one the actual is measured against.
  it.each([
    ["年初目标值", "调整后目标值"],
    ["年度指标值", "调整后指标值"],
    ["年初目标值", "全年目标值"],
  ])("the adjusted target counts where the form gives the initial one beside it: %s | %s (H2)", (initial, adjusted) => {
    const header: Row = ["一级指标", "二级指标", "三级指标", initial, adjusted, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
    const rows: Row[] = [
      FOOT_BUDGET[0],
      FOOT_BUDGET[1],
      header,
      ...FOOT_BUDGET.slice(3, 11).map((r) => [...r.slice(0, 3), r[3] === "≥20公里" ? "≥25公里" : r[3], ...r.slice(3)]),
      [...FOOT_BUDGET[11].slice(0, 2), "", ...FOOT_BUDGET[11].slice(2)],
      [...FOOT_BUDGET[12].slice(0, 2), "", ...FOOT_BUDGET[12].slice(2)],
      ["总分", "", "", "", "", "", 100, 98.1],
      ["评价等次", "", "", "", "", "", "", "优"],
    ];
    const a = run(workbook({ name: "自评表", rows, merges: ["A1:I1"] }));
    // 18公里 against the adjusted ≥20公里 scores 13.5 as recorded; against the initial ≥25公里 it would be 10.8.
    expect(a.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
    expect(totalsOf(a)).toEqual([["98.1", "优"]]);
    // A target not adjusted, its 调整后 cell left blank: the 年初 one stands (code review of round 52).
    rows[4][4] = "";
    const unadjusted = run(workbook({ name: "自评表", rows, merges: ["A1:I1"] }));
    expect(unadjusted.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
    expect(unadjusted.indicators.find((i) => i.name === "新建桥梁")?.target?.text).toBe("≥3座");
    expect(totalsOf(unadjusted)).toEqual([["98.1", "优"]]);
  });
});

describe("review round 54a: four levels of indicators, and a 三级 heading over two columns", () => {
  const BUDGET: Row[] = [
    ["项目支出绩效自评表"],
    ["项目名称", "2023年农村公路提质改造项目", "", "", "主管部门", "县交通运输局"],
    ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", 500, 500, 480, 10, 0.96, 9.6],
  ];
  const names = (a: Analysis) => a.indicators.map((i) => i.name);
  const rules = (a: Analysis) => a.findings.map((f) => `${f.rule}@${f.cell}`);

  /** 一级 | 二级 | 三级 (a group) | 四级 (the indicator); the 三级 written on each row, or left to its 四级 (M1). */
  const fourLevels = (rate: string, groups: string[]): Row[] => [
    ...BUDGET,
    ["一级指标", "二级指标", "三级指标", "四级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", groups[0], "农村道路硬化里程", "≥20公里", "18公里", 15, 13.5, "受施工条件影响，下年度加强调度。"],
    ["", "", groups[1], "新建桥梁", "≥3座", "3座", 10, 10, ""],
    ["", "质量指标", "工程质量", "工程验收合格率", "100%", rate, 10, 10, ""],
    ["", "时效指标", "工程按期完工", "", "按期完成", "按期完成", 10, 10, ""],
    ["", "成本指标", "工程成本", "每公里建设成本", "≤80万元", "76万元", 5, 5, ""],
    ["效益指标", "社会效益指标", "惠民效果", "受益群众人数", "≥5000人", "5200人", 15, 15, ""],
    ["", "可持续影响指标", "长效管护", "道路长效管护机制", "健全", "健全", 15, 15, ""],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "沿线群众满意度", "≥90%", "95%", 10, 10, ""],
    ["总分", "", "", "", "", "", 100, 98.1],
    ["评价等次", "", "", "", "", "", "", "优"],
  ];

  it("names each indicator by its 四级, by its 三级 where the 四级 is blank, and sees no duplicate under one 三级 (M1)", () => {
    for (const groups of [["工程量", "工程量"], ["工程量", ""]]) {
      const a = run(workbook({ name: "自评表", rows: fourLevels("100%", groups), merges: ["A1:I1"] }));
      expect(names(a)).toEqual(["农村道路硬化里程", "新建桥梁", "工程验收合格率", "工程按期完工", "每公里建设成本", "受益群众人数", "道路长效管护机制", "沿线群众满意度"]);
      expect(a.indicators.map((i) => i.level2).slice(0, 3)).toEqual(["数量指标", "数量指标", "质量指标"]);
      expect(rules(a)).toEqual([]);
      expect(a.totals.map((t) => [t.score, t.grade])).toEqual([["98.1", "优"]]);
    }
  });

  it("sees one 四级 under two 三级 as two indicators, twice under one 三级 as a duplicate named a 四级指标 (review 54 code M3)", () => {
    const twice = (groups: string[]): Row[] => fourLevels("100%", groups).map((r, i) => (i === 5 || i === 6 ? [r[0], r[1], r[2], "工程完成数量", ...r.slice(4)] : r));
    expect(rules(run(workbook({ name: "自评表", rows: twice(["道路工程", "桥梁工程"]), merges: ["A1:I1"] })))).toEqual([]);
    for (const groups of [["道路工程", "道路工程"], ["道路工程", ""]]) {
      const wb = workbook({ name: "自评表", rows: twice(groups), merges: ["A1:I1"] });
      const a = run(wb);
      expect(rules(a)).toEqual(["duplicate-indicator@D7"]);
      expect(a.findings[0].message).toContain("四级指标“工程完成数量”在本表中重复出现（第 6 行已有）");
      expect(analyze(wb, DEFAULT_PROFILE, { lang: "en" }).findings[0].message).toContain('Level-4 indicator "工程完成数量" appears twice');
    }
  });

  it("reads a rate by its 四级's name: 工程验收合格率 102% under the 三级 工程质量 is a percent-over-100 (M1)", () => {
    const a = run(workbook({ name: "自评表", rows: fourLevels("102%", ["工程量", "工程量"]), merges: ["A1:I1"] }));
    expect(rules(a)).toEqual(["percent-over-100@F8"]);
  });

  /** 三级指标 merged over two columns: 序号 | 指标名称, or 指标名称 | 说明 (M2). */
  const twoColumns = (cells: (seq: number, name: string) => [CellValue, CellValue], rate: string): Row[] => [
    ...BUDGET,
    ["一级指标", "二级指标", "三级指标", "", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ...ROAD_INDICATORS.slice(1).map((r, i) => [r[0], r[1], ...cells(i + 1, r[2] as string), ...r.slice(3)].map((v, j) => (j === 5 && i === 2 ? rate : v))),
    ["总分", "", "", "", "", "", 100, 98.1],
    ["评价等次", "", "", "", "", "", "", "优"],
  ];
  const ROAD_NAMES = ["农村道路硬化里程", "新建桥梁", "工程验收合格率", "工程按期完工", "每公里建设成本", "受益群众人数", "道路长效管护机制", "沿线群众满意度"];

  it.each([
    ["序号 | 指标名称, numbers", (seq: number, name: string): [CellValue, CellValue] => [seq, name]],
    ["序号 | 指标名称, numbers as text", (seq: number, name: string): [CellValue, CellValue] => [`${seq}.`, name]],
    ["指标名称 | 说明", (_: number, name: string): [CellValue, CellValue] => [name, `反映${name}情况`]],
  ])("names each indicator by the names' column under a 三级指标 merged over two: %s (M2)", (_, cells) => {
    const a = run(workbook({ name: "自评表", rows: twoColumns(cells, "100%"), merges: ["A1:I1", "C5:D5"] }));
    expect(names(a)).toEqual(ROAD_NAMES);
    expect(rules(a)).toEqual([]);
    expect(a.totals.map((t) => [t.score, t.grade])).toEqual([["98.1", "优"]]);
    const b = run(workbook({ name: "自评表", rows: twoColumns(cells, "103%"), merges: ["A1:I1", "C5:D5"] }));
    expect(rules(b)).toEqual(["percent-over-100@F8"]);
  });
});
