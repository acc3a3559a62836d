/**
 * Workbooks as units hand them in to the finance bureau's review, as grids: a unit's list of its
 * projects beside each project's own sheet, and a 部门整体 form on two sheets.
 */
import { INDICATOR_HEADER, SheetSpec, workbook } from "./grid";

/** A project's own sheet: budget block with its 分值, indicators adding up to 90, 总分. */
export const projectSheet = (name: string, planned: number, spent: number): SheetSpec => ({
  name,
  rows: [
    ["项目支出绩效自评表"],
    ["项目名称", name, "", "", "实施单位", "县农业农村局"],
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", planned, planned, spent, 10, spent / planned, (10 * spent) / planned],
    [],
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "建成高标准农田", "≥1万亩", "1.2万亩", 50, 50, ""],
    ["效益指标", "经济效益指标", "亩均增产", "≥50公斤", "60公斤", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "95%", 10, 10, ""],
    ["总分", "", "", "", "", 100, 90 + (10 * spent) / planned, ""],
  ],
});

/** A unit's list of its projects with their budgets and a 合计 line, in 万元, no 分值 column. */
export const projectList: SheetSpec = {
  name: "项目汇总",
  rows: [
    ["2023年度项目支出绩效自评汇总表"],
    ["单位名称", "县农业农村局", "", "", "单位：万元"],
    ["序号", "项目名称", "全年预算数", "全年执行数", "执行率"],
    [1, "高标准农田建设", 2500, 2500, 1],
    [2, "农村人居环境整治", 800, 720, 0.9],
    [3, "动物防疫补助", 120, 96, 0.8],
    ["合计", "", 3420, 3316, 0.9696],
  ],
  merges: ["A1:E1"],
  numFmts: { E4: "0.00%", E5: "0.00%", E6: "0.00%", E7: "0.00%" },
};

/** A 部门整体 form on two sheets, as rev5 had it: the unit named over the budget, the indicators on their own sheet, a wrong 执行率 (F4). */
export const departmentOnTwoSheets = workbook(
  {
    name: "预算执行",
    rows: [
      ["部门整体支出绩效自评表（预算执行情况）"],
      ["部门（单位）名称", "县民族宗教事务局"],
      ["年度预算申请（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 800, 820, 779, 10, 0.9, 9],
    ],
    numFmts: { F4: "0.0%" },
  },
  {
    name: "绩效指标",
    rows: [
      ["部门整体支出绩效自评表（绩效指标）"],
      INDICATOR_HEADER,
      ["产出指标（50分）", "数量指标", "发放补贴户数", "≥3,000户", "3,120户", 50, 50, ""],
      ["效益指标（30分）", "社会效益指标", "困难群众生活改善", "有效改善", "有效改善", 30, 30, ""],
      ["满意度指标（10分）", "服务对象满意度指标", "受益群众满意度", "≥95%", "96%", 10, 10, ""],
      ["总分", "", "", "", "", 100, 99, ""],
    ],
  },
);

/**
 * A transfer payment's 区域绩效自评表 as the 省对下 forms print it (review round 57c): a budget block
 * of 全年预算数 | 全年执行数 | 执行率 and indicators with 全年指标值 | 全年实际完成值 | 未完成原因和改进措施,
 * no 分值 and no 得分 column anywhere: it scores nothing. `scoreColumns` adds 分值 and 得分 columns
 * left blank, a scored form whose scores are missing.
 */
export const transferPaymentSheet = (name: string, planned: number, spent: number, scoreColumns = false): SheetSpec => {
  const blank = scoreColumns ? ["", ""] : [];
  return {
    name: "自评表",
    rows: [
      ["2024年度省对下转移支付绩效自评表"],
      ["项目名称", name, "", "", "实施单位", "县住房和城乡建设局"],
      ["资金情况（万元）", "全年预算数", "全年执行数", "执行率", ...(scoreColumns ? ["分值", "得分"] : [])],
      ["年度资金总额", planned, spent, spent / planned, ...blank],
      ["其中：中央补助", planned - 400, spent - 400, (spent - 400) / (planned - 400), ...blank],
      ["地方资金", 400, 400, 1, ...blank],
      [],
      ["一级指标", "二级指标", "三级指标", "全年指标值", "全年实际完成值", ...(scoreColumns ? ["分值", "得分"] : []), "未完成原因和改进措施"],
      ["产出指标", "数量指标", "农村危房改造户数", "≥210户", "215户", ...blank, ""],
      ["效益指标", "社会效益指标", "农村低收入群体住房安全", "有效保障", "有效保障", ...blank, ""],
      ["满意度指标", "服务对象满意度指标", "改造户满意度", "≥95%", "98%", ...blank, ""],
    ],
  };
};
