import FactCheckIcon from "@mui/icons-material/FactCheck";
import { Button, useRecordContext } from "react-admin";
import { useAction } from "../../lib/action";
import { mutateVersioned } from "../../providers/graphql";
import type { CentreRecord } from "./types";

/** Records that the centre's data was checked today (verifyCentre: lastVerifiedAt/By). */
export const VerifyButton = () => {
  const record = useRecordContext<CentreRecord>();
  const { pending, run } = useAction();
  if (!record || record.archivedAt) {
    return null;
  }
  const verify = () => run(() => mutateVersioned("verifyCentre", record), "dostup.centres.verify.done");
  return (
    <Button label="dostup.centres.verify.button" onClick={verify} disabled={pending}>
      <FactCheckIcon />
    </Button>
  );
};
