/** The messages between the page and its Web Worker (src/web/worker.ts). */
import type { Bilingual, Lang } from "../core/messages";
import type { Profile } from "../core/profile";
import type { Report } from "../core/report";
import type { FileReview } from "../core/review";
import type { SheetDisplay } from "../core/sheet-display";
import type { RecalcOutcome } from "../taskpane/pane-host";

export interface ScoreRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
  profile: Profile;
  lang: Lang;
}

export type ScoreStep = "read" | "check" | "score" | "write";

/** What the task pane's results view shows, for one file. */
export type FileResults = Omit<Extract<RecalcOutcome, { kind: "results" }>, "kind">;

export type ScoreMessage =
  | { id: number; kind: "step"; step: ScoreStep }
  | {
      id: number;
      kind: "done";
      results: FileResults;
      report: Report;
      scored: Uint8Array;
      review: FileReview;
      /** The sheets holding tables as the scored copy shows them (a window of a large one), not the whole grid. */
      sheets: SheetDisplay[];
    }
  /** `noTables`: read, and no form in it (core ReviewFailureKind "no-tables"): 汇总 advises otherwise than for a file unread. */
  | { id: number; kind: "failed"; message: Bilingual; noTables?: boolean }
  /** A review jixiao wrote earlier (汇总.xlsx dropped with the units' files): not a unit's, left out of the review. */
  | { id: number; kind: "earlier-review"; message: Bilingual };
