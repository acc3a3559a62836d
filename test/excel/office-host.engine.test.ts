/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The analysis engine (src/taskpane/engine.ts: the core's analysis, the reading and writing of a run,
 * 忽略) is a chunk the pane fetches once it has rendered (PaneHost.prepare), not with its first load.
 * A check, a recalculation and an ignore wait for it; one that cannot be fetched is a message in the
 * pane's words, and nothing is written; the next click fetches it again.
 */
import { CellValue } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { hostMessages } from "../../src/excel/messages";
import { excelStandIn, officeStandIn } from "../../src/playground/office-globals";
import type { PaneHost } from "../../src/taskpane/pane-host";
import { fakeBook, sheet } from "./helpers";

const globals = globalThis as unknown as { Office?: unknown; Excel?: unknown };

const ENGINE = "../../src/taskpane/engine";

/** A form with findings: a rate that is not spent ÷ planned, and a score above its weight. */
const rows: CellValue[][] = [
  ["项目名称", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
  ["示例项目", 100, 90, 0.5, 10, 12],
];

/**
 * createOfficeHost from a fresh module registry, with the engine's module as `fetch` makes it (each
 * call a fetch of the chunk: one that throws is a fetch that failed, and the next is a new fetch).
 */
function paneHost(fetch: () => unknown): PaneHost {
  jest.resetModules();
  jest.doMock(ENGINE, fetch);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../../src/taskpane/office-host") as typeof import("../../src/taskpane/office-host")).createOfficeHost();
}

/** The engine's chunk, fetched `failures` times in vain before it comes; counts the fetches. */
function engineChunk(failures = 0): { fetch: () => unknown; fetches: () => number } {
  let fetches = 0;
  return {
    fetch: () => {
      fetches++;
      if (fetches <= failures) throw new Error("ChunkLoadError: Loading chunk engine failed");
      return jest.requireActual(ENGINE);
    },
    fetches: () => fetches,
  };
}

function officeWith(language: "zh-CN" | "en-US"): ReturnType<typeof fakeBook> {
  const book = fakeBook([sheet("自评表", rows)]);
  globals.Office = officeStandIn(() => book, { displayLanguage: language });
  globals.Excel = excelStandIn(() => book);
  return book;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  jest.dontMock(ENGINE);
  delete globals.Office;
  delete globals.Excel;
});

test("the engine is fetched when the pane asks (prepare), not when the host is made, and once", async () => {
  officeWith("zh-CN");
  const engine = engineChunk();
  const host = paneHost(engine.fetch);
  await settle();
  expect(engine.fetches()).toBe(0);
  host.prepare!();
  host.prepare!();
  await settle();
  expect(engine.fetches()).toBe(1);
  expect((await host.check(DEFAULT_PROFILE)).kind).toBe("results");
  expect((await host.recalculate(DEFAULT_PROFILE, () => undefined)).kind).toBe("results");
  expect(engine.fetches()).toBe(1);
});

test("without prepare (the ribbon's 一键重算), a recalculation fetches the engine itself", async () => {
  const book = officeWith("zh-CN");
  const engine = engineChunk();
  const host = paneHost(engine.fetch);
  const outcome = await host.recalculate(DEFAULT_PROFILE, () => undefined);
  expect(outcome.kind === "results" && outcome.findings.length).toBeGreaterThan(0);
  expect(book.sheet("综合得分")).toBeDefined();
  expect(engine.fetches()).toBe(1);
});

test("an engine that cannot be fetched: a check, a recalculation and an ignore say so and write nothing; a later click fetches it again", async () => {
  const book = officeWith("zh-CN");
  // The fetch the pane asked for once drawn fails, and so does the one each next click asks for again.
  const engine = engineChunk(3);
  const host = paneHost(engine.fetch);
  host.prepare!();
  await settle();
  const before = book.snapshot();
  const unavailable = hostMessages("zh").coreUnavailable;
  expect(unavailable).toMatch(/^检查和评分所需的程序未能全部载入.*未做任何修改/);
  await expect(host.check(DEFAULT_PROFILE)).rejects.toThrow(unavailable);
  await expect(host.recalculate(DEFAULT_PROFILE, () => undefined)).rejects.toThrow(unavailable);
  expect(engine.fetches()).toBe(3);
  expect(book.snapshot()).toEqual(before);
  // What needs no engine still works.
  expect(await host.loadProfile()).toBeNull();
  expect(await host.hasUndo()).toBe(false);
  // The server is back: the next click fetches the engine and runs.
  const outcome = await host.recalculate(DEFAULT_PROFILE, () => undefined);
  if (outcome.kind !== "results") throw new Error(outcome.kind);
  expect(engine.fetches()).toBe(4);
  expect(book.sheet("综合得分")).toBeDefined();
  await host.ignore(outcome.findings[0], outcome.places[0], "已说明");
  const checked = await host.check(DEFAULT_PROFILE);
  expect(checked.kind === "results" && checked.ignored.map((f) => f.reason)).toEqual(["已说明"]);
});

test("an ignore whose engine cannot be fetched says so and writes nothing", async () => {
  const book = officeWith("zh-CN");
  const engine = engineChunk(1);
  const host = paneHost(engine.fetch);
  const outcome = await host.check(DEFAULT_PROFILE); // the first fetch fails, the second comes
  if (outcome.kind !== "results") throw new Error(outcome.kind);
  expect(engine.fetches()).toBe(2);
  // A new host whose engine cannot be fetched at all (the server gone since the pane opened).
  const offline = paneHost(engineChunk(Infinity).fetch);
  const before = book.snapshot();
  await expect(offline.ignore(outcome.findings[0], outcome.places[0], "已说明")).rejects.toThrow(hostMessages("zh").coreUnavailable);
  await expect(offline.unignore({ ...outcome.findings[0], reason: "已说明", place: outcome.places[0] })).rejects.toThrow(hostMessages("zh").coreUnavailable);
  expect(book.snapshot()).toEqual(before);
});

test("in English, the message is English", async () => {
  officeWith("en-US");
  const host = paneHost(engineChunk(Infinity).fetch);
  await expect(host.check(DEFAULT_PROFILE)).rejects.toThrow(hostMessages("en").coreUnavailable);
});
