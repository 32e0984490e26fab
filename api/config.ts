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

const production = env.NODE_ENV === "production";

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
  },
  graphql: {
    /** GraphiQL and introspection are development conveniences only. */
    graphiql: !production,
    introspection: !production,
  },
  auth: {
    /** HS256 key for access tokens; a fixed development key outside production. */
    jwtSecret: production ? required("JWT_SECRET") : (env.JWT_SECRET ?? "dostup-development-secret-not-for-production"),
    tokenTtlSeconds: integer("TOKEN_TTL_SECONDS", 8 * 3600),
  },
  logLevel: env.LOG_LEVEL ?? (env.VITEST ? "silent" : "info"),
} as const;
