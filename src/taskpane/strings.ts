/**
 * Every string the task pane, the ribbon command and its notice dialog show, in Chinese (the
 * default) and English. Pick a set with `STRINGS[host.language()]`.
 */
import { BilingualError } from "../core/messages";
import type { NegativeFormula } from "../core/profile";
import type { Severity } from "../core/result";
import type { Lang, RecalcStep } from "./pane-host";

export interface Strings {
  /** The language of this set, for messages that come in both (a profile's errors). */
  lang: Lang;
  appTitle: string;
  loading: string;
  notInExcel: string;
  startFailed: string;
  recalculate: string;
  recalculating: string;
  undo: string;
  undoing: string;
  undoDone: (cells: number) => string;
  undoNothing: string;
  undoFailed: string;
  clean: string;
  cleaning: string;
  cleanDone: (marks: number) => string;
  cleanFailed: string;
  tabResults: string;
  tabSettings: string;
  idleHint: string;
  steps: Record<RecalcStep, string>;
  stepDone: string;
  stepCurrent: string;
  stepPending: string;
  progressLabel: string;
  runningStep: (step: string) => string;
  errorTitle: string;
  unknownError: string;
  total: string;
  grade: string;
  noValue: string;
  written: (sheet: string, filled: number, marked: number) => string;
  levelsTitle: string;
  levelScore: (score: string, weight: string) => string;
  levelBarLabel: (name: string, score: string, weight: string) => string;
  noLevels: string;
  findingsTitle: (count: number) => string;
  noFindings: string;
  noMatchingFindings: string;
  severity: Record<Severity, string>;
  severityGroup: (severity: string, count: number) => string;
  severityFilter: string;
  ruleFilter: string;
  allRules: string;
  ruleOption: (rule: string, count: number) => string;
  findingHint: string;
  selectFailed: string;
  profileLoadFailed: string;
  settings: {
    title: string;
    name: string;
    grades: string;
    gradesHint: string;
    gradesInvalid: string;
    budgetWeight: string;
    budgetWeightHint: string;
    qualitative: string;
    qualitativeHint: string;
    achieved: string;
    partial: string;
    notAchieved: string;
    low: string;
    high: string;
    percentInvalid: string;
    bandOrder: string;
    numberInvalid: string;
    negativeFormula: string;
    formulas: Record<NegativeFormula, string>;
    overAchievement: string;
    overAchievementHint: string;
    overAchievementInvalid: string;
    markCells: string;
    markCellsHint: string;
    save: string;
    saving: string;
    saved: string;
    saveFailed: string;
    resetDefault: string;
    invalid: string;
  };
  command: {
    noticeTitle: string;
    summary: (total: string, grade: string, reason: string | null) => string;
    findings: (errors: number, warnings: number, infos: number) => string;
    noFindings: string;
    writtenTo: (sheet: string) => string;
    noTables: string;
    failed: string;
    ok: string;
  };
}

const zh: Strings = {
  lang: "zh",
  appTitle: "绩效自评助手",
  loading: "正在加载…",
  notInExcel: "请在 Excel 中打开此加载项。",
  startFailed: "助手无法启动",
  recalculate: "一键重算",
  recalculating: "正在重算…",
  undo: "撤销上次重算",
  undoing: "正在撤销…",
  undoDone: (cells) => `已撤销上次重算，恢复了 ${cells} 个单元格。`,
  undoNothing: "没有可以撤销的重算。",
  undoFailed: "撤销失败",
  clean: "清除标记",
  cleaning: "正在清除…",
  cleanDone: (marks) => (marks === 0 ? "没有需要清除的标记。" : `已清除 ${marks} 处标记及其批注，数据未变。`),
  cleanFailed: "清除标记失败",
  tabResults: "结果",
  tabSettings: "评分方案",
  idleHint:
    "打开自评表所在的工作簿，点击“一键重算”：助手会识别自评表，校验数据，计算得分和等次，并把结果写入“综合得分”工作表。",
  steps: { read: "读取", detect: "识别", validate: "校验", score: "计算", write: "写回" },
  stepDone: "已完成",
  stepCurrent: "进行中",
  stepPending: "等待中",
  progressLabel: "重算进度",
  runningStep: (step) => `正在${step}…`,
  errorTitle: "出错了",
  unknownError: "未知错误",
  total: "综合得分",
  grade: "评价等次",
  noValue: "—",
  written: (sheet, filled, marked) => `结果已写入“${sheet}”工作表；补填 ${filled} 个单元格，标记 ${marked} 个单元格。`,
  levelsTitle: "一级指标得分",
  levelScore: (score, weight) => `${score} / ${weight} 分`,
  levelBarLabel: (name, score, weight) => `${name}：${score} / ${weight} 分`,
  noLevels: "没有一级指标得分。",
  findingsTitle: (count) => `发现的问题（${count}）`,
  noFindings: "没有发现问题。",
  noMatchingFindings: "没有符合筛选条件的问题。",
  severity: { error: "错误", warning: "警告", info: "提示" },
  severityGroup: (severity, count) => `${severity}（${count}）`,
  severityFilter: "按严重程度筛选",
  ruleFilter: "按规则筛选",
  allRules: "全部规则",
  ruleOption: (rule, count) => `${rule}（${count}）`,
  findingHint: "按 Enter 或单击以选中该单元格；用上下方向键在问题之间移动。",
  selectFailed: "无法选中该单元格",
  profileLoadFailed: "无法读取保存的评分方案，暂用默认方案",
  settings: {
    title: "评分方案",
    name: "方案名称",
    grades: "等次划分",
    gradesHint: "写成 分数:等次，用逗号分隔，例如 90:优,80:良,60:中,0:差",
    gradesInvalid: "等次划分应写成 分数:等次，例如 90:优,80:良,60:中,0:差",
    budgetWeight: "预算执行率分值",
    budgetWeightHint: "默认 10 分；指标分值与它合计应为 100 分",
    qualitative: "定性指标得分区间（占分值的百分比）",
    qualitativeHint: "评分时在区间内取值；超出区间的记录得分会被标出",
    achieved: "达成",
    partial: "部分达成",
    notAchieved: "未达成",
    low: "下限 %",
    high: "上限 %",
    percentInvalid: "应为 0 到 100 之间的数",
    bandOrder: "下限不能高于上限",
    numberInvalid: "应为 0 到 100 之间的数",
    negativeFormula: "反向指标（≤ 目标）超出时的得分",
    formulas: {
      ratio: "按比例：分值 × 目标 ÷ 实际",
      linear: "线性递减：实际达到目标两倍时为 0 分",
    },
    overAchievement: "超额完成阈值 %",
    overAchievementHint: "正向指标的实际值达到目标的这一百分比时，需要说明原因（默认 130%）",
    overAchievementInvalid: "应为不小于 100 的数",
    markCells: "用颜色标记有问题的单元格",
    markCellsHint: "错误、警告、提示分别用不同的填充色",
    save: "保存方案",
    saving: "正在保存…",
    saved: "评分方案已保存，下次重算时使用。",
    saveFailed: "保存失败",
    resetDefault: "恢复默认值",
    invalid: "请先改正标出的设置。",
  },
  command: {
    noticeTitle: "绩效自评助手",
    summary: (total, grade, reason) => `综合得分 ${total}，评价等次 ${grade}${reason ? `（${reason}）` : ""}。`,
    findings: (errors, warnings, infos) =>
      `发现 ${errors + warnings + infos} 个问题：错误 ${errors} 个，警告 ${warnings} 个，提示 ${infos} 个。`,
    noFindings: "没有发现问题。",
    writtenTo: (sheet) => `详情见“${sheet}”工作表，或点击“打开助手”。`,
    noTables: "没有找到自评表",
    failed: "重算失败",
    ok: "确定",
  },
};

const en: Strings = {
  lang: "en",
  appTitle: "Self-Evaluation Assistant",
  loading: "Loading…",
  notInExcel: "Open this add-in in Excel.",
  startFailed: "The assistant could not start",
  recalculate: "Recalculate",
  recalculating: "Recalculating…",
  undo: "Undo last recalculation",
  undoing: "Undoing…",
  undoDone: (cells) => `Undid the last recalculation: ${cells} ${cells === 1 ? "cell" : "cells"} restored.`,
  undoNothing: "There is no recalculation to undo.",
  undoFailed: "Undo failed",
  clean: "Remove marks",
  cleaning: "Removing…",
  cleanDone: (marks) => (marks === 0 ? "There were no marks to remove." : `Removed ${marks} ${marks === 1 ? "mark" : "marks"} and their notes; the data is unchanged.`),
  cleanFailed: "Removing the marks failed",
  tabResults: "Results",
  tabSettings: "Scoring profile",
  idleHint:
    "Open the workbook with the self-evaluation tables and choose Recalculate: the assistant finds the tables, checks them, computes the scores and grade, and writes them to a summary sheet.",
  steps: { read: "Read", detect: "Detect", validate: "Validate", score: "Score", write: "Write" },
  stepDone: "done",
  stepCurrent: "in progress",
  stepPending: "waiting",
  progressLabel: "Recalculation progress",
  runningStep: (step) => `${step}…`,
  errorTitle: "Something went wrong",
  unknownError: "Unknown error",
  total: "Total score",
  grade: "Grade",
  noValue: "—",
  written: (sheet, filled, marked) =>
    `Results written to the “${sheet}” sheet; ${filled} ${filled === 1 ? "cell" : "cells"} filled in, ${marked} marked.`,
  levelsTitle: "Scores by level-1 indicator",
  levelScore: (score, weight) => `${score} / ${weight}`,
  levelBarLabel: (name, score, weight) => `${name}: ${score} of ${weight}`,
  noLevels: "No level-1 indicator scores.",
  findingsTitle: (count) => `Findings (${count})`,
  noFindings: "No findings.",
  noMatchingFindings: "No findings match the filter.",
  severity: { error: "Error", warning: "Warning", info: "Info" },
  severityGroup: (severity, count) => `${severity} (${count})`,
  severityFilter: "Filter by severity",
  ruleFilter: "Filter by rule",
  allRules: "All rules",
  ruleOption: (rule, count) => `${rule} (${count})`,
  findingHint: "Press Enter or click to select the cell; use the arrow keys to move between findings.",
  selectFailed: "Could not select the cell",
  profileLoadFailed: "Could not read the saved scoring profile; using the default",
  settings: {
    title: "Scoring profile",
    name: "Profile name",
    grades: "Grades",
    gradesHint: "score:label pairs separated by commas, e.g. 90:A,80:B,60:C,0:D",
    gradesInvalid: "Write grades as score:label pairs, e.g. 90:A,80:B,60:C,0:D",
    budgetWeight: "Budget execution weight",
    budgetWeightHint: "10 by default; with the indicator weights it should total 100",
    qualitative: "Qualitative score bands (% of the weight)",
    qualitativeHint: "The reviewer picks a score inside the band; recorded scores outside it are flagged",
    achieved: "Achieved",
    partial: "Partly achieved",
    notAchieved: "Not achieved",
    low: "Low %",
    high: "High %",
    percentInvalid: "Enter a number from 0 to 100",
    bandOrder: "The low end cannot exceed the high end",
    numberInvalid: "Enter a number from 0 to 100",
    negativeFormula: "Negative indicators (≤ target) above target score",
    formulas: {
      ratio: "Proportionally: weight × target ÷ actual",
      linear: "Linearly down to 0 at twice the target",
    },
    overAchievement: "Over-achievement threshold %",
    overAchievementHint: "A positive indicator at or above this % of its target needs a reason (130% by default)",
    overAchievementInvalid: "Enter a number of at least 100",
    markCells: "Colour the cells that have findings",
    markCellsHint: "Errors, warnings and advice get different fills",
    save: "Save profile",
    saving: "Saving…",
    saved: "Scoring profile saved; the next recalculation uses it.",
    saveFailed: "Could not save",
    resetDefault: "Restore defaults",
    invalid: "Correct the marked settings first.",
  },
  command: {
    noticeTitle: "Self-Evaluation Assistant",
    summary: (total, grade, reason) => `Total score ${total}, grade ${grade}${reason ? ` (${reason})` : ""}.`,
    findings: (errors, warnings, infos) =>
      `${errors + warnings + infos} findings: ${errors} errors, ${warnings} warnings, ${infos} info.`,
    noFindings: "No findings.",
    writtenTo: (sheet) => `See the “${sheet}” sheet, or choose Open assistant.`,
    noTables: "No self-evaluation table found",
    failed: "Recalculation failed",
    ok: "OK",
  },
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

/** The message of anything thrown, for showing to the user. */
export function errorText(error: unknown, strings: Strings): string {
  if (error instanceof BilingualError) return error.textIn(strings.lang);
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  if (typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string") {
    const message = (error as { message: string }).message;
    if (message) return message;
  }
  return strings.unknownError;
}
