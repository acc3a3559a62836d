/**
 * A button as Fluent's Button draws one: the default (outlined) or primary appearance, medium or
 * small, an icon before its text, the same colours at rest, hovered, pressed and disabled, and
 * the same inset focus ring for the keyboard. The pane's own: Button brought react-button's
 * styles for every appearance, shape and size into the pane, 5 KB gzipped of the 200 KB budget.
 */
import * as React from "react";
import {
  createCustomFocusIndicatorStyle,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
  type GriffelStyle,
} from "@fluentui/react-components";

export interface PaneButtonProps extends React.ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: "primary";
  size?: "small";
  /** An icon before the text (a 20 px Fluent icon). */
  icon?: React.ReactElement;
  /** Disabled, and still focusable: aria-disabled, its clicks ignored, a form not submitted (取消重算 once asked, keeping the focus). */
  disabledFocusable?: boolean;
  "data-testid"?: string;
}

const useStyles = makeStyles({
  root: {
    alignItems: "center",
    boxSizing: "border-box",
    display: "inline-flex",
    justifyContent: "center",
    verticalAlign: "middle",
    margin: 0,
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontFamily: tokens.fontFamilyBase,
    outlineStyle: "none",
    padding: `5px ${tokens.spacingHorizontalM}`,
    minWidth: "96px",
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
    transitionDuration: tokens.durationFaster,
    transitionProperty: "background, border, color",
    transitionTimingFunction: tokens.curveEasyEase,
    "@media screen and (prefers-reduced-motion: reduce)": { transitionDuration: "0.01ms" },
    ":hover": {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      ...shorthands.borderColor(tokens.colorNeutralStroke1Hover),
      color: tokens.colorNeutralForeground1Hover,
      cursor: "pointer",
    },
    ":hover:active,:active:focus-visible": {
      backgroundColor: tokens.colorNeutralBackground1Pressed,
      ...shorthands.borderColor(tokens.colorNeutralStroke1Pressed),
      color: tokens.colorNeutralForeground1Pressed,
    },
    "@media (forced-colors: active)": {
      ":hover": {
        backgroundColor: "HighlightText",
        ...shorthands.borderColor("Highlight"),
        color: "Highlight",
        forcedColorAdjust: "none",
      },
    },
    ...createCustomFocusIndicatorStyle<GriffelStyle>({
      ...shorthands.borderColor(tokens.colorStrokeFocus2),
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorTransparentStroke}`,
      boxShadow: `0 0 0 ${tokens.strokeWidthThin} ${tokens.colorStrokeFocus2} inset`,
      zIndex: 1,
    }),
  },
  primary: {
    backgroundColor: tokens.colorBrandBackground,
    ...shorthands.borderColor("transparent"),
    color: tokens.colorNeutralForegroundOnBrand,
    ":hover": {
      backgroundColor: tokens.colorBrandBackgroundHover,
      ...shorthands.borderColor("transparent"),
      color: tokens.colorNeutralForegroundOnBrand,
    },
    ":hover:active,:active:focus-visible": {
      backgroundColor: tokens.colorBrandBackgroundPressed,
      ...shorthands.borderColor("transparent"),
      color: tokens.colorNeutralForegroundOnBrand,
    },
    "@media (forced-colors: active)": {
      backgroundColor: "Highlight",
      ...shorthands.borderColor("HighlightText"),
      color: "HighlightText",
      forcedColorAdjust: "none",
    },
    ...createCustomFocusIndicatorStyle<GriffelStyle>({
      boxShadow: `${tokens.shadow2}, 0 0 0 ${tokens.strokeWidthThin} ${tokens.colorStrokeFocus2} inset, 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorNeutralForegroundOnBrand} inset`,
    }),
  },
  small: {
    minWidth: "64px",
    padding: `3px ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase200,
    ...createCustomFocusIndicatorStyle<GriffelStyle>({
      borderRadius: tokens.borderRadiusSmall,
    }),
  },
  smallWithIcon: { paddingTop: "1px", paddingBottom: "1px" },
  disabled: {
    "&, &:hover, &:hover:active": {
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
      ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
      color: tokens.colorNeutralForegroundDisabled,
      cursor: "not-allowed",
    },
    "@media (forced-colors: active)": {
      "&, &:hover": {
        backgroundColor: "ButtonFace",
        ...shorthands.borderColor("GrayText"),
        color: "GrayText",
      },
    },
  },
  primaryDisabled: {
    "&, &:hover, &:hover:active": { ...shorthands.borderColor("transparent") },
  },
  icon: {
    alignItems: "center",
    display: "inline-flex",
    justifyContent: "center",
    fontSize: "20px",
    height: "20px",
    width: "20px",
    marginRight: tokens.spacingHorizontalSNudge,
  },
  iconSmall: { marginRight: tokens.spacingHorizontalXS },
});

const PaneButton = React.forwardRef<HTMLButtonElement, PaneButtonProps>(
  function PaneButton(
    {
      appearance,
      size,
      icon,
      className,
      disabled,
      disabledFocusable,
      type = "button",
      onClick,
      children,
      ...rest
    },
    ref,
  ) {
    const styles = useStyles();
    const small = size === "small";
    const looksDisabled = disabled || disabledFocusable;
    return (
      <button
        ref={ref}
        type={type}
        disabled={disabled}
        aria-disabled={disabledFocusable || undefined}
        onClick={disabledFocusable ? (event) => event.preventDefault() : onClick}
        className={mergeClasses(
          styles.root,
          appearance === "primary" && styles.primary,
          small && styles.small,
          small && icon && styles.smallWithIcon,
          looksDisabled && styles.disabled,
          looksDisabled && appearance === "primary" && styles.primaryDisabled,
          className,
        )}
        {...rest}
      >
        {icon && (
          <span
            className={mergeClasses(styles.icon, small && styles.iconSmall)}
          >
            {icon}
          </span>
        )}
        {children}
      </button>
    );
  },
);

export default PaneButton;
