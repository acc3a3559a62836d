/**
 * The results once a finding is set aside (忽略): the pane's own edit of the results it shows, in its
 * first load (the results themselves come from the analysis engine: outcome.ts).
 */
import type { FindingPlace } from "../core/ignores";
import type { Finding } from "../core/result";
import type { Results } from "./pane-host";

/**
 * The results once finding `index` is set aside with a reason (the workbook's record holds it):
 * out of the findings and their places, its fix gone and later fixes renumbered, listed as ignored.
 */
export function withFindingIgnored(results: Results, index: number, finding: Finding, place: FindingPlace, reason: string): Results {
  const keep = (_: unknown, i: number) => i !== index;
  return {
    ...results,
    findings: results.findings.filter(keep),
    places: results.places.filter(keep),
    fixes: results.fixes.filter((f) => f.finding !== index).map((f) => (f.finding > index ? { ...f, finding: f.finding - 1 } : f)),
    ignored: [...results.ignored, { ...finding, reason, place }],
  };
}
