/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { DEFAULT_PROFILE, Profile } from "../../core/profile";
import App from "./App";
import { controlledRecalc, fakeHost, NO_TABLES, renderInFluent, SAMPLE_RESULTS } from "./test-helpers";

// Fluent trees are large and role queries over them are slow in jsdom; allow for a busy machine.
jest.setTimeout(30000);

function recalcButton(name: string | RegExp = "一键重算") {
  return screen.getByRole("button", { name }) as HTMLButtonElement;
}

function stepItem(label: string): HTMLElement {
  const item = screen.getByText(label).closest("li");
  if (!item) throw new Error(`no step ${label}`);
  return item;
}

describe("App", () => {
  test("idle: explains what to do, loads the profile and the undo state, nothing run yet", async () => {
    const host = fakeHost();
    renderInFluent(<App host={host} />);

    expect(screen.getByRole("heading", { level: 1, name: "绩效自评助手" })).toBeTruthy();
    expect(screen.getByText(/点击“一键重算”/)).toBeTruthy();
    expect(recalcButton().disabled).toBe(false);
    await waitFor(() => expect(host.hasUndo).toHaveBeenCalled());
    expect(host.loadProfile).toHaveBeenCalledTimes(1);
    expect(host.recalculate).not.toHaveBeenCalled();
    expect((screen.getByRole("button", { name: "撤销上次重算" }) as HTMLButtonElement).disabled).toBe(true);
  });

  test("running: shows 读取 → 识别 → 校验 → 计算 → 写回 as the host reports each step", async () => {
    const recalc = controlledRecalc();
    const host = fakeHost({ recalculate: recalc.recalculate });
    renderInFluent(<App host={host} />);

    fireEvent.click(recalcButton());
    expect((screen.getByRole("button", { name: "正在重算…" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("true");
    const labels = within(screen.getByRole("list"))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(labels.map((t) => t?.slice(0, 2))).toEqual(["读取", "识别", "校验", "计算", "写回"]);

    act(() => recalc.step("read"));
    expect(stepItem("读取").getAttribute("aria-current")).toBe("step");
    expect(stepItem("识别").getAttribute("data-state")).toBe("pending");
    expect(screen.getByRole("status").textContent).toBe("正在读取…");

    act(() => recalc.step("validate"));
    expect(stepItem("读取").getAttribute("data-state")).toBe("done");
    expect(stepItem("识别").getAttribute("data-state")).toBe("done");
    expect(stepItem("校验").getAttribute("aria-current")).toBe("step");
    expect(stepItem("计算").getAttribute("data-state")).toBe("pending");
    const progress = screen.getByRole("progressbar", { name: "重算进度" });
    expect(Number(progress.getAttribute("aria-valuenow"))).toBeCloseTo(2 / 5);

    act(() => recalc.step("write"));
    expect(stepItem("计算").getAttribute("data-state")).toBe("done");
    expect(stepItem("写回").getAttribute("aria-current")).toBe("step");

    await act(async () => recalc.resolve(SAMPLE_RESULTS));
    expect(screen.getByTestId("total").textContent).toBe("86.50");
    // A late step report from the finished run does not bring the progress back.
    act(() => recalc.step("write"));
    expect(screen.queryByRole("progressbar", { name: "重算进度" })).toBeNull();
    expect(recalcButton().disabled).toBe(false);
  });

  test("results: total, grade, a bar per 一级指标 and findings grouped by severity", async () => {
    const host = fakeHost();
    renderInFluent(<App host={host} />);
    fireEvent.click(recalcButton());

    expect(await screen.findByTestId("total")).toBeTruthy();
    expect(host.recalculate).toHaveBeenCalledWith(DEFAULT_PROFILE, expect.any(Function));
    expect(screen.getByTestId("total").textContent).toBe("86.50");
    expect(screen.getByTestId("grade").textContent).toBe("良");
    expect(screen.getByText("结果已写入“综合得分”工作表；补填 4 个单元格，标记 4 个单元格。")).toBeTruthy();

    const bars = within(screen.getByRole("list", { name: "一级指标得分" })).getAllByRole("progressbar");
    expect(bars.map((b) => b.getAttribute("aria-label"))).toEqual([
      "预算执行率：9.50 / 10 分",
      "产出指标：45 / 50 分",
      "效益指标：15 / 30 分",
      "满意度指标：8 / 10 分",
    ]);
    expect(bars.map((b) => Number(b.getAttribute("aria-valuenow")))).toEqual([0.95, 0.9, 0.5, 0.8]);

    expect(screen.getByRole("heading", { name: "发现的问题（4）" })).toBeTruthy();
    const errors = screen.getByRole("region", { name: "错误（2）" });
    const warnings = screen.getByRole("region", { name: "警告（1）" });
    const infos = screen.getByRole("region", { name: "提示（1）" });
    const errorButtons = within(errors).getAllByRole("button");
    expect(errorButtons).toHaveLength(2);
    expect(errorButtons[0].textContent).toContain("部门整体支出绩效自评表!H8");
    expect(errorButtons[0].textContent).toContain("rate-mismatch");
    expect(errorButtons[0].textContent).toContain("执行率应为 95.00%");
    expect(within(warnings).getByRole("button").textContent).toContain("部门整体支出绩效自评表!K31");
    expect(within(infos).getByRole("button").textContent).toContain("Sheet 2!E5");
  });

  test("clicking a finding, or pressing Enter on it, selects its cell", async () => {
    const host = fakeHost();
    renderInFluent(<App host={host} />);
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");
    const findings = screen.getByRole("region", { name: "发现的问题（4）" });
    const [, , warning, info] = within(findings).getAllByRole("button", { name: /!/ });

    fireEvent.click(info);
    expect(host.selectCell).toHaveBeenLastCalledWith("Sheet 2", "E5");

    fireEvent.keyDown(warning, { key: "Enter" });
    expect(host.selectCell).toHaveBeenLastCalledWith("部门整体支出绩效自评表", "K31");
    expect(host.selectCell).toHaveBeenCalledTimes(2);
  });

  test("a cell that cannot be selected is reported, not swallowed", async () => {
    const host = fakeHost({
      selectCell: async () => {
        throw new Error("找不到工作表 Sheet 2");
      },
    });
    renderInFluent(<App host={host} />);
    fireEvent.click(recalcButton());
    fireEvent.click(await screen.findByRole("button", { name: /Sheet 2!E5/ }));
    expect(await screen.findByText("找不到工作表 Sheet 2")).toBeTruthy();
    expect(screen.getByText("无法选中该单元格")).toBeTruthy();
  });

  test("no tables: shows only the outcome's message", async () => {
    const host = fakeHost({ recalculate: async () => NO_TABLES });
    renderInFluent(<App host={host} />);
    fireEvent.click(recalcButton());

    expect(await screen.findByText(NO_TABLES.kind === "no-tables" ? NO_TABLES.message : "")).toBeTruthy();
    expect(screen.queryByTestId("total")).toBeNull();
    expect(screen.queryByText("综合得分")).toBeNull();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByText(/发现的问题/)).toBeNull();
    expect(recalcButton().disabled).toBe(false);
  });

  test("error: an exception from the host is shown in a message bar and the pane stays usable", async () => {
    const recalc = controlledRecalc();
    const host = fakeHost({ recalculate: recalc.recalculate });
    renderInFluent(<App host={host} />);
    fireEvent.click(recalcButton());
    act(() => recalc.step("read"));
    await act(async () => recalc.reject(new Error("工作表“自评表”受保护，无法写入")));

    expect(screen.getByText("出错了")).toBeTruthy();
    expect(screen.getByText("工作表“自评表”受保护，无法写入")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(recalcButton().disabled).toBe(false);
    expect(screen.getByRole("heading", { level: 1 })).toBeTruthy();
  });

  test("error: a non-Error rejection still says something", async () => {
    const host = fakeHost({ recalculate: () => Promise.reject({ code: "GeneralException" }) });
    renderInFluent(<App host={host} />);
    fireEvent.click(recalcButton());
    expect(await screen.findByText("出错了")).toBeTruthy();
    expect(screen.getByText("未知错误")).toBeTruthy();
  });

  test("undo: disabled without anything to undo, enabled after a run, reports the restored cells", async () => {
    let undoable = false;
    const host = fakeHost({
      hasUndo: async () => undoable,
      recalculate: async () => {
        undoable = true;
        return SAMPLE_RESULTS;
      },
      undoLast: async () => {
        undoable = false;
        return 12;
      },
    });
    renderInFluent(<App host={host} />);
    const undo = screen.getByRole("button", { name: "撤销上次重算" }) as HTMLButtonElement;
    await waitFor(() => expect(host.hasUndo).toHaveBeenCalled());
    expect(undo.disabled).toBe(true);

    fireEvent.click(recalcButton());
    await screen.findByTestId("total");
    await waitFor(() => expect(undo.disabled).toBe(false));

    fireEvent.click(undo);
    expect(await screen.findByText("已撤销上次重算，恢复了 12 个单元格。")).toBeTruthy();
    expect(host.undoLast).toHaveBeenCalledTimes(1);
    // The results it undid are gone, and there is nothing left to undo.
    expect(screen.queryByTestId("total")).toBeNull();
    await waitFor(() => expect(undo.disabled).toBe(true));
  });

  test("undo: says so when the host has nothing to restore", async () => {
    const host = fakeHost({ hasUndo: async () => true, undoLast: async () => null });
    renderInFluent(<App host={host} />);
    const undo = await screen.findByRole("button", { name: "撤销上次重算" });
    await waitFor(() => expect((undo as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(undo);
    expect(await screen.findByText("没有可以撤销的重算。")).toBeTruthy();
  });

  test("undo: a failure is shown as an error", async () => {
    const host = fakeHost({
      hasUndo: async () => true,
      undoLast: async () => {
        throw new Error("快照已失效");
      },
    });
    renderInFluent(<App host={host} />);
    const undo = screen.getByRole("button", { name: "撤销上次重算" }) as HTMLButtonElement;
    await waitFor(() => expect(undo.disabled).toBe(false));
    fireEvent.click(undo);
    expect(await screen.findByText("快照已失效")).toBeTruthy();
    expect(screen.getByText("撤销失败")).toBeTruthy();
  });

  test("清除标记: asks the host to take every mark back and says how many went, then offers undo", async () => {
    let undoable = false;
    const host = fakeHost({
      cleanMarks: async () => {
        undoable = true;
        return 12;
      },
      hasUndo: async () => undoable,
    });
    renderInFluent(<App host={host} />);
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(await screen.findByText("已清除 12 处标记及其批注，数据未变。")).toBeTruthy();
    expect(host.cleanMarks).toHaveBeenCalledTimes(1);
    await waitFor(() => expect((screen.getByRole("button", { name: "撤销上次重算" }) as HTMLButtonElement).disabled).toBe(false));
  });

  test("a total that cannot be graded shows no grade and the reason beside it", async () => {
    const reason = "未评等次：预算执行率分值 10 加各指标分值 100，合计 110 分，应为 100 分。请调整分值。";
    const host = fakeHost({ recalculate: async () => ({ ...SAMPLE_RESULTS, total: "106.47", grade: null, gradeReason: reason }) });
    renderInFluent(<App host={host} />);
    fireEvent.click(recalcButton());
    expect((await screen.findByTestId("grade")).textContent).toBe("—");
    expect(screen.getByTestId("grade-reason").textContent).toBe(reason);
  });

  test("the saved profile is loaded on start and used for the recalculation", async () => {
    const saved: Profile = {
      ...DEFAULT_PROFILE,
      name: "某区方案",
      budgetWeight: 20,
      grades: [
        { min: 85, label: "优秀" },
        { min: 0, label: "较差" },
      ],
    };
    const host = fakeHost({ loadProfile: async () => saved });
    renderInFluent(<App host={host} />);
    await waitFor(() => expect(host.loadProfile).toHaveBeenCalled());

    fireEvent.click(screen.getByRole("tab", { name: "评分方案" }));
    await waitFor(() => expect((screen.getByLabelText("预算执行率分值") as HTMLInputElement).value).toBe("20"));
    expect((screen.getByLabelText("等次划分") as HTMLInputElement).value).toBe("85:优秀,0:较差");

    fireEvent.click(screen.getByRole("tab", { name: "结果" }));
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");
    expect(host.recalculate).toHaveBeenCalledWith(saved, expect.any(Function));
  });

  test("a profile that cannot be loaded leaves a warning and the default profile", async () => {
    const host = fakeHost({
      loadProfile: async () => {
        throw new Error("设置已损坏");
      },
    });
    renderInFluent(<App host={host} />);
    expect(await screen.findByText("设置已损坏")).toBeTruthy();
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");
    expect(host.recalculate).toHaveBeenCalledWith(DEFAULT_PROFILE, expect.any(Function));
  });

  test("settings: saving calls saveProfile with the edited profile, and the next run uses it", async () => {
    const host = fakeHost();
    renderInFluent(<App host={host} />);
    await waitFor(() => expect(host.loadProfile).toHaveBeenCalled());
    fireEvent.click(screen.getByRole("tab", { name: "评分方案" }));

    fireEvent.change(screen.getByLabelText("等次划分"), { target: { value: "85:优秀，75:良好, 60:一般,0:较差" } });
    fireEvent.change(screen.getByLabelText("预算执行率分值"), { target: { value: "20" } });
    fireEvent.change(screen.getByLabelText("部分达成 下限 %"), { target: { value: "50" } });
    fireEvent.click(screen.getByRole("radio", { name: /线性递减/ }));
    fireEvent.change(screen.getByLabelText("超额完成阈值 %"), { target: { value: "150" } });
    fireEvent.click(screen.getByRole("switch", { name: "用颜色标记有问题的单元格" }));
    fireEvent.click(screen.getByRole("button", { name: "保存方案" }));

    expect(await screen.findByText("评分方案已保存，下次重算时使用。")).toBeTruthy();
    const expected: Profile = {
      ...DEFAULT_PROFILE,
      budgetWeight: 20,
      grades: [
        { min: 85, label: "优秀" },
        { min: 75, label: "良好" },
        { min: 60, label: "一般" },
        { min: 0, label: "较差" },
      ],
      qualitative: { achieved: [0.8, 1], partial: [0.5, 0.8], notAchieved: [0, 0.6] },
      negativeFormula: "linear",
      overAchievement: 1.5,
      markCells: false,
    };
    expect(host.saveProfile).toHaveBeenCalledTimes(1);
    expect(host.saveProfile).toHaveBeenCalledWith(expected);

    fireEvent.click(screen.getByRole("tab", { name: "结果" }));
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");
    expect(host.recalculate).toHaveBeenCalledWith(expected, expect.any(Function));
  });

  test("English when the host's language is en", async () => {
    const host = fakeHost({}, "en");
    renderInFluent(<App host={host} />);
    expect(screen.getByRole("heading", { level: 1, name: "Self-Evaluation Assistant" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Undo last recalculation" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Scoring profile" })).toBeTruthy();
    expect(screen.queryByText(/一键重算/)).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Recalculate" }));
    expect(await screen.findByText("Total score")).toBeTruthy();
    expect(screen.getByText("Grade")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Findings (4)" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "Error (2)" })).toBeTruthy();
    expect(screen.getByRole("progressbar", { name: "产出指标: 45 of 50" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Filter by rule" })).toBeTruthy();

    fireEvent.click(screen.getByRole("tab", { name: "Scoring profile" }));
    expect(screen.getByLabelText("Budget execution weight")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Save profile" })).toBeTruthy();
  });
});
