/**
 * 采用计算值: the findings whose right value the analysis computed, so the pane can offer to write it
 * (old → new, on the user's click only). A recorded 执行率, budget 得分 or quantitative 得分 that
 * disagrees with jixiao's own figure is fixed with that figure, in the format a filled-in blank gets.
 *
 * A cell merged across its own row only, no wider than its column's header (得分 G:H under 得分
 * G10:H10, as the national form has it), is fixed in its top-left cell, as a blank one is filled
 * (Analysis.ownMerges, the model's decision).
 *
 * Not offered: a cell holding a formula (its inputs are what is wrong), a merged 得分 shared by
 * several indicators (the split is not written down) or any other merged area, a total (its
 * message names the sum of the sheet's scores, which the report does not carry), and anything
 * without one right number.
 */

import type { Analysis } from "./analyze";
import { WorkbookGrid, cellKey, viewsByName } from "./grid";
import { Profile, rateFormat, scoreFormat } from "./profile";
import { AnalysisResult, Finding } from "./result";
import { RestoreValue, UndoRecord, copyUndoRecord, singleCellEntry } from "./writeplan";

export interface Fix {
  /** Index of the finding in the analysis's findings. */
  finding: number;
  sheet: string;
  cell: string;
  /** 0-based, for hosts. */
  row: number;
  col: number;
  /** What the cell holds now and what it will hold: exact decimal strings (rates as fractions). */
  before: string;
  after: string;
  numFmt: string;
}

type Fixable = Pick<AnalysisResult, "findings" | "budget" | "indicators"> & Pick<Analysis, "ownMerges">;

/** The fixes on offer, in the order of the findings. */
export function fixesFor(analysis: Fixable, grid: WorkbookGrid, profile: Profile): Fix[] {
  const views = viewsByName(grid);
  const at = (sheet: string, row: number) => `${sheet}\u0000${row}`;
  const budget = new Map(analysis.budget.map((b) => [at(b.sheet, b.row), b]));
  let indicators: Map<string, Fixable["indicators"][number]> | undefined;
  const indicatorAt = (key: string) => (indicators ??= new Map(analysis.indicators.map((i) => [at(i.sheet, i.row), i]))).get(key);

  const computed = (finding: Finding, key: string): { before: string | null; after: string | null; numFmt: string } | null => {
    switch (finding.rule) {
      case "rate-mismatch": {
        const line = budget.get(key);
        return line ? { before: line.recordedRate, after: line.rate, numFmt: rateFormat(profile) } : null;
      }
      case "budget-score-mismatch": {
        const line = budget.get(key);
        return line ? { before: line.recordedScore, after: line.score, numFmt: scoreFormat(profile) } : null;
      }
      case "score-mismatch": {
        const row = indicatorAt(key);
        return row ? { before: row.recordedScore, after: row.score, numFmt: scoreFormat(profile) } : null;
      }
      default:
        return null;
    }
  };

  const fixes: Fix[] = [];
  analysis.findings.forEach((finding, index) => {
    const { row, col } = finding;
    const view = views.get(finding.sheet);
    if (!view || (view.mergeAt(row, col) && !analysis.ownMerges.get(finding.sheet)?.has(cellKey(row, col))) || view.isFormula(row, col)) return;
    const value = computed(finding, at(finding.sheet, row + 1));
    if (!value || value.before === null || value.after === null || value.before === value.after) return;
    fixes.push({ finding: index, sheet: finding.sheet, cell: finding.cell, row, col, before: value.before, after: value.after, numFmt: value.numFmt });
  });
  return fixes;
}

/** What a fixed cell held before: its value ("" for empty) and number format. */
export interface CellBefore {
  value: RestoreValue;
  numFmt: string;
  /** The cell's note, where the host reads notes and the fix takes jixiao's text out of it. */
  note?: string | null;
}

/**
 * The undo record of the last run with the fixes' cells added, so 撤销上次重算 takes them back too:
 * a cell the run already recorded keeps its older entry (undo restores the state before the run);
 * the others get their value and format from before the fix. Also says, per fix, the fill the cell
 * had before the run marked it (to take the mark off once fixed) and the cells that mark covers: a
 * merged 得分 (G:H) was marked as one area, and is unmarked so (review round 58e); the fill is
 * undefined when the run did not mark it.
 */
export function undoWithFixes(
  record: UndoRecord | undefined,
  fixes: Fix[],
  before: CellBefore[],
): { record: UndoRecord; unmark: Unmark[] } {
  const next: UndoRecord = record ? copyUndoRecord(record) : { version: 1, sheets: [], summary: null };
  const unmark = fixes.map((fix, i): Unmark => {
    const area = next.sheets.find((s) => s.name === fix.sheet)?.entries.find((e) => e.r === fix.row && e.c === fix.col && e.h !== undefined && e.fill !== undefined);
    const entry = singleCellEntry(next, fix.sheet, fix.row, fix.col);
    if (entry.v === undefined) {
      entry.v = before[i].value;
      entry.f = before[i].numFmt;
    }
    if (entry.n === undefined && before[i].note !== undefined) entry.n = before[i].note;
    // What the fix leaves: a value typed over it since is the user's, and 撤销 then refuses (review round 54b, H2).
    entry.x = Number(fix.after);
    entry.xf = fix.numFmt;
    return area ? { fill: area.fill, rows: area.h ?? 1, cols: area.w ?? 1 } : { fill: entry.fill, rows: 1, cols: 1 };
  });
  return { record: next, unmark };
}

/** The fill a fixed cell goes back to, and the rows and columns from it that its mark covered. */
export interface Unmark {
  fill: string | null | undefined;
  rows: number;
  cols: number;
}
