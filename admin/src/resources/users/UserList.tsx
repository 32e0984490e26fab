import { Chip, Stack } from "@mui/material";
import {
  BooleanField,
  DataTable,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectField,
  SelectInput,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { csvExporter } from "../../components/downloads";
import { ListActions } from "../../components/ListActions";
import { LocaleDateField } from "../../components/localeFields";
import { csvDate } from "../../lib/format";
import { access } from "./access";
import { roleChoices } from "./choices";
import type { User } from "./types";

const Column = DataTable.Col<User>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <NullableBooleanInput key="active" source="active" />,
];

/** Where the user works: the operator's centre, the regions, or the whole country. */
export const UserScope = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<User>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  if (record.allRegions || record.role === "ADMIN") {
    return <span>{translate("dostup.users.all_regions")}</span>;
  }
  if (record.centre) {
    return <span>{record.centre.name}</span>;
  }
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: "wrap" }}>
      {record.regions.map((region) => (
        <Chip key={region.id} size="small" label={region.name} />
      ))}
    </Stack>
  );
};

const exporter = csvExporter<User>("users", (user) => ({
  email: user.email,
  fullName: user.fullName,
  role: user.role,
  active: user.active,
  centre: user.centre?.name,
  regions: user.allRegions ? "*" : user.regions.map((region) => region.name).join("; "),
  lastLoginAt: csvDate(user.lastLoginAt),
}));

export const UserList = () => (
  <List filters={filters} exporter={exporter} actions={<ListActions access={access} />}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="fullName" disableSort />
      <Column source="email" disableSort />
      <Column source="role" disableSort>
        <SelectField source="role" choices={roleChoices} />
      </Column>
      <Column source="scope" field={UserScope} disableSort />
      <Column source="active" disableSort>
        <BooleanField source="active" />
      </Column>
      <Column source="lastLoginAt" disableSort>
        <LocaleDateField source="lastLoginAt" showTime emptyText="—" />
      </Column>
    </DataTable>
  </List>
);
