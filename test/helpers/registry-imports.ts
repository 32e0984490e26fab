// A register to import, as a region brings it (test/api/registry-imports.test.ts): regions with
// Pskov's municipalities (the demo's geography data), their host organisations and 141 centres
// as spreadsheet rows, and the import's input and answer.
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { isRuralTown, REGIONS } from "../../prisma/seed/demo/geography-data.js";

export type Headers = Record<string, string>;
export type Cells = (string | number | null)[];

export const BATCH = `id kind status rowCount created updated unchanged fileName region { code }
  errors { line column code reason }`;

export interface Batch {
  id: string;
  kind: string;
  status: string;
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
  fileName: string | null;
  region: { code: string } | null;
  errors: { line: number; column: string | null; code: string; reason: string }[];
}

const PSKOV_MUNICIPALITIES = REGIONS.find((region) => region.code === "60")?.municipalities ?? [];

/** A region of this file with Pskov's municipalities, settlements and OKTMO-like codes of its own. */
export async function pskovLike(code: string, prefix: string) {
  const region = await prisma.region.create({ data: { code, name: `Псковская область (тест ${code})` } });
  const municipalities = [];
  for (const [i, spec] of PSKOV_MUNICIPALITIES.entries()) {
    const oktmo = `${prefix}${String(i + 1).padStart(2, "0")}000`;
    const villages = Array.from({ length: spec.villages }, (_, k) => `Деревня ${i + 1}-${k + 1}`);
    const town = spec.town?.replace(/^(г\.|рп|д\.|с\.|п\.) /, "") ?? null;
    const m = await prisma.municipality.create({
      data: {
        regionId: region.id,
        oktmo,
        name: spec.name,
        kind: spec.kind,
        settlements: {
          create: [
            ...(town && spec.town ? [{ name: town, isRural: isRuralTown(spec.town) }] : []),
            ...villages.map((name) => ({ name, isRural: true })),
          ],
        },
      },
    });
    municipalities.push({ id: m.id, oktmo, spec, town, villages });
  }
  return { id: region.id, gid: toGlobalId("Region", region.id), code, municipalities };
}
export type TestRegion = Awaited<ReturnType<typeof pskovLike>>;

export const ORGANISATION_HEADER = ["Код", "Название", "Вид", "ОКТМО муниципалитета", "ИНН", "Адрес", "Сайт"];
export const CENTRE_HEADER = [
  "Код",
  "Название",
  "Код организации",
  "ОКТМО муниципалитета",
  "Населённый пункт",
  "Виды",
  "Адрес",
  "Широта",
  "Долгота",
  "Телефон",
  "Часы работы",
];

export function organisationRows(region: TestRegion): Cells[] {
  return [
    [
      "LIB-OBL",
      "Псковская областная универсальная научная библиотека",
      "Библиотека",
      region.municipalities[0]?.oktmo ?? null,
      null,
      "г. Псков, ул. Профсоюзная, д. 2",
      "https://pskovlib.ru",
    ],
    ...region.municipalities.map(
      (m, i): Cells => [
        `LIB-${i + 1}`,
        `МБУК «Библиотечная система» (${m.spec.name})`,
        "LIBRARY",
        m.oktmo,
        `60${region.code}${String(i + 1).padStart(5, "0")}`.slice(0, 10),
        `${m.spec.name}, ул. Ленина, д. 1`,
        null,
      ],
    ),
  ];
}

/** One row per centre: the towns' libraries, then one in each village (34 in all). */
export function centreRows(region: TestRegion): Cells[] {
  const rows: Cells[] = [];
  region.municipalities.forEach((m, i) => {
    const place = (settlement: string, n: number, rural: boolean): Cells => [
      `C-${String(rows.length + 1).padStart(3, "0")}`,
      `ПЦПИ — библиотека № ${n}, ${settlement}`,
      i === 0 && n === 1 ? "LIB-OBL" : `LIB-${i + 1}`,
      m.oktmo,
      settlement,
      rural ? "ПЦПИ, ЦОД" : "ПЦПИ",
      `${m.spec.name}, ${settlement}, ул. Советская, д. ${n}`,
      Number((m.spec.lat + n / 1000).toFixed(4)),
      Number((m.spec.lon + n / 1000).toFixed(4)),
      `+7 (8112) 2${i}-00-${String(n).padStart(2, "0")}`,
      rural ? null : "Пн-Пт 09:00-18:00; Сб 10:00-16:00",
    ];
    for (let n = 1; m.town && n <= m.spec.townCentres; n += 1) rows.push(place(m.town, n, false));
    for (const [k, village] of m.villages.entries()) rows.push(place(village, k + 1, true));
  });
  return rows;
}

const quote = (cell: string | number | null) => {
  const text = cell === null ? "" : String(cell);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
export const csv = (header: string[], rows: Cells[]) =>
  Buffer.from(`\uFEFF${[header, ...rows].map((row) => row.map(quote).join(",")).join("\r\n")}\r\n`, "utf8");

export function importInput(region: TestRegion, kind: string, bytes: Buffer, format = "CSV") {
  return { regionId: region.gid, kind, format, content: bytes.toString("base64"), fileName: `${kind}.${format}` };
}

export const centreLogs = (region: TestRegion) =>
  prisma.changeLog.count({ where: { regionId: region.id, entity: "Centre" } });
