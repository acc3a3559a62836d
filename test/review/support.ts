/** Unit workbooks for the review's tests: the yunxi form filled in by other units, and the openpyxl read-back. */
import ExcelJS from "exceljs";
import * as path from "path";
import { workbook } from "../support/grid";
import { pythonJson } from "../support/openpyxl";
import { YUNXI, writeGridXlsx } from "../support/xlsx";

/**
 * The yunxi fixture as another unit filled it in: its 部门（单位）名称 (C2) and its 全年执行数 (E4),
 * so that units differ in budget execution and findings. Merges, formats and formulas are kept.
 */
export async function unitWorkbook(file: string, unit: string, spent: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(YUNXI);
  const ws = wb.worksheets[0];
  ws.getCell("C2").value = unit;
  ws.getCell("E4").value = spent;
  await wb.xlsx.writeFile(file);
  return file;
}

export interface ReadBackSheet {
  name: string;
  rows: unknown[][];
  freeze: string | null;
  autoFilter: string | null;
  printTitleRows: string | null;
  orientation: string | null;
  paperSize: number | string | null;
  fitToWidth: number | string | null;
  fitToHeight: number | string | null;
  fitToPage: boolean | null;
  charts: { type: string; series: { name: string | null; values: string; categories: string }[] }[];
  /** The print area as openpyxl gives it (["$A$1:$P$30"]), null for the whole sheet. */
  printArea: string[] | null;
  /** The cells marked shaded and bold. */
  marked: string[];
  /** Row number → the height set on it, in points (rows of the default height are not listed). */
  rowHeights: Record<string, number>;
  /** The centre of the page header and footer, in Excel's codes ("Page &P of &N"). */
  printHeader: string | null;
  printFooter: string | null;
}

/** The workbook as openpyxl reads it (test/review/read_back.py). */
export function readBack(file: string): { sheets: ReadBackSheet[]; parts: string[] } {
  return pythonJson([path.join(__dirname, "read_back.py")], file) as { sheets: ReadBackSheet[]; parts: string[] };
}

/**
 * How a project form states its money: a unit line in its header block (单位：万元), its budget
 * block's merged label (项目资金（万元）) and a unit in the 全年预算数 header; the amounts (the rate is 90 %).
 */
export interface FormMoney {
  unitLine: string;
  label: string;
  headerUnit: string;
  planned: number;
  spent: number;
}

export const IN_WAN_YUAN: FormMoney = { unitLine: "单位：万元", label: "项目资金（万元）", headerUnit: "", planned: 320, spent: 288 };

/**
 * A project's 项目支出绩效自评表 as units fill it in, with nothing wrong in it: title, 项目名称 and
 * 实施单位 block, a merged budget block, indicators under merged 一级/二级 labels, 总分 and 等次.
 */
export async function cleanProjectWorkbook(file: string, project: string, unit: string, money: FormMoney = IN_WAN_YUAN): Promise<string> {
  await writeGridXlsx(
    workbook({
      name: "项目自评表",
      rows: [
        ["2023年度项目支出绩效自评表"],
        ["项目名称", project, "", "", "", "", money.unitLine],
        ["主管部门", "某县水利局", "", "", "实施单位", unit],
        [money.label, "", "年初预算数", `全年预算数${money.headerUnit}(A)`, "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
        ["", "年度资金总额", money.planned, money.planned, money.spent, 10, 0.9, 9],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["", "产出指标（50分）", "数量指标", "新建集中供水工程", "≥120处", "120处", 25, 25, ""],
        ["", "", "质量指标", "水质达标率", "≥95%", "97%", 25, 25, ""],
        ["", "效益指标（30分）", "社会效益指标", "受益人口", "≥3万人", "3.2万人", 30, 30, ""],
        ["", "满意度指标（10分）", "服务对象满意度指标", "受益群众满意度", "≥90%", "96%", 10, 10, ""],
        ["总分", "", "", "", "", "", 100, 99, ""],
        ["评价等次", "", "", "", "", "", "", "优", ""],
      ],
      merges: ["A1:I1", "A4:A5", "A6:A10", "B7:B8"],
      numFmts: { G5: "0%" },
    }),
    file,
  );
  return file;
}

/**
 * A 部门整体支出绩效自评表 whose money is in 元, stated once in the header block (单位：元) as such
 * forms do: two-row budget block under a merged 资金项目 label, amounts formatted #,##0.00, the
 * 执行率 a formula with its cached result, 一级指标 on merged lines of their own.
 */
export async function yuanDepartmentWorkbook(file: string, unit: string, planned: number, spent: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("部门整体");
  ws.addRows([
    ["部门整体支出绩效自评表"],
    ["（2023年度）"],
    ["部门（单位）名称", unit, "", "", "", "", "单位：元"],
    ["资金项目", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度预算资金总额", "", planned, planned, spent, 10, null, null],
    ["其中", "基本支出", 8000000, 8200000, 8200000],
    ["", "项目支出", planned - 8200000, planned - 8200000, spent - 8200000],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["一、产出指标（50分）"],
    ["", "数量指标", "执法检查企业数", "≥500家", "532家", 25, 25],
    ["", "质量指标", "监测数据有效率", "≥95%", "98.6%", 25, 25],
    ["二、效益指标（30分）"],
    ["", "生态效益指标", "地表水达标率", "≥90%", "92%", 30, 30],
    ["三、满意度指标（10分）"],
    ["", "服务对象满意度指标", "公众满意度", "≥85%", "88%", 10, 10],
    ["自评得分", "", "", "", "", 100],
    ["评价等次"],
  ]);
  ws.getCell("G5").value = { formula: "E5/D5", result: spent / planned };
  ws.getCell("G5").numFmt = "0.00%";
  for (const row of [5, 6, 7]) for (const col of ["C", "D", "E"]) ws.getCell(`${col}${row}`).numFmt = "#,##0.00";
  for (const range of ["A1:H1", "A2:H2", "A4:B4", "A5:B5", "A6:A7", "A9:H9", "A12:H12", "A14:H14", "A16:E16", "A17:F17"]) ws.mergeCells(range);
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * A project's form that states no money unit anywhere: the budget on a 预算执行 sheet of its own,
 * the indicators and total on another.
 */
export async function unitlessProjectWorkbook(file: string, project: string, planned: number, spent: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("预算执行").addRows([
    ["项目预算执行情况表"],
    ["项目名称", project],
    ["资金来源", "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
    ["财政拨款", planned, planned, spent, spent / planned, 10, (10 * spent) / planned],
  ]);
  wb.addWorksheet("绩效指标").addRows([
    ["项目绩效指标自评表"],
    ["项目名称", project],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "举办阅读活动", "≥20场", "22场", 40, 40],
    ["", "质量指标", "活动达标率", "≥95%", "96%", 10, 10],
    ["效益指标", "社会效益指标", "参与人次", "≥5000人次", "5200人次", 30, 30],
    ["满意度指标", "服务对象满意度指标", "读者满意度", "≥90%", "92%", 10, 10],
    ["指标合计", "", "", "", "", 90, 90],
    ["项目自评总分（含预算执行率得分）", "", "", "", "", 100, 90 + (10 * spent) / planned],
    ["评价等次", "", "", "", "", "", "优"],
  ]);
  wb.getWorksheet("绩效指标")!.mergeCells("A4:A5");
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * Two project forms one under the other on one sheet, as a unit fills in its projects: the first
 * in 万元 with an amount in 万元 among its indicators (≥50万元), a few rows above the second, whose
 * money is in 元 (its merged label 项目资金（元）).
 */
export async function twoProjectsWorkbook(file: string): Promise<string> {
  const project = (name: string, money: string, planned: number, spent: number, benefit: string[]) => [
    ["项目名称", name],
    ["主管部门", "县林业局", "", "", "", "实施单位", "县林业局"],
    [`项目资金（${money}）`, "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "", planned, planned, spent, 10, 0.8, 8],
    ["", "其中：财政拨款", "", planned, planned, spent],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["", "产出指标", "数量指标", "培训人次", "≥1200人次", "1350人次", 50, 50],
    ["", "效益指标", ...benefit, 30, 30],
    ["", "满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "93%", 10, 10],
    ["总分", "", "", "", "", "", 100, 98],
    ["评价等次", "", "", "", "", "", "", "优"],
    [],
  ];
  const rows = [
    ...project("林下经济示范", "万元", 1000, 800, ["经济效益指标", "带动农户增收", "≥50万元", "56万元"]),
    ...project("森林防火", "元", 500000, 400000, ["社会效益指标", "群众办事便利度", "明显提升", "明显提升"]),
  ];
  const merges = [0, 12].flatMap((top) => [`A${top + 3}:C${top + 3}`, `A${top + 6}:A${top + 9}`]);
  await writeGridXlsx(workbook({ name: "项目自评表", rows, merges }), file);
  return file;
}
