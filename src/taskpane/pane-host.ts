/**
 * What the task pane needs from its host. The real host (src/excel) runs the core against the open
 * workbook through Office.js; the playground host does the same against an .xlsx in the browser.
 * Components receive a PaneHost as a prop and never call Office.js themselves.
 */
import type { Finding } from "../core/result";
import type { Profile } from "../core/profile";
import type { SummaryLevel1 } from "../core/summary-types";

export type RecalcStep = "read" | "detect" | "validate" | "score" | "write";

export type RecalcOutcome =
  | {
      kind: "results";
      total: string | null;
      /** null when there is no grade, or when `gradeReason` says why none is given. */
      grade: string | null;
      /** Why the total carries no grade (weights not adding up to 100, an incomplete total). */
      gradeReason: string | null;
      levels: SummaryLevel1[];
      findings: Finding[];
      /** How many input cells were filled and how many were marked. */
      written: number;
      marked: number;
      summarySheet: string;
    }
  | { kind: "no-tables"; message: string };

export type Lang = "zh" | "en";

export interface PaneHost {
  recalculate(profile: Profile, onStep: (step: RecalcStep) => void): Promise<RecalcOutcome>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Restores what the last recalculation changed; resolves to the number of cells restored, or null when there is nothing to undo. */
  undoLast(): Promise<number | null>;
  hasUndo(): Promise<boolean>;
  /** 清除标记: takes back every jixiao mark and note; resolves to the number of marks removed. */
  cleanMarks(): Promise<number>;
  loadProfile(): Promise<Profile | null>;
  saveProfile(profile: Profile): Promise<void>;
  language(): Lang;
}
