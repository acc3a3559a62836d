import { deflateSync, inflateSync } from "fflate";
import { DEFLATE_LEVEL, fflateCodec } from "../../src/xlsx/codec";
import { DeflateThread, LARGEST_PART_ON_THREAD, deflateOn, deflateOnThread } from "../../src/xlsx/deflate-thread";
import { Package } from "../../src/xlsx/package";
import { nodeCodec } from "../../src/xlsx/read";
import { readZip, writeZip } from "../../src/xlsx/zip";

const bytesOf = (text: string) => new TextEncoder().encode(text);
const sheetXml = (n: number) => `<worksheet><sheetData>${`<row r="${n}"><c r="A${n}" t="s"><v>${n}</v></c></row>`.repeat(200)}</sheetData></worksheet>`;

function packageOf(codec: typeof nodeCodec): Package {
  const zip = writeZip([{ name: "a.xml", method: 8, crc: 0, size: 0, data: deflateSync(bytesOf("<a/>")), time: 0, date: 33 }]);
  return Package.open(zip, codec);
}

describe("deflating on a thread of its own (the command line)", () => {
  it("makes the bytes fflate makes in place, for parts put in any order and size", async () => {
    const thread = new DeflateThread();
    const parts = [sheetXml(1), "", "短", sheetXml(7).repeat(5)].map(bytesOf);
    const onThread = await Promise.all(parts.map((part) => deflateOn(thread, part)));
    onThread.forEach((deflated, i) => {
      expect(deflated).toEqual(deflateSync(parts[i], { level: DEFLATE_LEVEL }));
      expect(inflateSync(deflated)).toEqual(parts[i]);
    });
  });

  it("gives a part's text while it is being deflated, and the package's bytes once all are done", async () => {
    const threaded = packageOf(nodeCodec);
    const inPlace = packageOf(fflateCodec);
    for (const pkg of [threaded, inPlace]) {
      pkg.put("xl/worksheets/sheet1.xml", sheetXml(1));
      pkg.put("xl/worksheets/sheet2.xml", sheetXml(2));
      // Put again before the first deflating came back: the newer text is the part.
      pkg.put("xl/worksheets/sheet1.xml", sheetXml(3));
    }
    expect(threaded.text("xl/worksheets/sheet1.xml")).toBe(sheetXml(3));
    const bytes = await threaded.toBytes();
    expect(bytes).toEqual(await inPlace.toBytes());
    expect(threaded.text("xl/worksheets/sheet1.xml")).toBe(sheetXml(3));
    const entries = readZip(bytes);
    expect(entries.map((e) => e.name)).toEqual(["a.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
    expect(new TextDecoder().decode(inflateSync(entries[2].data))).toBe(sheetXml(2));
  });

  it("deflates a part past the limit in place (never held twice), a smaller one on the thread", async () => {
    const large = new Uint8Array(LARGEST_PART_ON_THREAD + 1).fill(65);
    const small = large.subarray(0, LARGEST_PART_ON_THREAD);
    const inPlace = deflateOnThread(large);
    expect(inPlace).toBeInstanceOf(Uint8Array);
    expect(inPlace).toEqual(deflateSync(large, { level: DEFLATE_LEVEL }));
    const onThread = deflateOnThread(small);
    expect(onThread).toBeInstanceOf(Promise);
    expect(await onThread).toEqual(deflateSync(small, { level: DEFLATE_LEVEL }));
  });

  it("deflates in place what a failed thread held, and starts another for the next part", async () => {
    let started = 0;
    const failing = new DeflateThread(() => {
      started++;
      return 'require("worker_threads").parentPort.on("message", () => process.exit(3));';
    });
    const part = bytesOf(sheetXml(5));
    await expect(failing.deflate(part)).rejects.toThrow("exit code 3");
    expect(await deflateOn(failing, part)).toEqual(deflateSync(part, { level: DEFLATE_LEVEL }));
    expect(started).toBe(2);
  });
});
