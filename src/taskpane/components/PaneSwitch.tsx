/**
 * An on/off setting, as Fluent's Switch draws one: a track with a thumb that moves across when on,
 * its label after it, and a checkbox of role="switch" underneath for the keyboard and assistive
 * technology. The pane's own: Switch brought react-switch and its label into the pane for these
 * few lines. In a PaneField, as Switch was in Fluent's Field, the checkbox is described by the
 * field's hint.
 */
import * as React from "react";
import { createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { usePaneFieldControl } from "./PaneField";

export interface PaneSwitchProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  title?: string;
}

const useStyles = makeStyles({
  root: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, cursor: "pointer", position: "relative" },
  // The checkbox covers the track: clicks and focus land on it, and it stays invisible.
  input: { position: "absolute", left: 0, top: 0, width: "40px", height: "20px", margin: 0, opacity: 0, cursor: "pointer" },
  track: {
    boxSizing: "border-box",
    flexShrink: 0,
    width: "40px",
    height: "20px",
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    backgroundColor: tokens.colorNeutralBackground1,
    display: "flex",
    alignItems: "center",
    padding: "0 3px",
    ...createFocusOutlineStyle({ selector: "focus-within" }),
  },
  on: { backgroundColor: tokens.colorCompoundBrandBackground, border: `${tokens.strokeWidthThin} solid transparent`, justifyContent: "flex-end" },
  thumb: { width: "12px", height: "12px", borderRadius: tokens.borderRadiusCircular, backgroundColor: tokens.colorNeutralForeground3 },
  thumbOn: { backgroundColor: tokens.colorNeutralForegroundOnBrand },
  label: { color: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
});

export default function PaneSwitch({ label, checked, onChange, title }: PaneSwitchProps) {
  const styles = useStyles();
  const field = usePaneFieldControl({}, { supportsLabelFor: true });
  return (
    <label className={styles.root} title={title}>
      <input {...field} type="checkbox" role="switch" className={styles.input} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span className={mergeClasses(styles.track, checked && styles.on)} aria-hidden="true">
        <span className={mergeClasses(styles.thumb, checked && styles.thumbOn)} />
      </span>
      <span className={styles.label}>{label}</span>
    </label>
  );
}
