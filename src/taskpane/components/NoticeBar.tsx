/**
 * A message in the pane (an error, what 撤销 did, a stale result, a setting that will not save),
 * shown as Fluent's MessageBar shows one: the intent's icon and colours, a bold title, the text, and
 * actions at the end. The pane's own: MessageBar brought react-message-bar and react-motion (its
 * entrance animation) into the pane for these few lines. The status region beside the toolbar
 * announces what changed; this is what stays on screen.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkCircle16Filled, ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";

export type NoticeIntent = "success" | "info" | "warning" | "error";

export interface NoticeBarProps {
  intent: NoticeIntent;
  title?: string;
  children?: React.ReactNode;
  /** Buttons at the end of the bar (重新计算 beside a stale result). */
  actions?: React.ReactNode;
  "data-testid"?: string;
}

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  body: { flexGrow: 1, minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS },
  icon: { flexShrink: 0 },
  // The colours Fluent's MessageBar gives each intent.
  info: { backgroundColor: tokens.colorNeutralBackground3, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  success: { backgroundColor: tokens.colorStatusSuccessBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusSuccessBorder1}` },
  warning: { backgroundColor: tokens.colorStatusWarningBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}` },
  error: { backgroundColor: tokens.colorStatusDangerBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}` },
  infoIcon: { color: tokens.colorNeutralForeground3 },
  successIcon: { color: tokens.colorStatusSuccessForeground1 },
  warningIcon: { color: tokens.colorStatusWarningForeground3 },
  errorIcon: { color: tokens.colorStatusDangerForeground1 },
});

const ICONS = { info: Info16Filled, success: CheckmarkCircle16Filled, warning: Warning16Filled, error: ErrorCircle16Filled };

export default function NoticeBar({ intent, title, children, actions, "data-testid": testId }: NoticeBarProps) {
  const styles = useStyles();
  const Icon = ICONS[intent];
  return (
    <div role="group" className={mergeClasses(styles.bar, styles[intent])} data-intent={intent} data-testid={testId}>
      <Icon className={mergeClasses(styles.icon, styles[`${intent}Icon`])} aria-hidden="true" />
      <div className={styles.body}>
        {title && <span className={styles.title}>{title}</span>}
        {children}
      </div>
      {actions}
    </div>
  );
}
