import UploadFileIcon from "@mui/icons-material/UploadFile";
import { Alert, Box, Button, LinearProgress, Stack, Typography } from "@mui/material";
import { type ChangeEvent, useRef, useState } from "react";
import { useTranslate } from "react-admin";
import { mutate } from "../providers/graphql";

/** A stored file as the upload steps answer it. */
export interface UploadedFile {
  id: string;
  name: string;
  status: string;
  contentType: string;
  rejectReason: string | null;
  rejectCode: string | null;
  detectedType: string | null;
}

type Purpose = "REPORT" | "PHOTO" | "EVENT_MATERIAL";

/** What an upload is for, and the one record it belongs to. */
export type UploadOwner =
  | { purpose: "REPORT"; reportId: string }
  | { purpose: "PHOTO"; personId: string }
  | { purpose: "EVENT_MATERIAL"; eventId: string };

interface UploadForm {
  file: { id: string };
  upload: { url: string; fields: { name: string; value: string }[] };
}

// Browsers leave `type` empty for some extensions (CSV on Windows, ODS) or give another one
// (CSV as application/vnd.ms-excel): the API wants the type the name's extension stands for,
// and checks the content against it.
const TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odt: "application/vnd.oasis.opendocument.text",
  csv: "text/csv",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
};

/** What each purpose accepts, as the API's allow-list has it (api/modules/files/file-types.ts). */
export const ACCEPTED_EXTENSIONS: Record<Purpose, string[]> = {
  REPORT: ["pdf", "xlsx", "docx", "ods", "odt", "csv", "jpg", "jpeg", "png"],
  PHOTO: ["jpg", "jpeg", "png"],
  EVENT_MATERIAL: ["pdf", "docx", "pptx", "xlsx", "jpg", "jpeg", "png"],
};

export function contentTypeOf(file: File): string {
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  return TYPES_BY_EXTENSION[extension] ?? file.type ?? "application/octet-stream";
}

/** The names people know a type by (PDF, XLSX…), for the messages below. */
function kindOf(contentType: string): string {
  const base = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const extension = Object.keys(TYPES_BY_EXTENSION).find((ext) => TYPES_BY_EXTENSION[ext] === base);
  return extension ? (extension === "jpg" ? "JPEG" : extension.toUpperCase()) : contentType;
}

/** What the API found a rejected file's content to be, as an i18n key under dostup.files.detected. */
const DETECTED_KEYS: Record<string, string> = {
  "application/x-msdownload": "exe",
  "application/x-elf": "program",
  "application/x-mach-binary": "program",
  "application/zip": "zip",
  "application/x-rar-compressed": "archive",
  "application/x-7z-compressed": "archive",
  "application/x-cfb": "cfb",
  "text/html": "html",
  "text/plain": "text",
};

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Why the API rejected an upload, in the UI's language: from its code (and what the
 * content turned out to be), falling back to the API's English reason for codes it does not know.
 */
export function rejectionText(translate: Translate, file: Omit<UploadedFile, "id" | "name" | "status">): string {
  if (!file.rejectCode) {
    return file.rejectReason ?? "";
  }
  const declared = kindOf(file.contentType);
  let detected = translate("dostup.files.detected.unknown");
  if (file.detectedType) {
    const key = DETECTED_KEYS[file.detectedType.toLowerCase()];
    const kind = kindOf(file.detectedType);
    detected = key
      ? translate(`dostup.files.detected.${key}`)
      : kind !== file.detectedType
        ? translate("dostup.files.detected.kind", { kind })
        : translate("dostup.files.detected.other", { type: file.detectedType });
  }
  return translate(`dostup.files.reject.${file.rejectCode}`, { declared, detected, _: file.rejectReason ?? "" });
}

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * POSTs the presigned form straight to the storage with XMLHttpRequest: fetch has no upload
 * progress events. The file goes last, as S3 requires.
 */
function postToStorage(form: UploadForm, file: File, onProgress: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    for (const field of form.upload.fields) {
      body.append(field.name, field.value);
    }
    body.append("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.upload.url);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(Math.round((event.loaded / event.total) * 100));
      }
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve();
      } else {
        reject(new Error("dostup.files.storage_refused"));
      }
    };
    xhr.onerror = () => reject(new Error("dostup.files.storage_unreachable"));
    xhr.send(body);
  });
}

/** The three steps of the upload protocol: request the form, POST to the storage, confirm. */
export async function uploadFile(
  file: File,
  owner: UploadOwner,
  onProgress: (percent: number) => void,
): Promise<UploadedFile> {
  const form = await mutate<UploadForm>(
    "requestFileUpload",
    {
      ...owner,
      fileName: file.name,
      contentType: contentTypeOf(file),
      size: file.size,
      sha256: await sha256Hex(file),
    },
    "file { id } upload { url fields { name value } }",
  );
  await postToStorage(form, file, onProgress);
  return mutate<UploadedFile>(
    "confirmFileUpload",
    { fileId: form.file.id },
    "id name status contentType rejectReason rejectCode detectedType",
  );
}

interface FileUploadProps {
  owner: UploadOwner;
  /** Narrows the file chooser to some of the purpose's extensions, e.g. ["csv", "xlsx"]. */
  extensions?: string[];
  label: string;
  onUploaded?: (file: UploadedFile) => void;
  disabled?: boolean;
}

type UploadState =
  | { step: "idle" }
  | { step: "uploading"; name: string; percent: number }
  | { step: "done"; file: UploadedFile }
  | { step: "failed"; message: string };

/** A file button with the upload's progress bar and outcome. */
export const FileUpload = ({ owner, extensions, label, onUploaded, disabled }: FileUploadProps) => {
  const translate = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<UploadState>({ step: "idle" });

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) {
      return;
    }
    setState({ step: "uploading", name: file.name, percent: 0 });
    try {
      const stored = await uploadFile(file, owner, (percent) =>
        setState({ step: "uploading", name: file.name, percent }),
      );
      setState({ step: "done", file: stored });
      onUploaded?.(stored);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setState({ step: "failed", message });
    }
  };

  const uploading = state.step === "uploading";
  const accept = (extensions ?? ACCEPTED_EXTENSIONS[owner.purpose]).map((extension) => `.${extension}`).join(",");
  return (
    <Stack spacing={1} sx={{ maxWidth: 560 }} data-testid="file-upload">
      <Box>
        <input ref={input} type="file" accept={accept} hidden onChange={choose} data-testid="file-input" />
        <Button
          variant="outlined"
          startIcon={<UploadFileIcon />}
          disabled={disabled || uploading}
          onClick={() => input.current?.click()}
        >
          {label}
        </Button>
      </Box>
      {state.step === "uploading" && (
        <Box>
          <Typography variant="body2">
            {translate("dostup.files.uploading", { name: state.name, percent: state.percent })}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={state.percent}
            aria-label={translate("dostup.files.progress")}
            data-testid="upload-progress"
          />
        </Box>
      )}
      {state.step === "done" && (
        <Box>
          <LinearProgress variant="determinate" value={100} data-testid="upload-progress" />
          <Alert severity={state.file.status === "AVAILABLE" ? "success" : "warning"} sx={{ mt: 1 }}>
            {state.file.status === "AVAILABLE"
              ? translate("dostup.files.uploaded", { name: state.file.name })
              : translate("dostup.files.not_available", {
                  name: state.file.name,
                  status: translate(`enums.FileStatus.${state.file.status}`),
                  reason: rejectionText(translate, state.file),
                })}
          </Alert>
        </Box>
      )}
      {state.step === "failed" && <Alert severity="error">{translate(state.message, { _: state.message })}</Alert>}
    </Stack>
  );
};
