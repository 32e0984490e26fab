import type { Exporter } from "react-admin";
import { exportRows } from "../../components/csv";
import type { CentreRecord } from "./types";

// Column names and codes stay as the API spells them, so a spreadsheet can be matched back.
export const exportCentres: Exporter<CentreRecord> = (records) =>
  exportRows(
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
