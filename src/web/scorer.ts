/**
 * A few Web Workers (src/web/worker.ts) taking the page's files in turn: each file is read,
 * checked and scored off the page's thread, and its steps and result come back as messages.
 */
import type { Bilingual } from "../core/messages";
import type { ScoreMessage, ScoreRequest } from "./protocol";

export const WORKER_SCRIPT = "web-worker.js";

/** What a file says whose worker could not start (web-worker.js missing on the server), or broke down on it. */
const workerFailed = (name: string, started: boolean): Bilingual =>
  started
    ? {
        zh: `${name}: 后台处理此文件时出错而中止（请反馈此问题）；其他文件照常处理。`,
        en: `${name}: the background work on this file broke down (please report it); the other files go on.`,
      }
    : {
        zh: `${name}: 无法在后台处理此文件（${WORKER_SCRIPT} 未能运行）。请刷新页面重试；若仍不行，请检查网站是否完整部署了 ${WORKER_SCRIPT}。`,
        en: `${name}: this file could not be processed in the background (${WORKER_SCRIPT} did not run). Reload the page and try again; if it persists, check that the site serves ${WORKER_SCRIPT}.`,
      };

export class Scorer {
  private readonly idle: Worker[] = [];
  private readonly queue: ScoreRequest[] = [];
  /** The file each busy worker has. */
  private readonly busy = new Map<Worker, ScoreRequest>();
  /** Workers that have answered once: their script runs. */
  private readonly running = new Set<Worker>();
  private workers = 0;
  private listener: (message: ScoreMessage) => void = () => undefined;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.idle.push(this.start());
  }

  /** Who hears the workers' messages (the page's current state). */
  listen(listener: (message: ScoreMessage) => void): void {
    this.listener = listener;
  }

  /** Queues a file; its bytes move to the worker (the caller keeps a copy if it needs one). */
  submit(request: ScoreRequest): void {
    if (this.workers === 0) this.listener({ id: request.id, kind: "failed", message: workerFailed(request.name, false) });
    else this.queue.push(request);
    this.dispatch();
  }

  /** Drops the files waiting (the page's list was cleared); those being scored finish unheard. */
  clear(): void {
    this.queue.length = 0;
  }

  private start(): Worker {
    const worker = new Worker(WORKER_SCRIPT);
    this.workers++;
    worker.onmessage = (event: MessageEvent<ScoreMessage>) => {
      this.running.add(worker);
      this.listener(event.data);
      if (event.data.kind !== "step") this.release(worker);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(worker);
    };
    return worker;
  }

  /**
   * A worker that threw outside its own handling fails its file, rather than leaving it queued for
   * ever. One that ran before is replaced; one that never started (its script did not load) is
   * not, and with none left every file waiting fails.
   */
  private fail(worker: Worker): void {
    const started = this.running.delete(worker);
    const request = this.busy.get(worker);
    if (request !== undefined) this.listener({ id: request.id, kind: "failed", message: workerFailed(request.name, started) });
    this.busy.delete(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    worker.terminate();
    this.workers--;
    if (started) this.idle.push(this.start());
    if (this.workers === 0) {
      for (const waiting of this.queue.splice(0)) this.listener({ id: waiting.id, kind: "failed", message: workerFailed(waiting.name, false) });
    }
    this.dispatch();
  }

  private release(worker: Worker): void {
    this.busy.delete(worker);
    this.idle.push(worker);
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const request = this.queue.shift()!;
      const worker = this.idle.pop()!;
      this.busy.set(worker, request);
      worker.postMessage(request, [request.bytes.buffer]);
    }
  }
}
