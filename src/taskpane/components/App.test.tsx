/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { DEFAULT_PROFILE, Profile } from "../../core/profile";
import App from "./App";
import { CancelledError } from "../pane-host";
import { loadStrings, paneLanguage, zh } from "../strings";
import { en } from "../strings-en";
import { controlledRecalc, fakeHost, NO_TABLES, renderInFluent, SAMPLE_RESULTS } from "./test-helpers";

// Fluent trees are large and role queries over them are slow in jsdom; allow for a busy machine.
jest.setTimeout(60000);

function recalcButton(name: string | RegExp = "一键重算") {
  return screen.getByRole("button", { name }) as HTMLButtonElement;
}

/** The results' missing-reason finding with its 忽略 form opened: the card. */
function openIgnoreForm(): HTMLElement {
  const card = document.querySelector('[data-finding="missing-reason"]') as HTMLElement;
  fireEvent.click(within(card).getByRole("button", { name: "忽略" }));
  return card;
}

function stepItem(label: string): HTMLElement {
  const item = screen.getByText(label).closest("li");
  if (!item) throw new Error(`no step ${label}`);
  return item;
}

describe("App", () => {
  test("idle: explains what to do, loads the profile and the undo state, nothing run yet", async () => {
    const host = fakeHost();
    renderInFluent(<App host={host} strings={zh} />);

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
    renderInFluent(<App host={host} strings={zh} />);

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

  test("results: total, grade, a bar per 一级指标, findings by table with Chinese rule names, and the result announced", async () => {
    const host = fakeHost();
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());

    expect(await screen.findByTestId("total")).toBeTruthy();
    expect(host.recalculate).toHaveBeenCalledWith(DEFAULT_PROFILE, expect.any(Function), expect.objectContaining({ signal: expect.anything() }));
    expect(screen.getByTestId("total").textContent).toBe("86.50");
    expect(screen.getByTestId("grade").textContent).toBe("良");
    expect(screen.getByText("结果已写入“综合得分”工作表；补填 4 个单元格，标记 4 处。")).toBeTruthy();
    expect(screen.getByTestId("announcer").textContent).toBe("综合得分 86.50，良；发现 4 个问题");

    const bars = within(screen.getByRole("list", { name: "一级指标得分" })).getAllByRole("progressbar");
    expect(bars.map((b) => b.getAttribute("aria-label"))).toEqual([
      "预算执行率：9.50 / 10 分",
      "产出指标：45 / 50 分",
      "效益指标：15 / 30 分",
      "满意度指标：8 / 10 分",
    ]);
    expect(bars.map((b) => Number(b.getAttribute("aria-valuenow")))).toEqual([0.95, 0.9, 0.5, 0.8]);

    expect(screen.getByRole("heading", { name: "发现的问题（4）" })).toBeTruthy();
    const sections = Array.from(document.querySelectorAll("section[data-table]"));
    expect(sections.map((el) => el.getAttribute("data-table"))).toEqual(["部门整体支出", "部门整体支出", "Sheet 2!A3:F9"]);
    expect(sections[1].textContent).toContain("总分 86.50　等次 良；错误 1，警告 1");
    expect(sections[2].textContent).toContain("绩效目标表：只校验，不计分；提示 1");
    const rate = sections[0].querySelector("[data-finding]")!;
    expect(rate.textContent).toContain("错误：执行率算错");
    expect(rate.querySelector("[data-rule]")!.getAttribute("title")).toBe("rate-mismatch");
    expect(rate.textContent).toContain("90.00% → 95.00%");
  });

  test("clicking a finding's cell selects it", async () => {
    const host = fakeHost();
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");
    fireEvent.click(screen.getByRole("button", { name: "选中 Sheet 2!E5" }));
    expect(host.selectCell).toHaveBeenLastCalledWith("Sheet 2", "E5");
    fireEvent.click(screen.getByRole("button", { name: "选中 部门整体支出绩效自评表!K31" }));
    expect(host.selectCell).toHaveBeenLastCalledWith("部门整体支出绩效自评表", "K31");
    expect(host.selectCell).toHaveBeenCalledTimes(2);
  });

  test("a cell that cannot be selected is reported, not swallowed", async () => {
    const host = fakeHost({
      selectCell: async () => {
        throw new Error("找不到工作表 Sheet 2");
      },
    });
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());
    fireEvent.click(await screen.findByRole("button", { name: /Sheet 2!E5/ }));
    expect(await screen.findByText("找不到工作表 Sheet 2")).toBeTruthy();
    expect(screen.getByText("无法选中该单元格")).toBeTruthy();
  });

  test("no tables: shows only the outcome's message", async () => {
    const host = fakeHost({ recalculate: async () => NO_TABLES });
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());

    const message = NO_TABLES.kind === "no-tables" ? NO_TABLES.message : "";
    expect(await within(screen.getByRole("tabpanel")).findByText(message)).toBeTruthy();
    expect(screen.getByTestId("announcer").textContent).toBe(message);
    expect(screen.queryByTestId("total")).toBeNull();
    expect(screen.queryByText("综合得分")).toBeNull();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByText(/发现的问题/)).toBeNull();
    expect(recalcButton().disabled).toBe(false);
  });

  test("error: an exception from the host is shown in a message bar and the pane stays usable", async () => {
    const recalc = controlledRecalc();
    const host = fakeHost({ recalculate: recalc.recalculate });
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());
    act(() => recalc.step("read"));
    await act(async () => recalc.reject(new Error("工作表“自评表”受保护，无法写入")));

    expect(screen.getByText("出错了")).toBeTruthy();
    expect(within(screen.getByRole("tabpanel")).getByText("工作表“自评表”受保护，无法写入")).toBeTruthy();
    expect(screen.getByTestId("announcer").textContent).toBe("工作表“自评表”受保护，无法写入");
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(recalcButton().disabled).toBe(false);
    expect(screen.getByRole("heading", { level: 1 })).toBeTruthy();
  });

  test("error: a non-Error rejection still says something", async () => {
    const host = fakeHost({ recalculate: () => Promise.reject({ code: "GeneralException" }) });
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());
    expect(await screen.findByText("出错了")).toBeTruthy();
    expect(within(screen.getByRole("tabpanel")).getByText("未知错误")).toBeTruthy();
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
    renderInFluent(<App host={host} strings={zh} />);
    const undo = screen.getByRole("button", { name: "撤销上次重算" }) as HTMLButtonElement;
    await waitFor(() => expect(host.hasUndo).toHaveBeenCalled());
    expect(undo.disabled).toBe(true);

    fireEvent.click(recalcButton());
    await screen.findByTestId("total");
    await waitFor(() => expect(undo.disabled).toBe(false));

    fireEvent.click(undo);
    // Shown, and heard in the status region (review round 33: it kept the undone run's outcome).
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toBe("已撤销上次重算，恢复了 12 个单元格。"));
    expect(screen.getAllByText("已撤销上次重算，恢复了 12 个单元格。")).toHaveLength(2);
    expect(host.undoLast).toHaveBeenCalledTimes(1);
    // The results it undid are gone, and there is nothing left to undo.
    expect(screen.queryByTestId("total")).toBeNull();
    await waitFor(() => expect(undo.disabled).toBe(true));
  });

  test("the keyboard's focus goes back to the toolbar when an action ends, not to the page (review round 33)", async () => {
    let undoable = false;
    const host = fakeHost({ hasUndo: async () => undoable, cleanMarks: async () => ((undoable = true), { removed: 1, cleared: 0, unrecordedNotes: 0, toCheck: [], summaryRemoved: null, summaryRemovable: null, summaryWrittenIn: [] }) });
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");
    await waitFor(() => expect(document.activeElement).toBe(recalcButton()));
    const clean = screen.getByRole("button", { name: "清除标记" });
    (document.activeElement as HTMLElement).blur();
    fireEvent.click(clean);
    await waitFor(() => expect(document.activeElement).toBe(clean));
  });

  /** The sample's results as of a workbook of two forms, the second ungraded (its weights add up to 110). */
  const twoForms = () => {
    const second = { ...SAMPLE_RESULTS.totals[0], label: "公共文化服务", table: "M11:T30", score: "92.50", grade: "优" };
    const ungraded = { sheet: second.sheet, table: "公共文化服务", score: "92.50", grade: null, reason: "未评等次：分值合计 110 分" };
    return { ...SAMPLE_RESULTS, total: null, grade: null, totals: [SAMPLE_RESULTS.totals[0], second], headlines: [SAMPLE_RESULTS.headlines[0], ungraded] };
  };

  test("several forms: each form's total and grade are heard, not 综合得分无法计算 (review round 33)", async () => {
    const host = fakeHost({ recalculate: async () => twoForms() });
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());
    await waitFor(() =>
      expect(screen.getByTestId("announcer").textContent).toBe(
        "部门整体支出：总分 86.50　等次 良；公共文化服务：总分 92.50　等次 —（未评等次：分值合计 110 分）；错误 2，警告 1，提示 1",
      ),
    );
  });

  test("several forms: after 忽略, each form's line is heard again with the new counts, as after the run (review 57b, L5)", async () => {
    const host = fakeHost({ recalculate: async () => twoForms() });
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());
    await screen.findByRole("heading", { name: "发现的问题（4）" });
    const card = openIgnoreForm();
    fireEvent.change(within(card).getByLabelText("忽略原因"), { target: { value: "原因已在自评报告中说明" } });
    fireEvent.click(within(card).getByRole("button", { name: "确定忽略" }));
    await screen.findByRole("heading", { name: "已忽略（1）" });
    expect(screen.getByTestId("announcer").textContent).toBe(
      "部门整体支出：总分 86.50　等次 良；公共文化服务：总分 92.50　等次 —（未评等次：分值合计 110 分）；错误 2，提示 1",
    );
  });

  test("undo: says so when the host has nothing to restore", async () => {
    const host = fakeHost({ hasUndo: async () => true, undoLast: async () => null });
    renderInFluent(<App host={host} strings={zh} />);
    const undo = await screen.findByRole("button", { name: "撤销上次重算" });
    await waitFor(() => expect((undo as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(undo);
    await waitFor(() => expect(screen.getAllByText("没有可以撤销的重算。")).toHaveLength(2));
  });

  test("undo: a failure is shown as an error", async () => {
    const host = fakeHost({
      hasUndo: async () => true,
      undoLast: async () => {
        throw new Error("快照已失效");
      },
    });
    renderInFluent(<App host={host} strings={zh} />);
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
        return { removed: 12, cleared: 2, unrecordedNotes: 0, toCheck: [], summaryRemoved: null, summaryRemovable: null, summaryWrittenIn: [] };
      },
      hasUndo: async () => undoable,
    });
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    // The values it filled in go too, and the message says so (review round 33: it said 数据未变).
    const done = "已清除 12 处标记及其批注，去掉了助手补填的 2 个数值；您填写的数据未变。";
    // Shown in the notice and said by the live region.
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toBe(done));
    expect(screen.getAllByText(done)).toHaveLength(2);
    expect(host.cleanMarks).toHaveBeenCalledTimes(1);
    await waitFor(() => expect((screen.getByRole("button", { name: "撤销上次重算" }) as HTMLButtonElement).disabled).toBe(false));
  });

  test("清除标记 offers to remove the 综合得分 sheet too; one written in since is kept and said so (review round 33)", async () => {
    let summary: "written" | "as written" | "gone" = "as written";
    const host = fakeHost({
      cleanMarks: async (options) => {
        const removing = options?.removeSummary === true && summary === "as written";
        if (removing) summary = "gone";
        const asked = options?.removeSummary === true;
        const removable = !asked && summary === "as written" ? "综合得分" : null;
        const writtenIn = asked && summary === "written" ? ["综合得分"] : [];
        return { removed: 0, cleared: 0, unrecordedNotes: 0, toCheck: [], summaryRemoved: removing ? "综合得分" : null, summaryRemovable: removable, summaryWrittenIn: writtenIn };
      },
    });
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    fireEvent.click(await screen.findByRole("button", { name: "同时移除“综合得分”工作表" }));
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toBe("已移除“综合得分”工作表；点击“撤销上次重算”可找回。"));
    expect(host.cleanMarks).toHaveBeenLastCalledWith({ removeSummary: true });
    // Nothing left to offer once it is gone.
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toBe("没有需要清除的标记。"));
    expect(screen.queryByRole("button", { name: /同时移除/ })).toBeNull();

    // One written in since the run is not offered: it would stay.
    summary = "written";
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    await waitFor(() => expect(host.cleanMarks).toHaveBeenCalledTimes(4));
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toBe("没有需要清除的标记。"));
    expect(screen.queryByRole("button", { name: /同时移除/ })).toBeNull();
  });

  test("清除标记 where jixiao's record did not list every note: the notes cleaned and the cells to check are said", async () => {
    const host = fakeHost({ cleanMarks: async () => ({ removed: 0, cleared: 0, unrecordedNotes: 2, toCheck: ["自评表!G3", "自评表!G4"], summaryRemoved: null, summaryRemovable: null, summaryWrittenIn: [] }) });
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    const said =
      "绩效自评助手的记录不全（记录被其他程序删去，或单元格连批注一起复制而来）：另删去 2 条批注中绩效自评助手的文字（用户自己的文字保留）；以下单元格的填色和数值无法确认是否为绩效自评助手所填，未改动，请核对：自评表!G3、自评表!G4";
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toBe(said));
    expect(screen.getAllByText(said)).toHaveLength(2);
    // No "没有需要清除的标记": notes were cleaned.
    expect(screen.queryByText("没有需要清除的标记。")).toBeNull();
  });

  test("Remove marks in English: the marks removed head the notice, the cells to check follow", async () => {
    const host = fakeHost({ cleanMarks: async () => ({ removed: 4, cleared: 1, unrecordedNotes: 1, toCheck: ["Form!I4"], summaryRemoved: null, summaryRemovable: null, summaryWrittenIn: [] }) }, "en");
    renderInFluent(<App host={host} strings={en} />);
    fireEvent.click(screen.getByRole("button", { name: "Remove marks" }));
    const title = "Removed 4 marks and their notes, and the value the add-in filled in; the data you typed is unchanged.";
    const check =
      "jixiao's record is incomplete (another program dropped it, or cells were copied with their notes): jixiao's text was also taken out of 1 note (the user's own text kept); whether the fills and values of these cells are jixiao's cannot be told, they are left as they are, please check: Form!I4";
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toBe(`${title} ${check}`));
    expect(screen.getByText(title)).toBeTruthy();
    expect(screen.getByText(check)).toBeTruthy();
  });

  test("a total that cannot be graded shows no grade and the reason beside it", async () => {
    const reason = "未评等次：预算执行率分值 10 加各指标分值 100，合计 110 分，应为 100 分。请调整分值。";
    const host = fakeHost({ recalculate: async () => ({ ...SAMPLE_RESULTS, total: "106.47", grade: null, gradeReason: reason }) });
    renderInFluent(<App host={host} strings={zh} />);
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
    renderInFluent(<App host={host} strings={zh} />);
    await waitFor(() => expect(host.loadProfile).toHaveBeenCalled());

    fireEvent.click(screen.getByRole("tab", { name: "评分方案" }));
    await waitFor(() => expect((screen.getByLabelText("预算执行率分值") as HTMLInputElement).value).toBe("20"));
    expect(screen.getAllByLabelText("等次").map((input) => (input as HTMLInputElement).value)).toEqual(["优秀", "较差"]);
    expect(screen.getAllByLabelText("最低分").map((input) => (input as HTMLInputElement).value)).toEqual(["85", "0"]);

    fireEvent.click(screen.getByRole("tab", { name: "结果" }));
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");
    expect(host.recalculate).toHaveBeenCalledWith(saved, expect.any(Function), expect.anything());
  });

  test("a profile that cannot be loaded leaves a warning and the default profile", async () => {
    const host = fakeHost({
      loadProfile: async () => {
        throw new Error("设置已损坏");
      },
    });
    renderInFluent(<App host={host} strings={zh} />);
    expect(await screen.findByText("设置已损坏")).toBeTruthy();
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");
    expect(host.recalculate).toHaveBeenCalledWith(DEFAULT_PROFILE, expect.any(Function), expect.anything());
  });

  test("settings save themselves: every key of the profile, and the next run uses it", async () => {
    const host = fakeHost();
    renderInFluent(<App host={host} strings={zh} settleMs={0} />);
    await waitFor(() => expect(host.loadProfile).toHaveBeenCalled());
    fireEvent.click(screen.getByRole("tab", { name: "评分方案" }));

    const labels = () => screen.getAllByLabelText("等次") as HTMLInputElement[];
    const mins = () => screen.getAllByLabelText("最低分") as HTMLInputElement[];
    fireEvent.change(labels()[0], { target: { value: "优秀" } });
    fireEvent.change(mins()[0], { target: { value: "85" } });
    fireEvent.click(screen.getByRole("button", { name: "删除等次“中”" }));
    fireEvent.change(screen.getByLabelText("预算执行率分值"), { target: { value: "20" } });
    fireEvent.change(screen.getByLabelText("部分达成 下限 %"), { target: { value: "50" } });
    fireEvent.click(screen.getByRole("radio", { name: /线性递减/ }));
    fireEvent.change(screen.getByLabelText("超额完成阈值 %"), { target: { value: "150" } });
    fireEvent.change(screen.getByLabelText("得分保留小数位数"), { target: { value: "1" } });
    fireEvent.change(screen.getByLabelText(/执行率保留小数位数/), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("switch", { name: "用颜色标记有问题的单元格" }));

    expect(await screen.findByText("已自动保存，下次重算时使用。")).toBeTruthy();
    const expected: Profile = {
      ...DEFAULT_PROFILE,
      budgetWeight: 20,
      grades: [
        { min: 85, label: "优秀" },
        { min: 80, label: "良" },
        { min: 0, label: "差" },
      ],
      qualitative: { achieved: [0.8, 1], partial: [0.5, 0.8], notAchieved: [0, 0.6] },
      negativeFormula: "linear",
      overAchievement: 1.5,
      scoreDecimals: 1,
      rateDecimals: 3,
      markCells: false,
    };
    await waitFor(() => expect(host.saveProfile).toHaveBeenLastCalledWith(expected));

    fireEvent.click(screen.getByRole("tab", { name: "结果" }));
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");
    expect(host.recalculate).toHaveBeenLastCalledWith(expected, expect.any(Function), expect.anything());
  });

  test("an edit that is not valid yet survives a tab switch, is never saved, and is saved once corrected", async () => {
    const host = fakeHost();
    renderInFluent(<App host={host} strings={zh} settleMs={0} />);
    await waitFor(() => expect(host.loadProfile).toHaveBeenCalled());
    fireEvent.click(screen.getByRole("tab", { name: "评分方案" }));
    fireEvent.change(screen.getByLabelText("预算执行率分值"), { target: { value: "二十" } });
    fireEvent.click(screen.getByRole("tab", { name: "结果" }));
    fireEvent.click(screen.getByRole("tab", { name: "评分方案" }));
    expect((screen.getByLabelText("预算执行率分值") as HTMLInputElement).value).toBe("二十");
    expect(screen.getByText("有未保存的修改：请改正标出的设置，改正后自动保存。")).toBeTruthy();
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(host.saveProfile).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText("预算执行率分值"), { target: { value: "15" } });
    await waitFor(() => expect(host.saveProfile).toHaveBeenCalledWith({ ...DEFAULT_PROFILE, budgetWeight: 15 }));
  });

  test("a preset fills the form and is saved; a saved profile change marks the results stale, with one click to recalculate", async () => {
    const host = fakeHost();
    renderInFluent(<App host={host} strings={zh} settleMs={0} />);
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");
    expect(screen.queryByTestId("stale")).toBeNull();

    fireEvent.click(screen.getByRole("tab", { name: "评分方案" }));
    fireEvent.change(screen.getByRole("combobox", { name: "预设方案" }), { target: { value: "county-20-points" } });
    expect((screen.getByLabelText("预算执行率分值") as HTMLInputElement).value).toBe("20");
    expect(screen.getByText(/1wenmi\.com/)).toBeTruthy();
    await waitFor(() => expect(host.saveProfile).toHaveBeenCalledWith(expect.objectContaining({ budgetWeight: 20 })));

    fireEvent.click(screen.getByRole("tab", { name: "结果" }));
    const stale = await screen.findByTestId("stale");
    expect(stale.textContent).toContain("评分方案已修改，当前结果仍按旧方案计算。");
    fireEvent.click(within(stale).getByRole("button", { name: "重新计算" }));
    await waitFor(() => expect(host.recalculate).toHaveBeenCalledTimes(2));
    expect(host.recalculate).toHaveBeenLastCalledWith(expect.objectContaining({ budgetWeight: 20 }), expect.any(Function), expect.anything());
    await waitFor(() => expect(screen.queryByTestId("stale")).toBeNull());
  });

  /** The re-check's outcome once the first finding's value is taken: that finding and its fix are gone. */
  const FIXED_FIRST = { ...SAMPLE_RESULTS, findings: SAMPLE_RESULTS.findings.slice(1), places: SAMPLE_RESULTS.places.slice(1), fixes: [], checkOnly: true };

  test("采用计算值 writes through the host, re-checks, and says the summary sheet is behind", async () => {
    const host = fakeHost({ check: async () => FIXED_FIRST });
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");

    fireEvent.click(screen.getByRole("button", { name: "采用计算值" }));
    await waitFor(() => expect(host.check).toHaveBeenCalledTimes(1));
    expect(host.applyFixes).toHaveBeenCalledWith([SAMPLE_RESULTS.fixes[0]]);
    expect(await screen.findByText("已写入 1 个计算值。")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "发现的问题（3）" })).toBeTruthy();
    expect(screen.queryByText("执行率应为 95.00%")).toBeNull();
    expect(screen.getByTestId("stale").textContent).toContain("工作簿已修改，“综合得分”工作表尚未更新。");
  });

  test("a scoring profile that cannot be loaded is heard as well as shown", async () => {
    const host = fakeHost({
      loadProfile: async () => {
        throw new Error("设置无法读取");
      },
    });
    renderInFluent(<App host={host} strings={zh} />);
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toBe(`${zh.profileLoadFailed} 设置无法读取`));
  });

  test("a failed 采用计算值 or 忽略 is heard as well as shown, as 撤销's and 清除标记's failures are", async () => {
    const host = fakeHost({
      applyFixes: async () => {
        throw new Error("工作表受保护");
      },
      ignore: async () => {
        throw new Error("记录无法写入");
      },
    });
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");

    fireEvent.click(screen.getByRole("button", { name: "采用计算值" }));
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toBe("写入失败 工作表受保护"));

    const card = openIgnoreForm();
    fireEvent.change(within(card).getByLabelText("忽略原因"), { target: { value: "已说明" } });
    fireEvent.click(within(card).getByRole("button", { name: "确定忽略" }));
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toBe("无法保存忽略记录 记录无法写入"));
  });

  test("after 采用, 确定忽略 and 恢复 the keyboard's focus goes to the findings' heading, not to the page (review round 33)", async () => {
    // The re-check after 采用 finds the fixed finding gone, with its button.
    const host = fakeHost({ check: async () => FIXED_FIRST });
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");
    const heading = () => screen.getByRole("heading", { name: /^发现的问题/ });

    const fix = screen.getByRole("button", { name: "采用计算值" });
    fix.focus();
    fireEvent.click(fix);
    (document.activeElement as HTMLElement).blur();
    await waitFor(() => expect(document.activeElement).toBe(heading()));

    const card = openIgnoreForm();
    fireEvent.change(within(card).getByLabelText("忽略原因"), { target: { value: "已说明" } });
    fireEvent.click(within(card).getByRole("button", { name: "确定忽略" }));
    await screen.findByRole("heading", { name: "已忽略（1）" });
    await waitFor(() => expect(document.activeElement).toBe(heading()));

    fireEvent.click(screen.getByRole("button", { name: "恢复" }));
    (document.activeElement as HTMLElement).blur();
    await waitFor(() => expect(host.unignore).toHaveBeenCalled());
    await waitFor(() => expect(document.activeElement).toBe(heading()));
  });

  test("Escape closes the 忽略 form, ignoring nothing, and puts the focus back on 忽略 (review round 33)", async () => {
    const host = fakeHost();
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");
    const card = openIgnoreForm();
    const reason = within(card).getByLabelText("忽略原因");
    fireEvent.change(reason, { target: { value: "写了一半" } });
    // Escape while an input method composes the reason cancels that alone.
    fireEvent.keyDown(reason, { key: "Escape", isComposing: true });
    // Safari ends the composition first and tells its Escape by keyCode 229 (review round 40).
    fireEvent.keyDown(reason, { key: "Escape", keyCode: 229 });
    expect(within(card).getByLabelText("忽略原因")).toBeTruthy();
    fireEvent.keyDown(reason, { key: "Escape" });
    expect(within(card).queryByLabelText("忽略原因")).toBeNull();
    expect(document.activeElement).toBe(within(card).getByRole("button", { name: "忽略" }));
    expect(host.ignore).not.toHaveBeenCalled();
  });

  test("全部采用 shows what will be written and writes nothing until confirmed", async () => {
    const host = fakeHost();
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");

    fireEvent.click(screen.getByRole("button", { name: "全部采用（1）" }));
    const preview = screen.getByRole("group", { name: "全部采用（1）" });
    expect(within(preview).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["H8：90.00% → 95.00%"]);
    expect(host.applyFixes).not.toHaveBeenCalled();
    fireEvent.click(within(preview).getByRole("button", { name: "取消" }));
    expect(screen.queryByRole("group", { name: "全部采用（1）" })).toBeNull();
    expect(host.applyFixes).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "全部采用（1）" }));
    fireEvent.click(screen.getByRole("button", { name: "写入 1 个单元格" }));
    await waitFor(() => expect(host.applyFixes).toHaveBeenCalledWith(SAMPLE_RESULTS.fixes));
  });

  test("忽略 asks for a reason, stores it through the host and shows the finding under 已忽略", async () => {
    const host = fakeHost();
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());
    await screen.findByTestId("total");

    const card = openIgnoreForm();
    const confirm = within(card).getByRole("button", { name: "确定忽略" }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(card).getByLabelText("忽略原因"), { target: { value: "原因已在自评报告中说明" } });
    fireEvent.click(confirm);

    await waitFor(() => expect(host.ignore).toHaveBeenCalledWith(SAMPLE_RESULTS.findings[2], SAMPLE_RESULTS.places[2], "原因已在自评报告中说明"));
    expect(await screen.findByRole("heading", { name: "已忽略（1）" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "发现的问题（3）" })).toBeTruthy();
    expect(screen.getByText("原因：原因已在自评报告中说明")).toBeTruthy();
    expect(screen.getByTestId("announcer").textContent).toBe("综合得分 86.50，良；发现 3 个问题");
  });

  test("counts: 第 12 / 300 张表 while the sheets are checked, the bar moving within the step", async () => {
    const recalc = controlledRecalc();
    renderInFluent(<App host={fakeHost({ recalculate: recalc.recalculate })} strings={zh} />);
    fireEvent.click(recalcButton());
    act(() => recalc.step("read"));
    act(() => recalc.options()!.onCounts!("read", { done: 300, total: 300 }));
    expect(screen.getByTestId("step-counts").textContent).toBe("已读取 300 / 300 张工作表");
    act(() => recalc.step("validate"));
    act(() => recalc.options()!.onCounts!("validate", { done: 12, total: 300 }));
    expect(screen.getByTestId("step-counts").textContent).toBe("第 12 / 300 张表");
    const progress = screen.getByRole("progressbar", { name: "重算进度" });
    expect(Number(progress.getAttribute("aria-valuenow"))).toBeCloseTo((2 + 12 / 300) / 5);
    // The status region stays through the run and after it, for the result.
    await act(async () => recalc.resolve(SAMPLE_RESULTS));
    expect(screen.getByTestId("announcer").textContent).toBe("综合得分 86.50，良；发现 4 个问题");
  });

  test("the status region says the counts every few seconds, not at every sheet", async () => {
    let now = 1_000_000;
    jest.spyOn(Date, "now").mockImplementation(() => now);
    try {
      const recalc = controlledRecalc();
      renderInFluent(<App host={fakeHost({ recalculate: recalc.recalculate })} strings={zh} />);
      fireEvent.click(recalcButton());
      act(() => recalc.step("validate"));
      const announcer = screen.getByTestId("announcer");
      expect(announcer.textContent).toBe("正在校验…");
      now += 1000;
      act(() => recalc.options()!.onCounts!("validate", { done: 5, total: 300 }));
      expect(announcer.textContent).toBe("正在校验…");
      now += 2000;
      act(() => recalc.options()!.onCounts!("validate", { done: 12, total: 300 }));
      expect(announcer.textContent).toBe("正在校验… 第 12 / 300 张表");
      now += 1000;
      act(() => recalc.options()!.onCounts!("validate", { done: 20, total: 300 }));
      expect(announcer.textContent).toBe("正在校验… 第 12 / 300 张表");
      expect(screen.getByTestId("step-counts").textContent).toBe("第 20 / 300 张表");
      await act(async () => recalc.resolve(SAMPLE_RESULTS));
    } finally {
      jest.restoreAllMocks();
    }
  });

  test("取消重算 during a first run: the run is aborted, the pane says the workbook was not changed and is idle again", async () => {
    const recalc = controlledRecalc();
    const host = fakeHost({ recalculate: recalc.recalculate });
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());
    act(() => recalc.step("detect"));
    act(() => recalc.options()!.onCounts!("detect", { done: 12, total: 300 }));
    expect(screen.getByTestId("step-counts").textContent).toBe("第 12 / 300 张表");
    fireEvent.click(screen.getByRole("button", { name: "取消重算" }));
    expect(recalc.options()!.signal!.aborted).toBe(true);
    // Until the host stops at its next pause, the button says the cancel is under way.
    expect(screen.getByRole("button", { name: "正在取消…" }).getAttribute("aria-disabled")).toBe("true");
    await act(async () => recalc.reject(new CancelledError()));
    // Shown in a message bar and announced.
    expect(screen.getAllByText("已取消，工作簿未改动。")).toHaveLength(2);
    expect(screen.getByTestId("announcer").textContent).toBe("已取消，工作簿未改动。");
    expect(screen.getByText(/点击“一键重算”/)).toBeTruthy();
    expect(screen.queryByRole("progressbar", { name: "重算进度" })).toBeNull();
    expect(recalcButton().disabled).toBe(false);
  });

  test("取消重算 after earlier results: they stay on screen, as the workbook they describe is unchanged", async () => {
    let call = 0;
    const second = controlledRecalc();
    const host = fakeHost({ recalculate: (...args) => (++call === 1 ? Promise.resolve(SAMPLE_RESULTS) : second.recalculate(...args)) });
    renderInFluent(<App host={host} strings={zh} />);
    fireEvent.click(recalcButton());
    expect((await screen.findByTestId("total")).textContent).toBe("86.50");

    fireEvent.click(recalcButton());
    act(() => second.step("validate"));
    expect(screen.queryByTestId("total")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "取消重算" }));
    await act(async () => second.reject(new CancelledError()));
    expect(screen.getByTestId("total").textContent).toBe("86.50");
    expect(screen.getByRole("heading", { name: "发现的问题（4）" })).toBeTruthy();
    expect(screen.getAllByText("已取消，工作簿未改动。")).toHaveLength(2);
  });

  test("at the write step 取消重算 is no longer offered, and the pane says why", async () => {
    const recalc = controlledRecalc();
    renderInFluent(<App host={fakeHost({ recalculate: recalc.recalculate }, "en")} strings={en} />);
    fireEvent.click(screen.getByRole("button", { name: "Recalculate" }));
    act(() => recalc.step("validate"));
    act(() => recalc.options()!.onCounts!("validate", { done: 12, total: 300 }));
    expect(screen.getByTestId("step-counts").textContent).toBe("Sheet 12 of 300");
    expect(screen.getByRole("button", { name: "Cancel" })).toBeTruthy();
    act(() => recalc.step("write"));
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
    expect(screen.getByText("Writing all results in one batch; this cannot be cancelled.")).toBeTruthy();
    await act(async () => recalc.resolve(SAMPLE_RESULTS));
  });

  test("边改边查: edits re-check the workbook once they settle; switching it off stops watching", async () => {
    let changed: (() => void) | undefined;
    const stop = jest.fn(async () => undefined);
    const host = fakeHost({
      watchChanges: async (onChange) => {
        changed = onChange;
        return stop;
      },
    });
    renderInFluent(<App host={host} strings={zh} settleMs={0} />);
    fireEvent.click(screen.getByRole("switch", { name: "边改边查" }));
    await waitFor(() => expect(host.watchChanges).toHaveBeenCalledTimes(1));
    act(() => changed!());
    act(() => changed!());
    await waitFor(() => expect(host.check).toHaveBeenCalledTimes(1));
    expect(await screen.findByTestId("total")).toBeTruthy();
    fireEvent.click(screen.getByRole("switch", { name: "边改边查" }));
    await waitFor(() => expect(stop).toHaveBeenCalled());
  });

  test("English when the host's language is en", async () => {
    const host = fakeHost({}, "en");
    renderInFluent(<App host={host} strings={await loadStrings(paneLanguage(host))} />);
    expect(screen.getByRole("heading", { level: 1, name: "Self-Evaluation Assistant" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Undo last recalculation" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Scoring profile" })).toBeTruthy();
    expect(screen.queryByText(/一键重算/)).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Recalculate" }));
    expect(await screen.findByText("Total score")).toBeTruthy();
    expect(screen.getByText("Grade")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Findings (4)" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Error (2)" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByText("Error: Execution rate wrong")).toBeTruthy();
    expect(screen.getByText("rate-mismatch")).toBeTruthy();
    expect(screen.getByRole("progressbar", { name: "产出指标: 45 of 50" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Filter by rule" })).toBeTruthy();

    fireEvent.click(screen.getByRole("tab", { name: "Scoring profile" }));
    expect(screen.getByLabelText("Budget execution weight")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Export JSON" })).toBeTruthy();
  });
});
