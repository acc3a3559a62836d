/**
 * The worker pool folder mode scores files with: a job that throws, exits or runs out of memory
 * is its own result, and the others finish.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { WorkerResult, runInWorkers } from "../../src/cli/workers";
import { tempDir } from "../support/xlsx";

jest.setTimeout(60_000);

/** A worker that does what its job says: answer after a delay, throw, exit, or fill its heap. */
const JOB_WORKER = `
const { parentPort, workerData: job } = require("worker_threads");
if (job.kind === "answer") setTimeout(() => parentPort.postMessage(job.value * 2), job.delay);
if (job.kind === "throw") throw new Error("bad file\\nsecond line");
if (job.kind === "exit") process.exit(3);
if (job.kind === "hungry") { const kept = []; for (;;) kept.push(new Array(1e5).fill({ n: kept.length })); }
`;

type Job = { kind: "answer"; value: number; delay: number } | { kind: "throw" | "exit" | "hungry" };

let script: string;
beforeAll(() => {
  script = path.join(tempDir(), "job-worker.js");
  writeFileSync(script, JOB_WORKER);
});

it("tells each result as its job ends, and gives all in the jobs' order", async () => {
  // Later jobs finish first: 3 at once, delays falling, 400 ms apart so that workers starting at
  // different times on a loaded host do not change which ends first.
  const jobs: Job[] = [0, 1, 2, 3, 4].map((value) => ({ kind: "answer", value, delay: 100 + (4 - value) * 400 }));
  const heard: number[] = [];
  const results = await runInWorkers<Job, number>(script, jobs, { parallel: 3, maxOldGenerationSizeMb: 64 }, (_, index) => heard.push(index));
  expect(results).toEqual([0, 2, 4, 6, 8].map((value) => ({ kind: "done", value })));
  expect(heard[0]).toBe(2); // the shortest of the first three
  expect([...heard].sort()).toEqual([0, 1, 2, 3, 4]);
});

it("reports a job that throws, exits or runs out of memory as such, and the others are done", async () => {
  const jobs: Job[] = [{ kind: "throw" }, { kind: "answer", value: 1, delay: 0 }, { kind: "hungry" }, { kind: "exit" }, { kind: "answer", value: 5, delay: 0 }];
  const results = await runInWorkers<Job, number>(script, jobs, { parallel: 2, maxOldGenerationSizeMb: 32 });
  expect(results).toEqual<WorkerResult<number>[]>([
    { kind: "crashed", reason: "bad file" },
    { kind: "done", value: 2 },
    { kind: "out-of-memory" },
    { kind: "crashed", reason: "exit code 3" },
    { kind: "done", value: 10 },
  ]);
});

it("runs nothing for no jobs", async () => {
  expect(await runInWorkers<Job, number>(script, [], { parallel: 2, maxOldGenerationSizeMb: 32 })).toEqual([]);
});
