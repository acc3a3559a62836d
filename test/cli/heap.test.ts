/**
 * The command holds V8's young generation at its starting size (src/cli/heap.ts): its own thread
 * through a V8 flag set by bin/jixiao.js, its worker threads through their resource limits. Each
 * is checked where it is wired in, by what V8 reports of the young generation ("new space").
 */
import { spawnSync } from "child_process";
import { writeFileSync } from "fs";
import * as path from "path";
import { Worker } from "worker_threads";
import { runPool } from "../../src/cli/review-pool";
import { runInWorkers } from "../../src/cli/workers";
import { buildCli } from "../support/cli";
import { YUNXI, tempDir } from "../support/xlsx";

jest.setTimeout(120_000);

/** Reports, on stderr as the process exits, the largest new space V8 held (in MB). */
const PROBE = `
const v8 = require("v8");
process.on("exit", () => {
  const megabytes = v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size / 1048576;
  require("fs").writeSync(2, "new space: " + megabytes + "\\n");
});`;

/** Allocates in bursts and keeps a little of each, then answers its new space in MB (a worker script). */
const ALLOCATING_WORKER = `
const { parentPort } = require("worker_threads");
const v8 = require("v8");
const answer = () => {
  let peak = 0;
  const kept = [];
  for (let i = 0; i < 300000; i++) {
    kept.push({ i, text: "cell " + i });
    if (kept.length > 5000) kept.splice(0, 2500);
    if (i % 1000 === 0) peak = Math.max(peak, v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size);
  }
  parentPort.postMessage(peak / 1048576);
};
if (require("worker_threads").workerData !== undefined) answer(); // runInWorkers: one job per worker
else parentPort.on("message", answer); // runPool: a task per message
`;

let probe: string;
let allocatingWorker: string;
beforeAll(() => {
  const dir = tempDir("jixiao-heap-");
  probe = path.join(dir, "probe.js");
  writeFileSync(probe, PROBE);
  allocatingWorker = path.join(dir, "allocating-worker.js");
  writeFileSync(allocatingWorker, ALLOCATING_WORKER);
});

/** The new space a Node process ends with, the probe preloaded; its stderr must hold nothing else. */
function newSpaceAtExit(args: string[]): number {
  const child = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: `--require ${probe}` } });
  const lines = child.stderr.trim().split("\n");
  expect(lines).toHaveLength(1); // no "unrecognized flag" from V8, nor anything else
  const match = /^new space: ([\d.]+)$/.exec(lines[0]);
  expect(match).not.toBeNull();
  return Number(match![1]);
}

test("bin/jixiao.js holds the young generation that the same scoring, started without it, lets V8 grow", () => {
  const bin = buildCli();
  const out = path.join(tempDir(), "scored.xlsx");
  const held = newSpaceAtExit([bin, "score", YUNXI, "--out", out]);
  const main = path.join(path.dirname(bin), "..", "dist-cli", "cli", "main.js");
  const args = JSON.stringify(["node", "jixiao", "score", YUNXI, "--out", out]);
  const unheld = newSpaceAtExit(["-e", `require(${JSON.stringify(main)}).main(${args}, { log() {}, error() {} })`]);
  expect(held).toBeGreaterThan(0);
  expect(unheld).toBeGreaterThanOrEqual(2 * held);
});

test("the folder mode's and the review's workers keep a young generation as small", async () => {
  const folderMode = await runInWorkers<number, number>(allocatingWorker, [0], { parallel: 1, maxOldGenerationSizeMb: 256 }, () => {});
  const review: number[] = [];
  await runPool([0], { script: allocatingWorker, size: 1, maxOldGenerationSizeMb: 256, lost: () => -1 }, (megabytes) => review.push(megabytes), new AbortController().signal);
  // The same work in a worker given no limits, as V8 sizes it.
  const unlimited = new Worker(allocatingWorker, { workerData: 0 });
  const free = await new Promise<number>((resolve, reject) => unlimited.once("message", resolve).once("error", reject));
  await unlimited.terminate();
  expect(folderMode).toEqual([{ kind: "done", value: expect.any(Number) }]);
  for (const megabytes of [(folderMode[0] as { value: number }).value, review[0]]) {
    expect(megabytes).toBeGreaterThan(0);
    expect(free).toBeGreaterThanOrEqual(2 * megabytes);
  }
});
