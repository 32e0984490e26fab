// The partner guide (docs/partners.md and its English twin) as a page of the local server:
// /docs/ in Russian, /docs/en/ in English. One self-contained HTML page per language, rendered
// with markdown-it: inline CSS, a table of contents from the headings, links to the other
// language, GraphiQL and the admin panel. The guide's example markers (HTML comments the test
// reads) are left out, and raw HTML in the Markdown is not passed through.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import MarkdownIt from "markdown-it";

/** Found beside the code, whatever the working directory the server runs in. */
const DOCS_DIR = fileURLToPath(new URL("../../docs/", import.meta.url));

interface Page {
  file: string;
  lang: "ru" | "en";
  labels: { contents: string; graphiql: string; admin: string; other: string };
  otherPath: string;
}

const PAGES: Record<string, Page> = {
  "/docs/": {
    file: "partners.md",
    lang: "ru",
    labels: {
      contents: "Содержание",
      graphiql: "GraphiQL (в режиме разработки)",
      admin: "Панель администратора",
      other: "English",
    },
    otherPath: "/docs/en/",
  },
  "/docs/en/": {
    file: "partners.en.md",
    lang: "en",
    labels: { contents: "Contents", graphiql: "GraphiQL (in development)", admin: "Admin panel", other: "Русский" },
    otherPath: "/docs/",
  },
};

/** Links between the two Markdown files become links between the two pages. */
const PAGE_OF_FILE: Record<string, string> = { "partners.md": "/docs/", "partners.en.md": "/docs/en/" };

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2328;background:#fff}
header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.75rem 1.5rem;background:#1d3557;color:#fff}
header strong{font-size:1.1rem;margin-right:auto}
header a{color:#fff}
.layout{display:flex;gap:2rem;max-width:80rem;margin:0 auto;padding:1.5rem}
.toc{flex:0 0 16rem;position:sticky;top:1rem;align-self:flex-start;max-height:calc(100vh - 2rem);overflow:auto;font-size:.9rem}
.toc ul{list-style:none;margin:0;padding-left:.9rem}
.toc>ul{padding-left:0}
.toc li{margin:.25rem 0}
main{flex:1;min-width:0;max-width:56rem}
h1{font-size:1.9rem;margin-top:0}
h2{margin-top:2.2rem;padding-bottom:.3rem;border-bottom:1px solid #d0d7de}
h3{margin-top:1.8rem}
a{color:#0b5cad}
code{font:.875em/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f3f4f6;padding:.1em .3em;border-radius:4px}
pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.9rem 1rem;overflow-x:auto}
pre code{background:none;padding:0;white-space:pre}
table{border-collapse:collapse;display:block;overflow-x:auto;margin:1rem 0}
th,td{border:1px solid #d0d7de;padding:.4rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
@media (max-width:60rem){.layout{display:block}.toc{position:static;max-height:none;margin-bottom:1.5rem}}
`.trim();

/** The page's only style, allowed by its hash; no script, no outside resource. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash("sha256").update(CSS).digest("base64")}'`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** What every /docs/ response carries, pages, redirects and errors alike. */
export const DOCS_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
};

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function slugOf(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "section";
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/** The guide as a whole HTML page: headings get ids, h2 and h3 make the table of contents. */
function renderGuide(source: string, page: Page): string {
  const text = source.replace(/<!-- example:[\s\S]*?-->\n*/g, "");
  const tokens = markdown.parse(text, {});
  const taken = new Set<string>();
  const contents: { level: number; id: string; title: string }[] = [];
  let title = "";
  tokens.forEach((token, i) => {
    if (token.type === "inline")
      for (const child of token.children ?? []) {
        const href = child.type === "link_open" ? child.attrGet("href") : null;
        if (href && PAGE_OF_FILE[href]) child.attrSet("href", PAGE_OF_FILE[href]);
      }
    if (token.type !== "heading_open") return;
    const heading = tokens[i + 1]?.children?.map((child) => child.content).join("") ?? "";
    const id = slugOf(heading, taken);
    token.attrSet("id", id);
    if (token.tag === "h1" && !title) title = heading;
    if (token.tag === "h2" || token.tag === "h3") contents.push({ level: Number(token.tag[1]), id, title: heading });
  });
  const body = markdown.renderer.render(tokens, markdown.options, {});
  let toc = "<ul>";
  let open = false;
  for (const entry of contents) {
    const link = `<a href="#${entry.id}">${escapeHtml(entry.title)}</a>`;
    if (entry.level === 2) {
      toc += `${open ? "</ul></li>" : ""}<li>${link}<ul>`;
      open = true;
    } else toc += `<li>${link}</li>`;
  }
  toc += `${open ? "</ul></li>" : ""}</ul>`;
  const { labels } = page;
  return `<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><strong>${escapeHtml(title)}</strong>
<a href="/graphql">${labels.graphiql}</a>
<a href="/admin/">${labels.admin}</a>
<a href="${page.otherPath}" hreflang="${page.lang === "ru" ? "en" : "ru"}">${labels.other}</a></header>
<div class="layout">
<nav class="toc" aria-label="${labels.contents}"><strong>${labels.contents}</strong>${toc}</nav>
<main>
${body}</main>
</div>
</body>
</html>
`;
}

/** Rendered pages, kept while their file is unchanged (a writer sees an edit on reload). */
const rendered = new Map<string, { mtimeMs: number; html: Buffer }>();

async function pageHtml(page: Page): Promise<Buffer> {
  const file = `${DOCS_DIR}${page.file}`;
  const { mtimeMs } = await stat(file);
  const cached = rendered.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.html;
  const html = Buffer.from(renderGuide(await readFile(file, "utf8"), page));
  rendered.set(file, { mtimeMs, html });
  return html;
}

/** Whether the local server should hand a request's path to serveDocs. */
export function isDocsPath(path: string): boolean {
  return path === "/docs" || path.startsWith("/docs/");
}

function plain(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...DOCS_SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(message);
}

/** Answers /docs, /docs/, /docs/en and /docs/en/ (GET and HEAD); anything else under /docs/ is a 404. */
export async function serveDocs(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (req.method !== "GET" && req.method !== "HEAD") {
    plain(res, 405, "Method not allowed.", { allow: "GET, HEAD" });
    return;
  }
  if (path === "/docs" || path === "/docs/en") {
    res.writeHead(301, { ...DOCS_SECURITY_HEADERS, location: `${path}/` }).end();
    return;
  }
  const page = PAGES[path];
  if (!page) {
    plain(res, 404, "Not found. The partner guide is at /docs/ (Russian) and /docs/en/ (English).");
    return;
  }
  const html = await pageHtml(page);
  res.writeHead(200, {
    ...DOCS_SECURITY_HEADERS,
    "content-type": "text/html; charset=utf-8",
    "content-length": html.length,
    "cache-control": "no-cache",
    "content-language": page.lang,
  });
  res.end(req.method === "HEAD" ? undefined : html);
}
