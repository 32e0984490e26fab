// Requests that arrive the wrong way or with the wrong credentials: mutations over GET or as
// HTML forms (the shapes a cross-site page can send), tampered and expired tokens, and API
// keys that are revoked, expired or never existed.
import { SignJWT } from "jose";
import { config } from "../../../api/config.js";
import { schema } from "../../../api/schema.js";
import { operations } from "../../helpers/operations.js";
import type { Fixtures } from "./fixtures.js";
import { type Case, type Headers, httpStatus, post, type Reply, refused, send } from "./harness.js";

const all = operations(schema);
const mutations = all.filter((op) => op.kind === "mutation");

function crossSiteCases(f: Fixtures): Case[] {
  const cases: Case[] = [];
  // The administrator's credentials ride along, as a browser's would: only the method and
  // the content type stand between the request and the write.
  for (const op of mutations) {
    const params = new URLSearchParams({ query: op.document, variables: JSON.stringify(op.variables) });
    cases.push({
      name: `GET ${op.name}`,
      run: () =>
        send({ method: "GET", path: `/graphql?${params}`, headers: { ...f.admin, accept: "application/json" } }),
      expect: httpStatus(405),
    });
    cases.push({
      name: `form-encoded POST ${op.name}`,
      run: () =>
        send({ headers: { ...f.admin, "content-type": "application/x-www-form-urlencoded" }, body: params.toString() }),
      expect: httpStatus(415),
    });
  }
  const samples = mutations.filter((op) =>
    ["login", "createRegion", "createApiClient", "updateCentre"].includes(op.name),
  );
  for (const op of samples) {
    const json = JSON.stringify({ query: op.document, variables: op.variables });
    cases.push({
      name: `text/plain POST ${op.name}`,
      run: () => send({ headers: { ...f.admin, "content-type": "text/plain" }, body: json }),
      expect: httpStatus(400, 415),
    });
    cases.push({
      name: `multipart POST ${op.name}`,
      run: () => {
        const form = new FormData();
        form.append("operations", json);
        form.append("map", "{}");
        // A copy: the fetch implementation writes the multipart content type into the object.
        return send({ headers: { ...f.admin }, body: form });
      },
      expect: httpStatus(400, 415),
    });
    cases.push({
      name: `PUT ${op.name}`,
      run: () => send({ method: "PUT", headers: { ...f.admin, "content-type": "application/json" }, body: json }),
      expect: httpStatus(405),
    });
  }
  return cases;
}

const encoder = new TextEncoder();
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

async function tokens(adminId: string, inactiveId: string): Promise<Record<string, string>> {
  const secret = encoder.encode(config.auth.jwtSecret);
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: adminId, iss: "dostup", aud: "dostup-api", iat: now, exp: now + 3600 };
  const sign = (payload: Record<string, unknown>, key = secret, alg = "HS256") =>
    new SignJWT(payload).setProtectedHeader({ alg }).sign(key);
  const valid = await sign(claims);
  const [header, payload, signature] = valid.split(".") as [string, string, string];
  return {
    "alg none": `${b64({ alg: "none", typ: "JWT" })}.${payload}.`,
    "alg none, no trailing dot": `${b64({ alg: "none" })}.${payload}`,
    "signed with another key": await sign(claims, encoder.encode("not-the-secret-at-all-not-the-secret")),
    "HS512 with the right key": await sign(claims, secret, "HS512"),
    expired: await sign({ ...claims, iat: now - 7200, exp: now - 3600 }),
    "not valid yet": await sign({ ...claims, nbf: now + 3600 }),
    "another issuer": await sign({ ...claims, iss: "someone-else" }),
    "another audience": await sign({ ...claims, aud: "other-api" }),
    "no subject": await sign({ iss: "dostup", aud: "dostup-api", iat: now, exp: now + 3600 }),
    "an unknown user": await sign({ ...claims, sub: "00000000-0000-4000-8000-000000000000" }),
    "a subject that is not a uuid": await sign({ ...claims, sub: "admin@dostup.local" }),
    "a deactivated user": await sign({ ...claims, sub: inactiveId }),
    "signature removed": `${header}.${payload}.`,
    "signature altered": `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`,
    "payload altered, signature kept": `${header}.${b64({ ...claims, sub: inactiveId })}.${signature}`,
    garbage: "garbage",
    "three dots": "a.b.c",
    "10,000 characters": "x".repeat(10_000),
  };
}

function authCases(f: Fixtures, jwt: Record<string, string>): Case[] {
  const cases: Case[] = [];
  const ops: Record<string, (headers: Headers) => Promise<Reply>> = {
    me: (h) => post("{ me { id } }", {}, h),
    centres: (h) => post("{ centres(first: 1) { totalCount } }", {}, h),
    createRegion: (h) =>
      post(
        "mutation C($input: CreateRegionInput!) { createRegion(input: $input) { __typename } }",
        { input: { code: "96", name: `Поддельный регион ${f.run}` } },
        h,
      ),
  };
  for (const [label, token] of Object.entries(jwt))
    for (const [op, run] of Object.entries(ops))
      cases.push({
        name: `token ${label}: ${op}`,
        run: () => run({ authorization: `Bearer ${token}` }),
        expect: refused("UNAUTHENTICATED"),
        write: op === "createRegion",
      });
  const headers: Record<string, string> = {
    "Bearer without a token": "Bearer",
    "Basic credentials": `Basic ${Buffer.from("admin@dostup.local:dostup").toString("base64")}`,
    "two tokens": `Bearer ${jwt.garbage} ${jwt.expired}`,
    "a token without Bearer": jwt.expired ?? "",
  };
  for (const [label, value] of Object.entries(headers))
    for (const [op, run] of Object.entries(ops))
      cases.push({
        name: `authorization ${label}: ${op}`,
        run: () => run({ authorization: value }),
        expect: refused("UNAUTHENTICATED"),
        write: op === "createRegion",
      });
  // A dead token next to a live API key: the token is judged, not silently dropped.
  cases.push({
    name: "expired token beside a valid API key",
    run: () => ops.centres?.({ authorization: `Bearer ${jwt.expired}`, ...f.partner }) as Promise<Reply>,
    expect: refused("UNAUTHENTICATED"),
  });
  for (const [label, key] of Object.entries(f.deadKeys))
    for (const [op, run] of Object.entries(ops))
      cases.push({
        name: `API key ${label}: ${op}`,
        run: () => run({ "x-api-key": key }),
        expect: refused("UNAUTHENTICATED"),
        write: op === "createRegion",
      });
  return cases;
}

export async function transportCases(f: Fixtures): Promise<Record<string, Case[]>> {
  return {
    "GET, form-encoded and other cross-site mutations": crossSiteCases(f),
    "tampered tokens and dead API keys": authCases(f, await tokens(f.adminId, f.inactiveUserId)),
  };
}
