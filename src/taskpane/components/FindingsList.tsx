import * as React from "react";
import { createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import Button from "./PaneButton";
import PaneText from "./PaneText";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import type { Fix } from "../../core/fixes";
import type { IgnoredFinding } from "../../core/ignores";
import { ruleName } from "../../core/rule-names";
import { numberShown } from "../../core/values";
import { Finding, RuleId, SEVERITIES, Severity, severityCounts } from "../../core/result";
import { FindingFilter, FindingItem, groupFindings, NO_FILTER, TableSection } from "../grouping";
import type { Results } from "../pane-host";
import type { Strings } from "../strings";
import PaneField from "./PaneField";
import PaneInput from "./PaneInput";
import PaneSelect from "./PaneSelect";
import { stackedList } from "./styles";

/** A fix's value as its cell will show it ("0.9567" in "0.00%" → "95.67%"); what is not a number, as it is. */
function showValue(value: string, numFmt: string): string {
  const n = Number(value);
  return value.trim() !== "" && Number.isFinite(n) ? numberShown(n, numFmt) : value;
}

export interface FindingsListProps {
  results: Results;
  strings: Strings;
  /** Called with the finding whose cell is activated. */
  onSelect: (finding: Finding) => void;
  /**
   * Writes computed values; nothing is written before the user's click. The three actions are
   * absent where nothing can be written back (the browser page scores a copy): a read-only view.
   */
  onFix?: (fixes: Fix[]) => Promise<void>;
  onIgnore?: (item: FindingItem, reason: string) => Promise<void>;
  onUnignore?: (finding: IgnoredFinding) => Promise<void>;
  /** A run or a write is under way: actions wait. */
  busy?: boolean;
  /** The findings' heading, focusable: where the keyboard's focus goes once an action's finding has left the list. */
  headingRef?: React.Ref<HTMLHeadingElement>;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  toggles: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS },
  // On and off differ by far more than 3:1 (brand blue against white), not by a shade of grey. A
  // Button with aria-pressed, not Fluent's ToggleButton: these classes set every colour it would,
  // and its styles cost the pane 3 KB gzipped.
  toggleOff: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  toggleOn: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
    ":hover": { backgroundColor: tokens.colorBrandBackgroundHover, color: tokens.colorNeutralForegroundOnBrand },
    ":hover:active": { backgroundColor: tokens.colorBrandBackgroundPressed, color: tokens.colorNeutralForegroundOnBrand },
  },
  field: { minWidth: "140px", flexGrow: 1 },
  heading: { margin: 0, display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  sectionHead: { display: "flex", flexWrap: "wrap", alignItems: "baseline", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  list: stackedList(tokens.spacingVerticalXS),
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  cardTitle: { fontWeight: tokens.fontWeightSemibold },
  finding: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, listStyleType: "none" },
  ruleLine: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  ruleName: { fontWeight: tokens.fontWeightSemibold },
  ruleId: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  cellLink: {
    // At least 24 px each way, the smallest target WCAG 2.2 asks for (H5 is narrower as text).
    minWidth: "24px",
    minHeight: "24px",
    padding: 0,
    border: "none",
    background: "none",
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "underline",
    cursor: "pointer",
    font: "inherit",
    ...createFocusOutlineStyle(),
  },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  change: { fontVariantNumeric: "tabular-nums" },
  cells: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  preview: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
});

function SeverityIcon({ severity, className }: { severity: Severity; className: string }) {
  if (severity === "error") return <ErrorCircle16Filled className={className} aria-hidden="true" />;
  if (severity === "warning") return <Warning16Filled className={className} aria-hidden="true" />;
  return <Info16Filled className={className} aria-hidden="true" />;
}

function RuleLabel({ rule, severity, strings }: { rule: RuleId; severity: Severity; strings: Strings }) {
  const styles = useStyles();
  return (
    <span className={styles.ruleLine}>
      <SeverityIcon severity={severity} className={styles[severity]} />
      <span className={styles.ruleName} title={rule} data-rule={rule}>
        {strings.ruleLabel(strings.severity[severity], ruleName(rule, strings.lang))}
      </span>
      {strings.lang === "en" && <span className={styles.ruleId}>{rule}</span>}
    </span>
  );
}

/** 采用计算值 (old → new) and 忽略 with its reason form, for one finding. */
function FindingActions({ item, strings, busy, onFix, onIgnore }: {
  item: FindingItem;
  strings: Strings;
  busy: boolean;
  onFix: NonNullable<FindingsListProps["onFix"]>;
  onIgnore: NonNullable<FindingsListProps["onIgnore"]>;
}) {
  const styles = useStyles();
  const [reason, setReason] = React.useState<string | null>(null);
  // Closing the reason form (取消, Escape) puts the focus back on 忽略.
  const ignoreButton = React.useRef<HTMLButtonElement>(null);
  const closed = React.useRef(false);
  React.useEffect(() => {
    if (reason === null && closed.current) ignoreButton.current?.focus();
    closed.current = false;
  }, [reason]);
  const close = () => {
    closed.current = true;
    setReason(null);
  };
  const { fix } = item;
  if (reason !== null) {
    return (
      <form
        className={styles.actions}
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim() !== "") void onIgnore(item, reason.trim());
        }}
        onKeyDown={(event) => {
          // Not while an input method composes the reason: its Escape cancels the composition
          // (Safari says so by keyCode 229 alone, after composition has ended).
          if (event.key === "Escape" && !event.nativeEvent.isComposing && event.keyCode !== 229) close();
        }}
      >
        <PaneField label={strings.ignoreReason} hint={strings.ignoreReasonHint} size="small" className={styles.field}>
          <PaneInput autoFocus value={reason} onChange={(value) => setReason(value)} />
        </PaneField>
        <Button size="small" type="submit" appearance="primary" disabled={busy || reason.trim() === ""}>
          {strings.ignoreConfirm}
        </Button>
        <Button size="small" type="button" onClick={close}>
          {strings.cancel}
        </Button>
      </form>
    );
  }
  return (
    <span className={styles.actions}>
      {fix && (
        <>
          <span className={styles.change}>{strings.fixChange(showValue(fix.before, fix.numFmt), showValue(fix.after, fix.numFmt))}</span>
          <Button size="small" appearance="primary" disabled={busy} onClick={() => void onFix([fix])} data-fix="">
            {strings.fix}
          </Button>
        </>
      )}
      <Button ref={ignoreButton} size="small" disabled={busy} onClick={() => setReason("")} data-ignore="">
        {strings.ignore}
      </Button>
    </span>
  );
}

function TableView({ section, strings, busy, onSelect, onFix, onIgnore }: {
  section: TableSection;
  strings: Strings;
  busy: boolean;
  onSelect: FindingsListProps["onSelect"];
  onFix: FindingsListProps["onFix"];
  onIgnore: FindingsListProps["onIgnore"];
}) {
  const styles = useStyles();
  const headingId = React.useId();
  const [preview, setPreview] = React.useState(false);
  const cellLink = (finding: Finding) => (
    <button type="button" className={styles.cellLink} aria-label={strings.goToCell(`${finding.sheet}!${finding.cell}`)} onClick={() => onSelect(finding)} data-cell={`${finding.sheet}!${finding.cell}`}>
      {finding.cell}
    </button>
  );
  const scoreLine = section.total
    ? strings.tableTotal(section.total.score ?? strings.noValue, section.total.grade ?? strings.noValue)
    : section.targetsOnly
      ? strings.targetsOnly
      : section.table?.kind === "budget"
        ? strings.budgetTable
        : null;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-table={section.title}>
      <div className={styles.sectionHead}>
        <h3 id={headingId} className={styles.heading}>
          {section.title}
        </h3>
        {onFix && section.fixes.length > 0 && (
          <Button size="small" disabled={busy} onClick={() => setPreview(true)} aria-expanded={preview}>
            {strings.fixAll(section.fixes.length)}
          </Button>
        )}
      </div>
      <PaneText className={styles.meta}>{[scoreLine, strings.counts(section.counts)].filter(Boolean).join(strings.separator)}</PaneText>
      {preview && (
        <div className={styles.preview} role="group" aria-label={strings.fixAll(section.fixes.length)}>
          <PaneText>{strings.fixPreview}</PaneText>
          <ul className={styles.list} data-preview="">
            {section.fixes.map((fix) => (
              <li key={`${fix.sheet}!${fix.cell}`} className={styles.change}>
                {`${fix.cell}：${strings.fixChange(showValue(fix.before, fix.numFmt), showValue(fix.after, fix.numFmt))}`}
              </li>
            ))}
          </ul>
          <span className={styles.actions}>
            <Button
              size="small"
              appearance="primary"
              disabled={busy}
              onClick={() => {
                setPreview(false);
                void onFix?.(section.fixes);
              }}
            >
              {strings.fixConfirm(section.fixes.length)}
            </Button>
            <Button size="small" onClick={() => setPreview(false)}>
              {strings.cancel}
            </Button>
          </span>
        </div>
      )}
      <ul className={styles.list}>
        {section.collapsed.map((entry) => (
          <li key={entry.key} className={styles.card} data-collapsed={entry.rule}>
            <details>
              <summary className={styles.cardTitle}>{strings.collapsed(entry.items.length, ruleName(entry.rule, strings.lang))}</summary>
              <RuleLabel rule={entry.rule} severity={entry.severity} strings={strings} />
              <PaneText>{entry.message}</PaneText>
              <span className={styles.cells}>{entry.items.map((item) => <span key={item.index}>{cellLink(item.finding)}</span>)}</span>
            </details>
          </li>
        ))}
        {section.rows.map((card) => (
          <li key={card.key} className={styles.card} data-row-card={card.row}>
            <span className={styles.cardTitle}>{strings.rowTitle(card.row, card.label)}</span>
            <ul className={styles.list}>
              {card.items.map((item) => (
                <li key={item.index} className={styles.finding} data-finding={item.finding.rule}>
                  <RuleLabel rule={item.finding.rule} severity={item.finding.severity} strings={strings} />
                  <span>
                    {cellLink(item.finding)} {item.finding.message}
                  </span>
                  {onFix && onIgnore && <FindingActions item={item} strings={strings} busy={busy} onFix={onFix} onIgnore={onIgnore} />}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Findings by table, then by row, with a search box, severity toggles (only severities that occur)
 * and a rule filter; ignored findings apart at the end, with their reasons.
 */
const FindingsList: React.FC<FindingsListProps> = ({ results, strings, onSelect, onFix, onIgnore, onUnignore, busy = false, headingRef }) => {
  const styles = useStyles();
  const headingId = React.useId();
  const ignoredId = React.useId();
  const [filter, setFilter] = React.useState<FindingFilter>(NO_FILTER);
  const counts = severityCounts(results.findings);
  const present = SEVERITIES.filter((s) => counts[s] > 0);
  const sections = React.useMemo(() => groupFindings(results, filter, strings.lang), [results, filter, strings.lang]);
  const ruleOptions = React.useMemo(() => {
    const byRule = new Map<RuleId, number>();
    for (const f of results.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    return [...byRule.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [results.findings]);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading} ref={headingRef} tabIndex={-1}>
        {strings.findingsTitle(results.findings.length)}
      </h2>
      {results.findings.length === 0 ? (
        <PaneText>{strings.noFindings}</PaneText>
      ) : (
        <>
          <div className={styles.filters}>
            <PaneField label={strings.search} size="small" className={styles.field}>
              <PaneInput type="search" placeholder={strings.searchPlaceholder} value={filter.query} onChange={(value) => setFilter((f) => ({ ...f, query: value }))} />
            </PaneField>
            <PaneField label={strings.ruleFilter} size="small" className={styles.field}>
              {(props) => (
                <PaneSelect {...props} size="small" value={filter.rule} onChange={(value) => setFilter((f) => ({ ...f, rule: value as RuleId | "" }))}>
                  <option value="">{strings.allRules}</option>
                  {ruleOptions.map(([id, count]) => (
                    <option key={id} value={id}>
                      {strings.ruleOption(ruleName(id, strings.lang), count)}
                    </option>
                  ))}
                </PaneSelect>
              )}
            </PaneField>
            <div className={styles.toggles} role="group" aria-label={strings.severityFilter}>
              {present.map((severity) => (
                <Button
                  key={severity}
                  size="small"
                  aria-pressed={filter.shown[severity]}
                  className={filter.shown[severity] ? styles.toggleOn : styles.toggleOff}
                  icon={<SeverityIcon severity={severity} className={filter.shown[severity] ? "" : styles[severity]} />}
                  onClick={() => setFilter((f) => ({ ...f, shown: { ...f.shown, [severity]: !f.shown[severity] } }))}
                >
                  {strings.severityGroup(strings.severity[severity], counts[severity])}
                </Button>
              ))}
            </div>
          </div>
          {sections.length === 0 ? (
            <PaneText>{strings.noMatchingFindings}</PaneText>
          ) : (
            sections.map((section) => (
              <TableView key={section.key} section={section} strings={strings} busy={busy} onSelect={onSelect} onFix={onFix} onIgnore={onIgnore} />
            ))
          )}
        </>
      )}
      {results.ignored.length > 0 && (
        <section className={mergeClasses(styles.section)} aria-labelledby={ignoredId} data-ignored="">
          <h2 id={ignoredId} className={styles.heading}>
            {strings.ignoredTitle(results.ignored.length)}
          </h2>
          <ul className={styles.list}>
            {results.ignored.map((finding) => (
              <li key={`${finding.sheet}!${finding.cell}:${finding.rule}`} className={styles.card} data-ignored-finding={finding.rule}>
                <RuleLabel rule={finding.rule} severity={finding.severity} strings={strings} />
                <span>
                  <button type="button" className={styles.cellLink} onClick={() => onSelect(finding)}>
                    {`${finding.sheet}!${finding.cell}`}
                  </button>{" "}
                  {finding.message}
                </span>
                <PaneText weight="semibold">{strings.ignoredReason(finding.reason)}</PaneText>
                {onUnignore && (
                  <span className={styles.actions}>
                    <Button size="small" disabled={busy} onClick={() => void onUnignore(finding)}>
                      {strings.unignore}
                    </Button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
};

export default FindingsList;
