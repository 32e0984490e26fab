// Cells both CSV writers (api/lib/csv.ts and the panel's admin/src/components/csv.ts) must
// write safely, and a check that a file opens without a formula in any spreadsheet locale.

/** Text cells and how each must be written: quoted when it holds , ; " or a line break, defused when it starts a formula. */
export const TEXT_CASES: [string, string][] = [
  ["x;=1+1;y", '"x;=1+1;y"'],
  ["a,b", '"a,b"'],
  ['Библиотека "Светоч"', '"Библиотека ""Светоч"""'],
  ["строка 1\nстрока 2", '"строка 1\nстрока 2"'],
  ["строка 1\r\n=1+1", '"строка 1\r\n=1+1"'],
  ["=1+1", "'=1+1"],
  ['=HYPERLINK("http://evil.example";"нажмите")', '"\'=HYPERLINK(""http://evil.example"";""нажмите"")"'],
  ["+7 (912) 000-00-00", "'+7 (912) 000-00-00"],
  ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
  ["@SUM(A1)", "'@SUM(A1)"],
  ["\t=1+1", "'\t=1+1"],
  ["\r=1+1", '"\'\r=1+1"'],
  ["＝1+1", "'＝1+1"],
  ["=a;b", '"\'=a;b"'],
  ["-5x", "'-5x"],
  // Numbers written as text stay numbers: no apostrophe in front of the sign.
  ["-5", "-5"],
  ["+5", "+5"],
  ["-12.5", "-12.5"],
  ["-12,5", '"-12,5"'],
  ["обычный текст", "обычный текст"],
];

/** Typed numbers: never defused, negative ones included. */
export const NUMBER_CASES: [number, string][] = [
  [-5, "-5"],
  [0, "0"],
  [3.25, "3.25"],
  [-0.5, "-0.5"],
];

const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Cells a spreadsheet would run as formulas when it opens `text` splitting on `,` or on `;`
 * (Russian-locale Excel) outside quotes: what a safe file never has. A number (-5) is no
 * formula; split on `;`, a cell that starts with one ("-5,x,y") is the number followed by
 * the next cells of the line, each of which the writer quoted or defused in turn.
 */
export function formulaCells(text: string): string[] {
  const found: string[] = [];
  for (const separator of [",", ";"]) {
    let cell = "";
    let quoted = false;
    const flush = () => {
      const first = separator === ";" ? (cell.split(",")[0] ?? "") : cell;
      if (FORMULA.test(cell) && !NUMBER.test(first)) found.push(cell);
      cell = "";
    };
    for (let i = 0; i < text.length; i += 1) {
      const char = text[i] ?? "";
      if (char === '"') {
        if (quoted && text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else {
          quoted = !quoted;
        }
      } else if (!quoted && (char === separator || char === "\n")) {
        flush();
      } else if (!quoted && char === "\r" && text[i + 1] === "\n") {
        // The line break's first half.
      } else {
        cell += char;
      }
    }
    flush();
  }
  return found;
}
