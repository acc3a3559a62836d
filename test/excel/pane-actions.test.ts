/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The pane's actions through the real host over the fake Excel (in jsdom, like the add-in's web
 * view): the record part, ignore persisted and honoured on rerun, 采用计算值 into
 * the undo record, a read-only check, cancel before writing, and check as you type.
 */
import "../setup-jsdom";
import { readFileSync } from "fs";
import { SHEET_COLUMNS } from "../../src/core/grid";
import { NOTE_PREFIX } from "../../src/core/marks";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { updateWorkbookRecord } from "../../src/excel/state";
import { stateOfPart } from "../../src/xlsx/state-part";
import { statePartXml } from "../../src/xlsx/state-xml";
import { createOfficeHost } from "../../src/taskpane/office-host";
import { CancelledError, Results } from "../../src/taskpane/pane-host";
import { FakeWorkbook } from "../../src/playground/fake-excel";
import { excelStandIn, officeStandIn } from "../../src/playground/office-globals";
import { fakeFromXlsx } from "../../src/playground/xlsx-to-fake";
import { contextOf } from "./helpers";

const globals = globalThis as unknown as { Office?: unknown; Excel?: unknown };
const SHEET = "部门整体支出绩效自评表";

function yunxi(apiMinor?: number): FakeWorkbook {
  const bytes = readFileSync(`${__dirname}/../fixtures/yunxi-2023-dept-selfeval.xlsx`);
  const book = fakeFromXlsx(bytes, { apiMinor });
  globals.Office = officeStandIn(() => book, { displayLanguage: "zh-CN" });
  globals.Excel = excelStandIn(() => book);
  return book;
}

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
});

function results(outcome: unknown): Results {
  if ((outcome as Results).kind !== "results") throw new Error("expected results");
  return outcome as Results;
}

describe("the record part", () => {
  test("an update keeps the other fields, one part, text that needs escaping survives, a foreign part is left alone", async () => {
    const book = new FakeWorkbook();
    book.customXmlParts.push({ id: "other", xml: '<x xmlns="urn:other"/>' });
    book.customXmlParts.push({ id: "mine", xml: statePartXml(JSON.stringify({ v: 1, marks: { entries: [], summary: null } })) });
    book.customXmlParts.push({ id: "dup", xml: statePartXml(JSON.stringify({ v: 1, old: true })) });
    const ignore = { rule: "score-mismatch", table: "A&B <表>", row: "r", reason: "\"引号\" & 符号" };
    await updateWorkbookRecord(contextOf(book), (state) => ({ ...state, ignores: [ignore] }));
    expect(book.customXmlParts.map((p) => p.id)).toEqual(["other", "mine"]);
    expect(JSON.parse(stateOfPart(book.customXmlParts[1].xml)!)).toEqual({ v: 1, marks: { entries: [], summary: null }, ignores: [ignore] });

    const fresh = new FakeWorkbook();
    await updateWorkbookRecord(contextOf(fresh), (state) => ({ ...state, ignores: [] }));
    expect(fresh.customXmlParts.map((p) => JSON.parse(stateOfPart(p.xml)!))).toEqual([{ v: 1, ignores: [] }]);
  });
});

describe("pane actions in Excel", () => {
  test("an ignore is stored in the workbook and honoured by the next recalculation", async () => {
    const book = await yunxi();
    const host = createOfficeHost();
    const first = results(await host.recalculate(DEFAULT_PROFILE, () => undefined));
    const index = first.findings.findIndex((f) => f.rule === "over-achievement");
    await host.ignore(first.findings[index], first.places[index], "拍卖数量由上级下达");

    expect(book.customXmlParts).toHaveLength(1);
    const again = results(await host.recalculate(DEFAULT_PROFILE, () => undefined));
    expect(again.findings.some((f) => f.rule === "over-achievement")).toBe(false);
    expect(again.findings).toHaveLength(first.findings.length - 1);
    expect(again.ignored.map((f) => [f.cell, f.reason])).toEqual([["F18", "拍卖数量由上级下达"]]);

    await host.unignore(again.ignored[0]);
    const restored = results(await host.check(DEFAULT_PROFILE));
    expect(restored.findings.some((f) => f.rule === "over-achievement")).toBe(true);
    expect(restored.ignored).toEqual([]);
  });

  test("撤销上次重算 takes the run's marks out of the record but keeps an ignore set since the run", async () => {
    const book = await yunxi();
    const host = createOfficeHost();
    const first = results(await host.recalculate(DEFAULT_PROFILE, () => undefined));
    const index = first.findings.findIndex((f) => f.rule === "over-achievement");
    await host.ignore(first.findings[index], first.places[index], "拍卖数量由上级下达");
    expect(JSON.parse(stateOfPart(book.customXmlParts[0].xml)!).marks.entries.length).toBeGreaterThan(0);

    expect(await host.undoLast()).toBeGreaterThan(0);
    expect(book.customXmlParts).toHaveLength(1);
    const record = JSON.parse(stateOfPart(book.customXmlParts[0].xml)!);
    expect(record.marks).toBeUndefined();
    expect(record.ignores.map((r: { reason: string }) => r.reason)).toEqual(["拍卖数量由上级下达"]);
    expect(results(await host.check(DEFAULT_PROFILE)).ignored.map((f) => f.cell)).toEqual(["F18"]);
  });

  test("采用计算值 writes the value with its format, takes the mark off, and 撤销上次重算 restores it", async () => {
    const book = await yunxi();
    const host = createOfficeHost();
    const before = book.snapshot();
    const outcome = results(await host.recalculate(DEFAULT_PROFILE, () => undefined));
    const fix = outcome.fixes.find((f) => f.cell === "H24")!;
    expect(fix).toMatchObject({ before: "3", after: "2.35", numFmt: "0.00" });
    expect(book.sheet(SHEET)!.cell(23, 7)!.fill).toBe("#FFC7CE");

    expect(await host.applyFixes([fix])).toBe(1);
    expect(book.sheet(SHEET)!.cell(23, 7)).toMatchObject({ value: 2.35, numberFormat: "0.00", fill: null });
    const rechecked = results(await host.check(DEFAULT_PROFILE));
    expect(rechecked.findings.some((f) => f.rule === "score-mismatch" && f.cell === "H24")).toBe(false);
    expect(rechecked.checkOnly).toBe(true);

    await host.undoLast();
    expect(book.snapshot()).toEqual(before);
  });

  test("采用计算值 takes jixiao's text out of the fixed cell's note too, keeping the user's; 撤销 brings it back (review round 33)", async () => {
    const book = await yunxi(18);
    const host = createOfficeHost();
    const at = 23 * SHEET_COLUMNS + 7;
    book.sheet(SHEET)!.notes.set(at, "张三：请复核");
    const before = book.snapshot();
    const outcome = results(await host.recalculate(DEFAULT_PROFILE, () => undefined));
    const fix = outcome.fixes.find((f) => f.cell === "H24")!;
    expect(book.sheet(SHEET)!.notes.get(at)).toContain(NOTE_PREFIX);
    await host.applyFixes([fix]);
    expect(book.sheet(SHEET)!.notes.get(at)).toBe("张三：请复核");
    // Undo takes the run back whole: the workbook as it was before the run.
    await host.undoLast();
    expect(book.snapshot()).toEqual(before);
  });

  test("清除标记 on a scored workbook whose record another program dropped: jixiao's notes go, the cells to check are named, 撤销 brings them back", async () => {
    const book = await yunxi(18);
    const host = createOfficeHost();
    results(await host.recalculate(DEFAULT_PROFILE, () => undefined));
    const jixiaoNotes = () => [...book.sheet(SHEET)!.notes.values()].filter((note) => note.includes(NOTE_PREFIX)).length;
    const noted = jixiaoNotes();
    expect(noted).toBeGreaterThan(0);
    book.customXmlParts.splice(0);
    const scored = book.snapshot();

    const outcome = await host.cleanMarks();
    expect(outcome.removed).toBe(0);
    expect(outcome.unrecordedNotes).toBe(noted);
    expect(outcome.toCheck.length).toBe(noted);
    expect(outcome.toCheck.every((cell) => cell.startsWith(`${SHEET}!`))).toBe(true);
    expect(jixiaoNotes()).toBe(0);

    expect(await host.undoLast()).toBe(noted);
    expect({ ...book.snapshot(), settings: {} }).toEqual({ ...scored, settings: {} });
  });

  // Review round 50: the run said 标记 21 个单元格 where 清除标记 then said 已清除 15 处标记.
  test("清除标记 takes away as many marks as the run said it set, merged areas counted once", async () => {
    await yunxi(18);
    const host = createOfficeHost();
    const { marked } = results(await host.recalculate(DEFAULT_PROFILE, () => undefined));
    expect(marked).toBeGreaterThan(0);
    expect((await host.cleanMarks()).removed).toBe(marked);
  });

  test("a check reads and writes nothing", async () => {
    const book = await yunxi();
    const before = book.snapshot();
    const outcome = results(await createOfficeHost().check(DEFAULT_PROFILE));
    expect(outcome.findings.length).toBeGreaterThan(0);
    expect(book.snapshot()).toEqual(before);
    expect(book.customXmlParts).toEqual([]);
  });

  test("cancelling before the write step leaves the workbook untouched", async () => {
    const book = await yunxi();
    const before = book.snapshot();
    const controller = new AbortController();
    const counts: string[] = [];
    const run = createOfficeHost().recalculate(DEFAULT_PROFILE, () => undefined, {
      signal: controller.signal,
      onCounts: (step, c) => {
        counts.push(`${step}:${c.done}/${c.total}`);
        if (step === "read") controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(counts).toEqual(["read:1/1"]);
    expect(book.snapshot()).toEqual(before);
  });

  test("check as you type: a person's edit calls back, the add-in's own does not, until watching stops", async () => {
    const book = await yunxi();
    const host = createOfficeHost();
    const changes: number[] = [];
    const stop = await host.watchChanges(() => changes.push(1));
    book.editCell(SHEET, "H24", 2.35);
    expect(changes).toHaveLength(1);
    book.editCell(SHEET, "H26", 2.64, true); // the add-in's own write
    expect(changes).toHaveLength(1);
    await stop();
    book.editCell(SHEET, "H25", 2.68);
    expect(changes).toHaveLength(1);
  });
});
