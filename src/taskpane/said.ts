/**
 * What a screen reader hears of a run, in the task pane and on the page (whose main thread holds no
 * engine: this module imports no more than the results' types and counts).
 */
import { formLabels, severityCounts } from "../core/result";
import type { Results } from "./pane-host";
import type { Strings } from "./strings";

/**
 * What a screen reader hears of a run: the total and grade, or for several forms each form's (the
 * workbook's headline has none of its own: review round 33), and the findings.
 */
export function outcomeSaid({ total, grade, totals, findings }: Pick<Results, "total" | "grade" | "totals" | "findings">, strings: Strings): string {
  if (totals.length <= 1) return strings.announce(total, grade, findings.length);
  const labels = formLabels(totals);
  const forms = totals.map((t, i) => strings.tableLine(labels[i], strings.tableTotal(t.score ?? strings.noValue, t.grade ?? strings.noValue)));
  return [...forms, strings.counts(severityCounts(findings))].join(strings.separator);
}
