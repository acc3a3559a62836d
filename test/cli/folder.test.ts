/**
 * Folder mode and concurrent runs, through the compiled command run as its own process: each file
 * of a folder is scored in its own worker under a memory limit, and outputs are whole files.
 */
import JSZip from "jszip";
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "fs";
import * as path from "path";
import { readXlsx } from "../../src/xlsx/read";
import { ProcessResult, buildCli, runCli, sha256 } from "../support/cli";
import { buildPackage } from "../support/package";
import { KAIPING, YUNXI, tempDir } from "../support/xlsx";
import { cleanProjectWorkbook } from "../review/support";

jest.setTimeout(120_000);

let bin: string;
beforeAll(() => {
  bin = buildCli();
});

const jixiao = (...args: string[]): Promise<ProcessResult> => runCli(bin, args);

/**
 * A valid workbook too big for a small heap: 20,000 distinct texts of 906 characters each (36 MB
 * of strings in memory, few cells), which deflate to a small file.
 */
function bigWorkbook(file: string): void {
  const rows = Array.from({ length: 20_000 }, (_, i) => [`${String(i).padStart(6, "0")}${"说明文字".repeat(225)}`]);
  writeFileSync(file, buildPackage({ sheets: [{ name: "说明", rows }] }));
}

describe("a bureau's folder given to score (review round 23a)", () => {
  it("skips a review jixiao wrote there, names the subfolders it does not enter, and scores the rest", async () => {
    const dir = tempDir();
    await cleanProjectWorkbook(path.join(dir, "县档案馆.xlsx"), "档案数字化", "县档案馆");
    mkdirSync(path.join(dir, "城关镇", "2023年"), { recursive: true });
    await cleanProjectWorkbook(path.join(dir, "城关镇", "2023年", "垃圾清运.xlsx"), "垃圾清运", "城关镇人民政府");
    mkdirSync(path.join(dir, "空文件夹"));
    expect((await jixiao("review", dir, "--out", path.join(dir, "汇总.xlsx"))).code).toBe(0);
    const json = path.join(dir, "batch.json");
    const r = await jixiao("score", dir, "--json", json);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines).toContain("未进入的子文件夹（score 只处理本文件夹中的工作簿；整个文件夹树请用 jixiao review 复核）：城关镇");
    expect(lines).toContain(`${path.join(dir, "汇总.xlsx")}：这是 jixiao 写出的复核汇总，不是单位的自评表，跳过`);
    const batch = JSON.parse(readFileSync(json, "utf8"));
    expect(batch.reports.map((report: { input: string }) => path.basename(report.input))).toEqual(["县档案馆.xlsx"]);
    expect(batch.skipped).toEqual([{ input: path.join(dir, "汇总.xlsx"), message: expect.stringContaining("复核汇总") }]);
    expect(readdirSync(path.join(dir, "jixiao-out"))).toEqual(["县档案馆.jixiao.xlsx"]);
  });
});

describe("a folder of workbooks", () => {
  it("gives a.xlsx and a.xlsm outputs of their own, and says which earlier outputs it skipped", async () => {
    const dir = tempDir();
    copyFileSync(YUNXI, path.join(dir, "a.xlsx"));
    copyFileSync(YUNXI, path.join(dir, "a.xlsm"));
    copyFileSync(YUNXI, path.join(dir, "报表.jixiao.xlsx"));
    const r = await jixiao("score", dir);
    expect(r.code).toBe(1);
    // a.xlsm comes first and takes a.jixiao.xlsx; a.xlsx keeps its extension.
    expect(readdirSync(path.join(dir, "jixiao-out")).sort()).toEqual(["a.jixiao.xlsx", "a.xlsx.jixiao.xlsx"]);
    expect(r.stdout).toContain("跳过 jixiao 已评分的文件：报表.jixiao.xlsx");
  });

  it("takes up a WPS .et file as the review does, saying to save it as .xlsx, and leaves Excel's lock files alone", async () => {
    const dir = tempDir();
    copyFileSync(YUNXI, path.join(dir, "a.xlsx"));
    writeFileSync(path.join(dir, "b.et"), "WPS");
    copyFileSync(YUNXI, path.join(dir, "~$a.xlsx"));
    const r = await jixiao("score", dir);
    expect(r.code).toBe(2);
    expect(readdirSync(path.join(dir, "jixiao-out"))).toEqual(["a.jixiao.xlsx"]);
    expect(r.stderr.trim()).toBe(`${path.join(dir, "b.et")}: 这是 WPS 表格文件（.et），请先在 WPS 中“另存为” .xlsx 工作簿后再试`);
  });

  it("scores each file in its own worker, prints them in the folder's order, and writes one combined report; a bad file does not stop the rest", async () => {
    const dir = tempDir();
    const input = path.join(dir, "in");
    const out = path.join(dir, "out");
    mkdirSync(input);
    copyFileSync(YUNXI, path.join(input, "a-yunxi.xlsx"));
    writeFileSync(path.join(input, "b-broken.xlsx"), "not a workbook");
    copyFileSync(KAIPING, path.join(input, "c-kaiping.xlsx"));
    copyFileSync(YUNXI, path.join(input, "d-yunxi.xlsx"));
    writeFileSync(path.join(input, "notes.txt"), "ignored");
    const before = sha256(path.join(input, "a-yunxi.xlsx"));
    const json = path.join(dir, "all.json");
    const r = await jixiao("score", input, "--out", out, "--json", json, "--jobs", "2");
    expect(r.code).toBe(2);
    expect(readdirSync(out).sort()).toEqual(["a-yunxi.jixiao.xlsx", "c-kaiping.jixiao.xlsx", "d-yunxi.jixiao.xlsx"]);
    expect(r.stderr.trim()).toBe(`${path.join(input, "b-broken.xlsx")}: 不是 .xlsx 工作簿（文件内容不是 Excel 格式）`);
    const order = ["a-yunxi", "c-kaiping", "d-yunxi"].map((name) => r.stdout.indexOf(path.join(input, `${name}.xlsx`)));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    const combined = JSON.parse(readFileSync(json, "utf8"));
    expect(combined.schema).toBe("jixiao-batch/1");
    expect(combined.reports.map((x: { input: string }) => path.basename(x.input))).toEqual(["a-yunxi.xlsx", "c-kaiping.xlsx", "d-yunxi.xlsx"]);
    expect(combined.failures).toEqual([{ input: path.join(input, "b-broken.xlsx"), message: expect.stringContaining("不是 .xlsx 工作簿") }]);
    expect(sha256(path.join(input, "a-yunxi.xlsx"))).toBe(before);
  });

  it("reports a file that runs out of memory as its own failure; the others are scored and the combined report written", async () => {
    const dir = tempDir();
    const input = path.join(dir, "in");
    mkdirSync(input);
    copyFileSync(YUNXI, path.join(input, "a-yunxi.xlsx"));
    bigWorkbook(path.join(input, "b-big.xlsx"));
    copyFileSync(KAIPING, path.join(input, "c-kaiping.xlsx"));
    const before = sha256(path.join(input, "b-big.xlsx"));
    const json = path.join(dir, "all.json");
    const r = await jixiao("score", input, "--json", json, "--max-memory", "32", "--lang", "en");
    expect(r.code).toBe(2);
    const big = path.join(input, "b-big.xlsx");
    expect(r.stderr.trim()).toBe(`${big}: scoring this file needs more than the 32 MB memory limit; skipped (raise it with --max-memory)`);
    expect(readdirSync(path.join(input, "jixiao-out")).sort()).toEqual(["a-yunxi.jixiao.xlsx", "c-kaiping.jixiao.xlsx"]);
    const combined = JSON.parse(readFileSync(json, "utf8"));
    expect(combined.reports).toHaveLength(2);
    expect(combined.failures).toEqual([{ input: big, message: expect.stringContaining("32 MB") }]);
    expect(sha256(big)).toBe(before);
  });
});

describe("the input is never written, in folder mode", () => {
  it("refuses a copy whose name in the --out folder is a hard link to an input, and scores the rest", async () => {
    const dir = tempDir();
    copyFileSync(YUNXI, path.join(dir, "a.xlsx"));
    copyFileSync(KAIPING, path.join(dir, "b.xlsx"));
    const before = sha256(path.join(dir, "a.xlsx"));
    // --out is the input folder itself, and a.xlsx's copy name already holds a.xlsx.
    linkSync(path.join(dir, "a.xlsx"), path.join(dir, "a.jixiao.xlsx"));
    const r = await jixiao("score", dir, "--out", dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${path.join(dir, "a.xlsx")}: 输出文件 ${path.join(dir, "a.jixiao.xlsx")} 就是输入文件（输入文件不会被修改）`);
    expect(r.stdout).toContain(`已写出：${path.join(dir, "b.jixiao.xlsx")}`);
    expect(sha256(path.join(dir, "a.xlsx"))).toBe(before);
  });

  it("refuses a copy that is a hard link to another input of the folder", async () => {
    const dir = tempDir();
    const out = path.join(dir, "out");
    mkdirSync(out);
    copyFileSync(YUNXI, path.join(dir, "a.xlsx"));
    copyFileSync(KAIPING, path.join(dir, "b.xlsx"));
    const before = sha256(path.join(dir, "b.xlsx"));
    linkSync(path.join(dir, "b.xlsx"), path.join(out, "a.jixiao.xlsx"));
    const r = await jixiao("score", dir, "--out", out, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${path.join(dir, "a.xlsx")}: the output ${path.join(out, "a.jixiao.xlsx")} is the input file itself (the input is never changed)`);
    expect(sha256(path.join(dir, "b.xlsx"))).toBe(before);
  });

  it("refuses a --json that names an input or a copy of the folder before scoring anything", async () => {
    const dir = tempDir();
    copyFileSync(YUNXI, path.join(dir, "a.xlsx"));
    const before = sha256(path.join(dir, "a.xlsx"));
    const r = await jixiao("score", dir, "--json", path.join(dir, "jixiao-out", "a.jixiao.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/--json 不能写到评分后的工作簿上/);
    expect(existsSync(path.join(dir, "jixiao-out"))).toBe(false);
    expect(sha256(path.join(dir, "a.xlsx"))).toBe(before);
  });
});

describe("two runs writing one output at once", () => {
  it("leave one whole workbook, the one or the other, and no temporary file", async () => {
    const dir = tempDir();
    const out = path.join(dir, "out");
    const shared = path.join(out, "scored.xlsx");
    // What each run writes alone, to tell which one the shared output is.
    await Promise.all([jixiao("score", YUNXI, "--out", path.join(dir, "yunxi.xlsx")), jixiao("score", KAIPING, "--out", path.join(dir, "kaiping.xlsx"))]);
    const alone = await Promise.all(["yunxi.xlsx", "kaiping.xlsx"].map(async (f) => JSON.stringify((await readXlsx(path.join(dir, f))).grid.sheets)));
    for (let round = 0; round < 3; round++) {
      const runs = await Promise.all([jixiao("score", YUNXI, "--out", shared), jixiao("score", KAIPING, "--out", shared)]);
      expect(runs.map((r) => r.code)).toEqual([1, 1]); // both have error findings
      expect(runs.every((r) => r.stdout.includes(`已写出：${shared}`))).toBe(true);
      const zip = await JSZip.loadAsync(readFileSync(shared), { checkCRC32: true });
      await Promise.all(Object.values(zip.files).map((entry) => entry.async("uint8array"))); // every entry inflates, CRCs match
      expect(alone).toContain(JSON.stringify((await readXlsx(shared)).grid.sheets));
      expect(readdirSync(out)).toEqual(["scored.xlsx"]);
    }
  });
});
