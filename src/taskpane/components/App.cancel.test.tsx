/** @jest-environment jsdom */
/**
 * The pane over the real Office host and core, against the playground's fake Excel: a workbook of
 * 300 self-evaluation sheets shows its counts sheet by sheet, and 取消重算 leaves it untouched.
 */
import * as React from "react";
import { act, fireEvent, screen, within } from "@testing-library/react";
import type { WorkbookGrid } from "../../core/grid";
import { FakeWorkbook } from "../../playground/fake-excel";
import { excelStandIn, officeStandIn } from "../../playground/office-globals";
import { createOfficeHost } from "../office-host";
import { BUDGET_HEADER, INDICATOR_HEADER, workbook } from "../../../test/support/grid";
import App from "./App";
import { zh } from "../strings";
import { deferred, renderInFluent } from "./test-helpers";

jest.setTimeout(60000);

const globals = globalThis as unknown as { Office?: unknown; Excel?: unknown };

/** 300 sheets, each a project's budget line (执行率 and 得分 blank, to be filled) over its indicators. */
function projects(count: number): WorkbookGrid {
  return workbook(
    ...Array.from({ length: count }, (_, i) => ({
      name: `项目${i + 1}`,
      rows: [
        BUDGET_HEADER,
        ["年度资金总额", 100, 100, 90, 10, null, null],
        [],
        INDICATOR_HEADER,
        ["产出指标", "数量指标", "培训场次", "≥10场", "12场", 50, 50, ""],
        ["效益指标", "社会效益指标", "覆盖率", "≥90%", "95%", 30, 30, ""],
        ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "92%", 10, 10, ""],
      ],
    })),
  );
}

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
});

test("第 12 / 300 张表 while the sheets are checked; 取消重算 then leaves the workbook untouched and says so", async () => {
  const book = FakeWorkbook.fromGrid(projects(300));
  globals.Office = officeStandIn(() => book, { displayLanguage: "zh-CN" });
  globals.Excel = excelStandIn(() => book);
  const before = book.snapshot();

  // A pause after every step of the analysis; the one after the 12th sheet is checked waits for
  // the test (300 pauses while the tables are found, then 12 while the sheets are checked).
  const held = deferred<void>();
  let pauses = 0;
  const host = createOfficeHost({ pacing: { sliceMs: 0, pause: () => (++pauses === 312 ? held.promise : Promise.resolve()) } });
  renderInFluent(<App host={host} strings={zh} />);

  fireEvent.click(screen.getByRole("button", { name: "一键重算" }));
  expect((await screen.findByTestId("step-counts")).textContent).toBe("第 12 / 300 张表");
  expect(within(screen.getByRole("region", { name: "重算进度" })).getByText("正在校验…")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "取消重算" }));
  await act(async () => held.resolve());

  expect(await screen.findByRole("button", { name: "一键重算" })).toBeTruthy();
  expect(screen.getAllByText("已取消，工作簿未改动。")).toHaveLength(2); // the message bar and the status region
  expect(screen.getByText(/点击“一键重算”/)).toBeTruthy();
  expect(pauses).toBe(312); // no sheet was checked after the cancel
  // Every cell, fill, note, sheet and setting (the undo record) as it was; no record part, no summary.
  expect(book.snapshot()).toEqual(before);
  expect(book.customXmlParts).toEqual([]);
  expect(book.sheet("综合得分")).toBeUndefined();
  expect((screen.getByRole("button", { name: "撤销上次重算" }) as HTMLButtonElement).disabled).toBe(true);
});
