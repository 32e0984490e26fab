// On a real PostgreSQL server each worker runs its files on a seeded copy of the suite's
// database of its own (test/helpers/global-setup.ts): this points the file at its worker's copy
// before it imports anything that connects. On PGlite there is one worker and no copy.
const copies = process.env.DOSTUP_TEST_DATABASE_URLS?.split(" ").filter(Boolean) ?? [];
const worker = Number(process.env.VITEST_POOL_ID ?? "1");
const copy = copies[(worker - 1) % Math.max(copies.length, 1)];
if (copy) process.env.DATABASE_URL = copy;
