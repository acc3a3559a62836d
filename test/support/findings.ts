/** How the core tests name and read an analysis's findings. */
import { Analysis } from "../../src/core/analyze";

/** Each finding as rule@sheet!cell, in the analysis's order. */
export const found = (a: Analysis): string[] => a.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`);

/** The message of the finding of `rule` at `cell`; an error naming what was found when there is none. */
export function message(a: Analysis, rule: string, cell: string): string {
  const f = a.findings.find((x) => x.rule === rule && x.cell === cell);
  if (!f) throw new Error(`no ${rule} at ${cell}; found ${found(a).join(", ") || "nothing"}`);
  return f.message;
}
