/**
 * The one entry both hosts call: grid in; tables, scores, findings, cell writes, marks and the
 * 综合得分 sheet out, at once (analyze) or a sheet at a time (analysisSteps). Nothing here touches a
 * file or Office.js.
 */
import Decimal from "decimal.js";
import {
  IndicatorTable,
  Table,
  coverUnitName,
  detectTables,
  exampleTables,
  hiddenForms,
  isEmptyTable,
  readingOrder,
  sameSide,
  tableLabel,
  tableRange,
  titleUnitName,
} from "./detect";
import { SheetView, WorkbookGrid, cellAddress, cellKey, viewOf } from "./grid";
import { LOOKED_FOR, compactName } from "./headers";
import { IgnoredFinding, ignoresOf, placeFindings, splitIgnored } from "./ignores";
import { Lang, findingMessage } from "./messages";
import {
  BudgetBlock,
  BudgetLine,
  BudgetLineKind,
  CellRef,
  IndicatorBlock,
  NumberCell,
  ValueCell,
  readBudgetBlock,
  readIndicatorBlock,
  formScoresNothing,
  headsForm,
} from "./model";
import { MoneyUnit } from "./money-unit";
import { DEFAULT_PROFILE, Profile, rateFormat, scoreFormat } from "./profile";
import {
  AnalysisResult,
  BudgetReport,
  CellMark,
  CellWrite,
  Finding,
  IndicatorReport,
  TableReport,
  TotalReport,
  ValueReport,
  WriteBasis,
  Worked,
  severityRank,
} from "./result";
import {
  BudgetExecution,
  BudgetLineResult,
  budgetExecution,
  evaluateBudgetBlock,
  isProjectListLeftBlank,
  leadingLine,
  pointsLeftBlank,
  scoredAtProfileWeight,
} from "./rules/budget";
import { FindingList, SEVERITY } from "./rules/findings";
import { IndicatorResult, evaluateIndicatorBlock } from "./rules/indicators";
import { EvaluationTotal, FilledCells, checkListTotals, evaluateTotals, leavesToBudget, recordedTotalDigits, statesAllPointsItself } from "./rules/totals";
import { asShown, budgetScoreWorked, decimalString, rateWorked, roundHalfUp, scoreWorked } from "./score";
import { MARK_COLORS, MarkEntry, marksOf, ownFillsIn, withoutOwnFills } from "./marks";
import { WorkbookState, parseState } from "./state";
import type { SummaryInput } from "./summary";
import { isJixiaoSummary, uncheckedHiddenSheets } from "./summary-sheet";
import { SummarySheet } from "./summary-types";
import { unitShown } from "./values";


/** What the review and the command line read of a total beyond its report, by the total's index. */
export interface TotalSource {
  /**
   * Where its budget score came from: the budget line it counted; `line` is that line's index in
   * `budget` (forms side by side have lines on the same row).
   */
  budget: { sheet: string; row: number; line: number } | null;
  /**
   * Where the total counts no budget line: the line standing for the budget block that heads its
   * form (the indicator table's `above`, named as the indicators are: they took its names or
   * repeat them), as `budget` gives one, so that the review shows a form's budget and indicators on
   * one row (a transfer payment's 区域绩效自评表 scores no budget: review round 57c, F4). Null where
   * the total counts a line, or the block above is no one form's (a list of several projects, a
   * block with no line standing for it).
   */
  formBudget: { sheet: string; row: number; line: number } | null;
  /**
   * The recorded 总分 as its cell shows it, as the findings quote it (see differingTexts): 76.67 of
   * a 76.6666666666667 formatted 0.00 (the report's recordedScore keeps every digit).
   */
  recordedShown: string | null;
}

export interface Analysis extends AnalysisResult {
  /** The 综合得分 sheet, laid out when first read: the command line's review and check read none. */
  readonly summary: SummarySheet;
  /** One per `totals` entry, in the same order (for the finance bureau's review and the command line's headline). */
  totalSources: TotalSource[];
  /** The unit a sheet without tables names (a cover's 单位名称：某局), for a review row whose forms name none. */
  coverUnit: string | null;
  /** The unit a form's title names before its year (某区卫生健康局2023年度…自评表), for a review row whose forms and cover name none. */
  readonly titleUnit: string | null;
  /** One per `budget` line, in the same order (for the review and the 综合得分 sheet). */
  budgetLines: BudgetLineFacts[];
  /** Findings the workbook's record sets aside (src/core/ignores.ts), with their reasons. */
  ignored: IgnoredFinding[];
  /**
   * The values earlier runs filled in that are still jixiao's (src/core/marks.ts ownFillsIn), read
   * as the blanks they were: the hosts fill them in again from `writes`, or take them back.
   */
  ownFills: MarkEntry[];
  /**
   * The recorded 执行率 and 得分 cells merged across their own row only, no wider than their
   * column's header (NumberCell.own), by sheet and cellKey: a fix (fixes.ts) writes into their
   * top-left cell, as a fill does into a blank one. Other merged cells take no fix.
   */
  ownMerges: ReadonlyMap<string, ReadonlySet<number>>;
}

export interface BudgetLineFacts {
  /** The money unit the line's table states (src/core/money-unit.ts), null when it states none. */
  unit: MoneyUnit | null;
  kind: BudgetLineKind;
  /** The line stands for its table in one row of the finance bureau's review (see leadingLine). */
  leads: boolean;
  /** The index in `tables` of the line's budget table. */
  table: number;
}

export interface AnalyzeOptions {
  lang?: Lang;
}

/** The 综合得分 layout (./summary.ts buildSummary), which lays out Analysis.summary. */
export type SummaryLayout = (input: SummaryInput) => SummarySheet;

let summaryLayout: SummaryLayout | null = null;

/**
 * Gives the core the 综合得分 layout, which lays out `Analysis.summary` when it is first read. It is
 * not imported here, so that the task pane's first load goes without it: the pane fetches it as a
 * chunk and gives it before it analyses (src/taskpane/office-host.ts); every other host and the
 * tests import ./all-parts, which gives it at once.
 */
export function setSummaryLayout(layout: SummaryLayout): void {
  summaryLayout = layout;
}

function layOut(input: SummaryInput): SummarySheet {
  if (summaryLayout === null) throw new Error("jixiao: the 综合得分 layout was not given to the core (import core/all-parts, or setSummaryLayout)");
  return summaryLayout(input);
}

/**
 * The message for a workbook with no recognisable table: which headers were looked for; or, where
 * the forms are on hidden sheets or are headers with nothing under them (Analysis.emptyTables), that.
 */
export function noTablesMessage(lang: Lang = "zh", hiddenSheets: string[] = [], emptyTables: string[] = []): string {
  // The forms may be on sheets the unit hid: then the headers are not what to check.
  if (hiddenSheets.length > 0) {
    return lang === "en"
      ? `No budget or indicator table on the visible sheets; hidden sheets and columns are not checked: ${hiddenSheets.join(", ")}. Unhide them and run again to check them.`
      : `可见的工作表中没有找到预算表或绩效指标表；隐藏的工作表或列未检查：${hiddenSheets.join("、")}。取消隐藏后重新运行即可检查。`;
  }
  // A template not filled in yet: its headers were found, there is nothing under them.
  if (emptyTables.length > 0) {
    return lang === "en"
      ? `Only headers with no rows under them were found: ${emptyTables.join(", ")}. Fill the form in and run again.`
      : `只找到只有表头的空表：${emptyTables.join("、")}。请填写后重新运行。`;
  }
  const budget = LOOKED_FOR.budget.join("、");
  const indicators = LOOKED_FOR.indicators.join("、");
  return lang === "en"
    ? `No budget or indicator table was found. Looked for budget headers (${budget}) and indicator headers (${indicators}).`
    : `没有找到预算表或绩效指标表。查找的表头：预算表（${budget}）；指标表（${indicators}）。请确认表头文字在同一行。`;
}

interface SheetWork {
  view: SheetView;
  tables: Table[];
  budgets: { block: BudgetBlock; results: BudgetLineResult[] }[];
  /** `formBudget`: the budget block heading the table's form (headsForm); `scoresNothing`: formScoresNothing's answer for it. */
  indicators: { block: IndicatorBlock; results: IndicatorResult[]; formBudget: BudgetBlock | null; scoresNothing: boolean }[];
  totals: EvaluationTotal[];
  /** The cells jixiao fills on the sheet, then the formula totals whose cached result it updates. */
  writes: CellWrite[];
}

const countedBudget = (budget: SheetWork["budgets"][number] | undefined): BudgetExecution | null => (budget ? budgetExecution(budget.results) : null);

/**
 * The budget execution an indicator table's total includes: the weighted budget block on its side
 * (see sameSide: forms side by side each have their own) closest above it on its sheet, else the
 * one right below it when no later indicator table on that side claims that one, else the sheet's
 * only weighted block when it stands beside the indicators with none of its own; on a sheet
 * without one, `elsewhere`: the workbook's only weighted block on a sheet of budget tables alone
 * (a budget sheet beside an indicator sheet), or of a project list there, the line of the table's
 * own project (projectBudget), as of a list on its sheet for a table naming its project on its rows.
 * A block sharing its sheet with indicators belongs to those; with several candidates, which one is
 * meant is unknown.
 */
function budgetFor(work: SheetWork, block: IndicatorBlock, elsewhere: SheetWork["budgets"][number] | null): BudgetExecution | null {
  const weighted = work.budgets.filter((b) => b.block.weighted);
  if (weighted.length === 0) return elsewhere && projectBudget(elsewhere, block, work);
  // A table naming its project on its rows (see detect's splitProjects) counts its project's line.
  const counted = (budget: SheetWork["budgets"][number] | undefined) =>
    budget && block.table.projectColumn !== null ? projectBudget(budget, block, work) : countedBudget(budget);
  const beside = weighted.filter((b) => sameSide(b.block.table, block.table));
  // A budget block to the right of the indicators, on their rows: the sheet's only weighted block,
  // with no indicators on its side to claim it (no form of its own).
  if (beside.length === 0) {
    const lone = weighted.length === 1 && !work.indicators.some((i) => sameSide(i.block.table, weighted[0].block.table));
    return lone ? counted(weighted[0]) : null;
  }
  const above = beside.filter((b) => b.block.table.lastRow < block.table.headerTop).pop();
  if (above) return counted(above);
  const below = beside.find((b) => b.block.table.headerTop > block.table.lastRow);
  const claimed =
    below && work.indicators.some((i) => sameSide(i.block.table, below.block.table) && i.block.table.headerTop > below.block.table.lastRow);
  return claimed ? null : counted(below);
}

/**
 * A project's name as a list and a form may each write it: no spaces, numbering (1.), year before it
 * (2023年) or 项目 after it (or before its brackets), brackets of one kind; what is in brackets stays
 * (高标准农田建设（二期）).
 */
function projectKey(name: string): string {
  return compactName(name).replace(/^(?:19|20)\d{2}年度?/, "").replace(/项目(?=\(|$)/, "");
}

/**
 * What a budget sheet of its own, or a list beside a table naming its project on its rows, gives an
 * indicator table: of a project list that scores each project's execution (its own 分值 and 得分 on
 * several lines), the line of the project the table evaluates (its form's 项目名称, named the same,
 * else the one line whose name holds it or that it holds), and none when no one line is its: never
 * the whole list's points for one project. A 部门整体 form none of it; a form that names no
 * project, or a block scoring one line, counts the whole block; a project left unnamed in a table
 * of several (see detect's splitProjects) the one line no other project of its table (on `work`'s
 * sheet) is given, if one.
 */
function projectBudget(budget: SheetWork["budgets"][number], block: IndicatorBlock, work: SheetWork): BudgetExecution | null {
  const project = block.table.project;
  const scored = budget.results.filter((r) => r.scored && r.line.kind === "line");
  // A list of projects whose 分值 and 得分 are left blank scores the form of a project it lists (a
  // part of a split table, or a form of its own naming one) at the profile's weight
  // (budgetsAtProfileWeight), not at its 合计.
  if (scored.length < 2) {
    const listed = block.table.projectColumn !== null || (project !== null && lineNamed(budget.results, project) !== null);
    return listed && isProjectListLeftBlank(budget.block) ? null : countedBudget(budget);
  }
  const lineOf = (name: string) => lineNamed(scored, name);
  if (project) {
    const line = lineOf(project);
    return line ? budgetExecution([line]) : null;
  }
  // A 部门整体 form is no one project's, nor all of them (review round 25: it took the list's 30 points).
  if (block.table.wholeDepartment) return null;
  if (block.table.projectColumn === null) return countedBudget(budget);
  const taken = work.indicators.filter((i) => i.block.table.project && sameList(i.block.table, block.table)).map((i) => lineOf(i.block.table.project!));
  const left = scored.filter((r) => !taken.includes(r));
  return left.length === 1 ? budgetExecution(left) : null;
}

/** The line of `lines` that names a project: the one named so, else the one holding the name or held by it. */
function lineNamed(lines: BudgetLineResult[], name: string): BudgetLineResult | null {
  const key = projectKey(name);
  const same = lines.filter((r) => r.line.kind === "line" && projectKey(r.line.label) === key);
  const holding = lines.filter((r) => r.line.kind === "line" && (projectKey(r.line.label).includes(key) || key.includes(projectKey(r.line.label))));
  return same.length === 1 ? same[0] : holding.length === 1 ? holding[0] : null;
}

/** Whether two indicator tables were split from one table listing several projects (see detect's splitProjects). */
function sameList(a: IndicatorTable, b: IndicatorTable): boolean {
  return a.projectColumn !== null && b.projectColumn !== null && a.headerTop === b.headerTop && a.span.left === b.span.left;
}

/** The workbook's only weighted block on a sheet without indicators, if one. */
function budgetSheetBlock(works: SheetWork[]): SheetWork["budgets"][number] | null {
  const budgetSheets = works.filter((w) => w.indicators.length === 0);
  const weighted = budgetSheets.flatMap((w) => w.budgets.filter((b) => b.block.weighted));
  return weighted.length === 1 ? weighted[0] : null;
}

/** Validates and scores the rows of one sheet's tables (its totals come later, see addTotals). */
function checkSheet(view: SheetView, tables: Table[], findings: FindingList, profile: Profile): SheetWork {
  const work: SheetWork = { view, tables, budgets: [], indicators: [], totals: [], writes: [] };
  for (const table of tables) {
    if (table.kind === "budget") {
      const block = readBudgetBlock(view, table);
      work.budgets.push({ block, results: evaluateBudgetBlock(findings, block, profile) });
    } else {
      const block = readIndicatorBlock(view, table);
      const formBudget = work.budgets.find((b) => headsForm(b.block, table))?.block ?? null;
      const scoresNothing = formScoresNothing(block, formBudget);
      work.indicators.push({ block, results: evaluateIndicatorBlock(findings, block, profile, scoresNothing), formBudget, scoresNothing });
    }
  }
  return work;
}

/**
 * A budget block whose 分值 and 得分 are left blank, beside indicators that carry all 100 points
 * under a 总分 row stating 100 or recording their scores alone (a 部门整体 form), gives budget
 * execution no points: it becomes a block without weights, nothing scored or filled. "Beside": on
 * the same sheet, on the block's side of it when forms stand side by side (see sameSide), or on a
 * budget sheet of its own when such indicators have no weighted budget block on theirs (see
 * budgetSheetBlock). Otherwise the profile's budget weight applies, as a preset's may on top of the
 * indicators. With both cells blank, scoring the block raised no finding that now goes.
 */
function dropUnclaimedBudgetWeights(works: SheetWork[], profile: Profile): void {
  // Most workbooks fill their budget 分值: nothing to drop, and the indicators' sums are not needed.
  if (!works.some((work) => work.budgets.some((b) => pointsLeftBlank(b.block)))) return;
  // Per sheet, the tables of its indicator blocks that carry all 100 points themselves.
  const claiming = works.map((work) =>
    work.indicators
      .filter((i) => i.block.selfEvaluation && statesAllPointsItself(i.block, i.results, profile.scoreDecimals))
      .map((i) => i.block.table),
  );
  const claimedElsewhere = works.some((w, i) => claiming[i].length > 0 && !w.budgets.some((b) => b.block.weighted));
  works.forEach((work, i) => {
    const budgetSheetClaimed = work.indicators.length === 0 && claimedElsewhere;
    if (claiming[i].length === 0 && !budgetSheetClaimed) return;
    work.budgets = work.budgets.map(({ block, results }) => {
      if (!pointsLeftBlank(block)) return { block, results };
      if (!budgetSheetClaimed && !claiming[i].some((table) => sameSide(table, block.table))) return { block, results };
      return { block: { ...block, weighted: false }, results: results.map((r) => ({ ...r, scored: false, weight: null, score: null, exactScore: null })) };
    });
  });
}

/**
 * The budget execution of indicator tables that count no weighted block, from a table scored at the
 * profile's weight (scoredAtProfileWeight: one with a 执行率 and no 分值 or 得分 column, or a list of
 * projects whose 分值 and 得分 are left blank), found as budgetFor finds a weighted one: only where
 * their weights leave exactly the profile's budget weight to 100 (leavesToBudget), so that
 * indicators carrying all 100 points (a 部门整体 form) are given none. The lines counted are scored
 * in their tables too, for the report and the 综合得分 sheet. (Only workbooks holding such a table
 * ask budgetFor twice.)
 */
function budgetsAtProfileWeight(works: SheetWork[], elsewhere: SheetWork["budgets"][number] | null, profile: Profile): Map<IndicatorBlock, BudgetExecution> {
  const counted = new Map<IndicatorBlock, BudgetExecution>();
  const profileScored = works.map((work) => ({
    ...work,
    budgets: work.budgets.flatMap(({ block, results }) => {
      const scored = scoredAtProfileWeight(block, results, profile);
      return scored ? [{ block: { ...block, weighted: true }, results: scored }] : [];
    }),
  }));
  if (profileScored.every((work) => work.budgets.length === 0)) return counted;
  const profileScoredElsewhere = budgetSheetBlock(profileScored);
  works.forEach((work, i) => {
    for (const { block, results } of work.indicators) {
      if (!block.selfEvaluation || budgetFor(work, block, elsewhere) || !leavesToBudget(block, results, new Decimal(profile.budgetWeight))) continue;
      const budget = budgetFor(profileScored[i], block, profileScoredElsewhere);
      if (budget) counted.set(block, budget);
    }
  });
  // A table whose lines are counted takes its lines as scored here (its 合计 then scored at none).
  const used = new Set([...counted.values()].flatMap((budget) => budget.lines.map((r) => r.line)));
  works.forEach((work, i) => {
    work.budgets = work.budgets.map((budget) => {
      const scored = profileScored[i].budgets.find((b) => b.block.table === budget.block.table);
      return scored && scored.results.some((r) => used.has(r.line)) ? { block: budget.block, results: scored.results } : budget;
    });
  });
  return counted;
}

/**
 * Totals come last: an indicator sheet's total may include a budget block on another sheet, and a
 * 总分 (or indicators' 合计) formula over cells jixiao fills is recomputed with them filled.
 */
function addTotals(works: SheetWork[], findings: FindingList, profile: Profile): void {
  dropUnclaimedBudgetWeights(works, profile);
  const elsewhere = budgetSheetBlock(works);
  const atProfileWeight = budgetsAtProfileWeight(works, elsewhere, profile);
  for (const work of works) {
    work.writes = plannedWrites(work, profile);
    // Built only for a 总分 formula to read: most sheets have none.
    let filled: FilledCells | undefined;
    const filledCells = () => (filled ??= new Map(work.writes.map((w) => [cellKey(w.row, w.col), new Decimal(w.value)])));
    for (const { block, results } of work.indicators) {
      if (!block.selfEvaluation) continue;
      const total = evaluateTotals(findings, block, results, budgetFor(work, block, elsewhere) ?? atProfileWeight.get(block) ?? null, profile, work.view, filledCells);
      work.totals.push(total);
      // The indicators' 合计 above (or instead of) the 总分 is a sum formula of the same kind.
      for (const recomputed of [total.recomputed, total.recomputedSubtotal]) {
        if (recomputed) writeCell(work.writes, recomputed.cell, recomputed.value, recomputed.cell.numFmt ?? "General", { cachedResult: true });
      }
    }
    for (const last of work.totals.filter((t) => t.block.listTotals.length > 0)) {
      // The list's projects: the tables split from its one (see detect's splitProjects).
      const projects = work.totals.filter((t) => sameList(t.block.table, last.block.table));
      checkListTotals(findings, projects, work.view, filledCells, profile.scoreDecimals);
    }
    inReadingOrder(work);
  }
}

/**
 * Lists a sheet's totals in the order of its forms, as its budget lines are: by each form's first
 * table in the sheet's reading order (detect's readingOrder), the budget blocks right above its
 * indicator table on its side, else that table. Forms side by side of different lengths start on
 * one row while their indicators do not (review round 56a, F4).
 */
function inReadingOrder(work: SheetWork): void {
  const start = (total: EvaluationTotal): Table => {
    let first: Table = total.block.table;
    while (first.above?.kind === "budget") first = first.above;
    return first;
  };
  work.totals.sort((a, b) => readingOrder(start(a), start(b)));
}

const isBlank = (cell: NumberCell | null): cell is NumberCell => cell !== null && cell.writable;

/**
 * Adds a write, if its number is one a cell can hold: a value beyond a double's range is never
 * written (the rules that made it have named the cause). `how`: how a filled-in value was
 * computed, or a formula's new cached result.
 */
function writeCell(writes: CellWrite[], ref: CellRef, value: Decimal, numFmt: string, how: { basis: WriteBasis; worked?: Worked } | { cachedResult: true }): void {
  if (!Number.isFinite(value.toNumber())) return;
  writes.push({ sheet: ref.sheet, cell: cellAddress(ref.row, ref.col), row: ref.row, col: ref.col, value: value.toFixed(), numFmt, ...how });
}

function plannedWrites(work: SheetWork, profile: Profile): CellWrite[] {
  const writes: CellWrite[] = [];
  const add = (ref: CellRef, value: Decimal, numFmt: string, basis: WriteBasis, worked?: Worked) => writeCell(writes, ref, value, numFmt, { basis, ...(worked && { worked }) });
  for (const { results } of work.budgets) {
    for (const r of results) {
      // A rate is worked out from both amounts (budgetRate), and a score from a rate at a weight (scoredAt).
      const { planned, spent, rate, weight } = r;
      if (rate === null || planned === null || spent === null) continue;
      if (isBlank(r.line.rate)) add(r.line.rate, roundHalfUp(rate, profile.rateDecimals), rateFormat(profile), "rate", rateWorked(spent, planned, rate, profile.rateDecimals));
      if (r.scored && r.score !== null && weight !== null && isBlank(r.line.score)) {
        add(r.line.score, r.score, scoreFormat(profile), "budget-score", budgetScoreWorked(weight, spent, planned, rate, r.score, profile.scoreDecimals));
      }
    }
  }
  for (const { results } of work.indicators) {
    for (const r of results) {
      const score = r.indicator.score;
      if (r.computed === null || !isBlank(score)) continue;
      // The note names the formula the score was worked out by: a cut below zero (≤-5%) is scored by its size.
      const by = r.scoredBy;
      const worked = by && scoreWorked(by.direction, by.target, by.actual, by.weight, r.computed, profile);
      add(score, roundHalfUp(r.computed, profile.scoreDecimals), scoreFormat(profile), (by ?? r).direction === "negative" ? "score-negative" : "score", worked);
    }
  }
  return writes;
}

function valueReport(cell: ValueCell | null): ValueReport | null {
  if (!cell) return null;
  const p = cell.parsed;
  return { text: p.text, op: p.op, value: decimalString(p.value), unit: unitShown(p) };
}

function tableReport(sheet: string, table: Table, year: number | null): TableReport {
  const report: TableReport = { sheet, kind: table.kind, range: tableRange(table), label: tableLabel(sheet, table) };
  if (table.project !== null) report.project = table.project;
  if (table.unit !== null) report.unit = table.unit;
  if (table.supervisor) report.supervisor = table.supervisor;
  if (table.wholeDepartment) report.wholeDepartment = true;
  if (year !== null) report.year = year;
  return report;
}

/** `formLead`: the line standing for the budget block heading the total's form (see headsForm), if one. */
function totalSource(t: EvaluationTotal, formLead: BudgetLine | undefined, lineIndex: Map<BudgetLine, number>, profile: Profile): TotalSource {
  const line = t.budget?.lead.line;
  const cell = t.block.recordedTotal;
  const formLine = line ? undefined : formLead;
  const at = (l: BudgetLine) => ({ sheet: l.sheet, row: l.row + 1, line: lineIndex.get(l)! });
  return {
    budget: line ? at(line) : null,
    formBudget: formLine ? at(formLine) : null,
    recordedShown: t.recordedScore === null || cell === null ? null : asShown(t.recordedScore, recordedTotalDigits(cell, t.recomputed, profile.scoreDecimals)).toFixed(),
  };
}

function budgetReport(r: BudgetLineResult, profile: Profile): BudgetReport {
  const l = r.line;
  return {
    sheet: l.sheet,
    row: l.row + 1,
    label: l.label,
    planned: decimalString(r.planned),
    spent: decimalString(r.spent),
    rate: r.rate === null ? null : roundHalfUp(r.rate, profile.rateDecimals).toFixed(),
    recordedRate: decimalString(r.recordedRate),
    weight: decimalString(r.weight ?? l.weight?.value ?? null),
    score: decimalString(r.score),
    recordedScore: decimalString(l.score?.value ?? null),
    recordedGrade: l.grade?.text || null,
  };
}

function indicatorReport(r: IndicatorResult, selfEvaluation: boolean): IndicatorReport {
  const i = r.indicator;
  return {
    sheet: i.sheet,
    row: i.row + 1,
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    target: valueReport(i.target) ?? { text: "", op: null, value: null, unit: null },
    actual: selfEvaluation ? valueReport(i.actual) : null,
    weight: decimalString(i.weight?.value ?? null),
    score: decimalString(r.score),
    recordedScore: decimalString(i.score?.value ?? null),
  };
}

function totalReport(t: EvaluationTotal, unscored: boolean): TotalReport {
  return {
    sheet: t.sheet,
    label: tableLabel(t.sheet, t.block.table),
    table: tableRange(t.block.table),
    weights: decimalString(t.weights),
    score: decimalString(t.score),
    recordedScore: decimalString(t.recordedScore),
    grade: t.grade,
    recordedGrade: t.recordedGrade,
    recordedDiffers: t.recordedDiffers,
    ...(unscored && { unscored: true as const }),
  };
}

function marksFor(findings: Finding[]): CellMark[] {
  const byCell = new Map<string, CellMark>();
  findings.forEach((f) => {
    const key = `${f.sheet}!${f.cell}`;
    const existing = byCell.get(key);
    if (existing && severityRank(existing.severity) <= severityRank(f.severity)) return;
    byCell.set(key, { sheet: f.sheet, cell: f.cell, row: f.row, col: f.col, severity: f.severity, color: MARK_COLORS[f.severity] });
  });
  return [...byCell.values()];
}

/**
 * Where a stepwise analysis has paused: `done` of `total` sheets (every sheet of the workbook,
 * a 综合得分 sheet jixiao wrote counted but not checked) through a phase, or, at "totals", every
 * sheet checked with only the totals, the findings list and the 综合得分 sheet left to build.
 */
export type AnalysisProgress = { phase: "detect" | "check"; done: number; total: number } | { phase: "totals" };

/**
 * The analysis one sheet at a time, for a host that must stay responsive (the task pane): it pauses
 * after each sheet's tables are found, after each sheet is checked, and before the totals, and
 * returns what analyze() returns. Every sheet is detected before any is checked, so the findings
 * come out in the same order however the steps are spaced.
 */
export function* analysisSteps(
  workbook: WorkbookGrid,
  profile: Profile = DEFAULT_PROFILE,
  options: AnalyzeOptions = {},
): Generator<AnalysisProgress, Analysis, void> {
  const record = parseState(workbook.state);
  // Values an earlier run filled in are read as the blanks they were, to be computed again.
  const ownFills = ownFillsIn(workbook, marksOf(record));
  workbook = withoutOwnFills(workbook, ownFills);
  const total = workbook.sheets.length;
  const skippedSheets: string[] = [];
  /** Forms in hidden columns, not checked (hiddenForms): named with the hidden sheets. */
  const hiddenColumns: string[] = [];
  /** Per sheet, its view and tables; null for a 综合得分 sheet jixiao wrote, or a hidden sheet. */
  const detected: ({ view: SheetView; tables: Table[]; examples: Set<Table> } | null)[] = [];
  for (const sheet of workbook.sheets) {
    if (isJixiaoSummary(sheet)) {
      skippedSheets.push(sheet.name);
      detected.push(null);
    } else if (sheet.hidden) {
      detected.push(null);
    } else {
      const view = viewOf(sheet);
      const { shown: tables, hidden } = hiddenForms(view, detectTables(view));
      hiddenColumns.push(...hidden);
      detected.push({ view, tables, examples: exampleTables(view, tables) });
    }
    yield { phase: "detect", done: detected.length, total };
  }
  // An example of how to fill the form in is no form beside the unit's own; a workbook that holds
  // nothing else was filled in over its template's example, heading and all, and is read.
  if (detected.some((sheet) => sheet && sheet.tables.some((t) => !sheet.examples.has(t)))) {
    for (const sheet of detected) if (sheet) sheet.tables = sheet.tables.filter((t) => !sheet.examples.has(t));
  }
  // A header with nothing under it (a spare template sheet) is no form: not checked, counted or
  // scored, and named (Analysis.emptyTables). Its header has done its part in detection already
  // (it ends the table above it).
  const emptyTables: string[] = [];
  for (const sheet of detected) {
    if (!sheet || !sheet.tables.some((t) => t.rows.length === 0)) continue;
    const empty = new Set(sheet.tables.filter((t) => isEmptyTable(sheet.view, t, sheet.tables)));
    for (const t of empty) emptyTables.push(`${sheet.view.sheet.name}!${tableRange(t)}`);
    sheet.tables = sheet.tables.filter((t) => !empty.has(t));
  }

  const findings = new FindingList();
  const works: SheetWork[] = [];
  for (const [index, sheet] of detected.entries()) {
    if (sheet) works.push(checkSheet(sheet.view, sheet.tables, findings, profile));
    yield { phase: "check", done: index + 1, total };
  }

  yield { phase: "totals" };
  addTotals(works, findings, profile);
  return assemble(workbook, record, ownFills, works, findings, skippedSheets, hiddenColumns, emptyTables, profile, options.lang ?? "zh");
}

/** The whole analysis in one call: analysisSteps run to the end. */
export function analyze(workbook: WorkbookGrid, profile: Profile = DEFAULT_PROFILE, options: AnalyzeOptions = {}): Analysis {
  const steps = analysisSteps(workbook, profile, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The sheets' work, with their totals, as the Analysis both hosts take. */
function assemble(
  workbook: WorkbookGrid,
  record: WorkbookState,
  ownFills: MarkEntry[],
  works: SheetWork[],
  findings: FindingList,
  skippedSheets: string[],
  hiddenColumns: string[],
  emptyTables: string[],
  profile: Profile,
  lang: Lang,
): Analysis {
  const hiddenSheets = [...uncheckedHiddenSheets(workbook.sheets), ...hiddenColumns];
  const sheetOrder = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  const raw = [...findings.items].sort(
    (a, b) =>
      (sheetOrder.get(a.ref.sheet) ?? 0) - (sheetOrder.get(b.ref.sheet) ?? 0) || a.ref.row - b.ref.row || a.ref.col - b.ref.col,
  );
  const findingList: Finding[] = raw.map((f) => ({
    rule: f.rule,
    severity: SEVERITY[f.rule],
    sheet: f.ref.sheet,
    cell: cellAddress(f.ref.row, f.ref.col),
    row: f.ref.row,
    col: f.ref.col,
    message: findingMessage(lang, f.rule, f.params),
  }));

  const budget = works.flatMap((w) => w.budgets.flatMap((b) => b.results));
  const totals = works.flatMap((w) => w.totals);
  const indicatorWork = new Map(works.flatMap((w) => w.indicators.map((i) => [i.block, i])));
  const formBudgets = totals.map((t) => indicatorWork.get(t.block)?.formBudget ?? null);
  // A total scores nothing by design (TotalReport.unscored) where its form does (the decision
  // missing-reason took) and it counts no budget score from another block. Such a form has no total
  // or grade: every host says so, not that its total cannot be computed, as of a form whose 分值 or
  // 得分 column is there and blank or unread.
  const unscored = totals.map((t) => (indicatorWork.get(t.block)?.scoresNothing ?? false) && t.budget === null);
  const years = new Map(works.flatMap((w) => w.indicators.map((i) => [i.block.table as Table, i.block.year])));
  const tables = works.flatMap((w) => w.tables.map((t) => tableReport(w.view.sheet.name, t, years.get(t) ?? null)));
  const budgetRows = budget.map((r) => budgetReport(r, profile));
  const tableIndex = new Map(works.flatMap((w) => w.tables).map((t, index) => [t, index]));
  const lineIndex = new Map(budget.map((r, index) => [r.line, index]));
  const budgetLines: BudgetLineFacts[] = [];
  // Per budget line, its table's unit and name, for the 综合得分 sheet to tell tables apart.
  const budgetTables: SummaryInput["budgetTables"] = [];
  // Per budget block, the line standing for it: that of the block heading a form (see headsForm) is TotalSource.formBudget.
  const formLeads = new Map<Table, BudgetLine>();
  for (const w of works) {
    for (const { block, results } of w.budgets) {
      const unit = block.moneyUnit;
      const lead = leadingLine(results);
      const table = tableIndex.get(block.table)!;
      if (lead) formLeads.set(block.table, lead.line);
      for (const r of results) {
        budgetLines.push({ unit, kind: r.line.kind, leads: r === lead, table });
        // A form that gives no name is told by its range, as its total's headline is (headline.ts).
        budgetTables.push({ unit, label: block.table.label ?? tableRange(block.table), range: tableRange(block.table), year: block.year });
      }
    }
  }
  const ownMerges = new Map<string, Set<number>>();
  for (const w of works) {
    const cells = new Set<number>();
    const own = (cell: NumberCell | null) => {
      if (cell?.own && w.view.mergeAt(cell.row, cell.col)) cells.add(cellKey(cell.row, cell.col));
    };
    for (const { results } of w.budgets) {
      for (const { line } of results) {
        own(line.rate);
        own(line.score);
      }
    }
    for (const { results } of w.indicators) for (const { indicator } of results) own(indicator.score);
    if (cells.size > 0) ownMerges.set(w.view.sheet.name, cells);
  }
  // The year each budget block's form states above it: 综合得分 names a form's findings by it (formNamesApart in headline.ts).
  const budgetYears = new Map(works.flatMap((w) => w.budgets.map(({ block }) => [block.table as Table, block.year])));
  let indicatorBlocks = works.flatMap((w) => w.indicators);
  let indicatorRows: IndicatorReport[] | undefined;
  // One report row per indicator, built when first read: the JSON report reads them, the add-in
  // rarely does. They cost about a tenth of the core's time (75 ms per 100,000 rows).
  const indicatorReports = (): IndicatorReport[] => {
    if (indicatorRows === undefined) {
      indicatorRows = indicatorBlocks.flatMap(({ block, results }) => results.map((r) => indicatorReport(r, block.selfEvaluation)));
      indicatorBlocks = []; // the rows are all that is needed of them from now on
    }
    return indicatorRows;
  };

  // Findings the workbook's record sets aside leave the findings, the marks and the summary.
  let active = findingList;
  let ignored: IgnoredFinding[] = [];
  const records = ignoresOf(record);
  if (records.length > 0) {
    const places = placeFindings({ findings: findingList, tables, budget: budgetRows, indicators: indicatorReports() }, workbook);
    const split = splitIgnored(findingList, places, records);
    active = split.active.map((i) => findingList[i]);
    ignored = split.ignored;
  }

  let summaryInput: SummaryInput | null = {
    sheets: workbook.sheets,
    otherSheetNames: workbook.otherSheetNames,
    // The forms' own names (项目名称, 单位名称), not the reports' sheet-and-range fallback.
    tables: works.flatMap((w) =>
      w.tables.map((t) => ({ sheet: w.view.sheet.name, label: t.label, project: t.project, unit: t.unit, year: years.get(t) ?? budgetYears.get(t), range: tableRange(t), kind: t.kind })),
    ),
    previousSummary: marksOf(record).summary,
    hiddenSheets,
    budget,
    budgetTables,
    totals,
    unscored,
    findings: active,
    ignored,
    profile,
    lang,
  };
  let summary: SummarySheet | undefined;
  const views = works.map((w) => w.view);
  let titleUnit: string | null | undefined;

  return {
    tables,
    budget: budgetRows,
    get indicators(): IndicatorReport[] {
      return indicatorReports();
    },
    get summary(): SummarySheet {
      if (summary === undefined) {
        summary = layOut(summaryInput as SummaryInput);
        summaryInput = null; // the totals and budget lines it held are not needed any more
      }
      return summary;
    },
    totals: totals.map((t, i) => totalReport(t, unscored[i])),
    totalSources: totals.map((t, i) => totalSource(t, formBudgets[i] === null ? undefined : formLeads.get(formBudgets[i]!.table), lineIndex, profile)),
    coverUnit: works.filter((w) => w.tables.length === 0).reduce<string | null>((unit, w) => unit ?? coverUnitName(w.view), null),
    // Worked out when first read: only a review reads it, of a workbook whose forms and folder name
    // no unit, and it looks at the first rows of every sheet (3 % of the 300-sheet workbook's core).
    get titleUnit(): string | null {
      if (titleUnit === undefined) titleUnit = views.reduce<string | null>((unit, view) => unit ?? titleUnitName(view), null);
      return titleUnit;
    },
    budgetLines,
    findings: active,
    ignored,
    writes: works.flatMap((w) => w.writes),
    marks: profile.markCells ? marksFor(active) : [],
    skippedSheets,
    hiddenSheets,
    emptyTables,
    ownFills,
    ownMerges,
  };
}
