// What an upload may be, by purpose, and whether its bytes are what its type and name say.
// A declared media type and a file name are claims of the uploader; the first bytes of the
// content are not. A file is kept only when all three agree: the name's extension and the
// declared type name the same kind (checked when the upload is requested), and the content
// is of that kind (checked when it is confirmed, before it becomes AVAILABLE).

/** The kinds of file the system keeps, by the names people know them by. */
export type FileKind = "PDF" | "XLSX" | "DOCX" | "PPTX" | "ODS" | "ODT" | "CSV" | "JPEG" | "PNG";

interface KindSpec {
  /** The media type declared for it, and handed out with downloads once verified. */
  type: string;
  /** File name extensions (lower case, without the dot); the first is the usual one. */
  extensions: readonly string[];
}

export const KINDS: Record<FileKind, KindSpec> = {
  PDF: { type: "application/pdf", extensions: ["pdf"] },
  XLSX: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  DOCX: { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  PPTX: {
    type: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
  },
  ODS: { type: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"] },
  ODT: { type: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  CSV: { type: "text/csv", extensions: ["csv"] },
  JPEG: { type: "image/jpeg", extensions: ["jpg", "jpeg"] },
  PNG: { type: "image/png", extensions: ["png"] },
};

export type UploadPurpose = "REPORT" | "PHOTO" | "EVENT_MATERIAL";

/**
 * The allow-list. Report files are documents, spreadsheets and scans; photos are images a
 * browser shows. Left out on purpose: the legacy binary Office formats (XLS, DOC), whose
 * container cannot be told apart from an installer and which may carry macros; macro-enabled
 * OOXML (XLSM, DOCM); and anything a browser would run (HTML, SVG, scripts). An event's
 * materials are its programme, presentations, tables and photos; for the same reason as
 * above, a presentation is PPTX and a document DOCX, never the legacy PPT or DOC.
 */
export const ALLOWED_KINDS: Record<UploadPurpose, readonly FileKind[]> = {
  REPORT: ["PDF", "XLSX", "DOCX", "ODS", "ODT", "CSV", "JPEG", "PNG"],
  PHOTO: ["JPEG", "PNG"],
  EVENT_MATERIAL: ["PDF", "DOCX", "PPTX", "XLSX", "JPEG", "PNG"],
};

/** Words for what a file of a purpose is, in messages: «Report files may be …». */
export const PURPOSE_WORDS: Record<UploadPurpose, { plural: string; one: string }> = {
  REPORT: { plural: "Report files", one: "A report file" },
  PHOTO: { plural: "Photos", one: "A photo" },
  EVENT_MATERIAL: { plural: "Event materials", one: "An event material" },
};

/** The allow-list a stored file's purpose is checked against (imports and exports: as report files). */
export function uploadPurposeOf(purpose: string): UploadPurpose {
  return purpose === "PHOTO" || purpose === "EVENT_MATERIAL" ? purpose : "REPORT";
}

/** The kind a declared media type names among those the purpose allows. */
export function kindOfType(purpose: UploadPurpose, contentType: string): FileKind | null {
  return ALLOWED_KINDS[purpose].find((kind) => KINDS[kind].type === contentType) ?? null;
}

/** The extension of a file name, lower case and without the dot; null when it has none. */
export function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || dot === name.length - 1) return null;
  return name.slice(dot + 1).toLowerCase();
}

/** The kind whose extension a name ends with, among those the purpose allows. */
export function kindOfName(purpose: UploadPurpose, name: string): FileKind | null {
  const extension = extensionOf(name);
  if (!extension) return null;
  return ALLOWED_KINDS[purpose].find((kind) => KINDS[kind].extensions.includes(extension)) ?? null;
}

/** ".pdf, .xlsx, …" for a purpose: what a file chooser should offer. */
export function extensionList(purpose: UploadPurpose): string {
  return ALLOWED_KINDS[purpose].flatMap((kind) => KINDS[kind].extensions.map((ext) => `.${ext}`)).join(", ");
}

// ───────────────────────────── Content ─────────────────────────────

/** Why content was refused: not the declared kind at all, or a CSV that is not text. */
export type ContentProblem = "CONTENT_MISMATCH" | "NOT_TEXT";

export type ContentVerdict =
  | { ok: true; type: string }
  | { ok: false; code: ContentProblem; detectedType: string | null; reason: string };

/**
 * The most of a binary file the sniffer may read. Signatures sit in the first bytes; the zip
 * containers (XLSX, DOCX, ODS, ODT) name their kind in their first entry when Office or
 * LibreOffice wrote them ([Content_Types].xml, `mimetype`), and the sniffer walks entries
 * only until it finds it. A container that hides its kind deeper is not read to the end.
 */
export const SNIFF_LIMIT_BYTES = 4 * 1024 * 1024;

/** What the sniffer answers for each allowed kind (file-type's `ext`). */
const SNIFFED_KIND: Record<string, FileKind> = {
  pdf: "PDF",
  xlsx: "XLSX",
  docx: "DOCX",
  pptx: "PPTX",
  ods: "ODS",
  odt: "ODT",
  jpg: "JPEG",
  png: "PNG",
};

/** Words for what content turned out to be, for the reasons people read. */
const DESCRIPTIONS: Record<string, string> = {
  "application/x-msdownload": "a Windows program (EXE/DLL)",
  "application/x-elf": "a Linux program",
  "application/x-mach-binary": "a macOS program",
  "application/zip": "a ZIP archive",
  "application/x-rar-compressed": "a RAR archive",
  "application/x-7z-compressed": "a 7-Zip archive",
  "application/x-cfb": "a legacy Microsoft Office file (DOC/XLS) or an installer",
  "application/vnd.ms-excel.sheet.macroenabled.12": "a macro-enabled Excel workbook (XLSM)",
  "application/vnd.ms-word.document.macroenabled.12": "a macro-enabled Word document (DOCM)",
  "text/html": "HTML or XML markup",
  "text/plain": "plain text",
};

function labelOf(type: string): string {
  const kind = (Object.keys(KINDS) as FileKind[]).find((k) => KINDS[k].type === type);
  if (kind) return kind === "JPEG" || kind === "PNG" ? `a ${kind} image` : `a ${kind} file`;
  return DESCRIPTIONS[type.toLowerCase()] ?? `a file of type ${type}`;
}

/** Windows-1251 leaves 0x98 unassigned: a byte no text in it contains. */
const CP1251_UNASSIGNED = 0x98;

/** C0 control bytes other than tab, line feed and carriage return, and DEL: binary, not text. */
function isControlByte(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f;
}

/** Markup a browser would render, if it were ever sniffed instead of saved. */
const MARKUP = /^(?:\uFEFF)?\s*<(?:!doctype|html|head|body|script|iframe|svg|\?xml|[a-z]+[\s>])/i;

/** What undetected leading bytes look like: markup, plain text, or unknown binary (null). */
function describeUndetected(head: Uint8Array): string | null {
  if (head.some(isControlByte)) return null;
  return MARKUP.test(Buffer.from(head).toString("latin1")) ? "text/html" : "text/plain";
}

/** Yields the source's chunks until `limit` bytes have passed, then stops (cutting the last). */
async function* upTo(source: AsyncIterable<Uint8Array>, limit: number, head: { bytes: Uint8Array }) {
  let seen = 0;
  for await (const chunk of source) {
    const part = chunk.byteLength > limit - seen ? chunk.subarray(0, limit - seen) : chunk;
    if (head.bytes.byteLength < 512) {
      head.bytes = Buffer.concat([head.bytes, part.subarray(0, 512 - head.bytes.byteLength)]);
    }
    seen += part.byteLength;
    yield part;
    if (seen >= limit) return;
  }
}

/** Binary kinds: the sniffer's verdict on the leading bytes. */
async function checkSignature(kind: FileKind, source: AsyncIterable<Uint8Array>): Promise<ContentVerdict> {
  // Loaded on first use, so a cold start that verifies no upload skips it. The core entry:
  // the Node one only adds file-system helpers, which would weigh on the Lambda bundle.
  const { fileTypeFromStream } = await import("file-type/core");
  const head = { bytes: new Uint8Array(0) as Uint8Array };
  const chunks = upTo(source, SNIFF_LIMIT_BYTES, head);
  // Pulled chunk by chunk: the sniffer reads only as far as it needs.
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const detected = await fileTypeFromStream(stream);
  if (detected && SNIFFED_KIND[detected.ext] === kind) return { ok: true, type: KINDS[kind].type };
  const detectedType = detected ? detected.mime : describeUndetected(head.bytes);
  const what = detectedType ? labelOf(detectedType) : "of a format that could not be recognised";
  const expected = labelOf(KINDS[kind].type);
  return {
    ok: false,
    code: "CONTENT_MISMATCH",
    detectedType,
    reason: `The file's content is ${what}, not ${expected} as its type and name say. Save it as ${kind} and upload it again.`,
  };
}

/**
 * CSV: text in UTF-8 (with or without a byte-order mark), or in Windows-1251, which Russian
 * Excel writes for «CSV (разделители — точка с запятой)» and which the report import reads
 * too. Bytes that are neither (NUL, other control bytes, UTF-16, a binary file renamed) are
 * refused. Unlike a signature this is a property of every byte, so the whole file is read,
 * as a stream, never held in memory.
 */
async function checkText(source: AsyncIterable<Uint8Array>): Promise<ContentVerdict> {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let isUtf8 = true;
  let isCp1251 = true;
  let head = new Uint8Array(0);
  for await (const chunk of source) {
    if (head.byteLength < 512) head = Buffer.concat([head, chunk.subarray(0, 512 - head.byteLength)]);
    if (chunk.some(isControlByte)) {
      return {
        ok: false,
        code: "NOT_TEXT",
        detectedType: null,
        reason:
          "A CSV file must be text, but this one contains binary data (control or NUL bytes): save the table as «CSV UTF-8» or «CSV (разделители — точка с запятой)» and upload it again.",
      };
    }
    if (isUtf8) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        isUtf8 = false;
      }
    }
    if (isCp1251 && chunk.includes(CP1251_UNASSIGNED)) isCp1251 = false;
    if (!isUtf8 && !isCp1251) break;
  }
  if (isUtf8) {
    try {
      utf8.decode();
    } catch {
      isUtf8 = false;
    }
  }
  if (isUtf8) return { ok: true, type: "text/csv; charset=utf-8" };
  if (isCp1251) return { ok: true, type: "text/csv; charset=windows-1251" };
  return {
    ok: false,
    code: "NOT_TEXT",
    detectedType: describeUndetected(head),
    reason:
      "A CSV file must be text in UTF-8 or Windows-1251, and this one is in neither: save the table as «CSV UTF-8» and upload it again.",
  };
}

/**
 * Whether `source` (the object's bytes, as a stream) is a file of `kind`. On success the
 * type to store and hand out with downloads: the kind's own media type (for CSV with the
 * charset found). The caller closes the source: only what the check needs is read.
 */
export function checkContent(kind: FileKind, source: AsyncIterable<Uint8Array>): Promise<ContentVerdict> {
  return kind === "CSV" ? checkText(source) : checkSignature(kind, source);
}
