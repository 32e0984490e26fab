import type { PlainField } from "../../components/plainFields";

// A centre's plain fields, each listed once: the form edits them, the page shows them, and the
// definition (index.ts) sends and selects them from this list. A new plain field of the API's
// Centre is one line here and its label in messages.ts. The fields with a screen of their own
// (name, kinds, status, address and coordinates, the place, the e-signature) are in the form
// and the page themselves.

/** On the main tab, after the name: the region's own code of the centre, what registry imports match on. */
export const REGISTER: readonly PlainField[] = [{ source: "code", kind: "text", help: "dostup.registry_code.help" }];

/** On the main tab, after the place. */
export const CONTACTS: readonly PlainField[] = [
  { source: "phone", kind: "text" },
  { source: "email", kind: "email" },
  { source: "website", kind: "url" },
];

export const ACCESSIBILITY: readonly PlainField[] = [
  { source: "accessibleMobility", kind: "boolean" },
  { source: "accessibleVision", kind: "boolean" },
  { source: "accessibleHearing", kind: "boolean" },
];

export const EQUIPMENT: readonly PlainField[] = [
  { source: "workstations", kind: "count" },
  { source: "printers", kind: "count" },
  { source: "scanners", kind: "count" },
  { source: "internetAccess", kind: "boolean", initial: true },
  { source: "equipmentNote", kind: "longText" },
];
