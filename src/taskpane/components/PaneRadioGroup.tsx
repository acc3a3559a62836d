/**
 * A choice of one of a few options, as Fluent's RadioGroup draws it: native radio inputs in a
 * role="radiogroup", each with its label after it. The pane's own: RadioGroup brought react-radio
 * into the pane for one setting. Inside a PaneField, given as its render function's child
 * (`{(props) => <PaneRadioGroup {...props} … />}`), it takes the label's id and the hint's.
 */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

export interface PaneRadioGroupProps<V extends string> {
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
  /** Given by a PaneField around the group (its PaneFieldControlProps). */
  id?: string;
  "aria-labelledby"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: React.AriaAttributes["aria-invalid"];
  "aria-required"?: React.AriaAttributes["aria-required"];
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalXXS },
  option: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, cursor: "pointer" },
  input: { width: "16px", height: "16px", margin: 0, accentColor: tokens.colorCompoundBrandBackground, cursor: "pointer" },
  label: { color: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
});

export default function PaneRadioGroup<V extends string>({ value, options, onChange, id, ...aria }: PaneRadioGroupProps<V>) {
  const styles = useStyles();
  const name = React.useId();
  return (
    <div role="radiogroup" id={id} className={styles.root} {...aria}>
      {options.map((option) => (
        <label key={option.value} className={styles.option}>
          <input
            type="radio"
            className={styles.input}
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          <span className={styles.label}>{option.label}</span>
        </label>
      ))}
    </div>
  );
}
