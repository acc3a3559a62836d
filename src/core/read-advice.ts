/**
 * What to do with a file jixiao cannot read, as the reader's messages end (……，请在 Excel 中取消密码后再试),
 * and as the review says it instead: `jixiao score` speaks to a unit that can fix its own file, a
 * review to the finance bureau, which has no unit's password (review round 57d F5). All the
 * review's advice on a file it could not read is here: its messages' (forBureau) and its 无法读取
 * sheet's where the message gives none (BUREAU_DEFAULT_ADVICE, by core failureAdvice), which
 * the workbook only lays out.
 *
 * A leaf of the core: the reader, the file kinds and the review take it without anything else.
 */
import type { Bilingual, Lang } from "./messages";

/** The files whose message ends in advice of its own: a password to open, an old .xls, another format (.et, .csv …). */
export type ReadAdviceKind = "encrypted" | "old-xls" | "other-format";

/** The advice to whoever can fix the file: the end of the reader's and the file kinds' messages. */
export const READ_ADVICE: Record<ReadAdviceKind, Bilingual> = {
  encrypted: { zh: "请在 Excel 中取消密码后再试", en: "remove the password in Excel and try again" },
  "old-xls": { zh: "请在 Excel 中“另存为” .xlsx 后再试", en: "save it as .xlsx in Excel (Save As) and try again" },
  "other-format": { zh: "请先在 WPS 中“另存为” .xlsx 工作簿后再试", en: "save it as an .xlsx workbook in WPS (Save As) first" },
};

/**
 * The same advice to the bureau reviewing the units' files: the unit removes its password, or
 * saves its file as .xlsx, and hands it in again; a file of another format the bureau may also
 * save as .xlsx itself and review again.
 */
const BUREAU_ADVICE: Record<ReadAdviceKind, Bilingual> = {
  encrypted: { zh: "请单位取消打开密码后重新报送", en: "ask the unit to remove the password to open and hand it in again" },
  "old-xls": {
    zh: "请单位另存为 .xlsx 工作簿后重新报送，或在 Excel 中“另存为” .xlsx 后重新复核",
    en: "ask the unit to save it as an .xlsx workbook and hand it in again, or save it as .xlsx in Excel (Save As) and review it again",
  },
  "other-format": {
    zh: "请单位另存为 .xlsx 工作簿后重新报送，或在 WPS 中“另存为” .xlsx 工作簿后重新复核",
    en: "ask the unit to save it as an .xlsx workbook and hand it in again, or save it as an .xlsx workbook in WPS (Save As) and review it again",
  },
};

/**
 * A message of a file that could not be read as the review says it (its reason as it is), its
 * advice to the unit in place of the reader's; any other message as it is.
 */
export function forBureau(message: string, lang: Lang): string {
  for (const kind of Object.keys(READ_ADVICE) as ReadAdviceKind[]) {
    const own = READ_ADVICE[kind][lang];
    if (message.endsWith(own)) return message.slice(0, message.length - own.length) + BUREAU_ADVICE[kind][lang];
  }
  return message;
}

/**
 * Why a file has no rows: `unreadable`, it could not be read (a damaged file, another format, out
 * of memory); `no-tables`, it was read and holds no form jixiao knows (an empty workbook, a title
 * alone, another paper handed in by mistake): saving it again would not help (review round 52c L3).
 */
export type ReviewFailureKind = "unreadable" | "no-tables";

/**
 * What the bureau is to do with a file whose message says nothing to do, by why it has no rows:
 * the unit saves it as .xlsx again and hands it in (review round 51d L8); a workbook read with no
 * form in it, saved again, holds none either: the file is checked, or the form filled in (review
 * round 52c L3).
 */
export const BUREAU_DEFAULT_ADVICE: Record<ReviewFailureKind, Bilingual> = {
  unreadable: {
    zh: "请单位用 Excel 或 WPS 打开后另存为 .xlsx 工作簿，重新报送",
    en: "ask the unit to open it in Excel or WPS, save it as an .xlsx workbook and hand it in again",
  },
  "no-tables": {
    zh: "未找到自评表或目标表：请核对是否报错文件，或请单位填写后重新报送",
    en: "no self-evaluation or target table found: check whether the wrong file was handed in, or ask the unit to fill in the form and hand it in again",
  },
};
