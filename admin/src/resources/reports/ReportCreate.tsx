import { Alert, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import {
  AutocompleteInput,
  Create,
  DateInput,
  FormDataConsumer,
  Loading,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SimpleForm,
  useTranslate,
} from "react-admin";
import { ConnectionAutocompleteInput } from "../../components/ConnectionAutocompleteInput";
import { localDay } from "../../components/DayField";
import { SimpleCreate } from "../../components/RecordForm";
import { useRole } from "../../lib/resource";
import { request } from "../../providers/graphql";
import { scopeChoices } from "./types";

interface MyCentre {
  me: { centre: { id: string; name: string } | null } | null;
}

/** The first day of the current month: the period most drafts are for. */
function thisMonth(): string {
  return `${localDay(new Date()).slice(0, 7)}-01`;
}

// Only active forms take new reports.
const activeForms = { status: "ACTIVE" };

/** An operator reports for their own centre, which the form shows rather than asks. */
const OperatorCentre = () => {
  const translate = useTranslate();
  const { data, isPending } = useQuery({
    queryKey: ["me-centre"],
    queryFn: ({ signal }) => request<MyCentre>("query MyCentre { me { centre { id name } } }", {}, signal),
  });
  if (isPending) {
    return <Loading />;
  }
  const centre = data?.me?.centre;
  if (!centre) {
    return <Alert severity="warning">{translate("dostup.reports.no_centre")}</Alert>;
  }
  return (
    <Typography sx={{ mb: 2 }} data-testid="operator-centre">
      {translate("dostup.reports.for_centre", { name: centre.name })}
    </Typography>
  );
};

const OperatorCreate = () => {
  const { data } = useQuery({
    queryKey: ["me-centre"],
    queryFn: ({ signal }) => request<MyCentre>("query MyCentre { me { centre { id name } } }", {}, signal),
  });
  const centreId = data?.me?.centre?.id;
  return (
    <Create redirect="show" mutationMode="pessimistic">
      <SimpleForm key={centreId ?? "none"} defaultValues={{ scope: "CENTRE", centreId, periodStart: thisMonth() }}>
        <OperatorCentre />
        <ReferenceInput source="formId" reference="reportForms" filter={activeForms}>
          <AutocompleteInput optionText="name" validate={required()} sx={{ minWidth: 480 }} />
        </ReferenceInput>
        <DateInput source="periodStart" validate={required()} helperText="dostup.reports.period_help" />
      </SimpleForm>
    </Create>
  );
};

const StaffCreate = () => (
  <SimpleCreate defaultValues={{ scope: "CENTRE", periodStart: thisMonth() }}>
    <ReferenceInput source="formId" reference="reportForms" filter={activeForms}>
      <AutocompleteInput optionText="name" validate={required()} sx={{ minWidth: 480 }} />
    </ReferenceInput>
    <DateInput source="periodStart" validate={required()} helperText="dostup.reports.period_help" />
    <RadioButtonGroupInput source="scope" choices={scopeChoices} validate={required()} />
    <FormDataConsumer<{ scope?: string }>>
      {({ formData }) =>
        formData.scope === "REGION" ? (
          <ReferenceInput source="regionId" reference="regions">
            <AutocompleteInput optionText="name" validate={required()} />
          </ReferenceInput>
        ) : formData.scope === "MUNICIPALITY" ? (
          <ConnectionAutocompleteInput
            source="municipalityId"
            connection="municipalities"
            typename="Municipality"
            filterType="MunicipalityFilter"
            validate={required()}
          />
        ) : (
          <ConnectionAutocompleteInput
            source="centreId"
            connection="centres"
            typename="Centre"
            filterType="CentreFilter"
            validate={required()}
          />
        )
      }
    </FormDataConsumer>
  </SimpleCreate>
);

/** A new DRAFT report: of the operator's centre, or of a centre, municipality or region of a curator's. */
export const ReportCreate = () => (useRole() === "OPERATOR" ? <OperatorCreate /> : <StaffCreate />);
