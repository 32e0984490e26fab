import { Box, Card, CardContent, Chip, Stack, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import {
  Loading,
  TabbedShowLayout,
  type TabProps,
  useLocaleState,
  useRecordContext,
  useResourceContext,
  useTranslate,
} from "react-admin";
import { request } from "../providers/graphql";

interface ChangeEntry {
  action: string;
  actorName: string | null;
  at: string;
  changes: string;
}

interface ChangesData {
  changes: { totalCount: number; edges: { node: ChangeEntry }[] };
}

const HISTORY_QUERY = `query History($recordId: ID!, $first: Int) {
  changes(recordId: $recordId, first: $first) {
    totalCount
    edges { node { action actorName at changes } }
  }
}`;

/** How many changes the tab shows; the API caps a page at 100. */
const HISTORY_SIZE = 100;

type FieldChange = { from?: unknown; to?: unknown };

function parseChanges(text: string): [string, FieldChange | string][] {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) {
      return [];
    }
    return Object.entries(value as Record<string, FieldChange | string>);
  } catch {
    return [];
  }
}

const show = (value: unknown): string =>
  value === null || value === undefined || value === ""
    ? "—"
    : typeof value === "string"
      ? value
      : JSON.stringify(value);

/**
 * The change history of the record in context (the API's `changes(recordId)`), newest
 * first: who did what, when, and each field's value before and after.
 */
const History = () => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const recordId = record?.id;
  const { data, isPending, error } = useQuery({
    queryKey: ["history", recordId],
    queryFn: ({ signal }) =>
      request<ChangesData>(HISTORY_QUERY, { recordId, first: HISTORY_SIZE }, signal).then((result) => result.changes),
    enabled: recordId !== undefined,
  });
  if (isPending) {
    return <Loading />;
  }
  if (error) {
    return <Typography color="error">{translate("dostup.history.error")}</Typography>;
  }
  const entries = data?.edges.map((edge) => edge.node) ?? [];
  if (entries.length === 0) {
    return <Typography sx={{ p: 2 }}>{translate("dostup.history.empty")}</Typography>;
  }
  const format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "ru-RU", {
    dateStyle: "medium",
    timeStyle: "short",
  });
  return (
    <Stack spacing={1} sx={{ p: 1 }} data-testid="history">
      {data && data.totalCount > entries.length && (
        <Typography variant="body2">
          {translate("dostup.history.latest", { shown: entries.length, total: data.totalCount })}
        </Typography>
      )}
      {entries.map((entry) => (
        <Card key={`${entry.at}-${entry.action}-${entry.changes.length}`} variant="outlined">
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: "center" }}>
              <Chip size="small" label={translate(`enums.ChangeAction.${entry.action}`, { _: entry.action })} />
              <Typography variant="body2">{format.format(new Date(entry.at))}</Typography>
              <Typography variant="body2" color="text.secondary">
                {entry.actorName ?? translate("dostup.history.system")}
              </Typography>
            </Stack>
            {parseChanges(entry.changes).map(([field, change]) => (
              <Box key={field} sx={{ fontSize: 14 }}>
                <b>
                  {field === "_note"
                    ? translate("dostup.history.note")
                    : translate(`resources.${resource}.fields.${field}`, { _: field })}
                </b>
                :{" "}
                {typeof change === "object" && change !== null && ("from" in change || "to" in change)
                  ? `${show(change.from)} → ${show(change.to)}`
                  : show(change)}
              </Box>
            ))}
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};

/**
 * The history tab of a show page. TabbedShowLayout routes a tab by the `path` its element
 * is given, so pages pass it here ("history") as they would to their own tabs.
 */
export const HistoryTab = (props: Omit<TabProps, "label" | "children">) => (
  <TabbedShowLayout.Tab {...props} label="dostup.history.tab">
    <History />
  </TabbedShowLayout.Tab>
);
