/**
 * Runs one job per worker thread, a few at a time, each under a heap limit: a job that throws,
 * crashes or runs out of memory ends its own worker and is reported as such; the others go on.
 */
import { Worker } from "worker_threads";
import { workerResourceLimits } from "./heap";

export interface WorkerLimits {
  /** Workers running at once. */
  parallel: number;
  /** Heap limit of each worker (V8's old generation), in MB. */
  maxOldGenerationSizeMb: number;
}

/** What became of one job: the worker's one message, or why it ended without one. */
export type WorkerResult<R> =
  | { kind: "done"; value: R }
  | { kind: "out-of-memory" }
  | { kind: "crashed"; reason: string };

/** Runs `script` once per job (the job is its `workerData`; it posts one message). */
function runOne<J, R>(script: string, job: J, limits: WorkerLimits): Promise<WorkerResult<R>> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: WorkerResult<R>) => {
      if (!settled) resolve(result);
      settled = true;
    };
    const worker = new Worker(script, { workerData: job, resourceLimits: workerResourceLimits(limits.maxOldGenerationSizeMb) });
    worker.on("message", (value: R) => {
      settle({ kind: "done", value });
      void worker.terminate();
    });
    worker.on("error", (error: Error & { code?: string }) => {
      settle(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? { kind: "out-of-memory" } : { kind: "crashed", reason: error.message.split("\n")[0] });
    });
    worker.on("exit", (code) => settle({ kind: "crashed", reason: `exit code ${code}` }));
  });
}

/**
 * Runs every job, `limits.parallel` at a time; `onResult` hears each result as its worker ends
 * (the caller puts them in order). Resolves to all results in the jobs' order.
 */
export async function runInWorkers<J, R>(
  script: string,
  jobs: readonly J[],
  limits: WorkerLimits,
  onResult: (result: WorkerResult<R>, index: number) => void = () => undefined,
): Promise<WorkerResult<R>[]> {
  const results: WorkerResult<R>[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await runOne<J, R>(script, jobs[index], limits);
      onResult(results[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limits.parallel, jobs.length) }, lane));
  return results;
}
