/**
 * A workbook written by openpyxl itself (a comment, a chart on the sheet, a chart sheet), scored by
 * `jixiao score`, and the scored copy opened again by openpyxl: the second reader sees the writes
 * where the report says. Needs /usr/bin/python3 with openpyxl (Debian: apt-get install python3-openpyxl).
 */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import * as path from "path";
import { Report } from "../../src/core/report";
import { readXlsxBytes } from "../../src/xlsx/reader";
import { runMain } from "../support/cli";
import { describeWithOpenpyxl, pythonJson, SYSTEM_PYTHON } from "../support/openpyxl";
import { tempDir } from "../support/xlsx";

const MAKE = `
import sys
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
wb = Workbook()
ws = wb.active
ws.title = "自评表"
ws.append(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
ws.append(["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, None, "疫情停办两场"])
ws.append(["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 40, 30, "无"])
ws["G3"].comment = Comment("自评人填写", "openpyxl")
chart = BarChart()
chart.add_data(Reference(ws, min_col=6, min_row=1, max_row=3), titles_from_data=True)
ws.add_chart(chart, "J2")
sheet = wb.create_chartsheet("图表")
other = BarChart()
other.add_data(Reference(ws, min_col=7, min_row=1, max_row=3), titles_from_data=True)
sheet.add_chart(other)
wb.save(sys.argv[1])
`;

const READ = `
import sys, json
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
ws = wb["自评表"]
print(json.dumps({"sheets": wb.sheetnames, "cells": [[c.value for c in row] for row in ws.iter_rows(min_row=1, max_row=3, max_col=8)]}, ensure_ascii=False))
`;

describeWithOpenpyxl("a workbook openpyxl wrote", () => {
  it("is scored, and openpyxl reads the copy with the writes where the report says", async () => {
    const dir = tempDir();
    const input = path.join(dir, "openpyxl.xlsx");
    execFileSync(SYSTEM_PYTHON, ["-c", MAKE, input]);
    const grid = readXlsxBytes(readFileSync(input), input).grid;
    expect(grid.sheets.map((s) => s.name)).toEqual(["自评表"]);
    expect(grid.otherSheetNames).toEqual(["图表"]);

    const output = path.join(dir, "out.xlsx");
    const json = path.join(dir, "report.json");
    const { code, err } = await runMain("score", input, "--out", output, "--json", json);
    expect([code, err]).toEqual([1, ""]);
    const report = JSON.parse(readFileSync(json, "utf8")) as Report;
    expect(report.writes.map((w) => [w.sheet, w.cell, w.after])).toEqual([["自评表", "G2", "40"]]);

    const seen = pythonJson(["-c", READ], output) as { sheets: string[]; cells: unknown[][] };
    expect(seen.sheets).toEqual(["自评表", "图表", "综合得分"]);
    expect(seen.cells).toEqual([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, 40, "疫情停办两场"],
      ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 40, 30, "无"],
    ]);
  });
});
