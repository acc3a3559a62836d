/**
 * `jixiao review` as a person runs it: the compiled command in its own process, its worker threads
 * real. A folder of units in subfolders with a jixiao.json, a corrupted file and a WPS file among
 * good ones; exit codes; the same review with one worker or several; Ctrl+C leaving nothing behind.
 */
import ExcelJS from "exceljs";
import { spawn } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "fs";
import * as path from "path";
import { ProcessResult, buildCli, finished, runCli, startCli } from "../support/cli";
import { KAIPING, YUNXI, tempDir } from "../support/xlsx";
import { threeIndicatorForm } from "../support/grid";
import { Review, reviewFileOrder } from "../../src/core/review";
import { IN_WAN_YUAN, cleanProjectWorkbook, unitWorkbook, unitlessProjectWorkbook } from "./support";

let bin: string;

beforeAll(() => {
  // The command as installed: compiled, so that its workers load dist code as they do in use.
  bin = buildCli();
}, 120_000);

const run = (...args: string[]): Promise<ProcessResult> => runCli(bin, ["review", ...args]);

/** The review of `dir` (written beside it as 复核.xlsx), as its JSON reads. */
async function reviewOf(dir: string): Promise<Review> {
  const json = path.join(dir, "r.json");
  await run(dir, "--out", path.join(dir, "复核.xlsx"), "--json", json);
  return JSON.parse(readFileSync(json, "utf8")) as Review;
}

const notesOf = (review: Review) => review.notes.map((note) => [note.file, note.kind, note.detail]);

const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.endsWith(".tmp"));

describe("a region's folder: units in subfolders, a jixiao.json, files that cannot be read", () => {
  const dir = tempDir("jixiao-region-");
  const out = path.join(dir, "汇总.xlsx");
  const json = path.join(dir, "review.json");
  let result: ProcessResult;
  let review: {
    files: number;
    notes: unknown[];
    rows: { unit: string; file: string; grade: string | null; recordedGrade: string | null; errors: number }[];
    failures: { file: string; message: string }[];
    grades: { grade: string; computed: number; recorded: number }[];
  };

  beforeAll(async () => {
    mkdirSync(path.join(dir, "甲县"));
    mkdirSync(path.join(dir, "乙县"));
    await unitWorkbook(path.join(dir, "甲县", "财政局.xlsx"), "甲县财政局", 2000);
    await cleanProjectWorkbook(path.join(dir, "乙县", "供水.xlsx"), "农村饮水工程", "乙县供水站");
    // 乙县 grades on its own scale.
    writeFileSync(path.join(dir, "乙县", "jixiao.json"), JSON.stringify({ name: "乙县方案", grades: "99.5:优秀,85:良好,60:合格,0:不合格" }));
    writeFileSync(path.join(dir, "乙县", "坏.xlsx"), Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(300, 7)]));
    writeFileSync(path.join(dir, "甲县", "教育局.et"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    copyFileSync(path.join(dir, "甲县", "财政局.xlsx"), path.join(dir, "甲县", "~$财政局.xlsx")); // Excel's lock file: not a unit
    result = await run(dir, "--out", out, "--json", json);
    review = JSON.parse(readFileSync(json, "utf8"));
  }, 120_000);

  it("exits 2 because files could not be read, and says which and why", () => {
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path.join("乙县", "坏.xlsx")}: `);
    // What to do, said to the bureau (review round 57d F5): on the file's line and in the closing lines.
    const line = `${path.join("甲县", "教育局.et")}: 这是 WPS 表格文件（.et），请单位另存为 .xlsx 工作簿后重新报送，或在 WPS 中“另存为” .xlsx 工作簿后重新复核`;
    expect(result.stderr).toContain(line);
    expect(result.stdout).toContain(`[3/4] ${line}`);
    expect(`${result.stdout}${result.stderr}`).not.toContain("后再试");
  });

  it("reviews every unit's workbook, each under its own folder's profile", () => {
    expect(review.files).toBe(4);
    expect(review.rows.map((r) => [r.unit, r.file])).toEqual([
      ["乙县供水站", path.join("乙县", "供水.xlsx")],
      ["甲县财政局", path.join("甲县", "财政局.xlsx")],
    ]);
    // 99 is 良好 on 乙县's scale and 优 on the default one, which the form followed.
    expect(review.rows[0]).toMatchObject({ grade: "良好", recordedGrade: "优", errors: 1 });
    // 甲县's form weighs 110 points: computed, its total has no grade (（无）). 乙县's recorded 优 counts
    // under 优秀, the grade its scale has for that word, as grade-mismatch reads it.
    expect(review.grades.map((g) => [g.grade, g.computed, g.recorded])).toEqual([
      ["优秀", 0, 1],
      ["良好", 1, 0],
      ["合格", 0, 0],
      ["不合格", 0, 0],
      ["优", 0, 1],
      ["良", 0, 0],
      ["中", 0, 0],
      ["差", 0, 0],
      ["（无）", 1, 0],
    ]);
    expect(result.stdout).toContain(`使用各文件夹的评分方案：${path.join(dir, "乙县", "jixiao.json")}`);
  });

  it("prints a plain line per file when not on a terminal, and a closing line", () => {
    expect(result.stdout.split("\n").filter((l) => /^\[\d\/4\] /.test(l))).toEqual([
      `[1/4] ${path.join("乙县", "供水.xlsx")}：1 张表，错误 1，警告 0`,
      expect.stringContaining(`[2/4] ${path.join("乙县", "坏.xlsx")}: 文件已损坏`),
      expect.stringContaining(`[3/4] ${path.join("甲县", "教育局.et")}: 这是 WPS 表格文件`),
      `[4/4] ${path.join("甲县", "财政局.xlsx")}：1 张表，错误 7，警告 6`,
    ]);
    expect(result.stderr.split("\n").filter((l) => /^\[\d\/4\] /.test(l))).toHaveLength(0);
    // 甲县/教育局.et, not read, is 教育局's all the same (review round 57d F4).
    expect(result.stdout).toContain(`已写出 ${out}：4 个文件，3 个单位，2 张表`);
  });

  it("writes the workbook and the JSON whole, leaving no temporary file", () => {
    expect(readFileSync(out).subarray(0, 4)).toEqual(Buffer.from("PK\u0003\u0004"));
    expect(leftovers(dir)).toEqual([]);
    expect(review.failures.map((f) => f.file)).toEqual([path.join("乙县", "坏.xlsx"), path.join("甲县", "教育局.et")]);
  });

  it("gives the same review with one worker as with several", async () => {
    const single = path.join(dir, "single.json");
    const again = await run(dir, "--out", path.join(dir, "single.xlsx"), "--json", single, "--jobs", "1");
    expect(again.code).toBe(2);
    const one = JSON.parse(readFileSync(single, "utf8"));
    // The first run's review, beside the files now, is named among the notes, and not counted.
    expect(one).toEqual({ ...review, notes: [...review.notes, { file: "汇总.xlsx", kind: "earlier-review", detail: "", message: "jixiao 之前写出的复核汇总：未计入" }] });
  }, 120_000);
});

describe("exit codes", () => {
  it("0 when no workbook has an error finding; the review is written beside the files by default", async () => {
    const dir = tempDir("jixiao-clean-");
    await cleanProjectWorkbook(path.join(dir, "a.xlsx"), "项目甲", "单位甲");
    await cleanProjectWorkbook(path.join(dir, "b.xlsx"), "项目乙", "单位乙");
    const result = await run(dir);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(existsSync(path.join(dir, "汇总.xlsx"))).toBe(true);
    // A second run, writing elsewhere, finds the first one's review among the files: it says so
    // and does not take it for a unit's workbook.
    const rerun = await run(dir, "--out", path.join(dir, "第二次.xlsx"), "--json", path.join(dir, "r.json"));
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain("汇总.xlsx：这是 jixiao 写出的复核汇总，不是单位的自评表，跳过");
    expect(JSON.parse(readFileSync(path.join(dir, "r.json"), "utf8")).files).toBe(2);
  }, 60_000);

  it("1 when a workbook has error findings", async () => {
    const dir = tempDir("jixiao-errors-");
    copyFileSync(YUNXI, path.join(dir, "yunxi.xlsx"));
    copyFileSync(KAIPING, path.join(dir, "kaiping.xlsx"));
    const result = await run(dir);
    expect(result.code).toBe(1);
  }, 60_000);

  it("2 for a path that is no folder, an empty folder, or a bad jixiao.json, with one clear line", async () => {
    const missing = await run(path.join(tempDir(), "nowhere"));
    expect([missing.code, missing.stderr.trim()]).toEqual([2, expect.stringContaining("不是文件夹")]);
    const empty = await run(tempDir());
    expect([empty.code, empty.stderr.trim()]).toEqual([2, expect.stringContaining("文件夹中没有 .xlsx 文件")]);
    const dir = tempDir();
    await cleanProjectWorkbook(path.join(dir, "a.xlsx"), "项目甲", "单位甲");
    writeFileSync(path.join(dir, "jixiao.json"), "{ grades: ");
    const bad = await run(dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toEqual([expect.stringContaining(`评分方案文件 ${path.join(dir, "jixiao.json")} 不是有效的 JSON`)]);
    expect(existsSync(path.join(dir, "汇总.xlsx"))).toBe(false);
  }, 60_000);
});

describe("--lang en", () => {
  it("writes the review workbook in English, which a rerun over the folder then skips", async () => {
    const dir = tempDir("jixiao-review-en-");
    await cleanProjectWorkbook(path.join(dir, "a.xlsx"), "项目甲", "单位甲");
    const out = path.join(dir, "review.xlsx");
    const result = await run(dir, "--out", out, "--lang", "en");
    expect([result.code, result.stderr]).toEqual([0, ""]);
    // Read back by ExcelJS, a reader jixiao did not write.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(["Review", "Units", "Findings", "Counts", "Unreadable", "Notes"]);
    const review = book.getWorksheet("Review")!;
    expect((review.getRow(1).values as unknown[]).slice(1, 8)).toEqual(["Unit", "Project", "Year", "Kind", "Planned (10k yuan)", "Spent (10k yuan)", "Money unit"]);
    expect((review.getRow(2).values as unknown[]).slice(1, 8)).toEqual(["单位甲", "项目甲", 2023, "Self-evaluation", 320, 288, "10k yuan"]);
    expect((review.getRow(2).values as unknown[]).slice(17, 20)).toEqual(["a.xlsx", "项目自评表", "B6:I12"]);
    const rerun = await run(dir, "--out", path.join(dir, "again.xlsx"), "--lang", "en");
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain("review.xlsx: a review jixiao wrote, no unit's form; skipped");
  }, 60_000);
});

describe("jixiao's scored copies in the folder", () => {
  it("a copy beside its workbook is passed over, and said so; a unit's lone scored copy (in any case) is reviewed", async () => {
    const dir = tempDir("jixiao-copies-");
    copyFileSync(YUNXI, path.join(dir, "云溪.xlsx"));
    expect((await runCli(bin, ["score", YUNXI, "--out", path.join(dir, "云溪.jixiao.xlsx")])).code).toBe(1);
    copyFileSync(path.join(dir, "云溪.jixiao.xlsx"), path.join(dir, "开平.JIXIAO.XLSX"));
    // 开平's scored copy, scored again: the copy of a copy.
    copyFileSync(path.join(dir, "云溪.jixiao.xlsx"), path.join(dir, "开平.JIXIAO.jixiao.xlsx"));
    const json = path.join(dir, "r.json");
    const result = await run(dir, "--json", json);
    expect(result.stdout).toContain("跳过 jixiao 评分后的副本（原工作簿也在复核之列）：云溪.jixiao.xlsx、开平.JIXIAO.jixiao.xlsx");
    const review = JSON.parse(readFileSync(json, "utf8")) as { files: number; rows: { file: string; kind: string; score: string }[] };
    expect(review.files).toBe(2);
    // The scored copy reads as its workbook does: jixiao's 综合得分 is no table of the unit's.
    expect(review.rows.map((row) => [row.file, row.kind, row.score])).toEqual([
      ["云溪.xlsx", "evaluation", "106.47"],
      ["开平.JIXIAO.XLSX", "evaluation", "106.47"],
    ]);
  }, 60_000);
});

describe("a bureau's folder after other runs (review round 23)", () => {
  it("passes over the copies `jixiao score <folder>` wrote to its jixiao-out folder, whose workbooks are reviewed", async () => {
    const dir = tempDir("jixiao-scored-folder-");
    mkdirSync(path.join(dir, "城关镇"));
    await cleanProjectWorkbook(path.join(dir, "城关镇", "垃圾清运.xlsx"), "垃圾清运", "城关镇人民政府");
    await cleanProjectWorkbook(path.join(dir, "城关镇", "路灯.xlsx"), "路灯维护", "城关镇人民政府");
    expect((await runCli(bin, ["score", path.join(dir, "城关镇")])).code).toBe(0);
    // A jixiao-out folder whose workbooks are not above it holds a unit's own copies: reviewed.
    mkdirSync(path.join(dir, "石桥镇", "jixiao-out"), { recursive: true });
    await cleanProjectWorkbook(path.join(dir, "石桥镇", "jixiao-out", "水利.jixiao.xlsx"), "水利", "石桥镇人民政府");
    const json = path.join(dir, "r.json");
    const result = await run(dir, "--json", json);
    expect(result.code).toBe(0);
    const copies = ["垃圾清运.jixiao.xlsx", "路灯.jixiao.xlsx"].map((name) => path.join("城关镇", "jixiao-out", name));
    expect(result.stdout).toContain(`跳过 jixiao 评分后的副本（原工作簿也在复核之列）：${copies.join("、")}`);
    const review = JSON.parse(readFileSync(json, "utf8")) as { files: number; rows: { file: string }[] };
    expect(review.rows.map((row) => row.file)).toEqual([
      path.join("城关镇", "垃圾清运.xlsx"),
      path.join("城关镇", "路灯.xlsx"),
      path.join("石桥镇", "jixiao-out", "水利.jixiao.xlsx"),
    ]);
  }, 60_000);

  it("never writes its review or JSON over a unit's workbook in the folder; an earlier review there is replaced", async () => {
    const dir = tempDir("jixiao-over-input-");
    const unitBook = await cleanProjectWorkbook(path.join(dir, "县林业局.xlsx"), "森林防火", "县林业局");
    // A unit's own workbook named as the review's default.
    const ownSummary = await cleanProjectWorkbook(path.join(dir, "汇总.xlsx"), "项目汇总", "县档案馆");
    const before = [unitBook, ownSummary].map((file) => readFileSync(file));

    const byDefault = await run(dir);
    expect([byDefault.code, byDefault.stderr.trim()]).toEqual([2, `${ownSummary}: 文件夹中已有这个工作簿，它不是 jixiao 的复核汇总，复核不会覆盖它；请用 --out 为汇总另指一个文件`]);
    const overUnit = await run(dir, "--out", unitBook);
    expect([overUnit.code, overUnit.stderr.trim()]).toEqual([2, `${unitBook}: 这是所复核文件夹中的工作簿，--out 会覆盖它（输入文件不会被修改）；请用 --out 另指一个文件`]);
    const jsonOverUnit = await run(dir, "--out", path.join(dir, "复核.xlsx"), "--json", unitBook, "--lang", "en");
    expect([jsonOverUnit.code, jsonOverUnit.stderr.trim()]).toEqual([
      2,
      `${unitBook}: a workbook in the reviewed folder, which --json would replace (inputs are never changed); name another file with --json`,
    ]);
    // Through a link to the folder, from outside it (review round 24b): the same file.
    const link = path.join(tempDir("jixiao-link-"), "单位");
    symlinkSync(dir, link);
    const linkedUnitBook = path.join(link, "县林业局.xlsx");
    const throughLink = await run(dir, "--out", linkedUnitBook);
    expect([throughLink.code, throughLink.stderr.trim()]).toEqual([2, `${linkedUnitBook}: 这是所复核文件夹中的工作簿，--out 会覆盖它（输入文件不会被修改）；请用 --out 另指一个文件`]);
    expect([unitBook, ownSummary].map((file) => readFileSync(file))).toEqual(before);
    expect(existsSync(path.join(dir, "复核.xlsx"))).toBe(false);

    // The review's own earlier file is no unit's: a rerun writes over it.
    const first = await run(dir, "--out", path.join(dir, "复核.xlsx"));
    expect(first.code).toBe(0);
    const rerun = await run(dir, "--out", path.join(dir, "复核.xlsx"), "--json", path.join(dir, "r.json"));
    expect(rerun.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "r.json"), "utf8")).files).toBe(2);
    // Its JSON too; but no other file of the folder, a unit's report in .docx or a note (review round 24b).
    expect((await run(dir, "--out", path.join(dir, "复核.xlsx"), "--json", path.join(dir, "r.json"))).code).toBe(0);
    const report = path.join(dir, "县林业局自评报告.docx");
    const note = path.join(dir, "说明.txt");
    writeFileSync(report, "a unit's report");
    writeFileSync(note, "{}");
    const overReport = await run(dir, "--out", report);
    expect([overReport.code, overReport.stderr.trim()]).toEqual([2, `${report}: 这是所复核文件夹中的文件，--out 会覆盖它（输入文件不会被修改）；请用 --out 另指一个文件`]);
    const noteRefused = [2, `${note}: 这是所复核文件夹中的文件，--json 会覆盖它（输入文件不会被修改）；请用 --json 另指一个文件`];
    const overNote = await run(dir, "--out", path.join(dir, "复核.xlsx"), "--json", note);
    expect([overNote.code, overNote.stderr.trim()]).toEqual(noteRefused);
    // The folder reviewed through a link, the file named by its real path (review round 27).
    const overNoteThroughLink = await run(link, "--out", path.join(tempDir("jixiao-out-"), "复核.xlsx"), "--json", note);
    expect([overNoteThroughLink.code, overNoteThroughLink.stderr.trim()]).toEqual(noteRefused);
    expect([readFileSync(report, "utf8"), readFileSync(note, "utf8")]).toEqual(["a unit's report", "{}"]);
  }, 60_000);
});

describe("what the review did not count or check is in its workbook and JSON (review round 23a)", () => {
  it("counts a file handed in twice once, and names it, a revised one beside the first, a hidden sheet, a scored copy and a folder's profile", async () => {
    const dir = tempDir("jixiao-notes-");
    mkdirSync(path.join(dir, "县直部门"));
    const forestry = await cleanProjectWorkbook(path.join(dir, "县直部门", "县林业局.xlsx"), "森林防火", "县林业局");
    copyFileSync(forestry, path.join(dir, "县直部门", "县林业局 - 副本.xlsx"));
    // A revised version: the same unit and project, other bytes.
    await cleanProjectWorkbook(path.join(dir, "县直部门", "县林业局-修改后.xlsx"), "森林防火", "县林业局", { ...IN_WAN_YUAN, unitLine: "金额单位：万元" });
    expect((await runCli(bin, ["score", forestry, "--out", path.join(dir, "县直部门", "县林业局.jixiao.xlsx")])).code).toBe(0);
    writeFileSync(path.join(dir, "县直部门", "jixiao.json"), JSON.stringify({ grades: "90:优,0:良" }));
    const hidden = await cleanProjectWorkbook(path.join(dir, "县气象局.xlsx"), "人工影响天气", "县气象局");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(hidden);
    book.addWorksheet("2022年自评表", { state: "hidden" }).addRow(["旧表"]);
    await book.xlsx.writeFile(hidden);

    const json = path.join(dir, "r.json");
    const out = path.join(dir, "复核.xlsx");
    expect((await run(dir, "--out", out, "--json", json)).code).toBe(0);
    const review = JSON.parse(readFileSync(json, "utf8")) as Review;
    // The file without copy marks is counted, its copy and its revised version right after it (review round 24b, A8).
    const forestryFiles = ["县林业局.xlsx", "县林业局-修改后.xlsx", "县林业局 - 副本.xlsx"].map((name) => path.join("县直部门", name));
    expect(review.files).toBe(3);
    expect(review.rows.map((row) => row.file)).toEqual(["县气象局.xlsx", forestryFiles[0], forestryFiles[1]]);
    expect(review.units.find((unit) => unit.unit === "县林业局")).toMatchObject({ files: 2, tables: 2 });
    expect(notesOf(review)).toEqual([
      [path.join("县直部门", "县林业局.jixiao.xlsx"), "scored-copy", ""],
      // The two files counted: not the copy counted once (review round 52c L1).
      [path.join("县直部门", "jixiao.json"), "profile", "2"],
      ["县气象局.xlsx", "hidden-sheets", "2022年自评表"],
      [forestryFiles[2], "duplicate", forestryFiles[0]],
      [forestryFiles[1], "same-project", forestryFiles[0]],
    ]);
    // The 说明 sheet says the same, in the run's language, for a reviewer who keeps the workbook.
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(out);
    const notes = read.getWorksheet("说明")!;
    expect((notes.getRow(1).values as unknown[]).slice(1)).toEqual(["文件", "说明"]);
    expect((notes.getRow(5).values as unknown[]).slice(1)).toEqual([forestryFiles[2], `与 ${forestryFiles[0]} 内容完全相同：未重复计入`]);
  }, 60_000);
});

// Review round 56b M3: a unit's form copied as .隐藏.xlsx, or into a hidden folder, vanished unnamed.
describe("hidden workbooks, which the review passes over", () => {
  it("are named in the notes, on 说明 and on the console, and in the count of files not counted; a lock file is not", async () => {
    const dir = tempDir("jixiao-hidden-");
    const forestry = await cleanProjectWorkbook(path.join(dir, "县林业局.xlsx"), "森林防火", "县林业局");
    copyFileSync(forestry, path.join(dir, ".隐藏.xlsx"));
    mkdirSync(path.join(dir, ".备份"));
    copyFileSync(forestry, path.join(dir, ".备份", "县水利局.xlsx"));
    writeFileSync(path.join(dir, "~$县林业局.xlsx"), "lock");
    const json = path.join(dir, "r.json");
    const out = path.join(dir, "复核.xlsx");
    const r = await run(dir, "--out", out, "--json", json);
    expect(r.code).toBe(0);
    const hidden = [".隐藏.xlsx", path.join(".备份", "县水利局.xlsx")].sort(reviewFileOrder);
    expect(r.stdout).toContain(`跳过隐藏文件（文件名或所在文件夹名以“.”开头）：${hidden.join("、")}`);
    expect(r.stdout).toContain("另有 2 个文件未计入（隐藏文件 2，见“说明”）");
    const review = JSON.parse(readFileSync(json, "utf8")) as Review;
    expect(review.files).toBe(1);
    expect(notesOf(review)).toEqual(hidden.map((file) => [file, "hidden-file", ""]));
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(out);
    expect((read.getWorksheet("说明")!.getRow(2).values as unknown[]).slice(1)).toEqual([hidden[0], "文件名或所在文件夹名以“.”开头（隐藏文件）：未复核"]);
  }, 60_000);
});

// Review round 56 H3: hidden folders are walked, so a Mac stick's .Spotlight-V100 (root's alone)
// failed the whole review with an internal error. Its refusal is injected (a preload that makes
// readdir throw EACCES there, and ENOENT for a folder removed mid-walk): chmod stops no root.
describe("a folder under the reviewed one that cannot be read", () => {
  /** Reviews a folder holding one clean workbook and `folders`, whose reading fails as given (EACCES, ENOENT). */
  async function reviewRefusing(folders: Record<string, string>) {
    const dir = tempDir("jixiao-unread-");
    await cleanProjectWorkbook(path.join(dir, "县林业局.xlsx"), "森林防火", "县林业局");
    for (const folder of Object.keys(folders)) mkdirSync(path.join(dir, folder));
    const preload = path.join(dir, "refuse.js");
    writeFileSync(
      preload,
      `const fs = require("fs");
const readdir = fs.promises.readdir;
const refusals = ${JSON.stringify(folders)};
fs.promises.readdir = async (folder, ...rest) => {
  const code = refusals[require("path").basename(String(folder))];
  if (code) throw Object.assign(new Error(code + ": refused"), { code });
  return readdir(folder, ...rest);
};`,
    );
    const json = path.join(dir, "r.json");
    const out = path.join(dir, "复核.xlsx");
    const r = await finished(spawn(process.execPath, ["--require", preload, bin, "review", dir, "--out", out, "--json", json], { stdio: ["ignore", "pipe", "pipe"] }));
    return { r, json, out };
  }

  it("is named in the notes, on 说明 and on the console, with why; the rest is reviewed, and the exit code is 2", async () => {
    const { r, json, out } = await reviewRefusing({ ".Spotlight-V100": "EACCES", 县水利局: "ENOENT" });
    expect(r.stderr).not.toContain("内部错误");
    // Its workbooks, if any, are not reviewed: exit 2, as for a file not read (the workbook and JSON
    // written), and the last line says why, as it names the files not read.
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n").pop()).toBe("无法读取文件夹 县水利局（读取时已不存在，可能刚被移走或删除），其中的文件未复核");
    expect(r.stderr).toContain("无法读取文件夹 .Spotlight-V100（没有读取权限），其中的文件未复核");
    expect(r.stderr).toContain("无法读取文件夹 县水利局（读取时已不存在，可能刚被移走或删除），其中的文件未复核");
    const review = JSON.parse(readFileSync(json, "utf8")) as Review;
    expect(review.files).toBe(1);
    expect(notesOf(review)).toEqual([
      [".Spotlight-V100", "unread-folder", "没有读取权限"],
      ["县水利局", "unread-folder", "读取时已不存在，可能刚被移走或删除"],
    ]);
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(out);
    expect((read.getWorksheet("说明")!.getRow(2).values as unknown[]).slice(1)).toEqual([".Spotlight-V100", "文件夹无法读取（没有读取权限）：其中的文件未复核"]);
  }, 60_000);

  // A hidden folder's workbooks are passed over anyway: a Mac stick's reviewed with no error (code review 57, H1).
  it("leaves the exit code alone when the folder is hidden, and names it all the same", async () => {
    const { r, json } = await reviewRefusing({ ".Spotlight-V100": "EACCES", ".Trashes": "EACCES" });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("无法读取文件夹 .Spotlight-V100（没有读取权限），其中的文件未复核");
    const review = JSON.parse(readFileSync(json, "utf8")) as Review;
    expect(notesOf(review).map(([file, kind]) => `${file} ${kind}`)).toEqual([".Spotlight-V100 unread-folder", ".Trashes unread-folder"]);
  }, 60_000);

  it("is the review's error when it is the reviewed folder itself, told in words", async () => {
    const dir = tempDir("jixiao-unread-");
    const preload = path.join(dir, "refuse.js");
    writeFileSync(
      preload,
      `const fs = require("fs");
fs.promises.readdir = async () => { throw Object.assign(new Error("EACCES: refused"), { code: "EACCES" }); };`,
    );
    const r = await finished(spawn(process.execPath, ["--require", preload, bin, "review", dir], { stdio: ["ignore", "pipe", "pipe"] }));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${dir}: 无法读取文件夹（没有读取权限）`);
  }, 60_000);
});

describe("a folder's jixiao.json (review round 49b, P4)", () => {
  it("scores a file alike alone and in the review of its folder, by the jixiao.json beside it", async () => {
    const dir = tempDir("jixiao-folder-profile-");
    mkdirSync(path.join(dir, "县水利局"));
    writeFileSync(path.join(dir, "县水利局", "jixiao.json"), JSON.stringify({ name: "严格方案", grades: "99.9:优,0:良" }));
    const file = await cleanProjectWorkbook(path.join(dir, "县水利局", "县水利局.xlsx"), "河道治理", "县水利局");
    const [row] = (await reviewOf(dir)).rows;
    const scoreJson = path.join(dir, "s.json");
    const alone = await runCli(bin, ["score", file, "--out", path.join(dir, "copy.xlsx"), "--json", scoreJson]);
    expect(alone.stdout).toContain(`评分方案：${path.join(dir, "县水利局", "jixiao.json")}`);
    const [total] = (JSON.parse(readFileSync(scoreJson, "utf8")) as { totals: { score: string; grade: string }[] }).totals;
    expect([row.score, row.grade]).toEqual(["99", "良"]);
    expect([total.score, total.grade]).toEqual([row.score, row.grade]);
    // One above the reviewed folder (or the file's) is not looked at: the page could not see it.
    writeFileSync(path.join(dir, "jixiao.json"), "{ grades: ");
    mkdirSync(path.join(dir, "县林业局"));
    const other = await cleanProjectWorkbook(path.join(dir, "县林业局", "县林业局.xlsx"), "森林防火", "县林业局");
    expect((await run(path.join(dir, "县林业局"), "--out", path.join(dir, "复核2.xlsx"))).code).toBe(0);
    expect((await runCli(bin, ["score", other, "--out", path.join(dir, "copy2.xlsx")])).code).toBe(0);
    // --profile wins over the folder's.
    const fixed = await runCli(bin, ["score", file, "--out", path.join(dir, "copy.xlsx"), "--profile", path.join(dir, "县水利局", "jixiao.json"), "--grades", "90:优,0:良"]);
    expect(fixed.stdout).not.toContain("评分方案：");
  }, 60_000);
});

describe("identical files the review takes for two units' (review round 24b)", () => {
  it("counts both, and says so: one unit may have handed in another's form", async () => {
    const dir = tempDir("jixiao-same-content-");
    mkdirSync(path.join(dir, "城关镇"));
    mkdirSync(path.join(dir, "石桥镇"));
    const form = await unitlessProjectWorkbook(path.join(dir, "城关镇", "项目支出绩效自评表.xlsx"), "垃圾清运", 320, 288);
    copyFileSync(form, path.join(dir, "石桥镇", "项目支出绩效自评表.xlsx"));
    const review = await reviewOf(dir);
    expect(review.rows.map((row) => row.unit)).toEqual(["城关镇", "石桥镇"]);
    expect(notesOf(review)).toEqual([
      [path.join("石桥镇", "项目支出绩效自评表.xlsx"), "same-content", path.join("城关镇", "项目支出绩效自评表.xlsx")],
    ]);
  }, 60_000);

  it("counts two units whose files' names give them, though their forms are byte for byte the same (review round 49b, P2)", async () => {
    const dir = tempDir("jixiao-two-named-");
    const form = await unitlessProjectWorkbook(path.join(dir, "县总工会（盖章版）.xlsx"), "职工帮扶", 320, 288);
    copyFileSync(form, path.join(dir, "县妇联（盖章版）.xlsx"));
    const review = await reviewOf(dir);
    expect(review.units.map((unit) => unit.unit)).toEqual(["县妇联", "县总工会"]);
    expect(notesOf(review)).toEqual([["县总工会（盖章版）.xlsx", "same-content", "县妇联（盖章版）.xlsx"]]);
  }, 60_000);

  it("counts the file with the fewest copy marks, also when a copy sits in another folder that comes first (review round 49b, P3)", async () => {
    const dir = tempDir("jixiao-copy-elsewhere-");
    mkdirSync(path.join(dir, "下载"));
    const form = await unitlessProjectWorkbook(path.join(dir, "县残联（盖章版）.xlsx"), "康复救助", 320, 288);
    copyFileSync(form, path.join(dir, "下载", "县残联（盖章版）(1).xlsx"));
    const review = await reviewOf(dir);
    const copy = path.join("下载", "县残联（盖章版）(1).xlsx");
    expect(review.rows.map((row) => [row.unit, row.file])).toEqual([["县残联", "县残联（盖章版）.xlsx"]]);
    expect(notesOf(review)).toEqual([[copy, "duplicate", "县残联（盖章版）.xlsx"]]);
  }, 60_000);

  it("counts a copy in the same folder once, whatever unit its file's name would give (review round 25)", async () => {
    const dir = tempDir("jixiao-same-folder-");
    const form = await unitlessProjectWorkbook(path.join(dir, "县教育局.xlsx"), "学生资助", 320, 288);
    copyFileSync(form, path.join(dir, "XJY-county-education.xlsx"));
    const review = await reviewOf(dir);
    // The one whose name gives a unit is counted (review round 58c; it was the first by path, the one named in letters).
    expect(review.rows.map((row) => [row.unit, row.file])).toEqual([["县教育局", "县教育局.xlsx"]]);
    expect(notesOf(review)).toEqual([["XJY-county-education.xlsx", "duplicate", "县教育局.xlsx"]]);
  }, 60_000);

  // Review round 57d, F1: the copy in 县妇联's folder was counted as 县总工会's, 县总工会's own file was
  // dropped as its duplicate, and nothing said to check.
  it("counts both where one unit handed in another's stamped form, each file's row from its own path, and notes the one handed in as another's", async () => {
    const dir = tempDir("jixiao-stamped-other-");
    mkdirSync(path.join(dir, "县总工会"));
    mkdirSync(path.join(dir, "县妇联"));
    const own = path.join("县总工会", "县总工会（盖章版）.xlsx");
    const stray = path.join("县妇联", "县妇联（盖章版）.xlsx");
    await cleanProjectWorkbook(path.join(dir, own), "困难职工帮扶项目", "县总工会");
    copyFileSync(path.join(dir, own), path.join(dir, stray));
    const review = await reviewOf(dir);
    expect(review.rows.map((row) => [row.unit, row.file])).toEqual([
      ["县总工会", stray],
      ["县总工会", own],
    ]);
    expect(notesOf(review)).toEqual([[stray, "same-content", own]]);
    // On 单位统计 the copy is 县妇联's, which handed it in (session 58: 县总工会 had 2 files, 县妇联 no line).
    expect(review.units.map((unit) => [unit.unit, unit.files, unit.tables])).toEqual([
      ["县妇联", 1, 1],
      ["县总工会", 1, 1],
    ]);
  }, 60_000);
});

describe("--max-size", () => {
  it("lists a workbook that inflates past it as unreadable, with the reader's reason; a bad value is one line, exit 2", async () => {
    const dir = tempDir("jixiao-size-");
    copyFileSync(YUNXI, path.join(dir, "yunxi.xlsx"));
    const small = await run(dir, "--max-size", "0.01", "--json", path.join(dir, "r.json"));
    expect(small.code).toBe(2);
    const review = JSON.parse(readFileSync(path.join(dir, "r.json"), "utf8"));
    expect(review.failures).toEqual([{ file: "yunxi.xlsx", message: expect.stringContaining("--max-size"), kind: "unreadable" }]);
    const bad = await run(dir, "--max-size", "lots");
    expect([bad.code, bad.stderr.trim()]).toEqual([2, "--max-size 应为正数（MB），不是 lots"]);
  }, 60_000);
});

describe("Ctrl+C", () => {
  it("stops the workers, writes nothing and exits 130", async () => {
    const dir = tempDir("jixiao-interrupt-");
    for (let i = 0; i < 30; i++) copyFileSync(YUNXI, path.join(dir, `unit${String(i).padStart(2, "0")}.xlsx`));
    const child = startCli(bin, ["review", dir, "--jobs", "1"]);
    const ended = finished(child);
    let progress = "";
    let interrupted = false;
    child.stdout!.on("data", (chunk: string) => {
      progress += chunk;
      // One Ctrl+C: a second, while the run stops, ends the process as Ctrl+C does by default.
      if (!interrupted && progress.includes("[1/30]")) interrupted = child.kill("SIGINT");
    });
    const { code, stdout: out, stderr: err } = await ended;
    expect(code).toBe(130);
    expect(err).toContain(`已中断：没有写出 ${path.join(dir, "汇总.xlsx")}`);
    expect(out).not.toContain("[30/30]");
    expect(readdirSync(dir).filter((n) => !n.startsWith("unit"))).toEqual([]);
  }, 60_000);
});

describe("hidden sheets in the units' workbooks (review round 16)", () => {
  const dir = tempDir("jixiao-hidden-");
  let result: ProcessResult;

  beforeAll(async () => {
    const withSheets = async (file: string, sheets: { name: string; hidden: boolean; rows: ExcelJS.CellValue[][] }[]) => {
      const wb = new ExcelJS.Workbook();
      for (const s of sheets) wb.addWorksheet(s.name, { state: s.hidden ? "hidden" : "visible" }).addRows(s.rows);
      await wb.xlsx.writeFile(path.join(dir, file));
    };
    await withSheets("县档案馆.xlsx", [
      { name: "2022年", hidden: true, rows: threeIndicatorForm() },
      { name: "自评表", hidden: false, rows: threeIndicatorForm() },
    ]);
    await withSheets("县地志办.xlsx", [
      { name: "填报说明", hidden: false, rows: [["请按模板填写"]] },
      { name: "自评表", hidden: true, rows: threeIndicatorForm() },
    ]);
    result = await run(dir, "--out", path.join(dir, "汇总.xlsx"));
  }, 120_000);

  it("counts no table of a hidden sheet, and names the sheet on the file's line", () => {
    expect(result.stdout).toContain("县档案馆.xlsx：1 张表，错误 0，警告 2（隐藏的工作表或列未检查：2022年）");
  });

  it("says a file whose only form is hidden has it on a hidden sheet, not that its headers are wrong", () => {
    expect(result.stderr).toContain("县地志办.xlsx: 可见的工作表中没有找到预算表或绩效指标表；隐藏的工作表或列未检查：自评表。取消隐藏后重新运行即可检查。");
    expect(result.stderr).not.toContain("请确认表头文字在同一行");
  });
});

describe("what a reviewer reads first (review round 52c)", () => {
  const dir = tempDir("jixiao-attention-");
  let result: ProcessResult;
  let review: Review;
  let sheetNames: string[];

  beforeAll(async () => {
    mkdirSync(path.join(dir, "卫健委"));
    writeFileSync(path.join(dir, "卫健委", "jixiao.json"), JSON.stringify({ name: "卫健方案", grades: "85:优秀,75:良好,60:合格,0:不合格" }));
    await cleanProjectWorkbook(path.join(dir, "卫健委", "县卫健委.xlsx"), "公共卫生服务", "县卫健委");
    copyFileSync(path.join(dir, "卫健委", "县卫健委.xlsx"), path.join(dir, "卫健委", "县卫健委 - 副本.xlsx"));
    await cleanProjectWorkbook(path.join(dir, "01 县教育局.xlsx"), "学生资助", "县教育局");
    copyFileSync(path.join(dir, "01 县教育局.xlsx"), path.join(dir, "01 县教育局.jixiao.xlsx"));
    copyFileSync(YUNXI, path.join(dir, "02 云溪区.xlsx"));
    // A workbook holding a title alone: read, and no form in it.
    const titleOnly = new ExcelJS.Workbook();
    titleOnly.addWorksheet("Sheet1").addRows([["2023年度项目支出绩效自评表"]]);
    await titleOnly.xlsx.writeFile(path.join(dir, "县文化馆.xlsx"));
    const json = path.join(dir, "r.json");
    const out = path.join(dir, "复核.xlsx");
    result = await run(dir, "--out", out, "--json", json);
    review = JSON.parse(readFileSync(json, "utf8")) as Review;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    sheetNames = book.worksheets.map((s) => s.name);
  }, 120_000);

  it("puts 单位统计 right after 汇总, the unit with most errors first (M1), after the one whose file holds no form (57d F4)", () => {
    expect(sheetNames).toEqual(["汇总", "单位统计", "问题明细", "规则统计", "无法读取", "说明"]);
    expect(review.units[0]).toMatchObject({ unit: "县文化馆", files: 1, tables: 0, failures: 0, noTables: 1 });
    const errors = review.units.slice(1).map((u) => u.errors);
    expect(errors[0]).toBeGreaterThan(0);
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    // 汇总's rows keep the files' order.
    expect(review.rows[0].file).toBe("01 县教育局.xlsx");
  });

  it("counts under a folder's profile only the files it counts, not their copies (L1)", () => {
    expect(notesOf(review).filter(([, kind]) => kind === "profile")).toEqual([[path.join("卫健委", "jixiao.json"), "profile", "1"]]);
  });

  it("says on its last line how many files it saw and did not count, and why (L2)", () => {
    const last = result.stdout.trim().split("\n").at(-1);
    expect(last).toMatch(/^已写出 .*：4 个文件，4 个单位，\d+ 张表；错误 \d+，警告 \d+；0 个文件无法读取，1 个未找到表；另有 2 个文件未计入（副本 1、评分副本 1，见“说明”）$/);
  });

  it("tells a workbook without forms from one that cannot be read (L3)", () => {
    expect(review.failures.map((f) => [f.file, f.kind])).toEqual([["县文化馆.xlsx", "no-tables"]]);
  });

  it("keeps a whole department's 部门整体 in the JSON in English too (L4)", async () => {
    const json = path.join(dir, "en.json");
    await run(dir, "--out", path.join(dir, "en.xlsx"), "--json", json, "--lang", "en");
    const english = JSON.parse(readFileSync(json, "utf8")) as Review;
    expect(english.rows.filter((r) => r.file === "02 云溪区.xlsx").map((r) => r.project)).toEqual(review.rows.filter((r) => r.file === "02 云溪区.xlsx").map((r) => r.project));
    expect(english.rows.some((r) => r.project === "部门整体")).toBe(true);
  }, 60_000);
});
