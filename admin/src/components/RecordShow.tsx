import type { ReactElement, ReactNode } from "react";
import { Show, TabbedShowLayout } from "react-admin";
import { HistoryTab } from "./HistoryTab";

interface RecordShowProps {
  title?: ReactElement;
  actions?: ReactElement;
  /** Whether the page ends with the record's change history (false where the API refuses it). */
  history?: boolean;
  /** The page's tabs (TabbedShowLayout.Tab). */
  children: ReactNode;
}

/** A record's page: its tabs, then the history of its changes at `…/show/history`. */
export const RecordShow = ({ title, actions, history = true, children }: RecordShowProps) => (
  <Show title={title} actions={actions}>
    <TabbedShowLayout>
      {children}
      {history && <HistoryTab path="history" />}
    </TabbedShowLayout>
  </Show>
);
