import type { RaRecord } from "react-admin";
import type { ImportProblem } from "../../components/ImportErrors";
import type { Named } from "../../lib/records";

/** One attempt to import a region's register from a spreadsheet (the API's ImportBatch). */
export interface RegistryImport extends RaRecord<string> {
  /** ImportKind: ORGANISATIONS, CENTRES or SERVICES here. */
  kind: string;
  status: string;
  fileName: string | null;
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
  startedAt: string;
  finishedAt: string | null;
  region: Named | null;
  errors: ImportProblem[];
}

/** What the list reads of a batch, and the import answers. */
export const BATCH_FIELDS = `kind status fileName rowCount created updated unchanged startedAt finishedAt
  region { id name } errors { line column code reason }`;
