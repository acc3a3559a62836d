/**
 * jixiao's record in an .xlsx (src/core/state.ts): one custom XML part,
 * `<jixiao xmlns="urn:jixiao:state:1">{json}</jixiao>`, related from the workbook part as Office
 * relates custom XML (customXml/itemN.xml with its itemPropsN.xml). The add-in reads and writes the
 * same part through workbook.customXmlParts, so a record one host writes the other honours.
 */
import { SaxesParser } from "saxes";
import { STATE_NAMESPACE, isStateRoot } from "../core/state";
import { ContentTypes, EMPTY_RELS, Package, PackageError, PartTooLargeError, RelationshipsPart, relativeTarget, relsPathOf } from "./package";
import { statePartXml } from "./state-xml";

const CUSTOM_XML_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const CUSTOM_XML_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";
/** The data store item id of jixiao's part: fixed, as only one such part is in a workbook. */
const ITEM_ID = "{6A1C2E4B-8F0D-4C3A-9E51-7B2D3F4A5C60}";

const ROOT_RELS = "_rels/.rels";

/** The record's JSON (the root's own text and CDATA) when `xml` is jixiao's part, else undefined. */
export function stateOfPart(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  let ours = false;
  let text = "";
  parser.on("opentag", (tag) => {
    if (depth === 0) ours = isStateRoot(tag.local, tag.uri);
    if (!tag.isSelfClosing) depth++;
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) depth--;
  });
  const onText = (t: string) => {
    if (ours && depth === 1) text += t;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  try {
    parser.write(xml).close();
  } catch {
    return undefined; // a damaged part counts as no record (src/core/state.ts)
  }
  return ours ? text : undefined;
}

/**
 * The custom XML parts related from the workbook part, as Office relates them, then those related
 * from the package itself, where LibreOffice moves them when it saves the file; each with the
 * relationships that relate it.
 */
function customXmlParts(pkg: Package, workbookRels: RelationshipsPart): { part: string; id: string; rels: RelationshipsPart }[] {
  const rootXml = pkg.text(ROOT_RELS);
  const rootRels = rootXml === undefined ? undefined : new RelationshipsPart(rootXml, "");
  return [workbookRels, ...(rootRels ? [rootRels] : [])].flatMap((rels) => rels.allOfType("customXml").map((rel) => ({ part: rel.part, id: rel.id, rels })));
}

/**
 * jixiao's part among the workbook's custom XML parts, if it has one: the reader takes the record
 * from it (grid.state), the writer writes the new record into it.
 */
export function findStatePart(pkg: Package, workbookRels: RelationshipsPart): { part: string; json: string; id: string; rels: RelationshipsPart } | undefined {
  for (const { part, id, rels } of customXmlParts(pkg, workbookRels)) {
    let xml: string | undefined;
    try {
      xml = pkg.text(part);
    } catch (error) {
      // Another program's part jixiao cannot read (damaged, in an encoding OPC does not allow) is
      // not jixiao's record, and no reason to refuse the workbook: it is copied as it is. A part
      // past the size limits is refused as the others are (--max-size): read as no record, a
      // second record would be written beside it and its marks forgotten.
      if (error instanceof PackageError && !(error instanceof PartTooLargeError)) continue;
      throw error;
    }
    const json = xml === undefined ? undefined : stateOfPart(xml);
    if (json !== undefined) return { part, json, id, rels };
  }
  return undefined;
}

/**
 * Takes jixiao's part out of the workbook (a record with nothing left in it), with its properties
 * part and the relationship that related it; a workbook without one is left as it is.
 */
export function removeState(pkg: Package, workbookRels: RelationshipsPart, contentTypes: ContentTypes): void {
  const existing = findStatePart(pkg, workbookRels);
  if (!existing) return;
  existing.rels.remove(new Set([existing.id]));
  // The workbook's relationships are written with the copy; the package's own are written here.
  if (existing.rels !== workbookRels) pkg.put(ROOT_RELS, existing.rels.toXml());
  pkg.removeWithRelated(existing.part, contentTypes);
}

/** Writes the record: into jixiao's part when there is one, else into a new custom XML part. */
export function writeState(pkg: Package, workbookRels: RelationshipsPart, contentTypes: ContentTypes, json: string): void {
  const existing = findStatePart(pkg, workbookRels);
  if (existing) {
    pkg.put(existing.part, statePartXml(json));
    return;
  }
  const taken = new Set(pkg.partNames().map((name) => name.toLowerCase()));
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
