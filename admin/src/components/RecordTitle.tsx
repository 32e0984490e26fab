import { useRecordContext } from "react-admin";

/** A show page's title: the record's name (or another of its fields) alone. */
export const RecordTitle = ({ source = "name" }: { source?: string }) => {
  const record = useRecordContext();
  return <span>{String(record?.[source] ?? "")}</span>;
};
