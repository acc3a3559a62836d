/**
 * A drop-down list, as Fluent's Select draws it: a native <select> with a border, a darker line
 * under it and the system's own arrow. The pane's own: Select brought react-select into the pane
 * for two lists. Inside a PaneField, given as its render function's child
 * (`{(props) => <PaneSelect {...props} … />}`), it takes the label's id and the hint's.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { outlineControl, smallControl } from "./styles";

export interface PaneSelectProps extends Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange" | "size"> {
  value: string;
  onChange: (value: string) => void;
  size?: "small" | "medium";
}

const useStyles = makeStyles({
  select: {
    ...outlineControl,
    width: "100%",
    cursor: "pointer",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorCompoundBrandStroke}`, outlineOffset: "-1px" },
  },
  small: smallControl,
});

export default function PaneSelect({ value, onChange, size = "medium", className, children, ...rest }: PaneSelectProps) {
  const styles = useStyles();
  return (
    <select {...rest} className={mergeClasses(styles.select, size === "small" && styles.small, className)} value={value} onChange={(event) => onChange(event.target.value)}>
      {children}
    </select>
  );
}
