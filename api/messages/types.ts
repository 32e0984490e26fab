// The shapes of the message catalogue (index.ts), apart so that its parts can name them.
export type Language = "en" | "ru";
/** What a message is filled in with: names, numbers, dates (YYYY-MM-DD) as the caller has them. */
export type MessageParams = Readonly<Record<string, string | number | boolean | null | undefined>>;
export interface MessageText {
  readonly en: string;
  readonly ru: string;
}
export type MessageTable = Readonly<Record<string, MessageText>>;
