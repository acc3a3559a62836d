/**
 * Which of an analysis's tables a cell belongs to, over ranges parsed once: one rule (formOf) for
 * the findings' places in ignore records (ignores.ts), the review's rows (review.ts) and the names
 * of findings on 综合得分 (summary.ts); the table holding a cell for the headlines' totals
 * (headline.ts).
 */
import { groupBy } from "./collections";
import { MergeRange, parseRangeAddress } from "./grid";
import { TableReport } from "./result";

export class TableOwners {
  private readonly ranges: (MergeRange | undefined)[];
  /** Each sheet's tables' indices, in order: a finding is looked up among its own sheet's tables only. */
  private readonly onSheet: Map<string, number[]>;

  constructor(tables: readonly Pick<TableReport, "sheet" | "range">[]) {
    this.ranges = tables.map((t) => parseRangeAddress(t.range));
    this.onSheet = groupBy(
      tables.map((_, index) => index),
      (index) => tables[index].sheet,
    );
  }

  /** The cells of the table at `index` (zero-based rows and columns). */
  range(index: number): MergeRange | undefined {
    return this.ranges[index];
  }

  /**
   * The index of the form a cell (zero-based) is counted in, the one rule for the review's rows,
   * 综合得分's names of findings and ignore records: the table holding it; else the one starting
   * closest above it whose columns hold it (a 总分 line under the table, a note below), the first
   * of tables starting on the same row; else, where no table above is in its columns, the nearest
   * starting below whose columns hold it (forms side by side: the form beside has started above,
   * or none has, and this one's header block holds the cell: 自评得分 | 93.5 over its budget
   * block); else the one starting closest above in other columns; else the sheet's first; null
   * only on a sheet without tables. A table of the form beside, in other columns, is never taken
   * while one in the cell's columns starts above it.
   */
  formOf(sheet: string, row: number, col: number): number | null {
    return this.holderOf(sheet, row, col) ?? this.above(sheet, row, col, false) ?? this.belowIn(sheet, row, col) ?? this.above(sheet, row, col, true) ?? this.onSheet.get(sheet)?.[0] ?? null;
  }

  /**
   * The table ignore records made before review round 53 name a cell by: the one holding it, else
   * the one starting closest above it in any columns; null above every table of its sheet (those
   * records name the sheet). Only for matching such records: formOf is the rule.
   */
  formerOwnerOf(sheet: string, row: number, col: number): number | null {
    return this.holderOf(sheet, row, col) ?? this.above(sheet, row, col, true);
  }

  /**
   * The index of the table starting closest above a cell (zero-based) or on its row, the first of
   * tables starting on the same row, among those whose columns hold it or (`anyColumns`) all; null
   * when none does.
   */
  private above(sheet: string, row: number, col: number, anyColumns: boolean): number | null {
    let above: number | null = null;
    for (const index of this.onSheet.get(sheet) ?? []) {
      const range = this.ranges[index];
      if (!range || range.top > row || (!anyColumns && (col < range.left || col > range.right))) continue;
      if (above === null || range.top > this.ranges[above]!.top) above = index;
    }
    return above;
  }

  /** The index of the table starting nearest below a cell (zero-based) whose columns hold it; null when none does. */
  private belowIn(sheet: string, row: number, col: number): number | null {
    let below: number | null = null;
    for (const index of this.onSheet.get(sheet) ?? []) {
      const range = this.ranges[index];
      if (!range || range.top <= row || col < range.left || col > range.right) continue;
      if (below === null || range.top < this.ranges[below]!.top) below = index;
    }
    return below;
  }

  /** The index of the first table on the sheet whose range holds a cell (zero-based); null when none does. */
  holderOf(sheet: string, row: number, col: number): number | null {
    for (const index of this.onSheet.get(sheet) ?? []) {
      const range = this.ranges[index];
      if (range && range.top <= row && row <= range.bottom && range.left <= col && col <= range.right) return index;
    }
    return null;
  }

  /** How many tables the sheet holds. */
  countOn(sheet: string): number {
    return this.onSheet.get(sheet)?.length ?? 0;
  }
}
