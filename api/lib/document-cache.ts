// The parse cache: Yoga's, without the documents too large to keep.
/**
 * Yoga keeps parsed documents by their text (1,024 of them, for an hour), refused ones
 * included: distinct megabyte queries would pin gigabytes. This cache keeps only documents
 * of at most `maxChars` characters (the admin panel's largest is a few kilobytes); larger
 * ones are parsed each time, within the body limit.
 */
export function smallDocumentCache<T>(maxEntries = 1024, maxChars = 16 * 1024) {
  const entries = new Map<string, T>();
  return {
    get(key: string): T | undefined {
      const value = entries.get(key);
      if (value !== undefined) {
        // Map keeps insertion order: re-inserting marks the entry as the most recently used.
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key: string, value: T): void {
      if (key.length > maxChars) return;
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
    },
  };
}
