/**
 * `jixiao clean <in> --out <file> [--remove-summary]`: 清除标记 on the command line. Writes a copy
 * of a workbook jixiao scored with every jixiao mark and note taken back, and the values it filled
 * in blank again (and, asked, its 综合得分 sheet removed), so it can be handed in. The input is
 * never written.
 */
import { Command } from "commander";
import { recordGapText } from "../core/marks";
import { Bilingual, Lang } from "../core/messages";
import { CleanResult, cleanCopy } from "../xlsx/clean";
import { CopyWriteError } from "../xlsx/package";
import { readXlsx } from "../xlsx/read";
import { droppedEntriesLine } from "../core/damage-notes";
import { removingTemporariesOnSignal, sameFile, writeWhole } from "./files";
import { EXIT_OK, EXIT_UNREADABLE } from "./exit-codes";
import { langOption } from "./options";
import { readFailure } from "./read-failure";
import { overInputFailure, systemReason } from "./score-file";
import { Output } from "./terminal";

/** Cleans one workbook; resolves to the exit code (EXIT_OK, or EXIT_UNREADABLE: the input or output failed). */
export async function runClean(input: string, output: string, removeSummary: boolean, lang: Lang, out: Output): Promise<number> {
  const fail = (text: Bilingual): number => {
    out.error(text[lang]);
    return EXIT_UNREADABLE;
  };
  const cannotWrite = (why: Bilingual): number => fail({ zh: `${output}: 无法写出（${why.zh}）`, en: `${output}: cannot be written (${why.en})` });
  if (await sameFile(input, output)) return fail(overInputFailure(input, output));
  let result: CleanResult;
  let dropped: string[] | undefined;
  try {
    // The reader's checks and messages, and jixiao's record as it read it.
    const { source, grid } = await readXlsx(input);
    result = cleanCopy(source, grid, { removeSummary });
    dropped = grid.droppedEntries;
  } catch (error) {
    // The copy made in memory but past what a zip holds: said of the output, as a failed write is.
    if (error instanceof CopyWriteError) return cannotWrite(error.text);
    const failure = readFailure(input, error);
    if (failure) return fail(failure);
    throw error;
  }
  try {
    await writeWhole(output, result.bytes);
  } catch (error) {
    return cannotWrite(systemReason(error));
  }
  const zh = lang === "zh";
  out.log(zh ? `${input}：清除了 ${result.removed} 处标记及其批注` : `${input}: removed ${result.removed} marks and their notes`);
  if (dropped) out.log(`  ${droppedEntriesLine(dropped, lang)}`);
  if (result.toCheck.length > 0) out.log(`  ${recordGapText(result.unrecordedNotes, result.toCheck, lang)}`);
  if (result.summaryRemoved) out.log(zh ? `  已删除 ${result.summaryRemoved} 工作表` : `  Removed the sheet ${result.summaryRemoved}`);
  if (result.sheetShown) {
    out.log(
      zh
        ? `  已取消隐藏 ${result.sheetShown}：其他工作表都已隐藏，工作簿至少要有一张可见的工作表`
        : `  Unhid the sheet ${result.sheetShown}: every other sheet is hidden, and a workbook needs one visible sheet`,
    );
  }
  for (const kept of result.summaryWrittenIn) {
    out.log(zh ? `  保留 ${kept}：这张绩效自评助手生成的表之后被改动过，按用户的表保留` : `  Kept ${kept}: jixiao made this sheet and it has been edited since, so it is kept as the user's`);
  }
  out.log(zh ? `  已写出：${output}` : `  Written: ${output}`);
  return EXIT_OK;
}

/** Adds the `clean` command to the program; `done` receives its exit code. */
export function addCleanCommand(program: Command, out: Output, done: (code: number) => void): void {
  program
    .command("clean")
    .description("remove jixiao's marks and notes from a scored workbook (清除标记)")
    .argument("<input>", "a workbook jixiao scored")
    .requiredOption("--out <file>", "the cleaned copy")
    .option("--remove-summary", "also remove jixiao's 综合得分 sheet")
    .option("--lang <lang>", "message language: zh or en", langOption, "zh")
    .action(async (input: string, opts: { out: string; removeSummary?: boolean; lang: Lang }) => {
      done(await removingTemporariesOnSignal(() => runClean(input, opts.out, opts.removeSummary === true, opts.lang, out)));
    });
}
