/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The 综合得分 layout (core/summary.ts, in the analysis engine's chunk: src/taskpane/engine.ts) and,
 * for an English Office, the English finding messages (core/messages-en.ts) are chunks the pane
 * fetches after its first load and gives to the core: a check or a recalculation waits for them;
 * one that cannot be fetched is a message, and nothing is written. A Chinese Office never fetches
 * the English messages.
 */
import { analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid, cellAddress } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { hostMessages } from "../../src/excel/messages";
import { excelStandIn, officeStandIn } from "../../src/playground/office-globals";
import type { PaneHost } from "../../src/taskpane/pane-host";
import { analyzeRead } from "../../src/xlsx/analyze-read";
import { fakeBook, sheet } from "./helpers";

const globals = globalThis as unknown as { Office?: unknown; Excel?: unknown };

const rows: CellValue[][] = [
  ["项目名称", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
  ["示例项目", 100, 90, null, 10, null],
];

/**
 * createOfficeHost from a fresh module registry, as the pane has it: the core given none of its
 * later parts (the tests' setup gave the first registry's core the whole, as the command line has
 * it), and the chunks' modules as `fetch` makes them (each module's real one where it gives none).
 */
function paneHost(fetch: { summary?: () => unknown; english?: () => unknown } = {}): PaneHost {
  jest.resetModules();
  jest.doMock("../../src/core/summary", fetch.summary ?? (() => jest.requireActual("../../src/core/summary")));
  jest.doMock("../../src/core/messages-en", fetch.english ?? (() => jest.requireActual("../../src/core/messages-en")));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../../src/taskpane/office-host") as typeof import("../../src/taskpane/office-host")).createOfficeHost();
}

afterEach(() => {
  jest.dontMock("../../src/core/summary");
  jest.dontMock("../../src/core/messages-en");
  delete globals.Office;
  delete globals.Excel;
});

/** A workbook of one 自评表 in the stand-ins for Office and Excel, Office in `language`. */
function officeWith(values: CellValue[][], language: "zh-CN" | "en-US"): ReturnType<typeof fakeBook> {
  const book = fakeBook([sheet("自评表", values)]);
  globals.Office = officeStandIn(() => book, { displayLanguage: language });
  globals.Excel = excelStandIn(() => book);
  return book;
}

/** A chunk's module as fetched, counting the fetches. */
function counted(path: string): { fetch: () => unknown; fetches: () => number } {
  let fetches = 0;
  return {
    fetch: () => {
      fetches++;
      return jest.requireActual(path);
    },
    fetches: () => fetches,
  };
}

/** A chunk that cannot be fetched. */
const failing = (chunk: string) => (): never => {
  throw new Error(`ChunkLoadError: Loading chunk ${chunk} failed`);
};

test("the 综合得分 layout is given to the core before a check or a recalculation, which score and write as the command line's core does", async () => {
  const book = officeWith(rows, "zh-CN");
  const host = paneHost();
  const expected = analyze({ sheets: [sheet("自评表", rows)] } as WorkbookGrid, DEFAULT_PROFILE, { lang: "zh" }).summary;
  const checked = await host.check(DEFAULT_PROFILE);
  expect(checked.kind === "results" && [checked.total, checked.grade, checked.levels, checked.summarySheet]).toEqual([
    expected.total,
    expected.grade,
    expected.levels,
    expected.name,
  ]);
  const outcome = await host.recalculate(DEFAULT_PROFILE, () => undefined);
  expect(outcome.kind === "results" && outcome.summarySheet).toBe(expected.name);
  const written = book.snapshot().sheets.find((s) => s.name === expected.name);
  expect(written).toBeDefined();
  for (const cell of expected.cells.filter((c) => !c.isNumber)) expect(written!.cells[cellAddress(cell.row, cell.col)]?.value).toBe(cell.value);
});

test("a layout that cannot be fetched is a message and nothing is written; the pane stays, and a later run fetches it again", async () => {
  const book = officeWith(rows, "zh-CN");
  let fetches = 0;
  const host = paneHost({
    summary: () => {
      fetches++;
      if (fetches <= 2) throw new Error("ChunkLoadError: Loading chunk summary failed");
      return jest.requireActual("../../src/core/summary");
    },
  });
  const before = book.snapshot();
  // The check's fetch fails, and so does the one it asks for again at once.
  await expect(host.check(DEFAULT_PROFILE)).rejects.toThrow(hostMessages("zh").coreUnavailable);
  expect(book.snapshot()).toEqual(before);
  // What needs no layout still works.
  expect(await host.loadProfile()).toBeNull();
  const outcome = await host.recalculate(DEFAULT_PROFILE, () => undefined);
  expect(outcome.kind).toBe("results");
  expect(fetches).toBe(3);
});

test("in English, the message is English", async () => {
  officeWith(rows, "en-US");
  const host = paneHost({ summary: failing("summary") });
  await expect(host.recalculate(DEFAULT_PROFILE, () => undefined)).rejects.toThrow(hostMessages("en").coreUnavailable);
});

/** A form with findings: a rate that is not spent ÷ planned, and a score above its weight. */
const wrong: CellValue[][] = [
  ["项目名称", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
  ["示例项目", 100, 90, 0.5, 10, 12],
];

test("an English Office fetches the English finding messages and gets those the command line's --lang en gives", async () => {
  officeWith(wrong, "en-US");
  const english = counted("../../src/core/messages-en");
  const host = paneHost({ english: english.fetch });
  // The command line's path: src/xlsx/analyze-read.ts with the whole core, in English.
  const expected = analyzeRead("自评表.xlsx", { sheets: [sheet("自评表", wrong)] } as WorkbookGrid, DEFAULT_PROFILE, "en");
  if (expected.kind !== "analysis") throw new Error(expected.kind);
  const messages = expected.analysis.findings.map((f) => f.message);
  expect(messages).toContain("Execution rate is 50%; spent ÷ planned gives 90%. Write 90%.");
  const checked = await host.check(DEFAULT_PROFILE);
  expect(checked.kind === "results" && checked.findings.map((f) => f.message)).toEqual(messages);
  const outcome = await host.recalculate(DEFAULT_PROFILE, () => undefined);
  expect(outcome.kind === "results" && outcome.findings.map((f) => f.message)).toEqual(messages);
  expect(english.fetches()).toBe(1);
});

test("a Chinese Office never fetches the English finding messages", async () => {
  officeWith(wrong, "zh-CN");
  const english = counted("../../src/core/messages-en");
  const host = paneHost({ english: english.fetch });
  const expected = analyze({ sheets: [sheet("自评表", wrong)] } as WorkbookGrid, DEFAULT_PROFILE, { lang: "zh" });
  const outcome = await host.recalculate(DEFAULT_PROFILE, () => undefined);
  expect(outcome.kind === "results" && outcome.findings.map((f) => f.message)).toEqual(expected.findings.map((f) => f.message));
  expect(english.fetches()).toBe(0);
});

test("English finding messages that cannot be fetched are an English message, and nothing is written", async () => {
  const book = officeWith(wrong, "en-US");
  const host = paneHost({ english: failing("strings-en") });
  const before = book.snapshot();
  await expect(host.recalculate(DEFAULT_PROFILE, () => undefined)).rejects.toThrow(hostMessages("en").coreUnavailable);
  expect(book.snapshot()).toEqual(before);
});
