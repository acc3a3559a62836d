// Benchmarks (figures printed, not asserted): `npm run bench`. Every measured run is a process of
// its own (scripts/bench-worker.js), so each has a clean heap and its own peak memory.
// 1. `jixiao score` against a bare ExcelJS read-and-write of the same workbook, 300 and 1000
//    sheets laid out like the yunxi fixture, side by side (goal: ≤ 0.5× time, ≤ 0.8× memory).
//    jixiao runs as bin/jixiao.js starts it, its young generation held (src/cli/heap.ts); bare
//    ExcelJS runs as it is, and once more with that setting, to show what of the figure is the setting's.
// 2. One sheet of 10,000, 30,000 and 100,000 indicator rows: time, peak memory, and the growth
//    from 30,000 to 100,000 (goal: 100,000 rows ≤ 10 s and ≤ 1 GB, growth ≤ 3.6×).
// 3. The core on the 300-sheet workbook: cold, as `jixiao score` runs it (goal ≥ 50,000 rows/s),
//    and warm; and warm on 100,000 synthetic rows.
// 4. The add-in: production task-pane JavaScript gzipped (goal: ≤ 200 KB), when dist/ is built.
const ExcelJS = require("exceljs");
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { rowsWorkbook } = require("./bench-data");

const root = path.join(__dirname, "..");
const outDir = path.join(root, "bench-out");
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);

async function makeWorkbook(file, sheets) {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(path.join(root, "test", "fixtures", "yunxi-2023-dept-selfeval.xlsx"));
  const template = source.worksheets[0];
  const wb = new ExcelJS.Workbook();
  for (let i = 0; i < sheets; i++) {
    const ws = wb.addWorksheet(`单位${i + 1}`);
    template.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        // Vary the numbers a little per sheet so no two sheets are the same.
        const v = cell.value;
        ws.getCell(r, c).value = typeof v === "number" && r === 4 ? v + i : v;
        if (cell.numFmt) ws.getCell(r, c).numFmt = cell.numFmt;
      });
    });
    for (const range of template.model.merges) ws.mergeCells(range);
  }
  await wb.xlsx.writeFile(file);
}

function worker(...args) {
  const line = execFileSync(process.execPath, [path.join(__dirname, "bench-worker.js"), ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(line.trim().split("\n").pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (s) => `${s.toFixed(2)} s`;
const megabytes = (mb) => `${mb.toFixed(0)} MB`;

/** Runs jixiao and bare ExcelJS in turns on one workbook; medians of each. */
function sideBySide(input) {
  const bare = [];
  const bareHeld = [];
  const jixiao = [];
  for (let i = 0; i < ROUNDS; i++) {
    bare.push(worker("bare", input, path.join(outDir, "bare.xlsx")));
    jixiao.push(worker("jixiao", input, path.join(outDir, "jixiao.xlsx")));
    bareHeld.push(worker("bare-held", input, path.join(outDir, "bare.xlsx")));
  }
  const pick = (runs) => ({
    seconds: median(runs.map((x) => x.seconds)),
    cpu: median(runs.map((x) => x.cpuSeconds)),
    mem: median(runs.map((x) => x.maxRssMB)),
  });
  return { bare: pick(bare), bareHeld: pick(bareHeld), jixiao: pick(jixiao) };
}

function paneBundle() {
  const dist = path.join(root, "dist");
  const html = path.join(dist, "taskpane.html");
  if (!fs.existsSync(html)) return null;
  const scripts = [...fs.readFileSync(html, "utf8").matchAll(/<script[^>]+src=["']?([^"' >]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  const files = scripts.map((src) => path.join(dist, src.replace(/^\.?\//, "")));
  const raw = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  const gz = files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0);
  // Chunks the pane fetches after its first load: the analysis engine with the 综合得分 layout (engine, and
  // engine-shared: what it shares with the results list and mark-tools), the settings tab, the results
  // list, 撤销/清除标记/采用计算值 (mark-tools), and English strings when Office is in English.
  const later = ["engine.js", "engine-shared.js", "settings.js", "results.js", "mark-tools.js", "strings-en.js"].map((name) => path.join(dist, name)).filter((f) => fs.existsSync(f));
  const laterKB = later.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0) / 1024;
  return { files: scripts.length, rawKB: raw / 1024, gzipKB: gz / 1024, later: later.map((f) => path.basename(f)), laterKB };
}

(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  console.log(`jixiao benchmark, ${new Date().toISOString()}, ${ROUNDS} rounds each, medians; load average ${require("os").loadavg()[0].toFixed(1)}`);

  const load = () => `load average ${require("os").loadavg()[0].toFixed(1)}`;
  console.log(`\n1. the whole command against a bare ExcelJS read+write of the same file (each loads its own code); ${load()}`);
  for (const sheets of [300, 1000]) {
    const input = path.join(outDir, `yunxi-x${sheets}.xlsx`);
    if (!fs.existsSync(input)) await makeWorkbook(input, sheets);
    const { bare, bareHeld, jixiao } = sideBySide(input);
    console.log(`   ${sheets} sheets (${(fs.statSync(input).size / 1024).toFixed(0)} KB):`);
    console.log(`     bare ExcelJS read+write : ${seconds(bare.seconds)} (CPU ${seconds(bare.cpu)}), peak RSS ${megabytes(bare.mem)}`);
    console.log(`     jixiao score            : ${seconds(jixiao.seconds)} (CPU ${seconds(jixiao.cpu)}), peak RSS ${megabytes(jixiao.mem)}`);
    console.log(
      `     ratio                   : time ×${(jixiao.seconds / bare.seconds).toFixed(2)} (goal ≤ 0.5; CPU time ×${(jixiao.cpu / bare.cpu).toFixed(2)}), memory ×${(jixiao.mem / bare.mem).toFixed(2)} (goal ≤ 0.8)`,
    );
    // jixiao holds V8's young generation at its starting size (src/cli/heap.ts); bare ExcelJS given the same shows what of the lower peak is that setting's.
    console.log(
      `     bare ExcelJS, young generation held as jixiao's: ${seconds(bareHeld.seconds)}, peak RSS ${megabytes(bareHeld.mem)}; jixiao against it: time ×${(jixiao.seconds / bareHeld.seconds).toFixed(2)}, memory ×${(jixiao.mem / bareHeld.mem).toFixed(2)}`,
    );
  }

  console.log(`\n2. jixiao score on one sheet of N indicator rows (一级 merged in fives, shared strings); ${load()}`);
  const byRows = {};
  for (const rows of [10000, 30000, 100000]) {
    const input = path.join(outDir, `rows-${rows}.xlsx`);
    if (!fs.existsSync(input)) fs.writeFileSync(input, rowsWorkbook(rows));
    const runs = [];
    for (let i = 0; i < ROUNDS; i++) runs.push(worker("jixiao", input, path.join(outDir, `rows-${rows}.jixiao.xlsx`)));
    byRows[rows] = { seconds: median(runs.map((r) => r.seconds)), mem: median(runs.map((r) => r.maxRssMB)) };
    console.log(`   ${String(rows).padStart(6)} rows (${(fs.statSync(input).size / 1024).toFixed(0)} KB): ${seconds(byRows[rows].seconds)}, peak RSS ${megabytes(byRows[rows].mem)}`);
  }
  console.log(`   30,000 → 100,000 rows: time ×${(byRows[100000].seconds / byRows[30000].seconds).toFixed(2)} (goal ≤ 3.6; goal for 100,000: ≤ 10 s, ≤ 1 GB)`);

  console.log(`\n3. the core (analyze, its report rows and the 综合得分 layout) on the 300-sheet workbook, read as jixiao score reads it; ${load()}`);
  const colds = [];
  for (let i = 0; i < ROUNDS; i++) colds.push(worker("core-cold", path.join(outDir, "yunxi-x300.xlsx")));
  const cold = median(colds.map((c) => c.cold.seconds));
  const coldCpu = median(colds.map((c) => c.cold.cpuSeconds));
  const warm = median(colds.map((c) => c.warm.seconds));
  const warmCpu = median(colds.map((c) => c.warm.cpuSeconds));
  const rows = colds[0].rows;
  const perSecond = (s) => Math.round(rows / s).toLocaleString("en");
  console.log(`   cold (first run in a fresh process, module load included): ${rows} rows in ${seconds(cold)} = ${perSecond(cold)} rows/s (goal ≥ 50,000)`);
  console.log(`     its CPU time, all threads (V8's compiler and collector included): ${seconds(coldCpu)} = ${perSecond(coldCpu)} rows per CPU second`);
  console.log(`   warm (median of five more runs in that process)         : ${seconds(warm)} = ${perSecond(warm)} rows/s (CPU ${seconds(warmCpu)})`);
  const core = worker("core");
  console.log(`   warm, 100,000 synthetic rows without merges or formats : ${Math.round(core.perSecond).toLocaleString("en")} rows/s (with the report rows and the 综合得分 layout, as jixiao score reads them: ${Math.round(core.withRows.perSecond).toLocaleString("en")})`);
  if (core.steal !== null) console.log(`   the host took ${(core.steal * 100).toFixed(0)} % of this machine's CPU time meanwhile (steal); figures run low when it does`);

  const pane = paneBundle();
  console.log(
    pane
      ? `\n4. task pane JavaScript: ${pane.files} files, ${pane.rawKB.toFixed(0)} KB raw, ${pane.gzipKB.toFixed(1)} KB gzipped (goal ≤ 200 KB); fetched after it: ${pane.later.join(", ")}, ${pane.laterKB.toFixed(1)} KB gzipped`
      : "\n4. task pane JavaScript: dist/ not built (run `npm run build` first)",
  );
  if (fs.existsSync(path.join(__dirname, "bench-pane.js"))) require("./bench-pane.js");
})();
