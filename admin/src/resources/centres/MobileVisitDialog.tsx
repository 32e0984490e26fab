import AddIcon from "@mui/icons-material/Add";
import DeleteIcon from "@mui/icons-material/Delete";
import { Autocomplete, Box, IconButton, MenuItem, Stack, TextField, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button, useTranslate } from "react-admin";
import { EditDialog } from "../../components/EditDialog";
import { NamedPicker } from "../../components/NamedPicker";
import { fieldIssues } from "../../lib/issues";
import type { Named } from "../../lib/records";
import { mutate, request } from "../../providers/graphql";
import type { CentreRecord, MobileVisit } from "./types";

const SETTLEMENTS = `query VisitSettlements($id: ID!) {
  node(id: $id) { id ... on Municipality { settlements { id name isRural } } }
}`;

interface SettlementOption {
  id: string;
  name: string;
  isRural: boolean;
}

interface DocumentDraft {
  /** Names the row while it is edited (rows have no identity of their own). */
  key: number;
  documentType: string;
  count: string;
}

let lastRowKey = 0;
const newRow = (documentType = "", count = ""): DocumentDraft => {
  lastRowKey += 1;
  return { key: lastRowKey, documentType, count };
};

interface VisitDraft {
  visitedOn: string;
  municipality: Named | null;
  settlementId: string;
  peopleServed: string;
  documents: DocumentDraft[];
  note: string;
}

const draftOf = (visit?: MobileVisit): VisitDraft => ({
  visitedOn: visit?.visitedOn ?? "",
  municipality: visit ? visit.settlement.municipality : null,
  settlementId: visit?.settlement.id ?? "",
  peopleServed: visit ? String(visit.peopleServed) : "",
  documents: visit ? visit.documents.map((d) => newRow(d.documentType, String(d.count))) : [newRow()],
  note: visit?.note ?? "",
});

/** A whole number typed in a field, or NaN (the API names what is wrong with it). */
const whole = (text: string): number => (text.trim() === "" ? Number.NaN : Number(text));

interface MobileVisitDialogProps {
  centre: CentreRecord;
  /** The visit to change; a new one without it. */
  visit?: MobileVisit;
  /** Document types already recorded, offered while typing one (the API takes any name). */
  knownTypes: readonly string[];
  onClose: () => void;
}

/**
 * A mobile office's trip: the day, the settlement of the centre's region it went to, the people
 * served and the documents issued by type. The API's objections are shown on their fields.
 */
export const MobileVisitDialog = ({ centre, visit, knownTypes, onClose }: MobileVisitDialogProps) => {
  const translate = useTranslate();
  const [draft, setDraft] = useState<VisitDraft>(draftOf(visit));
  const [issues, setIssues] = useState<Record<string, string>>({});
  const set = (patch: Partial<VisitDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const setDocument = (index: number, patch: Partial<DocumentDraft>) =>
    set({ documents: draft.documents.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  const municipalityId = draft.municipality?.id;
  const settlements = useQuery({
    queryKey: ["visit-settlements", municipalityId],
    enabled: municipalityId !== undefined,
    queryFn: ({ signal }) =>
      request<{ node: { settlements?: SettlementOption[] } | null }>(SETTLEMENTS, { id: municipalityId }, signal).then(
        (data) => data.node?.settlements ?? [],
      ),
  });
  const settlementChoices = settlements.data ?? [];

  const save = async () => {
    setIssues({});
    // Rows left entirely empty are not documents; the rest go as typed, for the API to check.
    const sent = draft.documents.flatMap((row, index) =>
      row.documentType.trim() !== "" || row.count.trim() !== "" ? [index] : [],
    );
    const documents = sent.map((index) => {
      const row = draft.documents[index] ?? newRow();
      return { documentType: row.documentType.trim(), count: whole(row.count) };
    });
    const fields = {
      visitedOn: draft.visitedOn,
      settlementId: draft.settlementId,
      peopleServed: whole(draft.peopleServed),
      note: draft.note.trim() || null,
      documents,
    };
    try {
      return visit
        ? await mutate("updateMobileVisit", { id: visit.id, version: visit.version, ...fields }, "id version")
        : await mutate("recordMobileVisit", { centreId: centre.id, ...fields }, "id version");
    } catch (error) {
      // The API numbers the rows it was sent: put each issue on the row it is about.
      const found = fieldIssues(error);
      setIssues(
        Object.fromEntries(
          Object.entries(found).map(([source, message]) => [
            source.replace(/^documents\.(\d+)\./, (_, n: string) => `documents.${sent[Number(n)] ?? n}.`),
            message,
          ]),
        ),
      );
      throw error;
    }
  };
  const key = (name: string) => `dostup.centres.visits.${name}`;
  const issue = (source: string) => (issues[source] ? { error: true, helperText: issues[source] } : {});
  const complete =
    draft.visitedOn !== "" &&
    draft.settlementId !== "" &&
    draft.peopleServed.trim() !== "" &&
    Number.isInteger(whole(draft.peopleServed)) &&
    // A typed document needs its count (the API takes a number); a row left empty is skipped.
    draft.documents.every((row) =>
      row.count.trim() === "" ? row.documentType.trim() === "" : Number.isInteger(whole(row.count)),
    );
  return (
    <EditDialog
      title={key(visit ? "edit" : "add")}
      done={key(visit ? "updated" : "added")}
      canSave={complete}
      save={save}
      onClose={onClose}
    >
      <Stack spacing={2} sx={{ pt: 1 }} data-testid="visit-dialog">
        <TextField
          size="small"
          type="date"
          label={translate(key("visitedOn"))}
          value={draft.visitedOn}
          onChange={(event) => set({ visitedOn: event.target.value })}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: "visitedOn" } }}
          {...issue("visitedOn")}
        />
        <NamedPicker
          connection="municipalities"
          filterType="MunicipalityFilter"
          filter={{ regionId: centre.region.id }}
          label={translate(key("municipality"))}
          value={draft.municipality}
          onChange={(municipality) => set({ municipality, settlementId: "" })}
        />
        <TextField
          select
          size="small"
          label={translate(key("settlement"))}
          value={settlementChoices.some((s) => s.id === draft.settlementId) ? draft.settlementId : ""}
          onChange={(event) => set({ settlementId: event.target.value })}
          disabled={!draft.municipality}
          slotProps={{ htmlInput: { name: "settlementId" } }}
          {...issue("settlementId")}
        >
          {settlementChoices.map((settlement) => (
            <MenuItem key={settlement.id} value={settlement.id}>
              {settlement.name}
              {settlement.isRural ? ` (${translate("dostup.centres.rural.RURAL").toLowerCase()})` : ""}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          type="number"
          label={translate(key("peopleServed"))}
          value={draft.peopleServed}
          onChange={(event) => set({ peopleServed: event.target.value })}
          slotProps={{ htmlInput: { name: "peopleServed", min: 0, step: 1 } }}
          {...issue("peopleServed")}
        />
        <Box>
          <Typography variant="subtitle2" sx={{ mb: 1 }}>
            {translate(key("documents"))}
          </Typography>
          {issues.documents && (
            <Typography variant="body2" color="error" sx={{ mb: 1 }}>
              {issues.documents}
            </Typography>
          )}
          <Stack spacing={1}>
            {draft.documents.map((row, index) => (
              <Stack
                key={row.key}
                direction="row"
                spacing={1}
                sx={{ alignItems: "flex-start" }}
                data-testid="document-row"
              >
                <Autocomplete<string, false, false, true>
                  freeSolo
                  options={knownTypes.filter(
                    (type) => !draft.documents.some((other, i) => i !== index && other.documentType === type),
                  )}
                  inputValue={row.documentType}
                  onInputChange={(_, text) => setDocument(index, { documentType: text })}
                  sx={{ flex: 1 }}
                  renderInput={(params) => (
                    <TextField
                      {...params}
                      size="small"
                      label={translate(key("documentType"))}
                      slotProps={{
                        ...params.slotProps,
                        htmlInput: { ...params.slotProps.htmlInput, name: `documentType-${index}` },
                      }}
                      {...issue(`documents.${index}.documentType`)}
                    />
                  )}
                />
                <TextField
                  size="small"
                  type="number"
                  label={translate(key("count"))}
                  value={row.count}
                  onChange={(event) => setDocument(index, { count: event.target.value })}
                  slotProps={{ htmlInput: { name: `count-${index}`, min: 0, step: 1 } }}
                  sx={{ width: 130 }}
                  {...issue(`documents.${index}.count`)}
                />
                <IconButton
                  aria-label={translate(key("remove_document"))}
                  onClick={() => set({ documents: draft.documents.filter((_, i) => i !== index) })}
                >
                  <DeleteIcon />
                </IconButton>
              </Stack>
            ))}
          </Stack>
          <Box sx={{ mt: 1 }}>
            <Button label={key("add_document")} onClick={() => set({ documents: [...draft.documents, newRow()] })}>
              <AddIcon />
            </Button>
          </Box>
        </Box>
        <TextField
          size="small"
          label={translate(key("note"))}
          value={draft.note}
          onChange={(event) => set({ note: event.target.value })}
          multiline
          slotProps={{ htmlInput: { name: "note" } }}
          {...issue("note")}
        />
      </Stack>
    </EditDialog>
  );
};
