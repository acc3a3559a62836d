/**
 * jixiao's record in an .xlsx (src/core/state.ts): one custom XML part,
 * `<jixiao xmlns="urn:jixiao:state:1">{json}</jixiao>`, related from the workbook part as Office
 * relates custom XML (customXml/itemN.xml with its itemPropsN.xml). The add-in reads and writes the
 * same part through workbook.customXmlParts, so a record one host writes the other honours.
 */
import { STATE_NAMESPACE } from "../core/state";
import { ContentTypes, EMPTY_RELS, Package, RelationshipsPart, relsPathOf } from "./package";
import { relativeTarget } from "./marks-parts";
import { stateOfPart, statePartXml } from "./state-xml";

const CUSTOM_XML_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const CUSTOM_XML_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";
/** The data store item id of jixiao's part: fixed, as only one such part is in a workbook. */
const ITEM_ID = "{6A1C2E4B-8F0D-4C3A-9E51-7B2D3F4A5C60}";

/** jixiao's part among the workbook's custom XML parts, if it has one. */
async function findStatePart(pkg: Package, rels: RelationshipsPart): Promise<{ part: string; json: string } | undefined> {
  for (const rel of rels.list.filter((r) => r.type.endsWith("/customXml"))) {
    const xml = await pkg.text(rel.part);
    const json = xml === undefined ? undefined : stateOfPart(xml);
    if (json !== undefined) return { part: rel.part, json };
  }
  return undefined;
}

export async function readState(pkg: Package, workbookRels: RelationshipsPart): Promise<string | undefined> {
  return (await findStatePart(pkg, workbookRels))?.json;
}

/** Writes the record: into jixiao's part when there is one, else into a new custom XML part. */
export async function writeState(pkg: Package, workbookRels: RelationshipsPart, contentTypes: ContentTypes, json: string): Promise<void> {
  const existing = await findStatePart(pkg, workbookRels);
  if (existing) {
    pkg.put(existing.part, statePartXml(json));
    return;
  }
  const taken = new Set(Object.keys(pkg.zip.files).map((name) => name.toLowerCase()));
  let n = 1;
  while (taken.has(`customxml/item${n}.xml`) || taken.has(`customxml/itemprops${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  pkg.put(item, statePartXml(json));
  pkg.put(
    props,
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
      `<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="${CUSTOM_XML_NS}"><ds:schemaRefs><ds:schemaRef ds:uri="${STATE_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  const itemRels = new RelationshipsPart(EMPTY_RELS, item);
  itemRels.add("customXmlProps", `itemProps${n}.xml`);
  pkg.put(relsPathOf(item), itemRels.toXml());
  contentTypes.set(item, "application/xml");
  contentTypes.set(props, CUSTOM_XML_PROPS_TYPE);
  workbookRels.add("customXml", relativeTarget(workbookRels.sourceFolder, item));
}
