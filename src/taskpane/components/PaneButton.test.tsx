/** @jest-environment jsdom */
/**
 * The pane's own button (in place of Fluent's Button): a plain button that never submits a form
 * unless asked, its icon before its text, and 取消重算's "disabled but focusable" state.
 */
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import PaneButton from "./PaneButton";
import { renderInFluent } from "./test-helpers";

describe("PaneButton", () => {
  test("is a button of type button: a click inside a form submits nothing", () => {
    const submit = jest.fn((event: React.FormEvent) => event.preventDefault());
    const click = jest.fn();
    renderInFluent(
      <form onSubmit={submit}>
        <PaneButton onClick={click}>取消</PaneButton>
        <PaneButton type="submit">确定</PaneButton>
      </form>,
    );
    fireEvent.click(screen.getByRole("button", { name: "取消" }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(submit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "确定" }));
    expect(submit).toHaveBeenCalledTimes(1);
  });

  test("shows its icon before its text, hidden from the button's name", () => {
    renderInFluent(<PaneButton icon={<svg aria-hidden="true" data-testid="icon" />}>一键重算</PaneButton>);
    const button = screen.getByRole("button", { name: "一键重算" });
    expect(button.firstElementChild?.contains(screen.getByTestId("icon"))).toBe(true);
    expect(button.textContent).toBe("一键重算");
  });

  test("disabledFocusable submits no form (review round 39)", () => {
    const submit = jest.fn((event: React.FormEvent) => event.preventDefault());
    renderInFluent(
      <form onSubmit={submit}>
        <PaneButton type="submit" disabledFocusable>
          确定
        </PaneButton>
      </form>,
    );
    fireEvent.click(screen.getByRole("button", { name: "确定" }));
    expect(submit).not.toHaveBeenCalled();
  });

  test("disabledFocusable keeps the focus, says it is disabled and ignores clicks; disabled is disabled", () => {
    const click = jest.fn();
    const { rerender } = renderInFluent(
      <PaneButton disabledFocusable onClick={click}>
        正在取消
      </PaneButton>,
    );
    const button = screen.getByRole("button", { name: "正在取消" }) as HTMLButtonElement;
    button.focus();
    fireEvent.click(button);
    expect(click).not.toHaveBeenCalled();
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(button.disabled).toBe(false);
    expect(document.activeElement).toBe(button);
    rerender(
      <PaneButton disabled onClick={click}>
        正在取消
      </PaneButton>,
    );
    const disabled = screen.getByRole("button", { name: "正在取消" }) as HTMLButtonElement;
    expect(disabled.disabled).toBe(true);
    expect(disabled.getAttribute("aria-disabled")).toBeNull();
  });
});
