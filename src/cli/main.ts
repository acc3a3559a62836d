/**
 * `jixiao score <input.xlsx | folder>`: reads, validates, scores and writes a scored copy.
 * Exit 0: no error findings; 1: error findings; 2: an input could not be read, holds no
 * recognisable table, or the options are wrong.
 */
import { Command, CommanderError } from "commander";
import { promises as fs } from "fs";
import * as path from "path";
import { Lang, analyze, noTablesMessage } from "../core/analyze";
import type { IgnoredFinding } from "../core/ignores";
import { Bilingual, BilingualError, SEVERITY_LABEL } from "../core/messages";
import { DEFAULT_PROFILE, Profile, ProfileError, parseGrades, profileFromJson } from "../core/profile";
import { Report, buildReport } from "../core/report";
import { WorkbookReadError, readXlsx } from "../xlsx/read";
import { PackageError } from "../xlsx/package";
import { scoredCopy } from "../xlsx/write";

/** A problem with the options or an output path: one line, exit 2. */
class CliError extends BilingualError {}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;

export interface ScoreOptions {
  out?: string;
  json?: string;
  profile?: string;
  grades?: string;
  lang: Lang;
}

interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** One input's outcome. */
export interface FileOutcome {
  input: string;
  output?: string;
  report?: Report;
  /** Findings the workbook's record sets aside (ignored in the add-in, with a reason). */
  ignored?: IgnoredFinding[];
  /** Why the file could not be scored: one line for the person running the command. */
  failure?: Bilingual;
}

async function loadProfile(options: ScoreOptions): Promise<Profile> {
  let profile = DEFAULT_PROFILE;
  if (options.profile) {
    let text: string;
    try {
      text = await fs.readFile(options.profile, "utf8");
    } catch {
      throw new ProfileError(`评分方案文件 ${options.profile} 无法读取`, `Cannot read the scoring profile ${options.profile}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, "")); // Notepad saves UTF-8 with a BOM
    } catch (error) {
      const why = (error as Error).message;
      throw new ProfileError(`评分方案文件 ${options.profile} 不是有效的 JSON：${why}`, `The scoring profile ${options.profile} is not valid JSON: ${why}`);
    }
    profile = profileFromJson(json);
  }
  if (options.grades) profile = { ...profile, grades: parseGrades(options.grades) };
  return profile;
}

function defaultOutput(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}.jixiao.xlsx`);
}

/** The file a path names, through symbolic links; letter case counts only where the system says so. */
async function fileIdentity(file: string): Promise<string> {
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch {
    // Not there yet: its folder may still be a link to the input's.
    try {
      real = path.join(await fs.realpath(path.dirname(path.resolve(file))), path.basename(file));
    } catch {
      real = path.resolve(file);
    }
  }
  return process.platform === "win32" || process.platform === "darwin" ? real.toLowerCase() : real;
}

async function samePlace(a: string, b: string): Promise<boolean> {
  return (await fileIdentity(a)) === (await fileIdentity(b));
}

/** Scores one workbook into `output`; never touches the input file. */
export async function scoreFile(input: string, output: string, profile: Profile, lang: Lang): Promise<FileOutcome> {
  if (await samePlace(input, output)) {
    return {
      input,
      failure: { zh: `${input}: 输出文件不能与输入文件相同（输入文件不会被修改）`, en: `${input}: the output cannot be the input file (the input is never changed)` },
    };
  }
  let scored: Awaited<ReturnType<typeof scoreInMemory>>;
  try {
    scored = await scoreInMemory(input, profile, lang);
  } catch (error) {
    if (error instanceof WorkbookReadError) return { input, failure: error.text };
    if (error instanceof PackageError) {
      return { input, failure: new WorkbookReadError(input, `文件已损坏（${error.text.zh}）`, `the file is damaged (${error.text.en})`).text };
    }
    throw error;
  }
  if (!scored) return { input, failure: new WorkbookReadError(input, noTablesMessage("zh"), noTablesMessage("en")).text };
  try {
    await fs.mkdir(path.dirname(path.resolve(output)), { recursive: true });
    await fs.writeFile(output, scored.bytes);
  } catch (error) {
    const why = systemReason(error);
    return { input, failure: { zh: `${output}: 无法写出评分结果（${why.zh}）`, en: `${output}: cannot write the scored workbook (${why.en})` } };
  }
  return { input, output, report: scored.report, ignored: scored.ignored };
}

/** Reads, analyses and builds the scored copy in memory; null when there is no table. */
async function scoreInMemory(
  input: string,
  profile: Profile,
  lang: Lang,
): Promise<{ bytes: Uint8Array; report: Report; ignored: IgnoredFinding[] } | null> {
  const { source, grid } = await readXlsx(input);
  // analyze honours the ignores in the workbook's record (grid.state): they leave the findings and the exit code.
  const analysis = analyze(grid, profile, { lang });
  if (analysis.tables.length === 0) return null;
  return { bytes: await scoredCopy(source, grid, analysis), report: buildReport(input, grid, analysis), ignored: analysis.ignored };
}

const SYSTEM_REASONS: Record<string, Bilingual> = {
  EACCES: { zh: "没有写入权限", en: "no permission to write" },
  EPERM: { zh: "没有写入权限", en: "no permission to write" },
  EISDIR: { zh: "这是一个文件夹", en: "it is a folder" },
  EBUSY: { zh: "文件正被其他程序占用（是否在 Excel 中打开？）", en: "another program has the file open (is it open in Excel?)" },
  ENOSPC: { zh: "磁盘已满", en: "the disk is full" },
  ENOENT: { zh: "路径不存在", en: "the path does not exist" },
};

/** "EACCES", "EISDIR"… in a line a person can act on. */
function systemReason(error: unknown): Bilingual {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  return (code ? SYSTEM_REASONS[code] : undefined) ?? { zh: message, en: message };
}

function countBySeverity(report: Report): Record<"error" | "warning" | "info", number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity]++;
  return counts;
}

const SHOWN_FINDINGS = 10;

function printOutcome(out: Output, outcome: FileOutcome, lang: Lang): void {
  if (outcome.failure) {
    out.error(outcome.failure[lang]);
    return;
  }
  const report = outcome.report!;
  const zh = lang === "zh";
  out.log(`${outcome.input}`);
  const budgets = report.tables.filter((t) => t.kind === "budget").length;
  const indicators = report.tables.length - budgets;
  out.log(zh ? `  识别到 ${budgets} 张预算表、${indicators} 张指标表` : `  Found ${budgets} budget and ${indicators} indicator tables`);
  for (const total of report.totals) {
    const recorded = total.recordedScore === null ? "" : zh ? `（表中填 ${total.recordedScore}）` : ` (recorded ${total.recordedScore})`;
    out.log(zh ? `  ${total.sheet}：综合得分 ${total.score ?? "—"}${recorded}，等次 ${total.grade ?? "—"}` : `  ${total.sheet}: total ${total.score ?? "-"}${recorded}, grade ${total.grade ?? "-"}`);
  }
  const counts = countBySeverity(report);
  const label = SEVERITY_LABEL[lang];
  out.log(
    zh
      ? `  问题：${label.error} ${counts.error}，${label.warning} ${counts.warning}，${label.info} ${counts.info}；填入 ${report.writes.length} 个空单元格`
      : `  Findings: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info; ${report.writes.length} blank cells filled`,
  );
  for (const f of report.findings.slice(0, SHOWN_FINDINGS)) {
    out.log(`  [${label[f.severity]}] ${f.sheet}!${f.cell} ${f.rule}: ${f.message}`);
  }
  if (report.findings.length > SHOWN_FINDINGS) {
    out.log(zh ? `  ……另有 ${report.findings.length - SHOWN_FINDINGS} 条，见 JSON 报告或 综合得分 表` : `  … ${report.findings.length - SHOWN_FINDINGS} more`);
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
  const profile = await loadProfile(options);
  const outcomes: FileOutcome[] = [];
  if (await isDirectory(input)) {
    const outDir = options.out ?? path.join(input, "jixiao-out");
    const workbooks = (await fs.readdir(input)).filter((n) => /\.(xlsx|xlsm|xls)$/i.test(n) && !n.startsWith("~$")).sort();
    const earlier = workbooks.filter((n) => n.endsWith(".jixiao.xlsx"));
    if (earlier.length > 0) {
      out.log(options.lang === "en" ? `Skipped jixiao's earlier outputs: ${earlier.join(", ")}` : `跳过 jixiao 已评分的文件：${earlier.join("、")}`);
    }
    const names = workbooks.filter((n) => !n.endsWith(".jixiao.xlsx"));
    if (options.json) {
      for (const name of names) await refuseJsonOver(options.json, path.join(input, name), THE_INPUT);
    }
    // a.xlsx and a.xlsm (or A.xlsx and a.xlsx) would both give a.jixiao.xlsx: the second keeps its extension.
    const taken = new Set<string>();
    for (const name of names) {
      let output = path.join(outDir, name.replace(/\.\w+$/, ".jixiao.xlsx"));
      if (taken.has(output.toLowerCase())) output = path.join(outDir, `${name}.jixiao.xlsx`);
      taken.add(output.toLowerCase());
      const outcome = await scoreFile(path.join(input, name), output, profile, options.lang);
      printOutcome(out, outcome, options.lang);
      outcomes.push(outcome);
    }
    if (names.length === 0) out.error(options.lang === "en" ? `${input}: the folder holds no .xlsx file` : `${input}: 文件夹中没有 .xlsx 文件`);
    if (options.json) {
      const combined = {
        schema: "jixiao-batch/1",
        input,
        reports: outcomes.filter((o) => o.report).map((o) => o.report),
        failures: outcomes.filter((o) => o.failure).map((o) => ({ input: o.input, message: o.failure![options.lang] })),
      };
      await writeJson(options.json, combined);
    }
    if (names.length === 0) return EXIT_UNREADABLE;
  } else {
    const output = options.out ?? defaultOutput(input);
    if (options.json) {
      await refuseJsonOver(options.json, input, THE_INPUT);
      await refuseJsonOver(options.json, output, { zh: "评分后的工作簿", en: "the scored workbook" });
    }
    const outcome = await scoreFile(input, output, profile, options.lang);
    printOutcome(out, outcome, options.lang);
    outcomes.push(outcome);
    if (options.json && outcome.report) await writeJson(options.json, outcome.report);
  }
  return exitCodeOf(outcomes);
}

const THE_INPUT: Bilingual = { zh: "输入文件", en: "the input" };

/** --json must not name a workbook: it would be replaced by the report. */
async function refuseJsonOver(json: string, workbook: string, what: Bilingual): Promise<void> {
  if (await samePlace(json, workbook)) {
    throw new CliError(`${json}: --json 不能写到${what.zh}上（JSON 报告会覆盖工作簿）`, `${json}: --json cannot name ${what.en} (the report would replace the workbook)`);
  }
}

/** The JSON report is written or the run ends with one clear line (exit 2). */
async function writeJson(file: string, data: unknown): Promise<void> {
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await fs.writeFile(file, JSON.stringify(data, null, 2) + "\n", "utf8");
  } catch (error) {
    const why = systemReason(error);
    throw new CliError(`${file}: 无法写出 JSON 报告（${why.zh}）`, `${file}: cannot write the JSON report (${why.en})`);
  }
}

export async function main(argv: string[], out: Output = { log: console.log, error: console.error }): Promise<number> {
  let code = EXIT_OK;
  let lang: Lang = "zh";
  const program = new Command()
    .name("jixiao")
    .description("绩效自评助手：识别、校验、计分并写回预算绩效自评表")
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.log(s.trimEnd()), writeErr: (s) => out.error(s.trimEnd()) });
  program
    .command("score")
    .description("score an .xlsx workbook, or every .xlsx in a folder")
    .argument("<input>", "input .xlsx file or folder")
    .option("--out <path>", "output .xlsx (or folder for a folder input); default <name>.jixiao.xlsx")
    .option("--json <file>", "write the jixiao-report/1 JSON report")
    .option("--profile <file>", "scoring profile JSON")
    .option("--grades <spec>", 'grade bands, e.g. "85:优秀,75:良好,60:一般,0:较差"')
    .option("--lang <lang>", "message language: zh or en", "zh")
    .action(async (input: string, opts: Omit<ScoreOptions, "lang"> & { lang: string }) => {
      if (opts.lang !== "zh" && opts.lang !== "en") {
        // Which language to say it in is what is wrong: both, on one line.
        throw new CliError(`--lang 只能是 zh 或 en，不是 ${opts.lang} / --lang must be zh or en, not ${opts.lang}`, `--lang must be zh or en, not ${opts.lang}`);
      }
      lang = opts.lang;
      code = await runScore(input, { ...opts, lang }, out);
    });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_UNREADABLE;
    if (error instanceof ProfileError || error instanceof CliError) {
      out.error(error.textIn(lang));
      return EXIT_UNREADABLE;
    }
    throw error;
  }
  return code;
}
