/** A scoring profile read from a JSON file (--profile, or a folder's jixiao.json). */
import { promises as fs } from "fs";
import { Profile, ProfileError, profileFromJson } from "../core/profile";

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
  return profileFromJson(json);
}
