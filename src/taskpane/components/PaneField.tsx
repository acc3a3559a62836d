/**
 * A labelled form field, as Fluent's Field draws one (vertical, medium or small): its label above
 * the control, then its validation message (red, with Fluent's diamond icon, for an error; an
 * orange triangle for a warning), then its hint, in grey caption type. The pane's own: Field
 * brought react-field and react-label into the pane.
 *
 * As Fluent's Field does, it hands its control the ids through a context: a control that reads it
 * (`usePaneFieldControl`, as PaneInput does) takes the label's `htmlFor` as its id, and is
 * described by the message and the hint and marked invalid on an error. A control given as a render
 * function (`{(props) => <PaneSelect {...props} … />}`) gets the same props, named by the label's id.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { DiamondDismiss12Filled, Warning12Filled } from "@fluentui/react-icons";

export type PaneFieldState = "error" | "warning" | "none";

/** What a control in a field is given: its id, what names and describes it, and whether it is invalid. */
export interface PaneFieldControlProps {
  id?: string;
  size?: "small" | "medium";
  "aria-labelledby"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: React.AriaAttributes["aria-invalid"];
}

export interface PaneFieldProps {
  label?: string;
  hint?: string;
  validationMessage?: string;
  /** "error" by default when there is a validation message, as in Fluent. */
  validationState?: PaneFieldState;
  size?: "small" | "medium";
  className?: string;
  children: React.ReactNode | ((props: PaneFieldControlProps) => React.ReactNode);
}

interface FieldContext {
  controlId: string;
  labelId?: string;
  hintId?: string;
  messageId?: string;
  state: PaneFieldState;
  size: "small" | "medium";
}

const Context = React.createContext<FieldContext | undefined>(undefined);

/**
 * A control's props with its field's added (none of them overriding the control's own, but
 * aria-describedby, which lists the message and the hint first), as Fluent's
 * useFieldControlProps_unstable: a control that is a labelable element (`supportsLabelFor`) is
 * named by the label's `for`, any other by aria-labelledby.
 */
export function fieldControlProps<P extends PaneFieldControlProps>(
  field: FieldContext | undefined,
  props: P,
  options: { supportsLabelFor?: boolean; supportsSize?: boolean } = {},
): P {
  if (!field) return props;
  const out: P = { ...props };
  out.id ??= field.controlId;
  if (field.labelId && (!options.supportsLabelFor || out.id !== field.controlId)) out["aria-labelledby"] ??= field.labelId;
  if (field.messageId || field.hintId) {
    out["aria-describedby"] = [field.messageId, field.hintId, props["aria-describedby"]].filter(Boolean).join(" ");
  }
  if (field.state === "error") out["aria-invalid"] ??= true;
  if (options.supportsSize) out.size ??= field.size;
  return out;
}

export function usePaneFieldControl<P extends PaneFieldControlProps>(props: P, options?: { supportsLabelFor?: boolean; supportsSize?: boolean }): P {
  return fieldControlProps(React.useContext(Context), props, options);
}

// Fluent's Field and Label styles, for a vertical field.
const useStyles = makeStyles({
  root: { display: "grid" },
  label: {
    maxWidth: "max-content",
    maxHeight: "max-content",
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    marginBottom: tokens.spacingVerticalXXS,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  labelSmall: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  secondary: {
    marginTop: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase200,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  // A gutter for the icon, so that a message of several lines lines up right of it.
  withIcon: { paddingLeft: `calc(12px + ${tokens.spacingHorizontalXS})` },
  icon: {
    display: "inline-block",
    fontSize: "12px",
    // Into the message's gutter; a line height of 0 and -1px keep the text's line as it is.
    marginLeft: `calc(-12px - ${tokens.spacingHorizontalXS})`,
    marginRight: tokens.spacingHorizontalXS,
    lineHeight: "0",
    verticalAlign: "-1px",
  },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export default function PaneField({ label, hint, validationMessage, validationState = validationMessage ? "error" : "none", size = "medium", className, children }: PaneFieldProps) {
  const styles = useStyles();
  const base = "field-" + React.useId().replace(/:/g, "");
  const field = React.useMemo<FieldContext>(
    () => ({
      controlId: base + "__control",
      labelId: label === undefined ? undefined : base + "__label",
      hintId: hint === undefined ? undefined : base + "__hint",
      messageId: validationMessage === undefined ? undefined : base + "__validationMessage",
      state: validationState,
      size,
    }),
    [base, label, hint, validationMessage, validationState, size],
  );
  const icon = validationState === "error" ? <DiamondDismiss12Filled /> : validationState === "warning" ? <Warning12Filled /> : null;
  return (
    <Context.Provider value={field}>
      <div className={mergeClasses(styles.root, className)}>
        {label !== undefined && (
          <label id={field.labelId} htmlFor={field.controlId} className={mergeClasses(styles.label, size === "small" && styles.labelSmall)}>
            {label}
          </label>
        )}
        {typeof children === "function" ? children(fieldControlProps(field, {})) : children}
        {validationMessage !== undefined && (
          <div
            id={field.messageId}
            role={validationState === "none" ? undefined : "alert"}
            className={mergeClasses(styles.secondary, validationState === "error" && styles.error, icon !== null && styles.withIcon)}
          >
            {icon && <span className={mergeClasses(styles.icon, validationState === "error" ? styles.error : styles.warning)}>{icon}</span>}
            {validationMessage}
          </div>
        )}
        {hint !== undefined && (
          <div id={field.hintId} className={styles.secondary}>
            {hint}
          </div>
        )}
      </div>
    </Context.Provider>
  );
}
