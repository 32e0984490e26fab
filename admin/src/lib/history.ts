// How a history entry reads for a librarian: each changed field under the label its form gives
// it, values in words (names instead of ids, enum values and yes/no in Russian, dates and numbers
// the Russian way), a report's values as indicator → old → new, and a transition's facts as a
// sentence. Pure rules over a `translate` function, so they are tested without a browser.
import { formatBoolean, formatDate, formatDateTime, formatNumber, isDay, isMoment } from "./format";

/** One changed field as the API's `ChangeEntry.fields` gives it. */
export interface ChangeFieldData {
  field: string;
  label: string | null;
  /** JSON of the value before / after. */
  from: string | null;
  to: string | null;
  names: { id: string; name: string | null }[];
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface HistoryOptions {
  /** The ChangeLog entity (e.g. "Centre"): picks the enum of fields such as `status`. */
  entity: string;
  /** The panel's resource whose field labels name the fields (e.g. "centres"). */
  resource: string;
  translate: Translate;
  language: string;
}

export interface FieldRow {
  field: string;
  label: string;
  from: string;
  to: string;
}

export interface ValueRow {
  indicator: string;
  from: { total: string; rural: string };
  to: { total: string; rural: string };
}

export interface RenderedChange {
  fields: FieldRow[];
  values: ValueRow[];
  /** The facts of a transition (a reason, a comment) as one sentence, or null. */
  note: string | null;
}

/** Enums of fields whose meaning depends on the record (a centre's status is not a report's). */
const ENUM_BY_ENTITY: Record<string, Record<string, string>> = {
  Centre: { status: "CentreStatus", kinds: "CentreKind" },
  Service: { status: "PublicationStatus", level: "ServiceLevel" },
  LifeSituation: { status: "PublicationStatus", kind: "LifeSituationKind" },
  Report: { status: "ReportStatus", scope: "ReportScope" },
  ReportForm: { status: "ReportFormStatus", periodicity: "Periodicity" },
  Feedback: { status: "FeedbackStatus", subject: "FeedbackSubject" },
  SystemicError: { status: "SystemicErrorStatus" },
  StoredFile: { status: "FileStatus" },
  QualityStandard: { status: "StandardStatus" },
  ImportBatch: { status: "ImportStatus", kind: "ImportKind" },
  Organisation: { kind: "OrganisationKind" },
  Municipality: { kind: "MunicipalityKind" },
  Event: { kind: "EventKind", audience: "EventAudience" },
  User: { role: "UserRole" },
  CuratorAssignment: { role: "CuratorRole", targetType: "CuratorTarget" },
  Population: { level: "PopulationLevel" },
  Kpi: { direction: "TargetDirection" },
  KpiValue: { source: "KpiValueSource" },
};

/** Enums of fields that mean the same wherever they are. */
const ENUM_BY_FIELD: Record<string, string> = {
  helpKinds: "CentreHelpKind",
  direction: "TargetDirection",
  periodicity: "Periodicity",
  audience: "EventAudience",
};

/** Every enum the panel names, tried in turn for a value of a field no rule above covers. */
const ENUMS = [
  ...new Set([
    ...Object.values(ENUM_BY_ENTITY).flatMap((fields) => Object.values(fields)),
    ...Object.values(ENUM_BY_FIELD),
  ]),
  "MunicipalityKind",
  "RegistryImportKind",
  "ChangeAction",
];

const ENUM_VALUE = /^[A-Z][A-Z0-9_]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A weekly interval as the history stores it: "1 09:00-18:00" (weekday, opens, closes). */
const MIDNIGHT = /T00:00:00(\.000)?Z$/;
const HOURS = /^([1-7]) (\d{2}:\d{2})-(\d{2}:\d{2})$/;

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

/** A message if it exists, else undefined (react-admin returns the `_` fallback for a missing key). */
function message(translate: Translate, key: string, params: Record<string, unknown> = {}): string | undefined {
  const text = translate(key, { ...params, _: key });
  return text === key ? undefined : text;
}

/** A field's label: the resource's form label, else the history's own, else the field in words. */
export function fieldLabel(field: string, { resource, translate }: Pick<HistoryOptions, "resource" | "translate">) {
  return (
    message(translate, `resources.${resource}.fields.${field}`) ??
    message(translate, `dostup.history.fields.${field}`) ??
    field
      .replace(/Ids?$/, "")
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase()
  );
}

function enumLabel(value: string, field: string, { entity, translate }: HistoryOptions): string | undefined {
  const own = ENUM_BY_ENTITY[entity]?.[field] ?? ENUM_BY_FIELD[field];
  if (own) {
    const text = message(translate, `enums.${own}.${value}`);
    if (text) return text;
  }
  for (const type of ENUMS) {
    const text = message(translate, `enums.${type}.${value}`);
    if (text) return text;
  }
  // A partner key's scopes, and codes of the history's own (why sessions ended, why a file was refused).
  return message(translate, `dostup.apiClients.scope.${value}`) ?? message(translate, `dostup.history.codes.${value}`);
}

/** A value in words: names for ids, Russian enums, yes/no, dates and numbers the language's way. */
export function valueText(
  value: unknown,
  field: string,
  names: ReadonlyMap<string, string | null>,
  options: HistoryOptions,
): string {
  const { translate, language } = options;
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return formatBoolean(value, language);
  if (typeof value === "number") return formatNumber(value, language);
  if (typeof value === "string") {
    if (names.has(value)) return names.get(value) ?? translate("dostup.history.unavailable");
    if (UUID.test(value)) return translate("dostup.history.linked");
    const hours = HOURS.exec(value);
    if (hours) {
      const day = message(translate, `dostup.centres.weekdays.${hours[1]}`) ?? hours[1];
      return `${day} ${hours[2]}–${hours[3]}`;
    }
    // Calendar days (a period, a due date) come as midnight UTC: the day, without a time.
    if (isMoment(value))
      return MIDNIGHT.test(value) ? formatDate(value.slice(0, 10), language) : formatDateTime(value, language);
    if (isDay(value)) return formatDate(value, language);
    if (ENUM_VALUE.test(value)) return enumLabel(value, field, options) ?? value;
    return value;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? "—" : value.map((item) => valueText(item, field, names, options)).join(", ");
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, inner]) => inner !== null && inner !== undefined && inner !== "",
    );
    if (entries.length === 0) return "—";
    return entries
      .map(([key, inner]) => `${fieldLabel(key, options)}: ${valueText(inner, key, names, options)}`)
      .join("; ");
  }
  return String(value);
}

const VALUES = "values.";
const HIDDEN_FIELDS = new Set(["id", "key"]);
const NOTE = "_note.";

function reportValue(value: unknown, language: string): { total: string; rural: string } {
  const { total = null, rural = null } = (value ?? {}) as { total?: number | null; rural?: number | null };
  const number = (n: number | null) => (typeof n === "number" ? formatNumber(n, language) : "—");
  return { total: number(total), rural: number(rural) };
}

/** One history entry's fields as a librarian reads them. */
export function renderChange(fields: readonly ChangeFieldData[], options: HistoryOptions): RenderedChange {
  const { translate, language } = options;
  const rendered: RenderedChange = { fields: [], values: [], note: null };
  const facts: { label: string; text: string }[] = [];
  for (const change of fields) {
    // The record's own id says nothing the page does not already show, a file's storage key nothing to a person.
    if (HIDDEN_FIELDS.has(change.field)) continue;
    const names = new Map(change.names.map((record) => [record.id, record.name]));
    const from = parse(change.from);
    const to = parse(change.to);
    if (change.field.startsWith(VALUES)) {
      rendered.values.push({
        indicator: change.label ?? change.field.slice(VALUES.length),
        from: reportValue(from, language),
        to: reportValue(to, language),
      });
    } else if (change.field.startsWith(NOTE)) {
      const key = change.field.slice(NOTE.length);
      const label = message(translate, `dostup.history.note_fields.${key}`) ?? fieldLabel(key, options);
      facts.push({ label, text: valueText(to, key, names, options) });
    } else {
      const row = {
        field: change.field,
        label: fieldLabel(change.field, options),
        from: valueText(from, change.field, names, options),
        to: valueText(to, change.field, names, options),
      };
      // A field left empty on creation (an empty list, say) changed nothing a person sees.
      if (row.from !== row.to) rendered.fields.push(row);
    }
  }
  // A fact a changed field already shows (a return's reason, kept on the report too) is said once.
  const told = facts.filter((fact) => !rendered.fields.some((row) => row.to === fact.text));
  if (told.length > 0) {
    rendered.note = `${told.map((fact) => `${fact.label}: ${fact.text}`.replace(/[.\s]+$/, "")).join(". ")}.`;
  }
  return rendered;
}
