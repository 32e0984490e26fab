// The public curator directory's fixtures: a Smolensk service of its own with a region curator
// and municipal curators, a life situation containing it, photos uploaded as the admin does,
// and the ways a photo is fetched (the local server's route and the Lambda handler).
import { createServer, type Server } from "node:http";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { handler } from "../../api/handler.js";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { servePublicPhoto } from "../../api/modules/directory/public-photos.js";
import { upload } from "./uploads.js";

/** A 1×1 PNG and a 1×1 JPEG: real images, as the upload check wants. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

type Headers = Record<string, string>;

export interface Curator {
  personId: string;
  gid: string;
  photoFileId: string | null;
}

let counter = 0;

/** A Smolensk person with the consents given, and (photo) a verified photo uploaded by the curator. */
export async function newCurator(
  curator: Headers,
  regionId: string,
  options: { lastName: string; photo?: boolean; photoConsent?: boolean; contactsConsent?: boolean },
): Promise<Curator> {
  counter += 1;
  const person = await prisma.person.create({
    data: {
      regionId,
      lastName: options.lastName,
      firstName: "Елена",
      middleName: "Викторовна",
      position: "Начальник отдела",
      email: `curator${counter}-${Date.now()}@admin-smolensk.example`,
      phone: "+7 (4812) 29-10-00",
      photoConsent: options.photoConsent ?? false,
      photoConsentAt: options.photoConsent ? new Date() : null,
      contactsConsent: options.contactsConsent ?? false,
      contactsConsentAt: options.contactsConsent ? new Date() : null,
    },
  });
  const gid = toGlobalId("Person", person.id);
  if (!options.photo) return { personId: person.id, gid, photoFileId: null };
  const { file } = await upload(curator, { personId: gid, body: PNG, type: "image/png", name: "портрет.png" });
  return { personId: person.id, gid, photoFileId: fromGlobalId("StoredFile", file.id) };
}

/**
 * A published municipal service of Smolensk, of this test only. Not marked socially
 * significant: other files on the same database count Smolensk's 83 such services.
 */
export async function newSmolenskService(name: string, regionId: string) {
  counter += 1;
  return prisma.service.create({
    data: { name: `${name} (${Date.now()}-${counter})`, level: "MUNICIPAL", regionId, socialSignificant: false },
  });
}

/** A primary curator's period, written as assignCurator writes it. */
export function period(
  personId: string,
  target: { serviceId: string } | { lifeSituationId: string },
  regionId: string,
  options: { municipalityId?: string | null; validFrom?: Date; validTo?: Date | null } = {},
) {
  const service = "serviceId" in target;
  return prisma.curatorAssignment.create({
    data: {
      personId,
      role: service ? "SERVICE_CURATOR" : "LIFE_SITUATION_CURATOR",
      targetType: service ? "SERVICE" : "LIFE_SITUATION",
      ...target,
      regionId,
      municipalityId: options.municipalityId ?? null,
      validFrom: options.validFrom ?? new Date("2025-09-01"),
      validTo: options.validTo ?? null,
      primary: true,
    },
  });
}

export async function smolenskPlaces() {
  const region = await prisma.region.findUniqueOrThrow({ where: { code: "67" } });
  const named = (name: string) => prisma.municipality.findFirstOrThrow({ where: { regionId: region.id, name } });
  const [vyazma, roslavl, gagarin, safonovo] = await Promise.all([
    named("Вяземский район"),
    named("Рославльский район"),
    named("Гагаринский район"),
    named("Сафоновский район"),
  ]);
  return { region, vyazma, roslavl, gagarin, safonovo };
}

// ── Fetching a photo ──

export interface PhotoResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The local server's /photos/ route, on a server of its own. */
export async function photoServer(): Promise<{
  get: (path: string, headers?: Headers) => Promise<PhotoResponse>;
  close: () => Promise<void>;
}> {
  const server: Server = createServer(servePublicPhoto);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    async get(path, headers = {}) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
        body: Buffer.from(await response.arrayBuffer()),
      };
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The same path through the Lambda handler, as API Gateway calls it. */
export async function photoFromLambda(path: string, headers: Headers = {}): Promise<PhotoResponse> {
  const event = {
    version: "2.0",
    routeKey: "GET /photos/{fileId}",
    rawPath: path,
    rawQueryString: "",
    headers: { host: "api.example.org", ...headers },
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "api.example.org",
      domainPrefix: "api",
      http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "vitest" },
      requestId: "req-photo",
      routeKey: "GET /photos/{fileId}",
      stage: "$default",
      time: "06/Dec/2026:10:00:00 +0000",
      timeEpoch: 1_796_551_200_000,
    },
    isBase64Encoded: false,
  } as APIGatewayProxyEventV2;
  const result = (await handler(event, {
    functionName: "dostup-test-graphql",
  } as Context)) as APIGatewayProxyStructuredResultV2;
  const body = result.body ?? "";
  return {
    status: result.statusCode ?? 0,
    headers: Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)])),
    body: result.isBase64Encoded ? Buffer.from(body, "base64") : Buffer.from(body),
  };
}
