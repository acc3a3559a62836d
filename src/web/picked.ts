/**
 * The files a drop or the folder chooser gives the page, each with its path in what was chosen
 * (县直/县林业局.xlsx), so that a folder of units' workbooks is read as `jixiao review` reads one.
 */
/* global FileSystemEntry, FileSystemFileEntry, FileSystemDirectoryEntry */
import { fileBaseName, folderOf, isWorkbookName } from "../core/file-kinds";
import { FOLDER_PROFILE } from "../core/profile";

export interface PickedFile {
  path: string;
  file: File;
}

/** What one drop or choice gave: its files, and the folder's name when it was one folder (null for files). */
export interface Picked {
  files: PickedFile[];
  folder: string | null;
}

/**
 * The workbooks a folder holds, and the other spreadsheets and archives the page says what to do
 * with, as `jixiao review` lists them (core isWorkbookName); Excel's and WPS's lock files
 * (~$县林业局.xlsx) and a Mac's ._ files are no unit's. Hidden ones (.隐藏.xlsx, or in .备份/) are
 * taken, for the page to name and pass over as `jixiao review` does (core isHiddenWorkbook). Its
 * jixiao.json files are taken too.
 */
const isFolderWorkbook = (name: string) => isWorkbookName(name) && !name.startsWith("._");

/** A folder's scoring profile (jixiao.json), which scores the workbooks in it and below it, as `jixiao review` does. */
export const isFolderProfile = (path: string): boolean => fileBaseName(path) === FOLDER_PROFILE;

/** What the page takes from a folder: its workbooks, and its scoring profiles. */
const isTaken = (name: string) => isFolderWorkbook(name) || isFolderProfile(name);

/**
 * The folder profile a workbook at `path` is scored by: its folder's, else the nearest above it,
 * among those picked (`byFolder`, keyed by folder path, "" for the top); null for none.
 */
export function nearestFolderProfile<T>(path: string, byFolder: ReadonlyMap<string, T>): { folder: string; profile: T } | null {
  for (let folder = folderOf(path); ; folder = folderOf(folder)) {
    const profile = byFolder.get(folder);
    if (profile !== undefined) return { folder, profile };
    if (folder === "") return null;
  }
}

/**
 * What a drop holds: its files, and the workbooks in its folders and their subfolders, by path (in
 * one folder dropped alone, by their path in it, as `jixiao review <folder>` names them). A file
 * dropped by itself is taken whatever it is (the page says what it cannot read). The drop's items
 * are read at once, as a browser keeps them only while the drop event lasts.
 */
export async function droppedFiles(data: DataTransfer): Promise<Picked> {
  const entries = Array.from(data.items, (item) => (item.kind === "file" ? item.webkitGetAsEntry() : null));
  if (entries.every((entry) => entry === null)) return { files: Array.from(data.files, (file) => ({ path: file.name, file })), folder: null };
  const picked: PickedFile[] = [];
  if (entries.length === 1 && entries[0]?.isDirectory) {
    await collectFolder(entries[0] as FileSystemDirectoryEntry, "", picked);
    return { files: picked, folder: entries[0].name };
  }
  for (const entry of entries) if (entry) await collect(entry, "", picked, true);
  return { files: picked, folder: null };
}

/** The workbooks the folder chooser (webkitdirectory) gives, by their path in the chosen folder. */
export function chosenFolderFiles(files: FileList): Picked {
  const all = Array.from(files);
  return {
    files: all
      .filter((file) => isTaken(file.name))
      .map((file) => ({ path: file.webkitRelativePath.split("/").slice(1).join("/") || file.name, file }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    folder: all[0]?.webkitRelativePath.split("/")[0] || null,
  };
}

async function collect(entry: FileSystemEntry, folder: string, picked: PickedFile[], dropped: boolean): Promise<void> {
  const path = folder + entry.name;
  if (entry.isFile) {
    if (!dropped && !isTaken(entry.name)) return;
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    picked.push({ path, file });
    return;
  }
  await collectFolder(entry as FileSystemDirectoryEntry, `${path}/`, picked);
}

/** The workbooks in a folder and its subfolders, their paths starting with `folder`. */
async function collectFolder(directory: FileSystemDirectoryEntry, folder: string, picked: PickedFile[]): Promise<void> {
  const reader = directory.createReader();
  const children: FileSystemEntry[] = [];
  // readEntries gives a folder's entries in batches, an empty one at the end.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const child of children) await collect(child, folder, picked, false);
}
