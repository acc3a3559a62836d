/**
 * WPS Spreadsheets files and other spreadsheet formats, told by their name before any byte is read:
 * the command line, the review and the page say to save them as .xlsx first, and to unpack an
 * archive. (An old .xls is told by its bytes, by the reader.)
 */
import { Bilingual } from "./messages";
import { READ_ADVICE } from "./read-advice";

/** Names jixiao reads: Office Open XML workbooks (an .xlsm is scored without its macros). */
export const READABLE_WORKBOOK = /\.(xlsx|xlsm)$/i;

const OTHER_FORMATS: Record<string, Bilingual> = {
  et: { zh: "WPS 表格文件（.et）", en: "a WPS Spreadsheets file (.et)" },
  ett: { zh: "WPS 表格模板（.ett）", en: "a WPS Spreadsheets template (.ett)" },
  // Named so that a folder run lists them with what to do, never passes over them (review round 33).
  xlsb: { zh: "Excel 二进制工作簿（.xlsb）", en: "an Excel binary workbook (.xlsb)" },
  xltx: { zh: "Excel 模板（.xltx）", en: "an Excel template (.xltx)" },
  xltm: { zh: "Excel 模板（.xltm）", en: "an Excel template (.xltm)" },
  ods: { zh: "OpenDocument 表格（.ods）", en: "an OpenDocument spreadsheet (.ods)" },
  csv: { zh: "CSV 文本（.csv）", en: "a CSV text file (.csv)" },
};

/** What to do with an archive a unit sent its forms in: unpack it, then review (or score) its workbooks. */
const ARCHIVE: Record<"review" | "score", Bilingual> = {
  review: { zh: "压缩包，请先解压，再复核其中的 .xlsx 工作簿", en: "an archive; unpack it first, then review the .xlsx workbooks in it" },
  score: { zh: "压缩包，请先解压，再对其中的 .xlsx 工作簿评分", en: "an archive; unpack it first, then score the .xlsx workbooks in it" },
};
const ARCHIVE_EXTENSIONS = ["zip", "rar", "7z"];
const ARCHIVE_NAME = new RegExp(`\\.(${ARCHIVE_EXTENSIONS.join("|")})$`, "i");

/** Names of spreadsheet files that need saving as .xlsx (.xls included), and archives to unpack: a review lists them, never skips them. */
export const OTHER_SPREADSHEET = new RegExp(`\\.(${["xls", ...Object.keys(OTHER_FORMATS), ...ARCHIVE_EXTENSIONS].join("|")})$`, "i");

/** A spreadsheet a folder run takes up: one jixiao reads, or one it says to save as .xlsx; never Excel's lock files (~$a.xlsx). */
export function isWorkbookName(name: string): boolean {
  return (READABLE_WORKBOOK.test(name) || OTHER_SPREADSHEET.test(name)) && !name.startsWith("~$");
}

/** jixiao's scored copies are named `<name>.jixiao.xlsx`. */
const SCORED_COPY_SUFFIX = ".jixiao.xlsx";

/** A file's name without its folders (县直/县林业局.xlsx, 县直\县林业局.xlsx → 县林业局.xlsx). */
export function fileBaseName(file: string): string {
  return file.slice(lastSeparator(file) + 1);
}

/** A file's folder, as its path names it ("" for none): 县直/县林业局.xlsx → 县直. */
export function folderOf(file: string): string {
  return file.slice(0, Math.max(0, lastSeparator(file)));
}

/** A file's extension, lower case and without its dot ("" for none): 县直/a.XLSX → xlsx. */
export function extensionOf(file: string): string {
  const base = fileBaseName(file);
  return base.includes(".") ? base.slice(base.lastIndexOf(".") + 1).toLowerCase() : "";
}

/** A file's name without its extension: 县林业局.xlsx → 县林业局. */
export function withoutExtension(name: string): string {
  return name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : name;
}

/** Where a path's last folder ends: either separator, as a Windows path or a browser's names it; -1 for none. */
const lastSeparator = (file: string): number => Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));

/**
 * A workbook's scored copy's name: a.xlsx → a.jixiao.xlsx; with `keepExtension`, for a name the
 * copy of another workbook took already (a.xlsm beside a.xlsx), a.xlsm.jixiao.xlsx.
 */
export function scoredCopyName(name: string, keepExtension = false): string {
  const dot = name.lastIndexOf(".");
  return (keepExtension || dot <= 0 ? name : name.slice(0, dot)) + SCORED_COPY_SUFFIX;
}

/** A scored copy's name, in any case (a folder may hold them so). */
export function isScoredCopyName(name: string): boolean {
  return name.toLowerCase().endsWith(SCORED_COPY_SUFFIX);
}

/**
 * The workbook a scored copy was made from, as its name tells: a.jixiao.xlsx → a.xlsx,
 * a.xlsm.jixiao.xlsx → a.xlsm, a.jixiao.jixiao.xlsx (scored again) → a.xlsx; any other name as it is.
 */
export function originalWorkbookName(name: string): string {
  let original = name;
  while (isScoredCopyName(original)) {
    const stem = original.slice(0, -SCORED_COPY_SUFFIX.length);
    original = READABLE_WORKBOOK.test(stem) ? stem : `${stem}.xlsx`;
  }
  return original;
}

/** The folder `jixiao score <folder>` writes its scored copies to, inside the folder. */
export const SCORE_OUT_FOLDER = "jixiao-out";

/**
 * The scored copies among `names` whose workbook is among `workbookNames`: a.jixiao.xlsx of
 * a.xlsx or a.xlsm, a.xlsx.jixiao.xlsx of a.xlsx (the command line's name when two would clash),
 * a.jixiao.jixiao.xlsx of a.jixiao.xlsx (a unit's scored copy, scored again). A run over a
 * folder takes up the workbook, not its copy too.
 */
export function copiesOfWorkbooks(workbookNames: string[], names: string[]): string[] {
  const workbooks = new Set(workbookNames.filter((name) => READABLE_WORKBOOK.test(name)).map((name) => name.toLowerCase()));
  return names.filter((name) => {
    if (!isScoredCopyName(name)) return false;
    const stem = name.slice(0, -SCORED_COPY_SUFFIX.length).toLowerCase();
    return workbooks.has(stem) || workbooks.has(`${stem}.xlsx`) || workbooks.has(`${stem}.xlsm`);
  });
}

/** Why a file of this name cannot be read as it is, with what to do; null for any other name. */
export function otherSpreadsheetMessage(name: string): Bilingual | null {
  return cannotReadMessage(name, "review");
}

/** The same for `jixiao score`: an archive's workbooks are to be scored once unpacked, not reviewed (review round 52d). */
export function otherSpreadsheetMessageToScore(name: string): Bilingual | null {
  return cannotReadMessage(name, "score");
}

function cannotReadMessage(name: string, purpose: "review" | "score"): Bilingual | null {
  if (ARCHIVE_NAME.test(name)) return { zh: `${name}: 这是${ARCHIVE[purpose].zh}`, en: `${name}: this is ${ARCHIVE[purpose].en}` };
  const format = OTHER_FORMATS[extensionOf(name)];
  if (!format) return null;
  return {
    zh: `${name}: 这是 ${format.zh}，${READ_ADVICE["other-format"].zh}`,
    en: `${name}: this is ${format.en}; ${READ_ADVICE["other-format"].en}`,
  };
}
