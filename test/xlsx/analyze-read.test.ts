/**
 * src/xlsx/analyze-read.ts is how the command line and the page's worker analyse a workbook read: it
 * gives the core the parts the task pane fetches after its first load (core/all-parts.ts), so that
 * the summary is laid out and the findings are told in English as they always were.
 */
import type { WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";

test("analyses with the core whole, in a module registry where nothing else gave it", () => {
  // The tests' setup gave the first registry's core the whole: this one starts without it.
  jest.resetModules();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { analyzeRead } = require("../../src/xlsx/analyze-read") as typeof import("../../src/xlsx/analyze-read");
  const grid = {
    sheets: [
      {
        name: "自评表",
        values: [
          ["项目名称", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
          ["示例项目", 100, 90, 0.5, 10, null],
        ],
        numFmts: [],
        merges: [],
      },
    ],
  } as unknown as WorkbookGrid;
  const read = analyzeRead("自评表.xlsx", grid, DEFAULT_PROFILE, "en");
  expect(read.kind).toBe("analysis");
  if (read.kind !== "analysis") return;
  // The 综合得分 layout and the English finding messages.
  expect(read.analysis.summary.name).toBe("综合得分");
  expect(read.analysis.findings.map((f) => f.message)).toContain("Execution rate is 50%; spent ÷ planned gives 90%. Write 90%.");
});
