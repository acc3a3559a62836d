/**
 * The finance bureau's review (汇总复核) of many units' workbooks: a row per table (unit, project,
 * file, budget execution, total and grade as computed and as recorded, the worst findings), every
 * finding with where it is, counts per rule and per unit, and the grade distribution computed vs
 * recorded.
 *
 * Built in two steps so that a region's thousands of workbooks are never in memory together:
 * `reviewFile` turns one analysed workbook into its rows (in a worker, beside the analysis), and a
 * `ReviewTally` gathers only those rows, file after file.
 */
import { Analysis } from "./analyze";
import { groupBy } from "./collections";
import { DroppedParts, droppedEntriesLine, droppedMergesLine } from "./damage-notes";
import { Profile, recordedGradeLabel } from "./profile";
import { ruleName } from "./rule-names";
import { SCORE_OUT_FOLDER, copiesOfWorkbooks, fileBaseName, folderOf, isWorkbookName, originalWorkbookName, withoutExtension } from "./file-kinds";
import { AGENCY_NAME_END, isUnitName, unitInTitle } from "./headers";
import { Lang, counted } from "./messages";
import { inWanYuan } from "./money-unit";
import { Finding, RuleId, Severity, TableReport, severityRank, totalIndexOf } from "./result";
import { TableOwners } from "./table-owner";
import { REVIEW_SHEETS } from "./review-layout";
import { BUREAU_DEFAULT_ADVICE, ReviewFailureKind, forBureau } from "./read-advice";

/**
 * Whether a row's computed grade differs from the one its form records (汇总 marks it): a recorded
 * 等次 as the grade it names (优☑ 良□, 优秀), as the grade distribution counts it. (Its total's is
 * the totals rule's: TotalReport.recordedDiffers.)
 */
function gradeDiffers(row: ReviewRow, gradeLabels: string[]): boolean {
  return row.grade !== null && row.recordedGrade !== null && recordedGradeLabel(row.recordedGrade, gradeLabels) !== row.grade;
}

export const REVIEW_SCHEMA = "jixiao-review/1";

/**
 * - `evaluation`: an indicator table with its total (and the budget line that total counts);
 * - `targets`: a target-setting table (no actuals, no total);
 * - `budget`: a budget table no total counts.
 */
export type ReviewRowKind = "evaluation" | "targets" | "budget";

export interface ReviewRow {
  unit: string;
  project: string;
  /** The year the form is for, as it states it (title, header block or its deadlines; a 目标表's too); null when it does not, and for budget rows. */
  year: number | null;
  file: string;
  sheet: string;
  /** The table's range on its sheet (the indicator table for an evaluation). */
  table: string;
  kind: ReviewRowKind;
  /**
   * 预算数, 执行数 and 执行率 of the budget line the row counts (for a budget table of its own, the
   * line that stands for it: see BudgetLineFacts.leads): exact decimals, the rate a fraction. The
   * amounts are in 万元 (a form's 元, 千元 or 亿元 converted exactly) when its budget table states its
   * unit, else as the form has them: see `moneyUnit`.
   */
  planned: string | null;
  spent: string | null;
  rate: string | null;
  /**
   * The unit of `planned` and `spent`: 万元, or null when the form states none (the amounts are as
   * written, in a unit nobody can tell) or the row has no budget line.
   */
  moneyUnit: "万元" | null;
  /** What the table's weights add up to (its total's TotalReport.weights): a total whose weights are not 100 gets no grade. */
  weights: string | null;
  score: string | null;
  recordedScore: string | null;
  grade: string | null;
  recordedGrade: string | null;
  errors: number;
  warnings: number;
  infos: number;
  /** The three most serious findings, worst first, by their rule name: "H24 得分算错：…", "H24 Score wrong: …" in English. */
  worst: string[];
  /** Whether `score` and `grade` differ from the recorded ones (汇总 marks them); the grade read on the form's own scale. */
  differs: RecordedDiffers;
  /** Set on an evaluation whose form scores nothing by design (TotalReport.unscored): no total or grade, none missing. */
  unscored?: true;
}

export interface RecordedDiffers {
  score: boolean;
  grade: boolean;
}

export interface ReviewFinding {
  unit: string;
  project: string;
  file: string;
  sheet: string;
  cell: string;
  rule: RuleId;
  severity: Severity;
  message: string;
}

/**
 * One workbook's part of the review: small and plain, so a worker can send it back. What its reader
 * passed over of a damaged file (DroppedParts) gets a `damaged-parts` note.
 */
export interface FileReview extends DroppedParts {
  file: string;
  rows: ReviewRow[];
  findings: ReviewFinding[];
  /** The grade labels of the profile the file was scored with, best first. */
  gradeScale: string[];
  /** Hidden sheets or columns, not checked (Analysis.hiddenSheets): no row of theirs is counted. */
  hiddenSheets: string[];
}

export type { ReviewFailureKind };

export interface ReviewFailure {
  file: string;
  message: string;
  kind: ReviewFailureKind;
}

/**
 * A failure as 无法读取 says it: why, without the file's name (a column of its own gives it), and
 * what to do, as its message says it (the review's advice to the bureau, forBureau:
 * ……，请单位取消打开密码后重新报送; ……（可用 --max-memory 提高上限）), else by why the file has no rows
 * (BUREAU_DEFAULT_ADVICE: the unit saves it as .xlsx again and hands it in, review round 51d L8;
 * for a workbook read with no form in it, the file checked or the form filled in, review round 52c L3).
 */
export function failureAdvice(failure: ReviewFailure, lang: Lang): { reason: string; advice: string } {
  // The file as the message names it: by its name in the review, or by the path it was opened by.
  const named = /^(.+?)(?:: |：)/.exec(failure.message);
  const base = fileBaseName(failure.file);
  const message = named && named[1].endsWith(base) ? failure.message.slice(named[0].length) : failure.message;
  const parts =
    lang === "zh"
      ? (/^(.+)（((?:请|可用)[^（）]*)）$/.exec(message) ?? /^(.+?)[，；](请.*)$/.exec(message))
      : (/^(.+) \(((?:please|raise)[^()]*)\)$/.exec(message) ?? /^(.+?); (.*)$/.exec(message));
  return parts ? { reason: parts[1], advice: parts[2] } : { reason: message, advice: BUREAU_DEFAULT_ADVICE[failure.kind][lang] };
}

export interface RuleCount {
  rule: RuleId;
  severity: Severity;
  findings: number;
  files: number;
  units: number;
}

/**
 * A unit's line on 单位统计: the files counted for it and their rows, each row's counted for the unit
 * its form names, but a file handed in as its own that is the same bytes as another unit's form
 * already counted (its same-content note's): that file is its submitter's, the unit its path gives
 * (县妇联's copy of 县总工会's stamped form is 县妇联's, not 县总工会's twice; session 58: 县妇联 had
 * no line). 汇总's rows and 问题明细's findings keep the form's unit.
 */
export interface UnitCount {
  unit: string;
  /** Its files, those on the 无法读取 sheet included (not read, or read and holding no form). */
  files: number;
  tables: number;
  /**
   * Its files that could not be read (the review's failures of kind `unreadable`), each given to
   * the unit its folder or its name gives (pathUnit): a unit whose only file could not be
   * read is counted too, first among the units (review round 57d F4).
   */
  failures: number;
  /** Its files read and holding no form (the failures of kind `no-tables`), given to a unit alike: not among `failures`. */
  noTables: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Rows whose computed total or grade differs from the recorded one (ReviewRow.differs). */
  differs: number;
}

export interface GradeCount {
  /** A grade label, or NO_GRADE for a table whose total has none. */
  grade: string;
  computed: number;
  recorded: number;
}

/**
 * What the review passed over or could not check, so that the workbook a bureau keeps says so (its
 * 说明 sheet), not only the console:
 * - `scored-copy`: jixiao's scored copy of a workbook that is reviewed itself, not counted;
 * - `earlier-review`: a review jixiao wrote, not counted;
 * - `duplicate`: a file identical to an earlier one (`detail`) of the same unit, not counted twice;
 * - `same-content`: a file identical to an earlier one (`detail`) that the review takes for another
 *   unit's (by its folder or name), both counted: one unit may have handed in another's form;
 * - `hidden-sheets`: sheets not checked (`detail`, their names);
 * - `same-project`: an evaluation of the unit and project an earlier file (`detail`) evaluates too,
 *   both counted (a revised version handed in beside the first, or the same project twice);
 * - `profile`: a folder's jixiao.json (`file`) and how many files it scored (`detail`);
 * - `other-year`: an evaluation for another year (`detail`) than most of the review's;
 * - `hidden-file`: a workbook whose name or folder starts with "." (a hidden file), not reviewed;
 * - `unread-folder`: a folder under the reviewed one that could not be read (`detail`, why), its
 *   files not reviewed (a Mac stick's .Spotlight-V100, root's alone; review round 56 H3);
 * - `damaged-parts`: a damaged file's merged areas that overlap others and zip entries whose names
 *   are no part names, passed over unread (`detail`, every one of them, the merges first: see
 *   DroppedParts), the file counted all the same; its message is what `score` says of them.
 */
export type ReviewNoteKind =
  | "scored-copy"
  | "earlier-review"
  | "duplicate"
  | "same-content"
  | "hidden-sheets"
  | "same-project"
  | "profile"
  | "other-year"
  | "hidden-file"
  | "unread-folder"
  | "damaged-parts";

export interface ReviewNote {
  file: string;
  kind: ReviewNoteKind;
  detail: string;
  /** The note in the run's language. */
  message: string;
}

/** The notes whose message their detail says; a `damaged-parts` note's is damagedPartsNote's. */
type DetailedNoteKind = Exclude<ReviewNoteKind, "damaged-parts">;

const NOTE_TEXT: Record<Lang, Record<DetailedNoteKind, (detail: string) => string>> = {
  zh: {
    "scored-copy": () => "jixiao 评分后的副本，其原工作簿也在复核之列：未计入",
    "earlier-review": () => "jixiao 之前写出的复核汇总：未计入",
    duplicate: (first) => `与 ${first} 内容完全相同：未重复计入`,
    "same-content": (first) => `与 ${first} 内容完全相同，却按另一单位计：两份都已计入，请核对是否误报了别的单位的表`,
    "hidden-sheets": (sheets) => `隐藏的工作表或列未检查：${sheets}`,
    "same-project": (first) => `与 ${first} 是同一单位的同一项目：两份都已计入，请确认以哪一份为准`,
    profile: (files) => `评分方案：此文件夹及其子文件夹中的 ${files} 个文件按此方案评分`,
    "other-year": (years) => `自评年度为 ${years}，与其他多数文件的年度不同`,
    "hidden-file": () => "文件名或所在文件夹名以“.”开头（隐藏文件）：未复核",
    "unread-folder": (why) => `文件夹无法读取（${why}）：其中的文件未复核`,
  },
  en: {
    "scored-copy": () => "jixiao's scored copy, whose workbook is reviewed: not counted",
    "earlier-review": () => "a review jixiao wrote earlier: not counted",
    duplicate: (first) => `identical to ${first}: not counted twice`,
    "same-content": (first) => `identical to ${first}, yet taken for another unit's: both are counted; check whether one unit handed in another's form`,
    "hidden-sheets": (sheets) => `hidden sheets or columns, not checked: ${sheets}`,
    "same-project": (first) => `the same unit and project as ${first}: both are counted; check which one stands`,
    profile: (files) => `scoring profile: ${files} files in this folder and below are scored on it`,
    "other-year": (years) => `evaluates ${years}, not the year most files evaluate`,
    "hidden-file": () => 'its name or its folder\'s starts with "." (a hidden file): not reviewed',
    "unread-folder": (why) => `a folder that could not be read (${why}): its files are not reviewed`,
  },
};

export const reviewNote = (file: string, kind: DetailedNoteKind, detail: string, lang: Lang): ReviewNote => ({ file, kind, detail, message: NOTE_TEXT[lang][kind](detail) });

/**
 * The `damaged-parts` note of a file its reader read in part: as its message the sentences `score`
 * prints of them (src/core/damage-notes.ts, the merges' first; the review writes no copy), as its
 * detail every name passed over, the merges first; null for a file read whole.
 */
export function damagedPartsNote(file: string, dropped: DroppedParts, lang: Lang): ReviewNote | null {
  const { droppedMerges: merges = [], droppedEntries: entries = [] } = dropped;
  if (merges.length === 0 && entries.length === 0) return null;
  const zh = lang === "zh";
  const lines = [...(merges.length > 0 ? [droppedMergesLine(merges, lang)] : []), ...(entries.length > 0 ? [droppedEntriesLine(entries, lang, { copy: false })] : [])];
  return { file, kind: "damaged-parts", detail: [...merges, ...entries].join(zh ? "、" : ", "), message: lines.join(zh ? "；" : "; ") };
}

/** The notes of files seen and not counted, in the order the counts name them. */
const NOT_COUNTED: ReviewNoteKind[] = ["duplicate", "scored-copy", "earlier-review", "hidden-file"];
const NOT_COUNTED_TEXT: Record<Lang, { kinds: Record<string, (n: number) => string>; more: (n: number, kinds: string, notes: string) => string }> = {
  zh: {
    kinds: { duplicate: (n) => `副本 ${n}`, "scored-copy": (n) => `评分副本 ${n}`, "earlier-review": (n) => `旧汇总 ${n}`, "hidden-file": (n) => `隐藏文件 ${n}` },
    more: (n, kinds, notes) => `另有 ${n} 个文件未计入（${kinds}，见“${notes}”）`,
  },
  en: {
    kinds: {
      duplicate: (n) => counted(n, "identical copy", "identical copies"),
      "scored-copy": (n) => counted(n, "scored copy", "scored copies"),
      "earlier-review": (n) => counted(n, "earlier review"),
      "hidden-file": (n) => counted(n, "hidden file"),
    },
    more: (n, kinds, notes) => `${counted(n, "more file")} not counted (${kinds}; see “${notes}”)`,
  },
};

/**
 * The review's counts as the command line's last line, 汇总's legend and the page say them: files,
 * units, tables, errors, warnings, the unreadable; then the files seen and not counted, by why
 * (review round 52c L2), so that the count adds up to the folder's: 3 个文件，…；另有 2 个文件未计入（副本 1、评分副本 1，见“说明”）.
 */
export function reviewCounts(review: Review, lang: Lang): string {
  const errors = review.rows.reduce((n, r) => n + r.errors, 0);
  const warnings = review.rows.reduce((n, r) => n + r.warnings, 0);
  // The forms that name no unit (NO_UNIT) are no unit.
  const [files, units, tables] = [review.files, review.units.filter((u) => u.unit !== NO_UNIT).length, review.rows.length];
  // As 单位统计 counts them: files not read, and files read that hold no form (未找到表), apart.
  const unreadable = review.failures.filter((failure) => failure.kind === "unreadable").length;
  const noForm = review.failures.length - unreadable;
  const counts =
    lang === "zh"
      ? `${files} 个文件，${units} 个单位，${tables} 张表；错误 ${errors}，警告 ${warnings}；${unreadable} 个文件无法读取${noForm > 0 ? `，${noForm} 个未找到表` : ""}`
      : `${counted(files, "file")}, ${counted(units, "unit")}, ${counted(tables, "table")}; ${counted(errors, "error")}, ${counted(warnings, "warning")}; ${unreadable} could not be read${noForm > 0 ? `, ${noForm} held no form` : ""}`;
  const text = NOT_COUNTED_TEXT[lang];
  const left = NOT_COUNTED.map((kind) => [kind, review.notes.filter((note) => note.kind === kind).length] as const).filter(([, n]) => n > 0);
  if (left.length === 0) return counts;
  const total = left.reduce((sum, [, n]) => sum + n, 0);
  const kinds = left.map(([kind, n]) => text.kinds[kind](n)).join(lang === "zh" ? "、" : ", ");
  return `${counts}${lang === "zh" ? "；" : "; "}${text.more(total, kinds, REVIEW_SHEETS[lang].notes)}`;
}

export interface Review {
  schema: typeof REVIEW_SCHEMA;
  /** Workbooks reviewed, failures included. */
  files: number;
  rows: ReviewRow[];
  findings: ReviewFinding[];
  rules: RuleCount[];
  units: UnitCount[];
  grades: GradeCount[];
  failures: ReviewFailure[];
  notes: ReviewNote[];
}

/** The grade distribution's category for an evaluation without a grade (incomplete, or none recorded). */
export const NO_GRADE = "（无）";

/** A finding as a row's worst lists it, after its cell: its rule's short name, then its message. */
const NAMED_MESSAGE: Record<Lang, (rule: RuleId, message: string) => string> = {
  zh: (rule, message) => `${ruleName(rule, "zh")}：${message}`,
  en: (rule, message) => `${ruleName(rule, "en")}: ${message}`,
};
const WORST_SHOWN = 3;

/** The name a unit gave its workbook: 县档案馆 of 县档案馆.xlsx, and of its scored copy 县档案馆.jixiao.xlsx. */
const fileStem = (file: string) => withoutExtension(originalWorkbookName(fileBaseName(file)));

/**
 * A list's mark before a folder's name, in Chinese numbering: 一、县科技局, （三）城关镇, 十二.县林业局
 * (a number's, 01-县教育局 and 1.县教育局, is LEADING_NUMBER's).
 */
const LIST_MARK = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）])\s*/;
/**
 * A bundle's words after a unit's name in a folder's: 县教育局自评材料, 县教育局报送资料, 县教育局绩效文件,
 * and alone what was handed in: 县发改局上报, 县发改局-报送 (code review 58b, M2).
 */
const BUNDLE_AFTER = /[\s\-－_]*(?:(?:报送|上报|提交|自评|评价|绩效|年度)*(?:材料|资料|文件|附件)|报送|上报|提交)$/;
/**
 * The kind of forms a folder holds after a unit's name: 县发改局项目, 县发改局部门整体 (code review 58b,
 * M2). Not in a file's name: 县博物馆项目.xlsx in 县文旅局/ is 县文旅局's project, a site's.
 */
const FORMS_AFTER = /[\s\-－_]*(?:项目|部门整体)$/;
/**
 * Words that end as a unit's name does but name a kind of units, a 系统's folder of many (乡镇,
 * 各乡镇, 街道, 学校, 医院, 县直单位), also in a phrase (各乡镇卫生院, 乡镇卫生院, 村卫生室, 敬老院), or
 * a bare kind after a place word alone (县中心, 县局): no one unit (code review 58b, M3). A unit is
 * named by more: 县人民医院, 县第一中学, 城关镇中心小学, 石门乡卫生院, 县医院, 县委.
 */
const UNIT_KIND =
  /^(?:各|全县|县直|县属|所属|下属|二级)?(?:乡镇|乡|镇|村|街道|社区)*(?:乡镇|乡|镇|村|街道|社区|学校|中小学|小学|中学|幼儿园|医院|卫生院|卫生室|敬老院|养老院|中心|局|委|办|部门|单位|机关)(?:单位)?$|^[省市县区州旗](?:中心|局|部门|单位|机关)$/;

/**
 * The unit a folder's or a file's name (`name`, without its extension) gives: as unitOfFileName
 * reads it (without a copy's or a version's marks, a number before it, a year or the form's words
 * after it; `projects`, the forms' projects, for a file's name), without a list's mark before it
 * (一、县科技局) and a bundle's words after it (县农业农村局2023年自评材料, and for a `folder`'s the kind
 * of forms it holds, 县发改局项目); null where that reads as
 * no unit's name (isUnitName) or as a kind of units (乡镇, 学校): a form's name (项目支出绩效自评表,
 * 附件3, 自评表), a 系统's (教育, 卫健), a pile's (待审, 新建文件夹, 2023年自评).
 */
function unitOfName(name: string, projects: string[], folder = false): string | null {
  const unmarked = withoutCopyMarks(name).replace(LIST_MARK, "");
  const unit = unitOfFileName(unmarked, projects);
  const bundled = unmarked.replace(BUNDLE_AFTER, "");
  const read = isUnitName(unit) ? unit : unitOfFileName(folder ? bundled.replace(FORMS_AFTER, "") : bundled, projects);
  // 开平区 of 开平区 绩效目标表 (review round 52c L5): a place's name alone, before the form's words.
  const place = read !== unmarked && PLACE_ONLY.test(read);
  // 县教育局（本级）, the department's own body, is a unit (unitAliases counts it with the department).
  return (isUnitName(read.replace(OWN_BODY, "")) || place) && !UNIT_KIND.test(read) ? read : null;
}

/**
 * The unit a file's path gives, where its forms name none: its file's name where that names a unit
 * (县卫健局2023年项目支出绩效自评表(1).xlsx, 自评表-县卫健局-终稿.xlsx), else the nearest folder above it,
 * under the reviewed one, whose name names one (县教育局 of 01-县教育局/2023年/附件3.xlsx, 城关镇 of
 * 乡镇/01 城关镇/…, 县中医院 of 卫健/县中医院 - 副本/…; see unitOfName); null where none does. One
 * rule for a file read (nameUnnamedRows), a file not read (ReviewTally.fail) and identical files
 * (ReviewTally.addReviewed) alike (review round 58c: they were three).
 */
export function pathUnit(file: string, projects: string[] = []): string | null {
  const named = unitOfName(fileStem(file), projects);
  if (named !== null) return named;
  for (const folder of file.split(/[/\\]/).slice(0, -1).reverse()) {
    const unit = folder === "" ? null : unitOfName(folder, [], true);
    if (unit !== null) return unit;
  }
  return null;
}

/**
 * The unit of a row whose form names none and whose path, title and supervisor give none either
 * (新建文件夹/项目支出绩效自评表.xlsx, 待审/附件2.xlsx): data, the same in either language's JSON, one
 * line on 单位统计 for all such forms, shown in English as unitShown says. Before review round 58c
 * such a form was counted under its file's name, 项目支出绩效自评表, a unit gathering several units' forms.
 */
export const NO_UNIT = "（未注明单位）";

/** A row's, a finding's or a unit line's unit as the review workbook shows it in `lang`: NO_UNIT is (no unit named) in English. */
export const unitShown = (unit: string, lang: Lang): string => (lang === "en" && unit === NO_UNIT ? "(no unit named)" : unit);

/**
 * Two names of one unit, as unitAliases reads them: the same; a government's without and with its
 * word (城关镇, 城关镇人民政府) or a department's own body (县教育局（本级）); or one with its place before
 * it (教育局, 县教育局, 清河县教育局). Not a unit named within another's: 城关镇 and 城关镇中心小学 are two
 * (final re-read: the name's being within the other took them for one, and a copy was dropped).
 */
function sameUnitName(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short === long) return true;
  if (long.startsWith(short)) {
    const rest = long.slice(short.length);
    return GOVERNMENT.includes(rest) || OWN_BODY.test(rest);
  }
  if (!long.endsWith(short)) return false;
  const place = long.slice(0, -short.length);
  return PLACE_BEFORE.test(place) || (PLACE_LEVEL_UNIT.test(short) && PLACE_NAME.test(place));
}

/** A place before a unit's name that ends with its level: 县 of 县教育局, 清河县. */
const PLACE_BEFORE = /^[\u4e00-\u9fff]{0,4}[省市州县区旗盟]$/;

/** A number or an attachment's number and what parts it from a name: 附件3-, 附件3-1 , 01 , 表2_. */
const LEADING_NUMBER = /^(?:(?:附件|附表|表)\d+(?:[-－]\d+)*|\d+)[\s\-－_.．、:：]+/;
/** A number or an attachment's number before a file's name (附件3-, 01 , 表2_): no unit. */
const NUMBERING = /^(?:附件|附表|表)?[\d\-－_.．、\s]*$/;
/** A file's name as a unit and then a part of its own: 县残联（康复救助）, 县残联-辅具适配, 县残联 就业培训. */
const UNIT_THEN_PART = /^(.+?)\s*(?:[（(【[]([^（）()【】[\]]+)[）)】\]]|[\s\-－—_]+(.+))$/;
/**
 * The last part of a file's name after a space or dash, naming a place first as units do (县…, 东城街道…): 县应急管理局 of
 * 防灾减灾项目自评表-县应急管理局 (not 游客服务中心 of 乡村旅游-游客服务中心, a facility the project builds).
 */
const LAST_PART = /[\s\-－—_]+((?:[^\s\-－—_]{0,4}?(?:[省市县区镇乡旗]|街道))[^\s\-－—_]+)$/;

/**
 * What Windows, WeChat and Excel add to a copy's name, and the versions people name their files by:
 * (1)县教育局, 县教育局(1), 县教育局 - 副本, 复件 县教育局 (Windows XP), 县教育局-修改后, 县教育局（定稿）, 县教育局最终版,
 * and the marks of a step it went through or of how many were handed in: 县发改局-已盖章, 县发改局（已审核）,
 * 县发改局（修改）, 县发改局（2份） (code review 58b, M2).
 */
const COPY_MARK =
  /^(?:[(（]\d+[)）]|复件)\s*|\s*(?:[(（]\d+[)）]|[-－_\s]*副本|[-－_\s]*[(（【]?(?:修改后|修改稿|修改版|修改|修订版|修订|定稿|终稿|最终稿|最终版|终版|盖章版|已盖章|盖章|审核版|已审核|审核|正式版|报送版|\d+份)[)）】]?)$/;

function withoutCopyMarks(stem: string): string {
  return copyMarks(stem).original;
}

/** A name without a copy's or a version's marks, and how many it had: 县林业局（定稿） - 副本 → 县林业局, 2. */
function copyMarks(name: string): { original: string; marks: number } {
  let marks = 0;
  for (let original = name.trim(); ; marks++) {
    const next = original.replace(COPY_MARK, "").trim();
    if (next === original || next === "") return { original, marks };
    original = next;
  }
}

/**
 * The order a folder's workbooks are reviewed in: by path, each file's copies and versions
 * (县林业局 - 副本.xlsx, 县林业局-修改后.xlsx, also in a copied folder 县直 - 副本/) right after it,
 * so that of identical files the one with the fewest copy marks is counted and the copies are named
 * as its duplicates.
 */
export function reviewFileOrder(a: string, b: string): number {
  const key = (file: string) => {
    const { original, marks } = pathCopyMarks(file);
    // Fewest marks first: 县林业局（定稿） before 县林业局（定稿） - 副本, 城关镇/ before 城关镇 - 副本/.
    return [original, String(marks).padStart(4, "0"), file];
  };
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  return 0;
}

/** A file's path without its folders' and its name's copy marks, and how many they had (下载/县残联（盖章版）(1).xlsx: 下载/县残联, 2). */
function pathCopyMarks(file: string): { original: string; marks: number } {
  const folders = file.split(/[\\/]/).slice(0, -1).map(copyMarks);
  const name = copyMarks(fileStem(file));
  return { original: [...folders.map((folder) => folder.original), name.original].join("/"), marks: folders.reduce((n, folder) => n + folder.marks, name.marks) };
}

/**
 * The review's order (see reviewFileOrder) with identical files together, where the first of them
 * came: of each content (`digestOf`, the bytes' digest) the file with the fewest copy marks in its
 * name and folders first, so that it is the one counted, also when a copy sits in another folder
 * (县残联（盖章版）.xlsx before 下载/县残联（盖章版）(1).xlsx, review round 49b), and before them all
 * one whose path names a unit (pathUnit: 县卫健局/… before 2023年自评/…, review round 58c), so that a
 * copy in a pile is the one noted. A file without a digest (not read) keeps its place. `items` are the
 * files or what stands for them (`pathOf`).
 */
export function contentOrder<T>(items: T[], pathOf: (item: T) => string, digestOf: (item: T) => string | undefined): T[] {
  const sameContent = groupBy(
    items.filter((item) => digestOf(item) !== undefined),
    (item) => digestOf(item)!,
  );
  const marks = (item: T) => pathCopyMarks(pathOf(item)).marks;
  const unnamed = (item: T) => (pathUnit(pathOf(item)) === null ? 1 : 0);
  const ordered: T[] = [];
  const placed = new Set<string>();
  for (const item of items) {
    const digest = digestOf(item);
    if (digest === undefined) ordered.push(item);
    else if (!placed.has(digest)) {
      placed.add(digest);
      // A stable sort: of as few marks, the first in the review's order.
      ordered.push(...[...sameContent.get(digest)!].sort((a, b) => unnamed(a) - unnamed(b) || marks(a) - marks(b)));
    }
  }
  return ordered;
}

/** A year or the form's name after a unit's in a file's name: 县教育局 自评表, 县教育局_2023年自评, 县教育局2023, 县教育局项目支出绩效自评表. */
const FORM_WORDS_AFTER = /[\s\-－_]*(?:(?:19|20)\d{2}年?度?)?(?:(?:项目支出|部门整体支出|部门整体|项目|部门)?(?:绩效)?(?:自评表?|评价表|目标表|自评报告))?$/;
/** A place's name alone, a district's or a county's (开平区, 清河县, 某市): what a file's name gives before the form's words where the place's government or its finance hands the forms in. */
const PLACE_ONLY = /^[\u4e00-\u9fff]+(?:省|市|县|区|旗|州|盟)$/;
/** A unit's name in brackets before the rest of a file's name: 【县教育局】项目自评. */
const BRACKETED_FIRST = /^[【[]([^【】[\]]+)[】\]]/;

/**
 * The unit a file's name gives, without a copy's or a version's marks: before a year
 * (县教育局2023年度项目支出绩效自评表) or the form's name (县教育局 自评表), in brackets
 * (【县教育局】项目自评, 学生资助（县教育局）), or before the project the file holds (县残联（康复救助）
 * for its form of 残疾人康复救助, as units name each project's file); else the file's name.
 */
function unitOfFileName(name: string, projects: string[]): string {
  const stem = withoutCopyMarks(name);
  const titled = unitInTitle(stem);
  if (titled !== null) return titled;
  const beforeForm = stem.replace(FORM_WORDS_AFTER, "");
  // 开平区 of 开平区 绩效目标表 (review round 52c L5): a place's name before the form's words names no less.
  if (beforeForm !== stem && (isUnitName(beforeForm) || PLACE_ONLY.test(beforeForm))) return beforeForm;
  const bracketed = BRACKETED_FIRST.exec(stem)?.[1];
  if (bracketed !== undefined && isUnitName(bracketed)) return bracketed;
  const m = UNIT_THEN_PART.exec(stem);
  // 防灾减灾项目自评表-县应急管理局: an agency's name last, unless a unit's name comes first (县卫健局-县疾控中心
  // is read as before); a site's name there (人居环境整治-美丽乡村) is no unit.
  const last = LAST_PART.exec(beforeForm)?.[1];
  if (m && last !== undefined && AGENCY_NAME_END.test(last) && isUnitName(last) && !isUnitName(m[1])) return last;
  // 附件3-县人民医院, 01 县疾控中心: a number before the unit's name.
  const named = stem.replace(LEADING_NUMBER, "");
  if (named !== stem && isUnitName(named)) return named;
  // 附件3-县人民医院: the part is the unit, and the project may well name it (县人民医院医疗设备购置).
  if (!m || NUMBERING.test(m[1])) return stem;
  const part = (m[2] ?? m[3]).trim();
  // 学生资助（县教育局）: the unit in brackets after its project; a place there (人居环境整治（美丽乡村）) is no unit.
  if (m[2] !== undefined && AGENCY_NAME_END.test(part) && !isUnitName(m[1])) return part;
  // 县发改局 张三, 县残联（康复救助）: an agency's name and after it words naming no unit (a person's, a
  // project's; not its own body, 本级), the agency's, the forms' projects known or not: contentOrder reads a
  // path before its forms are, and so as addReviewed (code review 58b, M2 and L2).
  // Not where the words begin with a place (县卫健局-县疾控, 县国资委-县城投): a unit's short name,
  // its own file in its own folder, which a file's name read first would give away (code review 58c, M2).
  if (AGENCY_NAME_END.test(m[1]) && isUnitName(m[1]) && !isUnitName(part) && part !== "本级" && !PLACE_FIRST.test(part)) return m[1];
  const namesProject = projects.some((project) => project !== "" && (project.includes(part) || part.includes(project)));
  return namesProject ? m[1] : stem;
}

/** Words that begin with a place or a level of government: 县疾控, 市城投, 城关镇卫生院. */
const PLACE_FIRST = /^(?:[省市州县区乡镇旗盟]|城关|街道|自治)/;

/**
 * What a whole department's evaluation is, in the 项目 column, where its form names no project: data,
 * the same in either language's JSON (review round 52c L4), shown in English as projectShown says.
 */
export const WHOLE_DEPARTMENT = "部门整体";

/** A row's or a finding's project as the review workbook shows it in `lang`: 部门整体 is Whole department in English; a form's own project as typed. */
export const projectShown = (project: string, lang: Lang): string => (lang === "en" && project === WHOLE_DEPARTMENT ? "Whole department" : project);

/**
 * A row as the form's header block names it (see TableReport.project, .unit), a whole department's
 * form as such; unnamed rows get the workbook's unit later.
 */
function emptyRow(file: string, table: TableReport, kind: ReviewRowKind): ReviewRow {
  return {
    unit: table.unit ?? "",
    project: table.project ?? (table.wholeDepartment ? WHOLE_DEPARTMENT : ""),
    year: table.year ?? null,
    file,
    sheet: table.sheet,
    table: table.range,
    kind,
    planned: null,
    spent: null,
    rate: null,
    moneyUnit: null,
    weights: null,
    score: null,
    recordedScore: null,
    grade: null,
    recordedGrade: null,
    errors: 0,
    warnings: 0,
    infos: 0,
    worst: [],
    differs: { score: false, grade: false },
  };
}

/** The row's budget figures from the analysis's line at `index` (none for -1), the amounts in 万元 where the form's unit is known. */
function withBudget(row: ReviewRow, analysis: Analysis, index: number): void {
  if (index < 0) return;
  const line = analysis.budget[index];
  const unit = analysis.budgetLines[index].unit;
  const amount = (value: string | null) => (value === null || unit === null ? value : inWanYuan(value, unit));
  row.planned = amount(line.planned);
  row.spent = amount(line.spent);
  row.rate = line.rate;
  row.moneyUnit = unit === null ? null : "万元";
}

interface Drafts {
  rows: ReviewRow[];
  /** The row each table counts in, by index into the analysis's tables. */
  rowOfTable: Map<number, ReviewRow>;
}

/**
 * The target tables (indicator tables without a total) with nothing filled in: no target and no
 * recorded score on their rows, and no finding. Beside a unit's forms such a table is a reference of
 * how to score (a 评分标准 sheet with an empty 指标值 column) or a spare copy of the template, no
 * table of the unit's. A workbook with nothing else keeps them, so that a blank form handed in is seen.
 */
function blankTargetTables(analysis: Analysis, owners: TableOwners): Set<number> {
  const withFindings = new Set(analysis.findings.map((f) => owners.formOf(f.sheet, f.row, f.col)));
  const candidates = analysis.tables.flatMap((table, index) =>
    table.kind === "indicators" && totalIndexOf(table, analysis.totals) < 0 && !withFindings.has(index) ? [index] : [],
  );
  // The indicator rows are built only for a workbook that has such a table.
  if (candidates.length === 0) return new Set();
  const filledRows = groupBy(
    analysis.indicators.filter((i) => i.target.text !== "" || i.recordedScore !== null),
    (i) => i.sheet,
  );
  const blank = new Set<number>();
  for (const index of candidates) {
    const range = owners.range(index);
    if (!range) continue;
    // Rows of the table's range: tables side by side share rows, so a filled row there keeps both.
    const filled = (filledRows.get(analysis.tables[index].sheet) ?? []).some((i) => range.top <= i.row - 1 && i.row - 1 <= range.bottom);
    if (!filled) blank.add(index);
  }
  return blank.size < analysis.tables.length ? blank : new Set();
}

/** A workbook's rows: one per indicator table (but blank target tables, see blankTargetTables), one per budget table no total counts. */
function draftRows(file: string, analysis: Analysis, owners: TableOwners, lang: Lang): Drafts {
  const rows: ReviewRow[] = [];
  const rowOfTable = new Map<number, ReviewRow>();
  const budgetTables = analysis.tables.flatMap((t, index) => (t.kind === "budget" ? [index] : []));
  const blank = blankTargetTables(analysis, owners);
  analysis.tables.forEach((table, index) => {
    if (table.kind !== "indicators" || blank.has(index)) return;
    const source = totalIndexOf(table, analysis.totals);
    const row = emptyRow(file, table, source < 0 ? "targets" : "evaluation");
    rows.push(row);
    rowOfTable.set(index, row);
    if (source < 0) return;
    const total = analysis.totals[source];
    Object.assign(row, { weights: total.weights, score: total.score, recordedScore: total.recordedScore, grade: total.grade, recordedGrade: total.recordedGrade });
    if (total.unscored) row.unscored = true;
    row.differs = { score: total.recordedDiffers, grade: false };
    // The budget line its total counts, else that of the budget block heading its form (a form
    // scoring no budget: its figures are the form's all the same, review round 57c F4).
    const counted = analysis.totalSources[source].budget ?? analysis.totalSources[source].formBudget;
    if (!counted) return;
    withBudget(row, analysis, counted.line);
    const budgetTable = analysis.budgetLines[counted.line]?.table;
    // A budget table two totals count stays with the first.
    if (budgetTable !== undefined && !rowOfTable.has(budgetTable)) rowOfTable.set(budgetTable, row);
  });
  for (const index of budgetTables) {
    if (rowOfTable.has(index)) continue;
    const table = analysis.tables[index];
    const row = emptyRow(file, table, "budget");
    const lines = analysis.budgetLines.flatMap((line, i) => (line.table === index ? [i] : []));
    const lead = lines.find((i) => analysis.budgetLines[i].leads);
    if (lead !== undefined) {
      withBudget(row, analysis, lead);
      row.project ||= listTotalName(analysis, lead, lines, lang);
    }
    rows.push(row);
    rowOfTable.set(index, row);
  }
  return { rows, rowOfTable };
}

/** A list's total label (合计) over so many projects, as a review row's project. */
const OVER_PROJECTS: Record<Lang, (label: string, projects: number) => string> = {
  zh: (label, projects) => `${label}（${projects}个项目）`,
  en: (label, projects) => `${label} (${projects} projects)`,
};

/**
 * A project list's row is named by what its figures are, its 合计 over so many projects
 * (合计（3个项目）); "" for a row whose line is no list's total.
 */
function listTotalName(analysis: Analysis, lead: number, lines: number[], lang: Lang): string {
  const kind = analysis.budgetLines[lead].kind;
  const projects = lines.filter((i) => analysis.budgetLines[i].kind === "line").length;
  // 合  计: a label spaced out to fill its cell is named without the spaces.
  const label = analysis.budget[lead].label.replace(/[\s\u3000]+/g, "");
  return (kind === "total" || kind === "funds-total") && projects > 1 ? OVER_PROJECTS[lang](label, projects) : "";
}

/** The row a finding counts in: that of its form (TableOwners.formOf), else the workbook's first (none only for a workbook without tables). */
function ownerOf(drafts: Drafts, owners: TableOwners, finding: Finding): ReviewRow | undefined {
  const table = owners.formOf(finding.sheet, finding.row, finding.col);
  return (table === null ? undefined : drafts.rowOfTable.get(table)) ?? drafts.rows[0];
}

/**
 * A workbook is one unit's: a unit its forms name on any sheet (单位名称, 实施单位, 预算单位 … above
 * any of its tables, a budget table folded into an evaluation's row too, else on a cover) names the
 * rows whose form does not repeat it, else the unit its path gives (pathUnit: its file's name, else
 * the nearest folder named as a unit), else the unit a form's title names, else a project's 主管部门
 * beside a blank 实施单位, else none (NO_UNIT). The path comes before the title: a title's words
 * before its year may name a project's site (城东农贸市场2023年度…) as well as a unit.
 * A budget table of its own in a workbook whose forms name several units (a department's 汇总 of
 * its units' projects) is the workbook's, named by those last four, not by one of the units
 * (review round 48).
 */
function nameUnnamedRows(rows: ReviewRow[], file: string, analysis: Analysis): void {
  // A project's supervisor (主管部门 beside a blank 实施单位) is no unit, but names it where the path
  // does not (教育/项目支出绩效自评表.xlsx: code review 57c, H1; not 卫健/县中医院 - 副本/…, review round 58c F3).
  const supervisor = analysis.tables.find((t) => t.supervisor)?.supervisor ?? null;
  const workbookUnit = analysis.coverUnit ?? pathUnit(file, rows.map((r) => r.project)) ?? analysis.titleUnit ?? supervisor;
  const named = rows.find((r) => r.unit !== "")?.unit ?? analysis.tables.find((t) => t.unit)?.unit ?? workbookUnit ?? NO_UNIT;
  const severalUnits = new Set(rows.map((r) => r.unit).filter((unit) => unit !== "")).size > 1;
  for (const row of rows) if (row.unit === "") row.unit = (severalUnits && row.kind === "budget" ? workbookUnit : null) ?? named;
}

/**
 * One analysed workbook's rows and findings for the review; the names come from the analysis's
 * tables. `lang` is the analysis's: its messages are quoted with rule names in the same language.
 * `dropped`: what the reader passed over of a damaged file (droppedParts of its grid), for its note.
 */
export function reviewFile(file: string, analysis: Analysis, profile: Profile, lang: Lang = "zh", dropped: DroppedParts = {}): FileReview {
  const owners = new TableOwners(analysis.tables);
  const drafts = draftRows(file, analysis, owners, lang);
  nameUnnamedRows(drafts.rows, file, analysis);
  const findings: ReviewFinding[] = [];
  const worstOf = new Map<ReviewRow, { severity: Severity; text: string }[]>();
  for (const f of analysis.findings) {
    const row = ownerOf(drafts, owners, f);
    if (!row) continue;
    if (f.severity === "error") row.errors++;
    else if (f.severity === "warning") row.warnings++;
    else row.infos++;
    let worst = worstOf.get(row);
    if (!worst) worstOf.set(row, (worst = []));
    // A finding on another sheet than its row's (a budget sheet beside the indicators) says which.
    const where = f.sheet === row.sheet ? f.cell : `${f.sheet}!${f.cell}`;
    worst.push({ severity: f.severity, text: `${where} ${NAMED_MESSAGE[lang](f.rule, f.message)}` });
    findings.push({ unit: row.unit, project: row.project, file, sheet: f.sheet, cell: f.cell, rule: f.rule, severity: f.severity, message: f.message });
  }
  for (const [row, worst] of worstOf) {
    // A stable sort keeps the sheet's own order among findings of the same severity.
    row.worst = worst
      .sort((a, b) => severityRank(a.severity) - severityRank(b.severity))
      .slice(0, WORST_SHOWN)
      .map((w) => w.text);
  }
  const gradeScale = [...profile.grades].sort((a, b) => b.min - a.min).map((g) => g.label);
  // Decided here, on the file's own scale: a review may hold forms scored on two (优秀 is not 优's).
  for (const row of drafts.rows) if (row.kind === "evaluation") row.differs.grade = gradeDiffers(row, gradeScale);
  return { file, rows: drafts.rows, findings, gradeScale, hiddenSheets: analysis.hiddenSheets, ...dropped };
}

/** What a township's or a county's name is followed by as its government's: 城关镇 and 城关镇人民政府 are one unit. */
const GOVERNMENT = ["人民政府", "政府", "街道办事处", "办事处"];

/** Punctuation a unit's name was typed with after it (县林业局; 县林业局。). */
const TRAILING_PUNCTUATION = /[\s;；,，.。:：、]+$/;
/** The department's own body (本级), which the review counts with the department. */
const OWN_BODY = /[（(]本级[)）]$/;
/**
 * A county's own unit, named without the county: 县教育局. (Not 区财政局: a district review may
 * also hold a development zone's, 开发区财政局, another unit.)
 */
const PLACE_LEVEL_UNIT = /^[县旗][\u4e00-\u9fff]{2,}$/;
/** A place's name before its level: 清河 of 清河县教育局. */
const PLACE_NAME = /^[\u4e00-\u9fff]{2,4}$/;

/**
 * The review's units written two ways, each to the one name the review uses (review rounds 23a and
 * 33): a government without its word (城关镇, from a folder or a file's name) to the name with it
 * (城关镇人民政府, as a form names it); a name with punctuation after it (县林业局;) to the name without;
 * a department's own body (清河县教育局（本级）) to the department; and a county's unit named without
 * its place (县教育局) to the one name of the review that adds it (清河县教育局), where only one does.
 */
function unitAliases(units: string[]): Map<string, string> {
  const present = new Set(units);
  const alias = new Map<string, string>();
  const to = (unit: string, name: string) => name !== unit && alias.set(unit, name);
  for (const unit of units) {
    const full = GOVERNMENT.map((word) => unit + word).find((name) => present.has(name));
    if (full !== undefined) to(unit, full);
    const bare = unit.replace(TRAILING_PUNCTUATION, "");
    if (bare !== unit && bare !== "") to(unit, bare);
    const department = unit.replace(OWN_BODY, "");
    if (department !== unit && present.has(department)) to(unit, department);
    if (PLACE_LEVEL_UNIT.test(unit)) {
      const placed = units.filter((name) => name.endsWith(unit) && PLACE_NAME.test(name.slice(0, -unit.length)));
      if (placed.length === 1) to(unit, placed[0]);
    }
  }
  // One step further where one alias leads to another (县教育局（本级） → 县教育局 → 清河县教育局).
  for (const [unit, name] of alias) alias.set(unit, alias.get(name) ?? name);
  return alias;
}


/** Whether a file's or folder's name, or a folder's above it, starts with "." (hidden). */
const isHiddenPath = (file: string): boolean => file.split(/[\\/]/).some((part) => part.startsWith("."));

/**
 * Of the folders a review could not read, those that leave it incomplete: the visible ones. A
 * hidden folder's workbooks are passed over read or not (a Mac stick's .Spotlight-V100, root's
 * alone: code review 57, H1).
 */
export const foldersLeftUnreviewed = <T extends { folder: string }>(unread: T[]): T[] => unread.filter(({ folder }) => !isHiddenPath(folder));

/**
 * A workbook whose name or folder starts with "." (`.隐藏.xlsx`, `.备份/县林业局.xlsx`), which a
 * review passes over and names (reviewedFiles' `hidden`): neither a lock file (~$) nor a Mac's ._
 * file. The page takes the same ones out of what is dropped or chosen (review round 56 L5).
 */
export const isHiddenWorkbook = (file: string): boolean => isHiddenPath(file) && isWorkbookName(fileBaseName(file)) && !/^(\._|~\$)/.test(fileBaseName(file));

/**
 * Which of the files under a reviewed folder (paths relative to it) the review reads, and the scored
 * copies it passes over: a copy beside its workbook, or in the jixiao-out folder `jixiao score`
 * wrote it to beside the folder above's workbook (a unit that handed in only its scored copy is
 * reviewed from it). Hidden folders and files (.git) and Excel's lock files (~$a.xlsx) are no unit's
 * work; a workbook among the hidden, `hidden`, is named all the same (review round 56b, M3: a
 * unit's form copied as .x.xlsx vanished), but for a Mac's ._x.xlsx (its AppleDouble file, no
 * workbook). All three in review order (reviewFileOrder). The command line and the page alike.
 */
export function reviewedFiles(paths: string[]): { found: string[]; copies: string[]; hidden: string[] } {
  const visible = paths.filter((file) => !isHiddenPath(file) && !fileBaseName(file).startsWith("~$"));
  const hidden = paths.filter(isHiddenWorkbook);
  const byFolder = groupBy(visible, folderOf);
  const found: string[] = [];
  const copies: string[] = [];
  for (const [folder, files] of byFolder) {
    const names = files.map(fileBaseName);
    const originals = fileBaseName(folder) === SCORE_OUT_FOLDER ? (byFolder.get(folderOf(folder)) ?? []).map(fileBaseName) : [];
    const besides = new Set(copiesOfWorkbooks([...names, ...originals], names));
    for (const file of files) {
      if (besides.has(fileBaseName(file))) copies.push(file);
      else if (isWorkbookName(fileBaseName(file))) found.push(file);
    }
  }
  return { found: found.sort(reviewFileOrder), copies: copies.sort(reviewFileOrder), hidden: hidden.sort(reviewFileOrder) };
}

/**
 * Each folder profile scoring some of the files (their profiles' sources in the review's order, null
 * for none), in the order of the first it scores, with how many it scores: the review's profile
 * notes, by the command line and the page alike.
 */
export function profilesInUse(sources: (string | null | undefined)[]): Map<string, number> {
  const inUse = new Map<string, number>();
  for (const source of sources) if (source) inUse.set(source, (inUse.get(source) ?? 0) + 1);
  return inUse;
}

/** Gathers the files' reviews as they come in; `review()` gives the whole, its notes in `lang`. */
export class ReviewTally {
  private readonly rows: ReviewRow[] = [];
  private readonly findings: ReviewFinding[] = [];
  private readonly failures: ReviewFailure[] = [];
  private readonly notes: ReviewNote[] = [];
  /** The first file each evaluated unit and project came in, and its year, for the same-project notes. */
  private readonly projectFiles = new Map<string, { file: string; year: number | null }>();
  private readonly rules = new Map<RuleId, RuleCount & { lastFile: string; unitSet: Set<string> }>();
  /** The files not read, or holding no form, that 单位统计 counts for a unit (pathUnit). */
  private readonly failedUnits: { unit: string; file: string; kind: ReviewFailureKind }[] = [];
  /**
   * The files counted on 单位统计 for the unit their path gives rather than the one their forms
   * name: a copy of another unit's form already counted, handed in as its own (see addReviewed).
   */
  private readonly submitters = new Map<string, string>();
  /** Grade labels in the order of the profiles' scales, then recorded labels no scale has. */
  private readonly gradeOrder: string[] = [];
  private readonly grades = new Map<string, GradeCount>();
  private fileCount = 0;
  /** The files counted of each content (its bytes' digest), with their units: the rows' and their paths' (pathUnit). */
  private readonly filesOfDigest = new Map<string, { file: string; units: string[]; byPath: string | null }[]>();
  /** The files counted (add), in their order: the ones a folder's profile scored for the review. */
  private readonly countedFiles: string[] = [];
  /** Each file's folder profile (see profiles), and where among the notes theirs go. */
  private profileOf?: { sourceOf: (file: string) => string | null | undefined; at: number };

  constructor(private readonly lang: Lang = "zh") {}

  /**
   * A reviewed file with its bytes' digest, in contentOrder. The same bytes as an earlier file that
   * its folder or name gives to the same unit (pathUnit: 县林业局 - 副本.xlsx beside 县林业局.xlsx),
   * else, where a path gives none, of a file its path gave to the unit its rows are named by
   * (待审/项目支出绩效自评表.xlsx of 县实验小学/项目支出绩效自评表.xlsx, review round 58c), of the same
   * units its rows are named by, or in its folder under a name that gives no unit
   * (XJY-county-education.xlsx), are that file handed in twice: noted, not
   * counted, and the earlier file's name returned. The same bytes whose folders or names give two
   * units (县总工会/县总工会（盖章版）.xlsx and 县妇联/县妇联（盖章版）.xlsx, review round 49b), also where
   * the form names its unit (review round 57d, F1: one unit handed in another's stamped form), are
   * counted, each as its own file, and said so; on 单位统计 the file noted is counted for the unit
   * its path gives where its form names another (see UnitCount). Null when the file is counted.
   */
  addReviewed(file: FileReview, digest: string): string | null {
    const units = [...new Set(file.rows.map((row) => row.unit))].sort();
    // Without the forms' projects, as contentOrder reads it before they are known (code review 58b, L2).
    const byPath = pathUnit(file.file);
    const earlier = this.filesOfDigest.get(digest) ?? [];
    const copied = earlier.find((first) => {
      if (first.byPath !== null && byPath !== null) return sameUnitName(first.byPath, byPath);
      // A copy in a pile (待审/, 新建文件夹/) of a file its path gave to its unit, whatever a title, a
      // 主管部门 or nothing names the copy by: that file again, no other unit's (review round 58c).
      if (byPath === null && first.byPath !== null && first.units.every((unit) => sameUnitName(unit, first.byPath!))) return true;
      // Two units' names, neither within the other (县教育局 and 教育局 may be one unit).
      const twoUnitsNamed = [...units, ...first.units].every(isUnitName) && !units.some((unit) => first.units.some((other) => sameUnitName(unit, other)));
      return first.units.join("\u0000") === units.join("\u0000") || (folderOf(first.file) === folderOf(file.file) && !twoUnitsNamed);
    });
    if (copied !== undefined) {
      this.note(file.file, "duplicate", copied.file);
      return copied.file;
    }
    const counted = { file: file.file, units, byPath };
    if (earlier.length > 0) {
      // On the file whose form names another unit than its path gives, wherever it comes: 县妇联's copy
      // of 县总工会's form, not 县总工会's own.
      const ownUnit = (entry: typeof counted) => entry.byPath !== null && entry.units.some((unit) => sameUnitName(unit, entry.byPath!));
      const [stray, other] = !ownUnit(earlier[0]) && ownUnit(counted) ? [earlier[0], counted] : [counted, earlier[0]];
      this.note(stray.file, "same-content", other.file);
      // On 单位统计 a file whose path gives another unit than its form names is its submitter's, not
      // the form's unit's a second time: every such copy, also where the form's unit handed in none
      // (县妇联's and 县残联's copies of 县总工会's form each count for their own, in either order).
      for (const entry of [...earlier, counted]) if (entry.byPath !== null && !ownUnit(entry)) this.submitters.set(entry.file, entry.byPath);
    }
    this.filesOfDigest.set(digest, [...earlier, counted]);
    this.add(file, earlier.map((entry) => entry.file));
    return null;
  }

  /**
   * A file counted. `sameContent`: the files counted before with the same bytes, whose
   * same-content note says it all: no same-project note with them.
   */
  add(file: FileReview, sameContent: string[] = []): void {
    this.fileCount++;
    this.countedFiles.push(file.file);
    if (file.hiddenSheets.length > 0) this.note(file.file, "hidden-sheets", file.hiddenSheets.join(this.lang === "zh" ? "、" : ", "));
    const damaged = damagedPartsNote(file.file, file, this.lang);
    if (damaged) this.notes.push(damaged);
    const earlier = new Set<string>();
    for (const row of file.rows) {
      // Forms naming no unit (NO_UNIT) are no one unit's: two of one project may be two units'.
      if (row.kind !== "evaluation" || row.project === "" || row.unit === NO_UNIT) continue;
      const key = `${row.unit}\u0000${row.project}`;
      const first = this.projectFiles.get(key);
      // Another year's evaluation of it is no second version (a unit's 部门整体 forms of two years).
      const otherYear = first !== undefined && first.year !== null && row.year !== null && first.year !== row.year;
      if (first === undefined) this.projectFiles.set(key, { file: file.file, year: row.year });
      else if (first.file !== file.file && !otherYear && !earlier.has(first.file) && !sameContent.includes(first.file)) {
        earlier.add(first.file);
        this.note(file.file, "same-project", first.file);
      }
    }
    for (const label of file.gradeScale) this.grade(label);
    for (const row of file.rows) {
      this.rows.push(row);
      if (row.kind === "evaluation") {
        this.grade(row.grade ?? NO_GRADE).computed++;
        const recorded = row.recordedGrade === null ? null : recordedGradeLabel(row.recordedGrade, file.gradeScale);
        this.grade(recorded ?? NO_GRADE).recorded++;
      }
    }
    for (const f of file.findings) {
      this.findings.push(f);
      let count = this.rules.get(f.rule);
      if (!count) {
        count = { rule: f.rule, severity: f.severity, findings: 0, files: 0, units: 0, lastFile: "", unitSet: new Set() };
        this.rules.set(f.rule, count);
      }
      count.findings++;
      if (count.lastFile !== file.file) {
        count.files++;
        count.lastFile = file.file;
      }
      count.unitSet.add(f.unit);
    }
  }

  /**
   * A file without rows: unreadable, or read and holding no form (see ReviewFailureKind), its
   * message's advice the bureau's (forBureau), counted in 单位统计 for the unit its folder or name
   * gives, if any (pathUnit).
   */
  fail(file: string, message: string, kind: ReviewFailureKind = "unreadable"): void {
    this.fileCount++;
    // What to do as the bureau can: the unit removes its password, saves as .xlsx (review round 57d F5).
    this.failures.push({ file, message: forBureau(message, this.lang), kind });
    const unit = pathUnit(file);
    if (unit !== null) this.failedUnits.push({ unit, file, kind });
  }

  /**
   * The folder profiles the files are scored on (`sourceOf` a file: its jixiao.json as the review
   * names it, none for the default or --profile): each gets a `profile` note, here among the notes,
   * with how many of the files counted it scored, told when the review is done, after the
   * duplicates are decided (review round 52c L1: a copy not counted is not counted there either).
   */
  profiles(sourceOf: (file: string) => string | null | undefined): void {
    this.profileOf = { sourceOf, at: this.notes.length };
  }

  /** A file passed over or not wholly checked, or a profile in use: see ReviewNoteKind. */
  note(file: string, kind: DetailedNoteKind, detail = ""): void {
    this.notes.push(reviewNote(file, kind, detail, this.lang));
  }

  private grade(label: string): GradeCount {
    let count = this.grades.get(label);
    if (!count) {
      this.grades.set(label, (count = { grade: label, computed: 0, recorded: 0 }));
      this.gradeOrder.push(label);
    }
    return count;
  }

  /** Evaluations for another year than most: a file of last year's handed in among this year's. */
  private otherYears(): ReviewNote[] {
    const evaluations = this.rows.filter((r) => r.kind === "evaluation" && r.year !== null);
    const counts = new Map<number, number>();
    for (const row of evaluations) counts.set(row.year!, (counts.get(row.year!) ?? 0) + 1);
    if (counts.size < 2) return [];
    // The most common year; of as common ones, the latest.
    const [usual] = [...counts].sort(([a, m], [b, n]) => n - m || b - a)[0];
    const byFile = groupBy(
      evaluations.filter((r) => r.year !== usual),
      (r) => r.file,
    );
    return [...byFile].map(([file, rows]) => reviewNote(file, "other-year", [...new Set(rows.map((r) => r.year))].join(this.lang === "zh" ? "、" : ", "), this.lang));
  }

  review(): Review {
    const order = [...this.gradeOrder.filter((g) => g !== NO_GRADE), ...(this.grades.has(NO_GRADE) ? [NO_GRADE] : [])];
    // The unit a row counts for on 单位统计: its form's, or its file's submitter's (submitters).
    const countedFor = (row: ReviewRow) => this.submitters.get(row.file) ?? row.unit;
    const alias = unitAliases([...new Set([...this.rows.flatMap((row) => [row.unit, countedFor(row)]), ...this.failedUnits.map((f) => f.unit)])]);
    const named = (unit: string) => alias.get(unit) ?? unit;
    const renamed = <T extends { unit: string }>(items: T[]) => (alias.size === 0 ? items : items.map((item) => ({ ...item, unit: named(item.unit) })));
    const units = new Map<string, { count: UnitCount; files: Set<string> }>();
    const unit = (name: string, file: string): UnitCount => {
      let entry = units.get(named(name));
      if (!entry) {
        const count = { unit: named(name), files: 0, tables: 0, failures: 0, noTables: 0, errors: 0, warnings: 0, infos: 0, differs: 0 };
        units.set(count.unit, (entry = { count, files: new Set() }));
      }
      entry.files.add(file);
      entry.count.files = entry.files.size;
      return entry.count;
    };
    for (const row of this.rows) {
      const count = unit(countedFor(row), row.file);
      count.tables++;
      count.errors += row.errors;
      count.warnings += row.warnings;
      count.infos += row.infos;
      if (row.differs.score || row.differs.grade) count.differs++;
    }
    for (const { unit: name, file, kind } of this.failedUnits) {
      if (kind === "unreadable") unit(name, file).failures++;
      else unit(name, file).noTables++;
    }
    const notes = [...this.notes];
    if (this.profileOf) {
      const { sourceOf, at } = this.profileOf;
      const inUse = profilesInUse(this.countedFiles.map(sourceOf));
      notes.splice(at, 0, ...[...inUse].map(([source, files]) => reviewNote(source, "profile", String(files), this.lang)));
    }
    return {
      schema: REVIEW_SCHEMA,
      files: this.fileCount,
      rows: byUnit(renamed(this.rows)),
      findings: byUnit(renamed(this.findings)),
      rules: [...this.rules.values()]
        // Forms naming no unit (NO_UNIT) are no unit, as on the counts line (reviewCounts; code review 58b, M4).
        .map(({ rule, severity, findings, files, unitSet }) => ({ rule, severity, findings, files, units: new Set([...unitSet].map(named).filter((unit) => unit !== NO_UNIT)).size }))
        .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || b.findings - a.findings || a.rule.localeCompare(b.rule)),
      units: [...units.values()].map((entry) => entry.count).sort(byNeed),
      grades: order.map((g) => this.grades.get(g)!),
      failures: this.failures,
      notes: [...notes, ...this.otherYears()],
    };
  }
}

/** Units' names in the order of the Chinese reader (by pinyin), the same wherever the review is made. */
const UNIT_NAME_ORDER = new Intl.Collator("zh-Hans-CN");

/**
 * 单位统计's order, the units that need attention first (review round 52c M1): most files of which
 * nothing was checked, not read or read and holding no form (the unit hands them in again, review
 * round 57d F4), then most errors, then most rows whose computed total or grade differs from the
 * recorded one, then most warnings, then by name.
 */
function byNeed(a: UnitCount, b: UnitCount): number {
  return b.failures + b.noTables - (a.failures + a.noTables) || b.errors - a.errors || b.differs - a.differs || b.warnings - a.warnings || UNIT_NAME_ORDER.compare(a.unit, b.unit) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);
}

/** Each unit's items together, the units in the order they first appear (the files' order), each unit's in theirs. */
function byUnit<T extends { unit: string }>(items: T[]): T[] {
  return [...groupBy(items, (item) => item.unit).values()].flat();
}
