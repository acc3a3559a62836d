/**
 * The command holds V8's young generation at its starting size (src/cli/heap.ts). V8 ignores a flag
 * it no longer knows, printing an error: run in a process of its own, the setting must still be
 * taken, and quietly, by the Node this runs on.
 */
import { spawnSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ts from "typescript";
import { tempDir } from "../support/xlsx";

const HEAP_MODULE = path.join(__dirname, "..", "..", "src", "cli", "heap.ts");

/** The largest young generation seen while a child allocates in bursts and keeps a little of each. */
function youngGenerationPeak(hold: boolean): { megabytes: number; stderr: string } {
  const compiled = path.join(tempDir("jixiao-heap-"), "heap.js");
  writeFileSync(compiled, ts.transpileModule(readFileSync(HEAP_MODULE, "utf8"), { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText);
  const script = `
    ${hold ? `require(${JSON.stringify(compiled)}).holdYoungGeneration();` : ""}
    const v8 = require("v8");
    let peak = 0;
    const kept = [];
    for (let i = 0; i < 300000; i++) {
      kept.push({ i, text: "cell " + i });
      if (kept.length > 5000) kept.splice(0, 2500);
      if (i % 1000 === 0) peak = Math.max(peak, v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size);
    }
    console.log(peak / 1048576);`;
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  return { megabytes: Number(child.stdout.trim()), stderr: child.stderr };
}

test("the young generation stays at its starting size, where V8 left alone grows it", () => {
  const held = youngGenerationPeak(true);
  const free = youngGenerationPeak(false);
  expect(held.stderr).toBe("");
  expect(held.megabytes).toBeGreaterThan(0);
  expect(free.megabytes).toBeGreaterThanOrEqual(2 * held.megabytes);
});
