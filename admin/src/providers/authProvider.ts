import type { AuthProvider, UserIdentity } from "react-admin";
import { messageText } from "../lib/messages";
import { languageHeaders } from "./locale";

const ENDPOINT = "/graphql";
const STORAGE_KEY = "dostup.auth";

// i18n keys: react-admin translates the messages of rejected logins.
const INVALID_CREDENTIALS = "dostup.auth.invalid_credentials";
const THROTTLED = "dostup.auth.throttled";

/**
 * Translates the one message login must word itself (see login). App gives it the i18n
 * provider's `translate`: importing the provider here would close a cycle, since it imports
 * every resource's messages and the resources import this module.
 */
let translate: (key: string, options: Record<string, unknown>) => string = (key) => key;
export function translateLoginMessagesWith(fn: typeof translate): void {
  translate = fn;
}
const SIGN_IN_ERROR = "ra.auth.sign_in_error";
/** Longer than the 0 ms timer of react-admin's logout redirect; see getPermissions. */
const SIGNED_OUT_PERMISSIONS_DELAY_MS = 50;

export const ROLES = ["ADMIN", "CURATOR", "OPERATOR", "AUDITOR"] as const;
export type Role = (typeof ROLES)[number];

export interface Me {
  id: string;
  email: string;
  fullName: string;
  role: Role;
}

interface StoredAuth {
  token: string;
  me: Me;
}

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { __typename ... on LoginSuccess { data { token me { id email fullName role } } } ... on InvalidCredentialsError { message } ... on LoginThrottledError { retryAfterSeconds } ... on ValidationError { issues { field message code params { name value } } } } }`;
const LOGOUT = "mutation Logout { logout { __typename } }";

type LoginResult =
  | { __typename: "LoginSuccess"; data: { token: string; me: Me } }
  | { __typename: "InvalidCredentialsError"; message: string }
  | { __typename: "LoginThrottledError"; retryAfterSeconds: number }
  | {
      __typename: "ValidationError";
      issues: { field: string; message: string; code?: string; params?: { name: string; value: string }[] }[];
    }
  // The other members of LoginResult, whose fields the mutation does not select.
  | { __typename: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function isMe(value: unknown): value is Me {
  return (
    isObject(value) &&
    typeof value.id === "string" &&
    typeof value.email === "string" &&
    typeof value.fullName === "string" &&
    ROLES.includes(value.role as Role)
  );
}

function isStoredAuth(value: unknown): value is StoredAuth {
  return isObject(value) && typeof value.token === "string" && value.token !== "" && isMe(value.me);
}

// Storage can be unavailable (disabled or full) or hold a value of an older
// version; either way the user is treated as signed out.
function readAuth(): StoredAuth | undefined {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    if (text === null) {
      return undefined;
    }
    const value: unknown = JSON.parse(text);
    return isStoredAuth(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function writeAuth(auth: StoredAuth): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(auth));
}

function clearAuth(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored that could be removed.
  }
}

/** The headers that authenticate a request to the API; none when signed out. */
export function authHeaders(): Record<string, string> {
  const auth = readAuth();
  return auth ? { authorization: `Bearer ${auth.token}` } : {};
}

/** GraphQL error codes carried by an error of the data provider (HttpError with the response as body). */
function errorCodes(error: unknown): string[] {
  if (!isObject(error) || !isObject(error.body) || !Array.isArray(error.body.errors)) {
    return [];
  }
  return error.body.errors.flatMap((graphQLError: unknown) =>
    isObject(graphQLError) && isObject(graphQLError.extensions) && typeof graphQLError.extensions.code === "string"
      ? [graphQLError.extensions.code]
      : [],
  );
}

function mentions(error: unknown, code: string): boolean {
  if (errorCodes(error).includes(code)) {
    return true;
  }
  const message = typeof error === "string" ? error : isObject(error) ? error.message : undefined;
  return typeof message === "string" && message.includes(code);
}

async function sendLogin(email: string, password: string): Promise<LoginResult> {
  // No authorization header: a stale token would make the API refuse the login.
  const response = await fetch(ENDPOINT, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/graphql-response+json, application/json",
      ...languageHeaders(),
    },
    body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
  });
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // Not JSON: a proxy or the server failed before GraphQL ran.
    throw new Error(response.statusText || "ra.notification.http_error");
  }
  if (isObject(body) && Array.isArray(body.errors) && body.errors.length > 0) {
    const messages = body.errors.flatMap((error: unknown) =>
      isObject(error) && typeof error.message === "string"
        ? [
            isObject(error.extensions)
              ? messageText(error.extensions.messageCode, error.extensions.messageParams as never, error.message)
              : error.message,
          ]
        : [],
    );
    throw new Error(messages.join("\n") || SIGN_IN_ERROR);
  }
  const result = isObject(body) && isObject(body.data) ? body.data.login : undefined;
  if (!isObject(result) || typeof result.__typename !== "string") {
    throw new Error(SIGN_IN_ERROR);
  }
  // The shape is the one the mutation asked for; the server validated it.
  return result as LoginResult;
}

export const authProvider: AuthProvider = {
  async login(params: { username?: unknown; password?: unknown }) {
    const email = typeof params.username === "string" ? params.username.trim() : "";
    const password = typeof params.password === "string" ? params.password : "";
    const result = await sendLogin(email, password);
    if ("data" in result && isMe(result.data.me)) {
      writeAuth({ token: result.data.token, me: result.data.me });
      return;
    }
    if (result.__typename === "InvalidCredentialsError") {
      throw new Error(INVALID_CREDENTIALS);
    }
    if ("retryAfterSeconds" in result) {
      // The login form shows a message that is not a key as it is, so it is translated here,
      // with the wait in it.
      throw new Error(translate(THROTTLED, { seconds: result.retryAfterSeconds }));
    }
    if ("issues" in result && result.issues.length > 0) {
      throw new Error(result.issues.map((issue) => messageText(issue.code, issue.params, issue.message)).join("\n"));
    }
    throw new Error(SIGN_IN_ERROR);
  },

  // Ends the session on the server too, so the token stops working everywhere it was copied;
  // the browser forgets it whatever the answer (offline, or the session already ended).
  async logout() {
    const headers = authHeaders();
    clearAuth();
    if (!headers.authorization) {
      return;
    }
    await fetch(ENDPOINT, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...languageHeaders(), ...headers },
      body: JSON.stringify({ query: LOGOUT }),
      keepalive: true,
    }).catch(() => undefined);
  },

  async checkAuth() {
    if (!readAuth()) {
      throw new Error("ra.auth.auth_check_error");
    }
  },

  // Called with every error of the data provider: an invalid or expired token
  // (401, UNAUTHENTICATED), or data refused for want of any credentials, ends
  // the session. A FORBIDDEN with a token is a role's limit and keeps it.
  async checkError(error: unknown) {
    const status = isObject(error) ? error.status : undefined;
    const unauthenticated = status === 401 || mentions(error, "UNAUTHENTICATED");
    const forbiddenWithoutToken = !readAuth() && (status === 403 || mentions(error, "FORBIDDEN"));
    if (unauthenticated || forbiddenWithoutToken) {
      clearAuth();
      throw new Error("ra.notification.logged_out");
    }
  },

  async getIdentity(): Promise<UserIdentity> {
    const auth = readAuth();
    if (!auth) {
      throw new Error("ra.auth.auth_check_error");
    }
    return { id: auth.me.id, fullName: auth.me.fullName, avatar: undefined };
  },

  async getPermissions(): Promise<Role | undefined> {
    const auth = readAuth();
    if (!auth) {
      // Signed out, an answer at once races react-admin's logout (it navigates to the login
      // page on a 0 ms timer): the cleared permissions query re-mounts the logout, thousands of
      // times, and the login form appeared only after about 6 s of CPU (react-admin #10764).
      await new Promise((resolve) => setTimeout(resolve, SIGNED_OUT_PERMISSIONS_DELAY_MS));
      return undefined;
    }
    return auth.me.role;
  },
};
