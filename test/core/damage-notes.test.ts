/** The sentences the command line's file lines, the page's card and the review's notes share for a damaged file's parts not read. */
import { droppedEntriesLine, droppedMergesLine } from "../../src/core/damage-notes";

describe("droppedMergesLine", () => {
  it("names each merged area by sheet and range, in either language", () => {
    const ranges = ["自评表!A1:XFD1048576", "说明!C3:D4"];
    expect(droppedMergesLine(ranges, "zh")).toBe("合并区域与其他合并区域重叠（文件已损坏），已忽略：自评表!A1:XFD1048576、说明!C3:D4");
    expect(droppedMergesLine(ranges, "en")).toBe("Merged areas overlapping others (the file is damaged), ignored: 自评表!A1:XFD1048576, 说明!C3:D4");
  });
});

describe("droppedMergesLine of a file writing one merge thousands of times (code review 57, H2)", () => {
  it("names each area once, the first five, and counts the others", () => {
    const ranges = [...Array.from({ length: 2000 }, () => "表!A1:XFD1048576"), ...["B", "C", "D", "E", "F"].map((c) => `表!${c}1:${c}2`)];
    expect(droppedMergesLine(ranges, "zh")).toBe("合并区域与其他合并区域重叠（文件已损坏），已忽略：表!A1:XFD1048576、表!B1:B2、表!C1:C2、表!D1:D2、表!E1:E2 等 6 个");
    expect(droppedMergesLine(ranges, "en")).toBe("Merged areas overlapping others (the file is damaged), ignored: 表!A1:XFD1048576, 表!B1:B2, 表!C1:C2, 表!D1:D2, 表!E1:E2 and 1 more");
  });
});

describe("droppedEntriesLine", () => {
  it("names the entries as the zip writes them, in either language", () => {
    const names = ["../../evil.txt", "/xl/theme/theme1.xml"];
    expect(droppedEntriesLine(names, "zh")).toBe("压缩包里有名称不是有效部件名的条目（文件已损坏），未读取，也未写入副本：../../evil.txt、/xl/theme/theme1.xml");
    expect(droppedEntriesLine(names, "en")).toBe("Zip entries whose names are no valid part names (the file is damaged), not read nor written to the copy: ../../evil.txt, /xl/theme/theme1.xml");
  });

  it("names the first five and counts the others", () => {
    const names = ["../a", "../b", "../c", "../d", "../e", "../f", "../g"];
    expect(droppedEntriesLine(names, "zh")).toBe("压缩包里有名称不是有效部件名的条目（文件已损坏），未读取，也未写入副本：../a、../b、../c、../d、../e 等 7 个");
    expect(droppedEntriesLine(names, "en")).toBe("Zip entries whose names are no valid part names (the file is damaged), not read nor written to the copy: ../a, ../b, ../c, ../d, ../e and 2 more");
    expect(droppedEntriesLine(names.slice(0, 5), "en")).toBe("Zip entries whose names are no valid part names (the file is damaged), not read nor written to the copy: ../a, ../b, ../c, ../d, ../e");
  });
});

describe("droppedEntriesLine of a run that writes no copy (the review)", () => {
  it("does not speak of a copy", () => {
    expect(droppedEntriesLine(["../../evil.txt"], "zh", { copy: false })).toBe("压缩包里有名称不是有效部件名的条目（文件已损坏），未读取：../../evil.txt");
    expect(droppedEntriesLine(["../../evil.txt"], "en", { copy: false })).toBe("Zip entries whose names are no valid part names (the file is damaged), not read: ../../evil.txt");
  });
});
