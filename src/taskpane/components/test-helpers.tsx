/**
 * Test helpers for the task-pane components: a fake PaneHost made of jest.fn()s, sample outcomes,
 * and a render wrapped in FluentProvider as index.tsx does.
 */
// Fluent needs ResizeObserver (MessageBar) and matchMedia under jsdom. Imported here so the tests
// pass whether or not jest.config.js lists test/setup-jsdom.ts in setupFiles.
import "../../../test/setup-jsdom";
import * as React from "react";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Profile } from "../../core/profile";
import type { PaneHost, RecalcOptions, RecalcOutcome, RecalcStep, Results } from "../pane-host";
import type { Lang } from "../../core/messages";

export type FakeHost = { [K in keyof PaneHost]: jest.Mock & PaneHost[K] };

export const SAMPLE_RESULTS: Results = {
  kind: "results",
  total: "86.50",
  grade: "良",
  gradeReason: null,
  levels: [
    { name: "预算执行率", weight: "10", score: "9.50", rate: "0.95" },
    { name: "产出指标", weight: "50", score: "45", rate: "0.9" },
    { name: "效益指标", weight: "30", score: "15", rate: "0.5" },
    { name: "满意度指标", weight: "10", score: "8", rate: "0.8" },
  ],
  findings: [
    {
      rule: "rate-mismatch",
      severity: "error",
      sheet: "部门整体支出绩效自评表",
      cell: "H8", row: 7, col: 7,
      message: "执行率应为 95.00%",
    },
    {
      rule: "weight-header-mismatch",
      severity: "error",
      sheet: "部门整体支出绩效自评表",
      cell: "A20", row: 19, col: 0,
      message: "效益目标写 30 分，各行合计 40 分",
    },
    {
      rule: "missing-reason",
      severity: "warning",
      sheet: "部门整体支出绩效自评表",
      cell: "K31", row: 30, col: 10,
      message: "得分低于分值，未说明原因",
    },
    { rule: "vague-target", severity: "info", sheet: "Sheet 2", cell: "E5", row: 4, col: 4, message: "“效果明显”无法衡量" },
  ],
  places: [
    { table: 0, tableKey: "部门整体支出", rowLabel: "年度资金总额" },
    { table: 1, tableKey: "部门整体支出", rowLabel: "效益目标" },
    { table: 1, tableKey: "部门整体支出", rowLabel: "效益目标 / 社会效益 / 营造良好工作氛围" },
    { table: 2, tableKey: "Sheet 2·指标表1", rowLabel: "满意度" },
  ],
  tables: [
    { sheet: "部门整体支出绩效自评表", kind: "budget", range: "B3:H8", label: "部门整体支出" },
    { sheet: "部门整体支出绩效自评表", kind: "indicators", range: "B11:K36", label: "部门整体支出" },
    { sheet: "Sheet 2", kind: "indicators", range: "A3:F9", label: "Sheet 2!A3:F9" },
  ],
  totals: [{ sheet: "部门整体支出绩效自评表", label: "部门整体支出", table: "B11:K36", weights: "100", score: "86.50", recordedScore: "86.5", grade: "良", recordedGrade: "良", recordedDiffers: false }],
  headlines: [{ sheet: "部门整体支出绩效自评表", table: null, score: "86.50", grade: "良", reason: null }],
  hiddenSheets: [],
  ignored: [],
  fixes: [{ finding: 0, sheet: "部门整体支出绩效自评表", cell: "H8", row: 7, col: 7, before: "0.9", after: "0.95", numFmt: "0.00%" }],
  written: 4,
  marked: 4,
  summarySheet: "综合得分",
};

export const NO_TABLES: RecalcOutcome = {
  kind: "no-tables",
  message: "没有找到自评表：查找了“一级指标”“全年预算数”等表头。",
};

export function fakeHost(overrides: Partial<PaneHost> = {}, lang: Lang = "zh"): FakeHost {
  const base: PaneHost = {
    recalculate: async () => SAMPLE_RESULTS,
    selectCell: async () => undefined,
    undoLast: async () => 7,
    hasUndo: async () => false,
    cleanMarks: async () => ({ removed: 3, cleared: 0, unrecordedNotes: 0, toCheck: [], summaryRemoved: null, summaryRemovable: null, summaryWrittenIn: [] }),
    loadProfile: async () => null,
    saveProfile: async () => undefined,
    check: async () => SAMPLE_RESULTS,
    applyFixes: async (fixes) => fixes.length,
    ignore: async () => undefined,
    unignore: async () => undefined,
    watchChanges: async () => async () => undefined,
    language: () => lang,
  };
  const merged: PaneHost = { ...base, ...overrides };
  // One jest.fn per method, each calling the default or the override.
  return Object.fromEntries(
    Object.entries(merged).map(([name, method]) => [name, jest.fn(method as (...args: never[]) => unknown)]),
  ) as FakeHost;
}

/** A promise the test settles by hand. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A recalculate() that hands its onStep to the test and waits to be settled. */
export function controlledRecalc() {
  const outcome = deferred<RecalcOutcome>();
  let onStep: ((step: RecalcStep) => void) | undefined;
  let profile: Profile | undefined;
  let options: RecalcOptions | undefined;
  const recalculate = async (p: Profile, step: (s: RecalcStep) => void, o?: RecalcOptions) => {
    profile = p;
    onStep = step;
    options = o;
    return outcome.promise;
  };
  return {
    recalculate,
    step: (s: RecalcStep) => onStep?.(s),
    options: () => options,
    profile: () => profile,
    resolve: outcome.resolve,
    reject: outcome.reject,
  };
}

export function renderInFluent(ui: React.ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}
