/**
 * What a screen reader hears of a run, and each form's line, in the task pane and on the page (whose
 * main thread holds no engine: this module imports no more than the results' types and counts; the
 * headlines come computed in the results).
 */
import { formLabels, severityCounts } from "../core/result";
import type { Results } from "./pane-host";
import type { Strings } from "./strings";

/**
 * What a screen reader hears of a run: the total and grade, or for several forms each form's (the
 * workbook's headline has none of its own: review round 33), and the findings.
 */
export function outcomeSaid(results: Pick<Results, "total" | "grade" | "totals" | "headlines" | "findings">, strings: Strings): string {
  const { total, grade, totals, findings } = results;
  if (totals.length <= 1) return strings.announce(total, grade, findings.length, totals[0]?.unscored);
  return [...formLines(results, strings), strings.counts(severityCounts(findings))].join(strings.separator);
}

/**
 * Each form's line where a workbook holds several: its name as the pane lists it (formLabels), its
 * total, and its grade or why it has none (core headlines), in the pane, the page and the ribbon's notice.
 */
export function formLines({ totals, headlines }: Pick<Results, "totals" | "headlines">, strings: Strings): string[] {
  const labels = formLabels(totals);
  return headlines.map((h, i) => strings.tableLine(labels[i], strings.tableTotal(h.score ?? strings.noValue, h.grade ?? strings.noValue, h.reason)));
}
