/**
 * Stand-ins for the `Office` and `Excel` globals over a FakeWorkbook: just what the add-in's code
 * touches (Office.onReady, context.displayLanguage, requirements.isSetSupported, actions.associate,
 * ui.displayDialogAsync; Excel.run). Used by the browser playground (office-standin.ts) and by the
 * host tests in Node.
 */
import { FakeRequestContext, FakeWorkbook } from "./fake-excel";

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface ExcelStandIn {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: Batch<T>): Promise<T>;
  /** A batch on an earlier context (removing an event handler registered there). */
  run<T>(context: Excel.RequestContext, batch: Batch<T>): Promise<T>;
  /** The options of every Excel.run so far (tests check delayForCellEdit). */
  readonly runs: Excel.RunOptions[];
}

export interface OfficeStandIn {
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  context: {
    displayLanguage: string;
    requirements: { isSetSupported(name: string, version?: string): boolean };
    ui: { displayDialogAsync(url: string, options: unknown, callback?: (result: unknown) => void): void };
  };
  actions: { associate(name: string, action: unknown): void };
  /** The functions the add-in associated (the ribbon's 一键重算, "recalculate"), for the playground and its tests to run as a ribbon click would. */
  readonly associated: Map<string, unknown>;
  /** The URLs of every dialog asked for (the ribbon command's notice.html, its result in the query): none opens here. */
  readonly dialogs: string[];
  HostType: { Excel: string };
  AsyncResultStatus: { Succeeded: string; Failed: string };
  EventType: { DialogMessageReceived: string; DialogEventReceived: string };
}

export interface StandInOptions {
  /** Office.context.displayLanguage, e.g. "zh-CN" or "en-US". */
  displayLanguage: string;
  /** Resolves when the workbook is ready; Office.onReady waits for it. */
  ready?: Promise<unknown>;
}

export function excelStandIn(book: () => FakeWorkbook): ExcelStandIn {
  const runs: Excel.RunOptions[] = [];
  const run = async <T>(first: Excel.RunOptions | Excel.RequestContext | Batch<T>, second?: Batch<T>): Promise<T> => {
    if (first instanceof FakeRequestContext) return second!(first as unknown as Excel.RequestContext);
    const batch = typeof first === "function" ? first : second!;
    runs.push(typeof first === "function" ? {} : (first as Excel.RunOptions));
    return batch(new FakeRequestContext(book()) as unknown as Excel.RequestContext);
  };
  return { run: run as ExcelStandIn["run"], runs };
}

export function officeStandIn(book: () => FakeWorkbook, options: StandInOptions): OfficeStandIn {
  const info = { host: "Excel", platform: "OfficeOnline" };
  const associated = new Map<string, unknown>();
  const dialogs: string[] = [];
  return {
    onReady: async (callback) => {
      await options.ready;
      callback?.(info);
      return info;
    },
    context: {
      displayLanguage: options.displayLanguage,
      requirements: {
        isSetSupported: (name, version = "1.1") => {
          const match = /^1\.(\d+)$/.exec(version);
          return name === "ExcelApi" && match !== null && book().supports(Number(match[1]));
        },
      },
      // The ribbon command's notice dialog cannot open outside Office: report a failure, as Office does.
      ui: {
        displayDialogAsync: (url, _options, callback) => {
          dialogs.push(url);
          callback?.({ status: "failed", error: { code: 12007, message: "No dialogs in the playground" } });
        },
      },
    },
    actions: { associate: (name, action) => void associated.set(name, action) },
    associated,
    dialogs,
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
  };
}
