/**
 * openpyxl (Debian's python3-openpyxl) as a second reader of the workbooks jixiao writes. The
 * python3 on PATH may be another Python without it, so the tests use the system one.
 */
import { execFileSync } from "child_process";
import { existsSync } from "fs";

export const SYSTEM_PYTHON = "/usr/bin/python3";

/** What a Python script (a file, or `-c` and its text) prints as JSON, given `args`; its errors thrown whole. */
export function pythonJson(script: string[], ...args: string[]): unknown {
  return JSON.parse(execFileSync(SYSTEM_PYTHON, [...script, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }));
}

/** Why openpyxl cannot be used here, or null when it can. */
function openpyxlMissing(): string | null {
  if (!existsSync(SYSTEM_PYTHON)) return `${SYSTEM_PYTHON} is missing`;
  try {
    execFileSync(SYSTEM_PYTHON, ["-c", "import openpyxl"], { stdio: "ignore" });
    return null;
  } catch {
    return `openpyxl is not installed for ${SYSTEM_PYTHON} (apt-get install python3-openpyxl)`;
  }
}

/**
 * `describe` for tests that read back with openpyxl. Without openpyxl they are skipped with the
 * reason printed, except in CI (CI=true), which installs it (.ci/run): there a test in their place
 * fails with the reason, so that the read-back is never skipped unnoticed.
 */
export function describeWithOpenpyxl(name: string, body: () => void): void {
  const missing = openpyxlMissing();
  if (!missing) {
    describe(name, body);
  } else if (process.env.CI === "true") {
    describe(name, () => {
      it("has openpyxl, which CI installs", () => {
        throw new Error(missing);
      });
    });
  } else {
    console.log(`SKIPPED ${name}: ${missing}`);
    describe.skip(name, body);
  }
}

/** A sheet as openpyxl reads it: the value of each cell that has one, the cells with a solid fill, and each note's text. */
export interface OpenpyxlSheet {
  cells: Record<string, unknown>;
  filled: string[];
  notes: Record<string, string>;
}

const READ_SHEETS = `
import sys, json, warnings
from openpyxl import load_workbook
warnings.simplefilter("ignore")
out = []
for name in sys.argv[2:]:
    wb = load_workbook(name)
    ws = wb[sys.argv[1]] if sys.argv[1] else wb.worksheets[0]
    cells = [c for row in ws.iter_rows() for c in row]
    out.append({
        "cells": {c.coordinate: c.value for c in cells if c.value is not None},
        "filled": [c.coordinate for c in cells if c.fill.fill_type == "solid"],
        "notes": {c.coordinate: c.comment.text for c in cells if c.comment},
    })
print(json.dumps(out, ensure_ascii=False))
`;

/** One sheet (by name, else the first) of each workbook as openpyxl reads it, in one Python run. */
export function openpyxlSheets(files: string[], sheet = ""): OpenpyxlSheet[] {
  return pythonJson(["-c", READ_SHEETS, sheet], ...files) as OpenpyxlSheet[];
}
