import UploadFileIcon from "@mui/icons-material/UploadFile";
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Stack,
  Typography,
} from "@mui/material";
import { type ChangeEvent, useEffect, useRef, useState } from "react";
import { Form, RadioButtonGroupInput, required, useNotify, useRefresh, useTranslate } from "react-admin";
import { useFormContext, useWatch } from "react-hook-form";
import { saveBase64 } from "../../components/downloads";
import { FormatButtons, formatOf, type SpreadsheetFormat } from "../../components/FormatButtons";
import { ImportErrors } from "../../components/ImportErrors";
import { RegionInput } from "../../components/RegionInput";
import { useWriteScope } from "../../lib/writeScope";
import { mutate, request } from "../../providers/graphql";
import { type RegistryImportKind, registryImportKindChoices } from "./choices";
import { BATCH_FIELDS, type RegistryImport } from "./types";

/** The API reads up to 2 MB of file (ImportRegistryInput.content, decoded). */
const MAX_BYTES = 2 * 1024 * 1024;

const TEMPLATE = `query RegistryTemplate($input: RegistryTemplateInput!) {
  registryTemplate(input: $input) { base64 contentType fileName }
}`;

interface SpreadsheetFile {
  base64: string;
  contentType: string;
  fileName: string;
}

/** A file the user picked, read in the browser: what the import sends. */
interface PickedFile {
  name: string;
  format: SpreadsheetFormat;
  content: string;
}

/** A file's bytes as base64, in chunks: one spread of 2 MB of arguments would overflow the stack. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const chunk = 0x8000;
  let binary = "";
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}

/** The rules a librarian needs before filling in the template, in the order they matter. */
const RULES = ["whole", "code", "all_or_nothing", "order"] as const;

/** A curator with one region gets it chosen; one filtered to a region in the list, that one. */
const DefaultRegion = ({ regionId }: { regionId: string | undefined }) => {
  const scope = useWriteScope();
  const { getValues, setValue } = useFormContext();
  const only = scope.regions?.length === 1 ? scope.regions[0]?.id : undefined;
  const preferred = regionId && scope.canWriteRegion(regionId) ? regionId : only;
  useEffect(() => {
    if (preferred && !getValues("regionId")) {
      setValue("regionId", preferred);
    }
  }, [preferred, getValues, setValue]);
  return null;
};

/** The template of the kind chosen, in either format. */
const TemplateButtons = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const kind = useWatch({ name: "kind" }) as RegistryImportKind | undefined;
  const download = async (format: SpreadsheetFormat) => {
    try {
      const data = await request<{ registryTemplate: SpreadsheetFile | null }>(TEMPLATE, { input: { kind, format } });
      if (data.registryTemplate) {
        saveBase64(data.registryTemplate);
      }
    } catch (error) {
      notify(error instanceof Error ? error.message : "dostup.error.unexpected", { type: "error" });
    }
  };
  return (
    <Box>
      <Typography variant="subtitle1">{translate("dostup.registryImports.template")}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(kind ? "dostup.registryImports.template_help" : "dostup.registryImports.kind_first")}
      </Typography>
      <FormatButtons
        label={(format) => translate("dostup.registryImports.template_as", { format })}
        onClick={download}
        disabled={!kind}
      />
    </Box>
  );
};

/** What the columns of the kind chosen hold, in a librarian's words. */
const KindHelp = () => {
  const translate = useTranslate();
  const kind = useWatch({ name: "kind" }) as RegistryImportKind | undefined;
  if (!kind) {
    return null;
  }
  return (
    <Typography variant="body2" color="text.secondary" data-testid="kind-help">
      {translate(`dostup.registryImports.kind_help.${kind}`)}
    </Typography>
  );
};

/** The file button: the browser reads the file, the import sends it. */
const FilePicker = ({
  file,
  onPicked,
  disabled,
}: {
  file: PickedFile | null;
  onPicked: (file: PickedFile | null, problem?: string) => void;
  disabled: boolean;
}) => {
  const translate = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = "";
    if (!chosen) {
      return;
    }
    const format = formatOf(chosen.name);
    if (!format) {
      onPicked(null, "dostup.registryImports.wrong_type");
      return;
    }
    if (chosen.size > MAX_BYTES) {
      onPicked(null, "dostup.registryImports.too_large");
      return;
    }
    try {
      onPicked({ name: chosen.name, format, content: await base64Of(chosen) });
    } catch {
      onPicked(null, "dostup.registryImports.unreadable");
    }
  };
  return (
    <Box>
      <Typography variant="subtitle1">{translate("dostup.registryImports.file")}</Typography>
      <input ref={input} type="file" accept=".csv,.xlsx" hidden onChange={choose} data-testid="registry-file-input" />
      <Stack direction="row" spacing={2} sx={{ alignItems: "center", mt: 1 }}>
        <Button
          variant="outlined"
          startIcon={<UploadFileIcon />}
          disabled={disabled}
          onClick={() => input.current?.click()}
        >
          {translate("dostup.registryImports.choose")}
        </Button>
        {file && (
          <Typography variant="body2" data-testid="registry-file-name">
            {translate("dostup.registryImports.chosen", { name: file.name })}
          </Typography>
        )}
      </Stack>
    </Box>
  );
};

/** The outcome of the last import: the counts, or every problem and nothing applied. */
const ImportResult = ({ batch }: { batch: RegistryImport }) => {
  const translate = useTranslate();
  const succeeded = batch.status === "SUCCEEDED";
  return (
    <Box data-testid="registry-import-result">
      <Alert severity={succeeded ? "success" : "error"}>
        {succeeded
          ? translate("dostup.registryImports.succeeded", {
              rows: batch.rowCount,
              created: batch.created,
              updated: batch.updated,
              unchanged: batch.unchanged,
            })
          : translate("dostup.registryImports.failed", { errors: batch.errors.length })}
      </Alert>
      {batch.errors.length > 0 && <ImportErrors problems={batch.errors} />}
    </Box>
  );
};

interface ImportValues {
  regionId?: string;
  kind?: RegistryImportKind;
}

/**
 * Imports one register of a region: the region and what the file holds, the template to fill
 * in, the file, then the outcome. The dialog stays open on it, so a refused file's problems can
 * be read (and the file corrected and chosen again) before closing.
 */
export const ImportDialog = ({ regionId, onClose }: { regionId?: string; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<RegistryImport | null>(null);

  const picked = (next: PickedFile | null, problem?: string) => {
    setFile(next);
    setFileProblem(problem ?? null);
    setResult(null);
  };

  const submit = async (values: ImportValues) => {
    if (!file) {
      setFileProblem("dostup.registryImports.no_file");
      return;
    }
    setPending(true);
    setResult(null);
    try {
      const batch = await mutate<RegistryImport>(
        "importRegistry",
        {
          regionId: values.regionId,
          kind: values.kind,
          format: file.format,
          content: file.content,
          fileName: file.name,
        },
        `id ${BATCH_FIELDS}`,
      );
      setResult(batch);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : "dostup.error.unexpected", { type: "error" });
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="registry-import-title">
      <Form onSubmit={(values: Record<string, unknown>) => submit(values as ImportValues)}>
        <DialogTitle id="registry-import-title">{translate("dostup.registryImports.title")}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2">{translate("dostup.registryImports.intro")}</Typography>
            <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid="registry-import-rules">
              {RULES.map((rule) => (
                <Typography component="li" variant="body2" key={rule}>
                  {translate(`dostup.registryImports.rules.${rule}`)}
                </Typography>
              ))}
            </Box>
            <Box>
              <DefaultRegion regionId={regionId} />
              <RegionInput source="regionId" label="resources.registryImports.fields.regionId" isRequired />
              <RadioButtonGroupInput
                source="kind"
                label="dostup.registryImports.kind"
                choices={registryImportKindChoices}
                validate={required()}
              />
              <KindHelp />
            </Box>
            <TemplateButtons />
            <FilePicker file={file} onPicked={picked} disabled={pending} />
            {fileProblem && <Alert severity="warning">{translate(fileProblem)}</Alert>}
            {pending && <LinearProgress aria-label={translate("dostup.registryImports.importing")} />}
            {result && <ImportResult batch={result} />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate("dostup.registryImports.close")}</Button>
          <Button type="submit" variant="contained" disabled={pending}>
            {translate("dostup.registryImports.submit")}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
};
