/**
 * The page 绩效自评助手（网页版） (src/web/index.tsx mounts it): open or drop many .xlsx files; each
 * is read, checked and scored by the scorer's Web Workers with its progress shown; per file the task
 * pane's results view, its sheets with the marked cells, the scored copy and the JSON report to
 * download; the review of all files (汇总.xlsx) to download.
 */
/* global window, localStorage */
import * as React from "react";
import { Card, MessageBar, MessageBarBody, ProgressBar, Text, Title1, Title2, makeStyles, shorthands, tokens } from "@fluentui/react-components";
import Button from "../taskpane/components/PaneButton";
import { BilingualError, type Lang } from "../core/messages";
import { DEFAULT_PROFILE, Profile, profileFromJson, sameProfile } from "../core/profile";
import { fileBaseName, folderOf, otherSpreadsheetMessage, scoredCopyName, withoutExtension } from "../core/file-kinds";
import { Finding, severityCounts } from "../core/result";
import type { Report } from "../core/report";
import { FileReview, Review, ReviewTally, contentOrder, isHiddenWorkbook, profilesInUse, reviewCounts, reviewFileOrder, reviewedFiles } from "../core/review";
import { ReviewScope, reviewScope } from "../core/review-layout";
import { reviewWorkbookBytes } from "../xlsx/review-workbook";
import { MAX_FILE_BYTES, fileTooLargeText } from "../xlsx/sizes";
import ResultsView from "../taskpane/components/ResultsView";
import { download } from "../taskpane/download";
import { outcomeSaid } from "../taskpane/said";
import { useProfileEditor } from "../taskpane/use-profile-editor";
import SettingsPanel from "../taskpane/components/SettingsPanel";
import { profileToForm } from "../taskpane/profile-form";
import { visuallyHidden } from "../taskpane/components/styles";
import type { SheetDisplay } from "../core/sheet-display";
import type { FileResults, ScoreMessage, ScoreStep } from "./protocol";
import { chosenFolderFiles, droppedFiles, isFolderProfile, nearestFolderProfile, Picked, PickedFile } from "./picked";
import type { Scorer } from "./scorer";
import { digestOf } from "./digest";
import SheetViewer, { SheetTarget } from "./SheetViewer";
import { PAGE_STRINGS, PageStrings } from "./strings";

interface FileEntry {
  id: number;
  name: string;
  /** Kept to score the file again under a new profile. */
  bytes: Uint8Array;
  step: ScoreStep | "queued";
  results?: FileResults;
  report?: Report;
  scored?: Uint8Array;
  /** The file's rows for the review (汇总.xlsx). */
  review?: FileReview;
  /**
   * Its bytes' digest (a copy counts once), taken as it is added, as `jixiao review` takes every
   * workbook's before reading any: none for another spreadsheet (.xls), which is not read.
   */
  digest?: string;
  /** A review jixiao wrote earlier: shown with its message, left out of the review. */
  earlierReview?: boolean;
  /** The sheets with tables, as the scored copy shows them (查看工作表). */
  sheets?: SheetDisplay[];
  message?: string;
  /** Read, and no form in it (its message says so): 汇总 lists it with advice of its own. */
  noTables?: boolean;
  done: boolean;
  /** The jixiao.json of its folder, or of the nearest above it, that scores it instead of the page's profile. */
  folderProfile?: FolderProfile;
}

/** A folder's jixiao.json, by its path in what was picked, as `jixiao review` names it. */
interface FolderProfile {
  path: string;
  profile: Profile;
}

const PROFILE_KEY = "jixiao.web.profile";
const STEP_ORDER: (ScoreStep | "queued")[] = ["queued", "read", "check", "score", "write"];
const SHEET_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** How long the settings wait for typing to settle before they save themselves and rescore. */
const SETTLE_MS = 600;

const useStyles = makeStyles({
  page: { maxWidth: "1100px", margin: "0 auto", padding: tokens.spacingHorizontalXXL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalXXL,
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalS,
  },
  dropActive: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  // A card off screen is neither laid out nor painted until it nears the view (its last height kept
  // meanwhile): with a thousand cards, laying out the whole page each time a few changed took most
  // of the page's time (review round 49b).
  card: { contentVisibility: "auto", containIntrinsicSize: "auto 480px" },
  /** Read out, not shown. */
  announcer: visuallyHidden,
  overview: {
    borderCollapse: "collapse",
    fontVariantNumeric: "tabular-nums",
    "& th, & td": { textAlign: "left", padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
    "& tbody th": { fontWeight: tokens.fontWeightRegular },
  },
});

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

function savedProfile(): Profile {
  try {
    const text = localStorage.getItem(PROFILE_KEY);
    return text ? profileFromJson(JSON.parse(text)) : DEFAULT_PROFILE;
  } catch {
    return DEFAULT_PROFILE; // a profile saved by an older page that no longer parses
  }
}

/** A file's card; drawn again only when its own entry changes (a message of its worker), not when another file's does. */
const FileCard = React.memo<{ entry: FileEntry; strings: PageStrings; notCounted?: NotCounted }>(function FileCard({ entry, strings, notCounted }) {
  const styles = useStyles();
  const progress = entry.done ? 1 : STEP_ORDER.indexOf(entry.step) / STEP_ORDER.length;
  // A finding chosen in the results view opens 查看工作表 at its cell.
  const [target, setTarget] = React.useState<SheetTarget | null>(null);
  const showCell = ({ sheet, cell, row, col }: Finding) => setTarget((last) => ({ sheet, cell, row, col, seq: (last?.seq ?? 0) + 1 }));
  return (
    <Card id={cardId(entry)} className={styles.card} data-testid="file" data-name={entry.name} data-state={entry.done ? (entry.earlierReview ? "skipped" : entry.message ? "failed" : "done") : "working"}>
      <Title2 as="h2">{entry.name}</Title2>
      {!entry.done && (
        <>
          <ProgressBar value={progress} aria-label={`${entry.name}：${strings.steps[entry.step]}`} />
          <Text>{strings.steps[entry.step]}</Text>
        </>
      )}
      {entry.message && (
        <MessageBar intent={entry.earlierReview ? "info" : "error"}>
          <MessageBarBody data-testid="file-message">{entry.message}</MessageBarBody>
        </MessageBar>
      )}
      {notCounted && (
        <MessageBar intent="info" data-testid="not-counted">
          <MessageBarBody data-testid="file-message">{strings.notCounted(notCounted.kind, notCounted.detail)}</MessageBarBody>
        </MessageBar>
      )}
      {entry.report?.droppedMerges && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="dropped-merges">{strings.droppedMerges(entry.report.droppedMerges)}</MessageBarBody>
        </MessageBar>
      )}
      {entry.report?.droppedEntries && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="dropped-entries">{strings.droppedEntries(entry.report.droppedEntries)}</MessageBarBody>
        </MessageBar>
      )}
      {entry.results && (
        <>
          <ResultsView outcome={{ kind: "results", ...entry.results }} strings={strings.pane} onSelect={showCell} />
          <div className={styles.actions}>
            <Button appearance="primary" data-testid="download-copy" onClick={() => download(entry.scored!, scoredCopyName(fileBaseName(entry.name)), SHEET_MIME)}>
              {strings.downloadCopy}
            </Button>
            <Button data-testid="download-report" onClick={() => download(JSON.stringify(entry.report, null, 2) + "\n", `${withoutExtension(fileBaseName(entry.name))}.report.json`, "application/json")}>
              {strings.downloadReport}
            </Button>
          </div>
          {entry.sheets && entry.sheets.length > 0 && <SheetViewer sheets={entry.sheets} strings={strings.sheets} target={target} />}
        </>
      )}
    </Card>
  );
});

const cardId = (entry: FileEntry) => `file-${entry.id}`;

/** Why 汇总 leaves a file out, as its 说明 says (core ReviewTally's notes): `detail` is the file it copies. */
type NotCounted = { kind: "scored-copy" | "duplicate"; detail: string };

/**
 * Every file on one line (its total and grade, or where it is, or that it failed), each a link to
 * its card: with tens of files the cards run to many screens.
 */
const Overview: React.FC<{ files: FileEntry[]; strings: PageStrings; notCounted: Map<string, NotCounted> }> = ({ files, strings, notCounted }) => {
  const styles = useStyles();
  const { pane } = strings;
  return (
    <table className={styles.overview} data-testid="overview">
      <thead>
        <tr>
          <th scope="col">{strings.overviewFile}</th>
          <th scope="col">{pane.total}</th>
          <th scope="col">{pane.grade}</th>
          <th scope="col">{strings.overviewFindings}</th>
        </tr>
      </thead>
      <tbody>
        {files.map((entry) => (
          <OverviewRow key={entry.id} entry={entry} strings={strings} notCounted={notCounted.get(entry.name)} />
        ))}
      </tbody>
    </table>
  );
};

/** A file's line in the overview; drawn again only when its entry changes. */
const OverviewRow = React.memo<{ entry: FileEntry; strings: PageStrings; notCounted?: NotCounted }>(function OverviewRow({ entry, strings, notCounted }) {
  const { pane } = strings;
  const outcome = (): [string, string, string] => {
    if (entry.earlierReview) return [strings.earlierReviewShort, "", ""];
    if (notCounted) return [strings.notCountedShort(notCounted.kind, notCounted.detail), "", ""];
    if (entry.message) return [strings.failedShort, "", ""];
    if (!entry.results) return [strings.steps[entry.step], "", ""];
    const { total, grade, totals, findings } = entry.results;
    const several = totals.length > 1 ? strings.forms(totals.length) : null;
    return [several ?? total ?? pane.noValue, several ? "" : (grade ?? pane.noValue), pane.counts(severityCounts(findings))];
  };
  return (
    <tr>
      <th scope="row">
        <a href={`#${cardId(entry)}`}>{entry.name}</a>
      </th>
      {outcome().map((text, i) => (
        <td key={i}>{text}</td>
      ))}
    </tr>
  );
});

/** A file's entry once its worker has said something. */
function withMessage(entry: FileEntry, message: ScoreMessage, lang: Lang): FileEntry {
  if (message.kind === "step") return { ...entry, step: message.step };
  if (message.kind === "failed") return { ...entry, done: true, message: message.message[lang], noTables: message.noTables };
  if (message.kind === "earlier-review") return { ...entry, done: true, message: message.message[lang], earlierReview: true };
  const { results, report, scored, review, sheets } = message;
  return { ...entry, done: true, results, report, scored, review, sheets };
}

/**
 * The list once its workers have said what they said since it was last drawn: only the entries
 * they speak of are new (the other cards and overview rows are not drawn again); messages of a
 * file no longer listed (a cleared list) are dropped.
 */
function withMessages(list: FileEntry[], messages: ScoreMessage[], lang: Lang): FileEntry[] {
  const at = new Map(list.map((entry, i) => [entry.id, i]));
  let next = list;
  for (const message of messages) {
    const i = at.get(message.id);
    if (i === undefined) continue;
    if (next === list) next = list.slice();
    next[i] = withMessage(next[i], message, lang);
  }
  return next;
}

/**
 * How long the page gathers its workers' messages before it draws them (five a file): drawn one
 * by one, each drawing the page with all its files, 1,005 files took 234 s (review round 49b).
 * A drawing lays out the overview's table, a row a file, so the wait grows with the files listed
 * (half a millisecond a file: 0.6 s with 1,000), which keeps the share of the page's time spent
 * drawing the same however many files there are.
 */
const drawDelay = (files: number) => 100 + files / 2;

/** What the page needs of its scorer (src/web/scorer.ts); a test gives it one of its own. */
export type FileScorer = Pick<Scorer, "listen" | "submit" | "clear">;

/** Each folder jixiao.json scoring some of `files`, with how many it scores (core profilesInUse). */
const folderProfilesInUse = (files: FileEntry[]) => profilesInUse(files.map((entry) => entry.folderProfile?.path));

/**
 * The review the command line writes of the same files: scored copies beside their workbooks,
 * earlier reviews and files handed in twice are noted, not counted (review round 33), by the same
 * code (core reviewedFiles, ReviewTally); so are the hidden workbooks passed over when picked
 * (`hiddenFiles`).
 */
function reviewOf(files: FileEntry[], hiddenFiles: string[], lang: Lang): Review {
  const tally = new ReviewTally(lang);
  const { found, copies, hidden } = reviewedFiles([...files.map((entry) => entry.name), ...hiddenFiles]);
  for (const copy of copies) tally.note(copy, "scored-copy");
  for (const file of hidden) tally.note(file, "hidden-file");
  // Every file the review reads, in its order; two dropped by one name (from two folders) both.
  const order = new Map(found.map((name, i) => [name, i]));
  const reviewed = files.filter((entry) => order.has(entry.name)).sort((a, b) => order.get(a.name)! - order.get(b.name)!);
  const inOrder = contentOrder(reviewed, (e) => e.name, (e) => e.digest);
  // Each noted with the files it scored that 汇总 counts, once the copies are told (core ReviewTally.profiles).
  const profileOf = new Map(inOrder.map((entry) => [entry.name, entry.folderProfile?.path]));
  tally.profiles((name) => profileOf.get(name));
  for (const entry of inOrder) {
    if (entry.earlierReview) tally.note(entry.name, "earlier-review");
    // A file without a digest (its bytes not hashed) is counted, as the command line counts one.
    else if (entry.review) void (entry.digest === undefined ? tally.add(entry.review) : tally.addReviewed(entry.review, entry.digest));
    else if (entry.message) tally.fail(entry.name, entry.message, entry.noTables ? "no-tables" : "unreadable");
  }
  return tally.review();
}

/**
 * What the 汇总's printed pages name, as the command line's do (core reviewScope): the folders
 * dropped or chosen, the day, and the profiles that scored the files, in the review's file order.
 */
function scopeOf(files: FileEntry[], folders: (string | null)[], profile: Profile, lang: Lang): ReviewScope {
  const inOrder = [...files].sort((a, b) => reviewFileOrder(a.name, b.name));
  return reviewScope(folders, inOrder.map((entry) => (entry.folderProfile?.profile ?? profile).name), new Date(), lang);
}

/** The page: a drop zone, the review of all files, an overview, a card per file and the settings. */

const App: React.FC<{ lang: Lang; scorer: FileScorer }> = ({ lang, scorer }) => {
  const strings = PAGE_STRINGS[lang];
  const styles = useStyles();
  const [files, setFiles] = React.useState<FileEntry[]>([]);
  const [profile, setProfile] = React.useState<Profile>(savedProfile);
  const [dragging, setDragging] = React.useState(false);
  const [notices, setNotices] = React.useState<string[]>([]);
  // Workbooks whose names or folders start with ".": not added, named in 汇总 (review round 56 L5).
  const [hiddenFiles, setHiddenFiles] = React.useState<string[]>([]);
  // The files of a drop that were added before (a folder dropped again): one line, their names on demand.
  const [addedBefore, setAddedBefore] = React.useState<string[]>([]);
  const [announcement, setAnnouncement] = React.useState("");
  const nextId = React.useRef(1);
  const picker = React.useRef<HTMLInputElement>(null);
  const chooseButton = React.useRef<HTMLButtonElement>(null);
  const folderPicker = React.useRef<HTMLInputElement>(null);
  // The folder each drop or choice since the list was last cleared came from (null: files picked one by one).
  const pickedFolders = React.useRef<(string | null)[]>([]);

  // The files as last rendered, for telling a file added again and naming the file announced.
  const shown = React.useRef(files);
  React.useEffect(() => {
    shown.current = files;
  }, [files]);

  // The workers' messages since the page last drew them, drawn together (drawDelay).
  const pending = React.useRef<ScoreMessage[]>([]);
  React.useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const draw = () => {
      timer = undefined;
      const messages = pending.current.splice(0);
      setFiles((list) => withMessages(list, messages, lang));
      // A screen reader hears a file's outcome, as the task pane's announcement says it: the last
      // of those drawn together, of a file still listed (not of a cleared list).
      const names = new Map(shown.current.map((entry) => [entry.id, entry.name]));
      for (let i = messages.length - 1; i >= 0; i--) {
        const message = messages[i];
        const name = names.get(message.id);
        if (message.kind === "step" || name === undefined) continue;
        setAnnouncement(message.kind === "done" ? strings.pane.tableLine(name, outcomeSaid(message.results, strings.pane)) : message.message[lang]);
        break;
      }
    };
    scorer.listen((message) => {
      // For the browser test's figure: the time from navigation to the first file's results.
      const timing = window as unknown as { jixiaoFirstResultMs?: number };
      if (message.kind === "done") timing.jixiaoFirstResultMs ??= performance.now();
      pending.current.push(message);
      timer ??= setTimeout(draw, drawDelay(shown.current.length));
    });
  }, [scorer, lang, strings]);

  const submit = (entry: FileEntry, withProfile: Profile) =>
    scorer.submit({ id: entry.id, name: entry.name, bytes: entry.bytes.slice(), profile: entry.folderProfile?.profile ?? withProfile, lang });

  /** Reads a picked jixiao.json into `byFolder` (by its folder, "" for the top); a notice where it cannot be used. */
  const readFolderProfile = async ({ path, file }: PickedFile, byFolder: Map<string, FolderProfile>): Promise<string | null> => {
    try {
      const profile = profileFromJson(JSON.parse((await file.text()).replace(/^\uFEFF/, "")));
      byFolder.set(folderOf(path), { path, profile });
      return null;
    } catch (error) {
      const why = error instanceof BilingualError ? error.textIn(lang) : lang === "zh" ? "不是有效的 JSON" : "not valid JSON";
      return strings.badFolderProfile(path, why);
    }
  };

  const addFiles = async ({ files: pickedAll, folder }: Picked) => {
    const skipped: string[] = [];
    setAddedBefore([]);
    pickedFolders.current.push(folder);
    // The profiles first: they score the workbooks picked with them, and no other (another drop's
    // paths start anew, as a review of another folder).
    const folderProfiles = new Map<string, FolderProfile>();
    for (const profileFile of pickedAll.filter((p) => isFolderProfile(p.path))) {
      const notice = await readFolderProfile(profileFile, folderProfiles);
      if (notice) skipped.push(notice);
    }
    // Hidden workbooks are passed over but named, on the page and in 汇总, as `jixiao review` does
    // (review round 56 L5: one was scored as a card yet left out of 汇总, another vanished unnamed).
    const hidden = pickedAll.filter((p) => isHiddenWorkbook(p.path)).map((p) => p.path);
    if (hidden.length > 0) {
      skipped.push(strings.hiddenSkipped([...hidden].sort(reviewFileOrder)));
      setHiddenFiles((current) => [...new Set([...current, ...hidden])]);
    }
    const picked = pickedAll.filter((p) => !isFolderProfile(p.path) && !isHiddenWorkbook(p.path));
    if (picked.length === 0) {
      setNotices([...skipped, strings.noWorkbooks]);
      return;
    }
    const added: FileEntry[] = [];
    const again: string[] = [];
    // The bytes of the files listed and added, by name.
    const named = new Map<string, Uint8Array[]>();
    const remember = (entry: Pick<FileEntry, "name" | "bytes">) => named.set(entry.name, [...(named.get(entry.name) ?? []), entry.bytes]);
    shown.current.forEach(remember);
    for (const { path, file } of picked) {
      // A file no workbook is near (a disk image picked by mistake) is not read into memory.
      if (file.size > MAX_FILE_BYTES) {
        skipped.push(strings.tooLarge(path, fileTooLargeText(file.size)[lang]));
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        skipped.push(strings.unreadable(path));
        continue;
      }
      // The same file added again (a folder dropped twice) would count twice in 汇总.
      if (named.get(path)?.some((other) => sameBytes(other, bytes))) {
        again.push(path);
        continue;
      }
      const folderProfile = nearestFolderProfile(path, folderProfiles)?.profile;
      const digest = otherSpreadsheetMessage(path) ? undefined : await digestOf(bytes).catch(() => undefined);
      added.push({ id: nextId.current++, name: path, bytes, digest, step: "queued", done: false, folderProfile });
      remember({ name: path, bytes });
    }
    setNotices(skipped);
    setAddedBefore(again);
    setFiles((current) => [...current, ...added]);
    for (const entry of added) submit(entry, profile);
  };

  const saveProfile = async (next: Profile) => {
    localStorage.setItem(PROFILE_KEY, JSON.stringify(next));
    setProfile(next);
    // Every file is scored again under the new profile.
    const again = files.map((e): FileEntry => ({ id: e.id, name: e.name, bytes: e.bytes, digest: e.digest, step: "queued", done: false, folderProfile: e.folderProfile }));
    setFiles(again);
    for (const entry of again) submit(entry, next);
  };
  // Settings save themselves once typing settles, as in the task pane; every file is then scored again.
  const editor = useProfileEditor(profile, saveProfile, strings.pane, SETTLE_MS);

  const done = files.filter((f) => f.done && (!f.message || f.earlierReview)).length;
  const failed = files.filter((f) => f.message && !f.earlierReview).length;
  const waiting = files.length - done - failed;
  // 汇总 once every file is done (which copy counts is known only then), also of unreadable files
  // alone, as `jixiao review` writes it (review round 51c, M1); none of no file it would read.
  const review = React.useMemo(() => (files.length > 0 && files.every((f) => f.done) ? reviewOf(files, hiddenFiles, lang) : null), [files, hiddenFiles, lang]);
  const reviewable = review !== null && (review.files > 0 || review.notes.length > 0);
  // The files 汇总 leaves out, said on their cards and overview rows (review round 51c, M2).
  const notCounted = React.useMemo(() => {
    const byName = new Map<string, NotCounted>();
    for (const { file, kind, detail } of review?.notes ?? []) if (kind === "scored-copy" || kind === "duplicate") byName.set(file, { kind, detail });
    return byName;
  }, [review]);
  const leftOut = (kind: string) => review?.notes.filter((note) => note.kind === kind).length ?? 0;
  const downloadReview = () => review && download(reviewWorkbookBytes(review, lang, scopeOf(files, pickedFolders.current, profile, lang)), "汇总.xlsx", SHEET_MIME);
  return (
    <main className={styles.page}>
      <Title1 as="h1">{strings.title}</Title1>
      <Text>
        {strings.intro} {strings.offline}
      </Text>
      <section
        className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
        data-testid="drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          droppedFiles(event.dataTransfer).then(addFiles, () => {
            setNotices([strings.dropFailed]);
            setAddedBefore([]);
          });
        }}
      >
        <div className={styles.actions}>
          <Button appearance="primary" ref={chooseButton} onClick={() => picker.current?.click()}>
            {strings.choose}
          </Button>
          <Button onClick={() => folderPicker.current?.click()}>{strings.chooseFolder}</Button>
        </div>
        <input
          ref={picker}
          type="file"
          multiple
          accept=".xlsx,.xlsm,.xls,.et"
          data-testid="pick"
          hidden
          onChange={(event) => {
            if (event.target.files) void addFiles({ files: Array.from(event.target.files, (file) => ({ path: file.name, file })), folder: null });
            event.target.value = "";
          }}
        />
        <input
          ref={folderPicker}
          type="file"
          data-testid="pick-folder"
          hidden
          {...{ webkitdirectory: "" }}
          onChange={(event) => {
            if (event.target.files) void addFiles(chosenFolderFiles(event.target.files));
            event.target.value = "";
          }}
        />
        <Text>{strings.drop}</Text>
        <Text size={200}>{strings.formats}</Text>
      </section>
      {!sameProfile(profile, DEFAULT_PROFILE) && (
        <MessageBar intent="info" data-testid="custom-profile">
          <MessageBarBody>
            {strings.customProfile(profile.name)}{" "}
            <Button size="small" onClick={() => editor.onChange(profileToForm(DEFAULT_PROFILE))}>
              {strings.restoreDefault}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {folderProfilesInUse(files).size > 0 && (
        <MessageBar intent="info" data-testid="folder-profiles">
          <MessageBarBody>
            {strings.folderProfiles(
              [...folderProfilesInUse(files)].map(([path, count]) => strings.folderProfileCount(path, count)).join(lang === "zh" ? "、" : ", "),
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {notices.length + addedBefore.length > 0 && (
        <MessageBar intent="warning" role="alert" data-testid="notices">
          <MessageBarBody>
            {notices.map((notice) => (
              <div key={notice}>{notice}</div>
            ))}
            {addedBefore.length === 1 && <div>{strings.alreadyAdded(addedBefore[0])}</div>}
            {/* Many (a folder dropped again, review round 51c L2): one line, not a screen reader's line a file. */}
            {addedBefore.length > 1 && (
              <details>
                <summary>{strings.alreadyAddedMany(addedBefore.length)}</summary>
                <ul>
                  {addedBefore.map((path) => (
                    <li key={path}>{path}</li>
                  ))}
                </ul>
              </details>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {files.length > 0 && (
        <section>
          <Title2 as="h2" block>
            {strings.reviewTitle}
          </Title2>
          <Text as="p" block data-testid="review-hint">
            {strings.reviewHint(done, failed, waiting)}
            {review && notCounted.size + leftOut("earlier-review") + leftOut("hidden-file") > 0 && strings.reviewCounts(reviewCounts(review, lang))}
          </Text>
          <div className={styles.actions}>
            <Button data-testid="download-review" disabled={!reviewable} onClick={downloadReview}>
              {strings.downloadReview}
            </Button>
            <Button
              data-testid="clear"
              onClick={() => {
                scorer.clear();
                setFiles([]);
                setHiddenFiles([]);
                pickedFolders.current = [];
                setNotices([]);
                setAddedBefore([]);
                // The button goes with the list: the focus goes back to the start, not to the page's body (review round 51c L1).
                chooseButton.current?.focus();
              }}
            >
              {strings.clear}
            </Button>
          </div>
        </section>
      )}
      {files.length > 1 && <Overview files={files} strings={strings} notCounted={notCounted} />}
      {files.map((entry) => (
        <FileCard key={entry.id} entry={entry} strings={strings} notCounted={notCounted.get(entry.name)} />
      ))}
      <div role="status" aria-live="polite" className={styles.announcer} data-testid="announcement">
        {announcement}
      </div>
      <details>
        <summary>{strings.settings}</summary>
        <SettingsPanel profile={profile} {...editor} strings={strings.pane} disabled={waiting > 0} />
      </details>
    </main>
  );
};

export default App;
