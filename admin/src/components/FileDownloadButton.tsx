import DownloadIcon from "@mui/icons-material/Download";
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from "@mui/material";
import { useState } from "react";
import { useNotify, useTranslate } from "react-admin";
import { request } from "../providers/graphql";
import { followDownload } from "./downloads";

const DOWNLOAD_URL = `query FileDownloadUrl($input: FileDownloadUrlInput!) {
  fileDownloadUrl(input: $input) {
    __typename
    ... on Error { message }
    ... on QueryFileDownloadUrlSuccess { data { url expiresAt } }
  }
}`;

type DownloadResult =
  | { __typename: "QueryFileDownloadUrlSuccess"; data: { url: string; expiresAt: string } }
  | { __typename: string; message?: string };

/** The purpose must be 3–500 characters: the access log records it. */
const MIN_PURPOSE = 3;

/**
 * Downloads a stored file: the API logs who asked and why (FileAccess) before it hands
 * out a short-lived URL, so the user states the purpose first.
 */
export const FileDownloadButton = ({ fileId, fileName }: { fileId: string; fileName: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState("");
  const [busy, setBusy] = useState(false);
  const valid = purpose.trim().length >= MIN_PURPOSE;

  const download = async () => {
    setBusy(true);
    try {
      const data = await request<{ fileDownloadUrl: DownloadResult }>(DOWNLOAD_URL, {
        input: { fileId, purpose: purpose.trim() },
      });
      const result = data.fileDownloadUrl;
      if (result.__typename === "QueryFileDownloadUrlSuccess" && "data" in result) {
        followDownload(result.data.url);
        setOpen(false);
      } else {
        notify("message" in result && result.message ? result.message : "dostup.error.unexpected", {
          type: "error",
        });
      }
    } catch (error) {
      notify(error instanceof Error ? error.message : "dostup.error.unexpected", { type: "error" });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<DownloadIcon />} onClick={() => setOpen(true)}>
        {translate("dostup.files.download")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate("dostup.files.download_title", { name: fileName })}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            name="purpose"
            label={translate("dostup.files.purpose")}
            helperText={translate("dostup.files.purpose_help")}
            value={purpose}
            onChange={(event) => setPurpose(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate("ra.action.cancel")}</Button>
          <Button variant="contained" disabled={!valid || busy} onClick={download}>
            {translate("dostup.files.download")}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
