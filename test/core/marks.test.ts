import fc from "fast-check";
import { analyze } from "../../src/core/analyze";
import { MergeRange, cellAddress, parseCellAddress } from "../../src/core/grid";
import {
  CellLook,
  EMPTY_MARKS,
  cellsToCheck,
  FILLED_COLOR,
  HeldCell,
  MARK_COLORS,
  MarkPlan,
  MarksRecord,
  NOTE_PREFIX,
  WantedMark,
  composeNote,
  followMovedMarks,
  holdsBy,
  holdsFill,
  marksOf,
  marksOnSheets,
  planClean,
  planMarks,
  unrecordedNotes,
  userNote,
  wantedMarks,
  withoutJixiaoText,
  withMarks,
} from "../../src/core/marks";
import { movedMarks } from "../../src/core/undo-check";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { parseState, stateJson } from "../../src/core/state";
import { BUDGET_HEADER, INDICATOR_HEADER, workbook } from "../support/grid";
import { Looks } from "../support/looks";

/** No cell holds a value jixiao filled in (the marks below carry none). */
const NO_VALUES = () => false;

const cellArea = (row: number, col: number): MergeRange => ({ top: row, left: col, bottom: row, right: col });
const wanted = (sheet: string, area: MergeRange, text: string, kind: WantedMark["kind"] = "finding", color = MARK_COLORS.error): WantedMark => ({ sheet, area, kind, color, text });

/** Runs plans in a row as hosts do: each run's record is the next run's previous record. */
function run(looks: Looks, record: MarksRecord, marks: WantedMark[]): { plan: MarkPlan; record: MarksRecord } {
  const plan = planMarks(marks, record, looks.at);
  looks.apply(plan);
  return { plan, record: plan.record };
}

describe("notes", () => {
  test("the user's note comes first and is what is left when jixiao's text is taken away", () => {
    const ours = `${NOTE_PREFIX}\n【错误】得分不符`;
    expect(composeNote(null, ours)).toBe(ours);
    expect(composeNote("请张三核对", ours)).toBe(`请张三核对\n\n${ours}`);
    expect(userNote(`请张三核对\n\n${ours}`, ours)).toBe("请张三核对");
    expect(userNote(ours, ours)).toBeNull();
    // Rewritten by the user: all of it is theirs.
    expect(userNote("已改正", ours)).toBe("已改正");
  });

  test("jixiao's text is found wherever the user's edit left it: a remark typed after it stays, on its own line", () => {
    const ours = `${NOTE_PREFIX}\n【警告】“群众办事便利度”得分 14 低于分值 15，请填写偏差原因分析及改进措施。`;
    expect(userNote(`${ours}\n单位说明：满意度样本少`, ours)).toBe("单位说明：满意度样本少");
    expect(userNote(`${ours}单位说明`, ours)).toBe("单位说明");
    expect(userNote(`请张三核对\n\n${ours}\n\n单位说明`, ours)).toBe("请张三核对\n单位说明");
  });

  test("a rerun over a note the user added a remark to replaces jixiao's text, not appends a second copy; 清除标记 leaves the remark", () => {
    const ours = `${NOTE_PREFIX}\n【警告】得分低于分值`;
    const looks = new Looks();
    const { record } = run(looks, EMPTY_MARKS, [wanted("表", cellArea(0, 0), ours, "finding", MARK_COLORS.warning)]);
    looks.cells.set("表!A1", { fill: MARK_COLORS.warning, note: `${ours}\n单位说明：样本少` });
    const rerun = run(looks, record, [wanted("表", cellArea(0, 0), ours, "finding", MARK_COLORS.warning)]);
    expect(looks.at("表", 0, 0).note).toBe(`单位说明：样本少\n\n${ours}`);
    looks.apply(planClean(rerun.record, looks.at, NO_VALUES));
    expect(looks.at("表", 0, 0)).toEqual({ fill: null, note: "单位说明：样本少" });
  });

  test("without a record, jixiao's text is known by its shape: a paragraph opening 绩效自评助手： and lines jixiao writes", () => {
    const findings = `${NOTE_PREFIX}\n【警告】“培训人次”得分 16.67 低于分值 20\n【错误】得分不符`;
    const filled = `${NOTE_PREFIX}由 执行数÷全年预算数 补填`;
    expect(withoutJixiaoText(findings)).toBeNull();
    expect(withoutJixiaoText(filled)).toBeNull();
    expect(withoutJixiaoText(`${NOTE_PREFIX}filled in by jixiao as spent ÷ planned`)).toBeNull();
    // A finding's mark on a cell jixiao also filled in: its note says both.
    expect(withoutJixiaoText(`${findings}\n由 分值×实际完成值÷年度指标值 补填`)).toBeNull();
    expect(withoutJixiaoText(`请张三核对\n\n${findings}`)).toBe("请张三核对");
    expect(withoutJixiaoText(`${findings}\n单位说明：报名人数不足\n【备注】另附`)).toBe("单位说明：报名人数不足\n【备注】另附");
    // Not jixiao's shape: the user's words quoting the name, or a paragraph jixiao does not write.
    for (const user of [`见${NOTE_PREFIX}的提示`, `张三\n${NOTE_PREFIX}由 张三 补填`, `${NOTE_PREFIX}已核`, "已核"]) expect(withoutJixiaoText(user)).toBe(user);
    expect(withoutJixiaoText(null)).toBeNull();
  });

  test("a mark on a cell whose note holds jixiao's text the record does not list replaces that text, not appends to it", () => {
    const stale = `${NOTE_PREFIX}由 分值×实际完成值÷年度指标值 补填`;
    const looks = new Looks({ "表!A1": { fill: FILLED_COLOR, note: `单位说明\n\n${stale}` } });
    const ours = `${NOTE_PREFIX}\n【错误】得分不符`;
    run(looks, EMPTY_MARKS, [wanted("表", cellArea(0, 0), ours)]);
    expect(looks.at("表", 0, 0).note).toBe(`单位说明\n\n${ours}`);
  });

  test("清除标记 takes jixiao's text out of the notes its record does not list, and leaves those the record lists to the plan", () => {
    const stale = `${NOTE_PREFIX}\n【警告】请填写偏差原因`;
    const record: MarksRecord = { entries: [{ sheet: "表", area: "B1:B2", kind: "finding", color: MARK_COLORS.error, text: stale, before: [null] }], summary: null };
    const notes = [
      { sheet: "表", row: 0, col: 0, note: `${stale}\n单位说明` },
      { sheet: "表", row: 0, col: 1, note: stale },
      { sheet: "表", row: 0, col: 2, note: "张三：已核" },
      { sheet: "表", row: 0, col: 3, note: stale },
    ];
    expect(unrecordedNotes(notes, record)).toEqual([
      { sheet: "表", row: 0, col: 0, note: "单位说明" },
      { sheet: "表", row: 0, col: 3, note: null },
    ]);
  });

  test("every mark of a real analysis has a note starting 绩效自评助手：, and filled cells say how", () => {
    const grid = workbook({
      name: "自评表",
      rows: [
        BUDGET_HEADER,
        ["项目资金", 100, 200, 150, 10, null, null],
        [],
        INDICATOR_HEADER,
        ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, null, null],
        ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 40, 30, "无"],
      ],
    });
    const analysis = analyze(grid);
    const marks = wantedMarks(analysis, grid, "zh");
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.text.startsWith(NOTE_PREFIX)).toBe(true);
    const filled = marks.filter((m) => m.kind === "filled");
    expect(filled.map((m) => `${cellAddress(m.area.top, m.area.left)} ${m.text}`)).toEqual([
      `F2 ${NOTE_PREFIX}由 执行数÷全年预算数 补填：150÷200=75.00%`,
      `G2 ${NOTE_PREFIX}由 分值×执行率（执行率最高按 100% 计） 补填：10×150÷200=7.50`,
      `G5 ${NOTE_PREFIX}由 分值×实际完成值÷年度指标值 补填：50×8÷10=40.00`,
    ]);
    expect(filled.every((m) => m.color === FILLED_COLOR)).toBe(true);
    // A cell named by a finding lists the finding's message in its note.
    const scored = analysis.findings.find((f) => f.cell === "G6")!;
    const g6 = marks.find((m) => m.area.top === 5 && m.area.left === 6)!;
    expect(g6.kind).toBe("finding");
    expect(g6.text).toContain(scored.message);
    expect(wantedMarks(analysis, grid, "en").find((m) => m.kind === "filled")!.text).toMatch(/^绩效自评助手：filled in by jixiao as /);
  });

  test("a merged area gets one mark, its note on the top-left cell listing the findings of all its cells", () => {
    const grid = workbook({ name: "表", rows: [["a"], [null], ["b"]], merges: ["A1:A2"] });
    const finding = (cell: string, message: string) => ({ rule: "missing-actual" as const, severity: "error" as const, sheet: "表", cell, ...parseCellAddress(cell)!, message });
    const marks = wantedMarks(
      {
        marks: [
          { sheet: "表", row: 0, col: 0, severity: "error", color: MARK_COLORS.error },
          { sheet: "表", row: 1, col: 0, severity: "warning", color: MARK_COLORS.warning },
        ],
        findings: [finding("A1", "一"), finding("A2", "二")],
        writes: [],
      },
      grid,
      "zh",
    );
    expect(marks).toEqual([wanted("表", { top: 0, left: 0, bottom: 1, right: 0 }, `${NOTE_PREFIX}\n【错误】一\n【错误】二`)]);
  });

  test("a merged area takes the colour of its most severe finding, whichever of its cells holds it", () => {
    const grid = workbook({ name: "表", rows: [["a"], [null], ["b"]], merges: ["A1:A2"] });
    const marks = wantedMarks(
      {
        marks: [
          { sheet: "表", row: 0, col: 0, severity: "warning", color: MARK_COLORS.warning },
          { sheet: "表", row: 1, col: 0, severity: "error", color: MARK_COLORS.error },
        ],
        findings: [
          { rule: "missing-reason", severity: "warning", sheet: "表", cell: "A1", row: 0, col: 0, message: "一" },
          { rule: "missing-actual", severity: "error", sheet: "表", cell: "A2", row: 1, col: 0, message: "二" },
        ],
        writes: [],
      },
      grid,
      "zh",
    );
    expect(marks).toEqual([wanted("表", { top: 0, left: 0, bottom: 1, right: 0 }, `${NOTE_PREFIX}\n【错误】二\n【警告】一`, "finding", MARK_COLORS.error)]);
  });
});

describe("a filled-in value's note gives its figures (review round 51: the formula alone was not checkable)", () => {
  // Every kind of value jixiao fills in, one a row: 执行率 and budget scores, scores by the positive
  // and the negative formula, held to the weight, and decided by the comparison alone (a target of 0).
  const grid = workbook({
    name: "表",
    rows: [
      BUDGET_HEADER,
      ["项目资金", 100, 100, 95.3, 10, null, null],
      ["追加资金", 100, 100, 105, 10, null, null],
      [],
      INDICATOR_HEADER,
      ["产出指标", "数量指标", "培训人次", "≥800人次", "860人次", 10, null, "超额"],
      ["产出指标", "数量指标", "培训场次", "≥12场", "8场", 10, null, "场地不足"],
      ["产出指标", "成本指标", "设备采购成本", "≤5万元", "6万元", 10, null, "涨价"],
      ["产出指标", "成本指标", "物业成本", "≤5万元", "3万元", 10, null, "节约"],
      ["产出指标", "质量指标", "安全事故", "0起", "0起", 10, null, "无"],
      ["产出指标", "质量指标", "责任事故", "0起", "2起", 10, null, "管理疏漏"],
    ],
  });
  const notes = (lang: "zh" | "en", profile = DEFAULT_PROFILE): string[] =>
    wantedMarks(analyze(grid, profile), grid, lang)
      .filter((m) => m.kind === "filled")
      .map((m) => `${cellAddress(m.area.top, m.area.left)} ${m.text.slice(NOTE_PREFIX.length)}`);

  test("in Chinese: each basis with the sheet's figures, the result as the cell shows it, and a value held to its weight said to be", () => {
    expect(notes("zh")).toEqual([
      "F2 由 执行数÷全年预算数 补填：95.3÷100=95.30%",
      "G2 由 分值×执行率（执行率最高按 100% 计） 补填：10×95.3÷100=9.53",
      "F3 由 执行数÷全年预算数 补填：105÷100=105.00%",
      "G3 由 分值×执行率（执行率最高按 100% 计） 补填：10×105÷100=10.50，执行率超过 100%，按分值 10 计",
      "G6 由 分值×实际完成值÷年度指标值 补填：10×860÷800=10.75，超过分值，按分值 10 计",
      "G7 由 分值×实际完成值÷年度指标值 补填：10×8÷12=6.67",
      "G8 由 分值×年度指标值÷实际完成值（反向指标） 补填：10×5÷6=8.33",
      "G9 由 分值×年度指标值÷实际完成值（反向指标） 补填：10×5÷3=16.67，超过分值，按分值 10 计",
      "G10 由 分值×实际完成值÷年度指标值 补填：实际完成值 0 达到指标值 0，得 10",
      "G11 由 分值×实际完成值÷年度指标值 补填：实际完成值 2 未达到指标值 0，得 0",
    ]);
  });

  test("in English, the same figures", () => {
    expect(notes("en")).toEqual([
      "F2 filled in by jixiao as spent ÷ planned: 95.3÷100=95.30%",
      "G2 filled in by jixiao as weight × execution rate (capped at 100%): 10×95.3÷100=9.53",
      "F3 filled in by jixiao as spent ÷ planned: 105÷100=105.00%",
      "G3 filled in by jixiao as weight × execution rate (capped at 100%): 10×105÷100=10.50, rate above 100%, counted at 10",
      "G6 filled in by jixiao as weight × actual ÷ target: 10×860÷800=10.75, above the weight, counted at 10",
      "G7 filled in by jixiao as weight × actual ÷ target: 10×8÷12=6.67",
      "G8 filled in by jixiao as weight × target ÷ actual (lower is better): 10×5÷6=8.33",
      "G9 filled in by jixiao as weight × target ÷ actual (lower is better): 10×5÷3=16.67, above the weight, counted at 10",
      "G10 filled in by jixiao as weight × actual ÷ target: actual 0 meets target 0, scored 10",
      "G11 filled in by jixiao as weight × actual ÷ target: actual 2 misses target 0, scored 0",
    ]);
  });

  test("at the profile's decimals and by its linear negative formula, held to 0 where it falls below", () => {
    const profile = { ...DEFAULT_PROFILE, negativeFormula: "linear" as const, scoreDecimals: 1, rateDecimals: 3 };
    const zh = notes("zh", profile);
    expect(zh).toEqual(
      expect.arrayContaining([
        "F2 由 执行数÷全年预算数 补填：95.3÷100=95.3%",
        "G7 由 分值×实际完成值÷年度指标值 补填：10×8÷12=6.7",
        "G8 由 分值×(2×年度指标值−实际完成值)÷年度指标值（反向指标） 补填：10×(2×5−6)÷5=8.0",
      ]),
    );
    const over = workbook({ name: "表", rows: [INDICATOR_HEADER, ["产出指标", "成本指标", "设备采购成本", "≤5万元", "12万元", 10, null, "涨价"]] });
    const texts = (lang: "zh" | "en") => wantedMarks(analyze(over, profile), over, lang).find((m) => m.kind === "filled")!.text.slice(NOTE_PREFIX.length);
    expect(texts("zh")).toBe("由 分值×(2×年度指标值−实际完成值)÷年度指标值（反向指标） 补填：10×(2×5−12)÷5=-4.0，低于 0，按 0 计");
    expect(texts("en")).toBe("filled in by jixiao as weight × (2 × target − actual) ÷ target (lower is better): 10×(2×5−12)÷5=-4.0, below 0, counted at 0");
  });

  test("a 执行率 above 100% that shows 100.00% (1000000000.01 of 1000000000) still says the score was held, and overspent says the rate is above 100% (review round 58d, F2)", () => {
    const over = workbook({ name: "表", rows: [BUDGET_HEADER, ["项目资金", 1000000000, 1000000000, 1000000000.01, 10, null, null]] });
    const a = analyze(over);
    const texts = (lang: "zh" | "en") => wantedMarks(a, over, lang).filter((m) => m.kind === "filled").map((m) => m.text.slice(NOTE_PREFIX.length));
    expect(texts("zh")[1]).toBe("由 分值×执行率（执行率最高按 100% 计） 补填：10×1000000000.01÷1000000000=10.00，执行率超过 100%，按分值 10 计");
    expect(texts("en")[1]).toBe("filled in by jixiao as weight × execution rate (capped at 100%): 10×1000000000.01÷1000000000=10.00, rate above 100%, counted at 10");
    expect(a.findings.find((f) => f.rule === "overspent")?.message).toBe("执行数 1000000000.01 超过全年预算数 1000000000（执行率 100.000000001%），请说明超支原因。");
  });

  test("清除标记 takes them out by the record, and by their shape where the record was lost, as it does the notes of builds before figures; the user's text stays", () => {
    const written = [...notes("zh"), ...notes("en"), ...notes("zh", { ...DEFAULT_PROFILE, negativeFormula: "linear" })].map((n) => NOTE_PREFIX + n.slice(n.indexOf(" ") + 1));
    // As this build writes them, whatever the figures (a negative result, the profile's decimals).
    const newer = [
      `${NOTE_PREFIX}由 执行数÷全年预算数 补填：1268.5÷1300=97.58%`,
      `${NOTE_PREFIX}由 分值×执行率（执行率最高按 100% 计） 补填：20×1310÷1300=20.15，执行率超过 100%，按分值 20 计`,
      `${NOTE_PREFIX}由 分值×(2×年度指标值−实际完成值)÷年度指标值（反向指标） 补填：10×(2×5−12)÷5=-4.0，低于 0，按 0 计`,
      `${NOTE_PREFIX}由 分值×实际完成值÷年度指标值 补填：实际完成值 -3 未达到指标值 0，得 0`,
      `${NOTE_PREFIX}filled in by jixiao as weight × actual ÷ target: 7.5×860÷800=8.0625, above the weight, counted at 7.5`,
    ];
    const all = [...written, ...newer];
    const older = [`${NOTE_PREFIX}由 分值×年度指标值÷实际完成值（反向指标） 补填`, `${NOTE_PREFIX}filled in by jixiao as weight × actual ÷ target`];
    for (const text of [...all, ...older]) {
      // By the record: the exact text it wrote.
      const looks = new Looks({ "表!A1": { fill: FILLED_COLOR, note: `单位说明\n\n${text}` } });
      const record: MarksRecord = { entries: [{ sheet: "表", area: "A1", kind: "filled", color: FILLED_COLOR, text, before: [null], value: 1 }], summary: null };
      looks.apply(planClean(record, looks.at, NO_VALUES));
      expect(looks.at("表", 0, 0)).toEqual({ fill: null, note: "单位说明" });
      // By its shape: alone, after the user's note, under a finding's mark, before a remark of the user's.
      const line = text.slice(NOTE_PREFIX.length);
      expect(withoutJixiaoText(text)).toBeNull();
      expect(withoutJixiaoText(`请张三核对\n\n${text}`)).toBe("请张三核对");
      expect(withoutJixiaoText(`${NOTE_PREFIX}\n【警告】得分低于分值\n${line}\n单位说明：样本少`)).toBe("单位说明：样本少");
      expect(unrecordedNotes([{ sheet: "表", row: 0, col: 0, note: text }], EMPTY_MARKS)).toEqual([{ sheet: "表", row: 0, col: 0, note: null }]);
    }
    // The user's own lines, even with jixiao's name or formula words in them, are theirs.
    for (const user of [
      `${NOTE_PREFIX}由 张三 补填：10×8÷12=6.67`,
      `${NOTE_PREFIX}由 执行数÷全年预算数 补填：张三复核`,
      `${NOTE_PREFIX}由 执行数÷全年预算数 补填：95.3÷100=95.30%，已复核`,
      `张三\n${NOTE_PREFIX}由 执行数÷全年预算数 补填：95.3÷100=95.30%`,
      "10×860÷800=10.75，超过分值，按分值 10 计",
    ]) {
      expect(withoutJixiaoText(user)).toBe(user);
    }
  });
});

describe("cellsToCheck: what 清除标记 cannot tell where the record did not cover every run", () => {
  test("cells whose notes held unrecorded text, and cells given one of jixiao's own fills back, in the sheets' order, once each", () => {
    const cell = (sheet: string, row: number, col: number) => ({ sheet, row, col });
    const unrecorded = [{ ...cell("表二", 0, 0), note: null }, { ...cell("表", 3, 1), note: "单位说明" }];
    const fills = [
      { sheet: "表", area: cellArea(3, 1), fill: FILLED_COLOR },
      { sheet: "表", area: { top: 1, left: 0, bottom: 1, right: 1 }, fill: MARK_COLORS.warning.toLowerCase() },
      { sheet: "表", area: cellArea(5, 5), fill: "#00B050" },
      { sheet: "表", area: cellArea(6, 6), fill: null },
    ];
    expect(cellsToCheck(unrecorded, fills, ["表", "表二"])).toEqual([cell("表", 1, 0), cell("表", 1, 1), cell("表", 3, 1), cell("表二", 0, 0)]);
    // Without a note jixiao's record missed, nothing says a record was lost: a user's 差 style has jixiao's red.
    expect(cellsToCheck([], [{ sheet: "表", area: cellArea(0, 0), fill: MARK_COLORS.error }], ["表"])).toEqual([]);
  });
});

describe("planMarks: jixiao owns its marks", () => {
  const user = { "表!B2": { fill: "#00B050", note: "用户自己的批注" }, "表!C3": { fill: "#FFFF00", note: null } };

  test("a mark over a user's fill and note keeps both to give back", () => {
    const looks = new Looks(user);
    const { plan } = run(looks, EMPTY_MARKS, [wanted("表", cellArea(1, 1), "绩效自评助手：甲")]);
    expect(looks.at("表", 1, 1)).toEqual({ fill: MARK_COLORS.error, note: "用户自己的批注\n\n绩效自评助手：甲" });
    expect(plan.record.entries).toEqual([{ sheet: "表", area: "B2", kind: "finding", color: MARK_COLORS.error, text: "绩效自评助手：甲", before: ["#00B050"] }]);
    expect(plan.marked).toBe(1);
    looks.apply(planClean(plan.record, looks.at, NO_VALUES));
    expect(looks.shown()).toEqual(new Looks(user).shown());
  });

  test("a rerun takes back exactly the marks whose findings are gone and refreshes the others", () => {
    const looks = new Looks(user);
    let record = run(looks, EMPTY_MARKS, [
      wanted("表", cellArea(1, 1), "绩效自评助手：甲"),
      wanted("表", cellArea(2, 2), "绩效自评助手：乙"),
      wanted("表", cellArea(3, 3), "绩效自评助手：丙", "filled", FILLED_COLOR),
    ]).record;
    const second = run(looks, record, [wanted("表", cellArea(1, 1), "绩效自评助手：甲改", "finding", MARK_COLORS.warning)]);
    record = second.record;
    expect(second.plan.removed).toBe(2);
    expect(looks.at("表", 2, 2)).toEqual({ fill: "#FFFF00", note: null });
    expect(looks.at("表", 3, 3)).toEqual({ fill: null, note: null });
    expect(looks.at("表", 1, 1)).toEqual({ fill: MARK_COLORS.warning, note: "用户自己的批注\n\n绩效自评助手：甲改" });
    // The fill from before the first run is still what the record gives back.
    expect(record.entries).toEqual([expect.objectContaining({ area: "B2", before: ["#00B050"] })]);
    looks.apply(planClean(record, looks.at, NO_VALUES));
    expect(looks.shown()).toEqual(new Looks(user).shown());
  });

  test("a fill the user chose after the run and an edit to their part of the note are kept", () => {
    const looks = new Looks(user);
    const { record } = run(looks, EMPTY_MARKS, [wanted("表", cellArea(1, 1), "绩效自评助手：甲"), wanted("表", cellArea(2, 2), "绩效自评助手：乙")]);
    looks.cells.set("表!C3", { fill: "#7030A0", note: "绩效自评助手：乙" });
    looks.cells.set("表!B2", { fill: MARK_COLORS.error, note: "用户改过的批注\n\n绩效自评助手：甲" });
    looks.apply(planClean(record, looks.at, NO_VALUES));
    expect(looks.at("表", 2, 2)).toEqual({ fill: "#7030A0", note: null });
    expect(looks.at("表", 1, 1)).toEqual({ fill: "#00B050", note: "用户改过的批注" });
  });

  test("清除标记 blanks a value jixiao filled in while the cell still holds it, in its old number format, or gives back its spaces", () => {
    // A4 holds two spaces: it reads as blank and is filled in too.
    const grid = workbook({ name: "表", rows: [["得分", "分值"], [null, 10], [null, 10], ["  ", 10]], numFmts: { A2: "0.0" } });
    const writes = [0, 1, 2].map((i) => ({ sheet: "表", cell: `A${i + 2}`, row: i + 1, col: 0, value: "9.5", numFmt: "0.00", basis: "score" as const }));
    const marks = wantedMarks({ marks: [], findings: [], writes }, grid, "zh");
    const looks = new Looks();
    const { record } = run(looks, EMPTY_MARKS, marks);
    expect(record.entries.map((e) => [e.area, e.value, e.format, e.was])).toEqual([
      ["A2", 9.5, "0.0", undefined],
      ["A3", 9.5, "General", undefined],
      ["A4", 9.5, "General", "  "],
    ]);
    // The user has since typed 8 over A3: that value is theirs.
    const holds = (_s: string, row: number, _c: number, value: number) => row !== 2 && value === 9.5;
    const clean = planClean(marksOf(parseState(stateJson(withMarks({ v: 1 }, record)))), looks.at, holdsFill(holds));
    expect(clean.clears).toEqual([
      { sheet: "表", row: 1, col: 0, numFmt: "0.0", was: null },
      { sheet: "表", row: 3, col: 0, numFmt: "General", was: "  " },
    ]);
  });

  test("清除标记 blanks a value jixiao filled in that a finding also names (its mark is the finding's)", () => {
    const grid = workbook({ name: "表", rows: [["执行率"], [null]] });
    const write = { sheet: "表", cell: "A2", row: 1, col: 0, value: "1.25", numFmt: "0.00%", basis: "rate" as const };
    const finding = { rule: "overspent" as const, severity: "warning" as const, sheet: "表", cell: "A2", row: 1, col: 0, message: "执行数超过预算" };
    const marks = wantedMarks({ marks: [{ sheet: "表", row: 1, col: 0, severity: "warning", color: MARK_COLORS.warning }], findings: [finding], writes: [write] }, grid, "zh");
    const looks = new Looks();
    const { record } = run(looks, EMPTY_MARKS, marks);
    expect(record.entries.map((e) => [e.kind, e.value])).toEqual([["finding", 1.25]]);
    const clean = planClean(record, looks.at, () => true);
    expect(clean.clears).toEqual([{ sheet: "表", row: 1, col: 0, numFmt: "General", was: null }]);
  });

  test("refuses to plan over cells whose look was not read", () => {
    expect(() => planMarks([wanted("表", cellArea(0, 0), "x")], EMPTY_MARKS, () => undefined)).toThrow(/was not read/);
  });
});

describe("the record in the workbook's state", () => {
  test("round-trips through the state's JSON, and a damaged one counts as none", () => {
    const record: MarksRecord = {
      entries: [{ sheet: "表", area: "A1:A2", kind: "finding", color: "#FFC7CE", text: "绩效自评助手：x", before: [null, "#00B050"] }],
      summary: { name: "综合得分", digest: "0123456789abcdef" },
    };
    const state = parseState(stateJson(withMarks({ v: 1, ignores: ["keep"] }, record)));
    expect(marksOf(state)).toEqual(record);
    expect(state.ignores).toEqual(["keep"]);
    expect(marksOf({ v: 1, marks: { entries: [{ sheet: 3 }], summary: "x" } })).toEqual(EMPTY_MARKS);
    expect(marksOf({ v: 1, marks: "broken" })).toEqual(EMPTY_MARKS);
  });

  test("keeps a filled-in value's row labels; an entry whose labels are damaged counts as none", () => {
    const filled = { sheet: "表", area: "G5", kind: "filled", color: FILLED_COLOR, text: "绩效自评助手：x", before: [null], value: 20 };
    const labelled = { ...filled, labels: { A5: "产出指标", C5: "培训人次" } };
    const damaged = [{ A5: 3 }, { 五: "产出指标" }, ["产出指标"], "产出指标"].map((labels) => ({ ...filled, labels }));
    const record = marksOf({ v: 1, marks: { entries: [filled, labelled, ...damaged], summary: null } });
    expect(record.entries).toEqual([filled, labelled]);
  });
});

describe("marks on a deleted sheet", () => {
  test("went with the sheet: a rerun neither reads nor takes them back, and the summary's record stays", () => {
    const looks = new Looks({ "表!B2": { fill: "#00B050", note: null } });
    const marked = run(looks, EMPTY_MARKS, [wanted("表", cellArea(1, 1), "绩效自评助手：甲"), wanted("旧表", cellArea(0, 0), "绩效自评助手：乙")]).record;
    const record = { ...marked, summary: { name: "综合得分", digest: "0123456789abcdef" } };
    const kept = marksOnSheets(record, ["表", "综合得分"]);
    expect(kept).toEqual({ entries: [record.entries[0]], summary: record.summary });
    const onlyHere = (sheet: string, row: number, col: number) => (sheet === "表" ? looks.at(sheet, row, col) : undefined);
    const rerun = planMarks([], kept, onlyHere);
    expect(rerun.removed).toBe(1);
    expect(rerun.fills).toEqual([{ sheet: "表", area: cellArea(1, 1), fill: "#00B050" }]);
  });
});

describe("followMovedMarks: marks follow their notes (review round 23b)", () => {
  const entry = (sheet: string, area: string, text: string, labels?: Record<string, string>) => ({
    sheet,
    area,
    kind: "finding" as const,
    color: MARK_COLORS.error,
    text,
    before: [null],
    ...(labels && { labels }),
  });
  const record: MarksRecord = {
    entries: [entry("表", "H10", `${NOTE_PREFIX}甲`), entry("表", "H12:I12", `${NOTE_PREFIX}乙`, { C12: "培训场次" }), entry("表", "H20", `${NOTE_PREFIX}丙`)],
    summary: { name: "综合得分", digest: "0123456789abcdef" },
  };
  const note = (sheet: string, address: string, text: string) => ({ sheet, ...parseCellAddress(address)!, note: text });

  test("is the record itself when every note is where it was", () => {
    const notes = [note("表", "H10", `${NOTE_PREFIX}甲`), note("表", "H12", `张三：请复核\n\n${NOTE_PREFIX}乙`), note("表", "H20", `${NOTE_PREFIX}丙`)];
    expect(followMovedMarks(record, notes, ["表", "综合得分"])).toBe(record);
  });

  test("moves the marks below a deleted row up, with their rows' labels; the deleted row's mark stays unless another moved to its address", () => {
    // Row 10 deleted: 甲's note went with it, 乙's and 丙's moved up a row.
    const notes = [note("表", "H11", `${NOTE_PREFIX}乙`), note("表", "H19", `${NOTE_PREFIX}丙`)];
    const followed = followMovedMarks(record, notes, ["表"]);
    expect(followed.entries.map((e) => [e.area, e.text, e.labels])).toEqual([
      ["H10", `${NOTE_PREFIX}甲`, undefined],
      ["H11:I11", `${NOTE_PREFIX}乙`, { C11: "培训场次" }],
      ["H19", `${NOTE_PREFIX}丙`, undefined],
    ]);
    // A mark whose row was deleted, with another mark moved to its address, is gone.
    const upTwo = followMovedMarks({ ...record, entries: [entry("表", "H10", `${NOTE_PREFIX}甲`), entry("表", "H12", `${NOTE_PREFIX}乙`)] }, [note("表", "H10", `${NOTE_PREFIX}乙`)], ["表"]);
    expect(upTwo.entries.map((e) => [e.area, e.text])).toEqual([["H10", `${NOTE_PREFIX}乙`]]);
    expect(upTwo.summary).toEqual(record.summary);
  });

  test("moves the marks below an inserted row down", () => {
    const notes = [note("表", "H11", `${NOTE_PREFIX}甲`), note("表", "H13", `${NOTE_PREFIX}乙`), note("表", "H21", `${NOTE_PREFIX}丙`)];
    expect(followMovedMarks(record, notes, ["表"]).entries.map((e) => e.area)).toEqual(["H11", "H13:I13", "H21"]);
    // Marks of one text in one column (values filled in the same way) keep their order (review round 24a).
    const same = { ...record, entries: [entry("表", "H10", `${NOTE_PREFIX}甲`, { C10: "第一行" }), entry("表", "H11", `${NOTE_PREFIX}甲`, { C11: "第二行" })] };
    const moved = followMovedMarks(same, [note("表", "H11", `${NOTE_PREFIX}甲`), note("表", "H12", `${NOTE_PREFIX}甲`)], ["表"]);
    expect(moved.entries.map((e) => [e.area, e.labels])).toEqual([
      ["H11", { C11: "第一行" }],
      ["H12", { C12: "第二行" }],
    ]);
  });

  test("follows a mark moved across rows and columns at once, and tells its row's labels no longer after a column moved it", () => {
    // A row deleted above and a column inserted left: 乙 from H12 to I11.
    const notes = [note("表", "H10", `${NOTE_PREFIX}甲`), note("表", "I11", `${NOTE_PREFIX}乙`), note("表", "H20", `${NOTE_PREFIX}丙`)];
    const followed = followMovedMarks(record, notes, ["表"]);
    expect(followed.entries.map((e) => [e.area, e.labels])).toEqual([
      ["H10", undefined],
      ["I11:J11", undefined],
      ["H20", undefined],
    ]);
  });

  test("follows a renamed sheet to the sheet no mark names whose notes hold its marks' texts", () => {
    const notes = [note("表（改）", "H10", `${NOTE_PREFIX}甲`), note("表（改）", "H12", `${NOTE_PREFIX}乙`), note("表（改）", "H20", `${NOTE_PREFIX}丙`), note("封面", "A1", "说明")];
    const followed = followMovedMarks(record, notes, ["封面", "表（改）", "综合得分"]);
    expect(followed.entries.map((e) => [e.sheet, e.area])).toEqual([
      ["表（改）", "H10"],
      ["表（改）", "H12:I12"],
      ["表（改）", "H20"],
    ]);
    // A sheet that holds none of the texts is no rename: the marks stay on the sheet that is gone.
    expect(followMovedMarks(record, [note("封面", "A1", "说明")], ["封面"])).toBe(record);
  });

  test("movedMarks: the marks no longer where the record says, moved, renamed or gone with their row; none when every note is in place or unread (review round 54b, H1)", () => {
    const inPlace = [note("表", "H10", `${NOTE_PREFIX}甲`), note("表", "H12", `${NOTE_PREFIX}乙`), note("表", "H20", `${NOTE_PREFIX}丙`)];
    expect(movedMarks(record, inPlace, ["表"])).toEqual([]);
    // A note the user deleted is no move: the mark stays where it was.
    expect(movedMarks(record, inPlace.slice(1), ["表"])).toEqual([]);
    expect(movedMarks(record, [], ["表"])).toEqual([]);
    // A row inserted above row 12: 乙 and 丙 moved, 甲 did not.
    expect(movedMarks(record, [inPlace[0], note("表", "H13", `${NOTE_PREFIX}乙`), note("表", "H21", `${NOTE_PREFIX}丙`)], ["表"]).map((m) => [m.was.area, m.now?.area])).toEqual([
      ["H12:I12", "H13:I13"],
      ["H20", "H21"],
    ]);
    // Row 10 deleted: 乙 moved up to it, 甲 went with its row.
    expect(movedMarks(record, [note("表", "H10", `${NOTE_PREFIX}乙`), note("表", "H19", `${NOTE_PREFIX}丙`)], ["表"]).map((m) => [m.was.area, m.now?.area ?? null])).toEqual([
      ["H10", null],
      ["H12:I12", "H10:I10"],
      ["H20", "H19"],
    ]);
    expect(movedMarks(record, inPlace.map((n) => ({ ...n, sheet: "表（改）" })), ["表（改）"]).map((m) => m.was)).toEqual(record.entries);
  });
});

/** Areas of a 5×4 sheet that never overlap: two merged areas and every other single cell. */
const MERGES: MergeRange[] = [
  { top: 0, left: 0, bottom: 1, right: 0 },
  { top: 2, left: 1, bottom: 2, right: 3 },
];
const AREAS: MergeRange[] = [
  ...MERGES,
  ...Array.from({ length: 20 }, (_, i) => cellArea(Math.floor(i / 4), i % 4)).filter(
    (cell) => !MERGES.some((m) => m.top <= cell.top && cell.top <= m.bottom && m.left <= cell.left && cell.left <= m.right),
  ),
];
const colors = fc.constantFrom<string | null>(null, "#00B050", "#FFFF00", MARK_COLORS.error, FILLED_COLOR);
const userLooks = fc.array(fc.record({ fill: colors, note: fc.option(fc.constantFrom("张三：已核", "备注", "请复核\n第二行"), { nil: null }) }), {
  minLength: 20,
  maxLength: 20,
});
const runMarks = fc.uniqueArray(
  fc.record({
    area: fc.integer({ min: 0, max: AREAS.length - 1 }),
    kind: fc.constantFrom<WantedMark["kind"]>("finding", "filled"),
    color: fc.constantFrom(MARK_COLORS.error, MARK_COLORS.warning, MARK_COLORS.info),
    text: fc.constantFrom("甲", "乙", "丙"),
  }),
  { selector: (m) => m.area, maxLength: 8 },
);

describe("清除标记 after any number of runs (property)", () => {
  test("gives back every user fill and note, whatever the runs marked", () => {
    fc.assert(
      fc.property(userLooks, fc.array(runMarks, { minLength: 1, maxLength: 4 }), (looksList, runs) => {
        const initial: Record<string, CellLook> = {};
        looksList.forEach((look, i) => (initial[`表!${cellAddress(Math.floor(i / 4), i % 4)}`] = look));
        // A merged area shows its top-left cell's look; the others hold none of their own.
        const looks = new Looks(initial);
        let record = EMPTY_MARKS;
        for (const marks of runs) {
          const asked = marks.map((m) => wanted("表", AREAS[m.area], `${NOTE_PREFIX}${m.text}`, m.kind, m.kind === "filled" ? FILLED_COLOR : m.color));
          const result = run(looks, record, asked);
          // Every wanted area shows its mark and jixiao's text in its note.
          for (const mark of asked) {
            expect(looks.at("表", mark.area.top, mark.area.left).fill).toBe(mark.color);
            expect(looks.at("表", mark.area.top, mark.area.left).note?.endsWith(mark.text)).toBe(true);
          }
          // Round-trip the record through the workbook's state, as the hosts store it.
          record = marksOf(parseState(stateJson(withMarks({ v: 1 }, result.record))));
        }
        looks.apply(planClean(record, looks.at, NO_VALUES));
        expect(looks.shown()).toEqual(new Looks(initial).shown());
      }),
      { numRuns: 300 },
    );
  });
});

describe("holdsBy: whether a filled-in cell still holds jixiao's number, one rule for every host", () => {
  const cells: Record<string, HeldCell> = {
    "表\u00000,0": { value: 40, formula: false },
    "表\u00000,1": { value: 40, formula: true },
    "表\u00000,2": { value: 41, formula: false },
    "表\u00000,3": { value: "40", formula: false },
  };
  const holds = holdsBy((sheet, row, col) => cells[`${sheet}\u0000${row},${col}`]);

  it("holds its own value; not a formula's same result, another number, text, or a cell not read", () => {
    expect([0, 1, 2, 3, 4].map((col) => holds("表", 0, col, 40))).toEqual([true, false, false, false, false]);
    expect(holds("别的表", 0, 0, 40)).toBe(false);
  });
});
