/** @jest-environment jsdom */
import { DEFAULT_PROFILE, Profile } from "../core/profile";
import { createOfficeHost } from "../taskpane/office-host";
import { zh } from "../taskpane/strings";
import { en } from "../taskpane/strings-en";
import { fakeHost, SAMPLE_RESULTS } from "../taskpane/components/test-helpers";

jest.mock("../taskpane/office-host", () => ({ createOfficeHost: jest.fn() }));

type Handler = (arg: unknown) => void;

interface FakeDialog {
  handlers: Record<string, Handler>;
  close: jest.Mock;
  addEventHandler: (type: string, handler: Handler) => void;
}

const associate = jest.fn();
const displayDialogAsync = jest.fn();

(globalThis as unknown as { Office: unknown }).Office = {
  onReady: (callback: () => void) => {
    callback();
    return Promise.resolve({ host: "Excel", platform: "PC" });
  },
  actions: { associate },
  context: { ui: { displayDialogAsync } },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
};

// Required (not imported) so that the Office global above exists when commands.ts runs Office.onReady.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { describeOutcome } = require("./commands") as typeof import("./commands");

const handler = (): ((event: { completed: () => void }) => Promise<void>) => {
  const call = associate.mock.calls.find(([name]) => name === "recalculate");
  if (!call) throw new Error("recalculate was not associated");
  return call[1];
};

/** Runs the command; returns the dialog URL's query and the dialog, once displayDialogAsync was called. */
async function runCommand(dialogOpens = true) {
  const completed = jest.fn();
  let dialog: FakeDialog | undefined;
  displayDialogAsync.mockImplementationOnce((_url: string, _options: unknown, callback: (result: unknown) => void) => {
    if (!dialogOpens) {
      callback({ status: "failed", error: { code: 12007 } });
      return;
    }
    const d: FakeDialog = {
      handlers: {},
      close: jest.fn(),
      addEventHandler: (type, h) => {
        d.handlers[type] = h;
      },
    };
    dialog = d;
    callback({ status: "succeeded", value: d });
  });
  const done = handler()({ completed });
  await new Promise((resolve) => setTimeout(resolve, 0));
  const url = displayDialogAsync.mock.calls.length
    ? new URL(displayDialogAsync.mock.calls[displayDialogAsync.mock.calls.length - 1][0])
    : undefined;
  return { completed, done, dialog: () => dialog, query: url?.searchParams };
}

beforeEach(() => {
  displayDialogAsync.mockReset();
  (createOfficeHost as jest.Mock).mockReset();
});

test("associates the ribbon's recalculate function once Office is ready", () => {
  expect(associate).toHaveBeenCalledWith("recalculate", expect.any(Function));
});

test("describeOutcome: total, grade, findings by severity and where to look", () => {
  const notice = describeOutcome(SAMPLE_RESULTS, zh);
  expect(notice.kind).toBe("warning");
  expect(notice.lines).toEqual([
    "综合得分 86.50，评价等次 良。",
    "发现 4 个问题：错误 2 个，警告 1 个，提示 1 个。",
    "详情见“综合得分”工作表，或点击“打开助手”。",
  ]);
  const clean = describeOutcome({ ...SAMPLE_RESULTS, findings: [], total: null }, en);
  expect(clean.kind).toBe("success");
  expect(clean.lines.slice(0, 2)).toEqual(["Total score —, grade 良.", "No findings."]);
  // A total that cannot carry a grade: none, and why.
  const ungraded = describeOutcome({ ...SAMPLE_RESULTS, total: "106.47", grade: null, gradeReason: "未评等次：分值合计 110 分" }, zh);
  expect(ungraded.lines[0]).toBe("综合得分 106.47，评价等次 —（未评等次：分值合计 110 分）。");
  // Several forms: each form's line, where the workbook has no one total (review round 33), with
  // why a form has no grade, as its headline says.
  const second = { ...SAMPLE_RESULTS.totals[0], label: "公共文化服务", score: "92.50", grade: "优", weights: "110" };
  const ungradedSecond = { sheet: second.sheet, table: "公共文化服务", score: "92.50", grade: null, reason: "未评等次：分值合计 110 分" };
  const several = describeOutcome(
    { ...SAMPLE_RESULTS, total: null, grade: null, totals: [SAMPLE_RESULTS.totals[0], second], headlines: [SAMPLE_RESULTS.headlines[0], ungradedSecond] },
    zh,
  );
  expect(several.lines.slice(0, 2)).toEqual(["部门整体支出：总分 86.50　等次 良", "公共文化服务：总分 92.50　等次 —（未评等次：分值合计 110 分）"]);
  expect(describeOutcome({ kind: "no-tables", message: "没有表" }, zh)).toEqual({
    kind: "warning",
    title: "没有找到自评表",
    lines: ["没有表"],
  });
});

test("recalculates with the saved profile, shows the result in notice.html and completes when it is closed", async () => {
  const saved: Profile = { ...DEFAULT_PROFILE, budgetWeight: 20 };
  const h = fakeHost({ loadProfile: async () => saved });
  (createOfficeHost as jest.Mock).mockReturnValue(h);

  const run = await runCommand();
  expect(h.recalculate).toHaveBeenCalledWith(saved, expect.any(Function));
  expect(run.query?.get("lang")).toBe("zh");
  expect(run.query?.get("kind")).toBe("warning");
  expect(run.query?.get("message")).toContain("综合得分 86.50，评价等次 良。");
  expect(run.query?.get("message")).toContain("错误 2 个，警告 1 个");
  expect(displayDialogAsync.mock.calls[0][0]).toMatch(/\/notice\.html\?/);

  // The command stays open while the dialog is shown…
  expect(run.completed).not.toHaveBeenCalled();
  // …and completes when notice.html asks to close.
  run.dialog()?.handlers.dialogMessageReceived({ message: "close" });
  await run.done;
  expect(run.dialog()?.close).toHaveBeenCalled();
  expect(run.completed).toHaveBeenCalledTimes(1);
});

test("closing the dialog with its × also completes the command", async () => {
  (createOfficeHost as jest.Mock).mockReturnValue(fakeHost());
  const run = await runCommand();
  run.dialog()?.handlers.dialogEventReceived({ error: 12006 });
  await run.done;
  expect(run.completed).toHaveBeenCalledTimes(1);
});

test("an unreadable profile falls back to the default", async () => {
  const h = fakeHost({
    loadProfile: async () => {
      throw new Error("bad");
    },
  });
  (createOfficeHost as jest.Mock).mockReturnValue(h);
  const run = await runCommand(false);
  await run.done;
  expect(h.recalculate).toHaveBeenCalledWith(DEFAULT_PROFILE, expect.any(Function));
  expect(run.completed).toHaveBeenCalledTimes(1);
});

test("a failing recalculation is reported, and the command completes even if the dialog cannot open", async () => {
  const h = fakeHost(
    {
      recalculate: async () => {
        throw new Error("The sheet is protected.");
      },
    },
    "en",
  );
  (createOfficeHost as jest.Mock).mockReturnValue(h);
  const run = await runCommand(false);
  await run.done;
  expect(run.query?.get("kind")).toBe("error");
  expect(run.query?.get("title")).toBe("Recalculation failed");
  expect(run.query?.get("message")).toBe("The sheet is protected.");
  expect(run.completed).toHaveBeenCalledTimes(1);
});

test("even a host that cannot be created leads to a notice and event.completed()", async () => {
  (createOfficeHost as jest.Mock).mockImplementation(() => {
    throw new Error("Excel is not available");
  });
  const run = await runCommand();
  expect(run.query?.get("message")).toBe("Excel is not available");
  run.dialog()?.handlers.dialogMessageReceived({ message: "close" });
  await run.done;
  expect(run.completed).toHaveBeenCalledTimes(1);
});
