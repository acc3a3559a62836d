/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import PaneTabs from "./PaneTabs";
import { renderInFluent } from "./test-helpers";

type Tab = "results" | "settings" | "help";

/** Three tabs, so that moving round the ends differs from moving once. */
function renderTabs(selected: Tab = "settings") {
  const onSelect = jest.fn();
  renderInFluent(
    <PaneTabs<Tab>
      tabs={[
        { value: "results", id: "t-results", label: "结果" },
        { value: "settings", id: "t-settings", label: "评分方案" },
        { value: "help", id: "t-help", label: "帮助" },
      ]}
      selected={selected}
      onSelect={onSelect}
      controls="panel"
    />,
  );
  const tab = (name: string) => screen.getByRole("tab", { name }) as HTMLButtonElement;
  return { onSelect, tab };
}

test("a tablist whose selected tab alone is in the Tab order, each tab controlling the panel", () => {
  const { tab } = renderTabs();
  expect(screen.getByRole("tablist").getAttribute("aria-orientation")).toBe("horizontal");
  expect(screen.getAllByRole("tab").map((t) => [t.id, t.getAttribute("aria-selected"), (t as HTMLButtonElement).tabIndex])).toEqual([
    ["t-results", "false", -1],
    ["t-settings", "true", 0],
    ["t-help", "false", -1],
  ]);
  expect(tab("帮助").getAttribute("aria-controls")).toBe("panel");
});

test("a click selects its tab", () => {
  const { onSelect, tab } = renderTabs();
  fireEvent.click(tab("帮助"));
  expect(onSelect).toHaveBeenCalledWith("help");
});

test("arrow keys move the focus round the ends, Home and End to the first and last tab; none selects", () => {
  const { onSelect, tab } = renderTabs();
  tab("评分方案").focus();
  // Each key pressed, and the tab it leaves the focus on.
  const steps: [string, string][] = [
    ["ArrowRight", "帮助"],
    ["ArrowRight", "结果"],
    ["ArrowLeft", "帮助"],
    ["Home", "结果"],
    ["End", "帮助"],
    ["a", "帮助"],
  ];
  for (const [key, name] of steps) {
    fireEvent.keyDown(document.activeElement!, { key });
    expect([key, document.activeElement]).toEqual([key, tab(name)]);
  }
  expect(onSelect).not.toHaveBeenCalled();
});
