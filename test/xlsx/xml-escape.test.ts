/** Escaping text for XML: the fast path for text that needs nothing gives what the full escape gives. */
import fc from "fast-check";
import { escapeAttribute, escapeXml } from "../../src/xlsx/xml";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };
// The definitions: characters XML 1.0 cannot hold are dropped, then the markup characters escaped
// (quotes only in attribute values).
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const asText = (text: string) => text.replace(CONTROLS, "").replace(/[&<>]/g, (c) => ENTITIES[c]);
const asAttribute = (text: string) => text.replace(CONTROLS, "").replace(/[&<>"\t\n\r]/g, (c) => ENTITIES[c]);

test("plain text comes back as it is; markup, line breaks and control characters as the definitions say", () => {
  expect(escapeXml("绩效自评 96.91%")).toBe("绩效自评 96.91%");
  expect(escapeXml('a<b & "c"\u0001\n')).toBe('a&lt;b &amp; "c"\n');
  expect(escapeAttribute("a\tb\r\n")).toBe("a&#9;b&#13;&#10;");
});

test("agrees with the definitions on any text", () => {
  const unit = fc.constantFrom("a", "绩", " ", "&", "<", ">", '"', "'", "\t", "\n", "\r", "\u0000", "\u0008", "\u000B", "\u001F", "\uFFFE", "\uFFFF", "\uD83D\uDE00");
  fc.assert(
    fc.property(fc.string({ unit }), (text) => {
      expect(escapeXml(text)).toBe(asText(text));
      expect(escapeAttribute(text)).toBe(asAttribute(text));
    }),
    { numRuns: 2000 },
  );
});
