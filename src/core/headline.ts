/**
 * The headline every host shows (pane, ribbon notice, command line, 综合得分): the total, and the
 * grade only when the total can carry one. When the weights do not add up to 100 or the total is
 * incomplete, a grade would claim more than the form supports: the total is shown with no grade and
 * the reason beside it. Each total is judged by its own table's findings only: a form beside or
 * under it on the same sheet, with a gap of its own, takes nothing from it.
 */
import { groupBy } from "./collections";
import { rangeLabel } from "./detect";
import { Lang, NO_SCORING } from "./messages";
import { Finding, TableReport } from "./result";
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
  /** The form has no 分值 or 得分 column, so no total (TotalReport.unscored). */
  unscored?: boolean;
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
  if (total.unscored) return { sheet, table, score: null, grade: null, reason: NO_SCORING[lang] };
  if (score === null) return { sheet, table, score: null, grade: null, reason: NO_TOTAL[lang] };
  if (blocking) return { sheet, table, score, grade: null, reason: NOT_GRADED[lang](blocking.message) };
  return { sheet, table, score, grade: total.grade, reason: null };
}

/** One of a sheet's tables, to be named among the others (see formNamesApart). */
export interface FormPlace {
  sheet: string;
  /** Its form's name (its project, else its unit); null when the form gives none: its range names it. */
  name: string | null;
  range: string;
  /** The year its form is for (TableReport.year), where known. */
  year?: number | null;
  /** Its kind (TableReport.kind), where a form's budget block is listed beside its indicators. */
  kind?: string;
}

const YEAR: Record<Lang, (year: number) => string> = { zh: (year) => `${year}年度`, en: (year) => String(year) };

/**
 * What names each table beside its sheet: its form's name, else its range. Where two forms of one
 * sheet are named alike (one project's forms for two years, one under or beside the other: review
 * round 55a, L2), each is named with its year after it (县…项目 · 2022年度) where the years tell
 * them apart, else with its range. The forms are the indicator tables where kinds are given (a
 * budget block is named as its form is, by its year, else by its range), else each range is one.
 */
export function formNamesApart(tables: readonly FormPlace[], lang: Lang): string[] {
  const base = tables.map((t) => t.name ?? t.range);
  const key = (i: number) => `${tables[i].sheet}\u0000${base[i]}`;
  const alike = groupBy(
    tables.map((_, i) => i),
    key,
  );
  return tables.map((t, i) => {
    const group = alike.get(key(i))!;
    const forms = group.some((j) => tables[j].kind !== undefined) ? group.filter((j) => tables[j].kind === "indicators") : group;
    const ranges = new Set(forms.map((j) => tables[j].range));
    if (t.name === null || ranges.size < 2) return base[i];
    const years = new Set(forms.map((j) => tables[j].year ?? null));
    const byYear = t.year != null && !years.has(null) && years.size === ranges.size;
    return `${base[i]} · ${byYear ? YEAR[lang](t.year!) : t.range}`;
  });
}

/**
 * One headline per total. A total's grade is withheld for the first blocking finding inside its
 * own table's range (its header, indicators, 总分 and 等次 rows), never for one of another table on
 * the sheet. The findings are read once (a workbook of hundreds of sheets has thousands). Where
 * several totals share a sheet, each is named by formNamesApart, with its year from `tables`.
 */
export function headlines(
  totals: HeadlineTotal[],
  findings: Finding[],
  lang: Lang,
  tables: readonly Pick<TableReport, "sheet" | "range" | "year">[] = [],
): Headline[] {
  const owners = new TableOwners(totals.map((total) => ({ sheet: total.sheet, range: total.table })));
  const blocking = new Map<number, Finding>();
  for (const f of findings) {
    if (!UNGRADED_RULES.has(f.rule)) continue;
    const owner = owners.holderOf(f.sheet, f.row, f.col);
    if (owner !== null && !blocking.has(owner)) blocking.set(owner, f);
  }
  const years = new Map(tables.map((t) => [`${t.sheet}!${t.range}`, t.year]));
  // A form that gives no name has the label "sheet!range" (the sheet is named already): its range names it.
  const names = formNamesApart(
    totals.map((total) => ({
      sheet: total.sheet,
      name: total.label === rangeLabel(total.sheet, total.table) ? null : total.label,
      range: total.table,
      year: years.get(`${total.sheet}!${total.table}`),
    })),
    lang,
  );
  return totals.map((total, index) => {
    const shared = owners.countOn(total.sheet) > 1;
    return headline(total, shared ? names[index] : null, blocking.get(index), lang);
  });
}
