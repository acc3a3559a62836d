/**
 * 汇总 and 问题明细 print their leading columns only; where a row lies (文件, 工作表) is for the
 * screen. A long path there once made one-line rows two or three lines tall, so that 53 rows took
 * 4 A4 pages where 2 would do (review round 57d F3): a row is sized by its printed columns, and the
 * path is on one line, in a column as wide as the longest path.
 */
import JSZip from "jszip";
import { REVIEW_SCHEMA, Review, ReviewRow } from "../../src/core/review";
import { FAILURE_COLUMNS, FINDING_COLUMNS, GRADE_COLUMNS, NOTE_COLUMNS, ROW_COLUMNS, RULE_COLUMNS, UNIT_COLUMNS } from "../../src/core/review-layout";
import { inLang, reviewWorkbookBytes } from "../../src/xlsx/review-workbook";

const PATH = "乡镇/东城街道/东城街道办事处部门整体支出绩效自评表（盖章版）.xlsx";

const row = (file: string, worst: string[] = []): ReviewRow => ({
  unit: "县人民医院",
  project: "部门整体",
  year: 2023,
  file,
  sheet: "部门整体支出绩效自评表",
  table: "A5:J30",
  kind: "evaluation",
  planned: "4823.7",
  spent: "4659.63",
  rate: "0.966",
  moneyUnit: "万元",
  weights: "100",
  score: "99.66",
  recordedScore: "99.66",
  grade: "优",
  recordedGrade: "优",
  errors: worst.length,
  warnings: 0,
  infos: 0,
  worst,
  differs: { score: false, grade: false },
});

const LONG_FINDING = "F12 执行率算错：填报的执行率 99.53% 与执行数除以预算数算得的 96.53% 不符，请核对预算数、执行数和执行率";

const REVIEW: Review = {
  schema: REVIEW_SCHEMA,
  files: 2,
  rows: [row(PATH), row("短.xlsx", [LONG_FINDING])],
  findings: [{ unit: "县人民医院", project: "部门整体", file: PATH, sheet: "自评表", cell: "F12", rule: "rate-mismatch", severity: "error", message: "执行率算错" }],
  rules: [],
  units: [],
  grades: [],
  failures: [],
  notes: [],
};

async function sheetXml(index: number): Promise<{ sheet: string; styles: string }> {
  const zip = await JSZip.loadAsync(reviewWorkbookBytes(REVIEW));
  return { sheet: await zip.file(`xl/worksheets/sheet${index}.xml`)!.async("string"), styles: await zip.file("xl/styles.xml")!.async("string") };
}

/** The row's opening tag, by its number. */
const rowTag = (xml: string, n: number) => new RegExp(`<row r="${n}"[^>]*>`).exec(xml)![0];
/** A column's width, by its number (1 for A). */
const columnWidth = (xml: string, n: number) => Number(new RegExp(`<col min="${n}" max="${n}" width="([\\d.]+)"`).exec(xml)![1]);
/** Whether a cell's style wraps its text. */
function wraps(sheet: string, styles: string, ref: string): boolean {
  const style = Number(new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(sheet)![1] ?? 0);
  const xfs = /<cellXfs[^>]*>(.*)<\/cellXfs>/.exec(styles)![1].match(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)!;
  return xfs[style].includes('wrapText="1"');
}

describe("rows sized for what is printed (review round 57d F3)", () => {
  test("汇总: a row whose printed cells are one line each is one line tall, however long its path", async () => {
    const { sheet, styles } = await sheetXml(1);
    expect(rowTag(sheet, 2)).toBe('<row r="2">');
    // Q2, the path: on one line, in a column as wide as the path (two columns a Chinese character).
    expect(wraps(sheet, styles, "Q2")).toBe(false);
    expect(wraps(sheet, styles, "R2")).toBe(false);
    expect(columnWidth(sheet, 17)).toBeGreaterThanOrEqual(2 * [...PATH].filter((c) => c > "\u2e7f").length + [...PATH].filter((c) => c <= "\u2e7f").length);
    expect(columnWidth(sheet, 18)).toBeGreaterThanOrEqual(2 * "部门整体支出绩效自评表".length);
    // A finding that wraps in 主要问题, a printed column, still makes its row tall.
    expect(rowTag(sheet, 3)).toMatch(/ ht="\d+" customHeight="1"/);
  });

  test("问题明细: the path after the printed columns neither wraps nor sizes the row", async () => {
    const { sheet, styles } = await sheetXml(3);
    expect(rowTag(sheet, 2)).toBe('<row r="2">');
    expect(wraps(sheet, styles, "H2")).toBe(false);
    expect(columnWidth(sheet, 8)).toBeGreaterThanOrEqual(60);
  });
});

// The columns were mapped twice: to the run's language, and to their widths by their English title
// (File, Sheet). Each is known by its id now, in one mapper.
describe("the columns, known by an id", () => {
  test("each id once in its table", () => {
    for (const columns of [ROW_COLUMNS, FINDING_COLUMNS, RULE_COLUMNS, GRADE_COLUMNS, UNIT_COLUMNS, FAILURE_COLUMNS, NOTE_COLUMNS]) {
      const ids = columns.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  test("one mapper gives their titles in either language and widens those named by id", () => {
    for (const lang of ["zh", "en"] as const) {
      const columns = inLang(ROW_COLUMNS, lang, { file: [PATH], sheet: ["部门整体支出绩效自评表"] });
      expect(columns.map((c) => c.title)).toEqual(ROW_COLUMNS.map((c) => c.title[lang]));
      const at = (id: string) => ROW_COLUMNS.findIndex((c) => c.id === id);
      expect(columns[at("file")].width).toBeGreaterThanOrEqual(60);
      expect(columns[at("sheet")].width).toBe(24);
      expect(columns[at("unit")].width).toBe(ROW_COLUMNS[at("unit")].width[lang]);
    }
  });
});
