// Deterministic generators for the demo seed: a seeded PRNG, fictional Russian names,
// well-formed (check-digit valid) INN/OGRN numbers and small date helpers. Everything is
// driven by one seed so that two runs produce the same names, numbers and figures.
import { transliterate } from "../../api/lib/translit.js";

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy; the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: tiny and fast; statistical quality is more than demo data needs. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick() from an empty list");
      return items[int(0, items.length - 1)] as T;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
  };
}

// ───────────────────────────── Names ─────────────────────────────

/** Masculine surnames ending in -ов/-ев/-ин/-ский, so the feminine form is regular. */
const LAST_NAMES = [
  "Авдеев",
  "Агафонов",
  "Белоусов",
  "Богданов",
  "Ветров",
  "Виноградов",
  "Воронин",
  "Гаврилов",
  "Голубев",
  "Гусев",
  "Давыдов",
  "Денисов",
  "Ефимов",
  "Журавлёв",
  "Зайцев",
  "Зимин",
  "Игнатьев",
  "Калинин",
  "Карпов",
  "Киселёв",
  "Ковалёв",
  "Козлов",
  "Комаров",
  "Корнилов",
  "Крылов",
  "Кудрявцев",
  "Лебедев",
  "Логинов",
  "Лукин",
  "Макаров",
  "Медведев",
  "Мельников",
  "Миронов",
  "Моисеев",
  "Назаров",
  "Никитин",
  "Новиков",
  "Осипов",
  "Панов",
  "Пестов",
  "Полянский",
  "Пономарёв",
  "Поляков",
  "Романов",
  "Рябинин",
  "Савельев",
  "Самойлов",
  "Семёнов",
  "Соболев",
  "Соколов",
  "Сорокин",
  "Суханов",
  "Тарасов",
  "Тихонов",
  "Трофимов",
  "Устинов",
  "Филиппов",
  "Фомин",
  "Чернов",
  "Шаров",
  "Широков",
  "Щукин",
  "Юдин",
  "Яковлев",
  "Березовский",
  "Вишневский",
  "Городецкий",
  "Загорский",
  "Покровский",
  "Раевский",
];

const MALE_FIRST = [
  "Александр",
  "Алексей",
  "Андрей",
  "Артём",
  "Борис",
  "Вадим",
  "Виктор",
  "Владимир",
  "Георгий",
  "Денис",
  "Дмитрий",
  "Евгений",
  "Егор",
  "Илья",
  "Кирилл",
  "Константин",
  "Максим",
  "Михаил",
  "Никита",
  "Николай",
  "Олег",
  "Павел",
  "Роман",
  "Сергей",
  "Степан",
  "Юрий",
];

const FEMALE_FIRST = [
  "Алина",
  "Анастасия",
  "Анна",
  "Валентина",
  "Вера",
  "Галина",
  "Дарья",
  "Елена",
  "Елизавета",
  "Ирина",
  "Ксения",
  "Лариса",
  "Любовь",
  "Людмила",
  "Мария",
  "Надежда",
  "Наталья",
  "Нина",
  "Оксана",
  "Ольга",
  "Полина",
  "Светлана",
  "Софья",
  "Татьяна",
  "Юлия",
];

/** Patronymics as [masculine, feminine]. */
const PATRONYMICS: readonly (readonly [string, string])[] = [
  ["Александрович", "Александровна"],
  ["Алексеевич", "Алексеевна"],
  ["Андреевич", "Андреевна"],
  ["Борисович", "Борисовна"],
  ["Васильевич", "Васильевна"],
  ["Викторович", "Викторовна"],
  ["Владимирович", "Владимировна"],
  ["Геннадьевич", "Геннадьевна"],
  ["Дмитриевич", "Дмитриевна"],
  ["Евгеньевич", "Евгеньевна"],
  ["Иванович", "Ивановна"],
  ["Игоревич", "Игоревна"],
  ["Михайлович", "Михайловна"],
  ["Николаевич", "Николаевна"],
  ["Олегович", "Олеговна"],
  ["Павлович", "Павловна"],
  ["Петрович", "Петровна"],
  ["Сергеевич", "Сергеевна"],
  ["Юрьевич", "Юрьевна"],
];

/**
 * Surnames of the real people named in the source documents. The demo must never put a
 * real person's name on a fictional curator, so generated names avoid them outright.
 */
const REAL_PEOPLE_SURNAMES = [
  "федоров",
  "фёдоров",
  "галанцев",
  "цицеронов",
  "нильский",
  "анохин",
  "руденя",
  "григоренко",
];

export interface PersonName {
  lastName: string;
  firstName: string;
  middleName: string;
  female: boolean;
}

function feminine(lastName: string): string {
  return lastName.endsWith("ский") ? `${lastName.slice(0, -4)}ская` : `${lastName}а`;
}

export function isRealPersonSurname(lastName: string): boolean {
  const lower = lastName.toLowerCase();
  return REAL_PEOPLE_SURNAMES.some((real) => lower.startsWith(real));
}

/** Unique fictional full names (about 3 × 10⁴ combinations per gender, far more than needed). */
export function createNameGenerator(random: Random): () => PersonName {
  const used = new Set<string>();
  return () => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const female = random.chance(0.6);
      const base = random.pick(LAST_NAMES);
      const patronymic = random.pick(PATRONYMICS);
      const name: PersonName = {
        lastName: female ? feminine(base) : base,
        firstName: random.pick(female ? FEMALE_FIRST : MALE_FIRST),
        middleName: female ? patronymic[1] : patronymic[0],
        female,
      };
      const key = `${name.lastName} ${name.firstName} ${name.middleName}`;
      if (used.has(key) || isRealPersonSurname(name.lastName)) continue;
      used.add(key);
      return name;
    }
    throw new Error("The name generator ran out of unique combinations.");
  };
}

/** Latin spelling for e-mail local parts (passport-style transliteration, lower case). */
export function translit(text: string): string {
  return transliterate(text.toLowerCase()).replace(/[^a-z0-9]/g, "");
}

// ───────────────────────────── INN / OGRN ─────────────────────────────

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];

/** The check digit of a 10-digit organisation INN from its first nine digits. */
export function inn10CheckDigit(firstNine: string): number {
  const sum = INN10_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(firstNine[i]), 0);
  return (sum % 11) % 10;
}

/** The check digit of a 13-digit OGRN from its first twelve digits. */
export function ogrnCheckDigit(firstTwelve: string): number {
  return Number((BigInt(firstTwelve) % 11n) % 10n);
}

function digits(random: Random, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += String(random.int(0, 9));
  return out;
}

/**
 * Fictional but valid registration numbers: INN = region code + tax office + serial + check
 * digit; OGRN = 1 + year (2002–2022) + region code + serial + check digit. Unique per run.
 */
export function createRegistryNumbers(random: Random): {
  inn(regionCode: string): string;
  ogrn(regionCode: string): string;
} {
  const used = new Set<string>();
  const unique = (make: () => string): string => {
    for (;;) {
      const value = make();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
  return {
    inn: (regionCode) =>
      unique(() => {
        const firstNine = `${regionCode}${String(random.int(1, 30)).padStart(2, "0")}${digits(random, 5)}`;
        return `${firstNine}${inn10CheckDigit(firstNine)}`;
      }),
    ogrn: (regionCode) =>
      unique(() => {
        const firstTwelve = `1${String(random.int(2, 22)).padStart(2, "0")}${regionCode}${digits(random, 7)}`;
        return `${firstTwelve}${ogrnCheckDigit(firstTwelve)}`;
      }),
  };
}

// ───────────────────────────── Dates ─────────────────────────────

/** A calendar date (midnight UTC), the form Prisma writes to `@db.Date` columns unchanged. */
export function day(year: number, month: number, dayOfMonth: number): Date {
  return new Date(Date.UTC(year, month - 1, dayOfMonth));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

export function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
}

/** Today as a calendar date (UTC), the anchor for "expires soon" and recent periods. */
export function today(): Date {
  const now = new Date();
  return day(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

/** The first day of the month `monthsBack` months before the current one. */
export function monthStart(monthsBack: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1));
}

/** The last day of the month that starts on `start`. */
export function monthEnd(start: Date): Date {
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
}
