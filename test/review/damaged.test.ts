/**
 * A workbook `score` refuses as damaged is listed under 无法读取 by the review too, whichever part
 * is damaged, with the same line (review round 52a, L1): the review writes no copy, so it checks the
 * whole package as the copy would.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { reviewOne } from "../../src/cli/review-file";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { runMain } from "../support/cli";
import { packageParts, partsOfFile, zipParts } from "../support/package";
import { tempDir } from "../support/xlsx";

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
const ROWS = [HEADER, ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, null, "疫情停办两场"], ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 40, 30, "无"]];

/** The form's parts, with a part no reader of the review reads and a sheet's relationships. */
function parts(): Record<string, string> {
  const all = packageParts({ sheets: [{ name: "自评表", rows: ROWS }] });
  all["docProps/app.xml"] = '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>';
  all["xl/worksheets/_rels/sheet1.xml.rels"] = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  return all;
}

/** The zip with one part's checksum in the directory changed. */
function withBadChecksum(bytes: Uint8Array, part: string): Uint8Array {
  const name = new TextEncoder().encode(part);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at < bytes.length - 46; at++) {
    if (dv.getUint32(at, true) === 0x02014b50 && dv.getUint16(at + 28, true) === name.length && name.every((b, i) => bytes[at + 46 + i] === b)) dv.setUint32(at + 16, dv.getUint32(at + 16, true) ^ 1, true);
  }
  return bytes;
}

describe("the review of a damaged workbook (review round 52a, L1)", () => {
  const damaged: [string, () => Uint8Array][] = [
    ["no [Content_Types].xml", () => zipParts(Object.fromEntries(Object.entries(parts()).filter(([name]) => name !== "[Content_Types].xml")))],
    ["an empty [Content_Types].xml", () => zipParts({ ...parts(), "[Content_Types].xml": "" })],
    ["a bad checksum in docProps/app.xml", () => withBadChecksum(zipParts(parts()), "docProps/app.xml")],
    ["a bad checksum in a sheet's relationships", () => withBadChecksum(zipParts(parts()), "xl/worksheets/_rels/sheet1.xml.rels")],
  ];

  it.each(damaged)("lists a file with %s under 无法读取, saying what score says", async (_, bytes) => {
    const dir = tempDir();
    const file = path.join(dir, "县林业局.xlsx");
    writeFileSync(file, bytes());
    const scored = await runMain("score", file, "--out", path.join(dir, "out.xlsx"));
    expect(scored.code).toBe(2);
    const outcome = await reviewOne({ name: "县林业局.xlsx", path: file, profile: DEFAULT_PROFILE, lang: "zh", limits: {} });
    expect(outcome).toEqual({ failure: { zh: expect.any(String), en: expect.any(String) } });
    const { zh } = (outcome as { failure: { zh: string } }).failure;
    expect(scored.err).toContain(zh.slice("县林业局.xlsx: ".length));
  });

  it("reviews the same workbook undamaged", async () => {
    const file = path.join(tempDir(), "县林业局.xlsx");
    writeFileSync(file, zipParts(parts()));
    expect(await reviewOne({ name: "县林业局.xlsx", path: file, profile: DEFAULT_PROFILE, lang: "zh", limits: {} })).toEqual({ review: expect.anything() });
  });
});

describe("a damaged part the scored copy drops unread (README Known limits, round 52)", () => {
  const review = (file: string) => reviewOne({ name: "县林业局.xlsx", path: file, profile: DEFAULT_PROFILE, lang: "zh", limits: {} });

  /** The form scored once: a copy holding jixiao's 综合得分 and its chart; `edit` changes the copy's parts before it is zipped again. */
  async function scoredWith(edit: (parts: Record<string, string>) => void = () => {}): Promise<{ dir: string; file: string }> {
    const dir = tempDir();
    const input = path.join(dir, "form.xlsx");
    writeFileSync(input, zipParts(parts()));
    const first = path.join(dir, "first.xlsx");
    expect((await runMain("score", input, "--out", first)).code).not.toBe(2);
    const copy = partsOfFile(first);
    expect(Object.keys(copy)).toContain("xl/charts/chart1.xml");
    edit(copy);
    const file = path.join(dir, "县林业局.xlsx");
    writeFileSync(file, withBadChecksum(zipParts(copy), "xl/charts/chart1.xml"));
    return { dir, file };
  }

  it("reviews a scored copy whose earlier 综合得分's chart is damaged, as score copies it well (replacing that summary)", async () => {
    const { dir, file } = await scoredWith();
    const rescored = await runMain("score", file, "--out", path.join(dir, "again.xlsx"));
    // Its findings' exit code (1), not a refusal (2).
    expect([rescored.code, rescored.err]).toEqual([1, ""]);
    expect(await review(file)).toEqual({ review: expect.anything() });
  });

  it("reviews an .xlsm whose VBA project is damaged, which the copy (an .xlsx) drops", async () => {
    const dir = tempDir();
    const all = packageParts({
      sheets: [{ name: "自评表", rows: ROWS }],
      extraParts: { "xl/vbaProject.bin": "VBA project bytes" },
      workbookRels: [{ type: "http://schemas.microsoft.com/office/2006/relationships/vbaProject", target: "vbaProject.bin" }],
    });
    const file = path.join(dir, "县林业局.xlsm");
    writeFileSync(file, withBadChecksum(zipParts(all), "xl/vbaProject.bin"));
    const scored = await runMain("score", file, "--out", path.join(dir, "out.xlsx"));
    expect([scored.code, scored.err]).toEqual([1, ""]);
    expect(await reviewOne({ name: "县林业局.xlsm", path: file, profile: DEFAULT_PROFILE, lang: "zh", limits: {} })).toEqual({ review: expect.anything() });
  });

  it("still lists it under 无法读取 where the summary is kept (written in since), as score then copies the damaged chart", async () => {
    const { dir, file } = await scoredWith((copy) => {
      copy["xl/worksheets/sheet2.xml"] = copy["xl/worksheets/sheet2.xml"].replace("<t>一、预算执行</t>", "<t>一、预算执行（已审）</t>");
    });
    const rescored = await runMain("score", file, "--out", path.join(dir, "again.xlsx"));
    expect(rescored.code).toBe(2);
    const outcome = await review(file);
    expect(outcome).toEqual({ failure: { zh: expect.any(String), en: expect.any(String) } });
    expect(rescored.err).toContain((outcome as { failure: { zh: string } }).failure.zh.slice("县林业局.xlsx: ".length));
  });
});
