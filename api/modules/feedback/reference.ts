// The reference a citizen is told for their feedback: "OC-" and 10 random characters of
// Crockford's base32 (no I, L, O or U, so it reads out over the phone unambiguously), 50 bits:
// short enough to dictate, too many to guess. No database or other imports: the demo seed uses it.
import { randomBytes } from "node:crypto";

const BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newReference(): string {
  return `OC-${[...randomBytes(10)].map((byte) => BASE32[byte % 32]).join("")}`;
}
