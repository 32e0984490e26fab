import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedS3, freePort, startEmbeddedS3 } from "../../api/lib/embedded.js";

// This file points the app at an s3rver of its own, so it can stop it without touching the
// rest of the suite. Modules are loaded after the switch because config is read at import.
let s3: EmbeddedS3;
let dir: string;
let fetchHealth: () => Promise<Response>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dostup-health-"));
  s3 = await startEmbeddedS3({ dataDir: dir, bucket: "dostup-health", port: await freePort() });
  process.env.S3_ENDPOINT = s3.endpoint;
  process.env.S3_BUCKET = "dostup-health";
  const { yoga } = await import("../../api/yoga.js");
  fetchHealth = async () => yoga.fetch("http://localhost/health");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("/health", () => {
  it("says db and s3 are ok when both answer", async () => {
    const response = await fetchHealth();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ db: "ok", s3: "ok" });
  });

  it("reports a stopped S3 as unreachable with 503", async () => {
    await s3.stop();
    const started = Date.now();
    const response = await fetchHealth();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ db: "ok", s3: "unreachable" });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
