/** @jest-environment jsdom */
/**
 * The page with many files: the work of a worker's message must not grow with the files already
 * listed (review round 49b: 1,005 files took 234 s, 233 ms a file, as every message re-rendered
 * every card's results and every overview row). Counted, not timed: how often the results views
 * and the overview's rows are drawn while the files finish one after another.
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { FileResults, ScoreMessage, ScoreRequest } from "./protocol";
import { type FileReview, reviewFileOrder } from "../core/review";
import type { SheetDisplay } from "../core/sheet-display";

const drawn = { results: 0, sheets: 0, overviewRows: 0 };

// The heavy parts of a card, counted (their own tests are ResultsParts.test.tsx and SheetViewer.test.tsx).
jest.mock("../taskpane/components/ResultsView", () => ({
  __esModule: true,
  default: function ResultsView() {
    drawn.results++;
    return <div data-testid="results" />;
  },
}));
jest.mock("./SheetViewer", () => ({
  __esModule: true,
  default: function SheetViewer() {
    drawn.sheets++;
    return <div data-testid="sheets" />;
  },
}));
// The overview counts a finished file's findings each time it draws the file's row.
jest.mock("../core/result", () => {
  const actual = jest.requireActual("../core/result");
  return {
    ...actual,
    severityCounts: (...args: Parameters<typeof actual.severityCounts>) => {
      drawn.overviewRows++;
      return actual.severityCounts(...args);
    },
  };
});

// Imported after the mocks.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const App = (require("./App") as typeof import("./App")).default;

jest.setTimeout(60000);

const FILES = 40;
const RESULTS = { total: "90.00", grade: "优", totals: [], findings: [] } as unknown as FileResults;

/** A scorer whose messages the test sends. */
function fakeScorer() {
  let listener: (message: ScoreMessage) => void = () => undefined;
  const requests: ScoreRequest[] = [];
  return {
    requests,
    listen: (l: (message: ScoreMessage) => void) => void (listener = l),
    submit: (request: ScoreRequest) => void requests.push(request),
    clear: () => undefined,
    say: (message: ScoreMessage) => listener(message),
  };
}

/** A file's rows for 汇总: none (the review counts the file, and its failures and notes, all the same). */
const reviewOf = (file: string): FileReview => ({ file, rows: [], findings: [], gradeScale: [], hiddenSheets: [] });

const cards = () => Array.from(document.querySelectorAll<HTMLElement>("[data-testid=file]"));

/** Every message a file's worker sends. */
const messagesOf = (id: number): ScoreMessage[] => [
  ...(["read", "check", "score", "write"] as const).map((step): ScoreMessage => ({ id, kind: "step", step })),
  { id, kind: "done", results: RESULTS, report: {} as never, scored: new Uint8Array(1), review: reviewOf(`单位${id}.xlsx`), sheets: [{} as SheetDisplay] },
];

/** Every message of one file, then the page's update of them. */
async function finish(scorer: ReturnType<typeof fakeScorer>, id: number): Promise<void> {
  act(() => messagesOf(id).forEach(scorer.say));
  await waitFor(() => expect(cards().find((c) => c.dataset.name === `单位${id}.xlsx`)?.dataset.state).toBe("done"));
}

describe("the page with many files", () => {
  test("each file's results and overview row are drawn a fixed number of times, however many files are listed", async () => {
    const scorer = fakeScorer();
    let commits = 0;
    render(
      <FluentProvider theme={webLightTheme}>
        <React.Profiler id="page" onRender={() => commits++}>
          <App lang="zh" scorer={scorer} />
        </React.Profiler>
      </FluentProvider>,
    );
    const files = Array.from({ length: FILES }, (_, i) => ({ name: `单位${i + 1}.xlsx`, arrayBuffer: async () => new Uint8Array([i, i >> 8]).buffer }));
    fireEvent.change(screen.getByTestId("pick"), { target: { files } });
    await waitFor(() => expect(scorer.requests).toHaveLength(FILES));
    await waitFor(() => expect(cards()).toHaveLength(FILES));

    // The files finish one after another, each seen by the page before the next.
    for (let id = 1; id <= FILES / 2; id++) await finish(scorer, id);
    const before = { ...drawn };
    // One step of a file still waiting draws no finished file's results or row again.
    act(() => scorer.say({ id: FILES, kind: "step", step: "read" }));
    await waitFor(() => expect(cards()[FILES - 1].textContent).toContain("读取中"));
    expect(drawn).toEqual(before);
    for (let id = FILES / 2 + 1; id <= FILES * 0.75; id++) await finish(scorer, id);

    // The rest as workers send them, each message a task of its own: the page draws them
    // together, not once a message (the bound leaves room for a slow machine; nothing is timed).
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false; // React's updates come from the page's own timer here, as in a browser
    const commitsBefore = commits;
    let said = 0;
    try {
      for (let id = FILES * 0.75 + 1; id <= FILES; id++) {
        for (const message of messagesOf(id)) {
          scorer.say(message);
          said++;
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }
      await waitFor(() => expect(cards().every((c) => c.dataset.state === "done")).toBe(true));
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
    }
    expect(commits - commitsBefore).toBeLessThanOrEqual(said / 4);

    expect(cards().every((c) => c.dataset.state === "done")).toBe(true);
    // Once each when the file finishes (twice allowed): rendering every card on each message drew them ~FILES² times.
    expect(drawn.results).toBeGreaterThanOrEqual(FILES);
    expect(drawn.results).toBeLessThanOrEqual(2 * FILES);
    expect(drawn.sheets).toBeGreaterThanOrEqual(FILES);
    expect(drawn.sheets).toBeLessThanOrEqual(2 * FILES);
    expect(drawn.overviewRows).toBeGreaterThanOrEqual(FILES);
    expect(drawn.overviewRows).toBeLessThanOrEqual(2 * FILES);
    // What a screen reader hears: the last file's outcome.
    expect(screen.getByTestId("announcement").textContent).toContain(`单位${FILES}.xlsx`);
  });
});

describe("a folder's jixiao.json (review round 49b, P4)", () => {
  test("scores the workbooks under it, as jixiao review does, and says so; the others take the page's profile", async () => {
    const scorer = fakeScorer();
    render(
      <FluentProvider theme={webLightTheme}>
        <App lang="zh" scorer={scorer} />
      </FluentProvider>,
    );
    const file = (path: string, text: string) => ({
      name: path.split("/").pop()!,
      webkitRelativePath: `复核/${path}`,
      text: async () => text,
      arrayBuffer: async () => Uint8Array.from(text, (c) => c.charCodeAt(0)).buffer,
    });
    const files = [
      file("县水利局/jixiao.json", JSON.stringify({ name: "严格方案", grades: "99.9:优,0:良" })),
      file("县水利局/2023年/县水利局.xlsx", "a"),
      file("县林业局.xlsx", "b"),
      file("县财政局/jixiao.json", "{ grades: "),
      file("县财政局/县财政局.xlsx", "c"),
    ];
    fireEvent.change(screen.getByTestId("pick-folder"), { target: { files } });
    await waitFor(() => expect(scorer.requests).toHaveLength(3));
    const profileOf = (name: string) => scorer.requests.find((r) => r.name === name)!.profile.name;
    expect(profileOf("县水利局/2023年/县水利局.xlsx")).toBe("严格方案");
    expect(profileOf("县林业局.xlsx")).toBe(profileOf("县财政局/县财政局.xlsx"));
    expect(profileOf("县林业局.xlsx")).not.toBe("严格方案");
    expect(screen.getByTestId("folder-profiles").textContent).toContain("县水利局/jixiao.json（1 个文件）");
    // A jixiao.json that cannot be read is named, and its folder's files take the page's profile.
    expect(screen.getByTestId("notices").textContent).toContain("县财政局/jixiao.json：");
    // A folder chosen next, its paths starting anew, is no folder of the first one's (code review of round 49b).
    fireEvent.change(screen.getByTestId("pick-folder"), { target: { files: [file("县水利局/县水利局2.xlsx", "d")] } });
    await waitFor(() => expect(scorer.requests).toHaveLength(4));
    expect(profileOf("县水利局/县水利局2.xlsx")).toBe(profileOf("县林业局.xlsx"));
  });
});

describe("what 汇总 counts, said on the page (review round 51c)", () => {
  const renderPage = () => {
    const scorer = fakeScorer();
    render(
      <FluentProvider theme={webLightTheme}>
        <App lang="zh" scorer={scorer} />
      </FluentProvider>,
    );
    return scorer;
  };
  const file = (name: string, text: string) => ({ name, arrayBuffer: async () => Uint8Array.from(text, (c) => c.charCodeAt(0)).buffer });
  const pick = (files: (ReturnType<typeof file> & { size?: number })[]) => fireEvent.change(screen.getByTestId("pick"), { target: { files } });
  const card = (name: string) => cards().find((c) => c.dataset.name === name)!;
  const done = (scorer: ReturnType<typeof fakeScorer>, name: string) =>
    act(() => scorer.say({ id: scorer.requests.find((r) => r.name === name)!.id, kind: "done", results: RESULTS, report: {} as never, scored: new Uint8Array(1), review: reviewOf(name), sheets: [] }));

  test("M1: unreadable files alone still give 汇总, as jixiao review writes one listing them", async () => {
    const scorer = renderPage();
    pick([file("encrypted.xlsx", "a"), file("县林业局.xls", "b")]);
    await waitFor(() => expect(scorer.requests).toHaveLength(2));
    const button = () => screen.getByTestId<HTMLButtonElement>("download-review");
    expect(button().disabled).toBe(true);
    act(() => scorer.requests.forEach(({ id, name }) => scorer.say({ id, kind: "failed", message: { zh: `${name}: 无法读取`, en: `${name}: unreadable` } })));
    await waitFor(() => expect(cards().every((c) => c.dataset.state === "failed")).toBe(true));
    expect(button().disabled).toBe(false);
  });

  // Review round 56b M1: a file of 3 GB was asked of the browser whole.
  test("a file too large to be a workbook is not read: named with its size, not added", async () => {
    const scorer = renderPage();
    const read = jest.fn(async () => new ArrayBuffer(0));
    pick([{ ...file("x.xlsx", ""), size: 3 * 2 ** 30, arrayBuffer: read }, file("县林业局.xlsx", "a")]);
    await waitFor(() => expect(scorer.requests).toHaveLength(1));
    expect(read).not.toHaveBeenCalled();
    expect(screen.getByTestId("notices").textContent).toContain(
      "x.xlsx：文件有 3072 MB，超过可读取的文件 2048 MB 的上限（自评表工作簿通常只有几 MB：请确认选对了文件），未加入。",
    );
  });

  test("M2: a copy and a scored copy, which 汇总 leaves out, say so on their cards and overview rows, and the hint gives 汇总's count", async () => {
    const scorer = renderPage();
    pick([file("县林业局.xlsx", "a"), file("县林业局 - 副本.xlsx", "a"), file("县林业局.jixiao.xlsx", "c"), file("县水利局.xlsx", "d"), file("坏.xlsx", "e")]);
    await waitFor(() => expect(scorer.requests).toHaveLength(5));
    for (const name of ["县林业局.xlsx", "县林业局 - 副本.xlsx", "县林业局.jixiao.xlsx", "县水利局.xlsx"]) done(scorer, name);
    act(() => scorer.say({ id: scorer.requests.find((r) => r.name === "坏.xlsx")!.id, kind: "failed", message: { zh: "坏.xlsx: 无法读取", en: "" } }));
    await waitFor(() => expect(cards().every((c) => c.dataset.state !== "working")).toBe(true));
    await waitFor(() => expect(card("县林业局 - 副本.xlsx").querySelector("[data-testid=not-counted]")).not.toBeNull());
    expect(card("县林业局 - 副本.xlsx").querySelector("[data-testid=not-counted]")!.textContent).toBe("不计入汇总：与 县林业局.xlsx 内容完全相同，汇总只计入 县林业局.xlsx。");
    expect(card("县林业局.jixiao.xlsx").querySelector("[data-testid=not-counted]")!.textContent).toContain("不计入汇总：这是 jixiao 评分后的副本");
    for (const name of ["县林业局.xlsx", "县水利局.xlsx"]) expect(card(name).querySelector("[data-testid=not-counted]")).toBeNull();
    const row = (name: string) => Array.from(screen.getByTestId("overview").querySelectorAll("tbody tr")).find((tr) => tr.querySelector("th")!.textContent === name)!.textContent;
    expect(row("县林业局 - 副本.xlsx")).toContain("县林业局.xlsx 的副本，不计入");
    expect(row("县林业局 - 副本.xlsx")).not.toContain("90.00");
    expect(row("县林业局.jixiao.xlsx")).toContain("评分后的副本，不计入");
    expect(row("县林业局.xlsx")).toContain("90.00");
    // 汇总's counts as its legend and the command line say them (core reviewCounts, review round 52c L2).
    expect(screen.getByTestId("review-hint").textContent).toBe(
      "已完成 4 个文件，1 个无法读取。汇总：3 个文件，0 个单位，0 张表；错误 0，警告 0；1 个文件无法读取；另有 2 个文件未计入（副本 1、评分副本 1，见“说明”）。",
    );
  });

  test("L1: 清空列表 leaves the focus on 选择 .xlsx 文件, not on the page's body", async () => {
    const scorer = renderPage();
    pick([file("县林业局.xlsx", "a")]);
    await waitFor(() => expect(scorer.requests).toHaveLength(1));
    const clear = screen.getByTestId("clear");
    clear.focus();
    fireEvent.click(clear);
    expect(cards()).toHaveLength(0);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "选择 .xlsx 文件" }));
  });

  test("L2: files added again are said in one line with their count, their names under it; one file by its name", async () => {
    const scorer = renderPage();
    const files = Array.from({ length: 30 }, (_, i) => file(`单位${i}.xlsx`, String(i)));
    pick(files);
    await waitFor(() => expect(scorer.requests).toHaveLength(30));
    pick(files);
    await waitFor(() => expect(screen.getByTestId("notices").textContent).toContain("30 个文件已加入过（同一路径、同一内容），未重复加入。"));
    const notices = screen.getByTestId("notices");
    expect(notices.querySelectorAll("details li")).toHaveLength(30);
    expect(notices.textContent).not.toContain("：已加入过同一文件");
    pick([files[0]]);
    await waitFor(() => expect(screen.getByTestId("notices").textContent).toBe("单位0.xlsx：已加入过同一文件，未重复加入。"));
  });
});

// Review round 56 L5: in a folder, .x.xlsx vanished unnamed, and .备份/县水利局.xlsx was scored as a
// card that 汇总 then left out as hidden. Now both are passed over and named, as by `jixiao review`.
describe("hidden workbooks in a folder, which the page passes over as jixiao review does", () => {
  const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0)).buffer;
  const hidden = [".隐藏.xlsx", ".备份/县水利局.xlsx"].sort(reviewFileOrder);
  const notice = `跳过隐藏文件（文件名或所在文件夹名以“.”开头），未加入，汇总的“说明”中列出：${hidden.join("、")}。`;

  /** Renders the page, lets `give` pick or drop, and checks what is scored, said and counted. */
  const expectPassedOver = async (give: () => void) => {
    const scorer = fakeScorer();
    render(
      <FluentProvider theme={webLightTheme}>
        <App lang="zh" scorer={scorer} />
      </FluentProvider>,
    );
    give();
    await waitFor(() => expect(scorer.requests).toHaveLength(1));
    expect(scorer.requests[0].name).toBe("县林业局.xlsx");
    const notices = screen.getByTestId("notices").textContent!;
    expect(notices).toBe(notice);
    act(() => scorer.say({ id: scorer.requests[0].id, kind: "done", results: RESULTS, report: {} as never, scored: new Uint8Array(1), review: reviewOf("县林业局.xlsx"), sheets: [] }));
    await waitFor(() =>
      expect(screen.getByTestId("review-hint").textContent).toBe(
        "已完成 1 个文件，0 个无法读取。汇总：1 个文件，0 个单位，0 张表；错误 0，警告 0；0 个文件无法读取；另有 2 个文件未计入（隐藏文件 2，见“说明”）。",
      ),
    );
    expect(cards().map((c) => c.dataset.name)).toEqual(["县林业局.xlsx"]);
  };

  test("chosen with 选择文件夹: named in a notice and in 汇总's count, not scored; lock and ._ files unnamed", async () => {
    const file = (path: string, text = "a") => ({ name: path.split("/").pop()!, webkitRelativePath: `复核/${path}`, arrayBuffer: async () => bytesOf(text) });
    const files = [file("县林业局.xlsx"), file(".隐藏.xlsx"), file(".备份/县水利局.xlsx", "b"), file("~$县林业局.xlsx"), file("._县林业局.xlsx"), file(".DS_Store")];
    await expectPassedOver(() => fireEvent.change(screen.getByTestId("pick-folder"), { target: { files } }));
  });

  test("dropped: the same", async () => {
    const fileEntry = (name: string, text = "a") => ({
      name,
      isFile: true,
      isDirectory: false,
      file: (resolve: (file: unknown) => void) => resolve({ name, size: text.length, arrayBuffer: async () => bytesOf(text) }),
    });
    const folderEntry = (name: string, children: unknown[]) => ({
      name,
      isFile: false,
      isDirectory: true,
      createReader: () => {
        let read = false;
        return { readEntries: (resolve: (batch: unknown[]) => void) => resolve(read ? [] : ((read = true), children)) };
      },
    });
    const folder = folderEntry("复核", [
      fileEntry("县林业局.xlsx"),
      fileEntry(".隐藏.xlsx"),
      folderEntry(".备份", [fileEntry("县水利局.xlsx", "b")]),
      fileEntry("~$县林业局.xlsx"),
      fileEntry("._县林业局.xlsx"),
    ]);
    const dataTransfer = { items: [{ kind: "file", webkitGetAsEntry: () => folder }], files: [] };
    await expectPassedOver(() => fireEvent.drop(screen.getByTestId("drop"), { dataTransfer }));
  });
});
