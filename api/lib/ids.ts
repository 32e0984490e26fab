// The one id helper: Relay global ids ("Type:uuid", base64) in the API, UUIDs in the database.
import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { UserInputError } from "./errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toGlobalId(typename: string, id: string): string {
  return encodeGlobalID(typename, id);
}

/** Decodes a global id of the expected type, or fails with an error naming the argument. */
export function fromGlobalId(expected: string, globalId: string, field = "id"): string {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw new UserInputError("INVALID_ID", { field }, field);
  }
  if (decoded.typename !== expected || !UUID.test(decoded.id)) {
    throw new UserInputError("ID_OF_WRONG_TYPE", { field, type: expected }, field);
  }
  return decoded.id;
}

/** Escapes LIKE wildcards so that a search for "50%" or "a_b" matches those characters. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const NIL_UUID = "00000000-0000-0000-0000-000000000000";

/** An id as the database can take it: a malformed one becomes an id no row has, not a 500. */
export function safeUuid(id: string): string {
  return UUID.test(id) ? id : NIL_UUID;
}
