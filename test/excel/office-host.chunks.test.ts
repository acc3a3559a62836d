/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/** 撤销, 清除标记 and 采用计算值 come in a chunk of their own: one that cannot be fetched is a message, and nothing is written. */
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { CellValue } from "../../src/core/grid";
import { createOfficeHost } from "../../src/taskpane/office-host";
import { hostMessages } from "../../src/excel/messages";
import { excelStandIn, officeStandIn } from "../../src/playground/office-globals";
import { fakeBook, sheet } from "./helpers";

// The chunk cannot be fetched, as when the add-in's server is out of reach once the pane is up.
jest.mock("../../src/excel/clean", () => {
  throw new Error("ChunkLoadError: Loading chunk mark-tools failed");
});

const globals = globalThis as unknown as { Office?: unknown; Excel?: unknown };

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
});

test("undo, clean marks and fixes that cannot be loaded say so and change nothing; a recalculation still works", async () => {
  const rows: CellValue[][] = [
    ["项目名称", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
    ["示例项目", 100, 90, null, 10, null],
  ];
  const book = fakeBook([sheet("自评表", rows)]);
  globals.Office = officeStandIn(() => book, { displayLanguage: "zh-CN" });
  globals.Excel = excelStandIn(() => book);
  const host = createOfficeHost();
  const outcome = await host.recalculate(DEFAULT_PROFILE, () => undefined);
  expect(outcome.kind).toBe("results");
  const afterRun = book.snapshot();
  const unavailable = hostMessages("zh").toolsUnavailable;
  await expect(host.undoLast()).rejects.toThrow(unavailable);
  await expect(host.cleanMarks()).rejects.toThrow(unavailable);
  await expect(host.applyFixes([])).rejects.toThrow(unavailable);
  expect(book.snapshot()).toEqual(afterRun);
  expect(await host.hasUndo()).toBe(true);
});
