/**
 * Reads an .xlsx file for the command line: the file checks, then src/xlsx/reader.ts over its
 * bytes with node:zlib inflating (several times faster than fflate) and fflate deflating, as the
 * browser page does: the command line's scored copy and the page's are the same bytes.
 */
import { promises as fs } from "fs";
import { crc32, inflateRawSync } from "zlib";
import { Codec, InflatedSizeError, fflateCodec } from "./codec";
import { ReadLimits } from "./package";
import { MAX_FILE_BYTES, fileTooLargeText } from "./sizes";
import { LoadedWorkbook, WorkbookReadError, readXlsxBytes } from "./reader";

export { LoadedWorkbook, WorkbookReadError } from "./reader";

export const nodeCodec: Codec = {
  inflate(data, size) {
    let out: Buffer;
    try {
      // One byte of room past the declared size shows a lie without inflating further.
      out = inflateRawSync(data, { maxOutputLength: size + 1 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new InflatedSizeError(true, size);
      throw error;
    }
    if (out.length !== size) throw new InflatedSizeError(out.length > size, size);
    return out;
  },
  // node:zlib deflates about three times faster (0.06 s against 0.17 s of CPU for the 300-sheet
  // benchmark's 11 MB of parts), but not into the bytes fflate makes in the page.
  deflate: fflateCodec.deflate,
  // zlib.crc32 came with Node 20.15; before it, zip.ts's own.
  crc32: typeof crc32 === "function" ? (data) => crc32(data) : undefined,
};

export async function readXlsx(file: string, limits: Partial<ReadLimits> = {}): Promise<LoadedWorkbook> {
  return readXlsxBytes(await readWorkbookFile(file), file, { codec: nodeCodec, limits });
}

/** A workbook file's bytes, after the file checks (a folder, a device or a pipe is refused with a clear line). */
export async function readWorkbookFile(file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new WorkbookReadError(file, "是文件夹，不是 .xlsx 文件", "is a folder, not an .xlsx file");
    // A device or a pipe (/dev/zero, a fifo) would be read without end.
    if (!stat.isFile()) throw new WorkbookReadError(file, "不是普通文件（是设备或管道），不是 .xlsx 文件", "is not a regular file (a device or a pipe), not an .xlsx file");
    if (stat.size > MAX_FILE_BYTES) {
      const { zh, en } = fileTooLargeText(stat.size);
      throw new WorkbookReadError(file, zh, en);
    }
    bytes = await fs.readFile(file);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookReadError(file, "文件不存在", "no such file");
    throw new WorkbookReadError(file, `无法读取（${code ?? String(error)}）`, `cannot be read (${code ?? String(error)})`);
  }
  return bytes;
}
