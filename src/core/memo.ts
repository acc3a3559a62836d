/** The most texts a memo keeps before it starts afresh. */
export const MEMO_LIMIT = 50000;

/**
 * `read` memoised over the texts it is asked of (at most MEMO_LIMIT kept, then started afresh): for
 * what depends only on a cell's text, asked of every row of every sheet, where texts repeat.
 */
export function memoisedText<T>(read: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      value = read(text);
      if (cache.size > MEMO_LIMIT) cache.clear();
      cache.set(text, value);
    }
    return value as T;
  };
}
