// One measured run in its own process, so each gets a clean heap and its own peak memory:
//   node scripts/bench-worker.js bare <in.xlsx> <out.xlsx>    ExcelJS read + write, nothing else
//   node scripts/bench-worker.js jixiao <in.xlsx> <out.xlsx>  the full `jixiao score`
//   node scripts/bench-worker.js core                          the core alone on 100,000 indicator rows
// Prints one JSON line: { seconds, maxRssMB }
// (core: { rows, seconds, perSecond, withRows: { seconds, perSecond }, findings, writes, steal }).
const ExcelJS = require("exceljs");
const fs = require("fs");
const path = require("path");

async function bare(input, output) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
}

async function jixiao(input, output) {
  const { main } = require(path.join(__dirname, "..", "dist-cli", "cli", "main.js"));
  const quiet = { log: () => {}, error: (l) => console.error(l) };
  await main(["node", "jixiao", "score", input, "--out", output], quiet);
}

/** One indicator row of a plausible self-evaluation: mostly consistent, a defect every 20th row. */
function indicatorRow(r) {
  const n = 10 + (r % 50);
  const kinds = [
    ["产出指标", "数量指标", `培训场次${r}`, `≥${n}场`, `${n + (r % 3)}场`, 5, 5, ""],
    ["产出指标", "质量指标", `验收合格率${r}`, `≥${90 + (r % 10)}%`, `${91 + (r % 9)}%`, 5, 5, ""],
    ["产出指标", "成本指标", `项目成本${r}`, `≤${100 + (r % 40)}万元`, `${95 + (r % 40)}.5万元`, 3, 3, ""],
    ["效益指标", "社会效益", `服务质量${r}`, "按期完成", "按期完成", 5, 5, ""],
    ["满意度指标", "服务对象满意度", `满意度${r}`, "≥90%", `${90 + (r % 10)}%`, 10, 10, ""],
  ];
  const row = kinds[r % kinds.length];
  if (r % 20 === 7) row[6] = null; // a blank score to fill in
  if (r % 20 === 13) row[6] = row[5] - 1; // a recorded score that disagrees
  return row;
}

/** The machine's CPU counters (Linux): how much of the time the hypervisor gave to other machines. */
function cpuCounters() {
  try {
    const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return null;
  }
}

function coreThroughput() {
  const { analyze } = require(path.join(__dirname, "..", "dist-cli", "core", "analyze.js"));
  const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
  const ROWS_PER_TABLE = 1000;
  const TABLES = 100;
  const sheets = [];
  for (let t = 0; t < TABLES; t++) {
    const values = [header];
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
  // The analysis alone, and what `jixiao score` asks of the core: the analysis and its JSON
  // report's indicator rows, which the analysis builds only when they are read. Taken in turns,
  // five of each, so neither runs on code the JIT has had longer to warm.
  const alone = [];
  const withRows = [];
  let result;
  const before = cpuCounters();
  for (let i = 0; i < 5; i++) {
    const run = timed(() => analyze({ sheets }));
    alone.push(run.seconds);
    result = run.value;
    withRows.push(timed(() => analyze({ sheets }).indicators.length).seconds);
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

(async () => {
  const [mode, input, output] = process.argv.slice(2);
  if (mode === "core") {
    console.log(JSON.stringify(coreThroughput()));
    return;
  }
  const start = process.hrtime.bigint();
  await (mode === "bare" ? bare : jixiao)(input, output);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ seconds, maxRssMB }));
})();
