// How the code may depend on itself (`npm run lint` runs dependency-cruiser with this).
//
// 1. No import cycle anywhere: api, prisma, test, admin.
// 2. API modules depend only downward. A module imports `api/shared.ts`, `api/lib/` and, for a
//    relation of the domain, the modules listed for it below, never one that would import it
//    back. What several modules need (read rules, typed errors, input helpers) belongs in lib/
//    or shared.ts, not in whichever module wrote it first.
// 3. The panel's resources stand side by side. A resource (admin/src/resources/<name>/) imports
//    components/, lib/, providers/, i18n/ and its own files, never another resource's: what two
//    resources need belongs in components/ (UI) or lib/, not in whichever resource wrote it first.

/** The modules each module may import, for a real relation of the domain. */
const MODULE_RELATIONS = {
  analytics: ["centres", "geography", "kpis", "quality", "reports", "services", "systemic-errors"], // counts them
  directory: ["life-situations", "people", "services"], // who answers for a service, publicly
  auth: ["geography"], // a user's regions
  events: ["geography"], // the municipalities an event covered
  files: ["people", "reports"], // photos and report files
  imports: ["centres", "organisations", "services", "spreadsheets"], // registers of them, from spreadsheets
  kpis: ["quality", "services"], // target directions; formulas over the catalogue's service levels
  notifications: ["analytics"], // a digest delivers the dashboard's alerts
  "life-situations": ["services"], // a life situation's services
  partners: ["centres"], // centres near a point
  population: ["geography"], // residents of a region or municipality
  projects: ["people"], // a project's curators
  services: ["centres", "organisations"], // a service's centres and competent authority
  spreadsheets: ["centres", "files", "partners", "reports"], // exports and imports of them
  "systemic-errors": ["feedback"], // the feedback that revealed an error
};

const { readdirSync } = require("node:fs");
const { join } = require("node:path");

const modules = readdirSync(join(__dirname, "../api/modules"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const pattern = (names) => `^api/modules/(${names.map((name) => name.replace(/[.-]/g, "\\$&")).join("|")})/`;

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import cycle: move what both sides need below them (lib/, shared.ts).",
      from: {},
      to: { circular: true },
    },
    ...modules.map((name) => ({
      name: `module-${name}-imports-unrelated-module`,
      severity: "error",
      comment:
        `modules/${name} imports a module it has no listed relation to (.config/dependency-cruiser.cjs): ` +
        "move the shared piece to lib/ or shared.ts, or list the relation if it is one of the domain.",
      from: { path: pattern([name]) },
      to: { path: "^api/modules/", pathNot: pattern([name, ...(MODULE_RELATIONS[name] ?? [])]) },
    })),
    {
      name: "admin-imports-api",
      severity: "error",
      comment:
        "The panel imports the API's message catalogue (api/messages/: pure data) and nothing else of api/: " +
        "it talks to the API over GraphQL only.",
      from: { path: "^admin/src/" },
      to: { path: "^api/", pathNot: "^api/messages/" },
    },
    {
      name: "admin-resource-imports-another-resource",
      severity: "error",
      comment:
        "An admin resource imports another resource's files (or a panel file outside the shared folders): " +
        "move the shared piece to admin/src/components/ (UI) or admin/src/lib/.",
      from: { path: "^admin/src/resources/([^/]+)/" },
      to: {
        path: "^admin/src/",
        pathNot: ["^admin/src/(components|lib|providers|i18n)/", "^admin/src/resources/$1/"],
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
