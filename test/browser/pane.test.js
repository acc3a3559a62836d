/**
 * The task pane in a real (headless) Chromium, against the playground's fake Excel: build first
 * (`npm run build`), then `node test/browser/pane.test.js`. It serves dist/ (or $JIXIAO_DIST) on a
 * free localhost port, opens playground.html with the sample workbook, clicks 一键重算, checks the
 * total and grade, the announcement, findings by table with Chinese rule names, keyboard order and
 * labels, the severity toggles' contrast; reads a marked cell's note; clicks a finding's cell and
 * checks the selection; clicks 撤销上次重算 and checks every cell is back; recalculates, clicks 清除标记
 * and checks the same; fixes one finding (采用计算值) and sees the cell change and its card go;
 * ignores one with a reason, recalculates and sees it under 已忽略; cancels a run of 300 sheets while
 * their counts show and finds the workbook untouched; that the pane's first load (taskpane.html's
 * scripts) is within 200 KB gzipped and without the analysis engine, which it fetches once drawn
 * (engine.js, with the 综合得分 layout) and, in Chinese, not the English strings (strings-en.js); that a
 * pane whose engine cannot be fetched says so on 一键重算, writes nothing, and runs once it can; that
 * the ribbon's 一键重算 (the function the manifest's ExecuteFunction names, run in
 * command-playground.html, its FunctionFile over the same stand-in) fetches the engine's chunks,
 * writes its result and tells it in its notice, and, where the engine cannot be fetched, tells that
 * and writes nothing; and does the same in English, with the core's English finding messages.
 * Screenshots of each state: test-output/pane-*.png. Last line: `browser: N passed, M failed`; the
 * exit code is non-zero on any failure.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { checkRunner, contrast, launchChromium, runBrowserTest } = require("./harness");
const { serve } = require("../../scripts/serve");

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.resolve(process.env.JIXIAO_DIST || path.join(ROOT, "dist"));
const OUTPUT = path.join(ROOT, "test-output");
const TIMEOUT = 20_000;
/** The pane's first load, gzipped (issue 13). */
const FIRST_LOAD_KB = 200;
/** The self-evaluation sheet of samples/yunxi-2023-dept-selfeval.xlsx. */
const SAMPLE_SHEET = "部门整体支出绩效自评表";

/** The pane (the playground's left column) as an image. */
const shoot = (page, name) => page.locator("#container").screenshot({ path: path.join(OUTPUT, `${name}.png`) });

/** The pane's controls in Tab order from 一键重算, with their accessible names. */
async function tabOrder(page, count) {
  await page.getByRole("button", { name: /一键重算|Recalculate/ }).first().focus();
  const names = [];
  for (let i = 0; i < count; i++) {
    names.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        const labelled = el.getAttribute("aria-labelledby");
        const name =
          el.getAttribute("aria-label") ||
          (labelled && labelled.split(" ").map((id) => (document.getElementById(id) || { textContent: "" }).textContent).join(" ")) ||
          (el.labels && el.labels[0] && el.labels[0].textContent) ||
          el.textContent;
        return (name || "").trim();
      }),
    );
    await page.keyboard.press("Tab");
  }
  return names;
}

/** The 综合得分（计算） row of the summary sheet: its total and grade as written. */
const writtenTotal = () => {
  const sheet = window.jixiaoPlayground.workbook.sheet("综合得分");
  // The label in A, or in B after a 工作表 column (tables on several sheets: review round 52).
  for (let r = 0; sheet && r < 500; r++) {
    for (const c of [0, 1]) {
      const label = sheet.cell(r, c);
      if (label && label.value === "综合得分（计算）") return { total: String(sheet.cell(r, c + 2).value), grade: String(sheet.cell(r, c + 4).value) };
    }
  }
  return null;
};

/**
 * Runs the ribbon command `name` in command-playground.html as a ribbon click would (the function
 * Office.actions.associate was given, with an event), and resolves once it calls event.completed()
 * with the notices it asked to show, each its notice.html query.
 */
const runRibbonCommand = (name) =>
  new Promise((resolve, reject) => {
    const action = window.Office.associated.get(name);
    if (typeof action !== "function") return reject(new Error(`${name} was not associated`));
    const from = window.Office.dialogs.length;
    action({ completed: () => resolve(window.Office.dialogs.slice(from).map((url) => Object.fromEntries(new URL(url).searchParams))) });
  });

const sheetsSnapshot = () =>
  JSON.stringify(window.jixiaoPlayground.workbook.snapshot().sheets.filter((s) => !s.name.startsWith("综合得分")));

async function main() {
  if (!fs.existsSync(path.join(DIST, "playground.html"))) {
    console.error(`${DIST}/playground.html is missing: run \`npm run build\` first.`);
    console.log("browser: 0 passed, 1 failed");
    process.exit(1);
  }
  const server = await serve(DIST);
  const browser = await launchChromium();
  const { check, finish } = checkRunner();

  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(TIMEOUT);
    const pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // The scripts the (Chinese) pane fetches: never the English strings and finding messages.
    const fetched = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    // The real office.js must never load here (the playground stands in for it; there is no network).
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/playground.html`);

    await check(`the pane's first load is at most ${FIRST_LOAD_KB} KB gzipped, without the analysis engine`, async () => {
      const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
      const scripts = [...html.matchAll(/<script[^>]+src=["']?([^"' >]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
      const read = (name) => fs.readFileSync(path.join(DIST, name.replace(/^\.?\//, "")));
      const gz = (name) => zlib.gzipSync(read(name), { level: 9 }).length / 1024;
      const total = scripts.reduce((n, name) => n + gz(name), 0);
      console.log(`    pane first load: ${total.toFixed(2)} KB gzipped (${scripts.join(", ")}); engine.js ${gz("engine.js").toFixed(2)} KB and engine-shared.js ${gz("engine-shared.js").toFixed(2)} KB after it`);
      if (total > FIRST_LOAD_KB) throw new Error(`${total.toFixed(2)} KB`);
      // Table detection's words mark the engine (src/core/detect.ts): a static import of the engine
      // into what the pane loads first (src/taskpane/first-load.test.ts follows the imports) shows here.
      const detection = "总分|得分|合计|小计|总计";
      if (!read("engine.js").includes(detection)) throw new Error("engine.js no longer holds the marker of table detection: choose another");
      for (const name of scripts) if (read(name).includes(detection)) throw new Error(`${name}, of the first load, holds the analysis engine (table detection)`);
    });

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
      const written = await page.evaluate(writtenTotal);
      if (!written) throw new Error("no 综合得分（计算） row on the summary sheet");
      // No grade (the sample's weights add up to 110): "—" in the pane, 未评等次 on the sheet.
      if (written.grade !== "未评等次") throw new Error(`the summary sheet grades a total of weights 110: ${written.grade}`);
      if (shown.total.trim() !== written.total || shown.grade.trim() !== "—") {
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

    await check("the result is announced; findings by table, with Chinese rule names and the rule id as a tooltip", async () => {
      fs.mkdirSync(OUTPUT, { recursive: true });
      const announced = await page.getByTestId("announcer").innerText();
      const total = (await page.getByTestId("total").innerText()).trim();
      if (!announced.startsWith(`综合得分 ${total}`) || !/发现 \d+ 个问题/.test(announced)) throw new Error(`announcer says "${announced}"`);
      const table = page.locator("section[data-table]").first();
      await table.waitFor();
      const rule = page.locator('[data-finding="score-mismatch"] [data-rule]').first();
      if ((await rule.innerText()).trim() !== "错误：得分算错") throw new Error(`rule shown as "${await rule.innerText()}"`);
      if ((await rule.getAttribute("title")) !== "score-mismatch") throw new Error("the rule id is not in the tooltip");
      await shoot(page, "pane-zh-results");
    });

    await check("keyboard order and labels: every control reached by Tab has a name, in reading order", async () => {
      const names = await tabOrder(page, 9);
      const expected = ["一键重算", "撤销上次重算", "清除标记", "边改边查", "结果", "搜索问题", "按规则筛选", "错误（", "警告（"];
      expected.forEach((start, i) => {
        if (!names[i] || !names[i].startsWith(start)) throw new Error(`Tab stop ${i + 1} is "${names[i]}", expected "${start}…" (all: ${names.join(" | ")})`);
      });
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll("#container button, #container input, #container select")]
          .filter((el) => !el.closest("[aria-hidden=true]") && el.type !== "file")
          .filter((el) => !(el.getAttribute("aria-label") || (el.labels && el.labels.length) || el.getAttribute("aria-labelledby") || el.textContent.trim()))
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      if (unnamed.length > 0) throw new Error(`controls without a name: ${unnamed.join(", ")}`);
    });

    await check("severity toggles: on and off at least 3:1 apart, aria-pressed follows", async () => {
      const toggle = page.getByRole("group", { name: "按严重程度筛选" }).getByRole("button").first();
      // Read once the colour transition has run its course.
      const background = async () => {
        await toggle.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
        return toggle.evaluate((el) => getComputedStyle(el).backgroundColor);
      };
      const on = await background();
      await toggle.click();
      await page.mouse.move(0, 0); // no hover colour
      if ((await toggle.getAttribute("aria-pressed")) !== "false") throw new Error("aria-pressed did not turn false");
      const off = await background();
      await toggle.click();
      if (contrast(on, off) < 3) throw new Error(`on ${on} and off ${off} differ by ${contrast(on, off).toFixed(2)}:1`);
    });

    await check("a marked cell's note (shown on hover) gives its message", async () => {
      const where = await page.locator("[data-finding] button[data-cell]").first().getAttribute("data-cell");
      const cell = where.split("!")[1];
      const note = await page.locator(`#jixiao-sheet td[data-address="${cell}"]`).getAttribute("title");
      if (!note || !note.startsWith("绩效自评助手：")) throw new Error(`the note of ${cell} is ${JSON.stringify(note)}`);
    });

    await check("clicking a finding's cell selects it", async () => {
      const link = page.locator("[data-finding] button[data-cell]").first();
      const where = await link.getAttribute("data-cell");
      await link.click();
      const [sheet, cell] = where.split("!");
      await page.waitForFunction(
        ([s, c]) => {
          const selection = window.jixiaoPlayground.workbook.selection;
          return selection && selection.sheet === s && selection.address === c;
        },
        [sheet, cell],
      );
      await page.locator(`#jixiao-sheet td[data-address="${cell}"][data-selected]`).waitFor();
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
      await page.getByTestId("announcer").getByText(/已清除 \d+ 处标记及其批注/).waitFor();
      const after = await page.evaluate(sheetsSnapshot);
      if (after !== before) throw new Error("the sheets differ from before the first recalculation");
    });

    const cellValue = (address) =>
      page.evaluate(([name, a]) => {
        const match = /^([A-Z]+)(\d+)$/.exec(a);
        const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const cell = window.jixiaoPlayground.workbook.sheet(name).cell(Number(match[2]) - 1, col);
        return cell ? { value: cell.value, fill: cell.fill, numberFormat: cell.numberFormat } : null;
      }, [SAMPLE_SHEET, address]);

    await check("全部采用 lists what it would write first; 采用计算值 writes one cell, its card goes, the results say they are behind", async () => {
      await page.getByRole("button", { name: "一键重算" }).click();
      await page.getByTestId("total").waitFor();
      await page.getByRole("button", { name: /^全部采用/ }).first().click();
      const preview = page.locator("[data-preview] li");
      if ((await preview.count()) < 2) throw new Error("the preview lists fewer than two cells");
      await shoot(page, "pane-zh-fix-all-preview");
      if ((await cellValue("H24")).value !== 3) throw new Error("the preview wrote something");
      await page.getByRole("button", { name: "取消" }).first().click();

      const card = page.locator('[data-row-card="24"]');
      await card.getByRole("button", { name: "采用计算值" }).click();
      await page.waitForFunction((name) => {
        const cell = window.jixiaoPlayground.workbook.sheet(name).cell(23, 7);
        return cell && cell.value === 2.35;
      }, SAMPLE_SHEET);
      await page.locator('[data-row-card="24"] [data-finding="score-mismatch"]').waitFor({ state: "detached" });
      const h24 = await cellValue("H24");
      if (h24.numberFormat !== "0.00" || h24.fill !== null) throw new Error(`H24 is ${JSON.stringify(h24)}`);
      await page.getByTestId("stale").waitFor();
      await page.locator("#jixiao-sheet td[data-address='H24']").waitFor();
      await shoot(page, "pane-zh-fixed-stale");
    });

    await check("忽略 with a reason is stored in the workbook; after 一键重算 it is under 已忽略, out of the count", async () => {
      const heading = page.getByRole("heading", { name: /^发现的问题/ });
      const countOf = async () => Number(/（(\d+)）/.exec(await heading.innerText())[1]);
      // The count of a fresh run (the fix above left the results stale), to compare with after the ignore.
      await page.getByRole("button", { name: "一键重算" }).click();
      await page.getByTestId("stale").waitFor({ state: "detached" });
      const before = await countOf();
      const card = page.locator('[data-finding="over-achievement"]');
      await card.getByRole("button", { name: "忽略" }).click();
      await card.getByLabel("忽略原因").fill("拍卖数量由上级下达");
      await shoot(page, "pane-zh-ignore-reason");
      await card.getByRole("button", { name: "确定忽略" }).click();
      await page.locator('[data-ignored-finding="over-achievement"]').waitFor();
      const record = await page.evaluate(() => window.jixiaoPlayground.workbook.customXmlParts.map((p) => p.xml).join(""));
      if (!record.includes("拍卖数量由上级下达") || !record.includes("urn:jixiao:state:1")) throw new Error(`record part: ${record}`);

      await page.getByRole("button", { name: "一键重算" }).click();
      await page.getByTestId("total").waitFor();
      const ignored = page.locator('[data-ignored-finding="over-achievement"]');
      await ignored.waitFor();
      if (!(await ignored.innerText()).includes("原因：拍卖数量由上级下达")) throw new Error("the reason is not shown");
      if ((await page.locator('[data-finding="over-achievement"]').count()) !== 0) throw new Error("the ignored finding is still listed");
      const after = await countOf();
      if (after !== before - 1) throw new Error(`发现的问题 went from ${before} to ${after}, not one fewer`);
      await page.locator("[data-ignored]").scrollIntoViewIfNeeded();
      await shoot(page, "pane-zh-ignored");
    });

    await check("the settings: presets offered, grades as a table of four rows, the score's decimals editable", async () => {
      await page.getByRole("tab", { name: "评分方案" }).click();
      await page.getByRole("combobox", { name: "预设方案" }).waitFor();
      if ((await page.getByLabel("等次", { exact: true }).count()) !== 4) throw new Error("not four grade rows");
      await page.getByLabel("得分保留小数位数").waitFor();
      await shoot(page, "pane-zh-settings");
      await page.getByRole("tab", { name: "结果" }).click();
    });

    await check("a 300-sheet workbook: 第 n / 300 张表 shows while it is checked; 取消重算 then leaves it untouched", async () => {
      const big = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      big.setDefaultTimeout(TIMEOUT);
      await big.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
      await big.goto(`http://127.0.0.1:${port}/playground.html`);
      await big.waitForFunction(() => window.jixiaoPlayground && window.jixiaoPlayground.workbook.sheets.length > 0);
      await big.getByRole("button", { name: "一键重算" }).waitFor();
      // The sample sheet 300 times over (its cells and merged areas).
      await big.evaluate((name) => {
        const workbook = window.jixiaoPlayground.workbook;
        const source = workbook.sheet(name);
        for (let i = 2; i <= 300; i++) {
          const copy = workbook.addSheet(`${name}${i}`);
          for (const [key, cell] of source.cells) copy.cells.set(key, { ...cell });
          copy.merges = source.merges.map((m) => ({ ...m }));
        }
      }, SAMPLE_SHEET);
      const untouched = await big.evaluate(() => JSON.stringify(window.jixiaoPlayground.workbook.snapshot()));
      // In the page, so the click lands while the sheets are checked (校验, after 识别 counted the
      // same way): the counts can only be drawn there if the check gives the thread back, and the
      // cancel must then be taken.
      const seen = await big.evaluate(
        (timeout) =>
          new Promise((resolve, reject) => {
            const button = (text) => [...document.querySelectorAll("button")].find((b) => b.textContent === text);
            const observer = new MutationObserver(() => {
              const counts = document.querySelector("[data-testid=step-counts]");
              const checking = document.querySelector('li[data-step="validate"][data-state="current"]');
              if (!checking || !counts || !/^第 \d+ \/ 300 张表$/.test(counts.textContent)) return;
              observer.disconnect();
              button("取消重算").click();
              resolve(counts.textContent);
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            setTimeout(() => reject(new Error("no count of sheets was drawn while they were checked (校验)")), timeout);
            button("一键重算").click();
          }),
        TIMEOUT,
      );
      await big.getByTestId("announcer").getByText("已取消，工作簿未改动。").waitFor();
      const after = await big.evaluate(() => ({
        snapshot: JSON.stringify(window.jixiaoPlayground.workbook.snapshot()),
        parts: window.jixiaoPlayground.workbook.customXmlParts.length,
      }));
      if (after.snapshot !== untouched || after.parts !== 0) throw new Error(`the workbook changed after cancelling at "${seen}"`);
      if ((await big.getByTestId("total").count()) !== 0) throw new Error("results shown for a cancelled run");
      await shoot(big, "pane-zh-cancelled");
      await big.close();
    });

    await check("the manifest's SupportUrl is the help page built into dist/", async () => {
      const manifest = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
      const url = /<SupportUrl DefaultValue="([^"]+)"/.exec(manifest)[1];
      const file = url.replace(/^https?:\/\/[^/]+\//, "");
      if (!fs.existsSync(path.join(DIST, file))) throw new Error(`SupportUrl ${url} has no ${file} in dist/`);
      const help = await page.request.get(`http://127.0.0.1:${port}/${file}`);
      if (!(await help.text()).includes("采用计算值")) throw new Error("the help page does not explain the pane");
    });

    await check("English pane: English rule names with their ids, an English announcement and summary footer", async () => {
      const en = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      en.setDefaultTimeout(TIMEOUT);
      await en.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
      await en.goto(`http://127.0.0.1:${port}/playground.html?lang=en`);
      await en.getByRole("button", { name: "Recalculate" }).click();
      await en.getByTestId("total").waitFor();
      const announced = await en.getByTestId("announcer").innerText();
      // The sample's weights make 110: a total without a grade (the honest headline).
      if (!/^Total [\d.]+; \d+ findings$/.test(announced)) throw new Error(`announcer says "${announced}"`);
      await en.getByText("Error: Score wrong").first().waitFor();
      await en.getByText("score-mismatch").first().waitFor();
      // The core's English finding messages, fetched with the pane's English strings (strings-en.js).
      await en.getByText("Budget weight 10 plus indicator weights 100 make 110; they should make 100.").first().waitFor();
      const footer = await en.evaluate(() => {
        const sheet = window.jixiaoPlayground.workbook.sheet("综合得分");
        const texts = [];
        for (const { cell } of sheet.entries()) if (typeof cell.value === "string") texts.push(cell.value);
        return texts;
      });
      if (!footer.some((t) => t.startsWith("This sheet was made by the self-evaluation assistant"))) throw new Error("no English footer");
      await shoot(en, "pane-en-results");
      await en.getByRole("tab", { name: "Scoring profile" }).click();
      await shoot(en, "pane-en-settings");
      await en.close();
    });

    await check("the Chinese pane fetched the analysis engine's chunks (with the 综合得分 layout), and no English one", async () => {
      for (const chunk of ["/engine.js", "/engine-shared.js"]) {
        if (!fetched.includes(chunk)) throw new Error(`${chunk} not fetched: ${fetched.filter((f) => f.endsWith(".js")).join(", ")}`);
      }
      if (fetched.includes("/strings-en.js")) throw new Error("the Chinese pane fetched strings-en.js");
    });

    await check("a pane whose engine cannot be fetched says so on 一键重算 and writes nothing; once it can, it runs", async () => {
      const offline = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      offline.setDefaultTimeout(TIMEOUT);
      await offline.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
      // The add-in's server out of reach once the pane is up: the engine's chunk cannot be fetched.
      const gone = (route) => route.fulfill({ status: 503, body: "" });
      await offline.route("**/engine.js", gone);
      await offline.goto(`http://127.0.0.1:${port}/playground.html`);
      await offline.waitForFunction(() => window.jixiaoPlayground && window.jixiaoPlayground.workbook.sheets.length > 0);
      const untouched = await offline.evaluate(() => JSON.stringify(window.jixiaoPlayground.workbook.snapshot()));
      await offline.getByRole("button", { name: "一键重算" }).click();
      await offline.getByText(/检查和评分所需的程序未能全部载入/).first().waitFor();
      if ((await offline.evaluate(() => JSON.stringify(window.jixiaoPlayground.workbook.snapshot()))) !== untouched) throw new Error("the workbook changed");
      if ((await offline.getByTestId("total").count()) !== 0) throw new Error("results shown without the engine");
      await shoot(offline, "pane-zh-engine-unavailable");
      // The server is back: the next click fetches the engine again and runs.
      await offline.unroute("**/engine.js", gone);
      await offline.getByRole("button", { name: "一键重算" }).click();
      await offline.getByTestId("total").waitFor();
      await offline.close();
    });

    // The ribbon's 一键重算 has no pane: it fetches the engine when it runs (session 57: no test ran it in a browser).
    const ribbonFunction = /<Action xsi:type="ExecuteFunction">\s*<FunctionName>([^<]+)<\/FunctionName>/.exec(fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8"))[1];
    /** command-playground.html over the sample, ready to run the ribbon command; `engine` false: engine.js cannot be fetched. */
    const commandPage = async (engine = true) => {
      const command = await browser.newPage();
      command.setDefaultTimeout(TIMEOUT);
      command.on("pageerror", (error) => pageErrors.push(`command-playground.html: ${error.message}`));
      const requested = [];
      command.on("request", (request) => requested.push(new URL(request.url()).pathname));
      await command.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
      if (!engine) await command.route("**/engine.js", (route) => route.fulfill({ status: 503, body: "" }));
      await command.goto(`http://127.0.0.1:${port}/command-playground.html`);
      await command.waitForFunction((name) => window.jixiaoPlayground.workbook.sheets.length > 0 && window.Office.associated.has(name), ribbonFunction);
      return { command, requested };
    };

    await check(`the ribbon's 一键重算 (${ribbonFunction}) fetches the engine's chunks, writes the summary sheet and tells its total in its notice`, async () => {
      // Table detection's words mark the engine, as for the pane's first load above.
      if (fs.readFileSync(path.join(DIST, "commands.js"), "utf8").includes("总分|得分|合计|小计|总计")) throw new Error("commands.js holds the analysis engine (table detection)");
      const { command, requested } = await commandPage();
      if (requested.includes("/engine.js")) throw new Error("the command fetched the engine before it ran");
      const notices = await command.evaluate(runRibbonCommand, ribbonFunction);
      for (const chunk of ["/engine.js", "/engine-shared.js"]) if (!requested.includes(chunk)) throw new Error(`${chunk} not fetched`);
      const written = await command.evaluate(writtenTotal);
      if (!written) throw new Error("no 综合得分（计算） row on the summary sheet");
      if (notices.length !== 1) throw new Error(`${notices.length} notices`);
      const [notice] = notices;
      if (notice.kind !== "warning" || notice.title !== "绩效自评助手") throw new Error(JSON.stringify(notice));
      // The sample's weights make 110: a total without a grade, as the pane says it.
      if (!notice.message.startsWith(`综合得分 ${written.total}，评价等次 —（未评等次：`)) throw new Error(`the notice says ${notice.message}; the sheet has ${written.total}`);
      await command.close();
    });

    await check("the ribbon's 一键重算 whose engine cannot be fetched tells so in its notice, as the pane does, and writes nothing", async () => {
      const { command } = await commandPage(false);
      const untouched = await command.evaluate(() => JSON.stringify(window.jixiaoPlayground.workbook.snapshot()));
      const notices = await command.evaluate(runRibbonCommand, ribbonFunction);
      const after = await command.evaluate(() => ({
        snapshot: JSON.stringify(window.jixiaoPlayground.workbook.snapshot()),
        parts: window.jixiaoPlayground.workbook.customXmlParts.length,
      }));
      if (after.snapshot !== untouched || after.parts !== 0) throw new Error("the workbook changed");
      // The host's coreUnavailable, which the pane shows too (above), under the command's 重算失败.
      const said = notices.map(({ kind, title, message }) => ({ kind, title, message }));
      const expected = [{ kind: "error", title: "重算失败", message: "检查和评分所需的程序未能全部载入（加载项的服务器暂时无法连接）。未做任何修改，请稍后再试。" }];
      if (JSON.stringify(said) !== JSON.stringify(expected)) throw new Error(`notices: ${JSON.stringify(notices)}`);
      await command.close();
    });

    await check("no script error on the page", async () => {
      if (pageErrors.length > 0) throw new Error(pageErrors.join("\n"));
    });
  } finally {
    await browser.close();
    server.close();
  }
  finish();
}

runBrowserTest(main);
