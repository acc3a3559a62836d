/**
 * The task pane in a real (headless) Chromium, against the playground's fake Excel: build first
 * (`npm run build`), then `node test/browser/pane.test.js`. It serves dist/ (or $JIXIAO_DIST) on a
 * free localhost port, opens playground.html with the sample workbook, clicks 一键重算, checks the
 * total and grade, reads a marked cell's note, clicks a finding and checks the selected cell, clicks
 * 撤销上次重算 and checks every cell is back, then recalculates, clicks 清除标记 and checks the same. Screenshot: test-output/pane.png. Last line: `browser: N passed, M failed`;
 * the exit code is non-zero on any failure.
 */
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");
const { serve } = require("../../scripts/serve");

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.resolve(process.env.JIXIAO_DIST || path.join(ROOT, "dist"));
const OUTPUT = path.join(ROOT, "test-output");
const TIMEOUT = 20_000;
/** The self-evaluation sheet of samples/yunxi-2023-dept-selfeval.xlsx. */
const SAMPLE_SHEET = "部门整体支出绩效自评表";

/** The user's sheets (everything but the summary) as plain data, from the page. */
const sheetsSnapshot = () =>
  JSON.stringify(window.jixiaoPlayground.workbook.snapshot().sheets.filter((s) => !s.name.startsWith("综合得分")));

async function main() {
  if (!fs.existsSync(path.join(DIST, "playground.html"))) {
    console.error(`${DIST}/playground.html is missing: run \`npm run build\` first.`);
    console.log("browser: 0 passed, 1 failed");
    process.exit(1);
  }
  const server = await serve(DIST);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const results = [];
  const check = async (name, body) => {
    try {
      await body();
      results.push(true);
      console.log(`  ✓ ${name}`);
    } catch (error) {
      results.push(false);
      console.log(`  ✕ ${name}\n      ${String(error && error.message ? error.message : error).split("\n").join("\n      ")}`);
    }
  };

  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(TIMEOUT);
    const pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // The real office.js must never load here (the playground stands in for it; there is no network).
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/playground.html`);

    let before = "";
    await check("the playground loads the sample workbook beside the pane", async () => {
      await page.waitForFunction(() => window.jixiaoPlayground && window.jixiaoPlayground.workbook.sheets.length > 0);
      const error = await page.evaluate(() => window.jixiaoPlayground.error);
      if (error) throw new Error(error);
      await page.getByRole("button", { name: "一键重算" }).waitFor();
      await page.locator("#jixiao-sheet").getByRole("tab", { name: SAMPLE_SHEET }).waitFor();
      before = await page.evaluate(sheetsSnapshot);
    });

    await check("一键重算 shows the total and the grade of the summary sheet", async () => {
      await page.getByRole("button", { name: "一键重算" }).click();
      await page.getByTestId("total").waitFor();
      const shown = { total: await page.getByTestId("total").innerText(), grade: await page.getByTestId("grade").innerText() };
      const written = await page.evaluate(() => {
        const sheet = window.jixiaoPlayground.workbook.sheet("综合得分");
        for (let r = 0; r < 500; r++) {
          const label = sheet.cell(r, 1);
          if (label && label.value === "综合得分") return { total: String(sheet.cell(r, 3).value), grade: String(sheet.cell(r, 5).value) };
        }
        return null;
      });
      if (!written) throw new Error("no 综合得分 row on the summary sheet");
      // No grade (the sample's weights add up to 110): "—" in the pane and on the sheet alike.
      if (written.grade !== "—") throw new Error(`the summary sheet grades a total of weights 110: ${written.grade}`);
      if (shown.total.trim() !== written.total || shown.grade.trim() !== written.grade) {
        throw new Error(`pane shows ${JSON.stringify(shown)}, summary sheet has ${JSON.stringify(written)}`);
      }
    });

    await check("the workbook got the core's writes and marks (drawn in the sheet view)", async () => {
      const changed = await page.evaluate(
        ([old, name]) => {
          const now = window.jixiaoPlayground.workbook.snapshot().sheets.find((s) => s.name === name).cells;
          const was = JSON.parse(old).find((s) => s.name === name).cells;
          return Object.keys(now).filter((a) => JSON.stringify(now[a]) !== JSON.stringify(was[a]));
        },
        [before, SAMPLE_SHEET],
      );
      if (changed.length === 0) throw new Error("no cell of the self-evaluation sheet changed");
      // The summary sheet as the sheet view draws it, for the README.
      await page.locator("#jixiao-sheet").getByRole("tab", { name: "综合得分" }).click();
      await page.locator("#jixiao-sheet").screenshot({ path: path.join(OUTPUT, "summary.png") });
      await page.locator("#jixiao-sheet").getByRole("tab", { name: SAMPLE_SHEET }).click();
      const filled = await page.locator("#jixiao-sheet td[style*='background']").count();
      if (filled === 0) throw new Error("the sheet view shows no marked cell");
    });

    await check("a marked cell's note (shown on hover) gives its message", async () => {
      const finding = page.locator("button[data-finding]").first();
      const where = (await finding.locator("span span").first().innerText()).trim();
      const cell = where.split("!")[1];
      const note = await page.locator(`#jixiao-sheet td[data-address="${cell}"]`).getAttribute("title");
      if (!note || !note.startsWith("绩效自评助手：")) throw new Error(`the note of ${cell} is ${JSON.stringify(note)}`);
    });

    await check("clicking a finding selects its cell", async () => {
      const finding = page.locator("button[data-finding]").first();
      const where = (await finding.locator("span span").first().innerText()).trim();
      await finding.click();
      const [sheet, cell] = where.split("!");
      await page.waitForFunction(
        ([s, c]) => {
          const selection = window.jixiaoPlayground.workbook.selection;
          return selection && selection.sheet === s && selection.address === c;
        },
        [sheet, cell],
      );
      await page.locator(`#jixiao-sheet td[data-address="${cell}"][data-selected]`).waitFor();
      fs.mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, "pane.png"), fullPage: true });
    });

    await check("撤销上次重算 puts every cell back and removes the summary sheet", async () => {
      await page.getByRole("button", { name: "撤销上次重算" }).click();
      await page.waitForFunction(() => !window.jixiaoPlayground.workbook.settings.has("jixiao.undo"));
      const state = await page.evaluate(() => ({
        names: window.jixiaoPlayground.workbook.sheets.map((s) => s.name),
      }));
      const after = await page.evaluate(sheetsSnapshot);
      if (state.names.includes("综合得分")) throw new Error(`summary sheet still there: ${state.names.join(", ")}`);
      if (after !== before) throw new Error("the sheets differ from before the recalculation");
    });

    await check("清除标记 after 一键重算 leaves the sheets exactly as before the first run", async () => {
      await page.getByRole("button", { name: "一键重算" }).click();
      await page.getByTestId("total").waitFor();
      await page.getByRole("button", { name: "清除标记" }).click();
      await page.getByText(/已清除 \d+ 处标记及其批注/).waitFor();
      const after = await page.evaluate(sheetsSnapshot);
      if (after !== before) throw new Error("the sheets differ from before the first recalculation");
    });

    if (pageErrors.length > 0) console.log(`  page errors:\n    ${pageErrors.join("\n    ")}`);
  } finally {
    await browser.close();
    server.close();
  }
  const passed = results.filter(Boolean).length;
  console.log(`browser: ${passed} passed, ${results.length - passed} failed`);
  process.exit(passed === results.length ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  console.log("browser: 0 passed, 1 failed");
  process.exit(1);
});
