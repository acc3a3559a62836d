/**
 * A worker thread scoring one file of a folder (src/cli/workers.ts starts it with memory limits):
 * a file that crashes or exhausts memory ends this worker only, never the batch.
 */
import { parentPort, workerData } from "worker_threads";
import { FileOutcome, ScoreJob, scoreFile } from "./score-file";

async function run(job: ScoreJob): Promise<void> {
  const outcome = await scoreFile(job.input, job.output, job.profile, job.lang, job.limits);
  // Through JSON, the report crosses to the main thread exactly as the JSON report will hold it.
  const message: FileOutcome = outcome.report ? { ...outcome, report: JSON.parse(JSON.stringify(outcome.report)) } : outcome;
  parentPort!.postMessage(message);
}

// A rejection (a bug of ours on this file) becomes the worker's "error" event, reported for this file.
void run(workerData as ScoreJob);
