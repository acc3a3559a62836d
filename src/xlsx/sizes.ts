/**
 * Sizes as the reader's limits tell them (in MB), and the largest file read at all: shared by the
 * command line, the page and the package reader, with no imports so that the page's first load
 * takes nothing else with them.
 */

export const MB = 1024 * 1024;

/** A size in MB: whole MB rounded up, or below 1 MB to three significant digits (so not 1 MB over a limit of 0.01). */
export const megabytes = (bytes: number): string => (bytes >= MB ? String(Math.ceil(bytes / MB)) : String(Number((bytes / MB).toPrecision(3))));

/** A limit in MB as it was given (--max-size 0.01 is 0.01 MB, not 1: review round 52d). */
export const limitMegabytes = (bytes: number): string => String(Number((bytes / MB).toPrecision(6)));

/**
 * The largest file read: Node reads no more into one buffer (fs.readFile refuses past 2 GB), and a
 * browser asked for more may fail or hold it all in memory. The largest real self-evaluation
 * workbooks are a few megabytes; --max-size does not raise this.
 */
export const MAX_FILE_BYTES = 2 ** 31 - 1;

/** Why a file of `bytes` (past MAX_FILE_BYTES) is not read, as the reader's other size limits say it (review round 56b, M1). */
export function fileTooLargeText(bytes: number): { zh: string; en: string } {
  const size = megabytes(bytes);
  const limit = limitMegabytes(MAX_FILE_BYTES);
  return {
    zh: `文件有 ${size} MB，超过可读取的文件 ${limit} MB 的上限（自评表工作簿通常只有几 MB：请确认选对了文件）`,
    en: `the file is ${size} MB, over the limit of ${limit} MB for a file read (self-evaluation workbooks are a few MB: check that this is the right file)`,
  };
}
