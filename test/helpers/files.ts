// Real files of every kind the system accepts, made here byte by byte (and some that only
// pretend to be one), for the upload tests. Each is a file its program opens: the PDF has
// a cross-reference table, the zip containers have the entries Office and LibreOffice write
// first, the images are complete.
import { strToU8, zipSync } from "fflate";
import { writeXlsx } from "../../api/modules/spreadsheets/sheet-files.js";

export const TYPES = {
  PDF: "application/pdf",
  XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ODS: "application/vnd.oasis.opendocument.spreadsheet",
  ODT: "application/vnd.oasis.opendocument.text",
  CSV: "text/csv",
  JPEG: "image/jpeg",
  PNG: "image/png",
} as const;

/** A one-page PDF 1.4 with a correct cross-reference table; `padding` bytes of comment make it larger. */
export function pdf(text = "Report", padding = 0): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = `%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n${padding > 0 ? `%${"0".repeat(padding)}\n` : ""}`;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

export function xlsx(): Promise<Buffer> {
  return writeXlsx({
    rows: [
      ["Показатель", "Значение"],
      ["Пользователи", 120],
    ],
    sheetName: "Отчёт",
  });
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A Word document as Word writes it: [Content_Types].xml first. */
export function docx(text = "Пояснительная записка"): Buffer {
  return Buffer.from(
    zipSync({
      "[Content_Types].xml": strToU8(
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      ),
      "_rels/.rels": strToU8(
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
      "word/document.xml": strToU8(
        `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
      ),
    }),
  );
}

/** An OpenDocument file as LibreOffice writes it: `mimetype` first, stored uncompressed. */
function openDocument(mimetype: string, body: string): Buffer {
  return Buffer.from(
    zipSync({
      mimetype: [strToU8(mimetype), { level: 0 }],
      "content.xml": strToU8(
        `${XML}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body>${body}</office:body></office:document-content>`,
      ),
      "META-INF/manifest.xml": strToU8(
        `${XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
      ),
    }),
  );
}

export function ods(): Buffer {
  return openDocument(
    TYPES.ODS,
    '<office:spreadsheet><table:table table:name="Отчёт"><table:table-row><table:table-cell><text:p>Пользователи</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>',
  );
}

export function odt(): Buffer {
  return openDocument(TYPES.ODT, "<office:text><text:p>Пояснительная записка</text:p></office:text>");
}

export const CSV_TEXT = "Показатель;Всего;Село\r\nПользователи;120;40\r\nЗапросы «Госуслуги»;45;12\r\n";

/** The CSV Russian Excel writes: Windows-1251, semicolons. */
export function csvWindows1251(text = CSV_TEXT): Buffer {
  const bytes = Array.from(text, (char) => {
    const code = char.codePointAt(0) ?? 0x3f;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    const special: Record<number, number> = { 1025: 0xa8, 1105: 0xb8, 171: 0xab, 187: 0xbb };
    return special[code] ?? 0x3f;
  });
  return Buffer.from(bytes);
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** A 4×4 baseline JPEG (JFIF), as a browser's canvas encodes it. */
export const JPEG = Buffer.from(
  [
    "/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABh",
    "Y3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAAB",
    "UAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAA",
    "AAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9Y",
    "WVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAM",
    "ZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0o",
    "OjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2Nj",
    "Y2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAEAAQDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/",
    "xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABf/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhED",
    "EQA/AIADg9//2Q==",
  ].join(""),
  "base64",
);

/** The start of a Windows program: MZ header, DOS stub, PE signature. */
export function windowsProgram(): Buffer {
  const header = Buffer.alloc(0x80);
  header.write("MZ", 0, "latin1");
  header.writeUInt16LE(0x90, 2);
  header.writeUInt32LE(0x80, 0x3c);
  header.write("This program cannot be run in DOS mode.\r\r\n$", 0x4e, "latin1");
  return Buffer.concat([header, Buffer.from("PE\0\0", "latin1"), Buffer.alloc(256, 0x90)]);
}

export const HTML = Buffer.from(
  '<!DOCTYPE html>\n<html><body><script>fetch("/graphql",{method:"POST"})</script></body></html>\n',
);
