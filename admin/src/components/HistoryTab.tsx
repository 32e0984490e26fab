import {
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
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
import { formatDateTime } from "../lib/format";
import { type ChangeFieldData, type RenderedChange, renderChange } from "../lib/history";
import { request } from "../providers/graphql";

interface ChangeEntry {
  id: string;
  entity: string;
  action: string;
  actorName: string | null;
  at: string;
  fields: ChangeFieldData[];
}

interface ChangesData {
  changes: { totalCount: number; edges: { cursor: string; node: Omit<ChangeEntry, "id"> }[] };
}

const HISTORY_QUERY = `query History($recordId: ID!, $first: Int) {
  changes(recordId: $recordId, first: $first) {
    totalCount
    edges { cursor node { entity action actorName at fields { field label from to names { id name } } } }
  }
}`;

/** How many changes the tab shows; the API caps a page at 100. */
const HISTORY_SIZE = 100;

const cell = { py: 0.5, px: 1 } as const;

/** The changed fields: one row each, the value before and after. */
const FieldsTable = ({ rows }: { rows: RenderedChange["fields"] }) => {
  const translate = useTranslate();
  return (
    <Table size="small" data-testid="history-fields" sx={{ tableLayout: "fixed" }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ ...cell, width: "30%" }}>{translate("dostup.history.field")}</TableCell>
          <TableCell sx={{ ...cell, width: "35%" }}>{translate("dostup.history.before")}</TableCell>
          <TableCell sx={{ ...cell, width: "35%" }}>{translate("dostup.history.after")}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.field}>
            <TableCell sx={{ ...cell, fontWeight: 500 }}>{row.label}</TableCell>
            <TableCell sx={cell}>{row.from}</TableCell>
            <TableCell sx={cell}>{row.to}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** A report's changed values: indicator → before → after, each as total and rural part. */
const ValuesTable = ({ rows }: { rows: RenderedChange["values"] }) => {
  const translate = useTranslate();
  const total = translate("dostup.history.total");
  const rural = translate("dostup.history.rural");
  return (
    <Table size="small" data-testid="history-values">
      <TableHead>
        <TableRow>
          <TableCell sx={cell} rowSpan={2}>
            {translate("dostup.history.indicator")}
          </TableCell>
          <TableCell sx={cell} colSpan={2} align="center">
            {translate("dostup.history.before")}
          </TableCell>
          <TableCell sx={cell} colSpan={2} align="center">
            {translate("dostup.history.after")}
          </TableCell>
        </TableRow>
        <TableRow>
          {[total, rural, total, rural].map((label, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: four fixed header cells
            <TableCell key={index} sx={cell} align="right">
              {label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.indicator}>
            <TableCell sx={{ ...cell, width: "40%" }}>{row.indicator}</TableCell>
            <TableCell sx={cell} align="right">
              {row.from.total}
            </TableCell>
            <TableCell sx={cell} align="right">
              {row.from.rural}
            </TableCell>
            <TableCell sx={cell} align="right">
              {row.to.total}
            </TableCell>
            <TableCell sx={cell} align="right">
              {row.to.rural}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * The change history of the record in context (the API's `changes(recordId)`), newest
 * first: who did what, when, and each field's value before and after, in words.
 */
const History = () => {
  const record = useRecordContext();
  const resource = useResourceContext() ?? "";
  const translate = useTranslate();
  const [locale = "ru"] = useLocaleState();
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
  const entries: ChangeEntry[] = data?.edges.map((edge) => ({ id: edge.cursor, ...edge.node })) ?? [];
  if (entries.length === 0) {
    return <Typography sx={{ p: 2 }}>{translate("dostup.history.empty")}</Typography>;
  }
  return (
    <Stack spacing={1} sx={{ p: 1 }} data-testid="history">
      {data && data.totalCount > entries.length && (
        <Typography variant="body2">
          {translate("dostup.history.latest", { shown: entries.length, total: data.totalCount })}
        </Typography>
      )}
      {entries.map((entry) => {
        const change = renderChange(entry.fields, { entity: entry.entity, resource, translate, language: locale });
        return (
          <Card key={entry.id} variant="outlined" data-testid="history-entry">
            <CardContent>
              <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: "center" }}>
                <Chip size="small" label={translate(`enums.ChangeAction.${entry.action}`, { _: entry.action })} />
                <Typography variant="body2">{formatDateTime(entry.at, locale)}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {entry.actorName ?? translate("dostup.history.system")}
                </Typography>
              </Stack>
              {change.note && (
                <Typography variant="body2" sx={{ mb: 1 }}>
                  {change.note}
                </Typography>
              )}
              {change.fields.length > 0 && <FieldsTable rows={change.fields} />}
              {change.values.length > 0 && <ValuesTable rows={change.values} />}
            </CardContent>
          </Card>
        );
      })}
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
