/**
 * The API's rule for web addresses (api/lib/validate.ts, isWebUrl), checked before saving:
 * an absolute http(s) address with a host and no spaces or control characters. Websites and
 * portal pages become links, where `javascript:` or `data:` would run in whoever clicks them.
 */
export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#\\]/i.test(value) || /[\s\p{Cc}]/u.test(value)) {
    return false;
  }
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** react-admin validator of every URL input (empty is left to `required()`). */
export const webUrl = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" && !isWebUrl(value.trim()) ? "dostup.validation.web_url" : undefined;
