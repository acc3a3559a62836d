/**
 * The headline every host shows (pane, ribbon notice, command line, 综合得分): the total, and the
 * grade only when the total can carry one. When the weights do not add up to 100 or the total is
 * incomplete, a grade would claim more than the form supports: the total is shown with no grade and
 * the reason beside it.
 */
import { Lang } from "./messages";
import { Finding } from "./result";

export interface Headline {
  sheet: string;
  score: string | null;
  /** null when there is none, or when `reason` says why none is given. */
  grade: string | null;
  /** Why the total is not graded, in the run's language; null when it is. */
  reason: string | null;
}

/** The parts of a total the headline needs (TotalReport and EvaluationTotal alike, as strings). */
export interface HeadlineTotal {
  sheet: string;
  score: string | null;
  grade: string | null;
  weights: string | null;
}

/** Findings that make a total unfit to grade; their messages say why. */
const UNGRADED_RULES = new Set<string>(["total-incomplete", "weights-total"]);

const NO_TOTAL: Record<Lang, string> = { zh: "无法计算总分，未评等次", en: "no total could be computed, so no grade" };
const NOT_GRADED: Record<Lang, (why: string) => string> = {
  zh: (why) => `未评等次：${why}`,
  en: (why) => `not graded: ${why}`,
};

function headline(total: HeadlineTotal, blocking: Finding | undefined, lang: Lang): Headline {
  if (total.score === null) return { sheet: total.sheet, score: null, grade: null, reason: NO_TOTAL[lang] };
  if (blocking) return { sheet: total.sheet, score: total.score, grade: null, reason: NOT_GRADED[lang](blocking.message) };
  return { sheet: total.sheet, score: total.score, grade: total.grade, reason: null };
}

/** One headline per total; the findings are read once (a workbook of hundreds of sheets has thousands). */
export function headlines(totals: HeadlineTotal[], findings: Finding[], lang: Lang): Headline[] {
  const blockingBySheet = new Map<string, Finding>();
  for (const f of findings) if (UNGRADED_RULES.has(f.rule) && !blockingBySheet.has(f.sheet)) blockingBySheet.set(f.sheet, f);
  return totals.map((total) => headline(total, blockingBySheet.get(total.sheet), lang));
}
