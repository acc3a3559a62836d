/**
 * `jixiao score <input.xlsx | folder>`: reads, validates, scores and writes a scored copy.
 * Exit 0: no error findings; 1: error findings; 2: an input could not be read, holds no
 * recognisable table, or the options are wrong.
 */
import { Command, CommanderError } from "commander";
import { promises as fs } from "fs";
import { availableParallelism } from "os";
import * as path from "path";
import { SCORE_OUT_FOLDER, isScoredCopyName, isWorkbookName, scoredCopyName } from "../core/file-kinds";
import { Bilingual, BilingualError, SEVERITY_LABEL, counted, type Lang } from "../core/messages";
import { Profile, ProfileError, parseGrades } from "../core/profile";
import { severityCounts } from "../core/result";
import { WorkbookReadError } from "../xlsx/read";
import { fileKey, noteOutputFolder, removingTemporariesOnSignal, writeWhole } from "./files";
import { FileOutcome, ScoreJob, overInputFailure, scoreFile, systemReason } from "./score-file";
import { Output, terminalOutput } from "./terminal";
import { WorkerResult, runInWorkers } from "./workers";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE } from "./exit-codes";
import { DEFAULT_MAX_MEMORY_MB, langOption, maxSizeLimits, wholeNumber } from "./options";
import { argumentsLang, parseErrorIn } from "./parse-errors";
import { folderProfiles, readProfileFile } from "./profile-file";
import { addReviewCommand } from "./review";
import { addCleanCommand } from "./clean";
import { ReadLimits } from "../xlsx/package";
import { droppedEntriesLine, droppedMergesLine } from "../core/damage-notes";

/** A problem with the options or an output path: one line, exit 2. */
class CliError extends BilingualError {}

/** The compiled worker beside this module (dist-cli/cli). */
const SCORE_WORKER = path.join(__dirname, "score-worker.js");

export interface ScoreOptions {
  out?: string;
  json?: string;
  profile?: string;
  grades?: string;
  /** --max-size: megabytes a workbook may inflate to, per part and in all. */
  maxSize?: string;
  lang: Lang;
  /** Folder mode: files scored at once (default: one per core). */
  jobs?: number;
  /** Folder mode: heap limit of each file's worker, in MB. */
  maxMemory?: number;
}

/**
 * --profile, else the jixiao.json of the folder scored or beside the file scored (as `review` takes
 * it: one file scores alike alone and in a review of its folder), named on the console; then
 * --grades over it.
 */
async function loadProfile(input: string, isFolder: boolean, options: ScoreOptions, out: Output): Promise<Profile> {
  let profile: Profile;
  if (options.profile) profile = await readProfileFile(options.profile);
  else {
    const folder = isFolder ? input : path.dirname(input);
    const found = await folderProfiles(folder)(folder);
    if (found.source) out.log(options.lang === "en" ? `Scoring profile: ${found.source}` : `评分方案：${found.source}`);
    profile = found.profile;
  }
  // An empty --grades is a mistake (an unset variable in a script), not "no change".
  if (options.grades !== undefined) profile = { ...profile, grades: parseGrades(options.grades, "--grades") };
  return profile;
}

function defaultOutput(input: string): string {
  return path.join(path.dirname(input), scoredCopyName(path.basename(input)));
}

const SHOWN_FINDINGS = 10;

/** One file's outcome on the console; `json` is whether a JSON report is written, which the findings not printed are then in too. */
function printOutcome(out: Output, outcome: FileOutcome, lang: Lang, json: boolean): void {
  if (outcome.failure) {
    out.error(outcome.failure[lang]);
    return;
  }
  if (outcome.skipped) {
    out.log(outcome.skipped[lang]);
    return;
  }
  const report = outcome.report!;
  const zh = lang === "zh";
  out.log(`${outcome.input}`);
  const budgets = report.tables.filter((t) => t.kind === "budget").length;
  const indicators = report.tables.length - budgets;
  // Headers with nothing under them are no forms: said once, where they are.
  const empty = report.emptyTables ?? [];
  const emptyNote =
    empty.length === 0
      ? ""
      : zh
        ? `；另有 ${empty.length} 张只有表头的空表未计入：${empty.join("、")}`
        : `; ${counted(empty.length, "table")} with a header and no rows not counted: ${empty.join(", ")}`;
  out.log(
    zh
      ? `  识别到 ${budgets} 张预算表、${indicators} 张指标表${emptyNote}`
      : `  Found ${counted(budgets, "budget table")} and ${counted(indicators, "indicator table")}${emptyNote}`,
  );
  // A damaged file's merges that overlap others are not read (Excel repairs them away on opening).
  if (report.droppedMerges) out.log(`  ${droppedMergesLine(report.droppedMerges, lang)}`);
  // Zip entries that are no parts (../../evil.txt): not read, and left out of the copy.
  if (report.droppedEntries) out.log(`  ${droppedEntriesLine(report.droppedEntries, lang)}`);
  if (report.hiddenSheets.length > 0) {
    const names = report.hiddenSheets.join(zh ? "、" : ", ");
    out.log(zh ? `  隐藏的工作表或列未检查：${names}` : `  Hidden sheets or columns, not checked: ${names}`);
  }
  // The honest headlines (src/core/headline.ts): no grade where the total cannot carry one, and why.
  const heads = outcome.headlines!;
  report.totals.forEach((total, i) => {
    // As its cell shows it (表中填 76.67), as the findings quote it.
    const shown = outcome.recordedTotals?.[i] ?? total.recordedScore;
    const recorded = shown === null ? "" : zh ? `（表中填 ${shown}）` : ` (recorded ${shown})`;
    const head = heads[i];
    const reason = head.reason ? (zh ? `（${head.reason}）` : ` (${head.reason})`) : "";
    // Forms sharing a sheet are told apart by their project.
    const where = head.table === null ? total.sheet : `${total.sheet} · ${head.table}`;
    // A form that scores nothing says so alone: no 综合得分 — or 等次 — for what it has not (review 57b, L3).
    if (total.unscored) out.log(`  ${where}${zh ? "：" : ": "}${head.reason}`);
    else out.log(zh ? `  ${where}：综合得分 ${head.score ?? "—"}${recorded}，等次 ${head.grade ?? "—"}${reason}` : `  ${where}: total ${head.score ?? "-"}${recorded}, grade ${head.grade ?? "-"}${reason}`);
  });
  if (outcome.keptSummary) {
    out.log(
      zh
        ? `  ${outcome.keptSummary.kept} 已被改动，保留原表；新的汇总写在 ${outcome.keptSummary.written}`
        : `  ${outcome.keptSummary.kept} was edited and is kept; the new summary is in ${outcome.keptSummary.written}`,
    );
  }
  const counts = severityCounts(report.findings);
  const label = SEVERITY_LABEL[lang];
  // A formula's new result in the copy is no blank cell filled in: told apart, when there is one.
  const { filled, formulaResults } = outcome.writeCounts!;
  const updated = formulaResults === 0 ? "" : zh ? `，更新 ${formulaResults} 个公式的计算结果` : `, ${counted(formulaResults, "formula result")} updated`;
  out.log(
    zh
      ? `  问题：${label.error} ${counts.error}，${label.warning} ${counts.warning}，${label.info} ${counts.info}；填入 ${filled} 个空单元格${updated}`
      : `  Findings: ${counted(counts.error, "error")}, ${counted(counts.warning, "warning")}, ${counts.info} info; ${counted(filled, "blank cell")} filled${updated}`,
  );
  for (const f of report.findings.slice(0, SHOWN_FINDINGS)) {
    out.log(`  [${label[f.severity]}] ${f.sheet}!${f.cell} ${f.rule}: ${f.message}`);
  }
  if (report.findings.length > SHOWN_FINDINGS) {
    // Where the rest are: the summary sheet written (综合得分(2) beside a 综合得分 of the user's), and the JSON report if one is.
    const rest = report.findings.length - SHOWN_FINDINGS;
    const sheet = report.summary.sheet;
    out.log(zh ? `  ……另有 ${rest} 条，见 ${json ? "JSON 报告或 " : ""}${sheet} 表` : `  … ${rest} more: see ${json ? "the JSON report or " : ""}the ${sheet} sheet`);
  }
  for (const f of outcome.ignored ?? []) {
    out.log(zh ? `  [已忽略] ${f.sheet}!${f.cell} ${f.rule}：${f.reason}` : `  [ignored] ${f.sheet}!${f.cell} ${f.rule}: ${f.reason}`);
  }
  if (outcome.output) out.log(zh ? `  已写出：${outcome.output}` : `  Written: ${outcome.output}`);
}

function exitCodeOf(outcomes: FileOutcome[]): number {
  if (outcomes.some((o) => o.failure)) return EXIT_UNREADABLE;
  if (outcomes.some((o) => o.report?.findings.some((f) => f.severity === "error"))) return EXIT_FINDINGS;
  return EXIT_OK;
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

export async function runScore(input: string, options: ScoreOptions, out: Output): Promise<number> {
  const isFolder = await isDirectory(input);
  const profile = await loadProfile(input, isFolder, options, out);
  const limits = maxSizeLimits(options.maxSize);
  if (isFolder) return scoreFolder(input, options, profile, limits, out);
  const output = options.out ?? defaultOutput(input);
  if (options.json) {
    await refuseJsonOver(options.json, [input], THE_INPUT);
    await refuseJsonOver(options.json, [output], { zh: "评分后的工作簿", en: "the scored workbook" });
  }
  // One file is scored on this thread: the reader's own bounds keep it within time and memory.
  const outcome = await scoreFile(input, output, profile, options.lang, limits);
  printOutcome(out, outcome, options.lang, options.json !== undefined);
  if (options.json && outcome.report) await writeJson(options.json, outcome.report);
  return exitCodeOf([outcome]);
}

/**
 * The folders in `folder` that hold workbooks (at any depth), but for hidden ones and where the
 * copies go: `score` takes the folder's own workbooks only, and says which folders it left.
 */
async function foldersWithWorkbooks(folder: string, outFolder: string): Promise<string[]> {
  const holdsWorkbooks = async (dir: string): Promise<boolean> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    if (entries.some((entry) => !entry.isDirectory() && isWorkbookName(entry.name))) return true;
    for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith(".") && (await holdsWorkbooks(path.join(dir, entry.name)))) return true;
    return false;
  };
  const found: string[] = [];
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    const dir = path.join(folder, entry.name);
    if (!entry.isDirectory() || entry.name.startsWith(".") || entry.name === SCORE_OUT_FOLDER || path.resolve(dir) === path.resolve(outFolder)) continue;
    if (await holdsWorkbooks(dir)) found.push(entry.name);
  }
  return found.sort();
}

/** The folder's workbooks and where each one's copy goes. */
async function folderJobs(folder: string, outFolder: string, out: Output, lang: Lang): Promise<{ input: string; output: string }[]> {
  const workbooks = (await fs.readdir(folder)).filter(isWorkbookName).sort();
  const left = await foldersWithWorkbooks(folder, outFolder);
  if (left.length > 0) {
    out.log(
      lang === "en"
        ? `Folders not entered (score takes this folder's own workbooks; jixiao review takes a whole tree): ${left.join(", ")}`
        : `未进入的子文件夹（score 只处理本文件夹中的工作簿；整个文件夹树请用 jixiao review 复核）：${left.join("、")}`,
    );
  }
  const earlier = workbooks.filter(isScoredCopyName);
  if (earlier.length > 0) {
    out.log(lang === "en" ? `Skipped jixiao's earlier outputs: ${earlier.join(", ")}` : `跳过 jixiao 已评分的文件：${earlier.join("、")}`);
  }
  // a.xlsx and a.xlsm (or A.xlsx and a.xlsx) would both give a.jixiao.xlsx: the second keeps its extension.
  const taken = new Set<string>();
  return workbooks
    .filter((n) => !isScoredCopyName(n))
    .map((name) => {
      let output = path.join(outFolder, scoredCopyName(name));
      if (taken.has(output.toLowerCase())) output = path.join(outFolder, scoredCopyName(name, true));
      taken.add(output.toLowerCase());
      return { input: path.join(folder, name), output };
    });
}

/**
 * Scores every workbook of a folder, each in its own worker under a heap limit, one per core;
 * outcomes are printed in the files' order, and the combined report is written whatever
 * became of each file.
 */
async function scoreFolder(folder: string, options: ScoreOptions, profile: Profile, limits: Partial<ReadLimits>, out: Output): Promise<number> {
  const { lang } = options;
  const outFolder = options.out ?? path.join(folder, SCORE_OUT_FOLDER);
  const files = await folderJobs(folder, outFolder, out, lang);
  // The workers write the copies there: an interrupted run's temporaries are looked for there.
  noteOutputFolder(outFolder);
  if (files.length === 0) {
    out.error(lang === "en" ? `${folder}: the folder holds no .xlsx file` : `${folder}: 文件夹中没有 .xlsx 文件`);
    if (options.json) await writeJson(options.json, batchReport(folder, [], lang));
    return EXIT_UNREADABLE;
  }
  if (options.json) {
    await refuseJsonOver(options.json, files.map((f) => f.input), THE_INPUT);
    await refuseJsonOver(options.json, files.map((f) => f.output), { zh: "评分后的工作簿", en: "a scored workbook" });
  }
  // A copy whose name is a link to any input of the folder (not only its own) would replace it.
  const inputKeys = new Set(await Promise.all(files.map((f) => fileKey(f.input))));
  const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
  let printed = 0;
  const settle = (index: number, outcome: FileOutcome) => {
    outcomes[index] = outcome;
    for (; printed < files.length && outcomes[printed]; printed++) printOutcome(out, outcomes[printed]!, lang, options.json !== undefined);
  };
  const jobs: { index: number; job: ScoreJob }[] = [];
  for (const [index, { input, output }] of files.entries()) {
    if (inputKeys.has(await fileKey(output))) settle(index, { input, failure: overInputFailure(input, output) });
    else jobs.push({ index, job: { input, output, profile, lang, limits } });
  }
  const maxMemory = options.maxMemory ?? DEFAULT_MAX_MEMORY_MB;
  await runInWorkers<ScoreJob, FileOutcome>(
    SCORE_WORKER,
    jobs.map((j) => j.job),
    { parallel: options.jobs ?? availableParallelism(), maxOldGenerationSizeMb: maxMemory },
    (result, i) => settle(jobs[i].index, workerOutcome(jobs[i].job.input, result, maxMemory)),
  );
  const done = outcomes as FileOutcome[];
  if (options.json) await writeJson(options.json, batchReport(folder, done, lang));
  return exitCodeOf(done);
}

/** A worker's result as the file's outcome: a worker that ran out of memory or crashed is this file's failure. */
function workerOutcome(input: string, result: WorkerResult<FileOutcome>, maxMemory: number): FileOutcome {
  switch (result.kind) {
    case "done":
      return result.value;
    case "out-of-memory":
      return {
        input,
        failure: new WorkbookReadError(
          input,
          `处理此文件所需内存超过上限 ${maxMemory} MB，已跳过（可用 --max-memory 提高上限）`,
          `scoring this file needs more than the ${maxMemory} MB memory limit; skipped (raise it with --max-memory)`,
        ).text,
      };
    case "crashed":
      return {
        input,
        failure: new WorkbookReadError(input, `处理此文件时出错（${result.reason}），已跳过；请反馈此问题`, `scoring this file failed (${result.reason}); skipped; please report it`).text,
      };
  }
}

function batchReport(folder: string, outcomes: FileOutcome[], lang: Lang) {
  return {
    schema: "jixiao-batch/1",
    input: folder,
    reports: outcomes.filter((o) => o.report).map((o) => o.report),
    failures: outcomes.filter((o) => o.failure).map((o) => ({ input: o.input, message: o.failure![lang] })),
    skipped: outcomes.filter((o) => o.skipped).map((o) => ({ input: o.input, message: o.skipped![lang] })),
  };
}

const THE_INPUT: Bilingual = { zh: "输入文件", en: "the input" };

/** --json must not name a workbook: it would be replaced by the report. */
async function refuseJsonOver(json: string, workbooks: string[], what: Bilingual): Promise<void> {
  const jsonKey = await fileKey(json);
  for (const workbook of workbooks) {
    if ((await fileKey(workbook)) === jsonKey) {
      throw new CliError(`${json}: --json 不能写到${what.zh}上（JSON 报告会覆盖工作簿 ${workbook}）`, `${json}: --json cannot name ${what.en} (the report would replace the workbook ${workbook})`);
    }
  }
}

/** The JSON report is written whole, or the run ends with one clear line (exit 2). */
async function writeJson(file: string, data: unknown): Promise<void> {
  try {
    await writeWhole(file, JSON.stringify(data, null, 2) + "\n");
  } catch (error) {
    const why = systemReason(error);
    throw new CliError(`${file}: 无法写出 JSON 报告（${why.zh}）`, `${file}: cannot write the JSON report (${why.en})`);
  }
}

const CONSOLE: Output = { log: console.log, error: console.error };

export async function main(argv: string[], output: Output = CONSOLE): Promise<number> {
  // Every printed line is cleaned of control characters: names and file names come from the input.
  const out = terminalOutput(output);
  let code = EXIT_OK;
  let lang: Lang = "zh";
  const parserLang = argumentsLang(argv.slice(2));
  const program = new Command()
    .name("jixiao")
    .description("绩效自评助手：识别、校验、计分并写回预算绩效自评表")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => s.trimEnd().split("\n").forEach((line) => out.log(line)),
      writeErr: (s) => s.trimEnd().split("\n").forEach((line) => out.error(line)),
      outputError: (s, write) => write(parseErrorIn(s, parserLang)),
    });
  program
    .command("score")
    .description("score an .xlsx workbook, or every .xlsx in a folder")
    .argument("<input>", "input .xlsx file or folder")
    .option("--out <path>", "output .xlsx (or folder for a folder input); default <name>.jixiao.xlsx")
    .option("--json <file>", "write the jixiao-report/1 JSON report")
    .option("--profile <file>", "scoring profile JSON (else the jixiao.json beside the file, or in the folder, scored)")
    .option("--grades <spec>", 'grade bands, e.g. "85:优秀,75:良好,60:一般,0:较差"')
    .option("--lang <lang>", "message language: zh or en", langOption, "zh")
    .option("--jobs <n>", "folder: files scored at once (default: one per core)", wholeNumber(1))
    .option("--max-memory <MB>", `folder: memory limit of each file's worker (default ${DEFAULT_MAX_MEMORY_MB})`, wholeNumber(16))
    .option("--max-size <MB>", "the most a workbook may inflate to, per part and in all (default 200)")
    .action(async (input: string, opts: ScoreOptions) => {
      lang = opts.lang;
      code = await removingTemporariesOnSignal(() => runScore(input, opts, out));
    });
  const terminal = output === CONSOLE && process.stderr.isTTY ? { write: (s: string) => process.stderr.write(s), columns: process.stderr.columns } : undefined;
  addReviewCommand(program, { ...out, terminal }, (c) => (code = c));
  addCleanCommand(program, out, (result) => (code = result));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_UNREADABLE;
    if (error instanceof ProfileError || error instanceof CliError || error instanceof BilingualError) {
      out.error(error.textIn(lang));
      return EXIT_UNREADABLE;
    }
    throw error;
  }
  return code;
}
