import { useState } from "react";
import { useNotify, useRefresh } from "react-admin";

/**
 * Runs a change the user asked for (a mutation, mostly): `pending` while it runs, then the
 * notice `done` (an i18n key) and a reload of the page's records; a failure becomes an
 * error notice with the API's message (react-admin translates keys). `run` resolves to
 * whether it succeeded, so a dialog closes only then and keeps what was typed otherwise.
 */
export function useAction(type: "info" | "success" = "info") {
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  const run = async (
    action: () => Promise<unknown>,
    done: string,
    messageArgs?: Record<string, unknown>,
  ): Promise<boolean> => {
    setPending(true);
    try {
      await action();
      notify(done, { type, messageArgs });
      refresh();
      return true;
    } catch (error) {
      notify(error instanceof Error ? error.message : "dostup.error.unexpected", { type: "error" });
      return false;
    } finally {
      setPending(false);
    }
  };
  return { pending, run };
}
