import { Alert, Box, Link as MuiLink, Paper, Stack, Typography } from "@mui/material";
import type { ReactNode } from "react";
import { useRecordContext, useTranslate } from "react-admin";
import type { Person } from "./types";

/** One published field: its value, or "not published" where consent is missing. */
const Line = ({ label, value, children }: { label: string; value: string | null; children?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2">
      <Box component="span" sx={{ color: "text.secondary" }}>
        {translate(label)}:{" "}
      </Box>
      {value !== null ? (
        (children ?? value)
      ) : (
        <Box component="span" sx={{ fontStyle: "italic", color: "text.secondary" }}>
          {translate("dostup.people.published.not_published")}
        </Box>
      )}
    </Typography>
  );
};

/**
 * What the public curator directory (serviceCurators, curatorDirectory) shows of the person:
 * the photo only with photo consent, the email and phone only with contacts consent.
 */
export const PublishedPanel = () => {
  const record = useRecordContext<Person>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  const published = record.published;
  return (
    <Paper variant="outlined" sx={{ p: 2, maxWidth: 420 }} data-testid="published-panel">
      <Stack spacing={1}>
        <Typography variant="subtitle2">{translate("dostup.people.published.title")}</Typography>
        <Typography variant="caption" color="text.secondary">
          {translate("dostup.people.published.help")}
        </Typography>
        {published ? (
          <Stack direction="row" spacing={2}>
            {/* The panel's own (presigned) copy: the public URL is on the API's origin, which the
                admin's content security policy does not load images from. */}
            {published.photoUrl && record.photoUrl && (
              <Box
                component="img"
                src={record.photoUrl}
                alt={translate("dostup.people.published.photo_published")}
                sx={{ width: 72, height: 86, objectFit: "cover", borderRadius: 1 }}
              />
            )}
            <Stack spacing={0.5}>
              <Typography variant="body1">{published.fullName}</Typography>
              <Line label="resources.people.fields.position" value={published.position} />
              <Line label="resources.people.fields.organisation.name" value={published.organisation} />
              <Line label="dostup.people.photo" value={published.photoUrl}>
                {published.photoUrl && (
                  <MuiLink href={published.photoUrl} target="_blank" rel="noreferrer">
                    {translate("dostup.people.published.photo_published")}
                  </MuiLink>
                )}
              </Line>
              <Line label="resources.people.fields.email" value={published.email} />
              <Line label="resources.people.fields.phone" value={published.phone} />
            </Stack>
          </Stack>
        ) : (
          <Alert severity="info">{translate("dostup.people.published.archived")}</Alert>
        )}
      </Stack>
    </Paper>
  );
};
