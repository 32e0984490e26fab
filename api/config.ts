// Reads the environment once. Importing this module fails fast when a required setting is
// missing, so a misconfigured Lambda dies at cold start with a clear message instead of
// on the first request. The local server sets DATABASE_URL / S3_ENDPOINT for the embedded
// stack before it imports anything that reads this module.
const env = process.env;

function required(name: string): string {
  const value = env[name];
  if (!value) throw new Error(`Configuration error: ${name} is not set.`);
  return value;
}

function integer(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`Configuration error: ${name} must be a non-negative integer, got "${raw}".`);
  return value;
}

// Development conveniences (GraphiQL, introspection, the public development signing key) only
// where NODE_ENV says so: a deployment that forgets NODE_ENV gets production's behaviour and
// must bring its own secret, instead of signing tokens with a key printed in this file.
const development = env.NODE_ENV === "development" || env.NODE_ENV === "test";
const production = !development;

function atMost(name: string, fallback: number, max: number): number {
  const value = integer(name, fallback);
  if (value > max) throw new Error(`Configuration error: ${name} is at most ${max}, got ${value}.`);
  return value;
}

const DEVELOPMENT_JWT_SECRET = "dostup-development-secret-not-for-production";
/** HS256 needs a key as long as its output to be as strong as it: 256 bits. */
const MIN_JWT_SECRET_BYTES = 32;

function jwtSecret(): string {
  const value = env.JWT_SECRET;
  if (!value) {
    if (development) return DEVELOPMENT_JWT_SECRET;
    throw new Error(
      `Configuration error: JWT_SECRET is not set. It is required unless NODE_ENV is development or test (NODE_ENV is ${env.NODE_ENV ? `"${env.NODE_ENV}"` : "not set"}); make one with \`openssl rand -hex 32\`.`,
    );
  }
  if (Buffer.byteLength(value, "utf8") < MIN_JWT_SECRET_BYTES)
    throw new Error(
      `Configuration error: JWT_SECRET must be at least ${MIN_JWT_SECRET_BYTES} bytes long (it has ${Buffer.byteLength(value, "utf8")}); make one with \`openssl rand -hex 32\`.`,
    );
  return value;
}

/**
 * CORS_ORIGINS: the browser origins allowed to call the API, comma-separated, each exactly as a
 * browser sends it (`https://partner.example.org`, `http://localhost:5173`: scheme, host, and a
 * port unless it is the scheme's own). Unset or empty: none (the admin panel is same-origin).
 */
function origins(name: string): string[] {
  const list = (env[name] ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of list) {
    let origin: string | null = null;
    try {
      origin = new URL(item).origin;
    } catch {
      origin = null;
    }
    if (origin !== item || !/^https?:/.test(item))
      throw new Error(
        `Configuration error: ${name} lists origins such as https://partner.example.org (no path, no trailing slash, no wildcard), got "${item}".`,
      );
  }
  return list;
}

/** An http(s) URL without query or fragment, or nothing. */
function baseUrl(name: string): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`Configuration error: ${name} must be an http(s) URL, got "${raw}".`);
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash) {
    throw new Error(`Configuration error: ${name} must be an http(s) URL without query or fragment, got "${raw}".`);
  }
  return raw.replace(/\/+$/, "");
}

export const config = {
  production,
  databaseUrl: required("DATABASE_URL"),
  /** Connections per process: one per Lambda container, a small pool locally. */
  databasePoolSize: integer("DATABASE_POOL_SIZE", env.AWS_LAMBDA_FUNCTION_NAME ? 1 : 8),
  /** Longest a single SQL statement may run before PostgreSQL cancels it. */
  statementTimeoutMs: integer("DATABASE_STATEMENT_TIMEOUT_MS", 10_000),
  /** The largest report file accepted for upload (photos: 5 MiB at most). */
  maxUploadBytes: integer("MAX_UPLOAD_BYTES", 50 * 1024 * 1024),
  s3: {
    bucket: required("S3_BUCKET"),
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1",
    /** Set for s3rver or another S3-compatible store; unset means AWS itself. */
    endpoint: env.S3_ENDPOINT || undefined,
  },
  files: {
    /**
     * Where download links point: the layer in front of the bucket that adds nosniff and a
     * sandboxing CSP (CloudFront in AWS, the local server's /downloads/ route locally). The
     * presigned path and query are kept, only the origin (and a path prefix) is replaced.
     * Unset: links go straight to the bucket, without those headers.
     */
    downloadBaseUrl: baseUrl("FILES_DOWNLOAD_BASE_URL"),
    /**
     * The API's public origin, on which the curator directory's photo URLs (/photos/<id>) are
     * built (the API Gateway URL or a domain of its own in AWS, the local server's address
     * locally). Unset: the origin the GraphQL request came to.
     */
    publicApiUrl: baseUrl("PUBLIC_API_URL"),
  },
  graphql: {
    /** GraphiQL and introspection are development conveniences only. */
    graphiql: !production,
    introspection: !production,
  },
  auth: {
    /** HS256 key for access tokens; a fixed development key only in development and tests. */
    jwtSecret: jwtSecret(),
    tokenTtlSeconds: integer("TOKEN_TTL_SECONDS", 8 * 3600),
    /**
     * Set where CloudFront fronts the API: it sends this value in `x-dostup-edge`, and only
     * requests carrying it may name the viewer's address (`x-dostup-viewer-address`) for sign-in
     * throttling; every other request is known by its own source address.
     */
    edgeSecret: env.EDGE_SECRET || undefined,
  },
  /**
   * How long a process remembers who a token or an API key belongs to (api/lib/identity-cache.ts):
   * the longest a change of access made on another container takes to reach this one. 0 turns
   * the cache off.
   */
  identityCacheSeconds: atMost("IDENTITY_CACHE_SECONDS", 15, 30),
  /**
   * How long a partner read is served from the response cache (api/lib/response-cache.ts): the
   * longest a change made on another container takes to reach partners reading from this one.
   * 0 turns the cache off.
   */
  responseCacheSeconds: atMost("RESPONSE_CACHE_SECONDS", 30, 300),
  /** Browser origins allowed to call the API across origins, without credentials. */
  cors: { origins: origins("CORS_ORIGINS") },
  logLevel: env.LOG_LEVEL ?? (env.VITEST ? "silent" : "info"),
  /**
   * Prisma's query events, which the tests listen to to count statements. Off elsewhere: with
   * them on, Prisma serialises every statement and its parameters whether anyone listens or not.
   */
  queryEvents: Boolean(env.VITEST) || env.DOSTUP_QUERY_EVENTS === "on",
} as const;
