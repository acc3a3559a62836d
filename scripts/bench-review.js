// Benchmark of `jixiao review` (figures printed, not asserted; run by `npm run bench` after
// scripts/bench.js): the review of BENCH_UNITS (default 1,000) generated unit workbooks in ten
// county folders, with one worker thread and with one per core, each run in its own process:
// wall time and the process's peak RSS (all its threads); then the same folder dropped on the page
// (scripts/bench-page.js, when dist/ is built and Debian's chromium is there).
//   node scripts/bench-review.js            generate, then measure both
//   node scripts/bench-review.js run <dir> <jobs> <out>   one measured run (prints one JSON line)
const ExcelJS = require("exceljs");
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.join(__dirname, "..");
const UNITS = Number(process.env.BENCH_UNITS || 1000);
/** Distinct workbooks generated; the rest are copies of them under other names. */
const VARIANTS = 50;

async function generate(dir) {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(path.join(root, "test", "fixtures", "yunxi-2023-dept-selfeval.xlsx"));
  const sheet = source.worksheets[0];
  const variants = [];
  for (let v = 0; v < VARIANTS; v++) {
    // Each variant is another unit with its own spending, so rates, scores and findings differ.
    sheet.getCell("C2").value = `第${v + 1}号单位`;
    sheet.getCell("E4").value = 1800 + v * 13.37;
    variants.push(Buffer.from(await source.xlsx.writeBuffer()));
  }
  for (let i = 0; i < UNITS; i++) {
    const county = path.join(dir, `县${String(Math.floor(i / 100) + 1).padStart(2, "0")}`);
    fs.mkdirSync(county, { recursive: true });
    fs.writeFileSync(path.join(county, `单位${String(i + 1).padStart(5, "0")}.xlsx`), variants[i % VARIANTS]);
  }
}

async function measuredRun(dir, jobs, out) {
  // As bin/jixiao.js starts the command.
  require(path.join(root, "dist-cli", "cli", "heap.js")).holdYoungGeneration();
  const { main } = require(path.join(root, "dist-cli", "cli", "main.js"));
  const quiet = { log: () => {}, error: () => {} };
  const started = process.hrtime.bigint();
  const code = await main(["node", "jixiao", "review", dir, "--out", out, "--jobs", jobs], quiet);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ code, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

function measure(dir, jobs, out) {
  const line = execFileSync(process.execPath, [__filename, "run", dir, String(jobs), out], { encoding: "utf8" });
  return JSON.parse(line.trim().split("\n").pop());
}

(async () => {
  if (process.argv[2] === "run") return measuredRun(process.argv[3], process.argv[4], process.argv[5]);
  const outDir = path.join(root, "bench-out");
  const dir = path.join(outDir, `review-${UNITS}`);
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`\nReview: generating ${UNITS} unit workbooks (${VARIANTS} distinct) in ${Math.ceil(UNITS / 100)} county folders…`);
  await generate(dir);
  const cores = os.availableParallelism();
  const runs = [
    { label: "1 worker", jobs: 1 },
    { label: `${cores} workers (one per core)`, jobs: cores },
  ];
  for (const run of runs) {
    const result = measure(dir, run.jobs, path.join(outDir, `review-${run.jobs}.xlsx`));
    const size = fs.statSync(path.join(outDir, `review-${run.jobs}.xlsx`)).size / 1024;
    console.log(
      `   jixiao review, ${run.label.padEnd(26)}: ${result.seconds.toFixed(1)} s (${((UNITS / result.seconds) | 0)} files/s), peak RSS ${result.maxRssMB.toFixed(0)} MB, 汇总.xlsx ${size.toFixed(0)} KB`,
    );
  }
  await require("./bench-page").printPageBench(dir);
})();
