import { TextArrayField, type TextArrayFieldProps, useRecordContext, useTranslate } from "react-admin";
import type { CentreRecord } from "./types";

interface CentreKindsFieldProps extends Omit<TextArrayFieldProps, "source" | "record"> {
  // Layouts label a field by its `source`, so it is passed although fixed.
  source: "kinds";
}

/** The kinds of a centre as chips with their translated labels. */
export const CentreKindsField = (props: CentreKindsFieldProps) => {
  const record = useRecordContext<CentreRecord>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  // TextArrayField shows values as they are; it gets the labels instead.
  const labels = {
    id: record.id,
    kinds: record.kinds.map((kind) => translate(`enums.CentreKind.${kind}`)),
  };
  return <TextArrayField {...props} record={labels} />;
};
