/**
 * A few Web Workers (src/web/worker.ts) taking the page's files in turn: each file is read,
 * checked and scored off the page's thread, and its steps and result come back as messages.
 */
import type { ScoreMessage, ScoreRequest } from "./protocol";

export const WORKER_SCRIPT = "web-worker.js";

export class Scorer {
  private readonly idle: Worker[] = [];
  private readonly queue: ScoreRequest[] = [];
  private listener: (message: ScoreMessage) => void = () => undefined;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_SCRIPT);
      worker.onmessage = (event: MessageEvent<ScoreMessage>) => {
        this.listener(event.data);
        if (event.data.kind !== "step") this.release(worker);
      };
      this.idle.push(worker);
    }
  }

  /** Who hears the workers' messages (the page's current state). */
  listen(listener: (message: ScoreMessage) => void): void {
    this.listener = listener;
  }

  /** Queues a file; its bytes move to the worker (the caller keeps a copy if it needs one). */
  submit(request: ScoreRequest): void {
    this.queue.push(request);
    this.dispatch();
  }

  private release(worker: Worker): void {
    this.idle.push(worker);
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const request = this.queue.shift()!;
      this.idle.pop()!.postMessage(request, [request.bytes.buffer]);
    }
  }
}
