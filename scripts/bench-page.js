// Part of `npm run bench` (run by scripts/bench-review.js on its generated folder; figures printed,
// not asserted): a folder of unit workbooks dropped on the page (dist/web.html) in headless
// Chromium, as Explorer drops one (the DevTools drag protocol), timed until every card is done.
// Besides the whole, the time a file of each half: with the page's work a message constant, the
// second half's files take no longer than the first's (review round 49b: 1,005 files took 234 s,
// 55 ms a file at 119 files and 233 ms a file at 1,005, before the page drew its workers'
// messages together and only the cards they spoke of).
//   node scripts/bench-page.js <folder>      (JIXIAO_DIST=<dir>: another build's dist/, to compare)
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");
const { serve } = require("./serve");

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** Drops `folder` on the page; resolves to { files, seconds, halves: [ms a file, ms a file] }, or null when it cannot run. */
async function benchPage(folder) {
  const dist = path.resolve(process.env.JIXIAO_DIST || path.join(__dirname, "..", "dist"));
  if (!fs.existsSync(path.join(dist, "web.html")) || !fs.existsSync(CHROMIUM)) return null;
  const server = await serve(dist);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/web.html`);
    const zone = page.getByTestId("drop");
    await zone.waitFor();
    const box = await zone.boundingBox();
    const cdp = await context.newCDPSession(page);
    const data = { items: [], files: [path.resolve(folder)], dragOperationsMask: 1 };
    const started = Date.now();
    for (const type of ["dragEnter", "dragOver", "drop"]) {
      await cdp.send("Input.dispatchDragEvent", { type, x: box.x + box.width / 2, y: box.y + box.height / 2, data });
    }
    // When half the cards and when all of them are done (polled, as a reviewer's harness waits).
    let half = null;
    for (;;) {
      const { cards, working } = await page.evaluate(() => {
        const all = document.querySelectorAll("[data-testid=file]");
        return { cards: all.length, working: document.querySelectorAll("[data-testid=file][data-state=working]").length };
      });
      const elapsed = Date.now() - started;
      if (cards > 0 && half === null && working <= cards / 2) half = { ms: elapsed, done: cards - working };
      if (cards > 0 && working === 0) return { files: cards, seconds: elapsed / 1000, halves: [half.ms / half.done, (elapsed - half.ms) / (cards - half.done || 1)] };
      if (elapsed > 1_800_000) throw new Error(`the page had ${working} of ${cards} files to go after 30 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await browser.close();
    server.close();
  }
}

/** The line `npm run bench` prints. */
async function printPageBench(folder) {
  const result = await benchPage(folder);
  if (!result) {
    console.log("   the page, the same folder dropped: skipped (needs `npm run build` and Debian's chromium)");
    return;
  }
  const [first, second] = result.halves;
  console.log(
    `   the page (web.html), the same folder dropped : ${result.seconds.toFixed(1)} s for ${result.files} files ` +
      `(${((result.seconds * 1000) / result.files).toFixed(0)} ms a file; first half ${first.toFixed(0)} ms a file, second half ${second.toFixed(0)} ms a file)`,
  );
}

module.exports = { benchPage, printPageBench };

if (require.main === module) {
  printPageBench(process.argv[2]).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
