// The API's messages in the panel's language, from the same catalogue the API words them with
// (api/messages/: pure data, the one part of api/ the panel imports). A code the panel's copy
// does not know (a newer API) falls back to the text the server sent.
import { formatMessage, isMessageCode, type MessageParams } from "../../../api/messages/index";
import { panelLocale } from "../providers/locale";

/** Parameters as the API lists them (`params { name value }`), or as an object (GraphQL errors' extensions). */
export type ParamsGiven = readonly { name: string; value: string }[] | Record<string, unknown> | null | undefined;

function paramsOf(given: ParamsGiven): MessageParams {
  if (!given) return {};
  if (Array.isArray(given)) return Object.fromEntries(given.map(({ name, value }) => [name, value]));
  return Object.fromEntries(
    Object.entries(given).filter(
      (entry): entry is [string, string | number | boolean] =>
        typeof entry[1] === "string" || typeof entry[1] === "number" || typeof entry[1] === "boolean",
    ),
  );
}

/** The message of `code` in the panel's language, else `fallback` (the server's text). */
export function messageText(code: unknown, params: ParamsGiven, fallback: string): string {
  return isMessageCode(code) ? formatMessage(code, paramsOf(params), panelLocale()) : fallback;
}
