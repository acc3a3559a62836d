/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { DEFAULT_PROFILE, Profile } from "../../core/profile";
import { PRESETS, presetProfile } from "../../core/presets";
import { formToProfile, ProfileForm, profileToForm } from "../profile-form";
import { zh } from "../strings";
import SettingsPanel from "./SettingsPanel";
import { renderInFluent } from "./test-helpers";

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

/** The panel as the App drives it: the form is state outside it, changed through onChange. */
function Harness({ profile, onForm }: { profile: Profile; onForm: (form: ProfileForm) => void }) {
  const [form, setForm] = React.useState(() => profileToForm(profile));
  return (
    <SettingsPanel
      form={form}
      profile={profile}
      onChange={(next) => {
        setForm(next);
        onForm(next);
      }}
      status={{ kind: "none" }}
      strings={zh}
    />
  );
}

function setup(profile: Profile = CUSTOM) {
  const forms: ProfileForm[] = [];
  renderInFluent(<Harness profile={profile} onForm={(f) => forms.push(f)} />);
  const last = () => formToProfile(forms[forms.length - 1], profile, zh);
  return { forms, last };
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe("SettingsPanel", () => {
  test("the formula for negative indicators is a radio group named by its field; choosing one edits the profile", () => {
    const { last } = setup();
    const group = screen.getByRole("radiogroup", { name: "反向指标（≤ 目标）超出时的得分" });
    const [ratio, linear] = Array.from(group.querySelectorAll('input[type="radio"]')) as HTMLInputElement[];
    expect([ratio.checked, linear.checked]).toEqual([false, true]);
    fireEvent.click(screen.getByRole("radio", { name: /按比例/ }));
    expect(last()).toMatchObject({ profile: { negativeFormula: "ratio" } });
    expect(ratio.checked).toBe(true);
  });

  test("grades as a small table, highest first; rows can be added and removed", () => {
    const { last } = setup();
    expect(screen.getAllByLabelText("等次").map((i) => (i as HTMLInputElement).value)).toEqual(["优秀", "合格", "不合格"]);
    fireEvent.click(screen.getByRole("button", { name: "添加等次" }));
    fireEvent.change(screen.getAllByLabelText("最低分")[3], { target: { value: "75" } });
    fireEvent.change(screen.getAllByLabelText("等次")[3], { target: { value: "良好" } });
    fireEvent.click(screen.getByRole("button", { name: "删除等次“合格”" }));
    const result = last();
    expect(result.ok && result.profile.grades).toEqual([
      { min: 85, label: "优秀" },
      { min: 75, label: "良好" },
      { min: 0, label: "不合格" },
    ]);
  });

  test("a grade without a label or a decimals value that is not a whole number is marked, and the form says it is not saved", () => {
    const { last } = setup();
    fireEvent.change(screen.getAllByLabelText("等次")[0], { target: { value: "" } });
    fireEvent.change(input("得分保留小数位数"), { target: { value: "1.5" } });
    const result = last();
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(["grades.0", "scoreDecimals"]);
    expect(screen.getByText("应为 0 到 6 的整数")).toBeTruthy();
    expect(screen.getByText("有未保存的修改：请改正标出的设置，改正后自动保存。")).toBeTruthy();
  });

  test("the decimals fields take what a profile takes, said at the field (review round 33: 0 到 10, then a JSON key's error)", () => {
    const { last } = setup();
    expect(screen.getByText("2 到 8 的整数")).toBeTruthy();
    fireEvent.change(input("得分保留小数位数"), { target: { value: "8" } });
    fireEvent.change(input(zh.settings.rateDecimals), { target: { value: "1" } });
    const result = last();
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(["rateDecimals", "scoreDecimals"]);
    expect(screen.getByText("应为 2 到 8 的整数")).toBeTruthy();
    fireEvent.change(input("得分保留小数位数"), { target: { value: "6" } });
    fireEvent.change(input(zh.settings.rateDecimals), { target: { value: "8" } });
    expect(last().ok).toBe(true);
  });

  test("a text box (the pane's own PaneInput) is named by its Field's label, described by its hint, and marked invalid with its message", () => {
    setup();
    const box = input("预算执行率分值");
    const described = () => (box.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described()).toEqual([zh.settings.budgetWeightHint]);
    expect(box.getAttribute("aria-invalid")).toBeNull();
    fireEvent.change(box, { target: { value: "120" } });
    expect(box.getAttribute("aria-invalid")).toBe("true");
    expect(described()).toEqual([zh.settings.numberInvalid, zh.settings.budgetWeightHint]);
  });

  test("the switch for marking cells is named by its own label and described by its field's hint, as Fluent's Switch was", () => {
    setup();
    const toggle = screen.getByRole("switch", { name: zh.settings.markCells });
    expect(document.getElementById(toggle.getAttribute("aria-describedby") ?? "")?.textContent).toBe(zh.settings.markCellsHint);
  });

  test("import takes the same JSON as --profile; a bad file says which setting is wrong", async () => {
    const { last } = setup(DEFAULT_PROFILE);
    const file = (text: string) => new File([text], "profile.json", { type: "application/json" });
    const chooser = document.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(chooser, { target: { files: [file(JSON.stringify({ budgetWeight: 20, grades: "85:优秀,0:较差", rateDecimals: 2 }))] } });
    await waitFor(() => expect(input("预算执行率分值").value).toBe("20"));
    const result = last();
    expect(result.ok && result.profile).toEqual({ ...DEFAULT_PROFILE, budgetWeight: 20, rateDecimals: 2, grades: [{ min: 85, label: "优秀" }, { min: 0, label: "较差" }] });

    fireEvent.change(chooser, { target: { files: [file(JSON.stringify({ budgetWieght: 20 }))] } });
    expect(await screen.findByText("评分方案中不认识的设置：budgetWieght")).toBeTruthy();
    expect(input("预算执行率分值").value).toBe("20");
  });

  test("the preset list (the pane's own PaneSelect) is named by its Field's label and described by its hint, as Fluent's Select was", () => {
    setup(DEFAULT_PROFILE);
    const select = screen.getByRole("combobox", { name: "预设方案" });
    expect(document.getElementById(select.getAttribute("aria-describedby") ?? "")?.textContent).toBe(zh.settings.presetHint);
  });

  test("each preset is offered; choosing one fills the form with its profile and shows its source", () => {
    const { last } = setup(DEFAULT_PROFILE);
    const select = screen.getByRole("combobox", { name: "预设方案" }) as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(["", ...PRESETS.map((p) => p.id)]);
    for (const preset of PRESETS) {
      fireEvent.change(select, { target: { value: preset.id } });
      const result = last();
      expect(result.ok && result.profile).toEqual(presetProfile(preset));
      expect(input("预算执行率分值").value).toBe(String(presetProfile(preset).budgetWeight));
      expect(screen.getByText(`依据：${preset.source}`)).toBeTruthy();
    }
  });

  test("restore defaults refills the form from DEFAULT_PROFILE", () => {
    const { last } = setup();
    fireEvent.click(screen.getByRole("button", { name: "恢复默认值" }));
    const result = last();
    expect(result.ok && result.profile).toEqual(DEFAULT_PROFILE);
  });
});
