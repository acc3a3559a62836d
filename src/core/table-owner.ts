/**
 * Which of an analysis's tables a cell belongs to: one rule for the findings' places in ignore
 * records (ignores.ts), the review's rows (review.ts) and the headlines' totals (headline.ts),
 * over ranges parsed once.
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
   * The index of the table a cell (zero-based) belongs to: the one holding it; else the one
   * starting closest above it on its sheet (a 总分 line under the table, a note below), the first
   * of tables starting on the same row; null when no table on the sheet starts at or above it.
   * Forms side by side: where no table above is in the cell's column and one below is (the form
   * beside has started above, this one's header block holds the cell: 自评得分 | 93.5 over its
   * budget block), the nearest of those below.
   */
  ownerOf(sheet: string, row: number, col: number): number | null {
    const holder = this.holderOf(sheet, row, col);
    if (holder !== null) return holder;
    let above: number | null = null;
    let sideAbove = false;
    for (const index of this.onSheet.get(sheet) ?? []) {
      const range = this.ranges[index];
      if (!range || range.top > row) continue;
      if (above === null || range.top > this.ranges[above]!.top) above = index;
      sideAbove ||= range.left <= col && col <= range.right;
    }
    return above !== null && !sideAbove ? (this.belowIn(sheet, row, col) ?? above) : above;
  }

  /** The index of the table starting nearest below a cell (zero-based) whose columns hold it; null when none does. */
  belowIn(sheet: string, row: number, col: number): number | null {
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

  /** The index of the sheet's first table; null when it has none. */
  firstOn(sheet: string): number | null {
    return this.onSheet.get(sheet)?.[0] ?? null;
  }
}
