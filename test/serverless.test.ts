// `serverless package` as CI and a deploy run it: offline, without AWS credentials. The
// template is checked for what a reviewer would otherwise check by eye (bucket hardening,
// least-privilege IAM, runtime, triggers), and the graphql zip is unpacked and run with
// plain Node against the suite's database and s3rver: proof that the bundle, including
// Prisma's WebAssembly query compiler and the native password hasher, works on its own.
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../api/lib/db.js";
import { DOWNLOAD_HEADERS } from "../api/lib/download-proxy.js";
import { readMailbox } from "../api/lib/embedded.js";
import { adminContentSecurityPolicy } from "../api/lib/static.js";
import { emptyDatabase } from "./helpers/databases.js";
import { apiEvent, BUNDLE_JWT_SECRET, packageServerless, root, run, runBundled } from "./helpers/serverless.js";

const MAX_ZIP_BYTES = 2 * 1024 * 1024;

type Json = Record<string, unknown>;
interface Resource {
  Type: string;
  Properties?: Json & { PolicyDocument?: { Statement: Statement[] } };
}
interface Statement {
  Effect: string;
  Action: unknown;
  Resource?: unknown;
}

let dir: string;
let resources: Record<string, Resource>;

function resource(logicalId: string): Resource {
  const found = resources[logicalId];
  if (!found) throw new Error(`The template has no ${logicalId}; it has ${Object.keys(resources).join(", ")}`);
  return found;
}

function ofType(type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** A template value as text: `Ref`s as ${Name}, `Fn::Join`s joined, as CloudFormation would fill them in. */
function rendered(value: unknown): string {
  if (typeof value === "string") return value;
  const node = value as { Ref?: string; "Fn::Join"?: [string, unknown[]]; "Fn::GetAtt"?: [string, string] };
  if (node.Ref) return `\${${node.Ref}}`;
  if (node["Fn::GetAtt"]) return `\${${node["Fn::GetAtt"].join(".")}}`;
  const join = node["Fn::Join"];
  if (join) return join[1].map(rendered).join(join[0]);
  throw new Error(`Cannot render ${JSON.stringify(value)}`);
}

async function listZip(zip: string): Promise<string[]> {
  const { stdout } = await run("unzip", ["-Z1", zip]);
  return stdout.split("\n").filter(Boolean);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dostup-package-"));
  const seconds = await packageServerless(dir, "test", 180_000);
  process.stdout.write(`serverless package: ${seconds.toFixed(1)} s\n`);
  const template = JSON.parse(await readFile(join(dir, "cloudformation-template-update-stack.json"), "utf8"));
  resources = template.Resources;
}, 200_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("serverless package", () => {
  it("hardens the uploads bucket: versioned, encrypted, private, with a lifecycle", () => {
    const bucket = resource("UploadsBucket").Properties as Json;
    expect(bucket.VersioningConfiguration).toEqual({ Status: "Enabled" });
    expect(bucket.BucketEncryption).toMatchObject({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
    });
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const rules = (bucket.LifecycleConfiguration as { Rules: Json[] }).Rules;
    expect(rules).toContainEqual(
      expect.objectContaining({ Status: "Enabled", AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
    );
    expect(rules).toContainEqual(
      expect.objectContaining({ Status: "Enabled", Prefix: "pending/", ExpirationInDays: 2 }),
    );
    const policy = resource("UploadsBucketPolicy").Properties?.PolicyDocument?.Statement ?? [];
    expect(policy).toContainEqual(
      expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    );
  });

  it("grants no IAM statement on every resource or every action", () => {
    const statements: { owner: string; statement: Statement }[] = [];
    for (const [id, r] of Object.entries(resources)) {
      if (r.Type === "AWS::IAM::Role") {
        const policies = (r.Properties?.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[];
        for (const policy of policies)
          for (const s of policy.PolicyDocument.Statement) statements.push({ owner: id, statement: s });
      }
      if (["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::S3::BucketPolicy"].includes(r.Type)) {
        for (const s of r.Properties?.PolicyDocument?.Statement ?? []) statements.push({ owner: id, statement: s });
      }
    }
    // The role's own statements and both buckets' policies at least: an empty list proves nothing.
    expect(statements.length).toBeGreaterThanOrEqual(6);
    const wildcards = statements.filter(
      ({ statement }) =>
        asList(statement.Resource).includes("*") || asList(statement.Action).some((action) => action === "*"),
    );
    expect(wildcards).toEqual([]);
  });

  it("runs every function on nodejs22.x or newer, on arm64", () => {
    const functions = ofType("AWS::Lambda::Function");
    expect(functions.map(([id]) => id).sort()).toEqual([
      "DigestsLambdaFunction",
      "GraphqlLambdaFunction",
      "MigrateLambdaFunction",
      "S3EventsLambdaFunction",
      "ScheduleLambdaFunction",
    ]);
    for (const [id, fn] of functions) {
      const runtime = String(fn.Properties?.Runtime);
      const major = Number(/^nodejs(\d+)\.x$/.exec(runtime)?.[1]);
      expect(major, `${id} runs ${runtime}`).toBeGreaterThanOrEqual(22);
      expect(fn.Properties?.Architectures).toEqual(["arm64"]);
    }
  });

  it("wires graphql to the HTTP API, s3Events to the uploads bucket and schedule to a timer", () => {
    const routes = ofType("AWS::ApiGatewayV2::Route").map(([, r]) => r.Properties?.RouteKey);
    expect(routes.sort()).toEqual(["ANY /graphql", "GET /health", "GET /photos/{fileId}"]);
    const integration = resource("HttpApiIntegrationGraphql").Properties;
    expect(JSON.stringify(integration?.IntegrationUri)).toContain("GraphqlLambdaFunction");
    // CORS is the function's (CORS_ORIGINS, none by default), so the API does not answer it.
    expect(resource("HttpApi").Properties?.CorsConfiguration).toBeUndefined();

    const notification = (resource("UploadsBucket").Properties as Json).NotificationConfiguration;
    expect(notification).toEqual({
      LambdaConfigurations: [
        {
          Event: "s3:ObjectCreated:*",
          Function: { "Fn::GetAtt": ["S3EventsLambdaFunction", "Arn"] },
          Filter: { S3Key: { Rules: [{ Name: "prefix", Value: "pending/" }] } },
        },
      ],
    });
    expect(resource("S3EventsLambdaPermissionUploadsBucket").Properties).toMatchObject({
      Principal: "s3.amazonaws.com",
      FunctionName: { "Fn::GetAtt": ["S3EventsLambdaFunction", "Arn"] },
    });

    const rules = ofType("AWS::Events::Rule").map(([, rule]) => rule.Properties);
    expect(rules).toContainEqual(
      expect.objectContaining({
        ScheduleExpression: "rate(15 minutes)",
        Targets: [expect.objectContaining({ Arn: { "Fn::GetAtt": ["ScheduleLambdaFunction", "Arn"] } })],
      }),
    );
    // Digests every morning at 07:00 Moscow time (04:00 UTC).
    expect(rules).toContainEqual(
      expect.objectContaining({
        ScheduleExpression: "cron(0 4 * * ? *)",
        Targets: [expect.objectContaining({ Arn: { "Fn::GetAtt": ["DigestsLambdaFunction", "Arn"] } })],
      }),
    );
    expect(rules).toHaveLength(2);
  });

  it("lets the functions send e-mail through SES as the one sending identity only, and tells the digests so", () => {
    const statements = ofType("AWS::IAM::Role").flatMap(([, role]) =>
      ((role.Properties?.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]).flatMap(
        (policy) => policy.PolicyDocument.Statement,
      ),
    );
    const mail = statements.filter((statement) =>
      asList(statement.Action).some((action) => String(action).startsWith("ses:")),
    );
    expect(mail).toHaveLength(1);
    expect(asList(mail[0]?.Action)).toEqual(["ses:SendEmail"]);
    const resources = asList(mail[0]?.Resource).map(rendered);
    expect(resources).toEqual([
      `arn:\${AWS::Partition}:ses:\${AWS::Region}:\${AWS::AccountId}:identity/dostup.example`,
    ]);

    const environment = resource("DigestsLambdaFunction").Properties?.Environment as { Variables: Json };
    const variables = environment.Variables;
    expect(variables).toMatchObject({ MAIL_TRANSPORT: "ses", MAIL_FROM: "Доступ <noreply@dostup.example>" });
    expect(rendered(variables.ADMIN_URL)).toBe(`https://\${AdminDistribution.DomainName}/admin`);
  });

  it("reads secrets through CloudFormation dynamic references, not values baked into the template", () => {
    const variables = resource("GraphqlLambdaFunction").Properties?.Environment as { Variables: Json };
    expect(variables.Variables).toMatchObject({
      NODE_ENV: "production",
      DATABASE_URL: "{{resolve:ssm:/dostup/test/database-url}}",
      JWT_SECRET: "{{resolve:ssm:/dostup/test/jwt-secret}}",
      EDGE_SECRET: "{{resolve:ssm:/dostup/test/edge-secret}}",
      CORS_ORIGINS: "",
    });
  });

  it("names the viewer's address to the API through CloudFront only, with the edge secret beside it", () => {
    const config = resource("AdminDistribution").Properties?.DistributionConfig as Json;
    const api = (config.Origins as Json[]).find((origin) => origin.Id === "api");
    expect(api?.OriginCustomHeaders).toEqual([
      { HeaderName: "x-dostup-edge", HeaderValue: "{{resolve:ssm:/dostup/test/edge-secret}}" },
    ]);
    const graphql = (config.CacheBehaviors as Json[]).find((behaviour) => behaviour.PathPattern === "/graphql");
    expect(graphql?.FunctionAssociations).toEqual([
      { EventType: "viewer-request", FunctionARN: { "Fn::GetAtt": ["ViewerAddressFunction", "FunctionARN"] } },
    ]);
    // The function's code, run as CloudFront would: the viewer's own header is overwritten.
    const code = String(resource("ViewerAddressFunction").Properties?.FunctionCode);
    const handler = new Function(`${code}; return handler;`)() as (event: Json) => { headers: Json };
    const request = handler({
      viewer: { ip: "198.51.100.9" },
      request: { headers: { "x-dostup-viewer-address": { value: "203.0.113.1" } } },
    });
    expect(request.headers["x-dostup-viewer-address"]).toEqual({ value: "198.51.100.9" });
  });

  it("serves the admin from a private bucket through CloudFront with origin access control", () => {
    const config = resource("AdminDistribution").Properties?.DistributionConfig as Json;
    expect(config.DefaultRootObject).toBe("index.html");
    expect(config.CustomErrorResponses).toEqual(
      [403, 404].map((code) =>
        expect.objectContaining({ ErrorCode: code, ResponseCode: 200, ResponsePagePath: "/index.html" }),
      ),
    );
    expect(JSON.stringify(config.Origins)).toContain("AdminOriginAccessControl");
    expect(resource("AdminBucket").Properties?.PublicAccessBlockConfiguration).toMatchObject({
      BlockPublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  it("sends the admin panel with our own security headers: the local server's CSP, naming the uploads bucket", () => {
    const distribution = resource("AdminDistribution").Properties?.DistributionConfig as Json;
    const behaviour = distribution.DefaultCacheBehavior as Json;
    // Our own policy: the managed SecurityHeadersPolicy (67f7725c-…) has no CSP.
    expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: "AdminResponseHeadersPolicy" });
    const policy = resource("AdminResponseHeadersPolicy");
    expect(policy.Type).toBe("AWS::CloudFront::ResponseHeadersPolicy");
    const config = policy.Properties?.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Json } | undefined;
    const headers = config?.SecurityHeadersConfig;
    expect(headers).toMatchObject({
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: "DENY", Override: true },
      ReferrerPolicy: { ReferrerPolicy: "strict-origin-when-cross-origin", Override: true },
    });
    const csp = headers?.ContentSecurityPolicy as { Override: boolean; ContentSecurityPolicy: unknown };
    expect(csp.Override).toBe(true);
    // The bucket as the SDK addresses it in presigned POSTs and GETs: CloudFormation fills in
    // the account and region.
    const [account, region] = [rendered({ Ref: "AWS::AccountId" }), rendered({ Ref: "AWS::Region" })];
    const bucket = `https://dostup-test-uploads-${account}-${region}.s3.${region}.amazonaws.com`;
    // Photos are linked through the files distribution: the panel may show images from it.
    const files = rendered({ "Fn::Join": ["", ["https://", { "Fn::GetAtt": ["FilesDistribution", "DomainName"] }]] });
    expect(rendered(csp.ContentSecurityPolicy)).toBe(adminContentSecurityPolicy(bucket, files));
    expect(adminContentSecurityPolicy(bucket, files)).toContain(`img-src 'self' data: blob: ${bucket} ${files};`);
    expect(adminContentSecurityPolicy(bucket)).toContain(`connect-src 'self' ${bucket};`);
    expect(adminContentSecurityPolicy(bucket)).toContain("frame-ancestors 'none'");
  });

  it("sends every download through a distribution of its own that adds nosniff and a sandboxing CSP", () => {
    const config = resource("FilesDistribution").Properties?.DistributionConfig as Json;
    const origins = config.Origins as Json[];
    expect(origins).toHaveLength(1);
    // The host the SDK signs for, so the presigned signature holds when CloudFront sends it on.
    expect(JSON.stringify(origins[0]?.DomainName)).toContain(".s3.");
    expect(origins[0]?.S3OriginConfig).toEqual({ OriginAccessIdentity: "" });
    expect(origins[0]?.OriginAccessControlId).toBeUndefined();
    const files = (config.CacheBehaviors as Json[]).find((behaviour) => behaviour.PathPattern === "/files/*");
    expect(files).toMatchObject({
      AllowedMethods: ["GET", "HEAD"],
      ViewerProtocolPolicy: "https-only",
      OriginRequestPolicyId: { Ref: "FilesOriginRequestPolicy" },
      ResponseHeadersPolicyId: { Ref: "FilesResponseHeadersPolicy" },
    });
    expect((config.DefaultCacheBehavior as Json).FunctionAssociations).toEqual([
      { EventType: "viewer-request", FunctionARN: { "Fn::GetAtt": ["FilesNotFoundFunction", "FunctionARN"] } },
    ]);
    expect(config.CustomErrorResponses).toBeUndefined();
    const forwarded = resource("FilesOriginRequestPolicy").Properties?.OriginRequestPolicyConfig as Json;
    expect(forwarded).toMatchObject({
      QueryStringsConfig: { QueryStringBehavior: "all" },
      HeadersConfig: { HeaderBehavior: "none" },
      CookiesConfig: { CookieBehavior: "none" },
    });
    // The same headers the local download layer adds (api/lib/download-proxy.ts).
    const policy = resource("FilesResponseHeadersPolicy").Properties?.ResponseHeadersPolicyConfig as Json;
    const security = policy.SecurityHeadersConfig as Json;
    expect(DOWNLOAD_HEADERS["x-content-type-options"]).toBe("nosniff");
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(security.ContentSecurityPolicy).toEqual({
      ContentSecurityPolicy: DOWNLOAD_HEADERS["content-security-policy"],
      Override: true,
    });
    expect(security.FrameOptions).toEqual({ FrameOption: DOWNLOAD_HEADERS["x-frame-options"], Override: true });
    expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: DOWNLOAD_HEADERS["referrer-policy"], Override: true });

    const environment = resource("GraphqlLambdaFunction").Properties?.Environment as { Variables: Json };
    const variables = environment.Variables;
    expect(JSON.stringify(variables.FILES_DOWNLOAD_BASE_URL)).toContain("FilesDistribution");
  });

  it("keeps every zip at 2 MB or less, with only what each function needs", async () => {
    const zips = (await readdir(dir)).filter((name) => name.endsWith(".zip")).sort();
    expect(zips).toEqual(["digests.zip", "graphql.zip", "migrate.zip", "s3Events.zip", "schedule.zip"]);
    for (const zip of zips) {
      const { size } = await stat(join(dir, zip));
      process.stdout.write(`${zip.padEnd(14)} ${(size / 1024 / 1024).toFixed(2)} MB (${size} bytes)\n`);
      expect(size, zip).toBeLessThanOrEqual(MAX_ZIP_BYTES);
    }
    const graphql = await listZip(join(dir, "graphql.zip"));
    expect(graphql).toContain("api/handler.mjs");
    // The password hasher is native: Lambda (arm64) needs its arm64 build, not this machine's.
    expect(graphql).toContain("node_modules/@node-rs/argon2-linux-arm64-gnu/argon2.linux-arm64-gnu.node");
    expect(graphql.filter((path) => /argon2-(?!linux-arm64-gnu)[^/]+\//.test(path))).toEqual([]);
    const migrate = await listZip(join(dir, "migrate.zip"));
    expect(migrate).toContain("api/jobs/migrate.mjs");
    expect(migrate.some((path) => /^prisma\/migrations\/[^/]+\/migration\.sql$/.test(path))).toBe(true);
    expect((await listZip(join(dir, "s3Events.zip"))).some((path) => path.startsWith("prisma/"))).toBe(false);
    // esbuild splits what is imported only when needed (the SDK, spreadsheets, the query
    // compiler) into chunks beside each bundle: each function carries its own, none another's.
    expect(graphql.some((path) => /^api\/chunks\/[^/]+\.mjs$/.test(path))).toBe(true);
    // Prisma's query compiler as the binary, not as 2.3 MB of base64 in JavaScript.
    expect(graphql).toContain("api/chunks/query-compiler.wasm");
    expect(graphql.filter((path) => path.startsWith("api/jobs/"))).toEqual([]);
    for (const job of ["digests.zip", "migrate.zip", "s3Events.zip", "schedule.zip"]) {
      const files = await listZip(join(dir, job));
      expect(
        files.filter((path) => path.startsWith("api/chunks/") || path === "api/handler.mjs"),
        job,
      ).toEqual([]);
    }
  });

  it("runs the bundled graphql handler with plain Node against a real database", async () => {
    // Signed here with the secret the bundle is given: signing in would need the arm64 argon2 build.
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@dostup.local" } });
    const session = await prisma.userSession.create({
      data: { userId: admin.id, expiresAt: new Date(Date.now() + 5 * 60_000) },
    });
    const token = await new SignJWT({ sid: session.id })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(admin.id)
      .setIssuer("dostup")
      .setAudience("dostup-api")
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(BUNDLE_JWT_SECRET));
    const post = apiEvent("POST", "/graphql", JSON.stringify({ query: "{ centres(first: 2) { totalCount } }" }), {
      authorization: `Bearer ${token}`,
    });
    const health = apiEvent("GET", "/health");
    // zod's messages still work in the bundle, which leaves zod's locales out.
    const invalid = apiEvent(
      "POST",
      "/graphql",
      JSON.stringify({
        query: `mutation { updateCentre(input: { id: "x", version: 1, website: "javascript:alert(1)" }) { __typename ... on ValidationError { issues { field message } } } }`,
      }),
      { authorization: `Bearer ${token}` },
    );
    // The token limit's parser is graphql's ES build in the bundle (.config/esbuild-plugins.cjs):
    // a flood of tokens and a broken document are still refused as parse errors.
    const flood = apiEvent("POST", "/graphql", JSON.stringify({ query: `{ me { ${"id ".repeat(1001)} } }` }), {
      authorization: `Bearer ${token}`,
    });
    const broken = apiEvent("POST", "/graphql", JSON.stringify({ query: "{ centres(first: " }), {
      authorization: `Bearer ${token}`,
    });
    const [graphql, healthResult, refused, flooded, unparsed] = (await runBundled(
      dir,
      "graphql",
      "api/handler.mjs",
      [post, health, invalid, flood, broken],
      {
        DATABASE_URL: process.env.DATABASE_URL,
        S3_ENDPOINT: process.env.S3_ENDPOINT,
        S3_BUCKET: process.env.S3_BUCKET,
      },
    )) as APIGatewayProxyStructuredResultV2[];
    expect(graphql?.statusCode).toBe(200);
    const body = JSON.parse(graphql?.body ?? "{}");
    expect(body.errors).toBeUndefined();
    expect(body.data.centres.totalCount).toBeGreaterThan(0);
    expect(healthResult?.statusCode).toBe(200);
    expect(JSON.parse(healthResult?.body ?? "{}")).toEqual({ db: "ok", s3: "ok" });
    const validation = JSON.parse(refused?.body ?? "{}").data?.updateCentre;
    expect(validation?.__typename).toBe("ValidationError");
    expect(JSON.stringify(validation?.issues)).toMatch(/http/);
    for (const [result, message] of [
      [flooded, /Token limit of 1000 exceeded/],
      [unparsed, /Syntax Error: Unexpected <EOF>/],
    ] as const) {
      const errors = JSON.parse(result?.body ?? "{}").errors as { message: string; extensions?: { code?: string } }[];
      expect(errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
      expect(errors?.[0]?.message).toMatch(message);
    }
  }, 90_000);

  it("runs the bundled migrate function, which finds the migrations in its own package", async () => {
    const database = await emptyDatabase("bundle_migrate");
    try {
      const [result] = (await runBundled(dir, "migrate", "api/jobs/migrate.mjs", [{}], {
        DATABASE_URL: database.url,
        S3_BUCKET: "unused-by-migrate",
      })) as { applied: string[]; alreadyApplied: number }[];
      const expected = (await readdir(join(root, "prisma/migrations"), { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
      expect(result).toEqual({ applied: expected, alreadyApplied: 0 });
    } finally {
      await database.stop();
    }
  }, 90_000);

  it("runs the bundled digests function, whose e-mail reaches a real SMTP server", async () => {
    const began = new Date();
    const mailDir = process.env.DOSTUP_MAIL_DIR ?? "";
    const toCurator = async () =>
      (await readMailbox(mailDir)).filter((message) => message.to.includes("curator@dostup.local"));
    const earlier = (await toCurator()).length;
    try {
      const [summary] = (await runBundled(dir, "digests", "api/jobs/digests.mjs", [{}], {
        DATABASE_URL: process.env.DATABASE_URL,
        S3_BUCKET: "unused-by-digests",
        // SES needs AWS; the same sendMail goes through SMTP when told so.
        SMTP_URL: process.env.SMTP_URL,
        ADMIN_URL: "https://admin.dostup.example/admin",
      })) as { digests: number; mailed: number; mailFailed: number }[];
      expect(summary?.digests).toBeGreaterThan(0);
      expect(summary?.mailFailed).toBe(0);
      const mail = (await toCurator()).slice(earlier);
      expect(mail.map((message) => message.subject)).toEqual([expect.stringMatching(/^Доступ: \d+ нов/)]);
      expect(mail[0]?.text).toContain("https://admin.dostup.example/admin/#/");
    } finally {
      // The demo users' inboxes as they were: this file owns only what it made.
      await prisma.notification.deleteMany({ where: { createdAt: { gte: began } } });
      await prisma.digest.deleteMany({ where: { createdAt: { gte: began } } });
    }
  }, 90_000);
});

/**
 * Unzips a function's package into a folder of its own (outside the repository, so nothing
 * resolves from the project's node_modules), then calls its handler with each event in a
 * plain `node` process, with the environment Lambda would give it, and returns the results.
 */
