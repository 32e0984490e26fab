import FilterAltIcon from "@mui/icons-material/FilterAlt";
import { IconButton, Tooltip } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import {
  DataTable,
  DateInput,
  type InputProps,
  Link,
  List,
  SearchInput,
  TextInput,
  TopToolbar,
  useListContext,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { ApiCsvButton } from "../../components/ApiCsvButton";
import { localDay } from "../../components/DayField";
import { LocaleDateField } from "../../components/localeFields";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { useRole } from "../../lib/resource";
import { request } from "../../providers/graphql";

interface FileAccess {
  id: string;
  at: string;
  purpose: string;
  role: string;
  userEmail: string | null;
  userName: string | null;
  file: { id: string; name: string; purpose: string; status: string; report: { id: string } | null };
}

const Column = DataTable.Col<FileAccess>;

// The filter takes instants; the inputs take days: the whole first and last day count.
const startOfDay = (value: string | null): string | null =>
  value ? new Date(`${value}T00:00:00`).toISOString() : null;
const endOfDay = (value: string | null): string | null =>
  value ? new Date(`${value}T23:59:59.999`).toISOString() : null;
const dayOf = (value: unknown): string => (typeof value === "string" && value !== "" ? localDay(new Date(value)) : "");

/** The chosen file by name (the filter holds its id, set from a row). */
const FileFilterInput = (props: InputProps) => {
  const { filterValues } = useListContext();
  const fileId = typeof filterValues.fileId === "string" ? filterValues.fileId : undefined;
  const { data } = useQuery({
    queryKey: ["file-name", fileId],
    enabled: fileId !== undefined,
    queryFn: ({ signal }) =>
      request<{ node: { name?: string } | null }>(
        "query FileName($id: ID!) { node(id: $id) { id ... on StoredFile { name } } }",
        { id: fileId },
        signal,
      ),
  });
  return (
    <TextInput
      {...props}
      source="fileId"
      format={() => data?.node?.name ?? ""}
      parse={() => fileId}
      disabled
      helperText={false}
    />
  );
};

/** Shows only this row's file. */
const OnlyThisFile = () => {
  const record = useRecordContext<FileAccess>();
  const { filterValues, setFilters } = useListContext();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  return (
    <Tooltip title={translate("dostup.fileAccesses.only_this_file")}>
      <IconButton
        size="small"
        aria-label={translate("dostup.fileAccesses.only_this_file")}
        onClick={(event) => {
          event.stopPropagation();
          setFilters({ ...filterValues, fileId: record.file.id }, undefined);
        }}
      >
        <FilterAltIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
};

const FileName = (_props: { source?: string }) => {
  const record = useRecordContext<FileAccess>();
  if (!record) {
    return null;
  }
  const report = record.file.report;
  return report ? (
    <Link
      to={`/reports/${encodeURIComponent(report.id)}/show/files`}
      onClick={(event: { stopPropagation: () => void }) => event.stopPropagation()}
    >
      {record.file.name}
    </Link>
  ) : (
    <span>{record.file.name}</span>
  );
};

const Who = (_props: { source?: string }) => {
  const record = useRecordContext<FileAccess>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  return (
    <span>
      {record.userName ?? "—"}
      {record.userEmail ? ` <${record.userEmail}>` : ""} ·{" "}
      {translate(`enums.UserRole.${record.role}`, { _: record.role })}
    </span>
  );
};

/** Who received a download URL of which file, when and why. Read-only. */
export const FileAccessList = () => {
  const admin = useRole() === "ADMIN";
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <DateInput key="from" source="from" alwaysOn parse={startOfDay} format={dayOf} />,
    <DateInput key="to" source="to" alwaysOn parse={endOfDay} format={dayOf} />,
    <FileFilterInput key="fileId" source="fileId" />,
    // Auditors may not list accounts; administrators pick one.
    ...(admin ? [<ReferenceFilter key="userId" source="userId" reference="users" optionText="fullName" />] : []),
  ];
  return (
    <List
      filters={filters}
      sort={{ field: "at", order: "DESC" }}
      actions={
        <TopToolbar>
          <ApiCsvButton label="dostup.fileAccesses.export" />
        </TopToolbar>
      }
      exporter={false}
    >
      <DataTable bulkActionButtons={false}>
        <Column source="at">
          <LocaleDateField source="at" showTime />
        </Column>
        <Column source="file.name" field={FileName} disableSort />
        <Column source="user" field={Who} disableSort />
        <Column source="purpose" disableSort />
        <Column label="" disableSort>
          <OnlyThisFile />
        </Column>
      </DataTable>
    </List>
  );
};
