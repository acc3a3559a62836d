import { analyze } from "../../src/core/analyze";
import { HeadlineTotal, headlines } from "../../src/core/headline";
import { marksOf, withMarks } from "../../src/core/marks";
import { parseState, stateJson } from "../../src/core/state";
import * as summaryModule from "../../src/core/summary";
import {
  SUMMARY_MARKERS,
  sheetDigest,
  summaryDigest,
  summarySheetName,
} from "../../src/core/summary-sheet";
import { wrappedLines } from "../../src/core/text-width";
import { SummarySheet, summaryFont } from "../../src/core/summary-types";
import { SheetGrid, parseCellAddress } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { BUDGET_HEADER, INDICATOR_HEADER, workbook } from "../support/grid";

/** A 2023 form of 某某局 with money in 万元, weights adding up to 110. */
const FORM = workbook({
  name: "自评表",
  rows: [
    ["某某局2023年度部门整体支出绩效自评表"],
    ["单位：万元"],
    BUDGET_HEADER,
    ["年度资金总额", 100, 200, 150, 10, null, null],
    [],
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, null, "停办两场"],
    ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 50, 30, "无"],
  ],
});

const textAt = (summary: SummarySheet, row: number, col: number) =>
  summary.cells.find((c) => c.row === row && c.col === col)?.value;
const rowOf = (summary: SummarySheet, text: string) =>
  summary.cells.find((c) => c.value === text)!.row;

describe("the 综合得分 layout", () => {
  const summary = analyze(FORM).summary;

  test("is laid out when first read, once, the same whatever was read before it", () => {
    const layout = jest.spyOn(summaryModule, "buildSummary");
    try {
      const a = analyze(FORM);
      // A host that reads no summary (the command line's review) has none laid out.
      expect([
        a.findings.length > 0,
        a.indicators.length,
        a.totals.length,
      ]).toEqual([true, 2, 1]);
      expect(layout).not.toHaveBeenCalled();
      const first = a.summary;
      expect(a.summary).toBe(first);
      expect(layout).toHaveBeenCalledTimes(1);
      expect(first).toEqual(summary);
      // Into JSON and copies, like the indicator rows.
      expect(JSON.parse(JSON.stringify(a)).summary).toEqual(
        JSON.parse(JSON.stringify(summary)),
      );
      expect({ ...a }.summary).toBe(first);
    } finally {
      layout.mockRestore();
    }
  });

  test("the title names the unit (here the sheet) and the year the form states", () => {
    expect(textAt(summary, 0, 0)).toBe("自评表2023年度绩效自评综合得分");
  });

  test("the title's year is the form's, as its report gives it, not a date in its header block (填报日期：2024年1月10日)", () => {
    const filled = (target: string) =>
      analyze(
        workbook({
          name: "自评表",
          rows: [
            ["部门整体支出绩效自评表"],
            ["填报日期：2024年1月10日"],
            INDICATOR_HEADER,
            [
              "产出指标",
              "时效指标",
              "完成时间",
              target,
              "按时完成",
              50,
              50,
              "",
            ],
            ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 50, 50, ""],
          ],
        }),
      );
    const dated = filled("2023年12月31日前");
    expect(dated.tables.map((t) => t.year)).toEqual([2023]);
    expect(textAt(dated.summary, 0, 0)).toBe(
      "自评表2023年度绩效自评综合得分",
    );
    expect(textAt(filled("年底前").summary, 0, 0)).toBe(
      "自评表绩效自评综合得分",
    );
  });

  test("rates are rounded and shown to the profile's rate decimals, as the cells jixiao fills in are", () => {
    const thirds = workbook({
      name: "自评表",
      rows: [
        BUDGET_HEADER,
        ["年度资金总额", 300, 300, 200, 10, null, null],
        [],
        INDICATOR_HEADER,
        [
          "产出指标",
          "数量指标",
          "培训场次",
          "≥15场",
          "10场",
          60,
          40,
          "停办五场",
        ],
        ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 30, 30, ""],
      ],
    });
    const percents = (rateDecimals: number) =>
      analyze(thirds, { ...DEFAULT_PROFILE, rateDecimals })
        .summary.cells.filter((c) => c.style === "percent")
        .map((c) => `${c.value} ${c.numFmt}`);
    // The budget line's rate, then section 二's 预算执行 (its score 6.67 ÷ 10) and 一级指标.
    expect(percents(4)).toEqual(["0.6667 0.00%", "0.667 0.00%", "0.6667 0.00%", "1 0.00%"]);
    expect(percents(6)).toEqual([
      "0.666667 0.0000%",
      "0.667 0.0000%",
      "0.666667 0.0000%",
      "1 0.0000%",
    ]);
  });

  test("points are shown to the profile's score decimals, as the scores jixiao fills in are", () => {
    const points = (scoreDecimals: number) => [
      ...new Set(
        analyze(FORM, { ...DEFAULT_PROFILE, scoreDecimals })
          .summary.cells.filter(
            // Money is #,##0.00 whatever the profile: it is the form's, not a score.
            (c) =>
              c.isNumber &&
              (c.style === "number" || c.style === "total") &&
              !c.numFmt?.startsWith("#"),
          )
          .map((c) => c.numFmt),
      ),
    ];
    expect(points(2)).toEqual(["0.00"]);
    expect(points(0)).toEqual(["0"]);
  });

  test("money columns are headed with the form's unit, on a line of its own", () => {
    // One sheet holds the form: no 工作表 column, 项目 in A (review round 52).
    const header = rowOf(summary, "全年预算数\n（万元）");
    expect(textAt(summary, header, 2)).toBe("执行数\n（万元）");
    expect(summary.rowHeights[header]).toBeGreaterThanOrEqual(2 * 15);
  });

  test("weights adding up to 110: the total without a grade, and the reason beside it", () => {
    const total = summary.cells.find((c) => c.style === "total" && c.isNumber)!;
    const grade = summary.cells.find(
      (c) => c.row === total.row && c.style === "grade",
    )!;
    // Said on the total line: the weights' sum in its 分值, and no grade.
    expect([textAt(summary, total.row, 0), textAt(summary, total.row, 1), grade.value]).toEqual(["综合得分（计算）", "110", "未评等次"]);
    expect(textAt(summary, total.row + 1, 0)).toMatch(
      /^未评等次：预算执行率分值 10 加各指标分值 100，合计 110 分/,
    );
    expect(summary.grade).toBeNull();
    expect(summary.gradeReason).toMatch(/^未评等次/);
  });

  test("findings name their rule in Chinese, the id in a small column of its own", () => {
    const header = rowOf(summary, "规则编号");
    const weights = summary.cells.find((c) => c.value === "weights-total")!;
    expect(weights.col).toBe(4);
    expect(weights.style).toBe("rule");
    expect(weights.row).toBeGreaterThan(header);
    expect(textAt(summary, weights.row, 1)).toBe("分值合计不为100");
    expect(summary.print.titleRows).toEqual({ top: header, bottom: header });
  });

  test("a legend of the four marks, a signature block and the marker, then the findings last (their repeated header never stands over the signature alone)", () => {
    for (const label of ["错误", "警告", "提示", "补填"])
      expect(
        summary.cells.some(
          (c) => c.value === label && c.style.startsWith("legend-"),
        ),
      ).toBe(true);
    for (const label of ["填报人：", "审核人：", "填报日期：    年  月  日"])
      expect(summary.cells.some((c) => c.value === label)).toBe(true);
    // Review round 51d L1: the findings end the sheet, so the last page holds findings under their header.
    const findings = rowOf(summary, "四、问题清单");
    expect(rowOf(summary, "三、标记说明")).toBeLessThan(findings);
    expect(rowOf(summary, "审核人：")).toBeLessThan(findings);
    expect(rowOf(summary, SUMMARY_MARKERS.zh)).toBeLessThan(findings);
    expect(summary.print.titleRows!.top).toBe(findings + 1);
    expect(summary.cells[summary.cells.length - 1].style).toBe("rule");
    expect(summary.rowCount).toBe(summary.cells[summary.cells.length - 1].row + 1);
  });

  test("a wrapped message's row is as tall as its lines", () => {
    const message = summary.cells.find(
      (c) => c.col === 3 && c.value.startsWith("预算执行率分值"),
    )!;
    const lines = wrappedLines(message.value, summary.columnWidths[3]);
    expect(lines).toBeGreaterThan(1);
    expect(summary.rowHeights[message.row]).toBeGreaterThanOrEqual(lines * 15);
  });

  test("lines of wrapped text: a Chinese character takes two columns, any other one, each line break starts a line", () => {
    // [text, lines in a 12-character-wide cell, which holds 11 columns of text]
    const cases: [string, number][] = [
      ["", 1],
      ["abcdefghijk", 1],
      ["abcdefghijkl", 2],
      ["一二三四五", 1],
      ["一二三四五六", 2],
      ["一二三四五六七八九十一二三四五六七八九十", 4],
      ["ab\ncd", 2],
      ["ab\n\ncd", 3],
      // A character beyond the basic plane is one character of two columns, though two UTF-16 units.
      ["𠀀𠀀𠀀𠀀𠀀", 1],
      ["𠀀𠀀𠀀𠀀𠀀𠀀", 2],
      // A lone surrogate (a broken pair) is a character of its own.
      ["\ud840abcdefghi", 1],
      ["\ud840abcdefghij", 2],
    ];
    for (const [text, lines] of cases)
      expect([text, wrappedLines(text, 12)]).toEqual([text, lines]);
  });

  test("the chart sits on empty rows right under the total, before the findings, inside the printed columns", () => {
    const { anchor } = summary.chart!;
    const total = summary.cells.find((c) => c.style === "total")!.row;
    // The total's reason (未评等次…) stays above the chart.
    expect(anchor.top).toBeGreaterThan(total + 1);
    expect(anchor.bottom).toBeLessThan(rowOf(summary, "三、标记说明"));
    expect(
      summary.cells.filter(
        (c) => c.row >= anchor.top && c.row <= anchor.bottom,
      ),
    ).toEqual([]);
    expect(
      summary.merges.filter(
        (m) => m.bottom >= anchor.top && m.top <= anchor.bottom,
      ),
    ).toEqual([]);
    // Twelve rows, from column A through the rates' (the 工作表 column's, when there is one, too).
    expect(anchor.bottom - anchor.top + 1).toBe(12);
    expect(anchor.right).toBe(summary.cells.find((c) => c.value === "得分率")!.col);
    expect(anchor.left).toBe(0);
  });

  test("with the 工作表 column, the chart covers it too: A through the rates' column (code review of round 52, L8)", () => {
    const summary = analyze(
      workbook(
        { name: "预算", rows: [["单位：万元"], BUDGET_HEADER, ["年度资金总额", 100, 200, 150, 10, null, null]] },
        { name: "指标", rows: [INDICATOR_HEADER, ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, null, "停办两场"], ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 50, 30, "无"]] },
      ),
    ).summary;
    expect(summary.colCount).toBe(7);
    const { anchor } = summary.chart!;
    expect(textAt(summary, rowOf(summary, "得分率"), anchor.right)).toBe("得分率");
    expect([anchor.left, anchor.right]).toEqual([0, 4]);
  });

  test("the chart's height grows with its bars", () => {
    const levels = [
      "产出指标",
      "效益指标",
      "满意度指标",
      "管理指标",
      "决策指标",
      "过程指标",
      "其他指标",
    ];
    const many = analyze(
      workbook({
        name: "自评表",
        rows: [
          INDICATOR_HEADER,
          ...levels.map((level, i) => [
            level,
            "二级",
            `指标${i}`,
            "≥1次",
            "1次",
            10,
            10,
            "",
          ]),
        ],
      }),
    ).summary;
    expect(many.chart!.values.bottom - many.chart!.values.top + 1).toBe(7);
    expect(many.chart!.anchor.bottom - many.chart!.anchor.top + 1).toBe(20);
  });

  test("no chart for several evaluated tables: their bars would repeat the same 一级指标 names", () => {
    const table = (name: string) => ({
      name,
      rows: [
        INDICATOR_HEADER,
        ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 100, 100, ""],
      ],
    });
    const two = analyze(workbook(table("甲"), table("乙")));
    expect(two.totals).toHaveLength(2);
    expect(two.summary.chart).toBeNull();
    expect(analyze(workbook(table("甲"))).summary.chart).not.toBeNull();
  });
});

describe("the 综合得分 budget section for a project list", () => {
  test("gives the list's 合计 line, in the 元 the form states, though no line carries a budget score", () => {
    const list = workbook({
      name: "项目汇总",
      rows: [
        ["某县财政局2023年度项目支出绩效自评汇总表"],
        [null, null, null, null, null, "单位：元"],
        [
          "序号",
          "项目名称",
          "全年预算数",
          "全年执行数",
          "执行率",
          "自评得分",
          "评价等次",
        ],
        [1, "政府采购监管", "120,000.00", "114,000.00", "95.00%", 96.5, "优"],
        [2, "财政投资评审", "1,500,000.00", "1,455,000.00", "97.00%", 92, "优"],
        [3, "国库集中支付运维", "300,000.00", "240,000.00", "80.00%", 85, "良"],
        [4, "会计人员继续教育", "80,000.00", "80,000.00", "100.00%", 98, "优"],
        ["合计", null, "2,000,000.00", "1,889,000.00", "94.45%", null, null],
      ],
      merges: ["A1:G1", "A8:B8"],
    });
    const summary = analyze(list).summary;
    const header = rowOf(summary, "全年预算数\n（元）");
    const lines = summary.cells
      .filter((c) => c.row > header && c.row < rowOf(summary, "二、绩效指标"))
      .map((c) => c.value);
    // One sheet: no 工作表 column (review round 52).
    expect(lines).toEqual(["合计", "2000000", "1889000", "0.9445"]);
  });
});

describe("the 综合得分 budget section for tables in different money units", () => {
  /** A project's form as a unit fills in two on one sheet: 项目名称 block, budget block headed with its unit, indicators, 总分. */
  const project = (name: string, money: string, planned: number) => [
    ["项目名称", name],
    ["主管部门", "县林业局", "", "", "", "实施单位", "县林业局"],
    [
      `项目资金（${money}）`,
      "",
      "",
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分",
    ],
    ["", "年度资金总额", "", planned, planned, planned * 0.8, 10, 0.8, 8],
    [
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
    ["", "产出指标", "数量指标", "培训人次", "≥1200人次", "1350人次", 50, 50],
    [
      "",
      "效益指标",
      "经济效益指标",
      "带动农户增收",
      "≥50万元",
      "56万元",
      30,
      30,
    ],
    [
      "",
      "满意度指标",
      "服务对象满意度指标",
      "企业满意度",
      "≥90%",
      "93%",
      10,
      10,
    ],
    ["总分", "", "", "", "", "", 100, 98],
    [],
  ];
  const budgetSection = (summary: SummarySheet) => {
    const header = rowOf(summary, "项目");
    // The 工作表 column is there only for tables on several sheets (review round 52).
    const col = (logical: number) => (textAt(summary, header, 0) === "工作表" ? logical : logical - 1);
    const lines = summary.cells.filter(
      (c) => c.row > header && c.row < rowOf(summary, "二、绩效指标"),
    );
    return {
      header: summary.cells
        .filter((c) => c.row === header && (c.col === col(2) || c.col === col(3)))
        .map((c) => c.value),
      lines: lines
        .filter((c) => c.col === col(1) || c.col === col(2))
        .map((c) => c.value),
    };
  };

  test("names each line's unit and project beside its label, and no unit over the money columns", () => {
    const rows = [
      ...project("林下经济示范", "万元", 1000),
      ...project("森林防火", "元", 500000),
    ];
    const summary = analyze(
      workbook({ name: "Sheet", rows, merges: ["A3:C3", "A13:C13"] }),
    ).summary;
    expect(budgetSection(summary)).toEqual({
      header: ["全年预算数", "执行数"],
      lines: [
        "林下经济示范 · 年度资金总额（万元）",
        "1000",
        "森林防火 · 年度资金总额（元）",
        "500000",
      ],
    });
  });

  test("names only the unit beside the label for projects on sheets of their own: the sheet tells them apart", () => {
    const summary = analyze(
      workbook(
        { name: "林下经济示范", rows: project("林下经济示范", "万元", 1000) },
        { name: "森林防火", rows: project("森林防火", "元", 500000) },
      ),
    ).summary;
    expect(budgetSection(summary)).toEqual({
      header: ["全年预算数", "执行数"],
      lines: ["年度资金总额（万元）", "1000", "年度资金总额（元）", "500000"],
    });
  });

  test("heads the money columns with the unit when every table states the same", () => {
    const rows = [
      ...project("林下经济示范", "万元", 1000),
      ...project("森林防火", "万元", 50),
    ];
    const summary = analyze(workbook({ name: "Sheet", rows })).summary;
    expect(budgetSection(summary)).toEqual({
      header: ["全年预算数\n（万元）", "执行数\n（万元）"],
      lines: [
        "林下经济示范 · 年度资金总额",
        "1000",
        "森林防火 · 年度资金总额",
        "50",
      ],
    });
  });
});

describe("the summary's font", () => {
  test("the workbook's body font when it holds Chinese, else 宋体", () => {
    expect(summaryFont("仿宋_GB2312")).toBe("仿宋_GB2312");
    expect(summaryFont("Calibri")).toBe("宋体");
    expect(summaryFont(undefined)).toBe("宋体");
  });
});

describe("a summary the user wrote in is kept", () => {
  /** The grid a host reads back from a summary sheet as jixiao wrote it. */
  function asRead(summary: SummarySheet): SheetGrid {
    const values: (string | number | null)[][] = Array.from(
      { length: summary.rowCount },
      () => [],
    );
    for (const c of summary.cells)
      values[c.row][c.col] = c.isNumber ? Number(c.value) : c.value;
    return { name: summary.name, values, numFmts: [], merges: [] };
  }

  test("the digest of the sheet as read back equals the digest of the layout, and an edit changes it", () => {
    const summary = analyze(FORM).summary;
    const read = asRead(summary);
    expect(sheetDigest(read)).toBe(summaryDigest(summary));
    read.values[3][0] = "审核意见：同意";
    expect(sheetDigest(read)).not.toBe(summaryDigest(summary));
  });

  test("an edited summary is kept and the new one goes beside it; an unedited one is replaced; no record: replaced as before", () => {
    const first = analyze(FORM).summary;
    const previous = { name: first.name, digest: summaryDigest(first) };
    const untouched = asRead(first);
    expect(summarySheetName([...FORM.sheets, untouched], [], previous)).toEqual(
      { name: "综合得分", replaces: true, keptEdited: null },
    );
    const edited = asRead(first);
    edited.values[3][0] = "审核意见：同意";
    expect(summarySheetName([...FORM.sheets, edited], [], previous)).toEqual({
      name: "综合得分(2)",
      replaces: false,
      keptEdited: "综合得分",
    });
    expect(summarySheetName([...FORM.sheets, edited], [], null)).toEqual({
      name: "综合得分",
      replaces: true,
      keptEdited: null,
    });
    // Through analyze, with the record in the workbook's state.
    const state = stateJson(
      withMarks(parseState(undefined), { entries: [], summary: previous }),
    );
    const again = analyze({ sheets: [...FORM.sheets, edited], state });
    expect(again.summary.name).toBe("综合得分(2)");
    expect(again.summary.keptEdited).toBe("综合得分");
    expect(marksOf(parseState(state)).summary).toEqual(previous);
  });
});

describe("headline", () => {
  const finding = (
    rule: "weights-total" | "missing-actual",
    sheet = "表",
    cell = "A1",
  ) => ({
    rule,
    severity: "error" as const,
    sheet,
    cell,
    ...parseCellAddress(cell)!,
    message: "分值合计 110 分",
  });
  /** A total of the form at A1:H20 of its sheet. */
  const totalOn = (
    sheet: string,
    score: string | null,
    grade: string | null,
  ): HeadlineTotal => ({
    sheet,
    label: "项目",
    table: "A1:H20",
    score,
    grade,
  });
  test("a grade only when the total can carry one", () => {
    const total = totalOn("表", "96", "优");
    const headlineOf = (
      t: HeadlineTotal,
      findings: ReturnType<typeof finding>[],
      lang: "zh" | "en",
    ) => headlines([t], findings, lang)[0];
    expect(headlineOf(total, [finding("missing-actual")], "zh")).toEqual({
      sheet: "表",
      table: null,
      score: "96",
      grade: "优",
      reason: null,
    });
    expect(headlineOf(total, [finding("weights-total")], "zh")).toEqual({
      sheet: "表",
      table: null,
      score: "96",
      grade: null,
      reason: "未评等次：分值合计 110 分",
    });
    expect(
      headlineOf(total, [finding("weights-total", "另一表")], "en").grade,
    ).toBe("优");
    expect(
      headlineOf({ ...total, score: null, grade: null }, [], "en"),
    ).toEqual({
      sheet: "表",
      table: null,
      score: null,
      grade: null,
      reason: "no total could be computed, so no grade",
    });
  });

  test("headlines of many totals: each its own sheet's first blocking finding", () => {
    const totals = [
      totalOn("表", "96", "优"),
      totalOn("另一表", "80", "良"),
      totalOn("第三表", null, null),
    ];
    const findings = [
      finding("missing-actual"),
      finding("weights-total", "另一表"),
      { ...finding("weights-total", "另一表"), message: "第二条" },
    ];
    const heads = headlines(totals, findings, "zh");
    expect(heads).toEqual([
      { sheet: "表", table: null, score: "96", grade: "优", reason: null },
      {
        sheet: "另一表",
        table: null,
        score: "80",
        grade: null,
        reason: "未评等次：分值合计 110 分",
      },
      {
        sheet: "第三表",
        table: null,
        score: null,
        grade: null,
        reason: "无法计算总分，未评等次",
      },
    ]);
  });

  test("totals sharing a sheet: each judged by the findings in its own table, and named by it", () => {
    const left: HeadlineTotal = {
      sheet: "表",
      label: "甲项目",
      table: "B5:I14",
      score: "94.5",
      grade: "优",
    };
    const right: HeadlineTotal = {
      sheet: "表",
      label: "表!L5:S11",
      table: "L5:S11",
      score: "92.5",
      grade: null,
    };
    // The right form's weights-total at its 分值 header Q5, on the left form's header row.
    const heads = headlines(
      [left, right],
      [finding("weights-total", "表", "Q5")],
      "zh",
    );
    expect(heads).toEqual([
      {
        sheet: "表",
        table: "甲项目",
        score: "94.5",
        grade: "优",
        reason: null,
      },
      // A form that names no project is named by its range: its sheet is named already.
      {
        sheet: "表",
        table: "L5:S11",
        score: "92.5",
        grade: null,
        reason: "未评等次：分值合计 110 分",
      },
    ]);
    // A blocking finding outside every table withholds no grade.
    expect(
      headlines([left], [finding("weights-total", "表", "A30")], "zh")[0].grade,
    ).toBe("优");
  });
});

describe("综合得分 in print (review round 51d M8, L1, L7; round 52)", () => {
  /** A project's form, as units stack two on one sheet. */
  const form = (name: string, actual: string, reason = "") => [
    ["项目名称", name],
    ["项目资金（万元）", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "", 100, 100, 90, 10, 0.9, 9],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["", "产出指标", "数量指标", "培训人次", "≥1200人次", actual, 50, null, reason],
    ["", "效益指标", "经济效益指标", "带动农户增收", "≥50万元", "56万元", 30, 30],
    ["", "满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "93%", 10, 10],
    ["总分", "", "", "", "", "", 100, null],
    [],
  ];
  const header = (summary: SummarySheet, label: string) => {
    const row = rowOf(summary, label);
    return summary.cells.filter((c) => c.row === row && c.style === "header").map((c) => c.value);
  };

  test("one sheet holds every table: no 工作表 column, and the sheet is narrow enough for A4 portrait at about 85 %", () => {
    const summary = analyze(FORM).summary;
    expect(summary.colCount).toBe(6);
    expect(header(summary, "单元格")).toEqual(["单元格", "问题", "级别", "说明", "规则编号"]);
    expect(header(summary, "一级指标")).toEqual(["一级指标", "分值", "得分（计算）", "得分率"]);
    expect(summary.cells.some((c) => c.value === "自评表" || c.value === "工作表")).toBe(false);
    // 116 characters before (64 % in LibreOffice): 89 now.
    expect(summary.columnWidths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(90);
    // Every cell and merge inside the columns the sheet has.
    expect(Math.max(...summary.cells.map((c) => c.col), ...summary.merges.map((m) => m.right))).toBe(summary.colCount - 1);
  });

  test("tables on several sheets keep the 工作表 column, in every table", () => {
    const summary = analyze(
      workbook({ name: "林下经济示范", rows: form("林下经济示范", "1350人次") }, { name: "森林防火", rows: form("森林防火", "1000人次") }),
    ).summary;
    expect(summary.colCount).toBe(7);
    expect(header(summary, "单元格")).toEqual(["工作表", "单元格", "问题", "级别", "说明", "规则编号"]);
    expect(header(summary, "一级指标")[0]).toBe("工作表");
    const finding = summary.cells.find((c) => c.value === "score-mismatch" || c.value === "missing-reason")!;
    expect(textAt(summary, finding.row, 0)).toBe("森林防火");
    // Not named by project: the sheet tells the forms apart.
    expect(textAt(summary, finding.row, 1)).toMatch(/^[A-Z]+\d+$/);
    expect(summary.columnWidths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(101);
  });

  test("findings on a sheet of two forms name their form's project, as the lines above do", () => {
    const analysis = analyze(workbook({ name: "自评表", rows: [...form("林下经济示范", "1350人次"), ...form("森林防火", "1000人次")] }));
    const summary = analysis.summary;
    const cellCol = header(summary, "单元格").indexOf("单元格");
    const places = summary.cells.filter((c) => c.col === cellCol && c.row > rowOf(summary, "单元格") && c.style === "text").map((c) => c.value);
    expect(analysis.findings.length).toBeGreaterThan(0);
    expect(places.length).toBe(analysis.findings.length);
    for (const place of places) expect(place).toMatch(/^(林下经济示范|森林防火) · [A-Z]+\d+$/);
    // The second form's 1000人次 short of ≥1200人次 wants a reason: its finding is named 森林防火.
    const reason = analysis.findings.find((f) => f.rule === "missing-reason" && f.row > 9)!;
    expect(places).toContain(`森林防火 · ${reason.cell}`);
    // One form on a sheet: the cell alone.
    const one = analyze(workbook({ name: "自评表", rows: form("森林防火", "1000人次") })).summary;
    expect(one.cells.some((c) => c.value.startsWith("森林防火 · ") && /\d$/.test(c.value))).toBe(false);
  });

  test("the chart's axis runs from 0 to 100 %, and each bar is labelled with its rate as the sheet shows it", () => {
    const chart = analyze(FORM).summary.chart!;
    expect([chart.valueMin, chart.valueMax, chart.labelFormat]).toEqual([0, 1, "0.00%"]);
  });
});

describe("the summary's text and numbers as a sheet holds them (review round 52a, M2)", () => {
  const cellsOf = (summary: SummarySheet) => summary.cells.map((c) => c.value);

  test("control characters, a carriage return and half a surrogate pair are not written, and the digest is taken without them", () => {
    const form = workbook({
      name: "自评表",
      rows: [
        INDICATOR_HEADER,
        ["产出\u001b[2J指标\u0007", "数量指标", "培训场次\r\n（期）\ud800", "≥10场", "8场", 50, null, "停办两场"],
        ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 50, 30, "无"],
      ],
    });
    const summary = analyze(form).summary;
    const texts = cellsOf(summary).join("");
    expect(texts).toContain("产出[2J指标");
    expect(texts).not.toMatch(/[\u0000-\u0008\u000b-\u001f\r\ud800-\udfff]/);
    // What a host reads back is what was digested.
    const values: (string | number | null)[][] = Array.from({ length: summary.rowCount }, () => []);
    for (const c of summary.cells) values[c.row][c.col] = c.isNumber ? Number(c.value) : c.value;
    expect(sheetDigest({ name: summary.name, values, numFmts: [], merges: [] })).toBe(summaryDigest(summary));
  });

  test("a figure of 10^15 or more is text, exactly; one of more than 15 significant digits is written as the 15 Excel keeps", () => {
    const form = workbook({
      name: "自评表",
      rows: [
        BUDGET_HEADER,
        ["年度资金总额", 100, 0.30000000000000004, 0.1, 10, null, null],
        [],
        INDICATOR_HEADER,
        ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 1e308, null, "停办两场"],
        ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 1e21, 30, "无"],
      ],
    });
    const summary = analyze(form).summary;
    const numbers = summary.cells.filter((c) => c.isNumber);
    for (const c of numbers) expect([c.value, Math.abs(Number(c.value)) < 1e15 && c.value.replace(/^-?[0.]*|\./g, "").length <= 15]).toEqual([c.value, true]);
    expect(numbers.map((c) => c.value)).toContain("0.3");
    // In its digits, not 1e+21 (code review of round 52, L9).
    const texts = summary.cells.filter((c) => !c.isNumber).map((c) => c.value);
    expect(texts).toContain(`1${"0".repeat(308)}`);
    expect(texts).toContain(`1${"0".repeat(21)}`);
    expect(texts.filter((text) => /\de[+-]?\d/.test(text))).toEqual([]);
  });
});
