/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { DEFAULT_PROFILE, Profile } from "../../core/profile";
import { STRINGS } from "../strings";
import SettingsPanel from "./SettingsPanel";
import { deferred, renderInFluent } from "./test-helpers";

jest.setTimeout(30000);

const CUSTOM: Profile = {
  ...DEFAULT_PROFILE,
  name: "某区方案",
  budgetWeight: 15,
  grades: [
    { min: 60, label: "合格" },
    { min: 85, label: "优秀" },
    { min: 0, label: "不合格" },
  ],
  qualitative: { achieved: [0.8, 1], partial: [0.5, 0.8], notAchieved: [0, 0.5] },
  negativeFormula: "linear",
  overAchievement: 1.2,
  markCells: false,
  scoreDecimals: 1,
};

function setup(
  profile: Profile = CUSTOM,
  onSave: jest.Mock<Promise<void>, [Profile]> = jest.fn<Promise<void>, [Profile]>(async () => undefined),
) {
  renderInFluent(<SettingsPanel profile={profile} strings={STRINGS.zh} onSave={onSave} />);
  return { onSave };
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const save = () => fireEvent.click(screen.getByRole("button", { name: "保存方案" }));

describe("SettingsPanel", () => {
  test("starts from the profile in use", () => {
    setup();
    expect(input("方案名称").value).toBe("某区方案");
    expect(input("等次划分").value).toBe("85:优秀,60:合格,0:不合格");
    expect(input("预算执行率分值").value).toBe("15");
    expect(input("部分达成 下限 %").value).toBe("50");
    expect(input("部分达成 上限 %").value).toBe("80");
    expect(input("未达成 上限 %").value).toBe("50");
    expect(input("超额完成阈值 %").value).toBe("120");
    expect((screen.getByRole("radio", { name: /线性递减/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("switch", { name: "用颜色标记有问题的单元格" }) as HTMLInputElement).checked).toBe(false);
  });

  test("saving unchanged settings gives back the same profile, keeping fields the form does not show", async () => {
    const { onSave } = setup();
    save();
    await screen.findByText("评分方案已保存，下次重算时使用。");
    expect(onSave).toHaveBeenCalledWith({
      ...CUSTOM,
      grades: [
        { min: 85, label: "优秀" },
        { min: 60, label: "合格" },
        { min: 0, label: "不合格" },
      ],
    });
  });

  test("invalid fields are marked and nothing is saved", async () => {
    const { onSave } = setup();
    fireEvent.change(input("等次划分"), { target: { value: "优秀 85" } });
    fireEvent.change(input("预算执行率分值"), { target: { value: "十" } });
    fireEvent.change(input("达成 下限 %"), { target: { value: "90" } });
    fireEvent.change(input("达成 上限 %"), { target: { value: "85" } });
    fireEvent.change(input("超额完成阈值 %"), { target: { value: "90" } });
    save();

    expect(await screen.findByText("请先改正标出的设置。")).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText(STRINGS.zh.settings.gradesInvalid)).toBeTruthy();
    expect(screen.getByText("应为不小于 100 的数")).toBeTruthy();
    expect(screen.getByText("达成 — 下限不能高于上限").getAttribute("role")).toBe("alert");
    expect(input("等次划分").getAttribute("aria-invalid")).toBe("true");
    expect(input("预算执行率分值").getAttribute("aria-invalid")).toBe("true");
    expect(input("达成 下限 %").getAttribute("aria-invalid")).toBeNull();

    // Correcting them lets the profile through.
    fireEvent.change(input("等次划分"), { target: { value: "85:优秀,0:不合格" } });
    fireEvent.change(input("预算执行率分值"), { target: { value: "１０" } });
    fireEvent.change(input("达成 上限 %"), { target: { value: "100" } });
    fireEvent.change(input("超额完成阈值 %"), { target: { value: "130%" } });
    save();
    await screen.findByText("评分方案已保存，下次重算时使用。");
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        budgetWeight: 10,
        grades: [
          { min: 85, label: "优秀" },
          { min: 0, label: "不合格" },
        ],
        qualitative: { achieved: [0.9, 1], partial: [0.5, 0.8], notAchieved: [0, 0.5] },
        overAchievement: 1.3,
      }),
    );
  });

  test("restore defaults refills the form from DEFAULT_PROFILE (saved only on Save)", async () => {
    const { onSave } = setup();
    fireEvent.click(screen.getByRole("button", { name: "恢复默认值" }));
    expect(input("等次划分").value).toBe("90:优,80:良,60:中,0:差");
    expect(input("预算执行率分值").value).toBe("10");
    expect(onSave).not.toHaveBeenCalled();
    save();
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    // scoreDecimals is not in the form: it stays the current profile's.
    expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_PROFILE, scoreDecimals: 1 });
  });

  test("while saving the button says so; a failure is shown", async () => {
    const pending = deferred<void>();
    const onSave = jest.fn<Promise<void>, [Profile]>(() => pending.promise);
    setup(CUSTOM, onSave);
    save();
    const busy = (await screen.findByRole("button", { name: "正在保存…" })) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    pending.reject(new Error("文档为只读"));
    expect(await screen.findByText("文档为只读")).toBeTruthy();
    expect(screen.getByText("保存失败")).toBeTruthy();
    expect((screen.getByRole("button", { name: "保存方案" }) as HTMLButtonElement).disabled).toBe(false);
  });
});
