/**
 * Yes/no answers (review round 53b H3 and M1, 53a M3): a row asking 是否 or 有无 (是否按期完工,
 * 有无管护制度, 是否发生安全事故) is answered 是 or 否, 有 or 无, in its target and in its actual.
 * The target states the answer wanted, so the same answer is 达成 and the other 未达成, whichever
 * way the question is put (是否发生安全事故 | 否 | 是 is 未达成, 是否按期完工 | 是 | 是 达成).
 */
import type { Achievement, ParsedValue } from "./values";

export type Answer = "yes" | "no";

/** 是, 有, and 有 with how many (有1起, 有两件): something is, or happened. */
const YES = /^(?:是|有|有(?:[1-9]\d*|[一二两三四五六七八九十]+)(?:起|次|件|例|个|处|项|宗|人|名|户|家|批|笔))$/;
/** 否, 无, 没有: it is not, or none happened. */
const NO = /^(?:否|无|没有)$/;

const SPACES = /\s+/g;
/** A value's text as answers are read: folded (，to ,), without spaces. */
const folded = (text: string): string => text.normalize("NFKC").replace(SPACES, "");
/** Stops after an answer (有。). */
const CLOSING_STOPS = /[。.!;；]+$/;

/** The answer a value's whole text gives (是, 否, 有, 无, 有1起), without a stop after it; null for any other text. */
export function answerOf(text: string): Answer | null {
  const s = folded(text).replace(CLOSING_STOPS, "");
  if (YES.test(s)) return "yes";
  return NO.test(s) ? "no" : null;
}

/** 是 or 否 opening a value, a note after it past a stop or a bracket (否，因资金未到位; 是（已验收）). */
const ANSWER_BEFORE_NOTE = /^(是|否)[,;:。.、(]/;

/**
 * The answer a value opens with, a note after it (否，因资金未到位, 是，已于11月通过验收); null for a
 * value that is an answer whole (answerOf) or opens with none. Only 是 and 否 (review round 53, left).
 */
function answerBeforeNote(text: string): Answer | null {
  const m = ANSWER_BEFORE_NOTE.exec(folded(text));
  return m === null ? null : m[1] === "是" ? "yes" : "no";
}

/** A name asking yes or no (有无管护制度, 是否建立台账, 有没有违规): 无 is then an answer, not an empty cell. */
export const ASKS_YES_OR_NO = /有无|是否|有没有/;

/** An answer against the one asked: the same 达成, the other 未达成. */
const against = (asked: Answer, given: Answer): Achievement => (asked === given ? "achieved" : "notAchieved");

/**
 * An actual's answer against its target's: the same 达成, the other 未达成; null unless both are
 * answers. An answer with a note after it is noteAnswerAgainst's.
 */
export function answerAgainst(target: ParsedValue, actual: ParsedValue): Achievement | null {
  const asked = answerOf(target.text);
  const given = asked && answerOf(actual.text);
  return given ? against(asked, given) : null;
}

/** Results from the best down. */
const BEST_FIRST: Achievement[] = ["achieved", "partial", "notAchieved"];

/**
 * An actual's answer with a note after it (否，因资金未到位, 是，已于11月通过验收) against its target's
 * answer: the answer's result, as answerAgainst gives it, or the note's words' (`noteSays`, the
 * value read in words) where they say less (是，基本完成 is 部分达成); null unless the target is an
 * answer and the actual opens with one before a note.
 */
export function noteAnswerAgainst(target: ParsedValue, actual: ParsedValue, noteSays: () => Achievement | null): Achievement | null {
  const asked = answerOf(target.text);
  const given = asked && answerBeforeNote(actual.text);
  if (!given) return null;
  const answered = against(asked, given);
  const said = noteSays();
  return said !== null && BEST_FIRST.indexOf(said) > BEST_FIRST.indexOf(answered) ? said : answered;
}
