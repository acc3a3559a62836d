/**
 * `jixiao score` end to end on real files: outputs, the JSON contract, exit codes, bad inputs,
 * folders, profiles, and that the input is never touched.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from "fs";
import * as path from "path";
import { analyze } from "../../src/core/analyze";
import { cellText } from "../../src/core/grid";
import { ignoreRecord, placeFindings, withIgnore } from "../../src/core/ignores";
import { parseState, stateJson } from "../../src/core/state";
import { SUMMARY_SHEET_NAME } from "../../src/core/summary-sheet";
import { readXlsx } from "../../src/xlsx/read";
import { statePartXml } from "../../src/xlsx/state-xml";
import { runMain, sha256 } from "../support/cli";
import { BLANK_BUDGET_SCORE_FORM, INDICATOR_HEADER, SATISFACTION_ROW, threeIndicatorForm } from "../support/grid";
import { YUNXI, tempDir, xlsxFromRows } from "../support/xlsx";

describe("jixiao score on the yunxi fixture", () => {
  const dir = tempDir();
  const input = path.join(dir, "yunxi.xlsx");
  const output = path.join(dir, "scored.xlsx");
  const json = path.join(dir, "report.json");
  let result: { code: number; out: string; err: string };
  let before: string;

  beforeAll(async () => {
    copyFileSync(YUNXI, input);
    before = sha256(input);
    result = await runMain("score", input, "--out", output, "--json", json);
  });

  it("exits 1 because there are error findings, and prints a summary", () => {
    expect(result.code).toBe(1);
    expect(result.out).toContain("识别到 1 张预算表、1 张指标表");
    // Its weights add up to 110: the total is shown, never graded, and the headline says why.
    expect(result.out).toContain("综合得分 106.47（表中填 96），等次 —（未评等次：预算执行率分值 10 加各指标分值 100，合计 110 分");
    expect(result.out).toMatch(/错误 \d+，警告 \d+/);
    expect(result.out).toContain("部门整体支出绩效自评表!H24 score-mismatch");
  });

  it("never touches the input file", () => {
    expect(sha256(input)).toBe(before);
  });

  it("writes the jixiao-report/1 JSON contract", () => {
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.schema).toBe("jixiao-report/1");
    expect(report.input).toBe(input);
    expect(report.writes).toEqual([
      { sheet: "部门整体支出绩效自评表", cell: "G4", before: null, after: "1" },
      { sheet: "部门整体支出绩效自评表", cell: "H4", before: null, after: "10" },
    ]);
    expect(report.budget[0]).toMatchObject({ row: 4, rate: "1", recordedRate: null, score: "10" });
    const h24 = report.indicators.find((i: { row: number }) => i.row === 24);
    expect(h24).toMatchObject({
      target: { text: "150万元", op: null, value: "150", unit: "万元" },
      actual: { text: "191.18万元", value: "191.18", unit: "万元" },
      weight: "3",
      score: "2.35",
      recordedScore: "3",
    });
    for (const f of report.findings) expect(Object.keys(f).sort()).toEqual(["cell", "message", "rule", "severity", "sheet"]);
  });

  it("changes no input cell outside `writes`, and adds the 综合得分 sheet", async () => {
    const a = (await readXlsx(input)).grid;
    const b = (await readXlsx(output)).grid;
    expect(b.sheets.map((s) => s.name)).toEqual([...a.sheets.map((s) => s.name), SUMMARY_SHEET_NAME]);
    const written = new Set(["G4", "H4"].map((c) => c));
    const sa = a.sheets[0];
    const sb = b.sheets[0];
    for (let r = 0; r < Math.max(sa.values.length, sb.values.length); r++) {
      for (let c = 0; c < 12; c++) {
        const cell = String.fromCharCode(65 + c) + (r + 1);
        if (written.has(cell)) continue;
        expect([cell, sb.values[r]?.[c] ?? null]).toEqual([cell, sa.values[r]?.[c] ?? null]);
      }
    }
    expect(sb.values[3][6]).toBe(1);
    expect(sb.numFmts[3][6]).toBe("0.00%");
    expect(sb.values[3][7]).toBe(10);
  });

  it("marks flagged cells with a fill by severity", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const ws = wb.getWorksheet("部门整体支出绩效自评表")!;
    expect((ws.getCell("H24").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect((ws.getCell("F18").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFEB9C");
    expect((ws.getCell("D24").fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe("FFFFC7CE");
  });

  it("a second run on the output writes nothing new and replaces its own summary sheet", async () => {
    const again = path.join(dir, "again.xlsx");
    const json2 = path.join(dir, "again.json");
    await runMain("score", output, "--out", again, "--json", json2);
    expect(JSON.parse(readFileSync(json2, "utf8")).writes).toEqual([]);
    const names = (await readXlsx(again)).grid.sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith(SUMMARY_SHEET_NAME))).toEqual([SUMMARY_SHEET_NAME]);
  });
});

describe("jixiao score options and inputs", () => {
  it("writes English messages with --lang en", async () => {
    const dir = tempDir();
    const json = path.join(dir, "r.json");
    const r = await runMain("score", YUNXI, "--out", path.join(dir, "o.xlsx"), "--json", json, "--lang", "en");
    // Counts in the right number: one table, several errors.
    expect(r.out).toContain("Found 1 budget table and 1 indicator table");
    expect(r.out).toMatch(/Findings: \d+ errors, \d+ warnings?, \d+ info; \d+ blank cells? filled/);
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.findings.find((f: { rule: string }) => f.rule === "weights-total").message).toMatch(/should make 100/);
  });

  it("applies --grades to the total's grade", async () => {
    const dir = tempDir();
    const json = path.join(dir, "r.json");
    // Weights adding up to 100 (a grade is only given on 100 points), every target met.
    const input = await xlsxFromRows(path.join(dir, "in.xlsx"), "自评表", [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "培训场次", "≥10场", "9场", 60, null],
      ["效益指标", "社会效益指标", "受益人数", "≥100人", "120人", 30, null],
      ["满意度指标", "满意度指标", "学员满意度", "≥90%", "95%", 10, null],
      ["总分", null, null, null, null, 100, 94],
      ["评价等次", null, null, null, null, null, "优"],
    ]);
    await runMain("score", input, "--out", path.join(dir, "o.xlsx"), "--json", json, "--grades", "99:优秀,90:良好,0:较差");
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.totals[0]).toMatchObject({ score: "94", grade: "良好" });
    // The total 94 (54 + 30 + 10) is 良好 under this profile, not the recorded 优 (优 by default).
    expect(report.findings.some((f: { rule: string; cell: string }) => f.rule === "grade-mismatch" && f.cell === "G6")).toBe(true);
  });

  it("reads a --profile JSON, and rejects a bad one with exit 2", async () => {
    const dir = tempDir();
    const profile = path.join(dir, "p.json");
    writeFileSync(profile, JSON.stringify({ budgetWeight: 20, negativeFormula: "linear" }));
    const json = path.join(dir, "r.json");
    await runMain("score", YUNXI, "--out", path.join(dir, "o.xlsx"), "--json", json, "--profile", profile);
    const report = JSON.parse(readFileSync(json, "utf8"));
    // Linear decay: 3 × (2×150 − 191.18) ÷ 150 = 2.1764 → 2.18.
    expect(report.indicators.find((i: { row: number }) => i.row === 24).score).toBe("2.18");
    writeFileSync(profile, JSON.stringify({ negativeFormula: "cubic" }));
    const bad = await runMain("score", YUNXI, "--out", path.join(dir, "o2.xlsx"), "--profile", profile);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("negativeFormula");
  });

  it("names the profile file a bad setting is in: --profile, or the jixiao.json beside the workbook (review round 52d L4)", async () => {
    const dir = tempDir();
    const profile = path.join(dir, "p.json");
    writeFileSync(profile, JSON.stringify({ foo: 1 }));
    const unknown = await runMain("score", YUNXI, "--out", path.join(dir, "o.xlsx"), "--profile", profile);
    expect([unknown.code, unknown.err.trim()]).toEqual([2, `${profile}：评分方案中不认识的设置：foo`]);
    const file = path.join(dir, "x.xlsx");
    copyFileSync(YUNXI, file);
    writeFileSync(path.join(dir, "jixiao.json"), JSON.stringify({ scoreDecimals: 9 }));
    const beside = await runMain("score", file, "--lang", "en");
    expect([beside.code, beside.err.trim()]).toEqual([2, expect.stringMatching(new RegExp(`^${path.join(dir, "jixiao.json").replace(/[.\\/]/g, "\\$&")}: scoreDecimals `))]);
  });

  it("names a hidden sheet it did not check, in the console and the JSON report", async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("2022年", { state: "hidden" }).addRows(threeIndicatorForm());
    wb.addWorksheet("自评表").addRows(threeIndicatorForm());
    const file = path.join(dir, "two-years.xlsx");
    await wb.xlsx.writeFile(file);
    const json = path.join(dir, "r.json");
    const r = await runMain("score", file, "--out", path.join(dir, "o.xlsx"), "--json", json);
    expect(r.out).toContain("识别到 0 张预算表、1 张指标表");
    expect(r.out).toContain("隐藏的工作表或列未检查：2022年");
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.hiddenSheets).toEqual(["2022年"]);
    expect(report.findings.every((f: { sheet: string }) => f.sheet === "自评表")).toBe(true);
  });

  it("counts no header with nothing under it, says so once on the count line, and names it in the JSON report", async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("项目A").addRows(threeIndicatorForm());
    wb.addWorksheet("模板").addRows([["项目支出绩效自评表"], INDICATOR_HEADER]);
    const file = path.join(dir, "with-template.xlsx");
    await wb.xlsx.writeFile(file);
    const json = path.join(dir, "r.json");
    const r = await runMain("score", file, "--out", path.join(dir, "o.xlsx"), "--json", json);
    expect(r.out).toContain("识别到 0 张预算表、1 张指标表；另有 1 张只有表头的空表未计入：模板!A2:H2\n");
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.tables.map((t: { sheet: string }) => t.sheet)).toEqual(["项目A"]);
    expect(report.emptyTables).toEqual(["模板!A2:H2"]);
    // A workbook of the template alone holds no form: exit 2, and why.
    const alone = new ExcelJS.Workbook();
    alone.addWorksheet("模板").addRows([["项目支出绩效自评表"], INDICATOR_HEADER]);
    const bare = path.join(dir, "template.xlsx");
    await alone.xlsx.writeFile(bare);
    const none = await runMain("score", bare, "--out", path.join(dir, "never.xlsx"));
    expect([none.code, none.err.trim()]).toEqual([2, `${bare}: 只找到只有表头的空表：模板!A2:H2。请填写后重新运行。`]);
  });

  it("exits 0 when there are only warnings", async () => {
    const dir = tempDir();
    const file = await xlsxFromRows(path.join(dir, "ok.xlsx"), "自评表", threeIndicatorForm());
    const r = await runMain("score", file, "--out", path.join(dir, "o.xlsx"));
    expect(r.out).toContain("警告 2"); // over-achievement at 140% and its missing reason
    expect(r.code).toBe(0);
  });
});

describe("bad inputs exit 2 with one clear line", () => {
  const dir = tempDir();

  async function expectUnreadable(file: string, message: RegExp) {
    const r = await runMain("score", file, "--out", path.join(dir, "never.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\bat .*\.(js|ts):\d+/); // no stack trace
    expect(existsSync(path.join(dir, "never.xlsx"))).toBe(false);
  }

  it("a missing file", () => expectUnreadable(path.join(dir, "nope.xlsx"), /文件不存在/));

  it("a device or a pipe, which would be read without end", async () => {
    await expectUnreadable("/dev/zero", /\/dev\/zero: 不是普通文件（是设备或管道）/);
    const fifo = path.join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    await expectUnreadable(fifo, /pipe\.xlsx: 不是普通文件（是设备或管道）/);
  });

  // Review round 56b M1: told as 无法读取（ERR_FS_FILE_TOO_LARGE）. The file is sparse: nothing is written.
  it("a file too large to read, named with its size in both languages", async () => {
    const file = path.join(dir, "x.xlsx");
    writeFileSync(file, "");
    truncateSync(file, 3 * 2 ** 30);
    await expectUnreadable(file, /x\.xlsx: 文件有 3072 MB，超过可读取的文件 2048 MB 的上限（自评表工作簿通常只有几 MB：请确认选对了文件）$/);
    const en = await runMain("score", file, "--lang", "en");
    expect(en.err.trim()).toMatch(/the file is 3072 MB, over the limit of 2048 MB for a file read \(self-evaluation workbooks are a few MB: check that this is the right file\)$/);
    unlinkSync(file);
  });

  it("an empty (zero-byte) file", async () => {
    const file = path.join(dir, "empty.xlsx");
    writeFileSync(file, "");
    await expectUnreadable(file, /文件是空的/);
  });

  it("a workbook whose only sheet is empty: names the headers looked for", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    const file = path.join(dir, "blank.xlsx");
    await wb.xlsx.writeFile(file);
    await expectUnreadable(file, /没有找到预算表或绩效指标表.*全年预算数.*三级指标/);
  });

  it("a workbook with no worksheets at all", async () => {
    const file = path.join(dir, "nosheets.xlsx");
    await new ExcelJS.Workbook().xlsx.writeFile(file);
    await expectUnreadable(file, /工作簿中没有工作表/);
  });

  it("a zip that holds no workbook (another archive renamed .xlsx)", async () => {
    // JSZip comes with ExcelJS, which uses it for every .xlsx.
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip().file("photo.txt", "not a spreadsheet");
    const file = path.join(dir, "archive.xlsx");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    await expectUnreadable(file, /不是 \.xlsx 工作簿（压缩包里没有 Excel 工作簿内容）/);
  });

  it("a workbook with text but no tables", async () => {
    const file = await xlsxFromRows(path.join(dir, "notables.xlsx"), "说明", [["2023年度绩效自评说明"], ["本单位认真开展自评工作。"], [12, 34]]);
    await expectUnreadable(file, /没有找到预算表或绩效指标表/);
  });

  it("a corrupted zip", async () => {
    const file = path.join(dir, "corrupt.xlsx");
    writeFileSync(file, readFileSync(YUNXI).subarray(0, 2000));
    await expectUnreadable(file, /文件已损坏/);
  });

  it("a password-protected (encrypted) workbook", async () => {
    // An encrypted .xlsx is an OLE compound file holding an EncryptionInfo stream.
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const file = path.join(dir, "locked.xlsx");
    writeFileSync(file, Buffer.concat([header, Buffer.alloc(504), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(512)]));
    await expectUnreadable(file, /设有打开密码/);
  });

  it("an old .xls workbook", async () => {
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const file = path.join(dir, "old.xls");
    writeFileSync(file, Buffer.concat([header, Buffer.alloc(504), Buffer.from("Workbook", "utf16le"), Buffer.alloc(512)]));
    await expectUnreadable(file, /旧版 \.xls/);
  });

  it("a text file named .xlsx", async () => {
    const file = path.join(dir, "fake.xlsx");
    writeFileSync(file, "序号,项目名称\n1,办公\n");
    await expectUnreadable(file, /不是 \.xlsx 工作簿/);
  });

  it("says it all in English with --lang en", async () => {
    const oldXls = path.join(dir, "old-en.xls");
    writeFileSync(oldXls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
    const blank = path.join(dir, "blank-en.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    await wb.xlsx.writeFile(blank);
    const badProfile = path.join(dir, "bad-en.json");
    writeFileSync(badProfile, JSON.stringify({ negativeFormula: "cubic" }));
    const cases: [string[], RegExp][] = [
      [["score", path.join(dir, "nope.xlsx")], /nope\.xlsx: no such file$/],
      [["score", oldXls], /this is an old \.xls file; save it as \.xlsx/],
      [["score", blank], /No budget or indicator table was found/],
      [["score", YUNXI, "--profile", badProfile], /^\S*bad-en\.json: negativeFormula should be "ratio" or "linear"$/],
      [["score", YUNXI, "--out", YUNXI], /the output .* is the input file itself/],
      [["score", YUNXI, "--json", YUNXI], /--json cannot name the input/],
    ];
    for (const [args, message] of cases) {
      const r = await runMain(...args, "--lang", "en");
      expect([args, r.code, r.err]).toEqual([args, 2, expect.stringMatching(message)]);
      // No Chinese words, but for the header wordings a table is looked for by.
      expect(r.err.replace(/headers \([^)]*\)/g, "")).not.toMatch(/[\u4e00-\u9fff]{2}/);
    }
  });

  it("refuses to write over the input", async () => {
    const file = path.join(dir, "same.xlsx");
    copyFileSync(YUNXI, file);
    const before = sha256(file);
    const r = await runMain("score", file, "--out", file);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${file}: 输出文件 ${file} 就是输入文件（输入文件不会被修改）`);
    expect(sha256(file)).toBe(before);
  });

  it("refuses a --json that would replace the input or the scored copy, and an --out that links to the input", async () => {
    const file = path.join(dir, "keep.xlsx");
    copyFileSync(YUNXI, file);
    const before = sha256(file);
    const overInput = await runMain("score", file, "--json", file);
    expect(overInput.code).toBe(2);
    expect(overInput.err).toContain("--json 不能写到输入文件上");
    const scored = path.join(dir, "keep.scored.xlsx");
    const overOutput = await runMain("score", file, "--out", scored, "--json", scored);
    expect(overOutput.code).toBe(2);
    expect(overOutput.err).toContain("--json 不能写到评分后的工作簿上");
    const link = path.join(dir, "link.xlsx");
    symlinkSync(file, link);
    const throughLink = await runMain("score", file, "--out", link);
    expect(throughLink.code).toBe(2);
    expect(throughLink.err).toContain("就是输入文件");
    expect(sha256(file)).toBe(before);
  });

  it("an unknown option", async () => {
    const r = await runMain("score", YUNXI, "--frobnicate");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^错误：不认识的选项 --frobnicate/);
  });
});

describe("a workbook that already has a user's own 综合得分 sheet", () => {
  /** The yunxi fixture with a sheet of the user's own named 综合得分, in a folder of its own. */
  const withOwnSummary = async (): Promise<{ dir: string; file: string }> => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(YUNXI);
    wb.addWorksheet(SUMMARY_SHEET_NAME).getCell("A1").value = "我自己的汇总";
    const file = path.join(dir, "own.xlsx");
    await wb.xlsx.writeFile(file);
    return { dir, file };
  };

  it("is left alone; the summary goes to 综合得分(2)", async () => {
    const { dir, file } = await withOwnSummary();
    await runMain("score", file, "--out", path.join(dir, "o.xlsx"));
    const grid = (await readXlsx(path.join(dir, "o.xlsx"))).grid;
    expect(cellText(grid.sheets.find((s) => s.name === SUMMARY_SHEET_NAME)!.values[0][0])).toBe("我自己的汇总");
    expect(grid.sheets.some((s) => s.name === `${SUMMARY_SHEET_NAME}(2)`)).toBe(true);
  });

  it("the findings not printed are pointed to on 综合得分(2), and in a JSON report only when --json writes one (review round 52d L5)", async () => {
    const { dir, file } = await withOwnSummary();
    const plain = await runMain("score", file, "--out", path.join(dir, "o.xlsx"));
    expect(plain.out).toMatch(/……另有 \d+ 条，见 综合得分\(2\) 表\n/);
    const withJson = await runMain("score", file, "--out", path.join(dir, "o.xlsx"), "--json", path.join(dir, "o.json"));
    expect(withJson.out).toMatch(/……另有 \d+ 条，见 JSON 报告或 综合得分\(2\) 表\n/);
    const english = await runMain("score", YUNXI, "--out", path.join(dir, "y.xlsx"), "--lang", "en");
    expect(english.out).toMatch(/… \d+ more: see the 综合得分 sheet\n/);
  });
});

describe("text that looks like a formula", () => {
  it("is written as text on the summary sheet, never as a formula", async () => {
    const dir = tempDir();
    const file = await xlsxFromRows(path.join(dir, "formulas.xlsx"), "自评表", [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
      ["=产出指标", "数量指标", "=SUM(A1:A9)", "≥10次", "10次", 50, 50, ""],
      ["+效益指标", "社会效益", "=SUM(A1:A9)", "≥10次", "10次", 30, 30, ""],
      ["@满意度", "服务对象满意度", "-满意度", "≥90%", "95%", 10, 10, ""],
    ]);
    const output = path.join(dir, "o.xlsx");
    await runMain("score", file, "--out", output);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(output);
    const summary = out.getWorksheet(SUMMARY_SHEET_NAME)!;
    const texts: string[] = [];
    summary.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula).toBeUndefined();
        if (typeof cell.value === "string") texts.push(cell.value);
      }),
    );
    expect(texts).toEqual(expect.arrayContaining(["=产出指标", "+效益指标", "@满意度"]));
    expect(texts.some((t) => t.includes("=SUM(A1:A9)"))).toBe(true); // in the duplicate-indicator message
    const sheet = out.getWorksheet("自评表")!;
    expect(sheet.getCell("C2").value).toBe("=SUM(A1:A9)");
    expect(sheet.getCell("C2").formula).toBeUndefined();
  });
});

describe("outputs that cannot be written", () => {
  it("an --out that is a folder, or a --json in a missing place behind a file: one line, exit 2", async () => {
    const dir = tempDir();
    const blocked = path.join(dir, "folder.xlsx");
    mkdirSync(blocked);
    const r = await runMain("score", YUNXI, "--out", blocked);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/无法写出评分结果/);
    const file = path.join(dir, "plain.txt");
    writeFileSync(file, "x");
    const j = await runMain("score", YUNXI, "--out", path.join(dir, "o.xlsx"), "--json", path.join(file, "r.json"));
    expect(j.code).toBe(2);
    expect(j.err).toMatch(/无法写出 JSON 报告/);
  });

  it("reads a profile saved with a UTF-8 byte-order mark", async () => {
    const dir = tempDir();
    const profile = path.join(dir, "bom.json");
    writeFileSync(profile, "\uFEFF" + JSON.stringify({ budgetWeight: 10 }));
    const r = await runMain("score", YUNXI, "--out", path.join(dir, "o.xlsx"), "--profile", profile);
    expect(r.code).toBe(1);
  });
});

describe("formula cells", () => {
  it("are never written into, even when their result is blank; Excel recalculates on open", async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("项目自评表");
    ws.addRows([
      ["项目", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 100, 80, 10, null, null],
    ]);
    ws.getCell("E2").value = { formula: 'IF(B2=0,"",C2/B2)', result: "" };
    ws.addRow([]);
    ws.addRows(
      threeIndicatorForm({
        output: ["产出指标", "数量指标", "培训场次", "≥10次", "5次", 50, null, "疫情"],
        effect: ["效益指标", "社会效益", "受益人数", "≥100人", "50人", 30, null, "疫情"],
      }),
    );
    ws.getCell("G6").value = { formula: "F6*E6/D6" } as ExcelJS.CellFormulaValue; // no cached result
    const file = path.join(dir, "formulas.xlsx");
    await wb.xlsx.writeFile(file);
    const json = path.join(dir, "r.json");
    await runMain("score", file, "--out", path.join(dir, "o.xlsx"), "--json", json);
    const cells = JSON.parse(readFileSync(json, "utf8")).writes.map((w: { cell: string }) => w.cell);
    expect(cells).toEqual(["F2", "G5"]); // the blank score of the budget line and of 培训场次
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(path.join(dir, "o.xlsx"));
    const sheet = out.getWorksheet("项目自评表")!;
    expect(sheet.getCell("E2").formula).toBe('IF(B2=0,"",C2/B2)');
    expect(sheet.getCell("G6").formula).toBe("F6*E6/D6");
  });

  it("the scored workbook asks Excel to recalculate on open (jixiao does not evaluate formulas)", async () => {
    const dir = tempDir();
    await runMain("score", YUNXI, "--out", path.join(dir, "o.xlsx"));
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, "o.xlsx")));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });
});

describe("a recorded total with more digits than its cell shows", () => {
  it("is printed as its cell shows it, as the finding about it quotes it; the JSON keeps every digit", async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("项目自评表");
    ws.addRows([
      ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 300, 300, 200, 10, 2 / 3, 20 / 3],
      [],
      INDICATOR_HEADER,
      ["产出指标", "数量指标", "培训人次", "≥1200人次", "1000人次", 30, 25, "报名不足"],
      ["", "质量指标", "合格率", "≥95%", "90%", 20, 18.95, "考核从严"],
      ["效益指标", "社会效益指标", "就业率", "≥60%", "45%", 30, 22.5, "经济下行"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "90%", 10, 10, ""],
      // A total pasted as a value from another sum: a double, shown to two decimals.
      ["总分", "", "", "", "", 100, 76.6666666666667],
    ]);
    ws.getCell("G9").numFmt = "0.00";
    for (const cell of ["F2", "G2"]) ws.getCell(cell).numFmt = "0.00%";
    const file = path.join(dir, "tail.xlsx");
    await wb.xlsx.writeFile(file);
    const json = path.join(dir, "r.json");
    const result = await runMain("score", file, "--out", path.join(dir, "o.xlsx"), "--json", json);
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.totals[0]).toMatchObject({ score: "83.12", recordedScore: "76.6666666666667" });
    expect(result.out).toContain("综合得分 83.12（表中填 76.67）");
    const mismatch = report.findings.find((f: { rule: string }) => f.rule === "total-mismatch");
    expect(mismatch.message).toContain("填的是 76.67");
  });
});

describe("a 总分 formula whose result jixiao writes", () => {
  /** A form whose budget score (6.67) is blank and whose 总分 is =SUM over it, cached as `cached` (none: undefined). */
  async function formulaTotal(dir: string, cached: number | undefined): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("项目自评表");
    ws.addRows(BLANK_BUDGET_SCORE_FORM);
    ws.getCell("G9").value = { formula: "SUM(G2,G5:G8)", ...(cached !== undefined && { result: cached }) } as ExcelJS.CellFormulaValue;
    const file = path.join(dir, "formula.xlsx");
    await wb.xlsx.writeFile(file);
    return file;
  }

  it.each([
    ["no cached result (openpyxl saves none)", undefined],
    ["a stale cached result", 70],
  ])("with %s, is quoted as the copy shows it, on the first run as on the next", async (_, cached) => {
    const dir = tempDir();
    const first = path.join(dir, "first.xlsx");
    const run = await runMain("score", await formulaTotal(dir, cached), "--out", first);
    // 6.67 + 25 + 18.95 + 22.5 + 10, written as the formula's cached result in a General cell.
    expect(run.out).toContain("  项目自评表：综合得分 83.12（表中填 83.12），等次 良");
    const again = await runMain("score", first, "--out", path.join(dir, "second.xlsx"));
    expect(again.out).toContain("  项目自评表：综合得分 83.12（表中填 83.12），等次 良");
  });
});

describe("a 分值 and 得分 merged over two indicators in a real .xlsx", () => {
  it("scores them as one group: a score no split can give is flagged on the merged cell, nothing is written there", async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    ws.addRows([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 10, 7, ""],
      ["产出指标", "数量指标", "培训人数", "≥100人", "80人", null, null, "部分学员缺席"],
      // The indicators carry all 100 points (no budget table), so the total shows what the group counts.
      ["产出指标", "质量指标", "合格率", "≥95%", "96%", 50, 50, ""],
      ["效益指标", "社会效益", "服务水平", "有效提升", "有效提升", 30, 30, ""],
      SATISFACTION_ROW,
    ]);
    ws.mergeCells("F2:F3");
    ws.mergeCells("G2:G3");
    const input = path.join(dir, "merged.xlsx");
    await wb.xlsx.writeFile(input);
    const json = path.join(dir, "r.json");
    const { code } = await runMain("score", input, "--out", path.join(dir, "o.xlsx"), "--json", json);
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(code).toBe(1);
    expect(report.findings.map((f: { rule: string; cell: string }) => `${f.rule}@${f.cell}`)).toEqual(["score-mismatch@G2"]);
    expect(report.findings[0].message).toContain("8 至 10 之间");
    expect(report.writes).toEqual([]);
    expect(report.totals[0].score).toBe("99");
  });
});

describe("jixiao score honours the findings the add-in's record ignores", () => {
  test("an ignored finding is listed with its reason, out of the findings and the JSON report", async () => {
    const dir = tempDir();
    const first = path.join(dir, "first.xlsx");
    await runMain("score", YUNXI, "--out", first);
    // The copy carries jixiao's record; add an ignore to it as the add-in stores one.
    const { grid } = await readXlsx(first);
    const analysis = analyze(grid);
    const index = analysis.findings.findIndex((f) => f.rule === "over-achievement");
    const finding = analysis.findings[index];
    const record = withIgnore(parseState(grid.state), ignoreRecord(finding, placeFindings(analysis, grid)[index], "拍卖数量由上级下达"));
    const zip = await JSZip.loadAsync(readFileSync(first));
    const part = Object.keys(zip.files).find((name) => name.startsWith("customXml/item") && !name.includes("Props") && !name.includes("_rels"))!;
    zip.file(part, statePartXml(stateJson(record)));
    const ignoring = path.join(dir, "ignoring.xlsx");
    writeFileSync(ignoring, await zip.generateAsync({ type: "nodebuffer" }));

    const json = path.join(dir, "report.json");
    const result = await runMain("score", ignoring, "--out", path.join(dir, "again.xlsx"), "--json", json);
    expect(result.out).toContain(`[已忽略] ${finding.sheet}!${finding.cell} over-achievement：拍卖数量由上级下达`);
    const report = JSON.parse(readFileSync(json, "utf8")) as { findings: { rule: string; cell: string }[] };
    expect(report.findings.some((f) => f.rule === "over-achievement" && f.cell === finding.cell)).toBe(false);
  });
});
