// A filled-in registry template's rows as the records they state: every cell checked with the zod
// rule of the organisations', centres' or services' own inputs (their messages), references
// resolved within the region (municipality by OKTMO, settlement by name, host by code), codes
// given once. Every problem is collected, not just the first.
import { z } from "zod";
import { createCentreSchema, HHMM } from "../centres/centres.inputs.js";
import { createOrganisationSchema } from "../organisations/organisations.inputs.js";
import { createServiceSchema } from "../services/services.inputs.js";
import { registryCode } from "./imports.inputs.js";
import {
  parseHours,
  type RegistryKind,
  type RegistryProblem,
  RowReader,
  type SheetRow,
  type WeeklyHour,
} from "./registry-sheet.js";

/** What a file's references point at, within the region. */
export interface RegionRefs {
  /** Municipalities by OKTMO, each with its settlements by lower-case name. */
  municipalities: ReadonlyMap<string, { id: string; settlements: ReadonlyMap<string, string> }>;
  /** Organisations by code. */
  organisations: ReadonlyMap<string, string>;
}

/** One row as the record it states: its code, the columns it sets, and a centre's weekly hours. */
export interface RegistryRecord {
  line: number;
  code: string;
  data: Record<string, unknown>;
  /** A centre's weekly hours when the file gives them (null: leave them as they are). */
  hours: WeeklyHour[] | null;
}

const org = createOrganisationSchema.shape;
const centre = createCentreSchema.shape;
const service = createServiceSchema.shape;

const ORGANISATION_KINDS = {
  LIBRARY: ["Библиотека"],
  MFC: ["МФЦ"],
  AUTHORITY: ["Орган власти"],
  OTHER: ["Другая", "Другое", "Иная"],
} as const;

/** The centre kinds in the order the panel shows them, each with the names people write. */
const CENTRE_KINDS = {
  PUBLIC_ACCESS: ["ЦОД", "ЦОД — центр общественного доступа", "Центр общественного доступа"],
  LEGAL_INFO: ["ПЦПИ", "ПЦПИ — публичный центр правовой информации", "Публичный центр правовой информации"],
  IDENTITY: ["ЦПЛ", "Центр подтверждения личности", "Центр подтверждения личности (Госуслуги)"],
  MOBILE_OFFICE: ["Мобильный офис"],
  E_SERVICES_SECTOR: ["Сектор электронных услуг", "Сектор электронных государственных услуг"],
  MFC_WINDOW: ["Окно МФЦ"],
} as const;

const SERVICE_LEVELS = {
  REGIONAL: ["региональная", "региональный"],
  MUNICIPAL: ["муниципальная", "муниципальный"],
} as const;

type CentreKind = keyof typeof CENTRE_KINDS;

/** A municipality of the region by the row's OKTMO (numbers of XLSX cells read as written). */
function municipalityOf(reader: RowReader, refs: RegionRefs, required: boolean) {
  const oktmo = reader.text("municipalityOktmo");
  if (oktmo === null) return required ? undefined : null;
  const found = refs.municipalities.get(oktmo);
  if (!found)
    reader.problem(
      "municipalityOktmo",
      "UNKNOWN_REFERENCE",
      `No municipality of this region has the OKTMO ${oktmo}; see the region's municipalities for their codes.`,
    );
  return found;
}

function readOrganisation(reader: RowReader, refs: RegionRefs): Record<string, unknown> {
  const municipality = municipalityOf(reader, refs, false);
  return {
    name: reader.field("name", org.name),
    shortName: reader.field("shortName", org.shortName),
    kind: reader.choice("kind", ORGANISATION_KINDS),
    inn: reader.field("inn", org.inn),
    ogrn: reader.field("ogrn", org.ogrn),
    municipalityId: municipality === null ? null : municipality?.id,
    address: reader.field("address", org.address),
    phone: reader.field("phone", org.phone),
    email: reader.field("email", org.email),
    website: reader.field("website", org.website),
  };
}

function readKinds(reader: RowReader): CentreKind[] | undefined {
  const given = reader.text("kinds");
  // An empty cell is the usual centre: a centre of public access (ЦОД).
  if (given === null) return ["PUBLIC_ACCESS"];
  const kinds = new Set<CentreKind>();
  for (const part of given
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const kind = reader.choice("kinds", CENTRE_KINDS, part);
    if (kind === undefined || kind === null) return undefined;
    kinds.add(kind);
  }
  const ordered = (Object.keys(CENTRE_KINDS) as CentreKind[]).filter((kind) => kinds.has(kind));
  return reader.check("kinds", centre.kinds, ordered);
}

function readHours(reader: RowReader): WeeklyHour[] | null | undefined {
  const given = reader.text("hours");
  if (given === null) return null;
  const parsed = parseHours(given);
  if ("reason" in parsed) {
    reader.problem("hours", "INVALID_VALUE", `«${reader.header("hours")}»: ${parsed.reason}`);
    return undefined;
  }
  const bad = parsed.hours.find((h) => !HHMM.test(h.opens) || !HHMM.test(h.closes) || h.opens >= h.closes);
  if (bad) {
    reader.problem(
      "hours",
      "INVALID_VALUE",
      `«${reader.header("hours")}»: ${bad.opens}-${bad.closes} is not a time range; closing time must be after opening time (HH:MM).`,
    );
    return undefined;
  }
  return parsed.hours;
}

function readCentre(reader: RowReader, refs: RegionRefs): { data: Record<string, unknown>; hours: unknown } {
  const hostCode = reader.field("hostOrganisationCode", registryCode);
  const host = hostCode ? refs.organisations.get(hostCode) : undefined;
  if (hostCode && !host)
    reader.problem(
      "hostOrganisationCode",
      "UNKNOWN_REFERENCE",
      `No organisation of this region has the code ${hostCode}; import the organisations first.`,
    );
  const municipality = municipalityOf(reader, refs, true);
  const settlementName = reader.text("settlement");
  let settlementId: string | null | undefined = null;
  if (settlementName !== null && municipality) {
    settlementId = municipality.settlements.get(settlementName.toLowerCase().replaceAll("ё", "е"));
    if (!settlementId)
      reader.problem(
        "settlement",
        "UNKNOWN_REFERENCE",
        `The municipality with OKTMO ${reader.text("municipalityOktmo")} has no settlement «${settlementName}».`,
      );
  }
  const latitude = reader.number("latitude");
  const longitude = reader.number("longitude");
  const data = {
    name: reader.field("name", centre.name),
    hostOrganisationId: host,
    municipalityId: municipality?.id,
    settlementId,
    kinds: readKinds(reader),
    address: reader.field("address", centre.address),
    latitude: latitude == null ? latitude : reader.check("latitude", centre.latitude, latitude),
    longitude: longitude == null ? longitude : reader.check("longitude", centre.longitude, longitude),
    phone: reader.field("phone", centre.phone),
    email: reader.field("email", centre.email),
    website: reader.field("website", centre.website),
  };
  if (reader.problems.length === 0 && (latitude === null) !== (longitude === null))
    reader.problem("latitude", "INVALID_VALUE", "Give both latitude and longitude, or neither.");
  return { data, hours: readHours(reader) };
}

/** Whole numbers of working days, written as a number or as text. */
const wholeDays = z.coerce.number({ error: "WORKING_DAYS_WHOLE" });

function readService(reader: RowReader): Record<string, unknown> {
  const registryCell = reader.row.cells.registryId;
  // A 19-digit register id typed into Excel as a number has lost its last digits already.
  if (typeof registryCell === "number" && !Number.isSafeInteger(registryCell)) {
    reader.problem(
      "registryId",
      "INVALID_VALUE",
      `«${reader.header("registryId")}»: the number ${registryCell} is too long for a spreadsheet number; format the column as text and type it again.`,
    );
  }
  const days = reader.text("processingDays");
  const fee = reader.field("fee", service.fee);
  return {
    name: reader.field("name", service.name),
    shortName: reader.field("shortName", service.shortName),
    level: reader.choice("level", SERVICE_LEVELS),
    registryId: reader.field("registryId", service.registryId),
    socialSignificant: reader.yesNo("socialSignificant"),
    electronic: reader.yesNo("electronic"),
    processingDays:
      days === null
        ? null
        : reader.check("processingDays", wholeDays.pipe(service.processingDays.unwrap().unwrap()), days),
    // One written form, so that "3000.00" and the stored 3000 are the same fee.
    fee: typeof fee === "string" ? String(Number(fee)) : fee,
    portalUrl: reader.field("portalUrl", service.portalUrl),
  };
}

/** Columns whose values are unique across the country (registration and register numbers). */
export const UNIQUE_COLUMNS: Record<RegistryKind, readonly string[]> = {
  ORGANISATIONS: ["inn", "ogrn"],
  CENTRES: [],
  SERVICES: ["registryId"],
};

/**
 * The records a file's rows state, or every problem: cells against the modules' rules, references
 * within the region, each code (and each INN, OGRN, register id) once in the file.
 */
export function readRecords(
  kind: RegistryKind,
  rows: readonly SheetRow[],
  refs: RegionRefs,
): { records: RegistryRecord[]; problems: RegistryProblem[] } {
  const problems: RegistryProblem[] = [];
  const records: RegistryRecord[] = [];
  const seen = new Map<string, number>();
  const seenUnique = new Map<string, number>();
  for (const row of rows) {
    const reader = new RowReader(kind, row);
    const code = reader.field("code", registryCode);
    if (code) {
      const first = seen.get(code);
      if (first !== undefined)
        reader.problem("code", "DUPLICATE_CODE", `The code ${code} is also on line ${first}; give each record once.`);
      else seen.set(code, row.line);
    }
    let data: Record<string, unknown>;
    let hours: unknown = null;
    if (kind === "ORGANISATIONS") data = readOrganisation(reader, refs);
    else if (kind === "CENTRES") ({ data, hours } = readCentre(reader, refs));
    else data = readService(reader);
    for (const key of UNIQUE_COLUMNS[kind]) {
      const value = data[key];
      if (typeof value !== "string") continue;
      const first = seenUnique.get(`${key}:${value}`);
      if (first !== undefined)
        reader.problem(key, "INVALID_VALUE", `${value} is also on line ${first}; it belongs to one record only.`);
      else seenUnique.set(`${key}:${value}`, row.line);
    }
    problems.push(...reader.problems);
    if (reader.problems.length === 0 && code)
      records.push({ line: row.line, code, data, hours: (hours as WeeklyHour[] | null) ?? null });
  }
  return { records, problems };
}
