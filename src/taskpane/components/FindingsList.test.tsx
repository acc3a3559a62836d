/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen, within } from "@testing-library/react";
import type { Finding } from "../../core/result";
import { STRINGS } from "../strings";
import FindingsList from "./FindingsList";
import { renderInFluent, SAMPLE_RESULTS } from "./test-helpers";

jest.setTimeout(30000);

const FINDINGS: Finding[] = [
  ...SAMPLE_RESULTS.findings,
  { rule: "missing-reason", severity: "warning", sheet: "项目表", cell: "J12", message: "超额完成，未说明原因" },
];

function setup(findings: Finding[] = FINDINGS, lang: "zh" | "en" = "zh") {
  const onSelect = jest.fn();
  renderInFluent(<FindingsList findings={findings} strings={STRINGS[lang]} onSelect={onSelect} />);
  return { onSelect };
}

/** The finding buttons in display order, as "sheet!cell" strings. */
function shownCells(): string[] {
  return Array.from(document.querySelectorAll<HTMLButtonElement>("button[data-finding]")).map(
    (b) => b.querySelector("span > span")?.textContent ?? "",
  );
}

function findingButtons(): HTMLButtonElement[] {
  return Array.from(document.querySelectorAll<HTMLButtonElement>("button[data-finding]"));
}

describe("FindingsList", () => {
  test("groups by severity in the order error, warning, info, with counts", () => {
    setup();
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(["错误（2）", "警告（2）", "提示（1）"]);
    expect(shownCells()).toEqual([
      "部门整体支出绩效自评表!H8",
      "部门整体支出绩效自评表!A20",
      "部门整体支出绩效自评表!K31",
      "项目表!J12",
      "Sheet 2!E5",
    ]);
  });

  test("the severity toggles hide and show a group", () => {
    setup();
    const errors = screen.getByRole("button", { name: "错误（2）" });
    expect(errors.getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(errors);
    expect(errors.getAttribute("aria-pressed")).toBe("false");
    expect(screen.queryByRole("heading", { name: "错误（2）" })).toBeNull();
    expect(shownCells()).toEqual(["部门整体支出绩效自评表!K31", "项目表!J12", "Sheet 2!E5"]);

    fireEvent.click(screen.getByRole("button", { name: "警告（2）" }));
    fireEvent.click(screen.getByRole("button", { name: "提示（1）" }));
    expect(shownCells()).toEqual([]);
    expect(screen.getByText("没有符合筛选条件的问题。")).toBeTruthy();

    fireEvent.click(errors);
    expect(shownCells()).toEqual(["部门整体支出绩效自评表!H8", "部门整体支出绩效自评表!A20"]);
  });

  test("the rule filter keeps only that rule's findings and updates the counts", () => {
    setup();
    const select = screen.getByRole("combobox", { name: "按规则筛选" }) as HTMLSelectElement;
    const options = within(select)
      .getAllByRole("option")
      .map((o) => o.textContent);
    expect(options).toEqual([
      "全部规则",
      "missing-reason（2）",
      "rate-mismatch（1）",
      "vague-target（1）",
      "weight-header-mismatch（1）",
    ]);

    fireEvent.change(select, { target: { value: "missing-reason" } });
    expect(shownCells()).toEqual(["部门整体支出绩效自评表!K31", "项目表!J12"]);
    expect(screen.getByRole("button", { name: "错误（0）" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "警告（2）" })).toBeTruthy();

    fireEvent.change(select, { target: { value: "" } });
    expect(shownCells()).toHaveLength(5);
  });

  test("each finding shows sheet!cell, rule id and message, and selects its cell", () => {
    const { onSelect } = setup();
    const button = findingButtons()[3];
    expect(button.textContent).toBe("项目表!J12missing-reason超额完成，未说明原因");
    fireEvent.click(button);
    expect(onSelect).toHaveBeenCalledWith("项目表", "J12");
    fireEvent.keyDown(findingButtons()[0], { key: "Enter" });
    expect(onSelect).toHaveBeenLastCalledWith("部门整体支出绩效自评表", "H8");
    expect(onSelect).toHaveBeenCalledTimes(2);
    // Other keys do not select.
    fireEvent.keyDown(findingButtons()[0], { key: "a" });
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  test("keyboard: one finding in the Tab order; arrows, Home and End move across groups", () => {
    setup();
    const buttons = findingButtons();
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1]);

    buttons[0].focus();
    fireEvent.keyDown(buttons[0], { key: "ArrowDown" });
    expect(document.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1], { key: "ArrowDown" });
    // Crosses from the error group into the warning group.
    expect(document.activeElement).toBe(buttons[2]);
    expect(findingButtons().map((b) => b.tabIndex)).toEqual([-1, -1, 0, -1, -1]);

    fireEvent.keyDown(buttons[2], { key: "End" });
    expect(document.activeElement).toBe(buttons[4]);
    fireEvent.keyDown(buttons[4], { key: "ArrowDown" });
    expect(document.activeElement).toBe(buttons[4]);
    fireEvent.keyDown(buttons[4], { key: "ArrowUp" });
    expect(document.activeElement).toBe(buttons[3]);
    fireEvent.keyDown(buttons[3], { key: "Home" });
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(buttons[0], { key: "ArrowUp" });
    expect(document.activeElement).toBe(buttons[0]);
  });

  test("every finding is described by the keyboard hint", () => {
    setup();
    const hint = screen.getByText(STRINGS.zh.findingHint);
    for (const button of findingButtons()) expect(button.getAttribute("aria-describedby")).toBe(hint.id);
  });

  test("no findings: says so, without filters", () => {
    setup([]);
    expect(screen.getByRole("heading", { name: "发现的问题（0）" })).toBeTruthy();
    expect(screen.getByText("没有发现问题。")).toBeTruthy();
    expect(screen.queryByRole("combobox")).toBeNull();
  });

  test("English labels", () => {
    setup(FINDINGS, "en");
    expect(screen.getByRole("heading", { name: "Findings (5)" })).toBeTruthy();
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "Error (2)",
      "Warning (2)",
      "Info (1)",
    ]);
    expect(screen.getByRole("group", { name: "Filter by severity" })).toBeTruthy();
    expect(screen.getByRole("option", { name: "All rules" })).toBeTruthy();
  });
});
