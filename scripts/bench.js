// Benchmarks (figures printed, not asserted): `npm run bench`.
// 1. `jixiao score` against a bare ExcelJS read-and-write of the same 300-sheet workbook laid out
//    like the yunxi fixture, side by side in one run (goal: at most 1.5× time and memory).
// 2. The core alone: indicator rows parsed, validated and scored per second (goal: ≥ 100,000).
// 3. The add-in: production task-pane JavaScript gzipped (goal: ≤ 300 KB), when dist/ is built.
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

function coreThroughput() {
  const { analyze } = require(path.join(root, "dist-cli", "core", "analyze.js"));
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
  analyze({ sheets: sheets.slice(0, 5) }); // warm up
  const start = process.hrtime.bigint();
  const result = analyze({ sheets });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { rows, seconds, perSecond: rows / seconds, findings: result.findings.length, writes: result.writes.length };
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

  const core = coreThroughput();
  console.log(
    `\n2. core alone: ${core.rows} indicator rows (${core.findings} findings, ${core.writes} writes) in ${core.seconds.toFixed(2)} s = ${Math.round(core.perSecond).toLocaleString("en")} rows/s (goal ≥ 100,000)`,
  );

  const pane = paneBundle();
  console.log(
    pane
      ? `\n3. task pane JavaScript: ${pane.files} files, ${pane.rawKB.toFixed(0)} KB raw, ${pane.gzipKB.toFixed(0)} KB gzipped (goal ≤ 300 KB)`
      : "\n3. task pane JavaScript: dist/ not built (run `npm run build` first)",
  );
  if (fs.existsSync(path.join(__dirname, "bench-pane.js"))) require("./bench-pane.js");
})();
