import { Dialog, DialogActions, DialogContent, DialogTitle } from "@mui/material";
import type { ReactNode } from "react";
import { Button, Form, SaveButton, useTranslate } from "react-admin";
import { useAction } from "../lib/action";

interface FormDialogProps {
  /** i18n keys: the title (with `titleArgs`), the submit button, and the notice after it. */
  title: string;
  titleArgs?: Record<string, unknown>;
  submitLabel: string;
  done: string;
  doneArgs?: Record<string, unknown>;
  /** Sends the form's values; a failure is shown and the dialog stays open with them. */
  save: (values: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
  defaultValues?: Record<string, unknown>;
  /** The form's inputs, validated before `save` runs. */
  children: ReactNode;
}

/** A step taken on the record on the page through a small form: Cancel, or submit and reload. */
export const FormDialog = ({
  title,
  titleArgs,
  submitLabel,
  done,
  doneArgs,
  save,
  onClose,
  defaultValues,
  children,
}: FormDialogProps) => {
  const translate = useTranslate();
  const { run } = useAction();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <Form
        defaultValues={defaultValues}
        onSubmit={async (values: Record<string, unknown>) => {
          if (await run(() => save(values), done, doneArgs)) {
            onClose();
          }
        }}
      >
        <DialogTitle>{translate(title, titleArgs)}</DialogTitle>
        <DialogContent>{children}</DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          <SaveButton label={submitLabel} alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
