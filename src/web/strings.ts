/** What the page says beyond the task pane's own strings (src/taskpane/strings.ts), in zh and en. */
import type { Lang } from "../core/analyze";
import { STRINGS, Strings } from "../taskpane/strings";
import type { ScoreStep } from "./protocol";

export interface PageStrings {
  pane: Strings;
  title: string;
  intro: string;
  offline: string;
  choose: string;
  drop: string;
  formats: string;
  steps: Record<ScoreStep | "queued", string>;
  downloadCopy: string;
  downloadReport: string;
  reviewTitle: string;
  reviewHint: (done: number, failed: number, waiting: number) => string;
  downloadReview: string;
  settings: string;
  rescoring: string;
}

const zh: PageStrings = {
  // The results view speaks of the scored copy the page offers, not of a workbook open in Excel.
  pane: { ...STRINGS.zh, written: (sheet, filled, marked) => `评分后的工作簿中：补填 ${filled} 个单元格，标记 ${marked} 个单元格，并加入“${sheet}”工作表。` },
  title: "绩效自评助手（网页版）",
  intro: "在浏览器中检查并计算预算绩效自评表。文件只在本机处理，不会上传。",
  offline: "本页加载一次后即可离线使用。",
  choose: "选择 .xlsx 文件",
  drop: "或把一个或多个 .xlsx 文件拖到这里",
  formats: ".xls 与 WPS 的 .et 文件请先另存为 .xlsx。",
  steps: { queued: "排队中", read: "读取中", check: "检查中", score: "计分中", write: "生成评分后的工作簿" },
  downloadCopy: "下载评分后的工作簿",
  downloadReport: "下载 JSON 报告",
  reviewTitle: "汇总复核",
  reviewHint: (done, failed, waiting) => `已完成 ${done} 个文件，${failed} 个无法读取${waiting > 0 ? `，还有 ${waiting} 个在处理` : ""}。`,
  downloadReview: "下载汇总复核（汇总.xlsx）",
  settings: "评分方案",
  rescoring: "已按新的评分方案重新计算。",
};

const en: PageStrings = {
  pane: { ...STRINGS.en, written: (sheet, filled, marked) => `In the scored workbook: ${filled} cells filled, ${marked} marked, and the "${sheet}" sheet added.` },
  title: "Jixiao self-evaluation checker (web)",
  intro: "Checks and scores budget-performance self-evaluation workbooks in the browser. Files stay on this computer; nothing is uploaded.",
  offline: "Once loaded, this page also works offline.",
  choose: "Choose .xlsx files",
  drop: "or drop one or more .xlsx files here",
  formats: "Save .xls and WPS .et files as .xlsx first.",
  steps: { queued: "Waiting", read: "Reading", check: "Checking", score: "Scoring", write: "Writing the scored copy" },
  downloadCopy: "Download the scored workbook",
  downloadReport: "Download the JSON report",
  reviewTitle: "Review of all files",
  reviewHint: (done, failed, waiting) => `${done} files done, ${failed} could not be read${waiting > 0 ? `, ${waiting} still working` : ""}.`,
  downloadReview: "Download the review (汇总.xlsx)",
  settings: "Scoring profile",
  rescoring: "Scored again with the new profile.",
};

export const PAGE_STRINGS: Record<Lang, PageStrings> = { zh, en };
