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

/** The answer a value's whole text gives (是, 否, 有, 无, 有1起), without a stop after it; null for any other text. */
export function answerOf(text: string): Answer | null {
  const s = text.normalize("NFKC").replace(/\s+/g, "").replace(/[。.!;；]+$/, "");
  if (YES.test(s)) return "yes";
  return NO.test(s) ? "no" : null;
}

/** A name asking yes or no (有无管护制度, 是否建立台账, 有没有违规): 无 is then an answer, not an empty cell. */
export const ASKS_YES_OR_NO = /有无|是否|有没有/;

/**
 * An actual's answer against its target's: the same 达成, the other 未达成; null unless both are
 * answers. A note after the answer (是，已于11月通过验收) is left to the words' own reading.
 */
export function answerAgainst(target: ParsedValue, actual: ParsedValue): Achievement | null {
  const asked = answerOf(target.text);
  const given = asked && answerOf(actual.text);
  if (!given) return null;
  return asked === given ? "achieved" : "notAchieved";
}
