/**
 * Running the command line in tests: `main` in this process, or the compiled command as its own
 * process. Folder mode needs the latter: its workers load the compiled score-worker.js.
 */
import { ChildProcess, execFileSync, spawn } from "child_process";
import { createHash } from "crypto";
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { Report } from "../../src/core/report";
import { tempDir } from "./xlsx";

/** Runs `jixiao …args` through `main` in this process: exit code and printed lines. */
export async function runMain(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["node", "jixiao", ...args], { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

export interface ScoredPackage {
  code: number;
  out: string;
  err: string;
  /** The paths of the input written and of its scored copy. */
  input: string;
  copy: string;
  /** The JSON report and the copy's bytes; absent when the input could not be scored (exit 2). */
  report?: Report;
  output?: Uint8Array;
}

/** Scores a package's bytes through `main`, in a folder of its own, with its JSON report. */
export async function scorePackage(bytes: Uint8Array, ...options: string[]): Promise<ScoredPackage> {
  const dir = tempDir();
  const input = path.join(dir, "in.xlsx");
  writeFileSync(input, bytes);
  const copy = path.join(dir, "out.xlsx");
  const json = path.join(dir, "report.json");
  const r = await runMain("score", input, "--out", copy, "--json", json, ...options);
  if (r.code === 2) return { ...r, input, copy };
  return { ...r, input, copy, report: JSON.parse(readFileSync(json, "utf8")) as Report, output: readFileSync(copy) };
}

/** A file's SHA-256, to show an input was not touched. */
export const sha256 = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

const ROOT = path.join(__dirname, "..", "..");

/**
 * Compiles the command line into a temporary folder laid out like the package (bin/, dist-cli/,
 * node_modules), once per test file; returns the path of its bin/jixiao.js.
 */
export function buildCli(): string {
  const home = tempDir("jixiao-cli-");
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.cli.json"), "--outDir", path.join(home, "dist-cli")]);
  mkdirSync(path.join(home, "bin"));
  copyFileSync(path.join(ROOT, "bin", "jixiao.js"), path.join(home, "bin", "jixiao.js"));
  symlinkSync(path.join(ROOT, "node_modules"), path.join(home, "node_modules"));
  return path.join(home, "bin", "jixiao.js");
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the built command with `args`, its output piped, for a test that acts while it runs. */
export function startCli(bin: string, args: string[]): ChildProcess {
  return spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

/** Waits for a started command to end: its exit code and everything it printed. */
export function finished(child: ChildProcess): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the built command with `args` and waits for it to end. */
export function runCli(bin: string, args: string[]): Promise<ProcessResult> {
  return finished(startCli(bin, args));
}
