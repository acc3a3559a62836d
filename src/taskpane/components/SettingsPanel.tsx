/* global FileReader */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import Button from "./PaneButton";
import PaneText from "./PaneText";
import { DECIMALS_RANGE, DEFAULT_PROFILE, NegativeFormula, Profile, profileFromJson } from "../../core/profile";
import { PRESETS, presetProfile } from "../../core/presets";
import { BAND_KEYS, BandKey, FormErrors, formToProfile, ProfileForm, profileToForm } from "../profile-form";
import NoticeBar from "./NoticeBar";
import PaneField from "./PaneField";
import PaneInput from "./PaneInput";
import PaneRadioGroup from "./PaneRadioGroup";
import PaneSelect from "./PaneSelect";
import PaneSwitch from "./PaneSwitch";
import { visuallyHidden } from "./styles";
import { download } from "../download";
import { errorText, Strings } from "../strings";

/** Where the autosave stands: the pane saves every valid edit shortly after it is made. */
export type SaveStatus =
  | { kind: "none" }
  | { kind: "saved" }
  | { kind: "failed"; message: string };

export interface SettingsPanelProps {
  /** The profile being edited; kept by the App so a tab switch never drops an edit. */
  form: ProfileForm;
  /** The profile in use (the base for fields the form does not show). */
  profile: Profile;
  onChange: (form: ProfileForm) => void;
  status: SaveStatus;
  strings: Strings;
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
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr) auto",
    alignItems: "end",
    columnGap: tokens.spacingHorizontalS,
  },
  band: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", alignItems: "end", columnGap: tokens.spacingHorizontalS },
  bandError: { gridColumnStart: 1, gridColumnEnd: 3, color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  file: visuallyHidden,
});

/** The settings as a form: every key of the profile, presets, and the profile as a JSON file. */
const SettingsPanel: React.FC<SettingsPanelProps> = ({ form, profile, onChange, status, strings, disabled = false }) => {
  const styles = useStyles();
  const s = strings.settings;
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [importError, setImportError] = React.useState<string | null>(null);
  const [presetId, setPresetId] = React.useState("");
  const checked = formToProfile(form, profile, strings);
  const errors: FormErrors = checked.ok ? {} : checked.errors;

  const edit = (patch: Partial<ProfileForm>) => onChange({ ...form, ...patch });
  const editBand = (key: BandKey, end: "low" | "high", value: string) =>
    edit({ bands: { ...form.bands, [key]: { ...form.bands[key], [end]: value } } });
  const editGrade = (index: number, patch: Partial<ProfileForm["grades"][number]>) =>
    edit({ grades: form.grades.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  const validation = (field: keyof FormErrors) =>
    errors[field] ? { validationState: "error" as const, validationMessage: errors[field] } : {};

  const exportJson = () => {
    const source = checked.ok ? checked.profile : profile;
    download(JSON.stringify(source, null, 2), "jixiao-profile.json", "application/json");
  };

  const importJson = (file: File) => {
    const reader = new FileReader();
    reader.onload = () => {
      try {
        onChange(profileToForm(profileFromJson(JSON.parse(String(reader.result)), DEFAULT_PROFILE)));
        setImportError(null);
      } catch (error) {
        setImportError(errorText(error, strings));
      }
    };
    reader.readAsText(file);
  };

  const preset = PRESETS.find((p) => p.id === presetId);

  return (
    <form className={styles.form} onSubmit={(event) => event.preventDefault()} noValidate aria-label={s.title}>
      <PaneField label={s.preset} hint={s.presetHint}>
        {(props) => (
          <PaneSelect
            {...props}
            value={presetId}
            disabled={disabled}
            onChange={(value) => {
              setPresetId(value);
              const chosen = PRESETS.find((p) => p.id === value);
              if (chosen) onChange(profileToForm(presetProfile(chosen)));
            }}
          >
            <option value="">—</option>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name[strings.lang]}
              </option>
            ))}
          </PaneSelect>
        )}
      </PaneField>
      {preset && <p className={styles.hint}>{`${s.presetSource}：${preset.source}`}</p>}

      <PaneField label={s.name}>
        <PaneInput value={form.name} onChange={(value) => edit({ name: value })} />
      </PaneField>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{s.grades}</legend>
        {form.grades.map((row, index) => (
          <div key={index} className={styles.pair}>
            <PaneField label={s.gradeMin} {...validation(`grades.${index}`)}>
              <PaneInput inputMode="decimal" value={row.min} onChange={(value) => editGrade(index, { min: value })} />
            </PaneField>
            <PaneField label={s.gradeLabel}>
              <PaneInput value={row.label} onChange={(value) => editGrade(index, { label: value })} />
            </PaneField>
            <Button
              type="button"
              aria-label={s.removeGrade(row.label || String(index + 1))}
              disabled={form.grades.length <= 1}
              onClick={() => edit({ grades: form.grades.filter((_, i) => i !== index) })}
            >
              ×
            </Button>
          </div>
        ))}
        <div className={styles.actions}>
          <Button type="button" size="small" onClick={() => edit({ grades: [...form.grades, { min: "0", label: "" }] })}>
            {s.addGrade}
          </Button>
        </div>
      </fieldset>

      <PaneField label={s.budgetWeight} hint={s.budgetWeightHint} {...validation("budgetWeight")}>
        <PaneInput inputMode="decimal" value={form.budgetWeight} onChange={(value) => edit({ budgetWeight: value })} />
      </PaneField>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{s.qualitative}</legend>
        <p className={styles.hint}>{s.qualitativeHint}</p>
        {BAND_KEYS.map((key) => (
          <div key={key} className={styles.band}>
            <PaneField label={`${s[key]} ${s.low}`} {...validation(`${key}.low`)}>
              <PaneInput inputMode="decimal" value={form.bands[key].low} onChange={(value) => editBand(key, "low", value)} />
            </PaneField>
            <PaneField label={`${s[key]} ${s.high}`} {...validation(`${key}.high`)}>
              <PaneInput inputMode="decimal" value={form.bands[key].high} onChange={(value) => editBand(key, "high", value)} />
            </PaneField>
            {errors[`${key}.order`] && (
              <span className={styles.bandError} role="alert">
                {`${s[key]} — ${errors[`${key}.order`]}`}
              </span>
            )}
          </div>
        ))}
      </fieldset>

      <PaneField label={s.negativeFormula}>
        {(fieldProps) => (
          <PaneRadioGroup<NegativeFormula>
            {...fieldProps}
            value={form.negativeFormula}
            options={[
              { value: "ratio", label: s.formulas.ratio },
              { value: "linear", label: s.formulas.linear },
            ]}
            onChange={(negativeFormula) => edit({ negativeFormula })}
          />
        )}
      </PaneField>

      <PaneField label={s.overAchievement} hint={s.overAchievementHint} {...validation("overAchievement")}>
        <PaneInput inputMode="decimal" value={form.overAchievement} onChange={(value) => edit({ overAchievement: value })} />
      </PaneField>
      <PaneField label={s.scoreDecimals} hint={s.decimalsHint(...DECIMALS_RANGE.scoreDecimals)} {...validation("scoreDecimals")}>
        <PaneInput inputMode="numeric" value={form.scoreDecimals} onChange={(value) => edit({ scoreDecimals: value })} />
      </PaneField>
      <PaneField label={s.rateDecimals} hint={s.decimalsHint(...DECIMALS_RANGE.rateDecimals)} {...validation("rateDecimals")}>
        <PaneInput inputMode="numeric" value={form.rateDecimals} onChange={(value) => edit({ rateDecimals: value })} />
      </PaneField>

      <PaneField hint={s.markCellsHint}>
        <PaneSwitch label={s.markCells} checked={form.markCells} onChange={(markCells) => edit({ markCells })} />
      </PaneField>

      <div role="status" aria-live="polite">
        {status.kind === "saved" && <PaneText>{s.autosaved}</PaneText>}
      </div>
      {!checked.ok && <NoticeBar intent="warning">{checked.message ?? s.unsavedInvalid}</NoticeBar>}
      {status.kind === "failed" && (
        <NoticeBar intent="error" title={s.saveFailed}>
          {status.message}
        </NoticeBar>
      )}
      {importError && <NoticeBar intent="error">{importError}</NoticeBar>}

      <div className={styles.actions}>
        <Button type="button" onClick={() => onChange(profileToForm(DEFAULT_PROFILE))} disabled={disabled}>
          {s.resetDefault}
        </Button>
        <Button type="button" onClick={exportJson}>
          {s.exportProfile}
        </Button>
        <Button type="button" onClick={() => fileInput.current?.click()} disabled={disabled}>
          {s.importProfile}
        </Button>
        <input
          ref={fileInput}
          className={styles.file}
          type="file"
          accept=".json,application/json"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) importJson(file);
            event.target.value = "";
          }}
        />
      </div>
    </form>
  );
};

export default SettingsPanel;
