/** A worker thread of `jixiao review`: reviews the files the pool sends, one at a time. */
import { parentPort } from "worker_threads";
import { ReviewTask, reviewOne } from "./review-file";

parentPort?.on("message", async (task: ReviewTask) => {
  parentPort?.postMessage(await reviewOne(task));
});
