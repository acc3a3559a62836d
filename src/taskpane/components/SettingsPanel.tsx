import * as React from "react";
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Switch,
  tokens,
} from "@fluentui/react-components";
import { DEFAULT_PROFILE, NegativeFormula, Profile } from "../../core/profile";
import { BAND_KEYS, BandKey, FormErrors, formToProfile, ProfileForm, profileToForm } from "../profile-form";
import { errorText, Strings } from "../strings";

export interface SettingsPanelProps {
  /** The profile in use; the form starts from it. */
  profile: Profile;
  strings: Strings;
  /** Saves the edited profile (through the host) and makes it the one in use. */
  onSave: (profile: Profile) => Promise<void>;
  disabled?: boolean;
}

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  fieldset: {
    // Fieldsets default to min-inline-size: min-content, which would push the pane wider than Excel's.
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  band: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    alignItems: "end",
    columnGap: tokens.spacingHorizontalS,
  },
  bandInput: { minWidth: 0 },
  bandError: {
    gridColumnStart: 1,
    gridColumnEnd: 3,
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Status =
  { kind: "none" } | { kind: "saved" } | { kind: "invalid"; message?: string } | { kind: "failed"; message: string };

/** Edits the scoring profile: grades, budget weight, qualitative bands, negative formula, over-achievement, marking. */
const SettingsPanel: React.FC<SettingsPanelProps> = ({ profile, strings, onSave, disabled = false }) => {
  const styles = useStyles();
  const s = strings.settings;
  const [form, setForm] = React.useState<ProfileForm>(() => profileToForm(profile));
  const [errors, setErrors] = React.useState<FormErrors>({});
  const [status, setStatus] = React.useState<Status>({ kind: "none" });
  const [saving, setSaving] = React.useState(false);

  const edit = (patch: Partial<ProfileForm>) => {
    setForm((prev) => ({ ...prev, ...patch }));
    setStatus({ kind: "none" });
  };
  const editBand = (key: BandKey, end: "low" | "high", value: string) => {
    setForm((prev) => ({ ...prev, bands: { ...prev.bands, [key]: { ...prev.bands[key], [end]: value } } }));
    setStatus({ kind: "none" });
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = formToProfile(form, profile, strings);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus({ kind: "invalid", message: result.message });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSave(result.profile);
      setStatus({ kind: "saved" });
    } catch (error) {
      setStatus({ kind: "failed", message: errorText(error, strings) });
    } finally {
      setSaving(false);
    }
  };

  const reset = () => {
    setForm(profileToForm(DEFAULT_PROFILE));
    setErrors({});
    setStatus({ kind: "none" });
  };

  const validation = (field: keyof FormErrors) =>
    errors[field] ? { validationState: "error" as const, validationMessage: errors[field] } : {};

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={s.title}>
      <Field label={s.name}>
        <Input value={form.name} onChange={(_, data) => edit({ name: data.value })} />
      </Field>
      <Field label={s.grades} hint={s.gradesHint} {...validation("grades")}>
        <Input value={form.grades} onChange={(_, data) => edit({ grades: data.value })} />
      </Field>
      <Field label={s.budgetWeight} hint={s.budgetWeightHint} {...validation("budgetWeight")}>
        <Input
          inputMode="decimal"
          value={form.budgetWeight}
          onChange={(_, data) => edit({ budgetWeight: data.value })}
        />
      </Field>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{s.qualitative}</legend>
        <p className={styles.hint}>{s.qualitativeHint}</p>
        {BAND_KEYS.map((key) => (
          <div key={key} className={styles.band}>
            <Field label={`${s[key]} ${s.low}`} {...validation(`${key}.low`)}>
              <Input
                className={styles.bandInput}
                inputMode="decimal"
                value={form.bands[key].low}
                onChange={(_, data) => editBand(key, "low", data.value)}
              />
            </Field>
            <Field label={`${s[key]} ${s.high}`} {...validation(`${key}.high`)}>
              <Input
                className={styles.bandInput}
                inputMode="decimal"
                value={form.bands[key].high}
                onChange={(_, data) => editBand(key, "high", data.value)}
              />
            </Field>
            {errors[`${key}.order`] && (
              <span className={styles.bandError} role="alert">
                {`${s[key]} — ${errors[`${key}.order`]}`}
              </span>
            )}
          </div>
        ))}
      </fieldset>

      <Field label={s.negativeFormula}>
        <RadioGroup
          value={form.negativeFormula}
          onChange={(_, data) => edit({ negativeFormula: data.value as NegativeFormula })}
        >
          <Radio value="ratio" label={s.formulas.ratio} />
          <Radio value="linear" label={s.formulas.linear} />
        </RadioGroup>
      </Field>

      <Field label={s.overAchievement} hint={s.overAchievementHint} {...validation("overAchievement")}>
        <Input
          inputMode="decimal"
          value={form.overAchievement}
          onChange={(_, data) => edit({ overAchievement: data.value })}
        />
      </Field>

      <Field hint={s.markCellsHint}>
        <Switch
          label={s.markCells}
          checked={form.markCells}
          onChange={(_, data) => edit({ markCells: data.checked })}
        />
      </Field>

      {status.kind === "saved" && (
        <MessageBar intent="success">
          <MessageBarBody>{s.saved}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "invalid" && (
        <MessageBar intent="warning">
          <MessageBarBody>{status.message ?? s.invalid}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{s.saveFailed}</MessageBarTitle>
            {status.message}
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={disabled || saving}>
          {saving ? s.saving : s.save}
        </Button>
        <Button type="button" onClick={reset} disabled={disabled || saving}>
          {s.resetDefault}
        </Button>
      </div>
    </form>
  );
};

export default SettingsPanel;
