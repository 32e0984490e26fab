// How the History tab and the rest of the panel say values to a librarian: the rules of
// lib/history.ts and lib/format.ts with the panel's own Russian messages, no browser needed.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const admin = new URL("../../admin/src/", import.meta.url).pathname;

type Messages = { [key: string]: string | Messages };

// The shapes of lib/history.ts, restated: the panel's files import as a bundler resolves them,
// which the root type-check cannot follow.
interface ChangeFieldData {
  field: string;
  label: string | null;
  from: string | null;
  to: string | null;
  names: { id: string; name: string | null }[];
}
interface HistoryOptions {
  entity: string;
  resource: string;
  translate: (key: string, options?: Record<string, unknown>) => string;
  language: string;
}
interface Row {
  field: string;
  label: string;
  from: string;
  to: string;
}
interface RenderedChange {
  fields: Row[];
  values: { indicator: string; from: { total: string; rural: string }; to: { total: string; rural: string } }[];
  note: string | null;
}

// Loaded by path: the panel's files resolve their imports as a bundler does (see messages.test.ts).
const load = <T>(...path: string[]) => import(join(admin, ...path)) as Promise<T>;
const { renderChange } = await load<{
  renderChange: (fields: readonly ChangeFieldData[], options: HistoryOptions) => RenderedChange;
}>("lib", "history.ts");
const format = await load<typeof import("../../admin/src/lib/format.js")>("lib", "format.ts");

/** The Russian messages the panel merges: its own and every resource's. */
async function russian(): Promise<Messages> {
  const trees: Messages[] = [(await load<{ ru: Messages }>("i18n", "ru.ts")).ru];
  for (const entry of readdirSync(join(admin, "resources"), { withFileTypes: true })) {
    if (entry.isDirectory()) trees.push((await load<{ ru: Messages }>("resources", entry.name, "messages.ts")).ru);
  }
  const merge = (into: Messages, from: Messages) => {
    for (const [key, value] of Object.entries(from)) {
      const existing = into[key];
      if (typeof value === "object" && typeof existing === "object") merge(existing, value);
      else into[key] = typeof value === "object" ? merge({}, value) : value;
    }
    return into;
  };
  return trees.reduce((all, tree) => merge(all, tree), {} as Messages);
}

const messages = await russian();

/** react-admin's translate over those messages: a missing key gives `_` (or the key). */
function translate(key: string, options: Record<string, unknown> = {}): string {
  let node: string | Messages | undefined = messages;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") return typeof options._ === "string" ? options._ : key;
  return node.replace(/%\{(\w+)\}/g, (_, name: string) => String(options[name] ?? ""));
}

const options = (entity: string, resource: string): HistoryOptions => ({ entity, resource, translate, language: "ru" });

const change = (field: string, from: unknown, to: unknown, extra: Partial<ChangeFieldData> = {}): ChangeFieldData => ({
  field,
  label: null,
  from: from === null ? null : JSON.stringify(from),
  to: to === null ? null : JSON.stringify(to),
  names: [],
  ...extra,
});

const ORG_A = "0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8";
const ORG_B = "1b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8";
const HIDDEN = "2b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8";

describe("history entries", () => {
  it("labels fields as the forms do and names records instead of ids", () => {
    const { fields } = renderChange(
      [
        change("organisationId", ORG_A, ORG_B, {
          names: [
            { id: ORG_A, name: "ЦБС г. Смоленска" },
            { id: ORG_B, name: "Библиотека им. Твардовского" },
          ],
        }),
        change("regionId", HIDDEN, null, { names: [{ id: HIDDEN, name: null }] }),
        change("contactsConsent", false, true),
      ],
      options("Person", "people"),
    );
    expect(fields).toEqual([
      { field: "organisationId", label: "Организация", from: "ЦБС г. Смоленска", to: "Библиотека им. Твардовского" },
      { field: "regionId", label: "Регион", from: "запись недоступна", to: "—" },
      { field: "contactsConsent", label: "Согласие на публикацию контактов", from: "нет", to: "да" },
    ]);
    expect(JSON.stringify(fields)).not.toContain(ORG_A);
  });

  it("says enum values in Russian, by the record's own enum", () => {
    const centre = renderChange([change("status", "ACTIVE", "CLOSED")], options("Centre", "centres")).fields[0];
    const report = renderChange([change("status", "SUBMITTED", "RETURNED")], options("Report", "reports")).fields[0];
    expect(centre).toMatchObject({ from: "Работает", to: "Закрыт" });
    expect(report).toMatchObject({ from: "На проверке", to: "Возвращён на доработку" });
  });

  it("writes dates, moments and numbers the Russian way", () => {
    const { fields } = renderChange(
      [
        change("validUntil", "2026-03-01", "2027-03-01"),
        change("lastVerifiedAt", null, "2026-12-07T09:05:00.000Z"),
        change("workstations", 12000, 123456.7),
      ],
      options("Centre", "centres"),
    );
    expect(fields.map((row) => [row.from, row.to])).toEqual([
      ["01.03.2026", "01.03.2027"],
      ["—", format.formatDateTime("2026-12-07T09:05:00.000Z")],
      ["12 000", "123 456,7"].map((text) => text.replace(/ /g, "\u00a0")),
    ]);
    expect(fields[1]?.to).toMatch(/^07\.12\.2026, \d{2}:05$/);
  });

  it("writes a calendar day without a time and leaves out what stayed empty", () => {
    const { fields } = renderChange(
      [
        change("periodStart", null, "2026-05-01T00:00:00.000Z"),
        change("requiredDocuments", null, []),
        change("name", null, "Услуга"),
      ],
      options("Report", "reports"),
    );
    expect(fields.map((row) => row.to)).toEqual(["01.05.2026", "Услуга"]);
  });

  it("shows a report's values as indicator, before and after, total and rural part", () => {
    const rendered = renderChange(
      [
        change("values.USERS", { total: 10, rural: 4 }, { total: 12, rural: 5 }, { label: "Число пользователей" }),
        change("values.REQ_E_APPEALS", null, { total: 3, rural: null }, { label: "Электронные обращения" }),
      ],
      options("Report", "reports"),
    );
    expect(rendered.fields).toEqual([]);
    expect(rendered.values).toEqual([
      { indicator: "Число пользователей", from: { total: "10", rural: "4" }, to: { total: "12", rural: "5" } },
      { indicator: "Электронные обращения", from: { total: "—", rural: "—" }, to: { total: "3", rural: "—" } },
    ]);
  });

  it("tells a transition's facts as a sentence, beside the status change", () => {
    const rendered = renderChange(
      [change("status", "SUBMITTED", "RETURNED"), change("_note.reason", null, "Нет данных за январь.")],
      options("Report", "reports"),
    );
    expect(rendered.note).toBe("Причина: Нет данных за январь.");
    expect(rendered.fields.map((row) => row.label)).toEqual(["Статус"]);
    // A fact a changed field shows already is not told twice.
    const kept = renderChange(
      [change("returnReason", null, "Нет данных."), change("_note.reason", null, "Нет данных.")],
      options("Report", "reports"),
    );
    expect(kept.fields.map((row) => row.to)).toEqual(["Нет данных."]);
    expect(kept.note).toBeNull();
  });

  it("says why a user's sessions ended, and a user's regions by name", () => {
    const rendered = renderChange(
      [
        change("regions", [ORG_A], [ORG_A, ORG_B], {
          names: [
            { id: ORG_A, name: "Смоленская область" },
            { id: ORG_B, name: "Псковская область" },
          ],
        }),
        change("_note.sessionsEnded", null, 2),
        change("_note.reason", null, "ACCESS_CHANGED"),
      ],
      options("User", "users"),
    );
    expect(rendered.fields).toEqual([
      { field: "regions", label: "Регионы", from: "Смоленская область", to: "Смоленская область, Псковская область" },
    ]);
    expect(rendered.note).toBe("Завершено сеансов: 2. Причина: изменены права доступа.");
  });

  it("never shows raw JSON, ids or codes for what it has no rule for", () => {
    const { fields } = renderChange(
      [
        change("openingHours", ["1 09:00-18:00"], ["1 09:00-17:00", "6 10:00-14:00"]),
        change("centreService", null, { serviceId: ORG_A, helpKinds: ["CONSULTATION"], note: null }),
        change("someNewFlag", null, { nested: { deeper: true } }),
        change("reportId", null, HIDDEN),
      ],
      options("Centre", "centres"),
    );
    for (const row of fields) {
      expect(`${row.from} ${row.to}`).not.toMatch(/[{}[\]"]|[0-9a-f]{8}-[0-9a-f]{4}/);
    }
    expect(fields[0]?.to).toBe("Понедельник 09:00–17:00, Суббота 10:00–14:00");
    expect(fields[1]?.to).toContain("Услуга: связанная запись");
    expect(fields[3]?.to).toBe("связанная запись");
  });
});

describe("Russian formats", () => {
  it("names reporting periods in words", () => {
    expect(format.formatPeriod("2026-01-01", "MONTHLY")).toBe("январь 2026");
    expect(format.formatPeriod("2026-04-01", "QUARTERLY")).toBe("II квартал 2026");
    expect(format.formatPeriod("2026-07-01", "HALF_YEARLY")).toBe("II полугодие 2026");
    expect(format.formatPeriod("2026-01-01", "ANNUAL")).toBe("2026 год");
    expect(format.formatPeriod("2026-10-01", "QUARTERLY", "en")).toBe("Q4 2026");
  });

  it("keeps a calendar day on its day and writes it as ДД.ММ.ГГГГ", () => {
    expect(format.formatDate("2026-01-31")).toBe("31.01.2026");
    expect(format.formatPercent(0.125)).toBe("12,5\u00a0%");
    expect(format.formatBoolean(true)).toBe("да");
  });

  it("writes days and moments in the panel's CSV exports as Russian Excel reads them", () => {
    expect(format.csvDate("2026-02-09")).toBe("09.02.2026");
    expect(format.csvDate("2026-02-09T00:00:00.000Z")).toBe("09.02.2026");
    expect(format.csvDate("2026-02-09T10:15:00.000Z")).toMatch(/^\d{2}\.02\.2026 \d{2}:15$/);
    expect(format.csvDate(null)).toBeNull();
  });
});
