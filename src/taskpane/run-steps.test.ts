import { CancelledError } from "./pane-host";
import { runSteps } from "./run-steps";

/** A clock the steps move: each step takes `stepMs`. */
let clock = 0;
beforeEach(() => {
  clock = 0;
  jest.spyOn(performance, "now").mockImplementation(() => clock);
});
afterEach(() => jest.restoreAllMocks());

/** `count` steps of `stepMs` each, recording which ran; returns "finished". */
function* work(count: number, stepMs: number, ran: number[]): Generator<number, string, void> {
  for (let i = 1; i <= count; i++) {
    clock += stepMs;
    ran.push(i);
    yield i;
  }
  return "finished";
}

describe("runSteps", () => {
  test("runs every step, reports each one and returns the result", async () => {
    const ran: number[] = [];
    const seen: number[] = [];
    await expect(runSteps(work(4, 1, ran), { onProgress: (p) => seen.push(p), pause: async () => undefined })).resolves.toBe("finished");
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  test("gives the event loop a turn once a slice is used up, not after every step", async () => {
    const pausedAfter: number[] = [];
    const ran: number[] = [];
    await runSteps(work(12, 10, ran), { sliceMs: 50, pause: async () => void pausedAfter.push(ran.length) });
    expect(pausedAfter).toEqual([5, 10]);
  });

  test("by default the pause is a macrotask: a timer set before the run fires before it ends", async () => {
    const order: string[] = [];
    setTimeout(() => order.push("timer"), 0);
    const ran: number[] = [];
    const result = runSteps(work(3, 60, ran)).then(() => order.push("finished"));
    // Promise callbacks alone would finish the run first.
    await result;
    expect(order).toEqual(["timer", "finished"]);
  });

  test("an abort during a pause stops the run there: no further step runs", async () => {
    const controller = new AbortController();
    const ran: number[] = [];
    const pause = async () => {
      if (ran.length === 6) controller.abort();
    };
    await expect(runSteps(work(20, 10, ran), { sliceMs: 30, signal: controller.signal, pause })).rejects.toBeInstanceOf(CancelledError);
    expect(ran).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test("a run aborted before it starts takes no step", async () => {
    const controller = new AbortController();
    controller.abort();
    const ran: number[] = [];
    await expect(runSteps(work(3, 1, ran), { signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(ran).toEqual([]);
  });
});
