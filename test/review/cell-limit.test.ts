/**
 * A text longer than a cell holds (Excel: 32,767 characters) is cut to fit on 汇总.xlsx, as on
 * 综合得分: one unit's damaged file, whose note or failure names thousands of things, must not
 * make the whole region's review a workbook Excel refuses (code review 57, H2).
 */
import ExcelJS from "exceljs";
import { ReviewTally } from "../../src/core/review";
import { REVIEW_SHEETS } from "../../src/core/review-layout";
import { reviewWorkbookBytes } from "../../src/xlsx/review-workbook";

it("cuts a failure's message of 40,000 characters to 32,767, ending in …", async () => {
  const tally = new ReviewTally();
  tally.fail("县林业局.xlsx", "坏".repeat(40000));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(reviewWorkbookBytes(tally.review())) as unknown as ArrayBuffer);
  const texts: string[] = [];
  book.getWorksheet(REVIEW_SHEETS.zh.failures)!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
  const message = texts.find((t) => t.startsWith("坏"));
  expect(message).toHaveLength(32767);
  expect(message!.endsWith("坏…")).toBe(true);
});
