/**
 * A damaged unit's file whose reader passed over some of it (a merged area over the whole sheet, a
 * zip entry named ../../evil.txt) is reviewed and counted as before, and the review names what it
 * passed over, in the JSON's notes and on 汇总.xlsx's 说明, in the words `score` prints of them
 * (session 57: the review passed them over without naming them).
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { copyFileSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { ProcessResult, buildCli, runCli } from "../support/cli";
import { YUNXI, tempDir } from "../support/xlsx";
import { Review } from "../../src/core/review";

const CLEAN = "云溪.xlsx";
const STRAY = "云溪-异常条目.xlsx";
const OVERLAPPING = "云溪-合并重叠.xlsx";
const SHEET = "部门整体支出绩效自评表";

/** The yunxi sample's parts, changed by `edit`, zipped again. */
function sampleWith(edit: (parts: Record<string, Uint8Array>) => void): Uint8Array {
  const parts = unzipSync(new Uint8Array(readFileSync(YUNXI)));
  edit(parts);
  return zipSync(parts);
}

describe("the review of damaged files' parts passed over (damaged-parts notes)", () => {
  const dir = tempDir("jixiao-damaged-parts-");
  const out = path.join(dir, "汇总.xlsx");
  let result: ProcessResult;
  let review: Review;

  beforeAll(async () => {
    const bin = buildCli();
    copyFileSync(YUNXI, path.join(dir, CLEAN));
    writeFileSync(
      path.join(dir, STRAY),
      sampleWith((parts) => (parts["../../evil.txt"] = strToU8("evil"))),
    );
    writeFileSync(
      path.join(dir, OVERLAPPING),
      sampleWith((parts) => {
        const sheet = "xl/worksheets/sheet1.xml";
        const xml = strFromU8(parts[sheet]);
        expect(xml).toMatch(/<mergeCells count="\d+">/);
        parts[sheet] = strToU8(xml.replace(/<mergeCells count="(\d+)">/, (_, n: string) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="A1:XFD1048576"/>`));
      }),
    );
    const json = path.join(dir, "r.json");
    result = await runCli(bin, ["review", dir, "--out", out, "--json", json]);
    review = JSON.parse(readFileSync(json, "utf8")) as Review;
  }, 180_000);

  it("counts and scores the damaged files as the clean one", () => {
    expect(result.code).not.toBe(2);
    expect(review.files).toBe(3);
    expect(review.failures).toEqual([]);
    const scores = new Map(review.rows.map((row) => [row.file, row.score]));
    expect([...scores.keys()].sort()).toEqual([CLEAN, OVERLAPPING, STRAY].sort());
    expect(scores.get(STRAY)).toBe(scores.get(CLEAN));
    expect(scores.get(OVERLAPPING)).toBe(scores.get(CLEAN));
  });

  it("notes each damaged file with what was passed over, in score's words, and not the clean one", () => {
    const damaged = review.notes.filter((note) => note.kind === "damaged-parts");
    expect(damaged.sort((a, b) => (a.file < b.file ? -1 : 1))).toEqual(
      [
        {
          file: OVERLAPPING,
          kind: "damaged-parts",
          detail: `${SHEET}!A1:XFD1048576`,
          message: `合并区域与其他合并区域重叠（文件已损坏），已忽略：${SHEET}!A1:XFD1048576`,
        },
        {
          file: STRAY,
          kind: "damaged-parts",
          detail: "../../evil.txt",
          // The review writes no copy: not "也未写入副本".
          message: "压缩包里有名称不是有效部件名的条目（文件已损坏），未读取：../../evil.txt",
        },
      ].sort((a, b) => (a.file < b.file ? -1 : 1)),
    );
    expect(review.notes.filter((note) => note.file === CLEAN && note.kind === "damaged-parts")).toEqual([]);
  });

  it("names what was passed over on each damaged file's line, as hidden sheets are", () => {
    const lines = result.stdout.split("\n");
    const line = (file: string) => lines.find((l) => l.includes(`] ${file}：`));
    expect(line(OVERLAPPING)).toMatch(new RegExp(`（合并区域与其他合并区域重叠（文件已损坏），已忽略：${SHEET}!A1:XFD1048576）$`));
    expect(line(STRAY)).toMatch(/（压缩包里有名称不是有效部件名的条目（文件已损坏），未读取：\.\.\/\.\.\/evil\.txt）$/);
    expect(line(CLEAN)).toMatch(/警告 \d+$/);
  });

  it("has the notes on 汇总.xlsx's 说明, as the other per-file notes", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const notes = book.getWorksheet("说明")!;
    const rows: unknown[][] = [];
    notes.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(["文件", "说明"]);
    expect(rows).toContainEqual([OVERLAPPING, `合并区域与其他合并区域重叠（文件已损坏），已忽略：${SHEET}!A1:XFD1048576`]);
    expect(rows).toContainEqual([STRAY, "压缩包里有名称不是有效部件名的条目（文件已损坏），未读取：../../evil.txt"]);
    expect(rows.filter((row) => row[0] === CLEAN)).toEqual([]);
  });
});
