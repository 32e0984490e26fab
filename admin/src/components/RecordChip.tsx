import { Chip, type ChipProps } from "@mui/material";
import { type TranslateFunction, useRecordContext, useTranslate } from "react-admin";

/**
 * The record's state as a small coloured chip (a status, active or closed), for a list's column
 * or a page: `colour` and `label` read it from the record in context.
 */
export function RecordChip<Row>({
  colour,
  label,
  testId,
}: {
  colour: (record: Row) => ChipProps["color"];
  label: (record: Row, translate: TranslateFunction) => string;
  testId?: string;
}) {
  const record = useRecordContext<Row & Record<string, unknown>>();
  const translate = useTranslate();
  return record ? (
    <Chip size="small" color={colour(record)} label={label(record, translate)} data-testid={testId} />
  ) : null;
}
