import { Alert, Chip } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";
import { LocaleDateField } from "./localeFields";

/** The message key of a resource's "archived" word, e.g. "dostup.events.archived". */
interface ArchivedProps {
  message: string;
}

/** On a record's page: that it is archived, and since when; nothing for a current record. */
export const ArchivedNotice = ({ message }: ArchivedProps) => {
  const record = useRecordContext<{ archivedAt?: string | null }>();
  const translate = useTranslate();
  if (!record?.archivedAt) {
    return null;
  }
  return (
    <Alert severity="info">
      {translate(message)} · <LocaleDateField source="archivedAt" />
    </Alert>
  );
};

/** In a list: the record's name followed by an "archived" chip when it is archived. */
export const NameWithArchived = ({ name, message }: ArchivedProps & { name: "name" | "title" }) => {
  const record = useRecordContext<{ archivedAt?: string | null } & Record<string, unknown>>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  return (
    <span>
      {String(record[name] ?? "")} {record.archivedAt && <Chip size="small" label={translate(message)} />}
    </span>
  );
};
