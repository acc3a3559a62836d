/**
 * The pane's view of an analysis: what a host hands back after a recalculation or a read-only
 * check. The placing of findings and the fixes on offer come from the core (ignores.ts, fixes.ts).
 * In the pane it is part of the analysis engine's chunk (engine.ts); the pane's first load sets a
 * finding aside with ignored.ts.
 */
import type { Analysis } from "../core/analyze";
import { fixesFor } from "../core/fixes";
import type { WorkbookGrid } from "../core/grid";
import { headlines } from "../core/headline";
import { placeFindings } from "../core/ignores";
import type { Lang } from "../core/messages";
import type { Profile } from "../core/profile";
import type { ApplyResult } from "../excel/write";
import type { Results } from "./pane-host";

/** The results of an analysis in `lang`, the analysis' language; `applied` is null for a check that wrote nothing. */
export function resultsOf(analysis: Analysis, grid: WorkbookGrid, profile: Profile, lang: Lang, applied: ApplyResult | null): Results {
  return {
    kind: "results",
    total: analysis.summary.total,
    grade: analysis.summary.grade,
    gradeReason: analysis.summary.gradeReason,
    levels: analysis.summary.levels,
    findings: analysis.findings,
    places: placeFindings(analysis, grid),
    tables: analysis.tables,
    totals: analysis.totals,
    headlines: headlines(analysis.totals, analysis.findings, lang, analysis.tables),
    hiddenSheets: analysis.hiddenSheets,
    ignored: analysis.ignored,
    fixes: fixesFor(analysis, grid, profile),
    written: applied?.written ?? 0,
    marked: applied?.marked ?? 0,
    summarySheet: applied?.summarySheet ?? analysis.summary.name,
    ...(applied === null && { checkOnly: true }),
  };
}
