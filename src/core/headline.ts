/**
 * The headline every host shows (pane, ribbon notice, command line, 综合得分): the total, and the
 * grade only when the total can carry one. When the weights do not add up to 100 or the total is
 * incomplete, a grade would claim more than the form supports: the total is shown with no grade and
 * the reason beside it. Each total is judged by its own table's findings only: a form beside or
 * under it on the same sheet, with a gap of its own, takes nothing from it.
 */
import { rangeLabel } from "./detect";
import { Lang } from "./messages";
import { Finding } from "./result";
import { TableOwners } from "./table-owner";

export interface Headline {
  sheet: string;
  /**
   * The total's table by name where several totals share its sheet (its project, else its unit,
   * else its range), so that their lines can be told apart; null where the sheet alone names it.
   */
  table: string | null;
  score: string | null;
  /** null when there is none, or when `reason` says why none is given. */
  grade: string | null;
  /** Why the total is not graded, in the run's language; null when it is. */
  reason: string | null;
}

/** The parts of a total the headline needs (TotalReport and EvaluationTotal alike, as strings). */
export interface HeadlineTotal {
  sheet: string;
  /** Its indicator table's label and range (TotalReport.label, .table). */
  label: string;
  table: string;
  score: string | null;
  grade: string | null;
}

/**
 * Findings that make a total unfit to grade; their messages say why. Both are raised in the
 * total's own table (its header, an indicator's name, its 总分 cell): never on the budget line it
 * counts, whose gaps the total-incomplete of the table names.
 */
const UNGRADED_RULES = new Set<string>(["total-incomplete", "weights-total"]);

const NO_TOTAL: Record<Lang, string> = { zh: "无法计算总分，未评等次", en: "no total could be computed, so no grade" };
const NOT_GRADED: Record<Lang, (why: string) => string> = {
  zh: (why) => `未评等次：${why}`,
  en: (why) => `not graded: ${why}`,
};

function headline(total: HeadlineTotal, table: string | null, blocking: Finding | undefined, lang: Lang): Headline {
  const { sheet, score } = total;
  if (score === null) return { sheet, table, score: null, grade: null, reason: NO_TOTAL[lang] };
  if (blocking) return { sheet, table, score, grade: null, reason: NOT_GRADED[lang](blocking.message) };
  return { sheet, table, score, grade: total.grade, reason: null };
}

/**
 * What names a total's table beside its sheet: the form's name (its label), or the range of a form
 * that gives none (its label is then "sheet!range", and the sheet is named already).
 */
const tableName = (total: HeadlineTotal): string => (total.label === rangeLabel(total.sheet, total.table) ? total.table : total.label);

/**
 * One headline per total. A total's grade is withheld for the first blocking finding inside its
 * own table's range (its header, indicators, 总分 and 等次 rows), never for one of another table on
 * the sheet. The findings are read once (a workbook of hundreds of sheets has thousands).
 */
export function headlines(totals: HeadlineTotal[], findings: Finding[], lang: Lang): Headline[] {
  const owners = new TableOwners(totals.map((total) => ({ sheet: total.sheet, range: total.table })));
  const blocking = new Map<number, Finding>();
  for (const f of findings) {
    if (!UNGRADED_RULES.has(f.rule)) continue;
    const owner = owners.holderOf(f.sheet, f.row, f.col);
    if (owner !== null && !blocking.has(owner)) blocking.set(owner, f);
  }
  return totals.map((total, index) => {
    const shared = owners.countOn(total.sheet) > 1;
    return headline(total, shared ? tableName(total) : null, blocking.get(index), lang);
  });
}
