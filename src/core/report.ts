/**
 * The `jixiao-report/1` JSON document other tools read (see README): the analysis with each
 * written cell's value before and after.
 */
import { Analysis } from "./analyze";
import { droppedParts } from "./damage-notes";
import { CellValue, WorkbookGrid, cellText, isCellError } from "./grid";
import { changingWrites } from "./marks";
import { BudgetReport, Finding, IndicatorReport, TableReport, TotalReport } from "./result";

export const REPORT_SCHEMA = "jixiao-report/1";

export interface ReportWrite {
  sheet: string;
  cell: string;
  before: string | number | boolean | null;
  after: string;
}

/** A finding as the report gives it: its cell by address alone. */
export type ReportFinding = Omit<Finding, "row" | "col">;

export interface Report {
  schema: typeof REPORT_SCHEMA;
  input: string;
  tables: TableReport[];
  budget: BudgetReport[];
  indicators: IndicatorReport[];
  totals: TotalReport[];
  findings: ReportFinding[];
  writes: ReportWrite[];
  /** The sheet the 综合得分 summary was written to, and a summary sheet the user had written in that
   * was kept rather than replaced (null when none). */
  summary: { sheet: string; keptEdited: string | null };
  /** Hidden sheets or columns, not checked (Analysis.hiddenSheets). */
  hiddenSheets: string[];
  /** Headers with nothing under them, no form (Analysis.emptyTables): present only when there are some. */
  emptyTables?: string[];
  /**
   * Merged areas that overlap another, not read (SheetGrid.droppedMerges), by sheet and range
   * ("自评表!A1:XFD1048576"): present only when there are some.
   */
  droppedMerges?: string[];
  /**
   * The file's zip entries whose names are no part names (WorkbookGrid.droppedEntries), not read
   * and left out of the copy: present only when there are some.
   */
  droppedEntries?: string[];
}

/**
 * How many blank cells a run fills, and how many formulas' results it updates in the copy
 * (CellWrite.cachedResult), of the writes that change their cells: only the first are cells filled in.
 */
export function writeCounts(analysis: Analysis, grid: WorkbookGrid): { filled: number; formulaResults: number } {
  const writes = changingWrites(analysis.writes, grid);
  const formulaResults = writes.filter((w) => w.cachedResult).length;
  return { filled: writes.length - formulaResults, formulaResults };
}

function plain(value: CellValue): string | number | boolean | null {
  if (value === null || typeof value !== "object") return value;
  return isCellError(value) ? value.error : cellText(value);
}

export function buildReport(input: string, grid: WorkbookGrid, analysis: Analysis): Report {
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  return {
    schema: REPORT_SCHEMA,
    input,
    tables: analysis.tables,
    budget: analysis.budget,
    indicators: analysis.indicators,
    totals: analysis.totals,
    findings: analysis.findings.map(({ rule, severity, sheet, cell, message }) => ({ rule, severity, sheet, cell, message })),
    writes: changingWrites(analysis.writes, grid).map((w) => ({
      sheet: w.sheet,
      cell: w.cell,
      before: plain(sheets.get(w.sheet)?.values[w.row]?.[w.col] ?? null),
      after: w.value,
    })),
    summary: { sheet: analysis.summary.name, keptEdited: analysis.summary.keptEdited },
    hiddenSheets: analysis.hiddenSheets,
    ...(analysis.emptyTables.length > 0 && { emptyTables: analysis.emptyTables }),
    ...droppedParts(grid),
  };
}
