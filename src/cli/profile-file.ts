/** A scoring profile read from a JSON file (--profile, or a folder's jixiao.json). */
import { promises as fs } from "fs";
import * as path from "path";
import { DEFAULT_PROFILE, FOLDER_PROFILE, Profile, ProfileError, profileFromJson } from "../core/profile";

export interface FolderProfile {
  profile: Profile;
  /** The jixiao.json it came from; null for the default. */
  source: string | null;
}

/**
 * The profile of the workbooks in a folder at or below `top`: its jixiao.json, else the nearest one
 * in a folder above it up to `top`, else the default. `review` asks it with the reviewed folder as
 * `top`, as the page can see no further; `score` with the folder scored or the file's folder.
 * Memoised: a review asks it for every file.
 */
export function folderProfiles(top: string): (folder: string) => Promise<FolderProfile> {
  const root = path.resolve(top);
  const cache = new Map<string, Promise<FolderProfile>>();
  const lookup = (folder: string): Promise<FolderProfile> => {
    let found = cache.get(folder);
    if (!found) {
      found = (async () => {
        const file = path.join(folder, FOLDER_PROFILE);
        try {
          await fs.access(file);
        } catch {
          const parent = path.dirname(folder);
          return folder === root || parent === folder ? { profile: DEFAULT_PROFILE, source: null } : lookup(parent);
        }
        return { profile: await readProfileFile(file), source: file };
      })();
      cache.set(folder, found);
    }
    return found;
  };
  return (folder) => lookup(path.resolve(folder));
}

export async function readProfileFile(file: string): Promise<Profile> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new ProfileError(`评分方案文件 ${file} 无法读取`, `Cannot read the scoring profile ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, "")); // Notepad saves UTF-8 with a BOM
  } catch (error) {
    const why = (error as Error).message;
    throw new ProfileError(`评分方案文件 ${file} 不是有效的 JSON：${why}`, `The scoring profile ${file} is not valid JSON: ${why}`);
  }
  try {
    return profileFromJson(json);
  } catch (error) {
    // Named by its file: a review may use a jixiao.json in each unit's folder (review round 52d).
    if (error instanceof ProfileError) throw new ProfileError(`${file}：${error.text.zh}`, `${file}: ${error.text.en}`);
    throw error;
  }
}
