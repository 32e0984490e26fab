import { TextField } from "@mui/material";
import { useTranslate } from "react-admin";

interface TimeFieldProps {
  type: "date" | "time";
  /** An i18n key. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The input's name, for browsers' autofill and the browser tests. */
  name?: string;
}

/** A day or a time of day in the hours dialogs, its label kept above the browser's own hint. */
export const TimeField = ({ type, label, value, onChange, name }: TimeFieldProps) => {
  const translate = useTranslate();
  return (
    <TextField
      size="small"
      type={type}
      label={translate(label)}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { name } }}
    />
  );
};
