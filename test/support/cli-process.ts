/**
 * The command line as users run it: compiled by tsc into a temporary folder laid out like the
 * package (bin/, dist-cli/, node_modules), and run as its own process. Folder mode needs this:
 * its workers load the compiled score-worker.js.
 */
import { execFileSync, spawn } from "child_process";
import { copyFileSync, mkdirSync, symlinkSync } from "fs";
import * as path from "path";
import { tempDir } from "./xlsx";

const ROOT = path.join(__dirname, "..", "..");

/** Compiles the command line once per test file; returns the path of its bin/jixiao.js. */
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

/** Runs the built command with `args` and waits for it to end. */
export function runCli(bin: string, args: string[]): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
