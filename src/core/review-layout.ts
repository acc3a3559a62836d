/**
 * The review workbook's layout (汇总.xlsx, src/core/review.ts's review as src/xlsx/review-workbook.ts
 * writes it): its sheets' names and its columns, in both languages, and the rule that knows a
 * review workbook again by them (every host skips one: `jixiao score`, `jixiao review`, the page).
 *
 * A leaf of the core: it imports no detection and no summary, so that what recognises a review
 * brings nothing else into a bundle.
 */
import type { WorkbookGrid } from "./grid";
import type { Lang } from "./messages";

/**
 * The sheets' names, in order, in each language of the review: 单位统计 right after 汇总, the units
 * that need attention first (review round 52c M1; it was the last sheet before).
 */
export const REVIEW_SHEETS: Record<Lang, { rows: string; units: string; findings: string; counts: string; failures: string; notes: string }> = {
  zh: { rows: "汇总", units: "单位统计", findings: "问题明细", counts: "规则统计", failures: "无法读取", notes: "说明" },
  en: { rows: "Review", units: "Units", findings: "Findings", counts: "Counts", failures: "Unreadable", notes: "Notes" },
};

/**
 * A column, known by its `id` (one per table; for most the field its cells come from, but the
 * cells are laid out by position, in the columns' order) in every language:
 * its header (and width, where its English words are longer) in both languages, and how its cells
 * read: text, text wrapped in its width, or a number of a kind (the writer's ColumnKind).
 */
export interface ReviewColumn<Id extends string = string> {
  id: Id;
  title: Record<Lang, string>;
  width: Record<Lang, number>;
  kind: "text" | "wrap" | "integer" | "decimal" | "percent" | "money";
}

const col = <Id extends string>(id: Id, zh: string, en: string, width: number, kind: ReviewColumn["kind"] = "text", widthEn = width): ReviewColumn<Id> => ({
  id,
  title: { zh, en },
  width: { zh: width, en: widthEn },
  kind,
});

const UNIT = col("unit", "单位", "Unit", 14, "wrap");
const PROJECT = col("project", "项目", "Project", 16, "wrap");
const SHEET = col("sheet", "工作表", "Sheet", 12, "wrap", 14);
/**
 * Where a row lies, after the printed columns, for the screen only: on one line, not wrapped, so
 * that a long path makes no row tall, on screen or on paper (review round 57d F3). The review
 * workbook widens them to their longest text (SCREEN_ONLY_WIDTH).
 */
const FILE = col("file", "文件", "File", 24);
const SCREEN_SHEET = col("sheet", "工作表", "Sheet", 12, "text", 14);
/** The widest a screen-only column is made for its longest text (Excel's widest is 255). */
export const SCREEN_ONLY_WIDTH = 120;

/**
 * 汇总: a row per table. What a reviewer reads on paper comes first and is printed, one A4
 * landscape page wide at about 8 points (review round 51d M5): the first ROW_PRINTED columns. Where
 * the table lies (文件, 工作表, 表格区域) follows, on screen only.
 */
export const ROW_COLUMNS = [
  UNIT,
  PROJECT,
  col("year", "年度", "Year", 5, "integer"),
  col("kind", "类型", "Kind", 7, "wrap", 10),
  col("planned", "预算数（万元）", "Planned (10k yuan)", 11, "money"),
  col("spent", "执行数（万元）", "Spent (10k yuan)", 11, "money"),
  col("moneyUnit", "金额单位", "Money unit", 6, "wrap", 9),
  col("rate", "执行率", "Rate", 8, "percent"),
  col("score", "总分（计算）", "Total (computed)", 8, "decimal", 11),
  col("recordedScore", "总分（填报）", "Total (recorded)", 8, "decimal", 11),
  col("grade", "等次（计算）", "Grade (computed)", 7, "wrap", 11),
  col("recordedGrade", "等次（填报）", "Grade (recorded)", 7, "wrap", 11),
  col("errors", "错误", "Errors", 5, "integer", 6),
  col("warnings", "警告", "Warnings", 5, "integer", 9),
  col("infos", "提示", "Info", 5, "integer", 5),
  col("worst", "主要问题（最严重的三条）", "Main findings (the three most serious)", 31, "wrap"),
  FILE,
  SCREEN_SHEET,
  col("table", "表格区域", "Range", 10),
];
export const ROW_PRINTED = 16;

/** 问题明细: a row per finding, the first FINDING_PRINTED columns printed; the file and the rule's id after them. */
export const FINDING_COLUMNS = [
  UNIT,
  PROJECT,
  SHEET,
  col("cell", "单元格", "Cell", 7),
  col("severity", "严重程度", "Severity", 7, "text", 8),
  col("ruleName", "规则名称", "Rule", 14, "wrap"),
  col("message", "说明", "Message", 56, "wrap"),
  FILE,
  col("rule", "规则", "Rule id", 22),
];
export const FINDING_PRINTED = 7;

/** 规则统计: per rule, named as people read it, its id last (review round 51d M7); then the grade distribution below it. */
export const RULE_COLUMNS = [
  col("ruleName", "规则名称", "Rule", 20, "wrap", 24),
  col("severity", "严重程度", "Severity", 10),
  col("findings", "问题数", "Findings", 10, "integer"),
  col("files", "涉及文件", "Files", 10, "integer"),
  col("units", "涉及单位", "Units", 10, "integer"),
  col("rule", "规则", "Rule id", 16),
];
export const GRADE_COLUMNS = [col("grade", "等次", "Grade", 20, "text", 24), col("computed", "计算等次（表数）", "Computed (tables)", 16, "integer"), col("recorded", "填报等次（表数）", "Recorded (tables)", 16, "integer")];
/**
 * 单位统计: per unit, its counts in the order the units are (most files not read or holding no form,
 * then most errors, then totals or grades that differ, then warnings); 无法读取, its files that could
 * not be read (review round 57d F4), and 未找到表, those read and holding no form, apart: both are
 * listed on the 无法读取 sheet, with other advice.
 */
export const UNIT_COLUMNS = [
  col("unit", "单位", "Unit", 24, "wrap"),
  col("files", "文件数", "Files", 10, "integer"),
  col("tables", "表数", "Tables", 10, "integer"),
  col("failures", "无法读取", "Unreadable", 10, "integer", 11),
  col("noTables", "未找到表", "No form found", 10, "integer", 14),
  col("errors", "错误", "Errors", 10, "integer"),
  col("differs", "总分或等次不符", "Total or grade differs", 15, "integer", 23),
  col("warnings", "警告", "Warnings", 10, "integer"),
  col("infos", "提示", "Info", 10, "integer"),
];
/** 无法读取: a row per file, why it could not be read (without its name) and what to do. 说明: a row per file. */
export const FAILURE_COLUMNS = [col("file", "文件", "File", 40, "wrap"), col("reason", "原因", "Reason", 50, "wrap"), col("action", "处理办法", "What to do", 50, "wrap")];
export const NOTE_COLUMNS = [col("file", "文件", "File", 50, "wrap"), col("note", "说明", "Note", 90, "wrap")];

/** What a review covered, for its printed pages: the folder's name, the day, the profiles in use (by their names). */
export interface ReviewScope {
  folder: string;
  date: string;
  profiles: string[];
}

/**
 * The scope of a review as both hosts give it: the folders reviewed (the command line's one; each
 * folder the page was given, once; null for files picked one by one, which makes it those), the
 * local day, and the names of the profiles that scored its files, each once, in the files' order.
 */
export function reviewScope(folders: (string | null)[], profileNames: string[], now: Date, lang: Lang): ReviewScope {
  const day = (n: number) => String(n).padStart(2, "0");
  const named = [...new Set(folders)];
  const w = SCOPE_WORDS[lang];
  return {
    folder: named.length > 0 && !named.includes(null) ? named.join(w.list) : w.picked,
    date: `${now.getFullYear()}-${day(now.getMonth() + 1)}-${day(now.getDate())}`,
    profiles: [...new Set(profileNames)],
  };
}

const SCOPE_WORDS: Record<Lang, { folder: string; date: string; profile: string; list: string; picked: string }> = {
  zh: { folder: "复核文件夹：", date: "复核日期：", profile: "评分方案：", list: "、", picked: "（逐个选择的文件）" },
  en: { folder: "Folder: ", date: "Reviewed: ", profile: "Profile: ", list: ", ", picked: "(files chosen one by one)" },
};

/**
 * Text in a header's section: its & doubled (a lone & starts a code), cut to `max` characters as
 * written, an & counted as its two and never parted from its double, with an ellipsis where it was
 * cut (from the start with `fromEnd`: a path's last folders tell most).
 */
const headerText = (text: string, max: number, fromEnd = false): string => {
  const units = Array.from(text, (ch) => (ch === "&" ? "&&" : ch));
  if (units.join("").length <= max) return units.join("");
  const kept: string[] = [];
  let length = 1; // the ellipsis
  for (const unit of fromEnd ? units.reverse() : units) {
    if (length + unit.length > max) break;
    kept.push(unit);
    length += unit.length;
  }
  return fromEnd ? `…${kept.reverse().join("")}` : `${kept.join("")}…`;
};

/**
 * A review sheet's printed header, in Excel's header codes: its title in the middle, bold; with a
 * scope, the folder on the left and the date and profiles on the right (review round 51d M6). They
 * go in the header, not in rows above the table: those would move its frozen header, filter and
 * print titles. Within Excel's 255 characters.
 */
export function reviewPageHeader(title: string, scope: ReviewScope | undefined, lang: Lang): string {
  // The title is jixiao's own (at most some 55 characters): whole.
  const center = `&C&"-,Bold"${headerText(title, Infinity)}`;
  if (!scope) return center;
  const w = SCOPE_WORDS[lang];
  const left = `&L${w.folder}${headerText(scope.folder, 60, true)}`;
  const right = `&R${w.date}${headerText(scope.date, 20)}\n${w.profile}${headerText(scope.profiles.join(w.list), 60)}`;
  return left + center + right;
}

/**
 * A review workbook jixiao wrote, in either language: it opens with the review's first three
 * sheets, in order, as it has them now (汇总, 单位统计, 问题明细) or had them before review round 52c
 * (汇总, 问题明细, 规则统计; an earlier version's four sheets too, and one the reviewer added a sheet
 * to), or holds a sheet headed as its 汇总 (renamed, or with a sheet put before it). A rerun over
 * the folder skips it.
 */
export function isReviewWorkbook(grid: WorkbookGrid): boolean {
  const opensAsReview = Object.values(REVIEW_SHEETS).some(({ rows, units, findings, counts }) =>
    [
      [rows, units, findings],
      [rows, findings, counts],
    ].some((names) => grid.sheets.length >= names.length && names.every((name, i) => grid.sheets[i].name === name)),
  );
  return opensAsReview || grid.sheets.some(headedAsReviewRows);
}

/**
 * A sheet headed as the review's 汇总 is, in either language, whatever its name and place: its
 * columns in any order, as an earlier version's 汇总 has them (文件, 工作表 and 表格区域 came after
 * 项目 before review round 51d).
 */
function headedAsReviewRows(sheet: WorkbookGrid["sheets"][number]): boolean {
  const header = sheet.values[0] ?? [];
  return (["zh", "en"] as const).some((lang) => ROW_COLUMNS.every((column) => header.slice(0, ROW_COLUMNS.length).includes(column.title[lang])));
}
