/**
 * A one-line text box, as Fluent's Input draws it (see `outlineControl`), invalid in red. The
 * pane's own: Input brought react-input into the pane for plain text boxes. Put in a PaneField
 * as Input was in Fluent's Field, it takes the field's label, hint, validation state and size.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { usePaneFieldControl } from "./PaneField";
import { outlineControl, smallControl } from "./styles";

export interface PaneInputProps extends Omit<React.InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "size"> {
  value: string;
  onChange: (value: string) => void;
  size?: "small" | "medium";
}

const useStyles = makeStyles({
  input: {
    ...outlineControl,
    minWidth: 0,
    ":hover": { borderTopColor: tokens.colorNeutralStroke1Hover, borderRightColor: tokens.colorNeutralStroke1Hover, borderLeftColor: tokens.colorNeutralStroke1Hover },
    ":focus-visible": {
      outlineStyle: "none",
      borderBottomColor: tokens.colorCompoundBrandStroke,
      boxShadow: `inset 0 -1px 0 ${tokens.colorCompoundBrandStroke}`,
    },
    '&[aria-invalid="true"]': { borderTopColor: tokens.colorPaletteRedBorder2, borderRightColor: tokens.colorPaletteRedBorder2, borderLeftColor: tokens.colorPaletteRedBorder2, borderBottomColor: tokens.colorPaletteRedBorder2 },
    "::placeholder": { color: tokens.colorNeutralForeground4 },
  },
  small: smallControl,
});

export default function PaneInput(props: PaneInputProps) {
  const { value, onChange, size = "medium", className, ...rest } = usePaneFieldControl(props, { supportsLabelFor: true, supportsSize: true });
  const styles = useStyles();
  return (
    <input
      {...rest}
      className={mergeClasses(styles.input, size === "small" && styles.small, className)}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
