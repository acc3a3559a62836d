/**
 * The finance bureau's review workbook (汇总.xlsx) from a review (src/core/review.ts):
 * - 汇总: a row per table, sortable and filterable, header frozen, printed A4 landscape without
 *   where each table lies; a computed total or grade that differs from the recorded one shaded, a
 *   blank one said why, and a legend with the review's counts below;
 * - 单位统计: per unit, the units that need attention first (most files not read or holding no
 *   form, then most errors, then totals or grades that differ from the recorded, then warnings);
 * - 问题明细: every finding with its unit, project, file and cell (AutoFilter);
 * - 规则统计: findings per rule, the grade distribution computed vs recorded with its bar chart;
 * - 无法读取: the files that could not be read, and why;
 * - 说明: what was not counted (scored copies, earlier reviews, identical files) or not checked
 *   (hidden sheets), evaluations of one project in several files, and the folders' profiles.
 * In English (Review, Units, Findings, Counts, Unreadable, Notes) jixiao's own words are English
 * throughout; the forms' texts stay as typed.
 *
 * The sheets' names and columns, and the rule that knows a review workbook again, are the core's
 * (src/core/review-layout.ts); this file writes them.
 */
import { Lang, NO_SCORING, SEVERITY_LABEL } from "../core/messages";
import { NO_GRADE, Review, ReviewFailure, ReviewRow, ReviewRowKind, failureAdvice, projectShown, reviewCounts, unitShown } from "../core/review";
import {
  FAILURE_COLUMNS,
  FINDING_COLUMNS,
  FINDING_PRINTED,
  GRADE_COLUMNS,
  NOTE_COLUMNS,
  REVIEW_SHEETS,
  ROW_COLUMNS,
  ROW_PRINTED,
  RULE_COLUMNS,
  ReviewColumn,
  ReviewScope,
  SCREEN_ONLY_WIDTH,
  UNIT_COLUMNS,
  reviewPageHeader,
} from "../core/review-layout";
import { ruleName } from "../core/rule-names";
import { displayWidth } from "../core/text-width";
import { BarChart, BarChartStyle } from "./bar-chart";
import { NewCell, NewColumn, NewSheet, NewTable, newWorkbookBytes } from "./new-workbook";

/**
 * jixiao's own words in the review workbook. What the forms and the profile wrote (units,
 * projects, sheets, grade labels such as 优) and the findings' messages, already in the run's
 * language, are shown as they are.
 */
interface Words {
  kinds: Record<ReviewRowKind, string>;
  wanYuan: string;
  unknownMoneyUnit: string;
  noGrade: string;
  chart: string;
  pageFooter: string;
  /** In a blank computed total's place: no total can be computed (a score left blank that jixiao cannot work out). */
  noTotal: string;
  /** In the computed total's place on a form without 分值 and 得分 columns (ReviewRow.unscored): it scores nothing, and nothing is missing. */
  unscored: string;
  /** In a blank computed grade's place: the weights add up to `weights`, not 100; or no grade for another reason. */
  ungraded: (weights: string | null) => string;
  /** A target or budget table's total and grade: it has none. */
  notApplicable: string;
  /** 汇总's legend below its rows: its header, the shading, the words in blank totals' place, the review's counts. */
  legend: string;
  legendMarked: string;
  legendBlanks: string;
  /** The review's counts (core reviewCounts) as the legend says them. */
  counts: (counts: string) => string;
}

const WORDS: Record<Lang, Words> = {
  zh: {
    kinds: { evaluation: "自评表", targets: "目标表", budget: "预算表" },
    wanYuan: "万元",
    // Beside amounts whose form states no unit: they are as written, and may not be 万元.
    unknownMoneyUnit: "未注明（按原表数）",
    noGrade: NO_GRADE,
    chart: "等次分布：计算与填报",
    // As 综合得分's footer reads (review round 51d L3).
    pageFooter: "第 &P 页 共 &N 页",
    noTotal: "—（无法计算）",
    unscored: "不计分（表中无分值）",
    ungraded: (weights) => (weights !== null && Number(weights) !== 100 ? `—（分值合计 ${weights}）` : "—"),
    notApplicable: "不适用",
    legend: "说明",
    legendMarked: "底色加粗：计算的总分或等次与表中填报的不符",
    legendBlanks:
      `—（无法计算）：有得分未填且无法算出，没有总分；—（分值合计 N）：分值相加不为 100，不评等次；不计分（表中无分值）：${NO_SCORING.zh}；不适用：目标表、预算表没有总分和等次`,
    counts: (counts) => `共 ${counts}`,
  },
  en: {
    kinds: { evaluation: "Self-evaluation", targets: "Target table", budget: "Budget table" },
    wanYuan: "10k yuan",
    unknownMoneyUnit: "not stated (as in the form)",
    noGrade: "(none)",
    chart: "Grades: computed and recorded",
    pageFooter: "Page &P of &N",
    noTotal: "— (cannot be computed)",
    unscored: "not scored (no weights in the form)",
    ungraded: (weights) => (weights !== null && Number(weights) !== 100 ? `— (weights total ${weights})` : "—"),
    notApplicable: "n/a",
    legend: "Notes",
    legendMarked: "Shaded and bold: the computed total or grade differs from the one the form records",
    legendBlanks:
      `— (cannot be computed): a score is blank and cannot be worked out, so there is no total; — (weights total N): the weights do not add up to 100, so no grade; not scored (no weights in the form): ${NO_SCORING.en}; n/a: target and budget tables have no total or grade`,
    counts: (counts) => counts,
  },
};

const PRINT_TITLES: Record<Lang, { rows: string; findings: string; counts: string; failures: string; notes: string; units: string }> = {
  zh: { rows: "汇总复核", findings: "问题明细", counts: "规则统计", failures: "无法读取的文件", notes: "未计入、未检查的内容及评分方案", units: "各单位统计" },
  en: {
    rows: "Review",
    findings: "Findings",
    counts: "Counts by rule and grade",
    failures: "Files that could not be read",
    notes: "What was not counted or not checked, and the profiles",
    units: "Counts by unit",
  },
};

/**
 * The columns in `lang`; those `widen` names by their id (file, sheet) as wide as their longest
 * text, up to SCREEN_ONLY_WIDTH: a screen-only column is not wrapped, and would be cut at the cell
 * beside it (review round 57d F3).
 */
export function inLang<Id extends string>(columns: readonly ReviewColumn<Id>[], lang: Lang, widen: Partial<Record<Id, Iterable<string>>> = {}): NewColumn[] {
  return columns.map((c) => {
    let width = c.width[lang];
    for (const text of widen[c.id] ?? []) width = Math.max(width, Math.min(SCREEN_ONLY_WIDTH, displayWidth(text) + 2));
    return { title: c.title[lang], width, kind: c.kind };
  });
}

/** A pair of values, computed and recorded, each marked when both are there and differ (review round 51d M6). */
function pair(computed: string | null, recorded: string | null, differ: boolean): [NewCell, NewCell] {
  return differ ? [{ marked: computed }, { marked: recorded }] : [computed, recorded];
}

/** The computed total and grade as 汇总 shows them: a blank said why, a difference from the recorded ones marked. */
function totalCells(r: ReviewRow, words: Words): NewCell[] {
  if (r.kind !== "evaluation") return [words.notApplicable, r.recordedScore, words.notApplicable, r.recordedGrade];
  const grade = r.grade ?? (r.score === null ? "—" : words.ungraded(r.weights));
  const score = r.score ?? (r.unscored ? words.unscored : words.noTotal);
  return [...pair(score, r.recordedScore, r.differs.score), ...pair(grade, r.recordedGrade, r.differs.grade)];
}

function* rowCells(rows: ReviewRow[], lang: Lang): Iterable<NewCell[]> {
  const words = WORDS[lang];
  for (const r of rows) {
    const [score, recordedScore, grade, recordedGrade] = totalCells(r, words);
    yield [
      unitShown(r.unit, lang),
      projectShown(r.project, lang),
      r.year,
      words.kinds[r.kind],
      r.planned,
      r.spent,
      r.planned === null && r.spent === null ? "" : r.moneyUnit === null ? words.unknownMoneyUnit : words.wanYuan,
      r.rate,
      score,
      recordedScore,
      grade,
      recordedGrade,
      r.errors,
      r.warnings,
      r.infos,
      r.worst.join("\n"),
      r.file,
      r.sheet,
      r.table,
    ];
  }
}

/** 汇总's legend, below its rows: what the shading and the words in blank totals' place mean, and the review's counts as the console prints them. */
function rowsLegend(review: Review, lang: Lang): NewTable {
  const words = WORDS[lang];
  return {
    columns: [{ title: words.legend, width: 0, kind: "text" }],
    rows: [[{ marked: words.legendMarked }], [words.legendBlanks], [words.counts(reviewCounts(review, lang))]],
  };
}

/** A file that could not be read, and why and what to do as core failureAdvice says them. */
export function failureCells(failure: ReviewFailure, lang: Lang): [string, string, string] {
  const { reason, advice } = failureAdvice(failure, lang);
  return [failure.file, reason, advice];
}

function findingsSheet(review: Review, lang: Lang): NewSheet {
  const severity = SEVERITY_LABEL[lang];
  return {
    name: REVIEW_SHEETS[lang].findings,
    printTitle: PRINT_TITLES[lang].findings,
    pageFooter: WORDS[lang].pageFooter,
    autoFilter: true,
    columns: inLang(FINDING_COLUMNS, lang, { file: review.findings.map((f) => f.file) }),
    printColumns: FINDING_PRINTED,
    rows: (function* () {
      for (const f of review.findings) yield [unitShown(f.unit, lang), projectShown(f.project, lang), f.sheet, f.cell, severity[f.severity], ruleName(f.rule, lang), f.message, f.file, f.rule];
    })(),
  };
}

/** The grade distribution: upright columns of table counts, each labelled, computed and recorded named in a legend. */
export const GRADE_CHART_STYLE: BarChartStyle = { direction: "col", categoryOrder: "minMax", valueMin: null, numberFormat: "0", legend: true, dataLabels: true };

/** 规则统计: per rule (the filterable first table), the grade distribution and its chart, per unit. */
function countsSheet(review: Review, lang: Lang): NewSheet {
  const words = WORDS[lang];
  const severity = SEVERITY_LABEL[lang];
  const gradeColumns = inLang(GRADE_COLUMNS, lang);
  const ruleColumns = inLang(RULE_COLUMNS, lang);
  // Row 0 is the rules' header; the grade table's header comes after the rules and a blank row.
  const gradeHeader = review.rules.length + 2;
  const grades = review.grades;
  const gradeLabel = (grade: string) => (grade === NO_GRADE ? words.noGrade : grade);
  const chart: BarChart | undefined =
    grades.length === 0
      ? undefined
      : {
          ...GRADE_CHART_STYLE,
          title: words.chart,
          categoryCol: 0,
          firstRow: gradeHeader + 1,
          lastRow: gradeHeader + grades.length,
          categories: grades.map((g) => gradeLabel(g.grade)),
          series: [
            { name: { text: gradeColumns[1].title, cell: { row: gradeHeader, col: 1 } }, col: 1, values: grades.map((g) => g.computed) },
            { name: { text: gradeColumns[2].title, cell: { row: gradeHeader, col: 2 } }, col: 2, values: grades.map((g) => g.recorded) },
          ],
          // Right of the rules' columns, the widest table of the sheet.
          from: { row: 0, col: ruleColumns.length + 1 },
          to: { row: 18, col: ruleColumns.length + 9 },
        };
  return {
    name: REVIEW_SHEETS[lang].counts,
    printTitle: PRINT_TITLES[lang].counts,
    pageFooter: words.pageFooter,
    autoFilter: true,
    columns: ruleColumns,
    rows: review.rules.map((r) => [ruleName(r.rule, lang), severity[r.severity], r.findings, r.files, r.units, r.rule]),
    below: [{ columns: gradeColumns, rows: grades.map((g) => [gradeLabel(g.grade), g.computed, g.recorded]) }],
    chart,
  };
}

/**
 * The review's sheets in `lang`: jixiao's words in it, the forms' own as they are. With a `scope`,
 * every printed page names the folder, the date and the profiles in its header (core reviewPageHeader).
 */
export function reviewSheets(review: Review, lang: Lang = "zh", scope?: ReviewScope): NewSheet[] {
  return sheetsOf(review, lang).map((sheet) => ({ ...sheet, pageHeader: reviewPageHeader(sheet.printTitle, scope, lang) }));
}

function sheetsOf(review: Review, lang: Lang): NewSheet[] {
  const names = REVIEW_SHEETS[lang];
  const titles = PRINT_TITLES[lang];
  const pageFooter = WORDS[lang].pageFooter;
  return [
    {
      name: names.rows,
      printTitle: titles.rows,
      pageFooter,
      autoFilter: true,
      columns: inLang(ROW_COLUMNS, lang, { file: review.rows.map((r) => r.file), sheet: review.rows.map((r) => r.sheet) }),
      printColumns: ROW_PRINTED,
      rows: rowCells(review.rows, lang),
      below: [rowsLegend(review, lang)],
    },
    // A sheet of its own, with its own header, filter and print title (review round 33: under the
    // rules' header, its columns read as the rules'), right after 汇总 and the units that need
    // attention first (review round 52c M1: it was the last sheet, in the files' order).
    {
      name: names.units,
      printTitle: titles.units,
      pageFooter,
      autoFilter: true,
      columns: inLang(UNIT_COLUMNS, lang),
      rows: review.units.map((u) => [unitShown(u.unit, lang), u.files, u.tables, u.failures, u.noTables, u.errors, u.differs, u.warnings, u.infos]),
    },
    findingsSheet(review, lang),
    countsSheet(review, lang),
    {
      name: names.failures,
      printTitle: titles.failures,
      pageFooter,
      autoFilter: true,
      columns: inLang(FAILURE_COLUMNS, lang),
      rows: review.failures.map((f) => failureCells(f, lang)),
    },
    {
      name: names.notes,
      printTitle: titles.notes,
      pageFooter,
      autoFilter: true,
      columns: inLang(NOTE_COLUMNS, lang),
      rows: review.notes.map((n) => [n.file, n.message]),
    },
  ];
}

/** The review workbook as bytes (the command line's output and the page's download). */
export const reviewWorkbookBytes = (review: Review, lang: Lang = "zh", scope?: ReviewScope): Uint8Array => newWorkbookBytes(reviewSheets(review, lang, scope));
