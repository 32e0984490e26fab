import FactCheckIcon from "@mui/icons-material/FactCheck";
import { useState } from "react";
import { Button, type HttpError, useNotify, useRecordContext, useRefresh } from "react-admin";
import { mutate } from "../../providers/graphql";
import type { CentreRecord } from "./types";

/** Records that the centre's data was checked today (verifyCentre: lastVerifiedAt/By). */
export const VerifyButton = () => {
  const record = useRecordContext<CentreRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  if (!record || record.archivedAt) {
    return null;
  }
  const verify = async () => {
    setPending(true);
    try {
      await mutate("verifyCentre", { id: record.id, version: record.version }, "id version lastVerifiedAt", {
        inputType: "VersionedInput",
      });
      notify("dostup.centres.verify.done", { type: "info" });
      refresh();
    } catch (error) {
      notify((error as HttpError).message, { type: "error" });
    } finally {
      setPending(false);
    }
  };
  return (
    <Button label="dostup.centres.verify.button" onClick={verify} disabled={pending}>
      <FactCheckIcon />
    </Button>
  );
};
