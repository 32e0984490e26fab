// Curator photos: a person's photo once confirmed, published only with consent, JPEG or PNG up
// to 5 MB for people of the caller's regions. Every person and file used here is created here.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId } from "../../api/lib/ids.js";
import { gql } from "../helpers/graphql.js";
import { curator, newPerson, operator, requestUpload, row, setUpUploads, upload } from "../helpers/uploads.js";

beforeAll(() => setUpUploads(2250));

describe("curator photos", () => {
  // A 1×1 PNG.
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  );
  const PERSON = `query P($id: ID!) { node(id: $id) { ... on Person { photoUrl version photo { id status purpose } } } }`;
  type PersonData = {
    node: { photoUrl: string | null; version: number; photo: { id: string; status: string } | null };
  };

  it("become the person's photo once confirmed, and the public URL serves it with consent", async () => {
    const personId = await newPerson("18", true);

    const { file } = await upload(curator, { personId, body: png, type: "image/png", name: "портрет.png" });

    expect(file).toMatchObject({ status: "AVAILABLE", purpose: "PHOTO", report: null });
    expect((await row(file.id)).key).toBe(
      `files/photo/${fromGlobalId("Person", personId)}/${fromGlobalId("StoredFile", file.id)}`,
    );
    const person = await gql<PersonData>(PERSON, { id: personId }, curator);
    expect(person.data?.node.photo).toMatchObject({ id: file.id, status: "AVAILABLE" });
    const photo = await fetch(person.data?.node.photoUrl ?? "");
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer()).equals(png)).toBe(true);
    const logged = await prisma.changeLog.findFirst({
      where: { entity: "Person", entityId: fromGlobalId("Person", personId), action: "UPDATE" },
    });
    expect(logged?.changes).toMatchObject({ photoFileId: { from: null, to: fromGlobalId("StoredFile", file.id) } });
  });

  it("are attached but never published without consent", async () => {
    const personId = await newPerson("18", false);

    const { file } = await upload(curator, { personId, body: png, type: "image/png", name: "портрет.png" });

    const person = await gql<PersonData>(PERSON, { id: personId }, curator);
    expect(person.data?.node.photo?.id).toBe(file.id);
    expect(person.data?.node.photoUrl).toBeNull();
  });

  it("accept only JPEG or PNG up to 5 MB, for people of the caller's regions", async () => {
    const personId = await newPerson("18", true);
    const pskovPerson = await newPerson("60", true);
    const base = { purpose: "PHOTO", personId, fileName: "p.png", sha256: "c".repeat(64) };

    const pdf = await requestUpload({ ...base, contentType: "application/pdf", size: 10 }, curator);
    const big = await requestUpload({ ...base, contentType: "image/png", size: 5 * 1024 * 1024 + 1 }, curator);
    const elsewhere = await requestUpload(
      { ...base, personId: pskovPerson, contentType: "image/png", size: 10 },
      curator,
    );
    const byOperator = await requestUpload({ ...base, contentType: "image/png", size: 10 }, operator);

    expect(pdf.issues?.[0]?.field).toBe("input.contentType");
    expect(big.issues).toEqual([{ field: "input.size", message: "A photo may be at most 5 MB." }]);
    expect(elsewhere).toMatchObject({ __typename: "NotFoundError", entity: "person" });
    expect(byOperator).toMatchObject({ __typename: "NotFoundError", entity: "person" });
  });
});
