// The demo staff accounts a test file acts as: one session each, as request headers.
import { asUser } from "./graphql.js";

type Headers = Record<string, string>;

export interface DemoStaff {
  admin: Headers;
  /** The demo curator: Smolensk and Udmurtia. */
  curator: Headers;
  /** The demo operator: one Udmurt centre. */
  operator: Headers;
  auditor: Headers;
}

export async function demoStaff(): Promise<DemoStaff> {
  return {
    admin: await asUser("admin@dostup.local"),
    curator: await asUser("curator@dostup.local"),
    operator: await asUser("operator@dostup.local"),
    auditor: await asUser("auditor@dostup.local"),
  };
}
