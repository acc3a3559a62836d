/**
 * A strict, typed fake of the part of the Excel JavaScript API that src/excel uses, over a
 * FakeWorkbook. It behaves like Office.js where our adapters could get it wrong:
 * - calls only queue; nothing is read or written until `context.sync()`, which runs the queue in
 *   order (a failing action stops the batch, earlier writes stay: batches are not transactions);
 * - reading a property that was not loaded and synced throws (PropertyNotLoaded), and so does an
 *   empty `load()` (always name the properties);
 * - *OrNullObject proxies report `isNullObject` after a sync;
 * - 5 MB request/response limits, 512 merged areas per call, 5 million cells per get, protected
 *   sheets (AccessDenied) and API versions (ApiNotFound) are enforced;
 * - text written into a cell that is not formatted as text is parsed as Excel would ("=…" becomes a
 *   formula, "98%" a number), so a test sees when text was not written as text; a value written
 *   over a formula replaces it, as in Excel;
 * - cells can hold formulas (their `value` is the cached result), found by
 *   getSpecialCellsOrNullObject("Formulas") (ExcelApi 1.9);
 * - columns can be hidden, as getColumnProperties tells (ExcelApi 1.9).
 * Each class names the real members it mirrors (`Mirrors`), so a misspelt member fails to compile.
 */
import { MergeRange, SHEET_COLUMNS, cellAddress, cellKey as gridKey, rangeAddress } from "../core/grid";
import {
  ExcelScalar,
  FakeChangeEvent,
  FakeChart,
  FakeRichApiError,
  FakeSheet,
  FakeWorkbook,
  Visibility,
  parseA1,
  qualifiedAddress,
  sheetOfAddress,
} from "./fake-workbook";
import { SaxesParser } from "saxes";
import { utf8Length } from "../excel/batch";

export * from "./fake-workbook";

/** Requires each listed name to be a member of the real Office.js type. */
type Mirrors<T, K extends keyof T> = { [P in K]: unknown };

interface Delivery {
  responseBytes: number;
  deliver(): void;
}

interface Action {
  requestBytes: number;
  /** Runs against the workbook; returns loaded data to deliver after the sync succeeds. */
  run(): Delivery | void;
}

/** Per-action request overhead in bytes (object path, action id, names), roughly what Office.js sends. */
const ACTION_BYTES = 120;

const jsonBytes = (value: unknown): number => utf8Length(JSON.stringify(value ?? null));

export class FakeRequestContext {
  readonly workbook: FakeWorkbookObject;
  private queue: Action[] = [];

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookObject(this);
  }

  enqueue(action: Action): void {
    this.queue.push(action);
  }

  /** Queues a write: it runs in order at the next sync. */
  write(payload: unknown, run: () => unknown): void {
    this.enqueue({
      requestBytes: ACTION_BYTES + jsonBytes(payload),
      run: () => {
        run();
      },
    });
  }

  /** Queues an action that fails at sync when the workbook lacks ExcelApi 1.`minor`. */
  requireApi(minor: number, member: string): void {
    if (this.book.supports(minor)) return;
    this.enqueue({
      requestBytes: ACTION_BYTES,
      run: () => {
        throw new FakeRichApiError("ApiNotFound", `${member} needs ExcelApi 1.${minor}`);
      },
    });
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const actions = this.queue;
    this.queue = [];
    this.book.syncCount++;
    const requestBytes = actions.reduce((sum, a) => sum + a.requestBytes, 0);
    if (requestBytes > this.book.limits.requestBytes) {
      throw new FakeRichApiError("RequestPayloadSizeLimitExceeded", `Request of ${requestBytes} bytes exceeds the limit`);
    }
    const deliveries: Delivery[] = [];
    try {
      for (const action of actions) {
        const delivery = action.run();
        if (delivery) deliveries.push(delivery);
      }
    } finally {
      this.book.notifyChange();
    }
    const responseBytes = deliveries.reduce((sum, d) => sum + d.responseBytes, 0);
    if (responseBytes > this.book.limits.responseBytes) {
      throw new FakeRichApiError("ResponsePayloadSizeLimitExceeded", `Response of ${responseBytes} bytes exceeds the limit`);
    }
    for (const delivery of deliveries) delivery.deliver();
  }
}

/** Splits "a, b/c" or ["a", "b/c"] into paths; object-form and empty loads are refused. */
function loadPaths(spec: string | string[] | undefined): string[] {
  const list = spec === undefined ? [] : Array.isArray(spec) ? spec : spec.split(",");
  const paths = list.map((p) => p.trim()).filter((p) => p !== "");
  if (paths.length === 0) throw new FakeRichApiError("InvalidArgument", "Empty load(): name the properties to load");
  return paths;
}

/** Base of every proxy: resolves its model object lazily (at the first action that needs it) and
 * keeps the properties delivered by syncs. */
abstract class FakeObject<Model> {
  protected readonly loaded = new Map<string, unknown>();
  private resolved = false;
  private model: Model | undefined;

  constructor(
    readonly ctx: FakeRequestContext,
    private readonly typeName: string,
    private readonly resolver: () => Model | undefined,
  ) {}

  /** The model object, or undefined for a null object. */
  protected resolve(): Model | undefined {
    if (!this.resolved) {
      this.model = this.resolver();
      this.resolved = true;
    }
    return this.model;
  }

  /** The model object; a null object cannot be used. */
  protected target(): Model {
    const model = this.resolve();
    if (model === undefined) throw new FakeRichApiError("ItemNotFound", `${this.typeName} is a null object`);
    return model;
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeRichApiError("PropertyNotLoaded", `${this.typeName}.${prop} was read before it was loaded and synced`);
    }
    return this.loaded.get(prop) as T;
  }

  /** Queues the existence check that *OrNullObject proxies answer through isNullObject. */
  protected trackNull(): this {
    this.ctx.enqueue({
      requestBytes: ACTION_BYTES,
      run: () => {
        const isNull = this.resolve() === undefined;
        return { responseBytes: 20, deliver: () => this.loaded.set("isNullObject", isNull) };
      },
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.get<boolean>("isNullObject");
  }

  load(propertyNames?: string | string[]): this {
    const paths = loadPaths(propertyNames);
    this.ctx.enqueue({ requestBytes: ACTION_BYTES + jsonBytes(paths), run: () => this.runLoad(paths) });
    return this;
  }

  /** Reads the paths from the model now; the values reach the proxy only if the sync succeeds. */
  runLoad(paths: string[]): Delivery {
    if (this.resolve() === undefined) return { responseBytes: 0, deliver: () => undefined };
    const values = new Map<string, unknown>();
    const nested = new Map<string, string[]>();
    for (const path of paths) {
      const slash = path.indexOf("/");
      if (slash < 0) values.set(path, this.readScalar(path));
      else nested.set(path.slice(0, slash), [...(nested.get(path.slice(0, slash)) ?? []), path.slice(slash + 1)]);
    }
    const children = [...nested].map(([name, rest]) => this.loadNested(name, rest));
    return {
      responseBytes: jsonBytes(Object.fromEntries(values)) + children.reduce((sum, c) => sum + c.responseBytes, 0),
      deliver: () => {
        for (const [k, v] of values) this.loaded.set(k, v);
        for (const child of children) child.deliver();
      },
    };
  }

  /** The current value of a scalar property; unknown names throw. */
  protected readScalar(prop: string): unknown {
    throw new FakeRichApiError("InvalidArgument", `${this.typeName}.${prop} is not modelled by the fake`);
  }

  /** Loads through a navigation property ("protection/protected", "items/name"). */
  protected loadNested(name: string, rest: string[]): Delivery {
    throw new FakeRichApiError("InvalidArgument", `${this.typeName}.${name}/${rest.join(",")} is not modelled by the fake`);
  }

  /** A collection's `items/…` load: each item loads `rest`, and `items` is readable after the sync. */
  protected loadItems<T>(items: FakeObject<T>[], rest: string[]): Delivery {
    const loads = items.map((item) => item.runLoad(rest));
    return {
      responseBytes: loads.reduce((sum, l) => sum + l.responseBytes, 0),
      deliver: () => {
        this.loaded.set("items", items);
        for (const l of loads) l.deliver();
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, worksheets, settings

export class FakeWorkbookObject
  extends FakeObject<FakeWorkbook>
  implements Mirrors<Excel.Workbook, "worksheets" | "settings" | "application" | "protection" | "notes" | "customXmlParts">
{
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly application: FakeApplication;
  readonly protection: FakeWorkbookProtection;
  readonly notes: FakeNoteCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;

  constructor(ctx: FakeRequestContext) {
    super(ctx, "Workbook", () => ctx.book);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.application = new FakeApplication(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
    this.notes = new FakeNoteCollection(ctx);
    this.customXmlParts = new FakeCustomXmlPartCollection(ctx);
  }
}

// ---------------------------------------------------------------------------------------------
// Notes (ExcelApi 1.18) and custom XML parts (ExcelApi 1.5)

interface NoteRef {
  sheet: FakeSheet;
  key: number;
}

/** The sheet and cell a qualified address names ("'表1'!B2"), refused like Excel when it is not one cell. */
function noteCell(book: FakeWorkbook, address: string): NoteRef {
  const sheetName = sheetOfAddress(address);
  const sheet = sheetName === undefined ? undefined : book.sheet(sheetName);
  const rect = parseA1(address);
  if (!sheet) throw new FakeRichApiError("ItemNotFound", `No sheet for ${address}`);
  if (rect.top !== rect.bottom || rect.left !== rect.right) throw new FakeRichApiError("InvalidArgument", "A note belongs to one cell");
  return { sheet, key: gridKey(rect.top, rect.left) };
}

export class FakeNoteCollection extends FakeObject<FakeWorkbook> implements Mirrors<Excel.NoteCollection, "items" | "add" | "getItem" | "getItemOrNullObject"> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "NoteCollection", () => ctx.book);
  }
  get items(): FakeNote[] {
    return this.get("items");
  }
  /** Every note of the workbook, sheet by sheet, each sheet's row by row. */
  protected override loadNested(name: string, rest: string[]): Delivery {
    if (name !== "items") return super.loadNested(name, rest);
    if (!this.ctx.book.supports(18)) throw new FakeRichApiError("ApiNotFound", "notes needs ExcelApi 1.18");
    const refs = this.target().sheets.flatMap((sheet) => [...sheet.notes.keys()].sort((a, b) => a - b).map((key): NoteRef => ({ sheet, key })));
    return this.loadItems(
      refs.map((ref) => new FakeNote(this.ctx, () => (ref.sheet.notes.has(ref.key) ? ref : undefined))),
      rest,
    );
  }
  add(cellAddress: string, content: string): FakeNote {
    this.ctx.requireApi(18, "notes.add");
    let ref: NoteRef | undefined;
    this.ctx.write([cellAddress, content], () => {
      ref = noteCell(this.ctx.book, cellAddress);
      if (ref.sheet.protected) throw new FakeRichApiError("AccessDenied", `Sheet ${ref.sheet.name} is protected`);
      if (ref.sheet.notes.has(ref.key)) throw new FakeRichApiError("InvalidArgument", `${cellAddress} has a note already`);
      ref.sheet.notes.set(ref.key, content);
    });
    return new FakeNote(this.ctx, () => ref);
  }
  getItem(key: string): FakeNote {
    this.ctx.requireApi(18, "notes.getItem");
    return new FakeNote(this.ctx, () => {
      const ref = noteCell(this.ctx.book, key);
      if (!ref.sheet.notes.has(ref.key)) throw new FakeRichApiError("ItemNotFound", `No note at ${key}`);
      return ref;
    });
  }
  getItemOrNullObject(key: string): FakeNote {
    this.ctx.requireApi(18, "notes.getItemOrNullObject");
    return new FakeNote(this.ctx, () => {
      const ref = noteCell(this.ctx.book, key);
      return ref.sheet.notes.has(ref.key) ? ref : undefined;
    }).trackNullObject();
  }
}

export class FakeNote extends FakeObject<NoteRef> implements Pick<Excel.Note, "content">, Mirrors<Excel.Note, "delete" | "getLocation"> {
  constructor(ctx: FakeRequestContext, resolver: () => NoteRef | undefined) {
    super(ctx, "Note", resolver);
  }
  trackNullObject(): this {
    return this.trackNull();
  }
  get content(): string {
    return this.get("content");
  }
  set content(text: string) {
    this.ctx.write(text, () => {
      const ref = this.target();
      if (ref.sheet.protected) throw new FakeRichApiError("AccessDenied", `Sheet ${ref.sheet.name} is protected`);
      ref.sheet.notes.set(ref.key, text);
    });
  }
  protected override readScalar(prop: string): unknown {
    if (prop !== "content") return super.readScalar(prop);
    const ref = this.target();
    return ref.sheet.notes.get(ref.key);
  }
  delete(): void {
    this.ctx.write(null, () => {
      const ref = this.target();
      if (ref.sheet.protected) throw new FakeRichApiError("AccessDenied", `Sheet ${ref.sheet.name} is protected`);
      ref.sheet.notes.delete(ref.key);
    });
  }
  /** The cell the note is on. */
  getLocation(): FakeRange {
    const worksheet = new FakeWorksheet(this.ctx, () => this.target().sheet);
    return new FakeRange(worksheet, () => {
      const { sheet, key } = this.target();
      const [row, col] = [Math.floor(key / SHEET_COLUMNS), key % SHEET_COLUMNS];
      return { sheet, rect: { top: row, left: col, bottom: row, right: col } };
    });
  }
}

/** The namespace of an XML text's root element, as Excel indexes parts ("" for none); undefined
 * when the text is not well-formed XML. */
function rootNamespace(xml: string): string | undefined {
  let namespace: string | undefined;
  const parser = new SaxesParser({ xmlns: true });
  parser.on("opentag", (tag) => {
    namespace ??= tag.uri;
  });
  try {
    parser.write(xml).close();
  } catch {
    return undefined;
  }
  return namespace ?? "";
}

/** Excel refuses a part that is not well-formed XML. */
function checkXml(xml: string): void {
  if (rootNamespace(xml) === undefined) throw new FakeRichApiError("InvalidArgument", "Not well-formed XML");
}

type PartRef = { id: string; xml: string };

export class FakeCustomXmlPartCollection extends FakeObject<FakeWorkbook> implements Mirrors<Excel.CustomXmlPartCollection, "add" | "getByNamespace" | "getItem"> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "CustomXmlPartCollection", () => ctx.book);
  }
  add(xml: string): FakeCustomXmlPart {
    this.ctx.requireApi(5, "customXmlParts.add");
    let part: PartRef | undefined;
    this.ctx.write(xml, () => {
      checkXml(xml);
      part = this.ctx.book.addCustomXmlPart(xml);
    });
    return new FakeCustomXmlPart(this.ctx, () => part);
  }
  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, () => {
      const part = this.ctx.book.customXmlParts.find((p) => p.id === id);
      if (!part) throw new FakeRichApiError("ItemNotFound", `No custom XML part ${id}`);
      return part;
    });
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    this.ctx.requireApi(5, "customXmlParts.getByNamespace");
    return new FakeCustomXmlPartScopedCollection(this.ctx, namespaceUri);
  }
}

export class FakeCustomXmlPartScopedCollection extends FakeObject<FakeWorkbook> implements Mirrors<Excel.CustomXmlPartScopedCollection, "items"> {
  constructor(
    ctx: FakeRequestContext,
    private readonly namespaceUri: string,
  ) {
    super(ctx, "CustomXmlPartScopedCollection", () => ctx.book);
  }
  get items(): FakeCustomXmlPart[] {
    return this.get("items");
  }
  protected override loadNested(name: string, rest: string[]): Delivery {
    if (name !== "items") return super.loadNested(name, rest);
    const parts = this.target().customXmlParts.filter((p) => rootNamespace(p.xml) === this.namespaceUri);
    return this.loadItems(
      parts.map((part) => new FakeCustomXmlPart(this.ctx, () => this.ctx.book.customXmlParts.find((p) => p === part))),
      rest,
    );
  }
}

export class FakeCustomXmlPart extends FakeObject<PartRef> implements Pick<Excel.CustomXmlPart, "id">, Mirrors<Excel.CustomXmlPart, "getXml" | "setXml" | "delete"> {
  constructor(ctx: FakeRequestContext, resolver: () => PartRef | undefined) {
    super(ctx, "CustomXmlPart", resolver);
  }
  get id(): string {
    return this.get("id");
  }
  protected override readScalar(prop: string): unknown {
    return prop === "id" ? this.target().id : super.readScalar(prop);
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>("getXml");
    this.ctx.enqueue({
      requestBytes: ACTION_BYTES,
      run: () => {
        const xml = this.target().xml;
        return { responseBytes: jsonBytes(xml), deliver: () => result.set(xml) };
      },
    });
    return result;
  }
  setXml(xml: string): void {
    this.ctx.write(xml, () => {
      checkXml(xml);
      this.target().xml = xml;
    });
  }
  delete(): void {
    this.ctx.write(null, () => {
      const parts = this.ctx.book.customXmlParts;
      parts.splice(parts.indexOf(this.target()), 1);
    });
  }
}

export class FakeWorkbookProtection extends FakeObject<FakeWorkbook> implements Pick<Excel.WorkbookProtection, "protected"> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "WorkbookProtection", () => ctx.book);
  }
  get protected(): boolean {
    return this.get("protected");
  }
  override load(propertyNames?: string | string[]): this {
    this.ctx.requireApi(7, "Workbook.protection");
    return super.load(propertyNames);
  }
  protected override readScalar(prop: string): unknown {
    return prop === "protected" ? this.target().protected : super.readScalar(prop);
  }
}

export class FakeApplication
  extends FakeObject<FakeWorkbook>
  implements Mirrors<Excel.Application, "suspendApiCalculationUntilNextSync" | "suspendScreenUpdatingUntilNextSync">
{
  constructor(ctx: FakeRequestContext) {
    super(ctx, "Application", () => ctx.book);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.requireApi(6, "suspendApiCalculationUntilNextSync");
    this.ctx.write(null, () => this.ctx.book.suspended.calculation++);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.requireApi(9, "suspendScreenUpdatingUntilNextSync");
    this.ctx.write(null, () => this.ctx.book.suspended.screen++);
  }
}

const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

function checkStructure(book: FakeWorkbook): void {
  if (book.protected) throw new FakeRichApiError("AccessDenied", "The workbook structure is protected");
}

function checkNewName(book: FakeWorkbook, name: string, self?: FakeSheet): void {
  if (name === "" || name.length > 31 || INVALID_SHEET_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new FakeRichApiError("InvalidArgument", `Invalid sheet name: ${name}`);
  }
  const existing = book.sheet(name);
  if (existing && existing !== self) throw new FakeRichApiError("ItemAlreadyExists", `A sheet named ${name} exists`);
}

export class FakeWorksheetCollection
  extends FakeObject<FakeWorkbook>
  implements Mirrors<Excel.WorksheetCollection, "items" | "getItem" | "getItemOrNullObject" | "add" | "onChanged">
{
  readonly onChanged: FakeEvent;

  constructor(ctx: FakeRequestContext) {
    super(ctx, "WorksheetCollection", () => ctx.book);
    this.onChanged = new FakeEvent(ctx, 9, "worksheets.onChanged");
  }

  get items(): FakeWorksheet[] {
    return this.get("items");
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const sheet = this.ctx.book.sheet(key);
      if (!sheet) throw new FakeRichApiError("ItemNotFound", `No sheet named ${key}`);
      return sheet;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(key)).trackNullObject();
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.ctx.write(name, () => {
      const book = this.ctx.book;
      checkStructure(book);
      checkNewName(book, name);
      created = book.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, () => created);
  }

  protected override loadNested(name: string, rest: string[]): Delivery {
    if (name !== "items") return super.loadNested(name, rest);
    return this.loadItems(
      this.target().sheets.map((sheet) => new FakeWorksheet(this.ctx, () => sheet)),
      rest,
    );
  }
}

/** An event source: handlers are registered (and removed) at the next sync, as in Office.js. */
export class FakeEvent {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly minor: number,
    private readonly member: string,
  ) {}

  add(handler: (event: FakeChangeEvent) => unknown): FakeEventHandlerResult {
    this.ctx.requireApi(this.minor, this.member);
    this.ctx.write(null, () => this.ctx.book.changeHandlers.add(handler));
    return new FakeEventHandlerResult(this.ctx, handler);
  }
}

export class FakeEventHandlerResult implements Mirrors<OfficeExtension.EventHandlerResult<unknown>, "context" | "remove"> {
  constructor(
    readonly context: FakeRequestContext,
    private readonly handler: (event: FakeChangeEvent) => unknown,
  ) {}
  remove(): void {
    this.context.write(null, () => this.context.book.changeHandlers.delete(this.handler));
  }
}

export class FakeWorksheet
  extends FakeObject<FakeSheet>
  implements
    Pick<Excel.Worksheet, "name" | "visibility" | "position">,
    Mirrors<
      Excel.Worksheet,
      | "protection"
      | "freezePanes"
      | "charts"
      | "getRange"
      | "getRangeByIndexes"
      | "getUsedRange"
      | "getUsedRangeOrNullObject"
      | "activate"
      | "delete"
      | "pageLayout"
    >
{
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeFreezePanes;
  readonly charts: FakeChartCollection;
  readonly pageLayout: FakePageLayout;

  constructor(ctx: FakeRequestContext, resolver: () => FakeSheet | undefined) {
    super(ctx, "Worksheet", resolver);
    this.protection = new FakeWorksheetProtection(ctx, () => this.target());
    this.freezePanes = new FakeFreezePanes(ctx, () => this.target());
    this.charts = new FakeChartCollection(ctx, () => this.target());
    this.pageLayout = new FakePageLayout(ctx, () => this.target());
  }

  trackNullObject(): this {
    return this.trackNull();
  }

  /** The sheet, for a change to its cells: refused while the sheet is protected. */
  editable(): FakeSheet {
    const sheet = this.target();
    if (sheet.protected) throw new FakeRichApiError("AccessDenied", `Sheet ${sheet.name} is protected`);
    return sheet;
  }

  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.ctx.write(value, () => {
      const sheet = this.target();
      checkStructure(this.ctx.book);
      checkNewName(this.ctx.book, value, sheet);
      if (this.ctx.book.activeSheet === sheet.name) this.ctx.book.activeSheet = value;
      sheet.name = value;
    });
  }

  get visibility(): Visibility {
    return this.get("visibility");
  }
  set visibility(value: Visibility) {
    this.ctx.write(value, () => {
      const sheet = this.target();
      checkStructure(this.ctx.book);
      const othersVisible = this.ctx.book.sheets.some((s) => s !== sheet && s.visibility === "Visible");
      if (value !== "Visible" && !othersVisible) throw new FakeRichApiError("InvalidOperation", "A workbook needs a visible sheet");
      sheet.visibility = value;
      if (value !== "Visible" && this.ctx.book.activeSheet === sheet.name) {
        this.ctx.book.activeSheet = this.ctx.book.sheets.find((s) => s.visibility === "Visible")!.name;
      }
    });
  }

  get position(): number {
    return this.get("position");
  }
  set position(value: number) {
    this.ctx.write(value, () => {
      const sheet = this.target();
      checkStructure(this.ctx.book);
      const sheets = this.ctx.book.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.max(0, Math.min(value, sheets.length)), 0, sheet);
    });
  }

  protected override readScalar(prop: string): unknown {
    const sheet = this.target();
    if (prop === "name") return sheet.name;
    if (prop === "visibility") return sheet.visibility;
    if (prop === "position") return this.ctx.book.sheets.indexOf(sheet);
    return super.readScalar(prop);
  }

  protected override loadNested(name: string, rest: string[]): Delivery {
    return name === "protection" ? this.protection.runLoad(rest) : super.loadNested(name, rest);
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this, () => ({ sheet: this.target(), rect: parseA1(address) }));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this, () => ({
      sheet: this.target(),
      rect: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 },
    }));
  }

  /** On a sheet with nothing used, Excel returns A1. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this, () => {
      const sheet = this.target();
      return { sheet, rect: sheet.usedRect(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this, () => {
      const sheet = this.target();
      const rect = sheet.usedRect(valuesOnly === true);
      return rect && { sheet, rect };
    }).trackNullObject();
  }

  activate(): void {
    this.ctx.write(null, () => {
      const sheet = this.target();
      if (sheet.visibility !== "Visible") throw new FakeRichApiError("InvalidOperation", `Sheet ${sheet.name} is hidden`);
      this.ctx.book.activeSheet = sheet.name;
    });
  }

  delete(): void {
    this.ctx.write(null, () => {
      const sheet = this.target();
      const book = this.ctx.book;
      checkStructure(book);
      if (!book.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
        throw new FakeRichApiError("InvalidOperation", "Cannot delete the last visible sheet");
      }
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      if (book.activeSheet === sheet.name) book.activeSheet = book.sheets.find((s) => s.visibility === "Visible")!.name;
      if (book.selection?.sheet === sheet.name) book.selection = null;
    });
  }
}

/** worksheet.pageLayout (ExcelApi 1.9): the setters the summary sheet uses, recorded on the sheet. */
export class FakePageLayout
  extends FakeObject<FakeSheet>
  implements Pick<Excel.PageLayout, "paperSize" | "orientation" | "zoom">, Mirrors<Excel.PageLayout, "setPrintTitleRows" | "headersFooters">
{
  readonly headersFooters: { defaultForAllPages: { centerFooter: string } };
  constructor(ctx: FakeRequestContext, resolver: () => FakeSheet) {
    super(ctx, "PageLayout", resolver);
    const record = (text: string) => this.record("centerFooter", text);
    this.headersFooters = {
      defaultForAllPages: {
        get centerFooter(): string {
          throw new FakeRichApiError("PropertyNotLoaded", "headers and footers are write-only in the fake");
        },
        set centerFooter(text: string) {
          record(text);
        },
      },
    };
  }
  private record<K extends keyof FakeSheet["pageLayout"]>(key: K, value: FakeSheet["pageLayout"][K]): void {
    this.ctx.requireApi(9, "pageLayout");
    this.ctx.write(value, () => (this.target().pageLayout[key] = value));
  }
  get paperSize(): Excel.PaperType {
    return this.get("paperSize");
  }
  set paperSize(value: Excel.PaperType) {
    this.record("paperSize", value);
  }
  get orientation(): Excel.PageOrientation {
    return this.get("orientation");
  }
  set orientation(value: Excel.PageOrientation) {
    this.record("orientation", value);
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.get("zoom");
  }
  set zoom(value: Excel.PageLayoutZoomOptions) {
    this.record("zoom", value);
  }
  setPrintTitleRows(rows: string): void {
    this.record("printTitleRows", rows);
  }
}

export class FakeWorksheetProtection extends FakeObject<FakeSheet> implements Pick<Excel.WorksheetProtection, "protected"> {
  constructor(ctx: FakeRequestContext, resolver: () => FakeSheet) {
    super(ctx, "WorksheetProtection", resolver);
  }
  get protected(): boolean {
    return this.get("protected");
  }
  protected override readScalar(prop: string): unknown {
    return prop === "protected" ? this.target().protected : super.readScalar(prop);
  }
}

export class FakeFreezePanes extends FakeObject<FakeSheet> implements Mirrors<Excel.WorksheetFreezePanes, "freezeRows"> {
  constructor(ctx: FakeRequestContext, resolver: () => FakeSheet) {
    super(ctx, "WorksheetFreezePanes", resolver);
  }
  freezeRows(count?: number): void {
    this.ctx.requireApi(7, "freezePanes");
    this.ctx.write(count, () => (this.target().freezeRows = count ?? 1));
  }
}

export class FakeSettingCollection
  extends FakeObject<FakeWorkbook>
  implements Mirrors<Excel.SettingCollection, "add" | "getItemOrNullObject">
{
  constructor(ctx: FakeRequestContext) {
    super(ctx, "SettingCollection", () => ctx.book);
  }
  add(key: string, value: unknown): void {
    this.ctx.write([key, value], () => this.ctx.book.settings.set(key, JSON.parse(JSON.stringify(value))));
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key);
  }
}

export class FakeSetting extends FakeObject<string> implements Pick<Excel.Setting, "value">, Mirrors<Excel.Setting, "delete"> {
  constructor(ctx: FakeRequestContext, key: string) {
    super(ctx, "Setting", () => (ctx.book.settings.has(key) ? key : undefined));
    this.trackNull();
  }
  get value(): unknown {
    return this.get("value");
  }
  protected override readScalar(prop: string): unknown {
    return prop === "value" ? this.ctx.book.settings.get(this.target()) : super.readScalar(prop);
  }
  delete(): void {
    this.ctx.write(null, () => this.ctx.book.settings.delete(this.target()));
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

interface RangeRef {
  sheet: FakeSheet;
  rect: MergeRange;
}

function forEachCell(rect: MergeRange, visit: (row: number, col: number) => void): void {
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) visit(r, c);
}

function localAddress(rect: MergeRange): string {
  return rect.top === rect.bottom && rect.left === rect.right ? cellAddress(rect.top, rect.left) : rangeAddress(rect);
}

function cellCount(rect: MergeRange): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

function matrixOf<T>(rect: MergeRange, read: (row: number, col: number) => T): T[][] {
  const rows: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(read(r, c));
    rows.push(row);
  }
  return rows;
}

function checkShape(rect: MergeRange, matrix: unknown[][]): void {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(matrix) || matrix.length !== rows || matrix.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeRichApiError("InvalidArgument", `Expected a ${rows}×${cols} array`);
  }
}

/** What Excel stores when text is entered into a cell that is not formatted as text. */
function parsedEntry(value: ExcelScalar, numberFormat: string): { value: ExcelScalar; formula?: string } {
  if (typeof value !== "string" || numberFormat === "@") return { value };
  const text = value.trim();
  const number = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/.test(text) ? Number(text.replace(/[,%]/g, "")) / (text.endsWith("%") ? 100 : 1) : NaN;
  if (!Number.isNaN(number)) return { value: number };
  if (/^[=+\-@]/.test(text)) return { value: "#NAME?", formula: text };
  return { value };
}

export class FakeRange
  extends FakeObject<RangeRef>
  implements
    Pick<Excel.Range, "address" | "rowIndex" | "columnIndex" | "rowCount" | "columnCount" | "values" | "numberFormat" | "formulas">,
    Mirrors<Excel.Range, "worksheet" | "format" | "getCellProperties" | "getColumnProperties" | "getMergedAreasOrNullObject" | "getSpecialCellsOrNullObject" | "merge" | "select">
{
  readonly format: FakeRangeFormat;

  constructor(
    readonly worksheet: FakeWorksheet,
    resolver: () => RangeRef | undefined,
  ) {
    super(worksheet.ctx, "Range", resolver);
    this.format = new FakeRangeFormat(this);
  }

  trackNullObject(): this {
    return this.trackNull();
  }

  /** The range for a change: refused on a protected sheet. */
  editable(): RangeRef {
    const ref = this.target();
    if (ref.sheet.protected) throw new FakeRichApiError("AccessDenied", `Sheet ${ref.sheet.name} is protected`);
    return ref;
  }

  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): ExcelScalar[][] {
    return this.get("values");
  }
  set values(matrix: ExcelScalar[][]) {
    this.ctx.write(matrix, () => {
      const { sheet, rect } = this.editable();
      checkShape(rect, matrix);
      forEachCell(rect, (r, c) => {
        const cell = sheet.cellForWrite(r, c);
        const entry = parsedEntry(matrix[r - rect.top][c - rect.left], cell.numberFormat);
        cell.value = entry.value;
        if (entry.formula) cell.formula = entry.formula;
        else delete cell.formula;
      });
    });
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  /** Read only here: a cell's formula ("=…"), or its value when it holds none. */
  get formulas(): ExcelScalar[][] {
    return this.get("formulas");
  }
  set numberFormat(matrix: string[][]) {
    this.ctx.write(matrix, () => {
      const { sheet, rect } = this.editable();
      checkShape(rect, matrix);
      forEachCell(rect, (r, c) => (sheet.cellForWrite(r, c).numberFormat = matrix[r - rect.top][c - rect.left]));
    });
  }

  protected override readScalar(prop: string): unknown {
    const { sheet, rect } = this.target();
    switch (prop) {
      case "address":
        return qualifiedAddress(sheet.name, rect);
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "values":
        // Over the cell limit Excel may answer null instead of failing.
        return cellCount(rect) > this.ctx.book.limits.getCells ? null : matrixOf(rect, (r, c) => sheet.cell(r, c)?.value ?? "");
      case "numberFormat":
        return cellCount(rect) > this.ctx.book.limits.getCells ? null : matrixOf(rect, (r, c) => sheet.cell(r, c)?.numberFormat ?? "General");
      case "formulas":
        return cellCount(rect) > this.ctx.book.limits.getCells ? null : matrixOf(rect, (r, c) => sheet.cell(r, c)?.formula ?? sheet.cell(r, c)?.value ?? "");
      default:
        return super.readScalar(prop);
    }
  }

  /** "worksheet/name": the sheet of a range got from elsewhere (a note's cell). */
  protected override loadNested(name: string, rest: string[]): Delivery {
    return name === "worksheet" ? this.worksheet.runLoad(rest) : super.loadNested(name, rest);
  }

  /** Only fill colour and pattern are modelled: what the undo snapshot reads. */
  getCellProperties(options: Excel.CellPropertiesLoadOptions): FakeClientResult<Excel.CellProperties[][]> {
    this.ctx.requireApi(9, "getCellProperties");
    const fill = options.format?.fill;
    const unsupported = Object.keys(options).some((k) => k !== "format") || Object.keys(options.format ?? {}).some((k) => k !== "fill");
    const result = new FakeClientResult<Excel.CellProperties[][]>("getCellProperties");
    this.ctx.enqueue({
      requestBytes: ACTION_BYTES + jsonBytes(options),
      run: () => {
        if (unsupported) throw new FakeRichApiError("InvalidArgument", "getCellProperties: only format/fill is modelled");
        const { sheet, rect } = this.target();
        const matrix = matrixOf(rect, (r, c): Excel.CellProperties => {
          const color = sheet.cell(r, c)?.fill ?? null;
          const props: Excel.CellPropertiesFill = {};
          if (fill?.color) props.color = color ?? "#FFFFFF";
          if (fill?.pattern) props.pattern = color ? "Solid" : "None";
          return { format: { fill: props } };
        });
        return { responseBytes: jsonBytes(matrix), deliver: () => result.set(matrix) };
      },
    });
    return result;
  }

  /** Only whether each column is hidden is modelled: what the reader asks. */
  getColumnProperties(options: Excel.ColumnPropertiesLoadOptions): FakeClientResult<Excel.ColumnProperties[]> {
    this.ctx.requireApi(9, "getColumnProperties");
    const unsupported = Object.keys(options).some((k) => k !== "columnHidden");
    const result = new FakeClientResult<Excel.ColumnProperties[]>("getColumnProperties");
    this.ctx.enqueue({
      requestBytes: ACTION_BYTES + jsonBytes(options),
      run: () => {
        if (unsupported) throw new FakeRichApiError("InvalidArgument", "getColumnProperties: only columnHidden is modelled");
        const { sheet, rect } = this.target();
        const columns: Excel.ColumnProperties[] = [];
        for (let c = rect.left; c <= rect.right; c++) {
          const props: Excel.ColumnProperties = {};
          if (options.columnHidden) props.columnHidden = sheet.columnHidden(c);
          columns.push(props);
        }
        return { responseBytes: jsonBytes(columns), deliver: () => result.set(columns) };
      },
    });
    return result;
  }

  /** Like Excel: only areas whose top-left cell lies in this range, and failing above 512 areas. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.requireApi(13, "getMergedAreasOrNullObject");
    return new FakeRangeAreas(this.worksheet, () => {
      const { sheet, rect } = this.target();
      const areas = sheet.merges.filter((m) => m.top >= rect.top && m.top <= rect.bottom && m.left >= rect.left && m.left <= rect.right);
      if (areas.length > this.ctx.book.limits.mergedAreas) {
        throw new FakeRichApiError("InvalidOperation", `More than ${this.ctx.book.limits.mergedAreas} merged areas`);
      }
      return areas.length > 0 ? { sheet, areas } : undefined;
    });
  }

  /**
   * Only "Formulas" (of any result type) is modelled: the formula cells of this range as rectangles
   * (runs down each column, joined across columns with the same rows), or a null object when there
   * are none.
   */
  getSpecialCellsOrNullObject(
    cellType: Excel.SpecialCellType | `${Excel.SpecialCellType}`,
    cellValueType?: Excel.SpecialCellValueType | `${Excel.SpecialCellValueType}`,
  ): FakeRangeAreas {
    this.ctx.requireApi(9, "getSpecialCellsOrNullObject");
    return new FakeRangeAreas(this.worksheet, () => {
      if (cellType !== "Formulas" || (cellValueType !== undefined && cellValueType !== "All")) {
        throw new FakeRichApiError("InvalidArgument", `getSpecialCells(${cellType}, ${cellValueType}) is not modelled by the fake`);
      }
      const { sheet, rect } = this.target();
      const areas = formulaAreas(sheet, rect);
      return areas.length > 0 ? { sheet, areas } : undefined;
    });
  }

  merge(across?: boolean): void {
    this.ctx.write(across ?? false, () => {
      const { sheet, rect } = this.editable();
      const rows = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
      for (const area of rows) {
        if (sheet.merges.some((m) => m.top <= area.bottom && m.bottom >= area.top && m.left <= area.right && m.right >= area.left)) {
          throw new FakeRichApiError("InvalidOperation", "Cannot merge over a merged area");
        }
        forEachCell(area, (r, c) => {
          if ((r !== area.top || c !== area.left) && sheet.cell(r, c)) {
            const cell = sheet.cellForWrite(r, c);
            cell.value = "";
            delete cell.formula;
          }
        });
        sheet.merges.push({ ...area });
      }
    });
  }

  select(): void {
    this.ctx.write(null, () => {
      const { sheet, rect } = this.target();
      this.ctx.book.activeSheet = sheet.name;
      this.ctx.book.selection = { sheet: sheet.name, address: localAddress(rect) };
    });
  }

  /** "Sheet1!A1:B2", resolved now: for bookkeeping inside a running action. */
  qualifiedAddress(): string {
    const { sheet, rect } = this.target();
    return qualifiedAddress(sheet.name, rect);
  }
}

/** The formula cells of `rect` as rectangles: vertical runs, joined with the run just left of them. */
function formulaAreas(sheet: FakeSheet, rect: MergeRange): MergeRange[] {
  const cells: { row: number; col: number }[] = [];
  for (const { row, col, cell } of sheet.entries()) {
    if (cell.formula === undefined) continue;
    if (row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right) cells.push({ row, col });
  }
  cells.sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: MergeRange[] = [];
  for (const { row, col } of cells) {
    const last = runs[runs.length - 1];
    if (last && last.left === col && last.bottom === row - 1) last.bottom = row;
    else runs.push({ top: row, left: col, bottom: row, right: col });
  }
  const areas: MergeRange[] = [];
  for (const run of runs) {
    const left = areas.find((a) => a.right === run.left - 1 && a.top === run.top && a.bottom === run.bottom);
    if (left) left.right = run.right;
    else areas.push(run);
  }
  return areas.sort((a, b) => a.top - b.top || a.left - b.left);
}

export class FakeClientResult<T> {
  private delivered = false;
  private result: T | undefined;
  constructor(private readonly method: string) {}
  set(value: T): void {
    this.result = value;
    this.delivered = true;
  }
  get value(): T {
    if (!this.delivered) throw new FakeRichApiError("PropertyNotLoaded", `${this.method}().value was read before sync`);
    return this.result as T;
  }
}

interface AreasRef {
  sheet: FakeSheet;
  areas: MergeRange[];
}

export class FakeRangeAreas extends FakeObject<AreasRef> implements Pick<Excel.RangeAreas, "address">, Mirrors<Excel.RangeAreas, "areas"> {
  readonly areas: FakeRangeCollection;
  constructor(worksheet: FakeWorksheet, resolver: () => AreasRef | undefined) {
    super(worksheet.ctx, "RangeAreas", resolver);
    this.trackNull();
    this.areas = new FakeRangeCollection(worksheet, () => this.target());
  }
  get address(): string {
    return this.get("address");
  }
  protected override readScalar(prop: string): unknown {
    const { sheet, areas } = this.target();
    return prop === "address" ? areas.map((a) => qualifiedAddress(sheet.name, a)).join(",") : super.readScalar(prop);
  }
  protected override loadNested(name: string, rest: string[]): Delivery {
    return name === "areas" ? this.areas.runLoad(rest) : super.loadNested(name, rest);
  }
}

export class FakeRangeCollection extends FakeObject<AreasRef> implements Mirrors<Excel.RangeCollection, "items"> {
  constructor(
    private readonly worksheet: FakeWorksheet,
    resolver: () => AreasRef,
  ) {
    super(worksheet.ctx, "RangeCollection", resolver);
  }
  get items(): FakeRange[] {
    return this.get("items");
  }
  protected override loadNested(name: string, rest: string[]): Delivery {
    if (name !== "items") return super.loadNested(name, rest);
    const { sheet, areas } = this.target();
    return this.loadItems(
      areas.map((rect) => new FakeRange(this.worksheet, () => ({ sheet, rect }))),
      rest,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting: every setter writes a style entry on each cell of the range

export class FakeRangeFormat
  extends FakeObject<RangeRef>
  implements
    Pick<Excel.RangeFormat, "columnWidth" | "rowHeight" | "horizontalAlignment" | "verticalAlignment" | "wrapText">,
    Mirrors<Excel.RangeFormat, "fill" | "font" | "borders">
{
  readonly fill: FakeRangeFill;
  readonly font: FakeStyleSetter;
  readonly borders: FakeBorderCollection;

  constructor(readonly range: FakeRange) {
    super(range.ctx, "RangeFormat", () => range.editable());
    this.fill = new FakeRangeFill(range);
    this.font = new FakeStyleSetter(range, "font");
    this.borders = new FakeBorderCollection(range);
  }

  private setStyle(name: string, value: unknown): void {
    setCellStyle(this.range, name, value);
  }

  get rowHeight(): number {
    return this.get("rowHeight");
  }
  set rowHeight(points: number) {
    this.ctx.write(points, () => {
      const { sheet, rect } = this.range.editable();
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(points: number) {
    this.ctx.write(points, () => {
      const { sheet, rect } = this.range.editable();
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get horizontalAlignment(): Excel.HorizontalAlignment {
    return this.get("horizontalAlignment");
  }
  set horizontalAlignment(value: Excel.HorizontalAlignment) {
    this.setStyle("horizontalAlignment", value);
  }
  get verticalAlignment(): Excel.VerticalAlignment {
    return this.get("verticalAlignment");
  }
  set verticalAlignment(value: Excel.VerticalAlignment) {
    this.setStyle("verticalAlignment", value);
  }
  get wrapText(): boolean {
    return this.get("wrapText");
  }
  set wrapText(value: boolean) {
    this.setStyle("wrapText", value);
  }
}

function setCellStyle(range: FakeRange, name: string, value: unknown): void {
  range.ctx.write(value, () => {
    const { sheet, rect } = range.editable();
    forEachCell(rect, (r, c) => (sheet.cellForWrite(r, c).style[name] = value));
  });
}

export class FakeRangeFill extends FakeObject<RangeRef> implements Pick<Excel.RangeFill, "color">, Mirrors<Excel.RangeFill, "clear"> {
  constructor(private readonly range: FakeRange) {
    super(range.ctx, "RangeFill", () => range.editable());
  }
  get color(): string {
    return this.get("color");
  }
  set color(value: string) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(value)) throw new Error(`The fake only takes #RRGGBB colours, not ${value}`);
    this.ctx.write(value, () => {
      const { sheet, rect } = this.range.editable();
      forEachCell(rect, (r, c) => (sheet.cellForWrite(r, c).fill = value.toUpperCase()));
    });
  }
  clear(): void {
    this.ctx.write(null, () => {
      const { sheet, rect } = this.range.editable();
      forEachCell(rect, (r, c) => {
        if (sheet.cell(r, c)) sheet.cellForWrite(r, c).fill = null;
      });
    });
  }
}

/** Font (and border) properties: each set becomes a style entry "font/bold" on every cell. */
export class FakeStyleSetter implements Pick<Excel.RangeFont, "bold" | "italic" | "color" | "size" | "name"> {
  constructor(
    private readonly range: FakeRange,
    private readonly prefix: string,
  ) {}
  private set(name: string, value: unknown): void {
    setCellStyle(this.range, `${this.prefix}/${name}`, value);
  }
  private unreadable(): never {
    throw new FakeRichApiError("PropertyNotLoaded", `${this.prefix} properties are write-only in the fake`);
  }
  get bold(): boolean {
    return this.unreadable();
  }
  set bold(value: boolean) {
    this.set("bold", value);
  }
  get italic(): boolean {
    return this.unreadable();
  }
  set italic(value: boolean) {
    this.set("italic", value);
  }
  get color(): string {
    return this.unreadable();
  }
  set color(value: string) {
    this.set("color", value);
  }
  get size(): number {
    return this.unreadable();
  }
  set size(value: number) {
    this.set("size", value);
  }
  get name(): string {
    return this.unreadable();
  }
  set name(value: string) {
    this.set("name", value);
  }
}

export class FakeBorderCollection implements Mirrors<Excel.RangeBorderCollection, "getItem"> {
  constructor(private readonly range: FakeRange) {}
  getItem(index: Excel.BorderIndex | `${Excel.BorderIndex}`): FakeRangeBorder {
    return new FakeRangeBorder(this.range, `borders/${index}`);
  }
}

export class FakeRangeBorder implements Pick<Excel.RangeBorder, "style" | "color" | "weight"> {
  constructor(
    private readonly range: FakeRange,
    private readonly prefix: string,
  ) {}
  private unreadable(): never {
    throw new FakeRichApiError("PropertyNotLoaded", "border properties are write-only in the fake");
  }
  get style(): Excel.BorderLineStyle {
    return this.unreadable();
  }
  set style(value: Excel.BorderLineStyle) {
    setCellStyle(this.range, `${this.prefix}/style`, value);
  }
  get color(): string {
    return this.unreadable();
  }
  set color(value: string) {
    setCellStyle(this.range, `${this.prefix}/color`, value);
  }
  get weight(): Excel.BorderWeight {
    return this.unreadable();
  }
  set weight(value: Excel.BorderWeight) {
    setCellStyle(this.range, `${this.prefix}/weight`, value);
  }
}

// ---------------------------------------------------------------------------------------------
// Charts: enough to see that a bar chart of the right ranges was made

export class FakeChartCollection extends FakeObject<FakeSheet> implements Mirrors<Excel.ChartCollection, "add"> {
  constructor(ctx: FakeRequestContext, resolver: () => FakeSheet) {
    super(ctx, "ChartCollection", resolver);
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChartObject {
    let chart: FakeChart | undefined;
    this.ctx.write([type, seriesBy], () => {
      const sheet = this.target();
      if (sheet.protected) throw new FakeRichApiError("AccessDenied", `Sheet ${sheet.name} is protected`);
      chart = {
        type,
        source: sourceData.qualifiedAddress(),
        seriesBy: seriesBy ?? "Auto",
        title: "",
        legendVisible: true,
        categories: null,
        values: sourceData.qualifiedAddress(),
        valueAxisNumberFormat: null,
        valueAxisMinimum: null,
        valueAxisMaximum: null,
        dataLabels: null,
        categoryAxisReversed: false,
        position: null,
      };
      sheet.charts.push(chart);
    });
    return new FakeChartObject(this.ctx, () => chart);
  }
}

export class FakeChartObject extends FakeObject<FakeChart> implements Mirrors<Excel.Chart, "title" | "legend" | "series" | "axes" | "dataLabels" | "setPosition"> {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly series: { getItemAt(index: number): FakeChartSeries };
  readonly axes: { valueAxis: { numberFormat: string; minimum: number; maximum: number }; categoryAxis: { reversePlotOrder: boolean } };
  readonly dataLabels: { showValue: boolean; numberFormat: string };

  constructor(ctx: FakeRequestContext, resolver: () => FakeChart | undefined) {
    super(ctx, "Chart", resolver);
    const setter = <T>(apply: (chart: FakeChart, value: T) => void) => (value: T) => this.ctx.write(value, () => apply(this.target(), value));
    const setTitle = setter<string>((chart, text) => (chart.title = text));
    const setLegend = setter<boolean>((chart, visible) => (chart.legendVisible = visible));
    const setAxisFormat = setter<string>((chart, format) => {
      if (!this.ctx.book.supports(8)) throw new FakeRichApiError("ApiNotFound", "ChartAxis.numberFormat needs ExcelApi 1.8");
      chart.valueAxisNumberFormat = format;
    });
    this.title = writeOnly({ text: setTitle });
    this.legend = writeOnly({ visible: setLegend });
    const setMinimum = setter<number>((chart, minimum) => (chart.valueAxisMinimum = minimum));
    const setMaximum = setter<number>((chart, maximum) => (chart.valueAxisMaximum = maximum));
    const setShowValue = setter<boolean>((chart, show) => (chart.dataLabels = { ...chart.dataLabels, showValue: show }));
    const setLabelFormat = setter<string>((chart, format) => {
      if (!this.ctx.book.supports(8)) throw new FakeRichApiError("ApiNotFound", "ChartDataLabels.numberFormat needs ExcelApi 1.8");
      chart.dataLabels = { ...chart.dataLabels, numberFormat: format };
    });
    const setReversed = setter<boolean>((chart, reversed) => {
      if (!this.ctx.book.supports(7)) throw new FakeRichApiError("ApiNotFound", "ChartAxis.reversePlotOrder needs ExcelApi 1.7");
      chart.categoryAxisReversed = reversed;
    });
    this.axes = {
      valueAxis: writeOnly({ numberFormat: setAxisFormat, minimum: setMinimum, maximum: setMaximum }),
      categoryAxis: writeOnly({ reversePlotOrder: setReversed }),
    };
    this.dataLabels = writeOnly({ showValue: setShowValue, numberFormat: setLabelFormat });
    this.series = { getItemAt: () => new FakeChartSeries(this) };
  }

  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    const text = (cell: FakeRange | string | undefined) => (typeof cell === "string" || cell === undefined ? cell ?? "" : cell.qualifiedAddress());
    this.ctx.write(null, () => (this.target().position = `${text(startCell)}:${text(endCell)}`));
  }

  chart(): FakeChart {
    return this.target();
  }
}

/** An object of write-only properties whose assignments are queued, one setter each. */
function writeOnly<T extends object>(setters: { [K in keyof T]: (value: T[K]) => void }): T {
  const object = {} as T;
  for (const name of Object.keys(setters) as (keyof T & string)[]) {
    Object.defineProperty(object, name, {
      get: () => {
        throw new FakeRichApiError("PropertyNotLoaded", `${name} is write-only in the fake`);
      },
      set: setters[name],
    });
  }
  return object;
}

export class FakeChartSeries implements Mirrors<Excel.ChartSeries, "setXAxisValues" | "setValues"> {
  constructor(private readonly chart: FakeChartObject) {}
  setXAxisValues(sourceData: FakeRange): void {
    this.chart.ctx.requireApi(7, "ChartSeries.setXAxisValues");
    this.chart.ctx.write(null, () => (this.chart.chart().categories = sourceData.qualifiedAddress()));
  }
  setValues(sourceData: FakeRange): void {
    this.chart.ctx.requireApi(7, "ChartSeries.setValues");
    this.chart.ctx.write(null, () => (this.chart.chart().values = sourceData.qualifiedAddress()));
  }
}

/** A context over the workbook, typed as the real one for the adapters under test. */
export function fakeContext(book: FakeWorkbook): Excel.RequestContext {
  return new FakeRequestContext(book) as unknown as Excel.RequestContext;
}
