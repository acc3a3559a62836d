/** @jest-environment jsdom */
/**
 * The pane's own field (in place of Fluent's Field): its label names the control by `for` and the
 * control's id, its validation message and hint describe it (the message first), an error marks it
 * invalid and is announced, and a control given as a render function gets the same ids.
 */
import * as React from "react";
import { screen } from "@testing-library/react";
import PaneField, { usePaneFieldControl, type PaneFieldControlProps } from "./PaneField";
import PaneInput from "./PaneInput";
import PaneSelect from "./PaneSelect";
import { renderInFluent } from "./test-helpers";

const describedBy = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean).map((id) => document.getElementById(id)?.textContent);

describe("PaneField", () => {
  test("its label names the control by for and the control's id, which it gives the control", () => {
    renderInFluent(
      <PaneField label="方案名称">
        <PaneInput value="" onChange={() => undefined} />
      </PaneField>,
    );
    const box = screen.getByRole("textbox", { name: "方案名称" });
    const label = screen.getByText("方案名称");
    expect(label.tagName).toBe("LABEL");
    expect(box.id).not.toBe("");
    expect(label.getAttribute("for")).toBe(box.id);
    // A labelable control needs no aria-labelledby; nothing describes it, and it is valid.
    expect(box.getAttribute("aria-labelledby")).toBeNull();
    expect(box.getAttribute("aria-describedby")).toBeNull();
    expect(box.getAttribute("aria-invalid")).toBeNull();
  });

  test("a control with an id of its own keeps it and is named by the label's id", () => {
    renderInFluent(
      <PaneField label="分值">
        <PaneInput id="own" value="" onChange={() => undefined} />
      </PaneField>,
    );
    const box = screen.getByRole("textbox", { name: "分值" });
    expect(box.id).toBe("own");
    expect(box.getAttribute("aria-labelledby")).toBe(screen.getByText("分值").id);
  });

  test("the validation message and the hint describe the control, the message first; an error marks it invalid and is announced", () => {
    renderInFluent(
      <PaneField label="得分保留小数位数" hint="0 到 6 的整数" validationMessage="应为 0 到 6 的整数">
        <PaneInput value="9" onChange={() => undefined} aria-describedby="extra" />
      </PaneField>,
    );
    const box = screen.getByRole("textbox", { name: "得分保留小数位数" });
    expect(describedBy(box)).toEqual(["应为 0 到 6 的整数", "0 到 6 的整数", undefined]);
    expect(box.getAttribute("aria-describedby")?.split(" ")[2]).toBe("extra");
    expect(box.getAttribute("aria-invalid")).toBe("true");
    const message = screen.getByRole("alert");
    expect(message.textContent).toBe("应为 0 到 6 的整数");
    // Fluent's error icon before the message's text, hidden from the screen reader as Fluent's icons are.
    expect(message.firstElementChild?.querySelector("svg")?.getAttribute("aria-hidden")).toBe("true");
  });

  test("a warning is announced with its icon but leaves the control valid; a message of state none is neither", () => {
    const { rerender } = renderInFluent(
      <PaneField label="超额完成" validationState="warning" validationMessage="请说明原因">
        <PaneInput value="" onChange={() => undefined} />
      </PaneField>,
    );
    const box = screen.getByRole("textbox", { name: "超额完成" });
    expect(box.getAttribute("aria-invalid")).toBeNull();
    expect(describedBy(box)).toEqual(["请说明原因"]);
    expect(screen.getByRole("alert").querySelector("svg")).not.toBeNull();
    rerender(
      <PaneField label="超额完成" validationState="none" validationMessage="请说明原因">
        <PaneInput value="" onChange={() => undefined} />
      </PaneField>,
    );
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByText("请说明原因").querySelector("svg")).toBeNull();
    expect(screen.getByRole("textbox", { name: "超额完成" }).getAttribute("aria-invalid")).toBeNull();
  });

  test("a control given as a render function gets the id, is named by the label's id and described by the hint", () => {
    renderInFluent(
      <PaneField label="预设方案" hint="填入下面的设置">
        {(props) => (
          <PaneSelect {...props} value="" onChange={() => undefined}>
            <option value="">—</option>
          </PaneSelect>
        )}
      </PaneField>,
    );
    const select = screen.getByRole("combobox", { name: "预设方案" });
    expect(select.id).toBe(screen.getByText("预设方案").getAttribute("for"));
    expect(select.getAttribute("aria-labelledby")).toBe(screen.getByText("预设方案").id);
    expect(describedBy(select)).toEqual(["填入下面的设置"]);
  });

  test("a field's size reaches a control that takes it, unless the control has its own; no field, no props", () => {
    function Sized(props: PaneFieldControlProps) {
      const { size, id } = usePaneFieldControl(props, { supportsLabelFor: true, supportsSize: true });
      return <input id={id} data-size={size ?? "none"} />;
    }
    renderInFluent(
      <>
        <PaneField label="小" size="small">
          <Sized />
        </PaneField>
        <PaneField label="中" size="small">
          <Sized size="medium" />
        </PaneField>
        <Sized />
      </>,
    );
    expect(screen.getByLabelText("小").getAttribute("data-size")).toBe("small");
    expect(screen.getByLabelText("中").getAttribute("data-size")).toBe("medium");
    const alone = document.querySelectorAll("input")[2];
    expect(alone.getAttribute("data-size")).toBe("none");
    expect(alone.id).toBe("");
  });
});
