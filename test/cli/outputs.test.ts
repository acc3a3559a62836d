/**
 * What `jixiao score` writes: never the input (compared as files, not names), whole or not at
 * all (an older output survives a failed write), and printed text that cannot drive a terminal.
 */
import { copyFileSync, linkSync, promises as fsp, readFileSync, readdirSync, symlinkSync, writeFileSync } from "fs";
import * as path from "path";
import { terminalText } from "../../src/cli/terminal";
import { spawn, spawnSync } from "child_process";
import { buildCli, runMain, sha256 } from "../support/cli";
import { threeIndicatorForm } from "../support/grid";
import { YUNXI, tempDir, xlsxFromRows } from "../support/xlsx";

describe("the input is never written", () => {
  const links: [string, (target: string, link: string) => void][] = [
    ["a hard link", linkSync],
    ["a symbolic link", symlinkSync],
  ];

  it.each(links)("refuses an --out that is %s to the input", async (_, makeLink) => {
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    copyFileSync(YUNXI, input);
    const before = sha256(input);
    const link = path.join(dir, "other-name.xlsx");
    makeLink(input, link);
    const r = await runMain("score", input, "--out", link);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${input}: 输出文件 ${link} 就是输入文件（输入文件不会被修改）`);
    expect(sha256(input)).toBe(before);
  });

  it.each(links)("refuses a --json that is %s to the input, before scoring", async (_, makeLink) => {
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    copyFileSync(YUNXI, input);
    const before = sha256(input);
    const link = path.join(dir, "report.json");
    makeLink(input, link);
    const r = await runMain("score", input, "--out", path.join(dir, "o.xlsx"), "--json", link, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${link}: --json cannot name the input (the report would replace the workbook ${input})`);
    expect(readdirSync(dir).sort()).toEqual(["in.xlsx", "report.json"]);
    expect(sha256(input)).toBe(before);
  });
});

/** Every file opened for a new output writes half its data, then finds the disk full. */
function diskFullAfterHalf(): jest.SpyInstance {
  const realOpen = fsp.open.bind(fsp);
  return jest.spyOn(fsp, "open").mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
    const handle = await realOpen(...args);
    if (args[1] !== "wx") return handle;
    handle.writeFile = async (data: Parameters<typeof handle.writeFile>[0]) => {
      const bytes = Buffer.from(data as Uint8Array | string);
      await handle.write(bytes.subarray(0, bytes.length >> 1));
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    };
    return handle;
  });
}

describe("outputs appear whole or not at all", () => {
  afterEach(() => jest.restoreAllMocks());

  it("a full disk while replacing an older scored copy leaves the older copy as it was, and no temporary file", async () => {
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    const output = path.join(dir, "in.jixiao.xlsx");
    copyFileSync(YUNXI, input);
    const before = sha256(input);
    expect((await runMain("score", input)).code).toBe(1);
    const older = sha256(output);
    diskFullAfterHalf();
    const r = await runMain("score", input, "--out", output);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${output}: 无法写出评分结果（磁盘已满）`);
    expect(sha256(output)).toBe(older);
    expect(readdirSync(dir).sort()).toEqual(["in.jixiao.xlsx", "in.xlsx"]);
    expect(sha256(input)).toBe(before);
  });

  it("a full disk while replacing an older JSON report leaves the older report as it was", async () => {
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    const json = path.join(dir, "report.json");
    copyFileSync(YUNXI, input);
    const before = sha256(input);
    writeFileSync(json, '{"older": true}\n');
    const real = fsp.open.bind(fsp);
    // Only the report's temporary file fails: the scored copy is written.
    jest.spyOn(fsp, "open").mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
      if (args[1] === "wx" && readdirSync(dir).includes("in.jixiao.xlsx")) throw Object.assign(new Error("ENOSPC"), { code: "ENOSPC" });
      return real(...args);
    });
    const r = await runMain("score", input, "--json", json, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${json}: cannot write the JSON report (the disk is full)`);
    expect(readFileSync(json, "utf8")).toBe('{"older": true}\n');
    expect(readdirSync(dir).sort()).toEqual(["in.jixiao.xlsx", "in.xlsx", "report.json"]);
    expect(sha256(input)).toBe(before);
  });

  // Review round 33 (reliability M1): Ctrl+C during the write left a 108 MB hidden temporary, one more each time.
  it("Ctrl+C while a copy is written removes the half-written temporary, and the process ends as the signal means", () => {
    const files = path.join(path.dirname(buildCli()), "..", "dist-cli", "cli", "files.js");
    const dir = tempDir();
    const script = [
      `const files = require(${JSON.stringify(files)});`,
      `files.noteOutputFolder(${JSON.stringify(dir)});`,
      `require("fs").writeFileSync(require("path").join(${JSON.stringify(dir)}, ".jixiao-" + process.pid + "-0a1b2c.tmp"), "half");`,
      // A copy still being written (the interval keeps the process busy) when Ctrl+C comes.
      `files.removingTemporariesOnSignal(() => new Promise(() => { setInterval(() => {}, 1000); process.kill(process.pid, "SIGINT"); }));`,
    ].join("\n");
    const child = spawnSync(process.execPath, ["-e", script]);
    expect(child.status).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a temporary that a run killed outright left goes at the next write in its folder; a running one's stays", async () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    const running = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      writeFileSync(path.join(dir, `.jixiao-${gone}-0a1b2c.tmp`), "half");
      writeFileSync(path.join(dir, `.jixiao-${running.pid}-0a1b2c.tmp`), "being written");
      expect((await runMain("score", YUNXI, "--out", path.join(dir, "scored.xlsx"))).code).toBe(1);
      expect(readdirSync(dir).sort()).toEqual([`.jixiao-${running.pid}-0a1b2c.tmp`, "scored.xlsx"]);
    } finally {
      running.kill();
    }
  });

  it("an --out that is a folder is refused at the rename and leaves no temporary file behind", async () => {
    const dir = tempDir();
    const blocked = path.join(dir, "folder.xlsx");
    await fsp.mkdir(path.join(blocked, "inside"), { recursive: true });
    const r = await runMain("score", YUNXI, "--out", blocked);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/无法写出评分结果（这是一个文件夹）$/);
    expect(readdirSync(dir)).toEqual(["folder.xlsx"]);
  });
});

describe("terminal output", () => {
  it.each([
    ["\u001b[2J\u001b[H清屏", "清屏"],
    ["\u001b[32m✓ 通过\u001b[0m", "✓ 通过"],
    ["\u001b]0;窗口标题\u0007名称", "名称"],
    ["\u001b]8;;http://x\u001b\\链接\u001b]8;;\u001b\\", "链接"],
    ["\u009b2J名称\u0000\u0008", "2J名称"],
    ["第一行\n  已写出：假的\r\t行", "第一行   已写出：假的  行"],
    ["文件\u202egnp.xlsx", "文件gnp.xlsx"],
    ["\u001bc复位", "复位"],
    ["末尾\u001b", "末尾"],
  ])("cleans %j to %j", (raw, clean) => {
    expect(terminalText(raw)).toBe(clean);
  });

  it("prints names and file names without control characters, while the JSON report keeps them exact", async () => {
    const dir = tempDir();
    // An escaped ESC as a workbook stores it (_x001B_), and an ESC in the file name itself.
    const input = await xlsxFromRows(path.join(dir, "\u001b[31m报表.xlsx"), "自评表", threeIndicatorForm({
        output: ["产出指标", "数量指标", "_x001B_[2J_x001B_[32m培训场次", "≥10场", "14场", 50, 50, ""],
      }),
    );
    const before = sha256(input);
    const json = path.join(dir, "report.json");
    const r = await runMain("score", input, "--json", json);
    expect(r.code).toBe(0);
    const printed = r.out + r.err;
    expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/); // line breaks only between lines
    expect(r.out).toContain(path.join(dir, "报表.xlsx"));
    expect(r.out).toContain("“培训场次”实际完成");
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.input).toBe(input);
    expect(report.findings.map((f: { message: string }) => f.message).join("")).toContain("“\u001b[2J\u001b[32m培训场次”");
    expect(sha256(input)).toBe(before);
  });

  it("prints a failure's file name cleaned too", async () => {
    const dir = tempDir();
    const input = path.join(dir, "\u001b[2J坏.xlsx");
    writeFileSync(input, "not a workbook");
    const r = await runMain("score", input);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${path.join(dir, "坏.xlsx")}: 不是 .xlsx 工作簿（文件内容不是 Excel 格式）`);
  });
});

describe("--grades and the profile, checked strictly", () => {
  it.each([
    [["--grades", ""], "--grades：等次设置为空，例如 90:优,80:良,60:中,0:差"],
    [["--grades", "90:优,90:良,0:差"], "--grades：分数 90 出现了两次（“优”和“良”）"],
    [["--grades", "101:神,90:优,0:差"], "--grades：等次“神”的分数 101 应在 0 到 100 之间"],
    [["--grades", "90:优,60:中"], "--grades：最低一档应从 0 分起（现为 60），否则低于它的总分没有等次"],
  ])("%j: exit 2, one line naming the key, nothing written", async (args, message) => {
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    copyFileSync(YUNXI, input);
    const before = sha256(input);
    const r = await runMain("score", input, ...args);
    expect([r.code, r.err]).toEqual([2, message]);
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
    expect(sha256(input)).toBe(before);
  });

  it("a profile with budgetWeight 1e308: exit 2, in English with --lang en", async () => {
    const dir = tempDir();
    const profile = path.join(dir, "p.json");
    writeFileSync(profile, '{ "budgetWeight": 1e308 }');
    const r = await runMain("score", YUNXI, "--out", path.join(dir, "o.xlsx"), "--profile", profile, "--lang", "en");
    expect([r.code, r.err]).toEqual([2, `${profile}: budgetWeight should be 0 to 100 points, not 1e+308`]);
    expect(readdirSync(dir)).toEqual(["p.json"]);
  });
});

describe("--lang", () => {
  it.each([["score", YUNXI], ["review", path.dirname(YUNXI)], ["clean", YUNXI, "--out", "x.xlsx"]])("%s --lang fr: exit 2 with the option named, in both languages", async (command, ...args) => {
    const r = await runMain(command, ...args, "--lang", "fr");
    expect(r.code).toBe(2);
    expect(r.err).toContain("option '--lang <lang>'");
    expect(r.err).toContain("只能是 zh 或 en，不是 fr / must be zh or en, not fr");
  });
});

describe("folder-mode options", () => {
  it.each([
    ["--jobs", "0", "1"],
    ["--max-memory", "8", "16"],
    ["--jobs", "two", "1"],
  ])("%s %s: exit 2 with the option named", async (option, value, least) => {
    const r = await runMain("score", YUNXI, option, value);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^错误：选项 ${option} <[^>]*> 的取值 ${value} 无效：应为不小于 ${least} 的整数$`));
    const en = await runMain("score", YUNXI, option, value, "--lang", "en");
    expect(en.err).toMatch(new RegExp(`^error: option '${option} <[^>]*>' argument '${value}' is invalid\\. should be a whole number of ${least} or more$`));
  });
});

describe("the option parser's own errors, in the language of --lang (review round 52d L12)", () => {
  it.each([
    [["clean", YUNXI], "错误：缺少必需的选项 --out <file>", "error: required option '--out <file>' not specified"],
    [["score", YUNXI, "--frobnicate"], "错误：不认识的选项 --frobnicate", "error: unknown option '--frobnicate'"],
    [["score"], "错误：缺少参数 input", "error: missing required argument 'input'"],
    [["score", YUNXI, "--out"], "错误：选项 --out <path> 缺少取值", "error: option '--out <path>' argument missing"],
  ])("%j", async (args, zh, en) => {
    const inZh = await runMain(...args);
    expect([inZh.code, inZh.err.trim()]).toEqual([2, zh]);
    // --lang after the option missing its value is that value: given before it.
    const inEn = await runMain(...(args.length > 1 ? [args[0], "--lang", "en", ...args.slice(1)] : [...args, "--lang=en"]));
    expect([inEn.code, inEn.err.trim()]).toEqual([2, en]);
  });
});
