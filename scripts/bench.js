// Benchmarks (figures printed, not asserted): `npm run bench`.
// 1. `jixiao score` against a bare ExcelJS read-and-write of the same 300-sheet workbook laid out
//    like the yunxi fixture, side by side in one run (goal: at most 1.5× time and memory).
// 2. The core alone: indicator rows parsed, validated and scored per second (goal: ≥ 100,000), and
//    the same with the JSON report's per-indicator rows, which the analysis builds only when read.
// 3. The add-in: production task-pane JavaScript gzipped (goal: ≤ 200 KB), when dist/ is built.
const ExcelJS = require("exceljs");
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const root = path.join(__dirname, "..");
const outDir = path.join(root, "bench-out");
const SHEETS = Number(process.env.BENCH_SHEETS || 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);

async function makeWorkbook(file) {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(path.join(root, "test", "fixtures", "yunxi-2023-dept-selfeval.xlsx"));
  const template = source.worksheets[0];
  const wb = new ExcelJS.Workbook();
  for (let i = 0; i < SHEETS; i++) {
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

function measure(mode, input, output) {
  const line = execFileSync(process.execPath, [path.join(__dirname, "bench-worker.js"), mode, input, output], { encoding: "utf8" });
  return JSON.parse(line.trim().split("\n").pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

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
  return { files: scripts.length, rawKB: raw / 1024, gzipKB: gz / 1024 };
}

(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  const input = path.join(outDir, `yunxi-x${SHEETS}.xlsx`);
  console.log(`Generating a ${SHEETS}-sheet workbook laid out like the yunxi fixture…`);
  await makeWorkbook(input);
  console.log(`  ${input} (${(fs.statSync(input).size / 1024).toFixed(0)} KB)`);

  const bare = [];
  const jixiao = [];
  for (let i = 0; i < ROUNDS; i++) {
    bare.push(measure("bare", input, path.join(outDir, "bare.xlsx")));
    jixiao.push(measure("jixiao", input, path.join(outDir, "jixiao.xlsx")));
  }
  const b = { seconds: median(bare.map((x) => x.seconds)), mem: median(bare.map((x) => x.maxRssMB)) };
  const j = { seconds: median(jixiao.map((x) => x.seconds)), mem: median(jixiao.map((x) => x.maxRssMB)) };
  console.log(`\n1. ${SHEETS} sheets, median of ${ROUNDS} runs each, alternating:`);
  console.log(`   bare ExcelJS read+write : ${b.seconds.toFixed(2)} s, peak RSS ${b.mem.toFixed(0)} MB`);
  console.log(`   jixiao score            : ${j.seconds.toFixed(2)} s, peak RSS ${j.mem.toFixed(0)} MB`);
  console.log(`   ratio                   : time ×${(j.seconds / b.seconds).toFixed(2)}, memory ×${(j.mem / b.mem).toFixed(2)} (goal ≤ ×1.5)`);

  const core = JSON.parse(
    execFileSync(process.execPath, [path.join(__dirname, "bench-worker.js"), "core"], { encoding: "utf8" }).trim().split("\n").pop(),
  );
  console.log(
    `\n2. core alone: ${core.rows} indicator rows (${core.findings} findings, ${core.writes} writes) in ${core.seconds.toFixed(2)} s = ${Math.round(core.perSecond).toLocaleString("en")} rows/s (goal ≥ 100,000)`,
  );
  console.log(
    `   with the JSON report's indicator rows too (what \`jixiao score\` asks): ${core.withRows.seconds.toFixed(2)} s = ${Math.round(core.withRows.perSecond).toLocaleString("en")} rows/s`,
  );
  if (core.steal !== null) console.log(`   the host took ${(core.steal * 100).toFixed(0)} % of this machine's CPU time meanwhile (steal); figures run low when it does`);

  const pane = paneBundle();
  console.log(
    pane
      ? `\n3. task pane JavaScript: ${pane.files} files, ${pane.rawKB.toFixed(0)} KB raw, ${pane.gzipKB.toFixed(0)} KB gzipped (goal ≤ 200 KB)`
      : "\n3. task pane JavaScript: dist/ not built (run `npm run build` first)",
  );
  if (fs.existsSync(path.join(__dirname, "bench-pane.js"))) require("./bench-pane.js");
})();
