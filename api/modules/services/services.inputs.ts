// What the inputs of services and of centres' help with them must hold, checked by the
// validation plugin on their GraphQL input types (services.schema.ts); the service takes what
// these give.
import { z } from "zod";
import { PublicationStatus, ServiceLevel } from "../../generated/prisma/client.js";
import { optionalText, registryCode, text, versionedChange, webUrl } from "../../lib/validate.js";

const yesNo = z.boolean({ error: "SERVICE_YES_NO" });
const editableStatus = z.enum(["DRAFT", "PUBLISHED"], {
  error: "SERVICE_STATUS_CHOICE",
});

// ── The list's filter ──

/** The status filter of a catalogue list (services, life situations): `listed` names the rows. */
export const catalogueStatusFilter = (listed: string) =>
  z
    .enum(PublicationStatus)
    .nullish()
    .describe(`Without it, DRAFT and PUBLISHED ${listed} are listed (partners: PUBLISHED only).`);

export const serviceFilterSchema = z.object({
  search: optionalText(200).describe("Part of the name, short name or register id; % and _ match themselves."),
  level: z.enum(ServiceLevel).nullish(),
  regionId: z.string().nullish(),
  competentAuthorityId: z.string().nullish(),
  socialSignificant: z.boolean().nullish(),
  electronic: z.boolean().nullish(),
  proactive: z.boolean().nullish(),
  status: catalogueStatusFilter("services"),
});
export type ServiceFilterData = z.output<typeof serviceFilterSchema>;

// ── A service ──

const serviceFields = {
  code: registryCode(),
  registryId: z
    .string()
    .trim()
    .regex(/^\d{1,25}$/, "SERVICE_REGISTRY_ID_FORMAT")
    .nullish(),
  name: text(1000),
  shortName: optionalText(300),
  description: optionalText(10_000),
  level: z.enum(["FEDERAL", "REGIONAL", "MUNICIPAL"], { error: "SERVICE_LEVEL_CHOICE" }),
  competentAuthorityId: z.string().nullish(),
  socialSignificant: yesNo,
  electronic: yesNo,
  proactive: yesNo,
  needsExtraDocuments: yesNo,
  processingDays: z
    .number()
    .int("WORKING_DAYS_WHOLE")
    .min(0, "NEGATIVE_NOT_ALLOWED")
    .max(3650, "SERVICE_DAYS_TOO_MANY")
    .nullish(),
  fee: z
    .string()
    .trim()
    .regex(/^\d{1,10}([.,]\d{1,2})?$/, "SERVICE_FEE_FORMAT")
    .transform((value) => value.replace(",", "."))
    .nullish()
    .describe('Roubles, e.g. "3000" or "1500.50".'),
  requiredDocuments: z.array(text(500), { error: "SERVICE_DOCUMENTS_LIST" }).max(100, "SERVICE_TOO_MANY_DOCUMENTS"),
  portalUrl: webUrl().nullish(),
  status: editableStatus,
};

export const createServiceSchema = z.object({
  ...serviceFields,
  regionId: z.string().nullish().describe("Required for REGIONAL and MUNICIPAL services; empty for FEDERAL ones."),
  socialSignificant: serviceFields.socialSignificant.default(false),
  electronic: serviceFields.electronic.default(false),
  proactive: serviceFields.proactive.default(false),
  needsExtraDocuments: serviceFields.needsExtraDocuments.default(false),
  requiredDocuments: serviceFields.requiredDocuments.default([]),
  status: editableStatus.default("PUBLISHED").describe("PUBLISHED unless given."),
});
export type CreateServiceData = z.output<typeof createServiceSchema>;

export const updateServiceSchema = versionedChange(serviceFields);
export type UpdateServiceData = z.output<typeof updateServiceSchema>;

// ── Which centre helps with which service ──

const HELP_KINDS = [
  "CONSULTATION",
  "ACCOUNT_REGISTRATION",
  "IDENTITY_CONFIRMATION",
  "APPLICATION_FILLING",
  "STATUS_TRACKING",
  "RESULT_PRINTING",
  "SIGNATURE_RENEWAL",
] as const;

export const setCentreServiceSchema = z.object({
  centreId: z.string(),
  serviceId: z.string(),
  helpKinds: z.array(z.enum(HELP_KINDS)).min(1, "SERVICE_HELP_KIND_REQUIRED"),
  note: optionalText(2000),
});
export type SetCentreServiceData = z.output<typeof setCentreServiceSchema>;

export const removeCentreServiceSchema = z.object({ centreId: z.string(), serviceId: z.string() });
export type RemoveCentreServiceData = z.output<typeof removeCentreServiceSchema>;
