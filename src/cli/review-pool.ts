/**
 * Persistent worker threads for `jixiao review`: one per core, each given the next file as soon as
 * it is done with one, so a region's ten thousand workbooks pay for ten thousand reads, not for
 * ten thousand thread starts. A worker that runs out of memory or dies takes only its current file
 * with it (reported as such) and is replaced.
 *
 * Kept apart from the `score` command's pool (src/cli/workers.ts), which starts
 * a thread per file and keeps every result: here results are handed on in order and let go.
 */
import { Worker } from "worker_threads";
import { workerResourceLimits } from "./heap";

export interface PoolOptions<T, R> {
  script: string;
  size: number;
  /** Heap limit of each worker (V8's old generation), in MB. */
  maxOldGenerationSizeMb: number;
  /** The result of a task whose worker ended without answering. */
  lost(task: T, reason: "out-of-memory" | string): R;
}

/**
 * Runs every task; `onResult` hears the results in the tasks' order, each as soon as it and all
 * before it are done (a result waits only for the slower ones before it). Aborting `signal` ends
 * the workers at once: no task starts and no further result is reported.
 */
export async function runPool<T, R>(tasks: readonly T[], options: PoolOptions<T, R>, onResult: (result: R, index: number) => void, signal: AbortSignal): Promise<void> {
  const done = new Map<number, R>();
  let reported = 0;
  let next = 0;
  const workers = new Set<Worker>();
  const start = () => {
    const worker = new Worker(options.script, { resourceLimits: workerResourceLimits(options.maxOldGenerationSizeMb) });
    workers.add(worker);
    return worker;
  };
  const stop = () => {
    for (const worker of workers) void worker.terminate();
  };
  signal.addEventListener("abort", stop);
  const ask = (worker: Worker, task: T) =>
    new Promise<{ result: R; alive: boolean }>((resolve) => {
      const onMessage = (result: R) => finish(result, true);
      const onError = (error: Error & { code?: string }) =>
        finish(options.lost(task, error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "out-of-memory" : error.message.split("\n")[0]), false);
      const onExit = (code: number) => finish(options.lost(task, `exit code ${code}`), false);
      // Only this task's listeners go: removing all would also stop the worker's message port.
      const finish = (result: R, alive: boolean) => {
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        resolve({ result, alive });
      };
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      worker.postMessage(task);
    });
  const lane = async () => {
    let worker = start();
    try {
      while (next < tasks.length && !signal.aborted) {
        const index = next++;
        const { result, alive } = await ask(worker, tasks[index]);
        if (signal.aborted) break;
        if (!alive) {
          workers.delete(worker);
          void worker.terminate();
          worker = start();
        }
        done.set(index, result);
        while (done.has(reported)) {
          const ready = done.get(reported)!;
          done.delete(reported);
          onResult(ready, reported++);
        }
      }
    } finally {
      workers.delete(worker);
      await worker.terminate();
    }
  };
  const lanes = Math.max(1, Math.min(options.size, tasks.length));
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    signal.removeEventListener("abort", stop);
  }
}
