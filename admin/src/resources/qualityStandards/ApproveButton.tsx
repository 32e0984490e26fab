import TaskAltIcon from "@mui/icons-material/TaskAlt";
import { useState } from "react";
import { Button, Confirm, type HttpError, useNotify, useRecordContext, useRefresh, useTranslate } from "react-admin";
import { mutate } from "../../providers/graphql";
import type { QualityStandardRecord } from "./choices";

/**
 * Approves a draft after a confirmation: the service's approved revision becomes superseded
 * and this one is read-only from then on.
 */
export const ApproveButton = () => {
  const record = useRecordContext<QualityStandardRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (record?.status !== "DRAFT") {
    return null;
  }
  const approve = async () => {
    setPending(true);
    try {
      await mutate("approveQualityStandard", { id: record.id, version: record.version }, "id version status");
      notify("dostup.qualityStandards.approved", { type: "info" });
      refresh();
    } catch (error) {
      notify((error as HttpError).message, { type: "error" });
    } finally {
      setPending(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button label="dostup.qualityStandards.approve" onClick={() => setOpen(true)} disabled={pending}>
        <TaskAltIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={translate("dostup.qualityStandards.approve_title", { revision: record.revision })}
        content={translate("dostup.qualityStandards.approve_content")}
        confirm="dostup.qualityStandards.approve"
        onConfirm={approve}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
