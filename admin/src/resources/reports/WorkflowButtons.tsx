import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Stack,
  TextField,
  Typography,
} from "@mui/material";
import { useState } from "react";
import { useTranslate } from "react-admin";
import { useAction } from "../../lib/action";
import { useRole } from "../../lib/resource";
import type { Role } from "../../providers/authProvider";
import { mutate } from "../../providers/graphql";
import { canEdit } from "./access";
import type { Report } from "./types";

/** Who may take each step; the API checks the same (and the report's region or centre). */
const REVIEWERS: readonly Role[] = ["ADMIN", "CURATOR"];

type Step = "submit" | "return" | "approve" | "lock";

const MUTATIONS: Record<Step, { name: string; inputType?: string }> = {
  submit: { name: "submitReport", inputType: "VersionedInput" },
  return: { name: "returnReport" },
  approve: { name: "approveReport" },
  lock: { name: "lockReport", inputType: "VersionedInput" },
};

/** The steps the role may take from the report's status. */
export function allowedSteps(role: Role | undefined, report: Pick<Report, "status">): Step[] {
  if (!role) {
    return [];
  }
  const steps: Step[] = [];
  if (canEdit(role, report)) {
    steps.push("submit");
  }
  if (REVIEWERS.includes(role) && report.status === "SUBMITTED") {
    steps.push("return", "approve");
  }
  if (REVIEWERS.includes(role) && report.status === "APPROVED") {
    steps.push("lock");
  }
  return steps;
}

/**
 * The workflow's buttons for what the role may do now: submit (the reporter), return with
 * a reason or approve (a curator of the region), lock (after approval). Whoever created,
 * filled in or submitted the report finds approval disabled, with why beside it: the API
 * refuses it (four eyes).
 */
export const WorkflowButtons = ({ report, unsaved }: { report: Report; unsaved: boolean }) => {
  const role = useRole();
  const translate = useTranslate();
  const { pending: busy, run: runAction } = useAction("success");
  const [dialog, setDialog] = useState<Step | null>(null);
  const [reason, setReason] = useState("");
  const [published, setPublished] = useState(false);
  const steps = allowedSteps(role, report);
  if (steps.length === 0) {
    return null;
  }
  const ownReport = steps.includes("approve") && report.canApprove === false;

  const run = async (step: Step) => {
    const extra = step === "return" ? { reason: reason.trim() } : step === "approve" ? { published } : {};
    const done = await runAction(
      () =>
        mutate(MUTATIONS[step].name, { id: report.id, version: report.version, ...extra }, "id version status", {
          inputType: MUTATIONS[step].inputType,
        }),
      `dostup.reports.done.${step}`,
    );
    if (done) {
      setDialog(null);
      setReason("");
    }
  };

  return (
    <Stack direction="row" spacing={1} sx={{ my: 2 }} data-testid="workflow">
      {steps.includes("submit") && (
        <Button
          variant="contained"
          disabled={busy || unsaved}
          title={unsaved ? translate("dostup.reports.save_first") : undefined}
          onClick={() => run("submit")}
        >
          {translate("dostup.reports.action.submit")}
        </Button>
      )}
      {steps.includes("return") && (
        <Button variant="outlined" color="warning" disabled={busy} onClick={() => setDialog("return")}>
          {translate("dostup.reports.action.return")}
        </Button>
      )}
      {steps.includes("approve") && (
        <Button variant="contained" color="success" disabled={busy || ownReport} onClick={() => setDialog("approve")}>
          {translate("dostup.reports.action.approve")}
        </Button>
      )}
      {ownReport && (
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ alignSelf: "center", flex: "1 1 0", minWidth: 0 }}
          data-testid="approve-blocked"
        >
          {translate("dostup.reports.own_report")}
        </Typography>
      )}
      {steps.includes("lock") && (
        <Button variant="outlined" disabled={busy} onClick={() => setDialog("lock")}>
          {translate("dostup.reports.action.lock")}
        </Button>
      )}
      <Dialog open={dialog !== null} onClose={() => setDialog(null)} fullWidth maxWidth="sm">
        {dialog && <DialogTitle>{translate(`dostup.reports.confirm.${dialog}`)}</DialogTitle>}
        <DialogContent>
          {dialog === "return" && (
            <TextField
              autoFocus
              fullWidth
              multiline
              minRows={3}
              margin="dense"
              name="reason"
              required
              label={translate("dostup.reports.reason")}
              helperText={translate("dostup.reports.reason_help")}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
          )}
          {dialog === "approve" && (
            <FormControlLabel
              control={<Checkbox checked={published} onChange={(event) => setPublished(event.target.checked)} />}
              label={translate("dostup.reports.publish")}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDialog(null)}>{translate("ra.action.cancel")}</Button>
          <Button
            variant="contained"
            disabled={busy || (dialog === "return" && reason.trim() === "")}
            onClick={() => dialog && run(dialog)}
          >
            {dialog ? translate(`dostup.reports.action.${dialog}`) : ""}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};
