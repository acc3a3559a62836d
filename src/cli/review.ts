/**
 * `jixiao review <folder> --out 汇总.xlsx [--json FILE] [--profile FILE]`: the finance bureau's
 * review of every unit workbook under a folder, in one workbook (src/xlsx/review-workbook.ts).
 *
 * - Files are reviewed in worker threads, one per core; only the review's rows come back, so
 *   memory grows with the rows and findings, not with the workbooks.
 * - The profile is --profile for every file, or else each folder's jixiao.json (the nearest one
 *   up to the reviewed folder), or else the default.
 * - A progress bar on a terminal, a line per file otherwise. Ctrl+C stops the workers and writes
 *   nothing; the outputs are written whole (a temporary file beside them, renamed when complete).
 */
import { Command } from "commander";
import { createHash } from "crypto";
import { Dirent, createReadStream, promises as fs } from "fs";
import { availableParallelism } from "os";
import * as path from "path";
import { isWorkbookName, otherSpreadsheetMessage } from "../core/file-kinds";
import { FOLDER_PROFILE } from "../core/profile";
import { Bilingual, BilingualError, counted, type Lang } from "../core/messages";
import { REVIEW_SCHEMA, Review, ReviewTally, contentOrder, damagedPartsNote, foldersLeftUnreviewed, profilesInUse, reviewCounts, reviewFileOrder, reviewNote, reviewedFiles } from "../core/review";
import { isReviewWorkbook, reviewScope } from "../core/review-layout";
import { forBureau } from "../core/read-advice";
import { readXlsx } from "../xlsx/read";
import { reviewWorkbookBytes } from "../xlsx/review-workbook";
import { fileKey, realFolderPath, realPath, writeWhole } from "./files";
import { EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_UNREADABLE } from "./exit-codes";
import { DEFAULT_MAX_MEMORY_MB, langOption, maxSizeLimits, wholeNumber } from "./options";
import { FolderProfile, folderProfiles, readProfileFile } from "./profile-file";
import { ReviewOutcome, ReviewTask } from "./review-file";
import { runPool } from "./review-pool";
import { systemReason } from "./score-file";

export const DEFAULT_REVIEW_NAME = "汇总.xlsx";
const WORKER_SCRIPT = path.join(__dirname, "review-worker.js");

/** A wrong folder or option, or an output that cannot be written: one line, exit 2. */
export class ReviewError extends BilingualError {}

export interface ReviewOptions {
  out?: string;
  json?: string;
  profile?: string;
  lang: Lang;
  /** Worker threads (default: one per core). */
  jobs?: number;
  maxMemory?: number;
  /** --max-size: megabytes a workbook may inflate to, per part and in all. */
  maxSize?: string;
}

export interface ReviewIo {
  log(line: string): void;
  error(line: string): void;
  /** A terminal to draw the progress bar on; without one, each file gets a line. */
  terminal?: { write(text: string): void; columns: number };
}

/** A folder under the reviewed one that could not be read, and why (readReason). */
export interface UnreadFolder {
  folder: string;
  why: Bilingual;
}

/**
 * The workbooks under `folder`, as paths relative to it, the scored copies passed over (core
 * reviewedFiles), and the folders below it that could not be read (review round 56 H3: a Mac
 * stick's .Spotlight-V100 or .Trashes, root's alone, failed the whole review): each named, the walk
 * goes on. The folder itself unread is the review's error. `skip`: the review's own outputs;
 * `readdir`: fs.promises.readdir, or a test's.
 */
export async function workbooksUnder(
  folder: string,
  skip: Set<string>,
  readdir: (folder: string) => Promise<Dirent[]> = (at) => fs.readdir(at, { withFileTypes: true }),
): Promise<{ found: string[]; copies: string[]; hidden: string[]; unread: UnreadFolder[] }> {
  const paths: string[] = [];
  const unread: UnreadFolder[] = [];
  const walk = async (relative: string) => {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(folder, relative));
    } catch (error) {
      const why = systemReason(error, true);
      if (relative === "") throw new ReviewError(`${folder}: 无法读取文件夹（${why.zh}）`, `${folder}: the folder cannot be read (${why.en})`);
      unread.push({ folder: relative, why });
      return;
    }
    for (const entry of entries) {
      const name = path.join(relative, entry.name);
      // Hidden folders (.备份) are walked too: their workbooks are not reviewed, but named.
      if (entry.isDirectory()) await walk(name);
      else paths.push(name);
    }
  };
  await walk("");
  const { found, copies, hidden } = reviewedFiles(paths);
  unread.sort((a, b) => reviewFileOrder(a.folder, b.folder));
  return { found: found.filter((name) => !skip.has(path.resolve(folder, name))), copies, hidden, unread };
}

/**
 * An output that names a file under the reviewed folder (a unit's workbook, its report in .docx or
 * .pdf), or is one of the workbooks reviewed (`inputKeys`, see fileKey: through a link too), would
 * replace a unit's work: refused before anything is read, unless it is a review jixiao wrote there
 * before, its workbook or its JSON (a rerun replaces it). `option`: the option that named it, null
 * for the default 汇总.xlsx.
 */
async function refuseOverUnitWorkbook(folder: string, output: string, option: string | null, inputKeys: Set<string>): Promise<void> {
  // Real paths: the folder or the output may be named through a link.
  const relative = path.relative(await realPath(folder), await realFolderPath(output));
  const inFolder = !relative.startsWith("..") && !path.isAbsolute(relative);
  if (!inFolder && !inputKeys.has(await fileKey(output))) return;
  try {
    if (!(await fs.stat(output)).isFile()) return;
  } catch {
    return; // not there yet
  }
  if (await isEarlierReview(output)) return;
  const workbook = isWorkbookName(path.basename(output));
  throw option === null
    ? new ReviewError(
        `${output}: 文件夹中已有这个工作簿，它不是 jixiao 的复核汇总，复核不会覆盖它；请用 --out 为汇总另指一个文件`,
        `${output}: the folder holds this workbook, which is no review jixiao wrote, and the review does not replace it; name the review's file with --out`,
      )
    : new ReviewError(
        `${output}: 这是所复核文件夹中的${workbook ? "工作簿" : "文件"}，${option} 会覆盖它（输入文件不会被修改）；请用 ${option} 另指一个文件`,
        `${output}: a ${workbook ? "workbook" : "file"} in the reviewed folder, which ${option} would replace (inputs are never changed); name another file with ${option}`,
      );
}

/** Whether a file is a review jixiao wrote: its workbook (isReviewWorkbook) or its JSON (jixiao-review/1). */
async function isEarlierReview(file: string): Promise<boolean> {
  try {
    if (isWorkbookName(path.basename(file))) return isReviewWorkbook((await readXlsx(file)).grid);
    const json = JSON.parse(await fs.readFile(file, "utf8")) as { schema?: unknown } | null;
    return json?.schema === REVIEW_SCHEMA;
  } catch {
    return false; // unreadable: a unit's file all the same
  }
}

/** Writes an output whole (src/cli/files.ts), or ends the run with one clear line. */
async function writeOutput(file: string, data: Uint8Array | string): Promise<void> {
  try {
    await writeWhole(file, data);
  } catch (error) {
    const why = systemReason(error);
    throw new ReviewError(`${file}: 无法写出（${why.zh}）`, `${file}: cannot be written (${why.en})`);
  }
}

const text = (lang: Lang, zh: string, en: string) => (lang === "en" ? en : zh);

/** The errors and warnings of a review's rows, added up. */
function findingTotals(rows: Review["rows"]): { errors: number; warnings: number } {
  return { errors: rows.reduce((n, r) => n + r.errors, 0), warnings: rows.reduce((n, r) => n + r.warnings, 0) };
}

/** A file's outcome as the progress tells it: a reviewed file identical to an earlier one is that one's duplicate. */
type ShownOutcome = ReviewOutcome | { duplicateOf: string };

/** What became of one file, in one line. */
function outcomeLine(name: string, outcome: ShownOutcome, lang: Lang): string {
  // As the review's failures say it, to the bureau (core forBureau, review round 57d F5).
  if ("failure" in outcome) return forBureau(outcome.failure[lang], lang);
  if ("skipped" in outcome) return outcome.skipped[lang];
  if ("duplicateOf" in outcome) return `${name}${text(lang, "：", ": ")}${reviewNote(name, "duplicate", outcome.duplicateOf, lang).message}`;
  const rows = outcome.review.rows;
  const { errors, warnings } = findingTotals(rows);
  const hidden = outcome.review.hiddenSheets;
  const zhHidden = hidden.length > 0 ? `（隐藏的工作表或列未检查：${hidden.join("、")}）` : "";
  const enHidden = hidden.length > 0 ? ` (hidden sheets or columns, not checked: ${hidden.join(", ")})` : "";
  // What a damaged file's reader passed over, in its note's words.
  const damaged = damagedPartsNote(name, outcome.review, lang)?.message;
  return text(
    lang,
    `${name}：${rows.length} 张表，错误 ${errors}，警告 ${warnings}${zhHidden}${damaged ? `（${damaged}）` : ""}`,
    `${name}: ${counted(rows.length, "table")}, ${counted(errors, "error")}, ${counted(warnings, "warning")}${enHidden}${damaged ? ` (${damaged})` : ""}`,
  );
}

/** The progress bar on a terminal, or a line per file. */
export function progressReporter(io: ReviewIo, total: number, lang: Lang) {
  let done = 0;
  let failed = 0;
  const started = Date.now();
  return {
    file(name: string, outcome: ShownOutcome) {
      done++;
      if ("failure" in outcome) failed++;
      const terminal = io.terminal;
      if (!terminal) {
        io.log(`[${done}/${total}] ${outcomeLine(name, outcome, lang)}`);
        return;
      }
      const seconds = Math.round((Date.now() - started) / 1000);
      const label = text(lang, ` ${done}/${total} 个文件，${failed} 个无法读取，${seconds} 秒`, ` ${done}/${total} files, ${failed} unreadable, ${seconds} s`);
      const width = Math.max(10, Math.min(40, terminal.columns - label.length * 2 - 4));
      const filled = Math.round((width * done) / total);
      terminal.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}]${label}\u001b[K`);
      if (done === total) terminal.write("\n");
    },
    interrupted() {
      if (io.terminal && done < total) io.terminal.write("\n");
    },
  };
}

/**
 * Each workbook's bytes' SHA-256, which tells a file handed in twice under two names, read before
 * the review so that of identical files the one with the fewest copy marks is counted (core
 * contentOrder). None for a file its worker refuses unread or cannot read either: it says why.
 */
async function contentDigests(folder: string, names: string[]): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  for (const name of names) {
    if (otherSpreadsheetMessage(name)) continue;
    try {
      const hash = createHash("sha256");
      for await (const chunk of createReadStream(path.join(folder, name))) hash.update(chunk as Buffer);
      digests.set(name, hash.digest("hex"));
    } catch {
      // its worker reports the file
    }
  }
  return digests;
}

/** Reviews every workbook under `folder`; resolves to the exit code. */
export async function runReview(folder: string, options: ReviewOptions, io: ReviewIo, signal: AbortSignal): Promise<number> {
  const lang = options.lang;
  let isFolder = false;
  try {
    isFolder = (await fs.stat(folder)).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) throw new ReviewError(`${folder}: 不是文件夹（review 复核一个文件夹中的全部工作簿）`, `${folder}: not a folder (review takes a folder of workbooks)`);
  const out = options.out ?? path.join(folder, DEFAULT_REVIEW_NAME);
  const outputs = [out, ...(options.json ? [options.json] : [])].map((p) => path.resolve(p));
  const { found: names, copies, hidden, unread } = await workbooksUnder(folder, new Set(outputs));
  // Files, not names: an output through a link to a unit's workbook would replace it too.
  const inputKeys = new Set(await Promise.all(names.map((name) => fileKey(path.join(folder, name)))));
  await refuseOverUnitWorkbook(folder, out, options.out === undefined ? null : "--out", inputKeys);
  if (options.json) await refuseOverUnitWorkbook(folder, options.json, "--json", inputKeys);
  const tally = new ReviewTally(lang);
  for (const copy of copies) tally.note(copy, "scored-copy");
  if (copies.length > 0) {
    io.log(text(lang, `跳过 jixiao 评分后的副本（原工作簿也在复核之列）：${copies.join("、")}`, `Skipped jixiao's scored copies (their workbooks are reviewed): ${copies.join(", ")}`));
  }
  for (const file of hidden) tally.note(file, "hidden-file");
  if (hidden.length > 0) {
    io.log(text(lang, `跳过隐藏文件（文件名或所在文件夹名以“.”开头）：${hidden.join("、")}`, `Skipped hidden files (their names or folders' start with "."): ${hidden.join(", ")}`));
  }
  for (const { folder: name, why } of unread) {
    tally.note(name, "unread-folder", why[lang]);
    io.error(unreadFolderLine(name, why, lang));
  }
  const unreadVisible = foldersLeftUnreviewed(unread);
  if (names.length === 0) throw new ReviewError(`${folder}: 文件夹中没有 .xlsx 文件`, `${folder}: the folder holds no .xlsx file`);

  const limits = maxSizeLimits(options.maxSize);
  const fixed = options.profile ? await readProfileFile(options.profile) : null;
  const profileOf = folderProfiles(folder);
  // The profiles first: a bad one stops the run before any workbook is read.
  const profiles = new Map<string, FolderProfile>();
  for (const name of names) profiles.set(name, fixed ? { profile: fixed, source: null } : await profileOf(path.dirname(path.join(folder, name))));
  const digests = await contentDigests(folder, names);
  const ordered = contentOrder(names, (file) => file, (file) => digests.get(file));
  const tasks: ReviewTask[] = ordered.map((name) => ({ name, path: path.join(folder, name), profile: profiles.get(name)!.profile, lang, limits }));
  const sources = profilesInUse(ordered.map((name) => profiles.get(name)!.source));
  if (sources.size > 0) io.log(text(lang, `使用各文件夹的评分方案：${[...sources.keys()].join("、")}`, `Folder profiles in use: ${[...sources.keys()].join(", ")}`));
  // Each noted with the files it scored that the review counts, once the copies are told (core ReviewTally.profiles).
  tally.profiles((name) => {
    const source = profiles.get(name)?.source;
    return source ? path.relative(folder, source) : null;
  });

  const progress = progressReporter(io, tasks.length, lang);
  await runPool<ReviewTask, ReviewOutcome>(
    tasks,
    {
      script: WORKER_SCRIPT,
      size: options.jobs ?? availableParallelism(),
      maxOldGenerationSizeMb: options.maxMemory ?? DEFAULT_MAX_MEMORY_MB,
      lost: (task, reason) => ({
        failure:
          reason === "out-of-memory"
            ? { zh: `${task.name}: 读取此文件所需内存超过上限，已跳过（可用 --max-memory 提高上限）`, en: `${task.name}: reading this file needs more memory than the limit; skipped (raise it with --max-memory)` }
            : { zh: `${task.name}: 处理时意外中止（${reason}）`, en: `${task.name}: processing stopped unexpectedly (${reason})` },
      }),
    },
    (outcome, index) => {
      const name = tasks[index].name;
      if ("failure" in outcome) tally.fail(name, outcome.failure[lang], outcome.noTables ? "no-tables" : "unreadable");
      else if ("skipped" in outcome) tally.note(name, "earlier-review");
      else {
        const digest = digests.get(name);
        // Read by its worker though not before (it changed meanwhile): counted.
        if (digest === undefined) tally.add(outcome.review);
        else {
          const duplicateOf = tally.addReviewed(outcome.review, digest);
          if (duplicateOf !== null) return progress.file(name, { duplicateOf });
        }
      }
      progress.file(name, outcome);
    },
    signal,
  );
  if (signal.aborted) {
    progress.interrupted();
    io.error(text(lang, `已中断：没有写出 ${out}`, `Interrupted: ${out} was not written`));
    return EXIT_INTERRUPTED;
  }

  const review = tally.review();
  // The printed pages name the folder, the day and the profiles (review round 51d M6).
  const scope = reviewScope([path.basename(path.resolve(folder))], ordered.map((name) => profiles.get(name)!.profile.name), new Date(), lang);
  await writeOutput(out, reviewWorkbookBytes(review, lang, scope));
  if (options.json) await writeOutput(options.json, JSON.stringify(review, null, 2) + "\n");
  printSummary(io, review, out, lang);
  // A folder not read may hold workbooks: the review is as incomplete as with a file not read, and
  // its last lines say why, as they name the files not read.
  for (const { folder: name, why } of unreadVisible) io.error(unreadFolderLine(name, why, lang));
  if (review.failures.length > 0 || unreadVisible.length > 0) return EXIT_UNREADABLE;
  return review.rows.some((r) => r.errors > 0) ? EXIT_FINDINGS : EXIT_OK;
}

function unreadFolderLine(name: string, why: Bilingual, lang: Lang): string {
  return text(lang, `无法读取文件夹 ${name}（${why.zh}），其中的文件未复核`, `Could not read the folder ${name} (${why.en}); its files are not reviewed`);
}

/** The last lines: what was written, with the review's counts as 汇总's legend says them (core reviewCounts), then each unreadable file. */
function printSummary(io: ReviewIo, review: Review, out: string, lang: Lang): void {
  io.log(text(lang, `已写出 ${out}：`, `Written ${out}: `) + reviewCounts(review, lang));
  for (const failure of review.failures) io.error(failure.message);
}

/**
 * Adds `review` to the program. `done` hears the exit code; Ctrl+C (SIGINT) aborts the run.
 */
export function addReviewCommand(program: Command, io: ReviewIo, done: (code: number) => void): void {
  program
    .command("review")
    .description("review every workbook under a folder into one 汇总 workbook (for a finance bureau)")
    .argument("<folder>", "folder of unit workbooks (subfolders too)")
    .option("--out <file>", `the review workbook; default <folder>/${DEFAULT_REVIEW_NAME}`)
    .option("--json <file>", "also write the review as JSON (jixiao-review/1)")
    .option("--profile <file>", `scoring profile JSON for every file (else each folder's ${FOLDER_PROFILE})`)
    .option("--lang <lang>", "message language: zh or en", langOption, "zh")
    .option("--jobs <n>", "worker threads (default: one per core)", wholeNumber(1))
    .option("--max-memory <MB>", `memory limit of each worker (default ${DEFAULT_MAX_MEMORY_MB})`, wholeNumber(16))
    .option("--max-size <MB>", "the most a workbook may inflate to, per part and in all (default 200)")
    .action(async (folder: string, opts: ReviewOptions) => {
      const lang = opts.lang;
      const controller = new AbortController();
      const interrupt = () => controller.abort();
      process.once("SIGINT", interrupt);
      try {
        done(await runReview(folder, { ...opts, lang }, io, controller.signal));
      } catch (error) {
        if (!(error instanceof BilingualError)) throw error;
        io.error(error.textIn(lang));
        done(EXIT_UNREADABLE);
      } finally {
        process.removeListener("SIGINT", interrupt);
      }
    });
}
