// The panel's one CSV writer (list exports): the same cells, quoted and defused as the API's
// writer does them, so an export opens safely in Excel of any locale.
import { describe, expect, it } from "vitest";
import { csvText } from "../../admin/src/components/csv.js";
import { readCsv } from "../../api/modules/spreadsheets/sheet-files.js";
import { formulaCells, NUMBER_CASES, TEXT_CASES } from "../helpers/csv-cases.js";

describe("the panel's CSV writer", () => {
  it.each(TEXT_CASES)("writes %j as %j", (cell, expected) => {
    expect(csvText([{ value: cell }])).toBe(`value\r\n${expected}`);
  });

  it.each(NUMBER_CASES)("writes the number %d as %j, a number still", (cell, expected) => {
    expect(csvText([{ value: cell }])).toBe(`value\r\n${expected}`);
  });

  it("writes empty cells empty and flags as true/false, in the header's order", () => {
    expect(csvText([{ a: null, b: true, c: undefined, d: false }])).toBe("a,b,c,d\r\n,true,,false");
    expect(csvText([])).toBe("");
  });

  it("writes a list no locale opens with a formula cell, and our CSV reader gives it back", () => {
    const rows = TEXT_CASES.map(([cell], i) => ({ "=name": cell, count: i - 5 }));
    const text = csvText(rows);
    expect(formulaCells(text)).toEqual([]);
    const read = readCsv(Buffer.from(text, "utf8"));
    expect(read[0]).toEqual(["'=name", "count"]);
    expect(read.slice(1).map((row) => row[1])).toEqual(rows.map((row) => String(row.count)));
    expect(read.slice(1).map((row) => row[0])).toEqual(
      TEXT_CASES.map(([, written]) => written.replace(/^"|"$/g, "").replace(/""/g, '"')).map((cell) =>
        cell.trim() === "" ? null : cell,
      ),
    );
  });
});
