/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The 综合得分 layout (core/summary.ts) is a chunk the pane fetches after its first load and gives to
 * the core: a check or a recalculation waits for it; one that cannot be fetched is a message, and
 * nothing is written.
 */
import { analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid, cellAddress } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { hostMessages } from "../../src/excel/messages";
import { excelStandIn, officeStandIn } from "../../src/playground/office-globals";
import type { PaneHost } from "../../src/taskpane/pane-host";
import { fakeBook, sheet } from "./helpers";

const globals = globalThis as unknown as { Office?: unknown; Excel?: unknown };

const rows: CellValue[][] = [
  ["项目名称", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
  ["示例项目", 100, 90, null, 10, null],
];

/**
 * createOfficeHost from a fresh module registry, as the pane has it: the core given no layout
 * (the tests' setup gave the first registry's core the whole, as the command line has it), and
 * core/summary as `fetch` makes it.
 */
function paneHost(fetch: () => unknown): PaneHost {
  jest.resetModules();
  jest.doMock("../../src/core/summary", fetch);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../../src/taskpane/office-host") as typeof import("../../src/taskpane/office-host")).createOfficeHost();
}

afterEach(() => {
  jest.dontMock("../../src/core/summary");
  delete globals.Office;
  delete globals.Excel;
});

test("is given to the core before a check or a recalculation, which score and write as the command line's core does", async () => {
  const book = fakeBook([sheet("自评表", rows)]);
  globals.Office = officeStandIn(() => book, { displayLanguage: "zh-CN" });
  globals.Excel = excelStandIn(() => book);
  const host = paneHost(() => jest.requireActual("../../src/core/summary"));
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

test("one that cannot be fetched is a message and nothing is written; the pane stays, and a later run fetches it again", async () => {
  const book = fakeBook([sheet("自评表", rows)]);
  globals.Office = officeStandIn(() => book, { displayLanguage: "zh-CN" });
  globals.Excel = excelStandIn(() => book);
  let fetches = 0;
  const host = paneHost(() => {
    fetches++;
    if (fetches <= 2) throw new Error("ChunkLoadError: Loading chunk summary failed");
    return jest.requireActual("../../src/core/summary");
  });
  const before = book.snapshot();
  // The fetch when the host was made failed, and so does the one the check asks for again.
  await expect(host.check(DEFAULT_PROFILE)).rejects.toThrow(hostMessages("zh").coreUnavailable);
  expect(book.snapshot()).toEqual(before);
  // What needs no layout still works.
  expect(await host.loadProfile()).toBeNull();
  const outcome = await host.recalculate(DEFAULT_PROFILE, () => undefined);
  expect(outcome.kind).toBe("results");
  expect(fetches).toBe(3);
});

test("in English, the message is English", async () => {
  const book = fakeBook([sheet("自评表", rows)]);
  globals.Office = officeStandIn(() => book, { displayLanguage: "en-US" });
  globals.Excel = excelStandIn(() => book);
  const host = paneHost(() => {
    throw new Error("ChunkLoadError: Loading chunk summary failed");
  });
  await expect(host.recalculate(DEFAULT_PROFILE, () => undefined)).rejects.toThrow(hostMessages("en").coreUnavailable);
});
