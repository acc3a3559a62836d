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
}

/** The workbook as openpyxl reads it (test/review/read_back.py). */
export function readBack(file: string): { sheets: ReadBackSheet[]; parts: string[] } {
  return pythonJson([path.join(__dirname, "read_back.py")], file) as { sheets: ReadBackSheet[]; parts: string[] };
}

/**
 * A project's 项目支出绩效自评表 as units fill it in, with nothing wrong in it: title, 项目名称 and
 * 实施单位 block, a merged budget block, indicators under merged 一级/二级 labels, 总分 and 等次.
 */
export async function cleanProjectWorkbook(file: string, project: string, unit: string): Promise<string> {
  await writeGridXlsx(
    workbook({
      name: "项目自评表",
      rows: [
        ["2023年度项目支出绩效自评表"],
        ["项目名称", project, "", "", "", "", "单位：万元"],
        ["主管部门", "某县水利局", "", "", "实施单位", unit],
        ["项目资金（万元）", "", "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
        ["", "年度资金总额", 300, 320, 288, 10, 0.9, 9],
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
