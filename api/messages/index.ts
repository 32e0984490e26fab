// Every message a person reads from the API, by a stable code with parameters: English for API
// clients, Russian for `Accept-Language: ru` (the admin panel). Pure data and formatting, no
// imports beyond this folder, so the panel renders the same catalogue (admin/src/lib/messages.ts).
// A module's own codes live in parts/<area>.ts; test/api/messages.test.ts checks that every code
// has both texts and that they name the same parameters.
import { analytics } from "./parts/analytics.js";
import { apiClients } from "./parts/api-clients.js";
import { auth } from "./parts/auth.js";
import { centres } from "./parts/centres.js";
import { common } from "./parts/common.js";
import { directory } from "./parts/directory.js";
import { ENTITIES } from "./parts/entities.js";
import { events } from "./parts/events.js";
import { feedback } from "./parts/feedback.js";
import { files } from "./parts/files.js";
import { geography } from "./parts/geography.js";
import { imports } from "./parts/imports.js";
import { kpis } from "./parts/kpis.js";
import { lifeSituations } from "./parts/life-situations.js";
import { notifications } from "./parts/notifications.js";
import { organisations } from "./parts/organisations.js";
import { partners } from "./parts/partners.js";
import { people } from "./parts/people.js";
import { population } from "./parts/population.js";
import { quality } from "./parts/quality.js";
import { reports } from "./parts/reports.js";
import { requests } from "./parts/requests.js";
import { services } from "./parts/services.js";
import { spreadsheets } from "./parts/spreadsheets.js";
import { systemicErrors } from "./parts/systemic-errors.js";

import type { Language, MessageParams, MessageTable } from "./types.js";

export type { Language, MessageParams, MessageTable, MessageText } from "./types.js";

export const MESSAGES = {
  ...analytics,
  ...apiClients,
  ...auth,
  ...centres,
  ...common,
  ...directory,
  ...events,
  ...feedback,
  ...files,
  ...geography,
  ...imports,
  ...kpis,
  ...lifeSituations,
  ...notifications,
  ...organisations,
  ...partners,
  ...population,
  ...people,
  ...quality,
  ...reports,
  ...systemicErrors,
  ...requests,
  ...spreadsheets,
  ...services,
} as const satisfies MessageTable;

export type MessageCode = keyof typeof MESSAGES;

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === "string" && Object.hasOwn(MESSAGES, code);
}

/** A term of parts/entities.ts (a record kind, a status, a step), if `text` is one. */
function term(text: string) {
  return Object.hasOwn(ENTITIES, text) ? ENTITIES[text as keyof typeof ENTITIES] : undefined;
}

/**
 * A parameter as the language says it: an `entity` (or any parameter ending in "Entity") is a
 * term of parts/entities.ts, translated, or a list of terms ("CLOSED, IN_PROGRESS"), said item by
 * item («Закрыто» или «В работе»); everything else as given.
 */
function paramText(name: string, value: MessageParams[string], language: Language): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return language === "ru" ? (value ? "да" : "нет") : String(value);
  const text = String(value);
  if (name === "entity" || name.endsWith("Entity")) {
    const single = term(text);
    if (single) return single[language];
    const items = text.split(", ").map(term);
    if (language === "ru" && items.length > 1 && items.every(Boolean)) {
      const words = items.map((item) => `«${item?.ru}»`);
      return `${words.slice(0, -1).join(", ")} или ${words.at(-1)}`;
    }
  }
  return text;
}

/** `{name}` placeholders of a template, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
}

/** The message of `code` in `language`, its placeholders filled from `params`. */
export function formatMessage(code: MessageCode, params: MessageParams | undefined, language: Language): string {
  const template = MESSAGES[code][language];
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => paramText(name, params?.[name], language));
}

/**
 * The language an Accept-Language header prefers among ours: Russian when a `ru` tag comes
 * first by weight, English otherwise (API clients that say nothing get English).
 */
export function languageOf(acceptLanguage: string | null | undefined): Language {
  if (!acceptLanguage) return "en";
  let best: { language: Language; weight: number } | null = null;
  for (const part of acceptLanguage.split(",")) {
    const [tag = "", ...options] = part.trim().toLowerCase().split(";");
    const q = options.map((option) => /^\s*q=([\d.]+)\s*$/.exec(option)?.[1]).find(Boolean);
    const weight = q === undefined ? 1 : Number(q);
    const language = tag === "ru" || tag.startsWith("ru-") ? "ru" : tag === "en" || tag.startsWith("en-") ? "en" : null;
    if (language && Number.isFinite(weight) && weight > 0 && (!best || weight > best.weight))
      best = { language, weight };
  }
  return best?.language ?? "en";
}
