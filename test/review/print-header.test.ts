/**
 * The review's printed pages name what was reviewed (review round 51d M6): the folder, the date and
 * the profiles go in each sheet's printed header, around its title, not in rows above the table
 * (those would move its frozen header, filter and print titles).
 */
import JSZip from "jszip";
import { REVIEW_SCHEMA, Review } from "../../src/core/review";
import { reviewPageHeader, reviewScope } from "../../src/core/review-layout";
import { reviewSheets, reviewWorkbookBytes } from "../../src/xlsx/review-workbook";

const EMPTY: Review = { schema: REVIEW_SCHEMA, files: 0, rows: [], findings: [], rules: [], units: [], grades: [], failures: [], notes: [] };
const SCOPE = { folder: "2023年度自评材料", date: "2026-12-07", profiles: ["默认（财预〔2020〕10号）", "某县方案"] };

describe("the review's printed header", () => {
  test("the folder on the left, the sheet's title in the middle, the date and the profiles on the right", () => {
    expect(reviewPageHeader("汇总复核", SCOPE, "zh")).toBe(
      '&L复核文件夹：2023年度自评材料&C&"-,Bold"汇总复核&R复核日期：2026-12-07\n评分方案：默认（财预〔2020〕10号）、某县方案',
    );
    expect(reviewPageHeader("Review", SCOPE, "en")).toMatch(/^&LFolder: 2023年度自评材料&C&"-,Bold"Review&RReviewed: 2026-12-07\nProfile: /);
    // Without a scope, the title alone.
    expect(reviewPageHeader("汇总复核", undefined, "zh")).toBe('&C&"-,Bold"汇总复核');
  });

  test("both hosts give the scope alike: the folder (or files picked one by one), the local day, each profile once in file order", () => {
    const day = new Date(2026, 11, 7, 23, 59);
    expect(reviewScope(["县直部门"], ["默认", "乡镇方案", "默认"], day, "zh")).toEqual({ folder: "县直部门", date: "2026-12-07", profiles: ["默认", "乡镇方案"] });
    // The page given two folders, one of them twice; a file picked by itself among them makes it "files".
    expect(reviewScope(["县直", "乡镇", "县直"], ["默认"], day, "zh").folder).toBe("县直、乡镇");
    expect(reviewScope(["县直", "乡镇"], ["默认"], day, "en").folder).toBe("县直, 乡镇");
    expect(reviewScope(["县直", null], ["默认"], day, "zh").folder).toBe("（逐个选择的文件）");
    expect(reviewScope([null], ["默认"], day, "en").folder).toBe("(files chosen one by one)");
  });

  test("an & in a name is doubled (a lone one starts a code), and a long folder keeps its end, within Excel's 255 characters", () => {
    const long = { folder: `D:/${"很长的文件夹".repeat(30)}/县A&B局`, date: "2026-12-07", profiles: ["甲&乙".repeat(40)] };
    const header = reviewPageHeader("汇总复核", long, "zh");
    expect(header).toContain("县A&&B局");
    expect(header).toMatch(/^&L复核文件夹：…/);
    expect(header.length).toBeLessThanOrEqual(255);
  });

  test("a name full of & is cut as written, its && counted as two and never parted (code review of round 52, L1)", () => {
    const amps = { folder: `D:/${"&".repeat(200)}`, date: "2026-12-07", profiles: ["&".repeat(200), "甲&乙"] };
    const header = reviewPageHeader("汇总复核", amps, "zh");
    expect(header.length).toBeLessThanOrEqual(255);
    const left = header.slice(0, header.indexOf('&C&"-,Bold"'));
    const right = header.slice(header.indexOf("&R"));
    // Each section keeps its 60 characters as written: the folder's end, the profiles' start, each & whole.
    expect(left).toBe(`&L复核文件夹：…${"&&".repeat(29)}`);
    expect(right).toBe(`&R复核日期：2026-12-07\n评分方案：${"&&".repeat(29)}…`);
    // Where the 60th character would be the first of an && pair, the section stops at 59: no lone & at the cut.
    const odd = reviewPageHeader("汇总复核", { ...amps, folder: `D:/${"&".repeat(200)}ab`, profiles: [`ab${"&".repeat(200)}`] }, "zh");
    expect(odd.startsWith(`&L复核文件夹：…${"&&".repeat(28)}ab&C`)).toBe(true);
    expect(odd.endsWith(`评分方案：ab${"&&".repeat(28)}…`)).toBe(true);
  });

  test("every sheet of the workbook prints it", async () => {
    expect(reviewSheets(EMPTY, "zh", SCOPE).every((sheet) => sheet.pageHeader!.startsWith("&L复核文件夹：2023年度自评材料&C"))).toBe(true);
    const zip = await JSZip.loadAsync(reviewWorkbookBytes(EMPTY, "zh", SCOPE));
    const sheet1 = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet1).toContain('<oddHeader>&amp;L复核文件夹：2023年度自评材料&amp;C&amp;"-,Bold"汇总复核&amp;R复核日期：2026-12-07');
    // The table still starts in row 1: header frozen, filtered and repeated as before.
    expect(sheet1).toMatch(/<pane[^>]*ySplit="1"/);
  });
});
