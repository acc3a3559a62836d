/**
 * Runs queued changes in as few syncs as Excel accepts: one sync, unless the estimated request
 * would pass the 5 MB limit of Excel on the web, in which case the ops are packed into syncs of an
 * estimated ≤ 4 MB each, in order.
 */
import { packChunks } from "../core/writeplan";
import { ApiCheck, MIN_API } from "./api";

/** One change: how to queue it, and roughly how many request bytes it costs. */
export interface WriteOp {
  bytes: number;
  queue(): void;
}

export const REQUEST_BUDGET = 4_000_000;

/** Per queued call (object path, action and property names as Office.js sends them), generously. */
const ACTION_BYTES = 250;

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** An op of `actions` queued calls carrying `payload` (values, formats, text). */
export function writeOp(actions: number, payload: unknown, queue: () => void): WriteOp {
  return { bytes: actions * ACTION_BYTES + (payload === undefined ? 0 : utf8Length(JSON.stringify(payload))), queue };
}

/**
 * Queues and syncs the ops. Screen updating is suspended for each sync. Calculation is not: after
 * suspendApiCalculationUntilNextSync "it is the developer's responsibility to re-calc the workbook",
 * and the scores we write feed the user's own 总分 formulas, which must not be left stale.
 */
export async function runOps(context: Excel.RequestContext, ops: WriteOp[], api: ApiCheck): Promise<void> {
  for (const chunk of packChunks(ops, (op) => op.bytes, REQUEST_BUDGET)) {
    if (api(MIN_API)) context.workbook.application.suspendScreenUpdatingUntilNextSync();
    for (const op of chunk) op.queue();
    // One sync per chunk is the point: a chunk is as much as one request may carry.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
}

/** One worksheet proxy per name for the whole run (fewer objects in the request). */
export function sheetProxies(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
  const cache = new Map<string, Excel.Worksheet>();
  return (name) => {
    let sheet = cache.get(name);
    if (!sheet) {
      sheet = context.workbook.worksheets.getItem(name);
      cache.set(name, sheet);
    }
    return sheet;
  };
}
