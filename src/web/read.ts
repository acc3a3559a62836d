/**
 * The page's one use of the workbook reader: an .xlsx's bytes in, its grid and package out, in a
 * browser (no fs, no ExcelJS). Everything else of the page goes through this module.
 *
 * NOT WIRED YET on the review branch: the browser-capable reader (`readXlsxBytes(bytes, name)`,
 * src/xlsx/reader.ts on the "reader" branch, issue 11) is not merged here, and the reader this
 * branch has (src/xlsx/read.ts) needs ExcelJS and fs, which do not belong in the page. At merge the
 * body becomes `return readXlsxBytes(bytes, name);` with `import { readXlsxBytes } from
 * "../xlsx/reader";` (tried with the reader branch at 1f4a89a merged locally: the type check, the
 * review tests and all eleven checks of test/browser/web.test.js passed). Until then each file gets
 * this clear message instead of a result.
 */
import type { LoadedWorkbook } from "../xlsx/read";
import { BilingualError } from "../core/messages";

export function readWorkbookBytes(bytes: Uint8Array, name: string): LoadedWorkbook {
  void bytes;
  throw new BilingualError(
    `${name}: 网页版尚未接入浏览器中的工作簿读取器，请暂用命令行 jixiao score`,
    `${name}: this build of the page has no in-browser workbook reader yet; use the command line (jixiao score) for now`,
  );
}
