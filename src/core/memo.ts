/**
 * `read` memoised over the texts it is asked of (at most `limit` kept, then started afresh): for
 * what depends only on a cell's text, asked of every row of every sheet, where texts repeat.
 */
export function memoisedText<T>(read: (text: string) => T, limit = 50000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      value = read(text);
      if (cache.size > limit) cache.clear();
      cache.set(text, value);
    }
    return value as T;
  };
}
