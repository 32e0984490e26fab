import { Alert, Stack, Typography } from "@mui/material";
import type { ComponentProps } from "react";
import {
  BooleanField,
  EditButton,
  Labeled,
  ReferenceField,
  SelectField,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { ArchiveRestoreButton } from "../../components/ArchiveRestoreButton";
import { LocaleDateField, useIntlLocale } from "../../components/localeFields";
import { plainValues } from "../../components/plainFields";
import { RecordShow } from "../../components/RecordShow";
import { RecordTitle } from "../../components/RecordTitle";
import { centreStatusChoices } from "../../lib/choices";
import { useCanWrite, useRole } from "../../lib/resource";
import { centreAccess } from "./access";
import { CentreKindsField } from "./CentreKindsField";
import { ACCESSIBILITY, CONTACTS, EQUIPMENT, REGISTER } from "./fields";
import { MobileVisitsTab } from "./MobileVisitsTab";
import { OpeningHoursTab } from "./OpeningHoursTab";
import { ServicesTab } from "./ServicesTab";
import { SignatureField } from "./SignatureField";
import type { CentreRecord } from "./types";
import { VerifyButton } from "./VerifyButton";

const ShowActions = () => {
  const canWrite = useCanWrite({ access: centreAccess });
  const record = useRecordContext<CentreRecord>();
  if (!canWrite) {
    return <TopToolbar />;
  }
  return (
    <TopToolbar>
      <VerifyButton />
      {record && !record.archivedAt && <EditButton />}
      <ArchiveRestoreButton archive="archiveCentre" restore="restoreCentre" messages="dostup.centres.archive" />
    </TopToolbar>
  );
};

/** The status with its alert, and the archive date when archived. */
const StatusAlert = () => {
  const record = useRecordContext<CentreRecord>();
  const translate = useTranslate();
  if (!record || (!record.statusAlert && !record.archivedAt)) {
    return null;
  }
  return (
    <Stack spacing={1}>
      {record.statusAlert && (
        <Alert severity="warning" data-testid="status-alert">
          {record.statusAlert}
        </Alert>
      )}
      {record.archivedAt && (
        <Alert severity="info">
          {translate("dostup.centres.archived")} · <LocaleDateField source="archivedAt" />
        </Alert>
      )}
    </Stack>
  );
};

/** Latitude and longitude in the panel's number format, each named (a comma is a decimal mark in Russian). */
const Coordinates = (_props: { label: string }) => {
  const record = useRecordContext<CentreRecord>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  if (record?.latitude == null || record.longitude == null) {
    return <Typography variant="body2">{translate("dostup.centres.no_coordinates")}</Typography>;
  }
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  return (
    <Typography variant="body2" data-testid="coordinates">
      {translate("resources.centres.fields.latitude")} {format.format(record.latitude)} ·{" "}
      {translate("resources.centres.fields.longitude")} {format.format(record.longitude)}
    </Typography>
  );
};

const LastVerified = (_props: { label: string }) => {
  const record = useRecordContext<CentreRecord>();
  const translate = useTranslate();
  if (!record?.lastVerifiedAt) {
    return <Typography variant="body2">{translate("dostup.centres.verify.never")}</Typography>;
  }
  return (
    <Stack direction="row" spacing={1} data-testid="last-verified">
      <LocaleDateField source="lastVerifiedAt" showTime options={{ dateStyle: "medium", timeStyle: "short" }} />
      {record.lastVerifiedByName && <Typography variant="body2">· {record.lastVerifiedByName}</Typography>}
    </Stack>
  );
};

/**
 * The trips of a mobile office, on the pages of mobile offices only (the API records visits
 * of no other centre). It stands in for the tab itself: the layout gives it the tab's props.
 */
const MobileVisitsTabOf = (props: Omit<ComponentProps<typeof TabbedShowLayout.Tab>, "children">) => {
  const record = useRecordContext<CentreRecord>();
  if (!record?.kinds.includes("MOBILE_OFFICE")) {
    return null;
  }
  return (
    <TabbedShowLayout.Tab {...props}>
      <MobileVisitsTab />
    </TabbedShowLayout.Tab>
  );
};

export const CentreShow = () => {
  // The API keeps change history from operators (internal records).
  const role = useRole();
  return (
    <RecordShow title={<RecordTitle />} actions={<ShowActions />} history={role !== "OPERATOR"}>
      <TabbedShowLayout.Tab label="dostup.centres.tabs.main">
        <StatusAlert />
        <TextField source="name" />
        {plainValues(REGISTER)}
        <CentreKindsField source="kinds" />
        <SelectField source="status" choices={centreStatusChoices} />
        <TextField source="address" />
        <Coordinates label="dostup.centres.coordinates" />
        <TextField source="region.name" />
        <TextField source="municipality.name" />
        <TextField source="settlement.name" emptyText="—" />
        <BooleanField source="settlement.isRural" />
        <ReferenceField
          source="hostOrganisation.id"
          reference="organisations"
          label="resources.centres.fields.hostOrganisation.name"
        >
          <TextField source="name" />
        </ReferenceField>
        {plainValues(CONTACTS)}
        <Labeled label="resources.centres.fields.signatureValidUntil">
          <SignatureField source="signatureValidUntil" />
        </Labeled>
        <LastVerified label="resources.centres.fields.lastVerifiedAt" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="dostup.centres.tabs.accessibility" path="accessibility">
        {plainValues(ACCESSIBILITY)}
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="dostup.centres.tabs.equipment" path="equipment">
        {plainValues(EQUIPMENT)}
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="dostup.centres.tabs.hours" path="hours">
        <OpeningHoursTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="dostup.centres.tabs.services" path="services">
        <ServicesTab />
      </TabbedShowLayout.Tab>
      <MobileVisitsTabOf label="dostup.centres.tabs.visits" path="visits" />
    </RecordShow>
  );
};
