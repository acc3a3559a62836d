/**
 * The finance bureau's review workbook (汇总.xlsx) from a review (src/core/review.ts):
 * - 汇总: a row per table, sortable and filterable, header frozen, printed A4 landscape;
 * - 问题明细: every finding with its unit, project, file and cell (AutoFilter);
 * - 规则统计: findings per rule, the grade distribution computed vs recorded with its bar chart,
 *   and findings per unit;
 * - 无法读取: the files that could not be read, and why;
 * - 说明: what was not counted (scored copies, earlier reviews, identical files) or not checked
 *   (hidden sheets), evaluations of one project in several files, and the folders' profiles.
 * In English (Review, Findings, Counts, Unreadable, Notes) jixiao's own words are English
 * throughout; the forms' texts stay as typed.
 *
 * The sheets' names and columns, and the rule that knows a review workbook again, are the core's
 * (src/core/review-layout.ts); this file writes them.
 */
import { Lang, SEVERITY_LABEL } from "../core/messages";
import { NO_GRADE, Review, ReviewRow, ReviewRowKind } from "../core/review";
import {
  FAILURE_COLUMNS,
  FINDING_COLUMNS,
  GRADE_COLUMNS,
  NOTE_COLUMNS,
  REVIEW_SHEETS,
  ROW_COLUMNS,
  RULE_COLUMNS,
  ReviewColumn,
  UNIT_COLUMNS,
} from "../core/review-layout";
import { ruleName } from "../core/rule-names";
import { BarChart, BarChartStyle } from "./bar-chart";
import { NewCellValue, NewColumn, NewSheet, newWorkbookBytes } from "./new-workbook";

/**
 * jixiao's own words in the review workbook. What the forms and the profile wrote (units,
 * projects, sheets, grade labels such as 优) and the findings' messages, already in the run's
 * language, are shown as they are.
 */
const WORDS: Record<Lang, { kinds: Record<ReviewRowKind, string>; wanYuan: string; unknownMoneyUnit: string; noGrade: string; chart: string; pageFooter: string }> = {
  zh: {
    kinds: { evaluation: "自评表", targets: "目标表", budget: "预算表" },
    wanYuan: "万元",
    // Beside amounts whose form states no unit: they are as written, and may not be 万元.
    unknownMoneyUnit: "未注明（按原表数）",
    noGrade: NO_GRADE,
    chart: "等次分布：计算与填报",
    pageFooter: "第 &P 页 共 &N 页",
  },
  en: {
    kinds: { evaluation: "Self-evaluation", targets: "Target table", budget: "Budget table" },
    wanYuan: "10k yuan",
    unknownMoneyUnit: "not stated (as in the form)",
    noGrade: "(none)",
    chart: "Grades: computed and recorded",
    pageFooter: "Page &P of &N",
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

const inLang = (columns: ReviewColumn[], lang: Lang): NewColumn[] => columns.map((c) => ({ title: c.title[lang], width: c.width[lang], kind: c.kind }));

function* rowCells(rows: ReviewRow[], lang: Lang): Iterable<NewCellValue[]> {
  const words = WORDS[lang];
  for (const r of rows) {
    yield [
      r.unit,
      r.project,
      r.year,
      r.file,
      r.sheet,
      r.table,
      words.kinds[r.kind],
      r.planned,
      r.spent,
      r.planned === null && r.spent === null ? "" : r.moneyUnit === null ? words.unknownMoneyUnit : words.wanYuan,
      r.rate,
      r.score,
      r.recordedScore,
      r.grade,
      r.recordedGrade,
      r.errors,
      r.warnings,
      r.infos,
      r.worst.join("\n"),
    ];
  }
}

function findingsSheet(review: Review, lang: Lang): NewSheet {
  const severity = SEVERITY_LABEL[lang];
  return {
    name: REVIEW_SHEETS[lang].findings,
    printTitle: PRINT_TITLES[lang].findings,
    pageFooter: WORDS[lang].pageFooter,
    autoFilter: true,
    columns: inLang(FINDING_COLUMNS, lang),
    rows: (function* () {
      for (const f of review.findings) yield [f.unit, f.project, f.file, f.sheet, f.cell, severity[f.severity], f.rule, ruleName(f.rule, lang), f.message];
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
    rows: review.rules.map((r) => [r.rule, severity[r.severity], r.findings, r.files, r.units]),
    below: [{ columns: gradeColumns, rows: grades.map((g) => [gradeLabel(g.grade), g.computed, g.recorded]) }],
    chart,
  };
}

/** The review's sheets in `lang`: jixiao's words in it, the forms' own as they are. */
export function reviewSheets(review: Review, lang: Lang = "zh"): NewSheet[] {
  const names = REVIEW_SHEETS[lang];
  const titles = PRINT_TITLES[lang];
  const pageFooter = WORDS[lang].pageFooter;
  return [
    { name: names.rows, printTitle: titles.rows, pageFooter, autoFilter: true, columns: inLang(ROW_COLUMNS, lang), rows: rowCells(review.rows, lang) },
    findingsSheet(review, lang),
    countsSheet(review, lang),
    {
      name: names.failures,
      printTitle: titles.failures,
      pageFooter,
      autoFilter: true,
      columns: inLang(FAILURE_COLUMNS, lang),
      rows: review.failures.map((f) => [f.file, f.message]),
    },
    {
      name: names.notes,
      printTitle: titles.notes,
      pageFooter,
      autoFilter: true,
      columns: inLang(NOTE_COLUMNS, lang),
      rows: review.notes.map((n) => [n.file, n.message]),
    },
    // A sheet of its own, with its own header, filter and print title (review round 33: under the
    // rules' header, its columns read as the rules').
    {
      name: names.units,
      printTitle: titles.units,
      pageFooter,
      autoFilter: true,
      columns: inLang(UNIT_COLUMNS, lang),
      rows: review.units.map((u) => [u.unit, u.files, u.tables, u.errors, u.warnings, u.infos]),
    },
  ];
}

/** The review workbook as bytes (the command line's output and the page's download). */
export const reviewWorkbookBytes = (review: Review, lang: Lang = "zh"): Uint8Array => newWorkbookBytes(reviewSheets(review, lang));
