/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * jixiao's record part read by its two readers, on the same cases: saxes for the .xlsx copy
 * (src/xlsx/state-part.ts) and the web view's DOMParser for the task pane (src/excel/state.ts; here
 * jsdom's). Both must find the same record, or none, in the same parts.
 */
import fc from "fast-check";
import { stateOfPartDom } from "../../src/excel/state";
import { stateOfPart } from "../../src/xlsx/state-part";
import { statePartXml } from "../../src/xlsx/state-xml";

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RECORD = '{"v":1,"ignores":[{"rule":"over-achievement","reason":"拍卖数量由上级下达"}]}';

const readers: [string, (xml: string) => string | undefined][] = [
  ["saxes (.xlsx)", stateOfPart],
  ["DOMParser (task pane)", stateOfPartDom],
];

const cases: [string, string, string | undefined][] = [
  ["the part as jixiao writes it", statePartXml(RECORD), RECORD],
  ["a prefixed root with the record in CDATA", `${DECLARATION}<j:jixiao xmlns:j="urn:jixiao:state:1"><![CDATA[${RECORD}]]></j:jixiao>`, RECORD],
  ["text and CDATA pieces, joined", '<jixiao xmlns="urn:jixiao:state:1">{"v":<![CDATA[1,"a":"<b>"]]>}</jixiao>', '{"v":1,"a":"<b>"}'],
  ["character references decoded", '<jixiao xmlns="urn:jixiao:state:1">{"r":"&#x4E2D;&lt;&amp;&gt;&quot;"}</jixiao>', '{"r":"中<&>""}'],
  ["only the root's own text: no child element's, comment or instruction", '<jixiao xmlns="urn:jixiao:state:1">{"v":1<!-- note --><?pi x?><x>2</x>}</jixiao>', '{"v":1}'],
  ["an empty root", '<jixiao xmlns="urn:jixiao:state:1"/>', ""],
  ["another program's part", '<?xml version="1.0"?><other xmlns="urn:someone:else">{"v":1,"x":2}</other>', undefined],
  ["jixiao's name without its namespace", '<jixiao>{"v":1}</jixiao>', undefined],
  ["jixiao's name in another namespace", '<jixiao xmlns="urn:jixiao:state:2">{"v":1}</jixiao>', undefined],
  ["another name in jixiao's namespace", '<record xmlns="urn:jixiao:state:1">{"v":1}</record>', undefined],
  ["jixiao's root below another one", '<other xmlns="urn:someone:else"><jixiao xmlns="urn:jixiao:state:1">{"v":1}</jixiao></other>', undefined],
  ["a part cut short", '<jixiao xmlns="urn:jixiao:state:1">{"v":1,"ignores":[', undefined],
  ["mismatched tags", '<jixiao xmlns="urn:jixiao:state:1">{"v":1}</jixia>', undefined],
  ["an unbound prefix", '<j:jixiao>{"v":1}</j:jixiao>', undefined],
  ["text after the root", '<jixiao xmlns="urn:jixiao:state:1">{"v":1}</jixiao>junk', undefined],
  ["an empty part", "", undefined],
];

describe.each(readers)("the record part read with %s", (_, read) => {
  it.each(cases)("%s", (__, xml, expected) => {
    expect(read(xml)).toBe(expected);
  });

  it("gives back any record statePartXml wrote", () => {
    fc.assert(
      fc.property(fc.json({ stringUnit: "grapheme" }), (json) => {
        expect(read(statePartXml(json))).toBe(json);
      }),
    );
  });
});
