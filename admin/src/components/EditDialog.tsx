import { Dialog, DialogActions, DialogContent, DialogTitle } from "@mui/material";
import type { ReactNode } from "react";
import { Button, useTranslate } from "react-admin";
import { useAction } from "../lib/action";

interface EditDialogProps {
  /** i18n keys: the title, and the notice after saving. */
  title: string;
  done: string;
  /** Whether what was entered may be saved (Save stays disabled until then). */
  canSave: boolean;
  /** Saves what was entered; a failure is shown and the dialog stays open with it. */
  save: () => Promise<unknown>;
  onClose: () => void;
  maxWidth?: "xs" | "sm";
  children: ReactNode;
}

/** A dialog that changes a small part of the record on the page: Cancel, or Save and reload. */
export const EditDialog = ({ title, done, canSave, save, onClose, maxWidth = "sm", children }: EditDialogProps) => {
  const translate = useTranslate();
  const { pending, run } = useAction();
  return (
    <Dialog open onClose={onClose} maxWidth={maxWidth} fullWidth>
      <DialogTitle>{translate(title)}</DialogTitle>
      <DialogContent>{children}</DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button
          label="ra.action.save"
          onClick={async () => {
            if (await run(save, done)) {
              onClose();
            }
          }}
          disabled={pending || !canSave}
          variant="contained"
        />
      </DialogActions>
    </Dialog>
  );
};
