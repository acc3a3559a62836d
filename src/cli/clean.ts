/**
 * `jixiao clean <in> --out <file> [--remove-summary]`: 清除标记 on the command line. Writes a copy
 * of a workbook jixiao scored with every jixiao mark and note taken back, and the values it filled
 * in blank again (and, asked, its 综合得分 sheet removed), so it can be handed in. The input is
 * never written.
 */
import { Command } from "commander";
import { promises as fs } from "fs";
import * as path from "path";
import { Bilingual, BilingualError, Lang } from "../core/messages";
import { cleanCopy } from "../xlsx/clean";
import { Package, PackageError } from "../xlsx/package";

interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** Whether two paths name one file (device and inode: hard links and bind mounts included). */
async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false; // the output does not exist yet
  }
}

/** Cleans one workbook; resolves to the exit code (0 done, 2 the input or output failed). */
export async function runClean(input: string, output: string, removeSummary: boolean, lang: Lang, out: Output): Promise<number> {
  const fail = (text: Bilingual): number => {
    out.error(text[lang]);
    return 2;
  };
  if (await sameFile(input, output)) {
    return fail({ zh: `${output}: 输出文件不能与输入文件相同（输入文件不会被修改）`, en: `${output}: the output cannot be the input file (the input is never changed)` });
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(input);
  } catch {
    return fail({ zh: `${input}: 无法读取`, en: `${input}: cannot be read` });
  }
  let result;
  try {
    result = await cleanCopy(await Package.open(bytes), { removeSummary });
  } catch (error) {
    if (error instanceof PackageError) return fail({ zh: `${input}: 文件已损坏（${error.text.zh}）`, en: `${input}: the file is damaged (${error.text.en})` });
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return fail({ zh: `${input}: 不是可读的 .xlsx 工作簿（${why}）`, en: `${input}: not a readable .xlsx workbook (${why})` });
  }
  // Written whole or not at all: a temporary file in the same folder, then renamed over the output.
  const temporary = path.join(path.dirname(path.resolve(output)), `.${path.basename(output)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporary, result.bytes);
    await fs.rename(temporary, output);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return fail({ zh: `${output}: 无法写出（${code}）`, en: `${output}: cannot be written (${code})` });
  }
  const zh = lang === "zh";
  out.log(zh ? `${input}：清除了 ${result.removed} 处标记及其批注` : `${input}: removed ${result.removed} marks and their notes`);
  if (result.summaryRemoved) out.log(zh ? `  已删除 ${result.summaryRemoved} 工作表` : `  Removed the sheet ${result.summaryRemoved}`);
  out.log(zh ? `  已写出：${output}` : `  Written: ${output}`);
  return 0;
}

/** Adds the `clean` command to the program; `done` receives its exit code. */
export function addCleanCommand(program: Command, out: Output, done: (code: number) => void): void {
  program
    .command("clean")
    .description("remove jixiao's marks and notes from a scored workbook (清除标记)")
    .argument("<input>", "a workbook jixiao scored")
    .requiredOption("--out <file>", "the cleaned copy")
    .option("--remove-summary", "also remove jixiao's 综合得分 sheet")
    .option("--lang <lang>", "message language: zh or en", "zh")
    .action(async (input: string, opts: { out: string; removeSummary?: boolean; lang: string }) => {
      if (opts.lang !== "zh" && opts.lang !== "en") {
        throw new BilingualError(`--lang 只能是 zh 或 en，不是 ${opts.lang} / --lang must be zh or en, not ${opts.lang}`, `--lang must be zh or en, not ${opts.lang}`);
      }
      done(await runClean(input, opts.out, opts.removeSummary === true, opts.lang, out));
    });
}
