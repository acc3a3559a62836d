/**
 * Scoring one workbook into its copy: shared by the command's own thread (one file) and the
 * workers (a folder, one worker per file).
 */
import type { Lang } from "../core/messages";
import { otherSpreadsheetMessageToScore } from "../core/file-kinds";
import type { IgnoredFinding } from "../core/ignores";
import { Bilingual } from "../core/messages";
import { Profile } from "../core/profile";
import { Headline, headlines } from "../core/headline";
import { Report, buildReport, writeCounts } from "../core/report";
import { CopyWriteError, ReadLimits } from "../xlsx/package";
import { readXlsx } from "../xlsx/read";
import { ReadAnalysis, analyzeRead } from "../xlsx/analyze-read";
import { scoredCopy } from "../xlsx/write";
import { sameFile, writeWhole } from "./files";
import { readFailure } from "./read-failure";

/** One input's outcome. */
export interface FileOutcome {
  input: string;
  output?: string;
  report?: Report;
  /** Each total's recorded 总分 as its cell shows it (the report's keeps every digit), for the headline. */
  recordedTotals?: (string | null)[];
  /** Each total's headline (src/core/headline.ts): found from the analysis's findings, which know their cells' rows and columns. */
  headlines?: Headline[];
  /** The blank cells filled in and the formulas' results updated, of the report's writes. */
  writeCounts?: { filled: number; formulaResults: number };
  /** Findings the workbook's record sets aside (ignored in the add-in, with a reason). */
  ignored?: IgnoredFinding[];
  /** Why the file could not be scored: one line for the person running the command. */
  failure?: Bilingual;
  /** Why the file was not scored though it could be read: a review workbook jixiao wrote, no unit's form. */
  skipped?: Bilingual;
  /** A 综合得分 the user wrote in, kept, and the sheet the new summary went to. */
  keptSummary?: KeptSummary;
}

interface KeptSummary {
  kept: string;
  written: string;
}

/** One file of a folder, as a worker gets it. */
export interface ScoreJob {
  input: string;
  output: string;
  profile: Profile;
  lang: Lang;
  /** How far a part and the whole workbook may inflate (--max-size). */
  limits: Partial<ReadLimits>;
}

/** `output` names the input itself (a hard or symbolic link, the same path): refused before anything is read. */
export function overInputFailure(input: string, output: string): Bilingual {
  return {
    zh: `${input}: 输出文件 ${output} 就是输入文件（输入文件不会被修改）`,
    en: `${input}: the output ${output} is the input file itself (the input is never changed)`,
  };
}

/** Scores one workbook into `output`; never touches the input file. */
export async function scoreFile(
  input: string,
  output: string,
  profile: Profile,
  lang: Lang,
  limits: Partial<ReadLimits> = {},
): Promise<FileOutcome> {
  if (await sameFile(input, output)) return { input, failure: overInputFailure(input, output) };
  const other = otherSpreadsheetMessageToScore(input);
  if (other) return { input, failure: other };
  let scored: Scored | NotScored;
  try {
    scored = await scoreInMemory(input, profile, lang, limits);
  } catch (error) {
    // The copy made in memory but past what a zip holds: said of the output, as a failed write is.
    if (error instanceof CopyWriteError) return { input, failure: cannotWrite(output, error.text) };
    const failure = readFailure(input, error);
    if (failure) return { input, failure };
    throw error;
  }
  if ("kind" in scored) return scored.kind === "earlier-review" ? { input, skipped: scored.message } : { input, failure: scored.message };
  try {
    await writeWhole(output, scored.bytes);
  } catch (error) {
    return { input, failure: cannotWrite(output, systemReason(error)) };
  }
  const { report, recordedTotals, headlines, writeCounts, ignored, keptSummary } = scored;
  return { input, output, report, recordedTotals, headlines, writeCounts, ignored, ...(keptSummary && { keptSummary }) };
}

function cannotWrite(output: string, why: Bilingual): Bilingual {
  return { zh: `${output}: 无法写出评分结果（${why.zh}）`, en: `${output}: cannot write the scored workbook (${why.en})` };
}

interface Scored {
  bytes: Uint8Array;
  report: Report;
  recordedTotals: (string | null)[];
  headlines: Headline[];
  writeCounts: { filled: number; formulaResults: number };
  ignored: IgnoredFinding[];
  keptSummary?: KeptSummary;
}

/** A workbook read but not scored: a review jixiao wrote, or one with no table. */
type NotScored = Exclude<ReadAnalysis, { kind: "analysis" }>;

/** Reads, analyses and builds the scored copy in memory. */
async function scoreInMemory(input: string, profile: Profile, lang: Lang, limits: Partial<ReadLimits>): Promise<Scored | NotScored> {
  const { source, grid } = await readXlsx(input, limits);
  const read = analyzeRead(input, grid, profile, lang);
  if (read.kind !== "analysis") return read;
  const { analysis } = read;
  const bytes = scoredCopy(source, grid, analysis, { lang, mark: profile.markCells });
  const kept = analysis.summary.keptEdited;
  return {
    bytes,
    report: buildReport(input, grid, analysis),
    recordedTotals: analysis.totalSources.map((source) => source.recordedShown),
    headlines: headlines(analysis.totals, analysis.findings, lang, analysis.tables),
    writeCounts: writeCounts(analysis, grid),
    ignored: analysis.ignored,
    ...(kept !== null && { keptSummary: { kept, written: analysis.summary.name } }),
  };
}

const SYSTEM_REASONS: Record<string, Bilingual> = {
  EACCES: { zh: "没有写入权限", en: "no permission to write" },
  EPERM: { zh: "没有写入权限", en: "no permission to write" },
  EISDIR: { zh: "这是一个文件夹", en: "it is a folder" },
  EBUSY: { zh: "文件正被其他程序占用（是否在 Excel 中打开？）", en: "another program has the file open (is it open in Excel?)" },
  ENOSPC: { zh: "磁盘已满", en: "the disk is full" },
  ENOENT: { zh: "路径不存在", en: "the path does not exist" },
  ENOTDIR: { zh: "路径中有一段不是文件夹", en: "a part of the path is not a folder" },
  EIO: { zh: "读写出错，磁盘或 U 盘可能有损坏", en: "an input/output error; the disk or stick may be damaged" },
  ELOOP: { zh: "链接绕回了自身", en: "a link leads back to itself" },
  ENAMETOOLONG: { zh: "路径太长", en: "the path is too long" },
};

/** Where reading a file or folder words them otherwise (review round 56 H3: a folder not read). */
const READ_REASONS: Record<string, Bilingual> = {
  EACCES: { zh: "没有读取权限", en: "no permission to read it" },
  EPERM: { zh: "没有读取权限", en: "no permission to read it" },
  ENOENT: { zh: "读取时已不存在，可能刚被移走或删除", en: "it was gone when read, moved or removed meanwhile" },
};

/** "EACCES", "EISDIR"… in a line a person can act on; `reading`: the error of a read, not a write. */
export function systemReason(error: unknown, reading = false): Bilingual {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  const reason = code ? ((reading ? READ_REASONS[code] : undefined) ?? SYSTEM_REASONS[code]) : undefined;
  return reason ?? { zh: message, en: message };
}
