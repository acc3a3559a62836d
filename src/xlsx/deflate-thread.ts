/**
 * Deflating on a thread of its own, for the command line: the parts of a scored copy are deflated
 * while the main thread goes on building the next ones, so the copy costs little more than the
 * building. The same fflate at the same level as codec.ts, so the same bytes as deflating in place
 * (and as the browser page's copy).
 */
import { Worker } from "worker_threads";
import { DEFLATE_LEVEL, fflateCodec } from "./codec";

/**
 * The thread's code, run as a script of its own (`eval`): a separate file would not exist where the
 * tests run the TypeScript sources. fflate is required by its resolved path, so the thread finds it
 * wherever the command is run from.
 */
const threadSource = (fflatePath: string): string => `
const { parentPort } = require("worker_threads");
const { deflateSync } = require(${JSON.stringify(fflatePath)});
parentPort.on("message", ({ id, data }) => {
  const deflated = deflateSync(data, { level: ${DEFLATE_LEVEL} });
  parentPort.postMessage({ id, deflated }, [deflated.buffer]);
});`;

interface Waiting {
  resolve(deflated: Uint8Array): void;
  reject(error: Error): void;
}

/**
 * One thread, started at the first part and kept while there is work: it holds the process open
 * only while a part is being deflated, so a command ends when its work does.
 */
export class DeflateThread {
  private worker: Worker | null = null;
  /** `source`: the thread's code (a test gives one that fails). */
  constructor(private readonly source: () => string = () => threadSource(require.resolve("fflate"))) {}

  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();

  deflate(data: Uint8Array): Promise<Uint8Array> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    if (this.waiting.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Copied, not transferred: the package keeps the text until the deflated bytes arrive.
      worker.postMessage({ id, data });
    });
  }

  private start(): Worker {
    // Its own young generation small: the bytes it deflates live outside the JavaScript heap.
    const worker = new Worker(this.source(), { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 2 } });
    worker.on("message", ({ id, deflated }: { id: number; deflated: Uint8Array }) => {
      this.waiting.get(id)?.resolve(deflated);
      this.waiting.delete(id);
      if (this.waiting.size === 0) worker.unref();
    });
    // A thread that fails (out of memory, say) fails none of the parts it held: the next call
    // starts another, and the caller deflates these in place.
    const fail = (error: Error) => {
      this.worker = null;
      for (const waiting of this.waiting.values()) waiting.reject(error);
      this.waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (this.worker === worker) fail(new Error(`the deflating thread stopped (exit code ${code})`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

/** Deflated on `thread`; in place when the thread fails. */
export function deflateOn(thread: DeflateThread, data: Uint8Array): Promise<Uint8Array> {
  return thread.deflate(data).catch(() => fflateCodec.deflate(data));
}

const commandThread = new DeflateThread();

/**
 * Parts past this size are deflated in place: handed over, such a part is held twice (its bytes
 * here until they come back deflated, and their copy there), which took one sheet of 100,000 rows
 * from 540 to 740 MB at its peak. Below it are the parts of hundreds of sheets.
 */
export const LARGEST_PART_ON_THREAD = 4 * 1024 * 1024;

/** The command line's deflating: on its one thread (in place when that fails), a large part in place. */
export function deflateOnThread(data: Uint8Array): Uint8Array | Promise<Uint8Array> {
  return data.length > LARGEST_PART_ON_THREAD ? fflateCodec.deflate(data) : deflateOn(commandThread, data);
}
