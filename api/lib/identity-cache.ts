// Who a token or a key belongs to, remembered by this process for a short while, so that a warm
// container answers most requests without asking the database who is calling.
//
// The price, and the promise: ending a session, deactivating a user, changing their access or
// revoking a key takes effect on every container within `config.identityCacheSeconds` (at most
// 30 s), and at once on the container that made the change, which forgets the identity as soon
// as the change is committed (forgetUser, forgetApiClient).
import { config } from "../config.js";

/** Enough for every active user and key of a country; the oldest entry goes first beyond it. */
const MAX_ENTRIES = 20_000;

interface Entry<T> {
  value: T;
  /** Milliseconds since the epoch after which the entry is not used. */
  until: number;
  /** Whom it is about, so that a change to them can forget it. */
  owner: string;
}

export class IdentityCache<T> {
  readonly #entries = new Map<string, Entry<T>>();

  constructor(private readonly seconds = config.identityCacheSeconds) {}

  get(key: string, now = Date.now()): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Remembers `value` for the cache's time, never past `notAfter` (e.g. a token's expiry). */
  set(key: string, owner: string, value: T, notAfter = Number.POSITIVE_INFINITY, now = Date.now()): void {
    if (this.seconds <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, owner, until: Math.min(now + this.seconds * 1000, notAfter) });
    if (this.#entries.size > MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  /** Forgets every entry about `owner` (a user id, an API client id). */
  forget(owner: string): void {
    for (const [key, entry] of this.#entries) if (entry.owner === owner) this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
