// One measured run in its own process, so each gets a clean heap and its own peak memory:
//   node scripts/bench-worker.js bare <in.xlsx> <out.xlsx>    ExcelJS read + write, nothing else
//   node scripts/bench-worker.js bare-held <in.xlsx> <out.xlsx>  the same, the young generation held as jixiao holds it
//   node scripts/bench-worker.js jixiao <in.xlsx> <out.xlsx>  the full `jixiao score`
//   node scripts/bench-worker.js core                          the core alone, warm, on 100,000 synthetic indicator rows
//   node scripts/bench-worker.js core-cold <in.xlsx>          the core on a workbook read as the command line reads it:
//                                                              its first run (cold, as \`jixiao score\` runs it), then warm
// Prints one JSON line: { seconds, cpuSeconds, maxRssMB } (cpuSeconds: the whole process's)
// (core: { rows, seconds, perSecond, withRows: { seconds, perSecond }, findings, writes, steal };
//  core-cold: { rows, cold: { seconds, cpuSeconds, perSecond }, warm: { seconds, cpuSeconds, perSecond } }).
const fs = require("fs");
const path = require("path");
const { HEADER, indicatorRow } = require("./bench-data");

async function bare(input, output) {
  // Loaded here, inside the timed run, as jixiao's run loads its own code.
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
}

const holdYoungGeneration = () => require(path.join(__dirname, "..", "dist-cli", "cli", "heap.js")).holdYoungGeneration();

/** Bare ExcelJS with jixiao's heap setting (src/cli/heap.ts): how much of jixiao's lower peak is the setting's. */
async function bareHeld(input, output) {
  holdYoungGeneration();
  await bare(input, output);
}

async function jixiao(input, output) {
  holdYoungGeneration(); // as bin/jixiao.js starts the command
  const { main } = require(path.join(__dirname, "..", "dist-cli", "cli", "main.js"));
  const quiet = { log: () => {}, error: (l) => console.error(l) };
  await main(["node", "jixiao", "score", input, "--out", output], quiet);
}

/**
 * CPU seconds of all the process's threads (V8 compiles optimised code and collects garbage on
 * threads of its own): unlike wall time, barely inflated when other processes share the cores.
 */
const cpuSeconds = ({ user, system }) => (user + system) / 1e6;

/** The machine's CPU counters (Linux): how much of the time the hypervisor gave to other machines. */
function cpuCounters() {
  try {
    const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return null;
  }
}

/**
 * The core as `jixiao score` loads it: the analysis with the parts the pane fetches later (the
 * 综合得分 layout, the English messages) handed over, as src/xlsx/analyze-read.ts does.
 */
function loadCore() {
  require(path.join(__dirname, "..", "dist-cli", "core", "all-parts.js"));
  return require(path.join(__dirname, "..", "dist-cli", "core", "analyze.js"));
}

function coreThroughput() {
  const { analyze } = loadCore();
  const ROWS_PER_TABLE = 1000;
  const TABLES = 100;
  const sheets = [];
  for (let t = 0; t < TABLES; t++) {
    const values = [HEADER];
    for (let r = 0; r < ROWS_PER_TABLE; r++) values.push(indicatorRow(t * ROWS_PER_TABLE + r));
    sheets.push({ name: `表${t}`, values, numFmts: [], merges: [] });
  }
  const rows = ROWS_PER_TABLE * TABLES;
  // Warm up the JIT on a fifth of the rows.
  if (analyze({ sheets: sheets.slice(0, 20) }).indicators.length === 0) throw new Error("no indicator rows");
  const timed = (run) => {
    const start = process.hrtime.bigint();
    const value = run();
    return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
  };
  // The analysis alone, and what `jixiao score` asks of the core: the analysis, its JSON report's
  // indicator rows and its summary sheet, which the analysis builds only when they are read. Taken
  // in turns, five of each, so neither runs on code the JIT has had longer to warm.
  const alone = [];
  const withRows = [];
  let result;
  const before = cpuCounters();
  for (let i = 0; i < 5; i++) {
    const run = timed(() => analyze({ sheets }));
    alone.push(run.seconds);
    result = run.value;
    withRows.push(timed(() => readAsScoreDoes(analyze({ sheets }))).seconds);
  }
  if (result.indicators.length !== rows) throw new Error(`${result.indicators.length} indicator rows, not ${rows}`);
  const after = cpuCounters();
  // The median of five: on a shared host one run of three is too often the slow one.
  const median = (runs) => runs.sort((a, b) => a - b)[2];
  const seconds = median(alone);
  const secondsWithRows = median(withRows);
  // The share of CPU time stolen by the host while the runs ran: figures on a busy host run low.
  const steal = before && after && after.total > before.total ? (after.steal - before.steal) / (after.total - before.total) : null;
  return {
    rows,
    seconds,
    perSecond: rows / seconds,
    withRows: { seconds: secondsWithRows, perSecond: rows / secondsWithRows },
    findings: result.findings.length,
    writes: result.writes.length,
    steal,
  };
}

/**
 * What `jixiao score` reads of an analysis besides its findings and writes: the JSON report's
 * indicator rows and the 综合得分 sheet, both laid out when first read.
 */
function readAsScoreDoes(analysis) {
  void analysis.summary;
  return analysis.indicators.length;
}

/** The core on one workbook, its first run in a fresh process and then warm (median of five). */
async function coreOnWorkbook(input) {
  holdYoungGeneration(); // as bin/jixiao.js starts the command
  const { readXlsx } = require(path.join(__dirname, "..", "dist-cli", "xlsx", "read.js"));
  const { grid } = await readXlsx(input);
  const timed = (run) => {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    const value = run();
    return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9, cpuSeconds: cpuSeconds(process.cpuUsage(cpuStart)) };
  };
  // As `jixiao score` runs it: the core module loaded, the analysis, its report rows and its summary sheet, once.
  const cold = timed(() => {
    const { analyze } = loadCore();
    return readAsScoreDoes(analyze(grid));
  });
  const { analyze } = loadCore();
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push(timed(() => readAsScoreDoes(analyze(grid))));
  const rows = cold.value;
  const median = (key) => warm.map((run) => run[key]).sort((a, b) => a - b)[2];
  return {
    rows,
    cold: { seconds: cold.seconds, cpuSeconds: cold.cpuSeconds, perSecond: rows / cold.seconds },
    warm: { seconds: median("seconds"), cpuSeconds: median("cpuSeconds"), perSecond: rows / median("seconds") },
  };
}

(async () => {
  const [mode, input, output] = process.argv.slice(2);
  if (mode === "core") {
    console.log(JSON.stringify(coreThroughput()));
    return;
  }
  if (mode === "core-cold") {
    console.log(JSON.stringify(await coreOnWorkbook(input)));
    return;
  }
  const start = process.hrtime.bigint();
  await { bare, "bare-held": bareHeld, jixiao }[mode](input, output);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ seconds, cpuSeconds: cpuSeconds(process.cpuUsage()), maxRssMB }));
})();
