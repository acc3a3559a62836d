/**
 * What the browser tests share: Debian's Chromium started as this machine allows (no sandbox as
 * root, no background networking on a closed network), and named checks that each print one line
 * and are counted into the closing "browser: N passed, M failed" line that scripts/test.sh reads;
 * and the WCAG contrast ratio both tests check colours with.
 */
const { chromium } = require("playwright-core");

function launchChromium() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A runner of named checks: a failing check is reported and the next one still runs. */
function checkRunner() {
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
  /** Prints the closing line and ends the process with 0 only when every check passed. */
  const finish = () => {
    const passed = results.filter(Boolean).length;
    console.log(`browser: ${passed} passed, ${results.length - passed} failed`);
    process.exit(passed === results.length ? 0 : 1);
  };
  return { check, finish };
}

/** WCAG contrast ratio of two CSS rgb() colours, as getComputedStyle gives them. */
function contrast(a, b) {
  const luminance = (css) => {
    const [r, g, bl] = css
      .match(/\d+(\.\d+)?/g)
      .slice(0, 3)
      .map((c) => Number(c) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Runs a test's main; a failure before any check still ends with the closing line scripts/test.sh reads. */
function runBrowserTest(main) {
  main().catch((error) => {
    console.error(error);
    console.log("browser: 0 passed, 1 failed");
    process.exit(1);
  });
}

module.exports = { launchChromium, checkRunner, runBrowserTest, contrast };
