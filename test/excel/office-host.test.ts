/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/** The real host end to end: Office/Excel stand-ins over a fake workbook, the real core. */
import { readFileSync } from "fs";
import ExcelJS from "exceljs";
import { analyze } from "../../src/core/analyze";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { CellValue, WorkbookGrid } from "../../src/core/grid";
import { wantedMarks } from "../../src/core/marks";
import { createOfficeHost } from "../../src/taskpane/office-host";
import { CancelledError, RecalcStep } from "../../src/taskpane/pane-host";
import { FakeWorkbook } from "../../src/playground/fake-excel";
import { ExcelStandIn, excelStandIn, officeStandIn } from "../../src/playground/office-globals";
import { fakeFromXlsx } from "../../src/playground/xlsx-to-fake";
import { fakeBook, sheet } from "./helpers";

const globals = globalThis as unknown as { Office?: unknown; Excel?: ExcelStandIn };

function install(book: FakeWorkbook, displayLanguage = "zh-CN"): ExcelStandIn {
  globals.Office = officeStandIn(() => book, { displayLanguage });
  globals.Excel = excelStandIn(() => book);
  return globals.Excel;
}

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
});

function yunxi(): FakeWorkbook {
  const bytes = readFileSync(`${__dirname}/../fixtures/yunxi-2023-dept-selfeval.xlsx`);
  return fakeFromXlsx(bytes);
}

/** A small self-evaluation table: budget execution and three indicators. */
function selfEvaluation(name: string, scoreBlank: boolean): ReturnType<typeof sheet> {
  const rows: CellValue[][] = [
    ["项目名称", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
    [name, 100, 90, scoreBlank ? null : 0.9, 10, scoreBlank ? null : 9],
    [],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "培训场次", "≥10场", "12场", 50, 50],
    ["效益指标", "社会效益指标", "覆盖率", "≥90%", "95%", 30, 30],
    ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "92%", 10, 10],
  ];
  return sheet(name, rows);
}

describe("office host", () => {
  test("recalculates the sample in three syncs, writes what the core decided, selects, undoes", async () => {
    const book = await yunxi();
    const excel = install(book);
    const host = createOfficeHost();
    const before = book.snapshot();
    const steps: RecalcStep[] = [];

    const outcome = await host.recalculate(DEFAULT_PROFILE, (step) => steps.push(step));
    expect(book.syncCount).toBe(3);
    expect(steps).toEqual(["read", "detect", "validate", "score", "write"]);
    expect(excel.runs.every((options) => options.delayForCellEdit === true)).toBe(true);
    if (outcome.kind !== "results") throw new Error("expected results");
    const expected = analyze(toGrid(before), DEFAULT_PROFILE, { lang: "zh" });
    expect(outcome.total).toBe(expected.summary.total);
    expect(outcome.grade).toBe(expected.summary.grade);
    expect(outcome.findings).toEqual(expected.findings);

    // Exactly the cells of the core's writes and marks changed on the user's sheet.
    const planned = new Set([
      ...expected.writes.map((w) => `${w.row},${w.col}`),
      ...wantedMarks(expected, toGrid(before), "zh").flatMap((m) => cellsOf(m.area)),
    ]);
    const userSheet = before.sheets[0].name;
    expect(new Set(changedCells(before, book, userSheet))).toEqual(planned);
    expect(book.sheet("综合得分")).toBeDefined();

    const finding = outcome.findings[0];
    await host.selectCell(finding.sheet, finding.cell);
    expect(book.selection).toEqual({ sheet: finding.sheet, address: finding.cell });
    expect(book.activeSheet).toBe(finding.sheet);

    expect(await host.hasUndo()).toBe(true);
    const restored = await host.undoLast();
    expect(restored).toBe(planned.size);
    const after = book.snapshot();
    expect(after).toEqual(before);
    expect(await host.undoLast()).toBeNull();
  });

  test("a 300-sheet workbook takes at most three syncs", async () => {
    const book = fakeBook(Array.from({ length: 300 }, (_, i) => selfEvaluation(`项目${i + 1}`, i % 2 === 0)));
    install(book);
    const outcome = await createOfficeHost().recalculate(DEFAULT_PROFILE, () => undefined);
    expect(outcome.kind).toBe("results");
    expect(book.syncCount).toBe(3);
    expect(book.sheet("项目1")!.cell(1, 5)!.value).toBe(9);
  });

  test("counts rise sheet by sheet to the workbook's sheets while the tables are found, then checked", async () => {
    const book = fakeBook(Array.from({ length: 30 }, (_, i) => selfEvaluation(`项目${i + 1}`, true)));
    install(book);
    const counts: Partial<Record<RecalcStep, number[]>> = {};
    const steps: RecalcStep[] = [];
    const outcome = await createOfficeHost({ pacing: { sliceMs: 0 } }).recalculate(DEFAULT_PROFILE, (step) => steps.push(step), {
      onCounts: (step, { done, total }) => {
        expect(total).toBe(30);
        (counts[step] ??= []).push(done);
      },
    });
    expect(outcome.kind).toBe("results");
    const oneToThirty = Array.from({ length: 30 }, (_, i) => i + 1);
    expect(counts).toEqual({ read: [30], detect: oneToThirty, validate: oneToThirty });
    expect(steps).toEqual(["read", "detect", "validate", "score", "write"]);
  });

  test("取消 while the sheets are checked: the run stops there and nothing is written, not even the undo record", async () => {
    const book = fakeBook(Array.from({ length: 300 }, (_, i) => selfEvaluation(`项目${i + 1}`, true)));
    install(book);
    const before = book.snapshot();
    const controller = new AbortController();
    let checked = 0;
    // A pause after every sheet; the user clicks 取消 during the pause after the 12th sheet is checked.
    const host = createOfficeHost({ pacing: { sliceMs: 0, pause: async () => (checked === 12 ? controller.abort() : undefined) } });
    const steps: RecalcStep[] = [];
    const run = host.recalculate(DEFAULT_PROFILE, (step) => steps.push(step), {
      signal: controller.signal,
      onCounts: (step, { done }) => {
        if (step === "validate") checked = done;
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(checked).toBe(12);
    expect(steps).toEqual(["read", "detect", "validate"]);
    expect(book.syncCount).toBe(2); // the two reads; the write batch never ran
    expect(book.snapshot()).toEqual(before);
    expect(await host.hasUndo()).toBe(false);
  });

  test("a formula with a blank result is never overwritten; a truly blank cell is still filled; undo restores all", async () => {
    const book = fakeBook([selfEvaluation("公式", true), selfEvaluation("空白", true)]);
    const formulas = book.sheet("公式")!;
    // 执行率 whose result is "" and 得分 saved without a cached result.
    Object.assign(formulas.cellForWrite(1, 3), { formula: '=IF(B2=0,"",C2/B2)', value: "" });
    Object.assign(formulas.cellForWrite(1, 5), { formula: "=D2*E2", value: "" });
    install(book);
    const host = createOfficeHost();
    const before = book.snapshot();

    const outcome = await host.recalculate(DEFAULT_PROFILE, () => undefined);
    expect(outcome.kind).toBe("results");
    expect(book.syncCount).toBeLessThanOrEqual(3);
    expect(formulas.cell(1, 3)).toMatchObject({ formula: '=IF(B2=0,"",C2/B2)', value: "" });
    expect(formulas.cell(1, 5)).toMatchObject({ formula: "=D2*E2", value: "" });
    const blank = book.sheet("空白")!;
    expect(blank.cell(1, 3)!.value).toBe(0.9);
    expect(blank.cell(1, 5)!.value).toBe(9);

    await host.undoLast();
    expect(book.snapshot()).toEqual(before);
  });

  test("an .xlsx with formula cells (through ExcelJS): their formulas and results are kept", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("项目");
    ws.addRows([
      ["项目名称", "资金来源", "备注", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
      ["公式行", "财政", "", 100, 80, null, 10, null], // saved uncalculated: results blank
      ["空白行", "财政", "", 100, 90, null, 10, null],
    ]);
    ws.getCell("F2").value = { formula: 'IF(D2=0,"",E2/D2)', result: "" };
    ws.getCell("H2").value = { formula: "F2*G2" } as ExcelJS.CellFormulaValue; // no cached result
    const buffer = await workbook.xlsx.writeBuffer();
    const book = fakeFromXlsx(buffer as ArrayBuffer);
    const s = book.sheet("项目")!;
    expect(s.cell(1, 5)).toMatchObject({ formula: '=IF(D2=0,"",E2/D2)', value: "" });
    expect(s.cell(1, 7)).toMatchObject({ formula: "=F2*G2", value: "" });
    expect(book.toGrid().sheets[0].formulas?.[1]).toEqual([undefined, undefined, undefined, undefined, undefined, true, undefined, true]);

    install(book);
    const outcome = await createOfficeHost().recalculate(DEFAULT_PROFILE, () => undefined);
    expect(outcome.kind).toBe("results");
    expect(book.syncCount).toBeLessThanOrEqual(3);
    expect(s.cell(1, 5)).toMatchObject({ formula: '=IF(D2=0,"",E2/D2)', value: "" });
    expect(s.cell(1, 7)).toMatchObject({ formula: "=F2*G2", value: "" });
    expect(s.cell(2, 5)!.value).toBe(0.9);
    expect(s.cell(2, 7)!.value).toBe(9);
  });

  test("no tables: the core's message, nothing written", async () => {
    const book = fakeBook([sheet("封面", [["云溪区2023年度部门整体支出绩效自评报告"]])]);
    install(book);
    const before = book.snapshot();
    const outcome = await createOfficeHost().recalculate(DEFAULT_PROFILE, () => undefined);
    expect(outcome).toEqual({ kind: "no-tables", message: expect.stringContaining("没有找到预算表或绩效指标表") });
    expect(book.snapshot()).toEqual(before);
  });

  test("hidden sheets reach the pane's results by name, not checked, as 综合得分 and the command line say (review round 33)", async () => {
    const hidden = { ...selfEvaluation("2022年", false), hidden: true as const };
    install(fakeBook([selfEvaluation("2023年", false), hidden]));
    const outcome = await createOfficeHost().check(DEFAULT_PROFILE);
    expect(outcome.kind === "results" && [outcome.hiddenSheets, outcome.tables.map((t) => t.sheet)]).toEqual([["2022年"], ["2023年", "2023年"]]);
  });

  test.each([
    // Last year's whole form in hidden columns I:Q beside this year's (review round 55a, H1).
    ["c40_hidden_lastyear_form_beside_it", "98.8", ["自评表!I:Q"], 8, 16],
    // Last year's 实际完成值 hidden in E, left of this year's in F.
    ["c16_hidden_dup_actual_train", "98", [], 4, 4],
  ])("%s: the add-in reads the hidden columns, scores the visible form and writes nothing into them", async (name, total, hiddenSheets, first, last) => {
    const book = fakeFromXlsx(readFileSync(`${__dirname}/../fixtures/hidden-columns/${name}.xlsx`));
    install(book);
    const before = book.snapshot();
    const outcome = await createOfficeHost().recalculate(DEFAULT_PROFILE, () => undefined);
    if (outcome.kind !== "results") throw new Error("expected results");
    expect([outcome.total, outcome.grade, outcome.hiddenSheets, outcome.findings]).toEqual([total, "优", hiddenSheets, []]);
    const changed = changedCells(before, book, "自评表").map((key) => Number(key.split(",")[1]));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((col) => col >= first && col <= last)).toEqual([]);
  });

  test("a protected sheet: the pane gets the message and the workbook is untouched", async () => {
    const book = fakeBook([selfEvaluation("项目", true)]);
    book.sheet("项目")!.protected = true;
    install(book);
    const before = book.snapshot();
    await expect(createOfficeHost().recalculate(DEFAULT_PROFILE, () => undefined)).rejects.toThrow(/工作表“项目”受保护/);
    expect(book.snapshot()).toEqual(before);
  });

  test("the profile is kept in the workbook settings; language follows Office", async () => {
    const book = fakeBook([sheet("表", [["a"]])]);
    install(book, "en-US");
    const host = createOfficeHost();
    expect(host.language()).toBe("en");
    expect(await host.loadProfile()).toBeNull();
    await host.saveProfile({ ...DEFAULT_PROFILE, budgetWeight: 20, name: "本区方案" });
    expect(await createOfficeHost().loadProfile()).toEqual({ ...DEFAULT_PROFILE, budgetWeight: 20, name: "本区方案" });
    install(book, "zh-TW");
    expect(createOfficeHost().language()).toBe("zh");
  });

  test("Office errors reach the pane as plain messages", async () => {
    const book = fakeBook([sheet("表", [["a"]])]);
    install(book);
    await expect(createOfficeHost().selectCell("没有这张表", "A1")).rejects.toThrow(/Excel 报告错误.*ItemNotFound/);
  });
});

function toGrid(snapshot: ReturnType<FakeWorkbook["snapshot"]>): WorkbookGrid {
  const book = new FakeWorkbook();
  for (const s of snapshot.sheets) {
    const sheetModel = book.addSheet(s.name);
    for (const [address, cell] of Object.entries(s.cells)) {
      const match = /^([A-Z]+)(\d+)$/.exec(address)!;
      const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      Object.assign(sheetModel.cellForWrite(Number(match[2]) - 1, col), cell);
    }
    sheetModel.merges = s.merges.map((m) => {
      const [a, b] = m.split(":");
      const parse = (x: string) => {
        const mm = /^([A-Z]+)(\d+)$/.exec(x)!;
        return { row: Number(mm[2]) - 1, col: [...mm[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
      };
      const p = parse(a);
      const q = parse(b ?? a);
      return { top: p.row, left: p.col, bottom: q.row, right: q.col };
    });
  }
  return book.toGrid();
}

function cellsOf(area: { top: number; left: number; bottom: number; right: number }): string[] {
  const keys: string[] = [];
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) keys.push(`${r},${c}`);
  return keys;
}

function changedCells(before: ReturnType<FakeWorkbook["snapshot"]>, book: FakeWorkbook, name: string): string[] {
  const after = book.snapshot().sheets.find((s) => s.name === name)!.cells;
  const old = before.sheets.find((s) => s.name === name)!.cells;
  const blank = { value: "", numberFormat: "General", fill: null };
  return [...new Set([...Object.keys(after), ...Object.keys(old)])]
    .filter((address) => JSON.stringify(after[address] ?? blank) !== JSON.stringify(old[address] ?? blank))
    .map((address) => {
      const match = /^([A-Z]+)(\d+)$/.exec(address)!;
      const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return `${Number(match[2]) - 1},${col}`;
    });
}
