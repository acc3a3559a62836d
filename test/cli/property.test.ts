/**
 * "Nothing lost", through real files: for generated workbooks, `jixiao score` never throws, every
 * input cell outside `writes` is unchanged in the output, the written cells hold what the report
 * says, and a second run on the output writes nothing new.
 */
import fc from "fast-check";
import * as path from "path";
import { scoreFile } from "../../src/cli/score-file";
import { cellText } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { readXlsx } from "../../src/xlsx/read";
import { arbitraryWorkbook } from "../support/arbitrary";
import { tempDir, writeGridXlsx } from "../support/xlsx";

jest.setTimeout(120_000);

it("keeps every input cell outside `writes`, on generated workbooks", async () => {
  const dir = tempDir();
  let n = 0;
  await fc.assert(
    fc.asyncProperty(arbitraryWorkbook, async (grid) => {
      const input = path.join(dir, `in-${n}.xlsx`);
      const output = path.join(dir, `out-${n}.xlsx`);
      n++;
      await writeGridXlsx(grid, input);
      const outcome = await scoreFile(input, output, DEFAULT_PROFILE, "zh");
      if (outcome.failure) {
        expect(outcome.failure.zh).toMatch(/没有找到预算表或绩效指标表/);
        return;
      }
      const written = new Map(outcome.report!.writes.map((w) => [`${w.sheet}!${w.cell}`, w.after]));
      const before = (await readXlsx(input)).grid;
      const after = (await readXlsx(output)).grid;
      for (const sheet of before.sheets) {
        const out = after.sheets.find((s) => s.name === sheet.name)!;
        const rows = Math.max(sheet.values.length, out.values.length);
        for (let r = 0; r < rows; r++) {
          const cols = Math.max(sheet.values[r]?.length ?? 0, out.values[r]?.length ?? 0);
          for (let c = 0; c < cols; c++) {
            const address = `${sheet.name}!${String.fromCharCode(65 + c)}${r + 1}`;
            const expected = written.has(address) ? Number(written.get(address)) : (sheet.values[r]?.[c] ?? null);
            expect([address, out.values[r]?.[c] ?? null]).toEqual([address, expected]);
          }
        }
      }
      const again = await scoreFile(output, path.join(dir, `again-${n}.xlsx`), DEFAULT_PROFILE, "zh");
      expect(again.report!.writes).toEqual([]);
      // 综合得分 comes last, titled as a workbook with a total is, or as one without (绩效表检查结果: a
      // generated form whose one row has no readable weight has none).
      expect(cellText(after.sheets[after.sheets.length - 1].values[0]?.[0])).toMatch(/(?:绩效自评综合得分|绩效表检查结果)$/);
    }),
    { numRuns: 25 },
  );
});
