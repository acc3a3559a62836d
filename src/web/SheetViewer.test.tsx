/** @jest-environment jsdom */
import "../../test/setup-jsdom";
import * as React from "react";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { SheetDisplay } from "../core/sheet-display";
import SheetViewer, { SheetTarget } from "./SheetViewer";
import { PAGE_STRINGS } from "./strings";

jest.setTimeout(30000);

const strings = PAGE_STRINGS.zh.sheets;
const OVER = "【错误】“师生满意度”得分 25 超过分值 20。";

/** A small form: a merged title, a merged 一级指标 over two rows, a marked score and a filled rate. */
const FORM: SheetDisplay = {
  sheet: "自评表",
  window: { top: 0, left: 0, bottom: 3, right: 3 },
  rows: 4,
  cols: 4,
  cells: [
    { row: 0, col: 0, text: "2023年度项目支出绩效自评表", colSpan: 4 },
    { row: 1, col: 0, text: "产出指标", rowSpan: 2 },
    { row: 1, col: 1, text: "验收合格率" },
    { row: 1, col: 3, text: "75.00%", numeric: true, mark: "filled", note: "由 执行数÷全年预算数 补填" },
    { row: 2, col: 1, text: "师生满意度" },
    { row: 2, col: 2, text: "25", numeric: true, mark: "error", note: OVER },
  ],
};

/** A large sheet shown in part: rows 971–1270, columns U–BH of 2,000 × 60. */
const LARGE: SheetDisplay = {
  sheet: "附表",
  window: { top: 970, left: 20, bottom: 1269, right: 59 },
  rows: 2000,
  cols: 60,
  cells: [{ row: 1000, col: 45, text: "项目名称" }],
};

function renderViewer(target: SheetTarget | null = null, sheets = [FORM, LARGE]) {
  const view = (t: SheetTarget | null) => (
    <FluentProvider theme={webLightTheme}>
      <SheetViewer sheets={sheets} strings={strings} target={t} />
    </FluentProvider>
  );
  const result = render(view(target));
  return { ...result, aim: (t: SheetTarget) => result.rerender(view(t)) };
}

/** Opens the view as a user does; the details element says it opened in a task of its own. */
async function open(): Promise<void> {
  fireEvent.click(screen.getByText("查看工作表"));
  await screen.findByRole("table");
}

const cellAt = (address: string) => document.querySelector<HTMLElement>(`td[data-cell="${address}"]`);

beforeAll(() => {
  // jsdom lays nothing out; the view scrolls the chosen cell into view.
  Element.prototype.scrollIntoView = jest.fn();
});

test("is collapsed until opened, then shows the sheet with column letters, row numbers and merged areas", async () => {
  renderViewer();
  expect(screen.queryByRole("table")).toBeNull();
  await open();
  const table = screen.getByRole("table", { name: "工作表“自评表”（评分后）" });
  expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["A", "B", "C", "D"]);
  expect(within(table).getAllByRole("rowheader").map((h) => h.textContent)).toEqual(["1", "2", "3", "4"]);
  expect(cellAt("A1")!.getAttribute("colspan")).toBe("4");
  expect(cellAt("A2")!.getAttribute("rowspan")).toBe("2");
  // Row 3 draws B, C and D: its A is the merged area from row 2.
  const row3 = within(table).getByRole("rowheader", { name: "3" }).closest("tr")!;
  expect(row3.querySelectorAll("td")).toHaveLength(3);
  // Row 1 is the title alone.
  expect(within(table).getByRole("rowheader", { name: "1" }).closest("tr")!.querySelectorAll("td")).toHaveLength(1);
});

test("a marked cell is focusable, titled and described by its note; the legend names the four marks", async () => {
  renderViewer();
  await open();
  const scored = cellAt("C3")!;
  expect(scored.textContent).toBe("25");
  expect(scored.tabIndex).toBe(0);
  expect(scored.title).toBe(OVER);
  expect(scored.dataset.mark).toBe("error");
  expect(document.getElementById(scored.getAttribute("aria-describedby")!)!.textContent).toBe(OVER);
  const filled = cellAt("D2")!;
  expect([filled.textContent, filled.dataset.mark, filled.title]).toEqual(["75.00%", "filled", "由 执行数÷全年预算数 补填"]);
  // A cell without a mark is not a tab stop.
  expect(cellAt("B2")!.hasAttribute("tabindex")).toBe(false);
  const legend = screen.getByRole("list", { name: "图例" });
  expect(within(legend).getAllByRole("listitem").map((i) => i.textContent)).toEqual(["错误", "警告", "提示", "补填"]);
});

test("a finding chosen in the results opens the view at its cell, highlighted and focused; a merged cell's own address finds its area", () => {
  const { aim } = renderViewer();
  aim({ sheet: "自评表", cell: "C3", row: 2, col: 2, seq: 1 });
  expect(screen.getByRole("table")).toBeTruthy();
  expect(cellAt("C3")!.hasAttribute("data-selected")).toBe(true);
  expect(document.activeElement).toBe(cellAt("C3"));
  expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
  aim({ sheet: "自评表", cell: "A3", row: 2, col: 0, seq: 2 });
  expect(cellAt("A2")!.hasAttribute("data-selected")).toBe(true);
  expect(cellAt("C3")!.hasAttribute("data-selected")).toBe(false);
  expect(document.activeElement).toBe(cellAt("A2"));
});

test("a finding on a blank cell (a missing reason, with marking off) selects that blank cell", () => {
  const { aim } = renderViewer();
  aim({ sheet: "自评表", cell: "D3", row: 2, col: 3, seq: 1 });
  expect(cellAt("D3")!.hasAttribute("data-selected")).toBe(true);
  expect(cellAt("D3")!.textContent).toBe("");
  expect(document.activeElement).toBe(cellAt("D3"));
  expect(screen.queryByTestId("sheet-missed")).toBeNull();
  // Every other cell of the row is drawn once, as before.
  expect(document.querySelectorAll('td[data-cell^="D"]').length).toBe(2);
});

test("switches to the finding's sheet, says what a large sheet's view leaves out, and when the cell is cut", () => {
  const { aim } = renderViewer();
  aim({ sheet: "附表", cell: "AT1001", row: 1000, col: 45, seq: 1 });
  expect((screen.getByRole("combobox", { name: "工作表" }) as HTMLSelectElement).value).toBe("附表");
  expect(screen.getByRole("table", { name: "工作表“附表”（评分后）" })).toBeTruthy();
  expect(cellAt("AT1001")!.hasAttribute("data-selected")).toBe(true);
  expect(screen.getByTestId("sheet-cut").textContent).toBe("工作表较大（共 2000 行、60 列），这里只显示表格所在的第 971–1270 行、U–BH 列。");
  expect(screen.queryByTestId("sheet-missed")).toBeNull();
  aim({ sheet: "附表", cell: "A1", row: 0, col: 0, seq: 2 });
  expect(screen.getByTestId("sheet-missed").textContent).toBe("附表!A1 不在这里显示的范围内。");
  // A finding on a sheet without a table: said, and the view stays where it was.
  aim({ sheet: "说明", cell: "B2", row: 1, col: 1, seq: 3 });
  expect(screen.getByTestId("sheet-missed").textContent).toBe("说明!B2 不在这里显示的范围内。");
  expect(screen.getByRole("table", { name: "工作表“附表”（评分后）" })).toBeTruthy();
});

test("a viewer made after a finding was chosen (the file scored again) waits to be asked", async () => {
  renderViewer({ sheet: "自评表", cell: "C3", row: 2, col: 2, seq: 4 });
  expect(screen.queryByRole("table")).toBeNull();
  await open();
  expect(document.querySelector("td[data-selected]")).toBeNull();
  expect(screen.queryByTestId("sheet-missed")).toBeNull();
});

test("the sheet picker chooses among several sheets, and is left out for one", async () => {
  const several = renderViewer();
  await open();
  const picker = screen.getByRole("combobox", { name: "工作表" });
  fireEvent.change(picker, { target: { value: "附表" } });
  expect(screen.getByRole("table", { name: "工作表“附表”（评分后）" })).toBeTruthy();
  expect(screen.queryByTestId("sheet-missed")).toBeNull();
  several.unmount();
  renderViewer(null, [FORM]);
  await open();
  expect(screen.queryByRole("combobox")).toBeNull();
});
