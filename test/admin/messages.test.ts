// The panel speaks Russian by default and English on request: every message key one language
// has, the other has too, or a screen shows a raw key (or English) in the middle of Russian.
// Checked per file: the panel's own messages, the dashboard's, and each resource's.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const admin = new URL("../../admin/src/", import.meta.url).pathname;

type Messages = { [key: string]: string | Messages };

/** Every leaf key of a message tree, as a dotted path, sorted. */
function keys(tree: Messages, prefix = ""): string[] {
  return Object.entries(tree)
    .flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)))
    .sort();
}

// Loaded by path: the panel's files resolve their imports as a bundler does, not as this
// project's Node settings would type-check them.
const load = (...path: string[]) => import(join(admin, ...path)) as Promise<Record<string, Messages>>;

const sources: [string, () => Promise<{ ru: Messages; en: Messages }>][] = [
  [
    "i18n/ru.ts and i18n/en.ts",
    async () => ({ ru: (await load("i18n", "ru.ts")).ru ?? {}, en: (await load("i18n", "en.ts")).en ?? {} }),
  ],
  ...[
    "dashboard",
    ...readdirSync(join(admin, "resources"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `resources/${entry.name}`),
  ].map(
    (folder) =>
      [
        `${folder}/messages.ts`,
        async () => {
          const messages = await load(folder, "messages.ts");
          return { ru: messages.ru ?? {}, en: messages.en ?? {} };
        },
      ] as [string, () => Promise<{ ru: Messages; en: Messages }>],
  ),
];

describe("the panel's messages", () => {
  it.each(sources)("%s: Russian and English have the same keys", async (_name, load) => {
    const { ru, en } = await load();
    expect(keys(ru).length).toBeGreaterThan(0);
    expect(keys(en)).toEqual(keys(ru));
  });
});
