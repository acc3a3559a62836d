/**
 * Files the command writes: never the input, and whole or not at all.
 */
import { randomBytes } from "crypto";
import { promises as fs, readdirSync, rmSync } from "fs";
import * as path from "path";

/** Letter case counts in a path only where the file system says so. */
function caseFolded(file: string): string {
  return process.platform === "win32" || process.platform === "darwin" ? file.toLowerCase() : file;
}

/**
 * What a path names, for comparing files rather than names: an existing file is its device and
 * inode (a hard link, a symbolic link, a bind mount or another letter case of a file all have
 * its key); where a file system reports no inode (0, some network shares) its real path. A path
 * not there yet is its real folder and its name, so two names of one future file match too.
 */
export async function fileKey(file: string): Promise<string> {
  try {
    const stats = await fs.stat(file, { bigint: true });
    if (stats.ino !== 0n) return `inode:${stats.dev}:${stats.ino}`;
  } catch {
    // not there yet: its real path
  }
  return `path:${caseFolded(await realPath(file))}`;
}

/** A path with its links resolved; one not there yet, its folder's real path and its name (see realFolderPath). */
export async function realPath(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    return realFolderPath(file);
  }
}

/**
 * Where a file is or would be written: its folder's real path and its name, a link of that name
 * not followed (writing replaces the link); as given where the folder is not there either.
 */
export async function realFolderPath(file: string): Promise<string> {
  const resolved = path.resolve(file);
  try {
    return path.join(await fs.realpath(path.dirname(resolved)), path.basename(resolved));
  } catch {
    return resolved;
  }
}

/** Whether two paths name one file (see fileKey). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [keyA, keyB] = await Promise.all([fileKey(a), fileKey(b)]);
  return keyA === keyB;
}

/**
 * Writes `target` whole or not at all: the data goes to a temporary file in the same folder, is
 * flushed to the disk, then renamed over the target in one step. A failed write (a full disk)
 * leaves an older target as it was; two runs writing one target leave one of the two whole files.
 */
export async function writeWhole(target: string, data: Uint8Array | string): Promise<void> {
  const folder = path.dirname(path.resolve(target));
  await fs.mkdir(folder, { recursive: true });
  noteOutputFolder(folder);
  await removeStaleTemporaries(folder);
  // Short and unique: the target's own name may already be as long as the file system allows.
  const temporary = path.join(folder, `.jixiao-${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
  const handle = await fs.open(temporary, "wx");
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    await fs.rename(temporary, target);
  } catch (error) {
    await handle.close().catch(() => undefined); // already closed when the rename failed
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** A temporary file of writeWhole's, with the id of the process that wrote it. */
const TEMPORARY = /^\.jixiao-(\d+)-[0-9a-f]+\.tmp$/;

/** The folders this thread writes into, and those the main thread's workers write into (noteOutputFolder). */
const outputFolders = new Set<string>();

/** A folder temporaries are written into, by this thread or by its workers, to clean up after (removeTemporaries). */
export function noteOutputFolder(folder: string): void {
  outputFolders.add(path.resolve(folder));
}

/**
 * Removes this process's temporary files from the output folders: what an interrupted run (Ctrl+C)
 * would leave half written. Synchronous, for a signal's handler (see main.ts).
 */
export function removeTemporaries(): void {
  for (const folder of outputFolders) {
    let names: string[] = [];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) if (TEMPORARY.exec(name)?.[1] === String(process.pid)) rmSync(path.join(folder, name), { force: true });
  }
}

/**
 * While `run` goes on, Ctrl+C (or a kill) removes this process's half-written temporaries before
 * the process ends as the signal means (exit 130, 143): outputs appear whole or not at all.
 */
export async function removingTemporariesOnSignal<T>(run: () => Promise<T>): Promise<T> {
  const handlers = (["SIGINT", "SIGTERM"] as const).map((signal) => {
    const handler = () => {
      removeTemporaries();
      process.exit(signal === "SIGINT" ? 130 : 143);
    };
    process.once(signal, handler);
    return { signal, handler };
  });
  try {
    return await run();
  } finally {
    for (const { signal, handler } of handlers) process.removeListener(signal, handler);
  }
}

/** Removes the temporaries a process that is gone left in `folder` (a run killed outright). */
async function removeStaleTemporaries(folder: string): Promise<void> {
  for (const name of await fs.readdir(folder)) {
    const pid = Number(TEMPORARY.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isRunning(pid)) await fs.rm(path.join(folder, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Flushes the folder's entry for the renamed file, so the rename survives a power cut where the system allows it. */
async function syncFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(folder, "r");
    await handle.sync();
  } catch {
    // Windows cannot open a folder for syncing; the file itself is already on the disk.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
