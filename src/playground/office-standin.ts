/* global window, document, fetch, location */
/**
 * The playground: the real task pane in a plain browser, against an in-memory workbook instead of
 * Excel. Loaded by playground.html before the task pane's scripts, it defines `window.Office` and
 * `window.Excel` (stand-ins, see office-globals.ts) over a FakeWorkbook read (xlsx-to-fake.ts) from
 * samples/yunxi-2023-dept-selfeval.xlsx, or from `?file=<url>`. `?lang=en` shows the English pane;
 * `?api=12` pretends to be an Excel with ExcelApi 1.12 (no merged-area reads); `?blank` starts at
 * once with an empty workbook (the benchmark's first render, without a file to read).
 *
 * Beside the pane it draws the active sheet (sheet-view.ts), and it exposes the workbook as
 * `window.jixiaoPlayground` for the browser test and for poking at in the console.
 */
import { FakeWorkbook } from "./fake-workbook";
import { excelStandIn, officeStandIn } from "./office-globals";
import { mountSheetView, renderWorkbook } from "./sheet-view";

export interface Playground {
  readonly workbook: FakeWorkbook;
  /** Resolves when the workbook has been loaded (or failed to load, with an empty one). */
  readonly ready: Promise<void>;
  /** The load error, if the file could not be read. */
  readonly error: string | null;
}

const params = new URLSearchParams(location.search);
const file = params.get("file") ?? "samples/yunxi-2023-dept-selfeval.xlsx";
const displayLanguage = /^en/i.test(params.get("lang") ?? "") ? "en-US" : "zh-CN";
// Excel on the web has the notes API (ExcelApi 1.18); ?api=13 shows an older Excel.
const apiMinor = Number(params.get("api") ?? 18);

let workbook = new FakeWorkbook({ apiMinor });
let loadError: string | null = null;
const view = mountSheetView();
const caption = () => `Playground — ${file}${loadError ? ` (${loadError})` : ""}`;

async function load(): Promise<void> {
  if (params.has("blank")) {
    workbook.activeSheet = workbook.addSheet("Sheet1").name;
    renderWorkbook(view, workbook, caption());
    return;
  }
  try {
    const response = await fetch(file);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    // The .xlsx reader, most of the stand-in's weight, loads only when there is a file to read.
    const { fakeFromXlsx } = await import(/* webpackChunkName: "playground-xlsx" */ "./xlsx-to-fake");
    workbook = fakeFromXlsx(await response.arrayBuffer(), { apiMinor }, file);
  } catch (error) {
    loadError = `could not load: ${error instanceof Error ? error.message : String(error)}`;
    workbook = new FakeWorkbook({ apiMinor });
    workbook.activeSheet = workbook.addSheet("Sheet1").name;
  }
  workbook.onChange(() => renderWorkbook(view, workbook, caption()));
  renderWorkbook(view, workbook, caption());
}

const ready = load();
const target = window as unknown as { Office: unknown; Excel: unknown; jixiaoPlayground: Playground };
target.Office = officeStandIn(() => workbook, { displayLanguage, ready });
target.Excel = excelStandIn(() => workbook);
target.jixiaoPlayground = {
  get workbook() {
    return workbook;
  },
  ready,
  get error() {
    return loadError;
  },
};
document.documentElement.lang = displayLanguage;
