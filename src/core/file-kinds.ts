/**
 * Spreadsheet files that are not .xlsx, told by their name before any byte is read: the review
 * and the page list them with what to do (save as .xlsx first) instead of failing on their bytes.
 */
import { Bilingual } from "./messages";

/** Names jixiao reads: Office Open XML workbooks (an .xlsm is scored without its macros). */
export const READABLE_WORKBOOK = /\.(xlsx|xlsm)$/i;

const OTHER_FORMATS: Record<string, Bilingual & { app: Bilingual }> = {
  xls: { zh: "旧版 Excel 97-2003 工作簿（.xls）", en: "an old Excel 97-2003 workbook (.xls)", app: { zh: "Excel 或 WPS", en: "Excel or WPS" } },
  et: { zh: "WPS 表格文件（.et）", en: "a WPS Spreadsheets file (.et)", app: { zh: "WPS", en: "WPS" } },
  ett: { zh: "WPS 表格模板（.ett）", en: "a WPS Spreadsheets template (.ett)", app: { zh: "WPS", en: "WPS" } },
};

/** Names of spreadsheet files that need saving as .xlsx: listed, never silently skipped. */
export const OTHER_SPREADSHEET = /\.(xls|et|ett)$/i;

/** Why a file of this name cannot be read as it is, with what to do; null for any other name. */
export function otherSpreadsheetMessage(name: string): Bilingual | null {
  const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  const format = name.includes(".") ? OTHER_FORMATS[ext] : undefined;
  if (!format) return null;
  return {
    zh: `${name}: 这是${format.zh}，请先在 ${format.app.zh} 中“另存为” .xlsx 工作簿后再试`,
    en: `${name}: this is ${format.en}; save it as an .xlsx workbook in ${format.app.en} (Save As) first`,
  };
}
