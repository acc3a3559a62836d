/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { zh } from "../strings";
import { en } from "../strings-en";
import LevelBars, { levelRate } from "./LevelBars";
import RecalcProgress from "./RecalcProgress";
import ResultsView from "./ResultsView";
import { renderInFluent, SAMPLE_RESULTS } from "./test-helpers";

jest.setTimeout(30000);

describe("levelRate", () => {
  test("uses the reported rate, clamped to [0, 1]", () => {
    expect(levelRate({ name: "产出", weight: "50", score: "45", rate: "0.9" })).toBe(0.9);
    expect(levelRate({ name: "产出", weight: "50", score: "60", rate: "1.2" })).toBe(1);
    expect(levelRate({ name: "产出", weight: "50", score: "-1", rate: "-0.02" })).toBe(0);
  });
  test("is null where the core gives no rate: it is not worked out again from score and weight", () => {
    expect(levelRate({ name: "效益", weight: "30", score: "15", rate: null })).toBeNull();
    expect(levelRate({ name: "效益", weight: "0", score: "0", rate: null })).toBeNull();
    expect(levelRate({ name: "效益", weight: null, score: "15", rate: null })).toBeNull();
    expect(levelRate({ name: "效益", weight: "30", score: null, rate: null })).toBeNull();
  });
});

describe("LevelBars", () => {
  test("one labelled bar per level; unknown scores show a dash and an empty bar", () => {
    renderInFluent(
      <LevelBars
        strings={zh}
        levels={[
          { name: "产出指标", weight: "50", score: "45", rate: "0.9" },
          { name: "满意度指标", weight: "10", score: null, rate: null },
        ]}
      />,
    );
    const list = screen.getByRole("list", { name: "一级指标得分" });
    const bars = within(list).getAllByRole("progressbar");
    expect(bars.map((b) => [b.getAttribute("aria-label"), b.getAttribute("aria-valuenow")])).toEqual([
      ["产出指标：45 / 50 分", "0.9"],
      ["满意度指标：— / 10 分", "0"],
    ]);
    expect(within(list).getByText("45 / 50 分")).toBeTruthy();
  });

  test("no levels: a sentence instead of an empty list", () => {
    renderInFluent(<LevelBars strings={en} levels={[]} />);
    expect(screen.getByText("No level-1 indicator scores.")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });
});

describe("RecalcProgress", () => {
  test("before the first step: all steps waiting, no current step", () => {
    renderInFluent(<RecalcProgress step={null} strings={zh} />);
    const items = screen.getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-state"))).toEqual([
      "pending",
      "pending",
      "pending",
      "pending",
      "pending",
    ]);
    expect(items.some((li) => li.hasAttribute("aria-current"))).toBe(false);
    expect(screen.getByText("正在重算…")).toBeTruthy();
    // Nothing can be cancelled without a handler to call.
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0");
  });

  test("at 计算: three done, one current, one waiting; states are spoken", () => {
    renderInFluent(<RecalcProgress step="score" strings={en} />);
    const items = screen.getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-state"))).toEqual(["done", "done", "done", "current", "pending"]);
    expect(items[3].getAttribute("aria-current")).toBe("step");
    expect(items[0].textContent).toBe("Readdone");
    expect(items[3].textContent).toBe("Scorein progress");
    expect(screen.getByText("Score…")).toBeTruthy();
  });

  test("counts of the step and a cancel button until the write step", () => {
    const onCancel = jest.fn();
    const { rerender } = renderInFluent(<RecalcProgress step="read" counts={{ done: 12, total: 300 }} strings={zh} onCancel={onCancel} />);
    expect(screen.getByText("已读取 12 / 300 张工作表")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "取消重算" }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    rerender(
      <FluentProvider theme={webLightTheme}>
        <RecalcProgress step="write" strings={zh} onCancel={onCancel} />
      </FluentProvider>,
    );
    expect(screen.queryByRole("button", { name: "取消重算" })).toBeNull();
    expect(screen.getByText("正在一次写入全部结果，写入中不能取消。")).toBeTruthy();
  });
});

describe("ResultsView", () => {
  const actions = { onSelect: jest.fn(), onFix: jest.fn(), onIgnore: jest.fn(), onUnignore: jest.fn() };

  test("target tables only: says why there is no total instead of a bare dash", () => {
    renderInFluent(<ResultsView outcome={{ ...SAMPLE_RESULTS, total: null, grade: null, totals: [] }} strings={zh} {...actions} />);
    expect(screen.getByTestId("total").textContent).toBe("—");
    expect(screen.getByTestId("no-totals").textContent).toBe("工作簿中只有绩效目标表（或项目清单）：只校验，不计分，因此没有综合得分和等次。");
  });

  test("hidden sheets: says which were not checked, as 综合得分 and the command line do (review round 33)", () => {
    const { rerender } = renderInFluent(<ResultsView outcome={{ ...SAMPLE_RESULTS, hiddenSheets: ["2022年", "旧表"] }} strings={zh} {...actions} />);
    expect(screen.getByTestId("hidden-sheets").textContent).toBe("隐藏的工作表或列未检查：2022年、旧表。取消隐藏后重新计算即可检查。");
    rerender(
      <FluentProvider theme={webLightTheme}>
        <ResultsView outcome={SAMPLE_RESULTS} strings={zh} {...actions} />
      </FluentProvider>,
    );
    expect(screen.queryByTestId("hidden-sheets")).toBeNull();
  });

  // Review round 31 (M2): a workbook of three projects showed — for its total and no project's anywhere.
  test("several forms: each one's total and grade, by its label, under the headline's dash", () => {
    const total = (label: string, table: string, score: string | null, grade: string | null) => ({
      sheet: "自评表", label, table, weights: "100", score, recordedScore: null, grade, recordedGrade: null, recordedDiffers: false,
    });
    const totals = [total("测土配方施肥项目", "A3:H20", "98.5", "优"), total("农村公路提质改造", "A23:H40", null, null)];
    const headlines = [
      { sheet: "自评表", table: "测土配方施肥项目", score: "98.5", grade: "优", reason: null },
      { sheet: "自评表", table: "农村公路提质改造", score: null, grade: null, reason: "无法计算总分，未评等次" },
    ];
    renderInFluent(<ResultsView outcome={{ ...SAMPLE_RESULTS, total: null, grade: null, totals, headlines }} strings={zh} {...actions} />);
    expect(screen.getByTestId("total").textContent).toBe("—");
    expect(Array.from(screen.getByTestId("table-totals").querySelectorAll("li"), (li) => li.textContent)).toEqual([
      "测土配方施肥项目：总分 98.5　等次 优",
      "农村公路提质改造：总分 —　等次 —（无法计算总分，未评等次）",
    ]);
  });

  test("one form: its total is the headline's alone", () => {
    renderInFluent(<ResultsView outcome={SAMPLE_RESULTS} strings={zh} {...actions} />);
    expect(SAMPLE_RESULTS.totals).toHaveLength(1);
    expect(screen.getByTestId("total").textContent).toBe(SAMPLE_RESULTS.total);
    expect(screen.queryByTestId("table-totals")).toBeNull();
  });

  test("a read-only check does not claim to have written anything", () => {
    renderInFluent(<ResultsView outcome={{ ...SAMPLE_RESULTS, checkOnly: true }} strings={zh} {...actions} />);
    expect(screen.queryByText(/结果已写入/)).toBeNull();
    expect(screen.queryByTestId("no-totals")).toBeNull();
  });
});
