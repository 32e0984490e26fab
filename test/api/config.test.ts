// The signing key: the public development key only where NODE_ENV says development or test;
// anywhere else a real secret of at least 32 bytes, or the process refuses to start.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const STRONG = "0123456789abcdef0123456789abcdef";

/** Loads api/config.ts in a fresh Node with exactly this environment. */
function load(env: Record<string, string>): { ok: boolean; output: string; production?: boolean } {
  const child = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "--eval",
      `const { config } = await import("./api/config.ts"); process.stdout.write(JSON.stringify({ production: config.production }));`,
    ],
    {
      env: {
        PATH: process.env.PATH ?? "",
        DATABASE_URL: "postgresql://unused@localhost/unused",
        S3_BUCKET: "b",
        ...env,
      },
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  const output = `${child.stdout}${child.stderr}`;
  if (child.status !== 0) return { ok: false, output };
  return { ok: true, output, production: (JSON.parse(child.stdout) as { production: boolean }).production };
}

describe("JWT_SECRET", () => {
  it("is required outside development and test, whatever NODE_ENV says", () => {
    for (const env of [{ NODE_ENV: "production" }, { NODE_ENV: "staging" }, {}] as Record<string, string>[]) {
      const result = load(env);
      expect(result.ok, JSON.stringify(env)).toBe(false);
      expect(result.output).toMatch(/JWT_SECRET is not set/);
    }
  });

  it("must be at least 32 bytes", () => {
    const result = load({ NODE_ENV: "production", JWT_SECRET: "short-secret" });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/at least 32 bytes long \(it has 12\)/);
    expect(load({ NODE_ENV: "development", JWT_SECRET: "x" }).ok).toBe(false);
  });

  it("starts with a strong secret, and treats anything but development or test as production", () => {
    expect(load({ NODE_ENV: "production", JWT_SECRET: STRONG })).toMatchObject({ ok: true, production: true });
    expect(load({ JWT_SECRET: STRONG })).toMatchObject({ ok: true, production: true });
    expect(load({ NODE_ENV: "development" })).toMatchObject({ ok: true, production: false });
    expect(load({ NODE_ENV: "test" })).toMatchObject({ ok: true, production: false });
  });
});
