import { Typography } from "@mui/material";
import { useTranslate } from "react-admin";

/** A translated line where a table or section has nothing to show. */
export const EmptyText = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
      {translate(text)}
    </Typography>
  );
};
