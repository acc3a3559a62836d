/**
 * Every string the task pane, the ribbon command and its notice dialog show, in Chinese (the
 * default, here) and English (./strings-en). Get a set with `loadStrings(paneLanguage(host))`.
 */
import { recordGapText } from "../core/marks";
import { BilingualError, NO_SCORING, type Lang } from "../core/messages";
import type { NegativeFormula } from "../core/profile";
import type { Severity } from "../core/result";
import type { PaneHost, RecalcStep } from "./pane-host";

export interface Strings {
  /** The language of this set, for messages that come in both (a profile's errors). */
  lang: Lang;
  appTitle: string;
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
  /** Marks taken back with their notes, and how many of the values jixiao filled in went with them. */
  cleanDone: (marks: number, cleared: number) => string;
  /** The notes whose jixiao text went though the record did not list them, and the cells to check. */
  cleanToCheck: (notes: number, cells: string[]) => string;
  cleanFailed: string;
  /** After 清除标记: the action that puts jixiao's summary sheet away too, and what it did. */
  removeSummary: (sheet: string) => string;
  summaryRemoved: (sheet: string) => string;
  /** The summary sheet written in since the run is the user's: kept. */
  summaryWrittenIn: (sheets: string[]) => string;
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
  selectFailed: string;
  profileLoadFailed: string;
  settingsUnavailable: string;
  resultsUnavailable: string;
  ruleLabel: (severity: string, rule: string) => string;
  search: string;
  searchPlaceholder: string;
  /** A table's total and grade, with why it has no grade (core headlines) where it says. */
  tableTotal: (total: string, grade: string, reason?: string | null) => string;
  /** A form's line among several: its label, then what it says (tableTotal). */
  tableLine: (label: string, line: string) => string;
  /** Between the parts of a table's line (its total; its counts). */
  separator: string;
  targetsOnly: string;
  noTotals: string;
  /** Hidden sheets are not read (as 综合得分 and the command line say): which ones. */
  hiddenSheets: (names: string[]) => string;
  budgetTable: string;
  counts: (counts: Record<Severity, number>) => string;
  collapsed: (count: number, rule: string) => string;
  rowTitle: (row: number, label: string) => string;
  goToCell: (where: string) => string;
  fix: string;
  fixChange: (before: string, after: string) => string;
  fixAll: (count: number) => string;
  fixPreview: string;
  fixConfirm: (count: number) => string;
  cancel: string;
  fixDone: (count: number) => string;
  fixFailed: string;
  ignore: string;
  ignoreReason: string;
  ignoreReasonHint: string;
  ignoreConfirm: string;
  ignoreFailed: string;
  ignoredTitle: (count: number) => string;
  ignoredReason: (reason: string) => string;
  unignore: string;
  staleProfile: string;
  staleWorkbook: string;
  recalcNow: string;
  checkAsYouType: string;
  checkAsYouTypeHint: string;
  cancelRun: string;
  cancelling: string;
  /** At the write step, where 取消重算 is no longer offered. */
  writeNotCancellable: string;
  cancelled: string;
  /** Sheets read, then the sheet being worked on (every sheet of the workbook counted). */
  stepCounts: (step: RecalcStep, done: number, total: number) => string;
  /** `unscored`: the one form has no 分值 and 得分 columns (TotalReport.unscored): it scores nothing, nothing is missing. */
  announce: (total: string | null, grade: string | null, findings: number, unscored?: boolean) => string;
  settings: {
    title: string;
    name: string;
    grades: string;
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
    saveFailed: string;
    resetDefault: string;
    scoreDecimals: string;
    rateDecimals: string;
    decimalsHint: (fewest: number, most: number) => string;
    decimalsInvalid: (fewest: number, most: number) => string;
    gradeMin: string;
    gradeLabel: string;
    addGrade: string;
    removeGrade: (label: string) => string;
    preset: string;
    presetHint: string;
    presetSource: string;
    exportProfile: string;
    importProfile: string;
    autosaved: string;
    unsavedInvalid: string;
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

export const zh: Strings = {
  lang: "zh",
  appTitle: "绩效自评助手",
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
  cleanDone: (marks, cleared) =>
    marks === 0 ? "没有需要清除的标记。" : `已清除 ${marks} 处标记及其批注${cleared > 0 ? `，去掉了助手补填的 ${cleared} 个数值` : ""}；您填写的数据未变。`,
  cleanToCheck: (notes, cells) => recordGapText(notes, cells, "zh"),
  cleanFailed: "清除标记失败",
  removeSummary: (sheet) => `同时移除“${sheet}”工作表`,
  summaryRemoved: (sheet) => `已移除“${sheet}”工作表；点击“撤销上次重算”可找回。`,
  summaryWrittenIn: (sheets) => `${sheets.map((sheet) => `“${sheet}”`).join("、")}工作表在上次重算后有人填写过，已保留；如不需要，请手动删除。`,
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
  written: (sheet, filled, marked) => `结果已写入“${sheet}”工作表；补填 ${filled} 个单元格，标记 ${marked} 处。`,
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
  selectFailed: "无法选中该单元格",
  profileLoadFailed: "无法读取保存的评分方案，暂用默认方案",
  settingsUnavailable: "设置页未能载入，请关闭后重新打开助手。",
  resultsUnavailable: "检查结果列表未能载入，请关闭后重新打开助手（工作簿中的标记和“综合得分”已写好）。",
  ruleLabel: (severity, rule) => `${severity}：${rule}`,
  search: "搜索问题",
  searchPlaceholder: "按文字、单元格或指标名称搜索",
  tableTotal: (total, grade, reason) => `总分 ${total}　等次 ${grade}${reason ? `（${reason}）` : ""}`,
  tableLine: (label, line) => `${label}：${line}`,
  separator: "；",
  targetsOnly: "绩效目标表：只校验，不计分",
  noTotals: "工作簿中只有绩效目标表（或项目清单）：只校验，不计分，因此没有综合得分和等次。",
  hiddenSheets: (names) => `隐藏的工作表或列未检查：${names.join("、")}。取消隐藏后重新计算即可检查。`,
  budgetTable: "预算执行表",
  counts: (c) =>
    [c.error && `错误 ${c.error}`, c.warning && `警告 ${c.warning}`, c.info && `提示 ${c.info}`].filter(Boolean).join("，") || "没有问题",
  collapsed: (count, rule) => `${count} 处：${rule}`,
  rowTitle: (row, label) => `第 ${row} 行　${label}`,
  goToCell: (where) => `选中 ${where}`,
  fix: "采用计算值",
  fixChange: (before, after) => `${before} → ${after}`,
  fixAll: (count) => `全部采用（${count}）`,
  fixPreview: "将写入以下计算值（可用“撤销上次重算”恢复）：",
  fixConfirm: (count) => `写入 ${count} 个单元格`,
  cancel: "取消",
  fixDone: (count) => `已写入 ${count} 个计算值。`,
  fixFailed: "写入失败",
  ignore: "忽略",
  ignoreReason: "忽略原因",
  ignoreReasonHint: "简要说明，例如“原因已在报告中说明”或“本地规定不同”。原因保存在工作簿中。",
  ignoreConfirm: "确定忽略",
  ignoreFailed: "无法保存忽略记录",
  ignoredTitle: (count) => `已忽略（${count}）`,
  ignoredReason: (reason) => `原因：${reason}`,
  unignore: "恢复",
  staleProfile: "评分方案已修改，当前结果仍按旧方案计算。",
  staleWorkbook: "工作簿已修改，“综合得分”工作表尚未更新。",
  recalcNow: "重新计算",
  checkAsYouType: "边改边查",
  checkAsYouTypeHint: "编辑表格后自动重新校验（只读取，不写入）",
  cancelRun: "取消重算",
  cancelling: "正在取消…",
  writeNotCancellable: "正在一次写入全部结果，写入中不能取消。",
  cancelled: "已取消，工作簿未改动。",
  stepCounts: (step, done, total) => (step === "read" ? `已读取 ${done} / ${total} 张工作表` : `第 ${done} / ${total} 张表`),
  announce: (total, grade, findings, unscored) =>
    `${total === null ? (unscored ? NO_SCORING.zh : "综合得分无法计算") : `综合得分 ${total}${grade ? `，${grade}` : ""}`}；${findings === 0 ? "没有发现问题" : `发现 ${findings} 个问题`}`,
  settings: {
    title: "评分方案",
    name: "方案名称",
    grades: "等次（总分不低于最低分即得该等次）",
    gradesInvalid: "每个等次需要最低分（0 到 100 的数）和名称",
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
    saveFailed: "保存失败",
    resetDefault: "恢复默认值",
    scoreDecimals: "得分保留小数位数",
    rateDecimals: "执行率保留小数位数（按小数计，4 即 43.16%）",
    decimalsHint: (fewest, most) => `${fewest} 到 ${most} 的整数`,
    decimalsInvalid: (fewest, most) => `应为 ${fewest} 到 ${most} 的整数`,
    gradeMin: "最低分",
    gradeLabel: "等次",
    addGrade: "添加等次",
    removeGrade: (label) => `删除等次“${label}”`,
    preset: "预设方案",
    presetHint: "选择后填入下面各项，可再修改",
    presetSource: "依据",
    exportProfile: "导出 JSON",
    importProfile: "导入 JSON",
    autosaved: "已自动保存，下次重算时使用。",
    unsavedInvalid: "有未保存的修改：请改正标出的设置，改正后自动保存。",
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

/**
 * The set of a language. English is a chunk of its own, fetched when an English Office asks for it:
 * the pane most people open (in Chinese) does not load it.
 */
export function loadStrings(lang: Lang): Promise<Strings> {
  if (lang !== "en") return Promise.resolve(zh);
  // A chunk that cannot be fetched (offline, a stale cache) leaves the pane in Chinese, never without words.
  return import(/* webpackChunkName: "strings-en" */ "./strings-en").then((m) => m.en, () => zh);
}

/** The host's language, Chinese where it cannot tell (or there is no host yet). */
export function paneLanguage(host: PaneHost | undefined): Lang {
  try {
    return host?.language() === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

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
