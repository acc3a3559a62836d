// One measured run in its own process, so each gets a clean heap and its own peak memory:
//   node scripts/bench-worker.js bare <in.xlsx> <out.xlsx>    ExcelJS read + write, nothing else
//   node scripts/bench-worker.js jixiao <in.xlsx> <out.xlsx>  the full `jixiao score`
// Prints one JSON line: { seconds, maxRssMB }.
const ExcelJS = require("exceljs");
const path = require("path");

async function bare(input, output) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
}

async function jixiao(input, output) {
  const { main } = require(path.join(__dirname, "..", "dist-cli", "cli", "main.js"));
  const quiet = { log: () => {}, error: (l) => console.error(l) };
  await main(["node", "jixiao", "score", input, "--out", output, "--json", output + ".json"], quiet);
}

(async () => {
  const [mode, input, output] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  await (mode === "bare" ? bare : jixiao)(input, output);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ seconds, maxRssMB }));
})();
