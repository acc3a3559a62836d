/**
 * A drop-down list, as Fluent's Select draws it: a native <select> with a border, a darker line
 * under it and the system's own arrow. The pane's own: Select brought react-select into the pane
 * for two lists. Inside a Fluent Field, given as its render function's child
 * (`{(props) => <PaneSelect {...props} … />}`), it takes the label's id and the hint's.
 */
import * as React from "react";
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";

export interface PaneSelectProps extends Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange" | "size"> {
  value: string;
  onChange: (value: string) => void;
  size?: "small" | "medium";
}

const useStyles = makeStyles({
  select: {
    boxSizing: "border-box",
    width: "100%",
    height: "32px",
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    cursor: "pointer",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorCompoundBrandStroke}`, outlineOffset: "-1px" },
    ":disabled": { cursor: "not-allowed", color: tokens.colorNeutralForegroundDisabled, ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled) },
  },
  small: { height: "24px", fontSize: tokens.fontSizeBase200 },
});

export default function PaneSelect({ value, onChange, size = "medium", className, children, ...rest }: PaneSelectProps) {
  const styles = useStyles();
  return (
    <select {...rest} className={mergeClasses(styles.select, size === "small" && styles.small, className)} value={value} onChange={(event) => onChange(event.target.value)}>
      {children}
    </select>
  );
}
