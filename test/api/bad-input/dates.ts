// The dates and instants the bad-input suite sends (values.ts): impossible ones every date
// input must refuse, and edge ones it must take.
export const INVALID_DATES = [
  "2024-02-30",
  "2023-02-29",
  "2026-04-31",
  "2026-13-01",
  "2026-00-10",
  "2026-01-00",
  "0000-01-01",
  "10000-01-01",
  "-0001-01-01",
  "2026-3-1",
  "2026-03-01T00:00:00Z",
  "2026-03-29T02:30",
  " 2026-03-01",
  "",
  "01.03.2026",
];
// Year 99 is year 99 (Date.UTC would read it as 1999).
export const VALID_EDGE_DATES = ["2024-02-29", "2000-02-29", "1970-01-01", "0099-12-31", "0001-01-01", "9999-12-31"];

export const INVALID_INSTANTS = [
  "2024-02-30T10:00:00Z",
  "2023-02-29T00:00:00+03:00",
  "2026-03-29T02:30",
  "2026-03-29T02:30:00",
  "2026-10-25T02:30:00",
  "2026-03-29 02:30:00",
  "2026-03-29T02:30:00+25:00",
  "2026-03-29T24:00:01Z",
  "2026-03-29T02:30:60Z",
  "0000-01-01T00:00:00Z",
  "+010000-01-01T00:00:00Z",
  "-000001-01-01T00:00:00Z",
  "Sun Mar 29 2026 02:30:00 GMT+0300",
  "March 29, 2026",
  "2026",
  "now",
];
// Instants with an explicit offset are unambiguous, DST edges included.
export const VALID_INSTANTS = ["2026-03-29T02:30:00+03:00", "2026-03-29T01:30:00Z", "2026-10-25T02:30:00+01:00"];
