/**
 * What the task pane needs from its host. The real host (src/excel) runs the core against the open
 * workbook through Office.js; the playground host does the same against an .xlsx in the browser.
 * Components receive a PaneHost as a prop and never call Office.js themselves.
 */
import type { Fix } from "../core/fixes";
import type { CleanOutcome } from "../excel/clean";
import type { Headline } from "../core/headline";
import type { FindingPlace, IgnoredFinding } from "../core/ignores";
import type { Lang } from "../core/messages";
import type { Finding, TableReport, TotalReport } from "../core/result";
import type { Profile } from "../core/profile";
import type { SummaryLevel1 } from "../core/summary-types";

export type RecalcStep = "read" | "detect" | "validate" | "score" | "write";

/** How far a step got, in the workbook's sheets: read, then detected (识别), then validated (校验). */
export interface StepCounts {
  done: number;
  total: number;
}

export interface Results {
  kind: "results";
  total: string | null;
  /** null when there is no grade, or when `gradeReason` says why none is given. */
  grade: string | null;
  /** Why the total carries no grade (weights not adding up to 100, an incomplete total). */
  gradeReason: string | null;
  levels: SummaryLevel1[];
  findings: Finding[];
  /** Where each finding sits (same order as findings). */
  places: FindingPlace[];
  tables: TableReport[];
  totals: TotalReport[];
  /** Each total's headline (same order as totals): its grade withheld, and why, where it cannot carry one. */
  headlines: Headline[];
  /** Hidden sheets or columns, not checked (Analysis.hiddenSheets). */
  hiddenSheets: string[];
  /** Findings the workbook's record sets aside, with their reasons. */
  ignored: IgnoredFinding[];
  /** The computed values 采用计算值 can write. */
  fixes: Fix[];
  /** How many input cells were filled, and how many marks were set (a merged area is one, as 清除标记 counts them). */
  written: number;
  marked: number;
  summarySheet: string;
  /** A read-only check (check as you type, after a fix): nothing was written, the summary sheet may be behind. */
  checkOnly?: boolean;
}

export type RecalcOutcome = Results | { kind: "no-tables"; message: string };

export interface RecalcOptions {
  /** Aborting before the write step stops the run at its next pause with nothing written (a CancelledError). */
  signal?: AbortSignal;
  /** Called as each sheet is done (many times a second: show the latest). */
  onCounts?: (step: RecalcStep, counts: StepCounts) => void;
}

export interface PaneHost {
  recalculate(profile: Profile, onStep: (step: RecalcStep) => void, options?: RecalcOptions): Promise<RecalcOutcome>;
  /** Reads and checks the workbook without writing anything. */
  check(profile: Profile): Promise<RecalcOutcome>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Restores what the last recalculation changed; resolves to the number of cells restored, or null when there is nothing to undo. */
  undoLast(): Promise<number | null>;
  hasUndo(): Promise<boolean>;
  /** 清除标记; with `removeSummary`, jixiao's summary sheet goes too (but one written in since). */
  cleanMarks(options?: { removeSummary?: boolean }): Promise<CleanOutcome>;
  loadProfile(): Promise<Profile | null>;
  saveProfile(profile: Profile): Promise<void>;
  /** Writes the chosen computed values (into the undo record too); resolves to the cells written. */
  applyFixes(fixes: Fix[]): Promise<number>;
  /** Stores (or takes back) an ignore in the workbook's record. */
  ignore(finding: Finding, place: FindingPlace, reason: string): Promise<void>;
  unignore(finding: IgnoredFinding): Promise<void>;
  /** Calls onChange whenever a cell is edited; resolves to the function that stops watching. */
  watchChanges(onChange: () => void): Promise<() => Promise<void>>;
  language(): Lang;
  /**
   * Starts fetching what a check or a recalculation needs and the pane's first load goes without (the
   * Office host's analysis engine), so that a click finds it ready; the pane calls it once it has
   * rendered. A host that has it all at hand has none.
   */
  prepare?(): void;
}

/** A run stopped by the user before anything was written. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}
