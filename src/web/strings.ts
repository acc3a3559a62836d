/** What the page says beyond the task pane's own strings (src/taskpane/strings.ts), in zh and en. */
import type { Lang } from "../core/messages";
import type { ShownMark } from "../core/sheet-display";
import { Strings, zh as paneZh } from "../taskpane/strings";
import { en as paneEn } from "../taskpane/strings-en";
import type { ScoreStep } from "./protocol";
import { droppedEntriesLine, droppedMergesLine } from "../core/damage-notes";

/** 查看工作表 (src/web/SheetViewer.tsx). */
export interface SheetStrings {
  title: string;
  pick: string;
  legendTitle: string;
  legend: Record<ShownMark, string>;
  tableLabel: (sheet: string) => string;
  /** A large sheet is shown in part: the rows and columns shown, and how many it has. */
  cut: (rows: string, columns: string, rowCount: number, columnCount: number) => string;
  /** A finding's cell that the view does not hold. */
  outside: (where: string) => string;
}

export interface PageStrings {
  pane: Strings;
  title: string;
  intro: string;
  offline: string;
  choose: string;
  chooseFolder: string;
  drop: string;
  /** A file of a drop or a folder that the browser would not give the page. */
  unreadable: (path: string) => string;
  /** A file too large to be read (fileTooLargeText's reason). */
  tooLarge: (path: string, why: string) => string;
  alreadyAdded: (path: string) => string;
  /** Many files of a drop added before (a folder dropped again), in one line; their names under it. */
  alreadyAddedMany: (count: number) => string;
  dropFailed: string;
  /** A drop or a folder chosen that holds no workbook. */
  noWorkbooks: string;
  /** Workbooks whose names or folders start with ".", not added, as `jixiao review` passes them over; 汇总's 说明 names them. */
  hiddenSkipped: (paths: string[]) => string;
  clear: string;
  /** The overview of all files (with more than one): its columns beside 总分 and 等次. */
  overviewFile: string;
  overviewFindings: string;
  failedShort: string;
  earlierReviewShort: string;
  /** A file 汇总 does not count, on its card: a scored copy, or a copy of `first` (core ReviewTally's notes). */
  notCounted: (kind: "scored-copy" | "duplicate", first: string) => string;
  /** The same, in the overview. */
  notCountedShort: (kind: "scored-copy" | "duplicate", first: string) => string;
  /** A damaged file's merged areas that overlap others, not read (Report.droppedMerges): the command line's line. */
  droppedMerges: (ranges: string[]) => string;
  /** A damaged file's zip entries whose names are no part names, not read (Report.droppedEntries): the command line's line. */
  droppedEntries: (names: string[]) => string;
  /** A workbook of several forms, in the overview: each one's total is in its card. */
  forms: (count: number) => string;
  /** The profile in use is not the default one (kept in this browser from an earlier visit). */
  customProfile: (name: string) => string;
  restoreDefault: string;
  /** The folders' jixiao.json files in use, each with how many files it scores ("县水利局/jixiao.json（2 个文件）"). */
  folderProfiles: (inUse: string) => string;
  folderProfileCount: (path: string, files: number) => string;
  /** A jixiao.json that cannot be used: why, and that its folder's files take the next one up, or the page's profile. */
  badFolderProfile: (path: string, why: string) => string;
  formats: string;
  steps: Record<ScoreStep | "queued", string>;
  downloadCopy: string;
  downloadReport: string;
  reviewTitle: string;
  reviewHint: (done: number, failed: number, waiting: number) => string;
  /** What 汇总 counts and the files it leaves out, by why, as its legend says it (core reviewCounts): a sentence after reviewHint's. */
  reviewCounts: (counts: string) => string;
  downloadReview: string;
  settings: string;
  sheets: SheetStrings;
}

const zh: PageStrings = {
  // The results view speaks of the scored copy the page offers, not of a workbook open in Excel.
  pane: {
    ...paneZh,
    written: (sheet, filled, marked) => `评分后的工作簿中：补填 ${filled} 个单元格，标记 ${marked} 个单元格，并加入“${sheet}”工作表。`,
    // A finding's cell opens in 查看工作表 below, as there is no workbook open to select it in.
    goToCell: (where) => `在工作表中查看 ${where}`,
    // The page scores its files again at once.
    settings: { ...paneZh.settings, autosaved: "已自动保存，各文件已按此方案重新计算。" },
  },
  title: "绩效自评助手（网页版）",
  intro: "在浏览器中检查并计算预算绩效自评表。文件只在本机处理，不会上传。",
  offline: "本页加载一次后即可离线使用。",
  choose: "选择 .xlsx 文件",
  chooseFolder: "选择文件夹",
  drop: "或把 .xlsx 文件、或装有各单位文件的文件夹拖到这里",
  unreadable: (path) => `${path}：浏览器无法读取此文件，未加入。`,
  tooLarge: (path, why) => `${path}：${why}，未加入。`,
  alreadyAdded: (path) => `${path}：已加入过同一文件，未重复加入。`,
  alreadyAddedMany: (count) => `${count} 个文件已加入过（同一路径、同一内容），未重复加入。`,
  dropFailed: "无法读取拖入的内容。请打开文件夹，选中其中的文件后再拖入，或用“选择文件夹”。",
  clear: "清空列表",
  noWorkbooks: "拖入或选择的内容中没有 .xlsx 工作簿。",
  hiddenSkipped: (paths) => `跳过隐藏文件（文件名或所在文件夹名以“.”开头），未加入，汇总的“说明”中列出：${paths.join("、")}。`,
  overviewFile: "文件",
  overviewFindings: "问题",
  failedShort: "无法读取",
  earlierReviewShort: "复核汇总，不计入",
  notCounted: (kind, first) =>
    kind === "duplicate" ? `不计入汇总：与 ${first} 内容完全相同，汇总只计入 ${first}。` : "不计入汇总：这是 jixiao 评分后的副本，其原工作簿也在列表中，汇总只计入原工作簿。",
  notCountedShort: (kind, first) => (kind === "duplicate" ? `${first} 的副本，不计入` : "评分后的副本，不计入"),
  droppedMerges: (ranges) => droppedMergesLine(ranges, "zh"),
  droppedEntries: (names) => droppedEntriesLine(names, "zh"),
  forms: (count) => `${count} 张表，见下文`,
  customProfile: (name) => `正在使用自定义的评分方案“${name}”（与默认的财预〔2020〕10号方案不同，保存在本浏览器中），得分可能与默认方案不同。`,
  restoreDefault: "恢复默认方案",
  folderProfiles: (inUse) => `按文件夹中的评分方案评分（与 jixiao review 相同，不受下方“评分方案”影响）：${inUse}。`,
  folderProfileCount: (path, files) => `${path}（${files} 个文件）`,
  badFolderProfile: (path, why) => `${path}：${why}；未按它评分（其文件夹中的工作簿按上一级文件夹的方案，没有则按本页的评分方案评分）。`,
  formats: ".xls 与 WPS 的 .et 文件请先另存为 .xlsx。",
  steps: { queued: "排队中", read: "读取中", check: "检查中", score: "计分中", write: "生成评分后的工作簿" },
  downloadCopy: "下载评分后的工作簿",
  downloadReport: "下载 JSON 报告",
  reviewTitle: "汇总复核",
  reviewHint: (done, failed, waiting) => `已完成 ${done} 个文件，${failed} 个无法读取${waiting > 0 ? `，还有 ${waiting} 个在处理` : ""}。`,
  reviewCounts: (counts) => `汇总：${counts}。`,
  downloadReview: "下载汇总复核（汇总.xlsx）",
  settings: "评分方案",
  sheets: {
    title: "查看工作表",
    pick: "工作表",
    legendTitle: "图例",
    legend: { ...paneZh.severity, filled: "补填" },
    tableLabel: (sheet) => `工作表“${sheet}”（评分后）`,
    cut: (rows, columns, rowCount, columnCount) => `工作表较大（共 ${rowCount} 行、${columnCount} 列），这里只显示表格所在的第 ${rows} 行、${columns} 列。`,
    outside: (where) => `${where} 不在这里显示的范围内。`,
  },
};

const en: PageStrings = {
  pane: {
    ...paneEn,
    written: (sheet, filled, marked) =>
      `In the scored workbook: ${filled} ${filled === 1 ? "cell" : "cells"} filled, ${marked} marked, and the "${sheet}" sheet added.`,
    goToCell: (where) => `Show ${where} in the sheet view`,
    settings: { ...paneEn.settings, autosaved: "Saved automatically; every file was scored again with it." },
  },
  title: "Jixiao self-evaluation checker (web)",
  intro: "Checks and scores budget-performance self-evaluation workbooks in the browser. Files stay on this computer; nothing is uploaded.",
  offline: "Once loaded, this page also works offline.",
  choose: "Choose .xlsx files",
  chooseFolder: "Choose a folder",
  drop: "or drop .xlsx files, or a folder of units' files, here",
  unreadable: (path) => `${path}: the browser could not read this file; it was not added.`,
  tooLarge: (path, why) => `${path}: ${why}; it was not added.`,
  alreadyAdded: (path) => `${path}: the same file was added before; it was not added again.`,
  alreadyAddedMany: (count) => `${count} files were added before (the same paths and bytes); they were not added again.`,
  dropFailed: "What was dropped could not be read. Open the folder, select its files and drop them, or use Choose a folder.",
  clear: "Clear the list",
  noWorkbooks: "What was dropped or chosen holds no .xlsx workbook.",
  hiddenSkipped: (paths) => `Skipped hidden files (their names or folders' start with "."), not added; 汇总's 说明 lists them: ${paths.join(", ")}.`,
  overviewFile: "File",
  overviewFindings: "Findings",
  failedShort: "Could not be read",
  earlierReviewShort: "A review, not counted",
  notCounted: (kind, first) =>
    kind === "duplicate"
      ? `Not counted in the review: identical to ${first}, which the review counts.`
      : "Not counted in the review: a scored copy jixiao wrote, whose workbook is listed and counted.",
  notCountedShort: (kind, first) => (kind === "duplicate" ? `A copy of ${first}, not counted` : "A scored copy, not counted"),
  droppedMerges: (ranges) => droppedMergesLine(ranges, "en"),
  droppedEntries: (names) => droppedEntriesLine(names, "en"),
  forms: (count) => `${count} forms, see below`,
  customProfile: (name) => `A custom scoring profile, "${name}", is in use (kept in this browser; not the default of the Ministry of Finance, 2020): scores may differ from the default's.`,
  restoreDefault: "Restore the default",
  folderProfiles: (inUse) => `Scored by their folders' scoring profiles (as jixiao review does; the profile below does not apply to them): ${inUse}.`,
  folderProfileCount: (path, files) => `${path} (${files} ${files === 1 ? "file" : "files"})`,
  badFolderProfile: (path, why) => `${path}: ${why}; not used (the workbooks of its folder are scored by a folder's above, or else by this page's profile).`,
  formats: "Save .xls and WPS .et files as .xlsx first.",
  steps: { queued: "Waiting", read: "Reading", check: "Checking", score: "Scoring", write: "Writing the scored copy" },
  downloadCopy: "Download the scored workbook",
  downloadReport: "Download the JSON report",
  reviewTitle: "Review of all files",
  reviewHint: (done, failed, waiting) =>
    `${done} ${done === 1 ? "file" : "files"} done, ${failed} could not be read${waiting > 0 ? `, ${waiting} still working` : ""}.`,
  reviewCounts: (counts) => ` The review: ${counts}.`,
  downloadReview: "Download the review (汇总.xlsx)",
  settings: "Scoring profile",
  sheets: {
    title: "View sheets",
    pick: "Sheet",
    legendTitle: "Legend",
    legend: { ...paneEn.severity, filled: "Filled in" },
    tableLabel: (sheet) => `Sheet "${sheet}" (scored)`,
    cut: (rows, columns, rowCount, columnCount) => `A large sheet (${rowCount} rows, ${columnCount} columns): only rows ${rows}, columns ${columns}, around its tables, are shown.`,
    outside: (where) => `${where} is outside the part shown here.`,
  },
};

export const PAGE_STRINGS: Record<Lang, PageStrings> = { zh, en };
