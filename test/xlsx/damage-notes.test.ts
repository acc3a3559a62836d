/** The sentences the command line's file lines and the page's card share for a damaged file's parts not read. */
import { droppedMergesLine } from "../../src/xlsx/damage-notes";

describe("droppedMergesLine", () => {
  it("names each merged area by sheet and range, in either language", () => {
    const ranges = ["自评表!A1:XFD1048576", "说明!C3:D4"];
    expect(droppedMergesLine(ranges, "zh")).toBe("合并区域与其他合并区域重叠（文件已损坏），已忽略：自评表!A1:XFD1048576、说明!C3:D4");
    expect(droppedMergesLine(ranges, "en")).toBe("Merged areas overlapping others (the file is damaged), ignored: 自评表!A1:XFD1048576, 说明!C3:D4");
  });
});
