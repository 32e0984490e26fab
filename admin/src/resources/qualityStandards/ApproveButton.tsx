import TaskAltIcon from "@mui/icons-material/TaskAlt";
import { Typography } from "@mui/material";
import { useState } from "react";
import { Button, Confirm, useRecordContext, useTranslate } from "react-admin";
import { useAction } from "../../lib/action";
import { mutate } from "../../providers/graphql";
import type { QualityStandardRecord } from "./choices";

/**
 * Approves a draft after a confirmation: the service's approved revision becomes superseded
 * and this one is read-only from then on. Whoever created or edited the draft finds the
 * button disabled, with why beside it: the API refuses them (four eyes).
 */
export const ApproveButton = () => {
  const record = useRecordContext<QualityStandardRecord>();
  const translate = useTranslate();
  const { pending, run } = useAction();
  const [open, setOpen] = useState(false);
  if (record?.status !== "DRAFT") {
    return null;
  }
  if (record.canApprove === false) {
    return (
      <>
        <Typography variant="body2" color="text.secondary" sx={{ alignSelf: "center" }} data-testid="approve-blocked">
          {translate(
            record.service.region ? "dostup.qualityStandards.own_draft" : "dostup.qualityStandards.own_federal_draft",
          )}
        </Typography>
        <Button label="dostup.qualityStandards.approve" disabled>
          <TaskAltIcon />
        </Button>
      </>
    );
  }
  const approve = async () => {
    await run(
      () => mutate("approveQualityStandard", { id: record.id, version: record.version }, "id version status"),
      "dostup.qualityStandards.approved",
    );
    setOpen(false);
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
