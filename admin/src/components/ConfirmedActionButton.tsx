import { type ReactElement, useState } from "react";
import { Button, Confirm } from "react-admin";
import { useAction } from "../lib/action";

interface ConfirmedActionButtonProps {
  /** i18n keys: the button, the dialog's title and text, and the notice after success. */
  label: string;
  title: string;
  content: string;
  done: string;
  translateOptions?: Record<string, unknown>;
  icon: ReactElement;
  color?: "error" | "warning" | "primary";
  /** The action itself; a thrown error is shown as a notification (react-admin translates keys). */
  action: () => Promise<unknown>;
}

/** A button whose action runs only after a confirmation, then tells how it went and reloads the record. */
export const ConfirmedActionButton = ({
  label,
  title,
  content,
  done,
  translateOptions,
  icon,
  color = "primary",
  action,
}: ConfirmedActionButtonProps) => {
  const { pending, run } = useAction("success");
  const [open, setOpen] = useState(false);
  const confirm = async () => {
    await run(action, done);
    setOpen(false);
  };
  return (
    <>
      <Button
        label={label}
        color={color}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {icon}
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={title}
        content={content}
        translateOptions={translateOptions}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
