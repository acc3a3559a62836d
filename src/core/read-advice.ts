/**
 * What to do with a file jixiao cannot read, as the reader's messages end (……，请在 Excel 中取消密码后再试),
 * and as the review says it instead: `jixiao score` speaks to a unit that can fix its own file, a
 * review to the finance bureau, which has no unit's password (review round 57d F5).
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
