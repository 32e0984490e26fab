import type { Exporter } from "react-admin";
import { downloadCSV } from "react-admin";
import type { CentreRecord } from "./types";

type Cell = string | number | boolean | null | undefined;

const quote = (value: Cell): string => {
  if (value === null || value === undefined) {
    return "";
  }
  const text = String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Flat rows as CSV: nested records come out as their names, not [object Object]. */
export function downloadRows(rows: Record<string, Cell>[], fileName: string): void {
  const [first] = rows;
  const header = first ? Object.keys(first) : [];
  const lines = [header.map(quote).join(","), ...rows.map((row) => header.map((key) => quote(row[key])).join(","))];
  downloadCSV(lines.join("\r\n"), fileName);
}

// Column names and codes stay as the API spells them, so a spreadsheet can be matched back.
export const exportCentres: Exporter<CentreRecord> = (records) =>
  downloadRows(
    records.map((centre) => ({
      id: centre.id,
      name: centre.name,
      kinds: centre.kinds.join(" "),
      status: centre.status,
      statusAlert: centre.statusAlert,
      address: centre.address,
      region: centre.region.name,
      municipality: centre.municipality.name,
      settlement: centre.settlement?.name,
      rural: centre.settlement?.isRural,
      hostOrganisation: centre.hostOrganisation.name,
      signatureValidUntil: centre.signatureValidUntil,
      lastVerifiedAt: centre.lastVerifiedAt,
      archivedAt: centre.archivedAt,
    })),
    "centres",
  );
