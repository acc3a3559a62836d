// `npm run demo`: scores the bundled sample workbook and says where the results are.
const path = require("path");
// As bin/jixiao.js starts the command (src/cli/heap.ts).
require(path.join(__dirname, "..", "dist-cli", "cli", "heap.js")).holdYoungGeneration();
const { main } = require(path.join(__dirname, "..", "dist-cli", "cli", "main.js"));

const root = path.join(__dirname, "..");
const input = path.join("samples", "yunxi-2023-dept-selfeval.xlsx");
const output = path.join("out", "yunxi-2023-dept-selfeval.jixiao.xlsx");
const report = path.join("out", "yunxi-2023-dept-selfeval.report.json");

process.chdir(root);
main(["node", "jixiao", "score", input, "--out", output, "--json", report]).then((code) => {
  console.log(`\njixiao score exited with ${code} (0: no errors, 1: error findings, 2: unreadable input).`);
  console.log(`The sample has real defects, so 1 is expected. Open ${output} (sheet 综合得分) and ${report}.`);
  process.exit(code === 2 ? 2 : 0);
});
