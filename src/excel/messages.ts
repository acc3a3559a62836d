/**
 * What the adapters tell the user when they cannot go on, in the pane's language. Every message
 * says whether anything was changed, so nobody has to guess the state of the workbook.
 */
import type { Lang } from "../core/messages";

/** A failure explained for the user; `message` is shown as it is. */
export class HostError extends Error {
  constructor(
    message: string,
    /** The Office.js error code behind it, when there is one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = "HostError";
  }
}

export interface HostMessages {
  apiTooOld: string;
  protectedSheet(sheet: string): string;
  protectedWorkbook: string;
  sheetMissing(sheet: string): string;
  summaryNameTaken(name: string): string;
  undoTooLarge(cells: number): string;
  undoDamaged: string;
  toolsUnavailable: string;
  /** A part of the core a check or recalculation fetches after the pane's first load (the 综合得分 layout, the English finding messages) could not be fetched. */
  coreUnavailable: string;
  undoProtectedSheet(sheet: string): string;
  undoProtectedWorkbook: string;
  /** Cells ("自评表!H5") or sheets (sheetItem) changed, renamed or deleted since the run: undo would overwrite them. */
  undoEditedSince(items: string[], more: number): string;
  sheetItem(sheet: string): string;
  cellEditMode: string;
  tooLarge: string;
  accessDenied: string;
  excelError(message: string, code: string): string;
}

const ZH: HostMessages = {
  apiTooOld: "此功能需要 Excel 2019 或更新版本（Excel 2021、Microsoft 365 或网页版 Excel）。未做任何修改。",
  protectedSheet: (sheet) => `工作表“${sheet}”受保护，未做任何修改。请在“审阅 → 撤消工作表保护”后再重算。`,
  protectedWorkbook: "工作簿结构受保护，无法添加“综合得分”工作表，未做任何修改。请在“审阅 → 保护工作簿”中取消保护后再试。",
  sheetMissing: (sheet) => `找不到工作表“${sheet}”（可能刚被改名或删除），未做任何修改。请重新计算。`,
  summaryNameTaken: (name) => `已有名为“${name}”的工作表且不是本助手生成的，未做任何修改。请将其改名后再试。`,
  undoTooLarge: (cells) => `本次要改动 ${cells} 个单元格，超出工作簿能保存的撤销记录大小，未做任何修改。可在设置中关闭“标记单元格”后再试。`,
  undoDamaged: "撤销记录已损坏，无法撤销。未做任何修改。",
  toolsUnavailable: "撤销、清除标记和采用计算值的程序未能载入（加载项的服务器暂时无法连接）。未做任何修改，请稍后再试。",
  coreUnavailable: "检查和评分所需的程序未能全部载入（加载项的服务器暂时无法连接）。未做任何修改，请稍后再试。",
  undoProtectedSheet: (sheet) => `工作表“${sheet}”受保护，无法撤销，未做任何修改。请撤消工作表保护后再试。`,
  undoProtectedWorkbook: "工作簿结构受保护，无法删除“综合得分”工作表，未做任何修改。请取消保护工作簿后再试。",
  undoEditedSince: (items, more) =>
    `以下内容在上次重算后已被改动（数值、填色、批注、签字，或插入、删除了行列，工作表改名、删除）：${items.join("、")}${more > 0 ? ` 等 ${items.length + more} 处` : ""}。撤销会覆盖这些改动，因此未做任何修改。可用“清除标记”去掉本助手的标记，保留您的改动。`,
  sheetItem: (sheet) => `工作表“${sheet}”`,
  cellEditMode: "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后再试。",
  tooLarge: "工作簿太大，Excel 无法一次传送这么多数据。请关闭其他工作簿后再试，或使用命令行版本。",
  accessDenied: "Excel 拒绝了修改（工作表或工作簿可能受保护，或文件为只读）。",
  excelError: (message, code) => `Excel 报告错误：${message}（${code}）`,
};

const EN: HostMessages = {
  apiTooOld: "This needs Excel 2019 or later (Excel 2021, Microsoft 365 or Excel on the web). Nothing was changed.",
  protectedSheet: (sheet) => `Sheet "${sheet}" is protected; nothing was changed. Unprotect it (Review → Unprotect Sheet) and recalculate.`,
  protectedWorkbook: "The workbook structure is protected, so the summary sheet cannot be added; nothing was changed. Unprotect the workbook and try again.",
  sheetMissing: (sheet) => `Sheet "${sheet}" is gone (renamed or deleted just now); nothing was changed. Please recalculate.`,
  summaryNameTaken: (name) => `A sheet named "${name}" exists and was not made by this add-in; nothing was changed. Rename it and try again.`,
  undoTooLarge: (cells) => `This run would change ${cells} cells, more than the workbook can keep an undo record for; nothing was changed. Turn off cell marking in Settings and try again.`,
  undoDamaged: "The undo record is damaged and cannot be used. Nothing was changed.",
  toolsUnavailable: "Undo, Clear marks and Use computed value could not be loaded (the add-in's server is out of reach). Nothing was changed; try again later.",
  coreUnavailable: "Part of the checking and scoring program could not be loaded (the add-in's server is out of reach). Nothing was changed; try again later.",
  undoProtectedSheet: (sheet) => `Sheet "${sheet}" is protected, so the last run cannot be undone; nothing was changed. Unprotect it and try again.`,
  undoProtectedWorkbook: "The workbook structure is protected, so the summary sheet cannot be removed; nothing was changed. Unprotect the workbook and try again.",
  undoEditedSince: (items, more) =>
    `These were changed after the last run (a value, fill, note or signature, rows or columns inserted or deleted, a sheet renamed or deleted): ${items.join(", ")}${more > 0 ? ` and ${more} more` : ""}. Undo would overwrite those changes, so nothing was changed. Clear marks takes the add-in's marks away and keeps your changes.`,
  sheetItem: (sheet) => `sheet "${sheet}"`,
  cellEditMode: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  tooLarge: "The workbook is too large for Excel to send at once. Close other workbooks and try again, or use the command-line version.",
  accessDenied: "Excel refused the change (a sheet or the workbook may be protected, or the file is read-only).",
  excelError: (message, code) => `Excel reported an error: ${message} (${code})`,
};

export function hostMessages(lang: Lang = "zh"): HostMessages {
  return lang === "en" ? EN : ZH;
}

/** The Office.js error code of a failed sync, if the error is one. */
function officeErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Any failure as a HostError: ours pass through, Office.js errors get a plain explanation. */
export function toHostError(error: unknown, lang: Lang = "zh"): HostError {
  if (error instanceof HostError) return error;
  const m = hostMessages(lang);
  const code = officeErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case undefined:
      return new HostError(message);
    case "InvalidOperationInCellEditMode":
      return new HostError(m.cellEditMode, code);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "RangeExceedsLimit":
      return new HostError(m.tooLarge, code);
    case "AccessDenied":
      return new HostError(m.accessDenied, code);
    default:
      return new HostError(m.excelError(message, code), code);
  }
}
