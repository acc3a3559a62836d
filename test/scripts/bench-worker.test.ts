/**
 * The benchmark's core runs (scripts/bench-worker.js) load the compiled core as the command line
 * does, with the parts the pane fetches later handed over (src/core/all-parts.ts): without them the
 * 综合得分 the run reads could not be laid out, and `npm run bench` would stop there.
 */
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync } from "fs";
import * as path from "path";
import { buildCli } from "../support/cli";
import { YUNXI } from "../support/xlsx";

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, "..", "..");

it("measures the core cold and warm on a workbook, its summary laid out", () => {
  const home = path.dirname(path.dirname(buildCli()));
  mkdirSync(path.join(home, "scripts"));
  for (const script of ["bench-worker.js", "bench-data.js"]) {
    copyFileSync(path.join(ROOT, "scripts", script), path.join(home, "scripts", script));
  }
  const run = spawnSync(process.execPath, [path.join(home, "scripts", "bench-worker.js"), "core-cold", YUNXI], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const figures = JSON.parse(run.stdout.trim().split("\n").pop()!);
  expect(figures.rows).toBeGreaterThan(0);
  expect(figures.cold.perSecond).toBeGreaterThan(0);
  expect(figures.warm.perSecond).toBeGreaterThan(0);
});
