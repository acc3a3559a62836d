/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import type { Finding } from "../../core/result";
import { zh } from "../strings";
import { en } from "../strings-en";
import type { Results } from "../pane-host";
import FindingsList from "./FindingsList";
import { renderInFluent } from "./test-helpers";

jest.setTimeout(30000);

const SHEET = "目标表（一）";
const SAME = "“≥100%”不可能被超过，比率目标请写成“=100%”或“≥95%”这样的可达值。";
const findings: Finding[] = [
  { rule: "count-as-percent", severity: "error", sheet: SHEET, cell: "F10", row: 9, col: 5, message: "“相关支出次数”是数量类指标" },
  ...[11, 14, 15].map((row) => ({ rule: "ge-100-percent" as const, severity: "warning" as const, sheet: SHEET, cell: `F${row}`, row: row - 1, col: 5, message: SAME })),
];
const RESULTS: Results = {
  kind: "results",
  total: null,
  grade: null,
  gradeReason: null,
  levels: [],
  findings,
  places: findings.map((f) => ({ table: 0, tableKey: "食堂改造", rowLabel: `行${f.cell}` })),
  tables: [{ sheet: SHEET, kind: "indicators", range: "A9:F18", label: "食堂改造" }],
  totals: [],
  headlines: [],
  hiddenSheets: [],
  ignored: [
    { rule: "vague-target", severity: "warning", sheet: SHEET, cell: "F17", row: 16, col: 5, message: "“效果明显”无法衡量", reason: "上级下达的目标", place: { table: 0, tableKey: "食堂改造", rowLabel: "社会效益" } },
  ],
  fixes: [],
  written: 0,
  marked: 0,
  summarySheet: "综合得分",
};

function setup(lang: "zh" | "en" = "zh") {
  const props = { onSelect: jest.fn(), onFix: jest.fn(async () => undefined), onIgnore: jest.fn(async () => undefined), onUnignore: jest.fn(async () => undefined) };
  renderInFluent(<FindingsList results={RESULTS} strings={{ zh, en }[lang]} {...props} />);
  return props;
}

/** WCAG contrast ratio of two #RRGGBB colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test("severity toggles: only severities that occur, aria-pressed, and on/off colours at least 3:1 apart", () => {
  setup();
  const group = screen.getByRole("group", { name: "按严重程度筛选" });
  const toggles = within(group).getAllByRole("button");
  expect(toggles.map((b) => b.textContent)).toEqual(["错误（1）", "警告（3）"]);
  expect(toggles.map((b) => b.getAttribute("aria-pressed"))).toEqual(["true", "true"]);
  fireEvent.click(toggles[1]);
  expect(toggles[1].getAttribute("aria-pressed")).toBe("false");
  expect(document.querySelector("[data-collapsed]")).toBeNull();
  expect(contrast(webLightTheme.colorBrandBackground, webLightTheme.colorNeutralBackground1)).toBeGreaterThanOrEqual(3);
  expect(contrast(webLightTheme.colorNeutralForegroundOnBrand, webLightTheme.colorBrandBackground)).toBeGreaterThanOrEqual(4.5);
});

test("a repeated message is one expandable entry naming how many cells, each cell selectable", () => {
  const { onSelect } = setup();
  const entry = document.querySelector('[data-collapsed="ge-100-percent"]') as HTMLElement;
  expect(within(entry).getByText("3 处：目标值写成≥100%")).toBeTruthy();
  expect(within(entry).getByText(SAME)).toBeTruthy();
  fireEvent.click(within(entry).getByRole("button", { name: `选中 ${SHEET}!F14` }));
  expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ sheet: SHEET, cell: "F14", row: 13, col: 5 }));
  expect(document.querySelectorAll("[data-row-card]")).toHaveLength(1);
});

test("search narrows the list; nothing matching says so", () => {
  setup();
  fireEvent.change(screen.getByRole("searchbox", { name: "搜索问题" }), { target: { value: "相关支出" } });
  expect(document.querySelector("[data-collapsed]")).toBeNull();
  expect(document.querySelectorAll("[data-finding]")).toHaveLength(1);
  fireEvent.change(screen.getByRole("searchbox", { name: "搜索问题" }), { target: { value: "没有这样的" } });
  expect(screen.getByText("没有符合筛选条件的问题。")).toBeTruthy();
});

test("ignored findings are listed apart with their reasons, and can be restored", () => {
  const { onUnignore } = setup();
  const ignored = screen.getByRole("region", { name: "已忽略（1）" });
  expect(within(ignored).getByText("原因：上级下达的目标")).toBeTruthy();
  fireEvent.click(within(ignored).getByRole("button", { name: "恢复" }));
  expect(onUnignore).toHaveBeenCalledWith(RESULTS.ignored[0]);
});

test("English: rule names in English with the id beside them", () => {
  setup("en");
  expect(screen.getByText("3 cells: Target written ≥100%")).toBeTruthy();
  expect(screen.getByText("Error: Count written as %")).toBeTruthy();
  expect(screen.getByText("count-as-percent")).toBeTruthy();
});
