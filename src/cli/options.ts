/** Option values the commands share. */
import { InvalidArgumentError } from "commander";
import { BilingualError, type Lang } from "../core/messages";
import { ReadLimits, sizeLimits } from "../xlsx/package";

/** A whole number of at least `least`, for an option. */
export function wholeNumber(least: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < least) {
      throw new InvalidArgumentError(`应为不小于 ${least} 的整数 / should be a whole number of ${least} or more`);
    }
    return value;
  };
}

/** Heap limit of each file's worker (folder mode, the review), in MB: a real form needs a few tens. */
export const DEFAULT_MAX_MEMORY_MB = 1024;

/** --lang: zh or en. Said in both, since which language to use is what is wrong. */
export function langOption(text: string): Lang {
  if (text !== "zh" && text !== "en") throw new InvalidArgumentError(`只能是 zh 或 en，不是 ${text} / must be zh or en, not ${text}`);
  return text;
}

/** --max-size (MB a workbook may inflate to, per part and in all) as the reader's limits; not given, the reader's own. */
export function maxSizeLimits(maxSize: string | undefined): Partial<ReadLimits> {
  const limits = maxSize === undefined ? {} : sizeLimits(Number(maxSize));
  if (!limits) throw new BilingualError(`--max-size 应为正数（MB），不是 ${maxSize}`, `--max-size must be a positive number of MB, not ${maxSize}`);
  return limits;
}
