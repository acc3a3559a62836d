/**
 * Runs stepwise work (the core's analysisSteps) on the pane's own thread without freezing it: the
 * steps run for a slice of time, then the event loop gets a turn, so the pane paints its counts and
 * takes a click on 取消重算; an aborted signal stops the run at that point.
 */
import { CancelledError } from "./pane-host";

/** How the steps share the thread: the pane's default, or a test's. */
export interface Pacing {
  /** How long the steps may hold the thread before the event loop gets a turn, in ms. */
  sliceMs?: number;
  /** Gives the event loop a turn. */
  pause?: () => Promise<void>;
}

export interface RunStepsOptions<P> extends Pacing {
  /** Once aborted, the run stops before its next step with a CancelledError. */
  signal?: AbortSignal;
  /** Called after every step; the pane shows the latest one when it next paints. */
  onProgress?: (progress: P) => void;
}

/**
 * 50 ms: short enough that a click is answered at once (a pause per 50 ms of work); long enough that
 * a workbook of many small sheets does not pay a pause (at least 4 ms in a browser) per sheet.
 */
export const SLICE_MS = 50;

/** A macrotask, so that rendering and input (not only promise callbacks) get their turn. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runSteps<P, T>(steps: Generator<P, T, void>, options: RunStepsOptions<P> = {}): Promise<T> {
  const { signal, onProgress, sliceMs = SLICE_MS, pause = nextTask } = options;
  let sliceStart = performance.now();
  for (;;) {
    if (signal?.aborted) throw new CancelledError();
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value);
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}
