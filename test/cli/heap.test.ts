/**
 * The command holds V8's young generation at its starting size (src/cli/heap.ts). V8 ignores a flag
 * it no longer knows, printing an error: run in a process of its own, the setting must still be
 * taken, and quietly, by the Node this runs on.
 */
import { spawnSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ts from "typescript";
import { Worker } from "worker_threads";
import { WORKER_YOUNG_GENERATION_MB } from "../../src/cli/heap";
import { tempDir } from "../support/xlsx";

const HEAP_MODULE = path.join(__dirname, "..", "..", "src", "cli", "heap.ts");

/** Allocates in bursts, keeping a little of each; `report` gets the largest young generation seen, in MB. */
const ALLOCATING = (report: string) => `
  const v8 = require("v8");
  let peak = 0;
  const kept = [];
  for (let i = 0; i < 300000; i++) {
    kept.push({ i, text: "cell " + i });
    if (kept.length > 5000) kept.splice(0, 2500);
    if (i % 1000 === 0) peak = Math.max(peak, v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size);
  }
  ${report}(peak / 1048576);`;

/** The young generation's peak in a process of its own, with the command's setting or without. */
function youngGenerationPeak(hold: boolean): { megabytes: number; stderr: string } {
  const compiled = path.join(tempDir("jixiao-heap-"), "heap.js");
  writeFileSync(compiled, ts.transpileModule(readFileSync(HEAP_MODULE, "utf8"), { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText);
  const script = (hold ? `require(${JSON.stringify(compiled)}).holdYoungGeneration();` : "") + ALLOCATING("console.log");
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  return { megabytes: Number(child.stdout.trim()), stderr: child.stderr };
}

/** The young generation's peak in a worker thread started with these resource limits. */
function workerYoungGenerationPeak(resourceLimits: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb?: number }): Promise<number> {
  const code = ALLOCATING(`require("worker_threads").parentPort.postMessage`);
  const worker = new Worker(code, { eval: true, resourceLimits });
  return new Promise((resolve, reject) => {
    worker.once("message", (megabytes: number) => void worker.terminate().then(() => resolve(megabytes)));
    worker.once("error", reject);
  });
}

test("the young generation stays at its starting size, where V8 left alone grows it", () => {
  const held = youngGenerationPeak(true);
  const free = youngGenerationPeak(false);
  expect(held.stderr).toBe("");
  expect(held.megabytes).toBeGreaterThan(0);
  expect(free.megabytes).toBeGreaterThanOrEqual(2 * held.megabytes);
});

test("a worker thread keeps the young generation the command's own thread keeps", async () => {
  const held = youngGenerationPeak(true).megabytes;
  const worker = await workerYoungGenerationPeak({ maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB });
  const free = await workerYoungGenerationPeak({ maxOldGenerationSizeMb: 1024 });
  expect(worker).toBeGreaterThan(0);
  expect(worker).toBeLessThanOrEqual(held);
  expect(free).toBeGreaterThanOrEqual(2 * worker);
});
