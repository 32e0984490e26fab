import { Alert } from "@mui/material";
import { useEffect } from "react";
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  DateInput,
  FormDataConsumer,
  type RaRecord,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from "react-admin";
import { useFormContext, useWatch } from "react-hook-form";
import { ConnectionAutocompleteInput } from "../../components/ConnectionAutocompleteInput";
import { localDay } from "../../components/DayField";
import { SimpleEdit } from "../../components/RecordForm";
import { MUNICIPAL_TARGETS, ROLE_FOR_TARGET, roleChoices, TARGETS, targetChoices } from "./choices";

/** The target picker for the chosen kind, limited to the chosen region where the API filters by it. */
const TargetInput = ({ targetType, regionId }: { targetType?: string; regionId?: string }) => {
  const target = targetType ? TARGETS[targetType] : undefined;
  if (!target) {
    return null;
  }
  return (
    <ConnectionAutocompleteInput
      source={target.source}
      connection={target.connection}
      typename={target.typename}
      filterType={`${target.typename}Filter`}
      filter={{ regionId }}
      validate={required()}
    />
  );
};

/** A municipality of the chosen region, for a municipal curator of a service or life situation. */
const MunicipalityInput = ({ targetType, regionId }: { targetType?: string; regionId?: string }) => {
  if (!targetType || !MUNICIPAL_TARGETS.has(targetType) || !regionId) {
    return null;
  }
  return (
    <ReferenceInput source="municipalityId" reference="municipalities" filter={{ regionId }}>
      <AutocompleteInput
        optionText="name"
        helperText="dostup.curatorAssignments.municipality_help"
        sx={{ minWidth: 400 }}
      />
    </ReferenceInput>
  );
};

/** Proposes the usual role when the kind of target changes. */
const RoleFollowsTarget = () => {
  const targetType = useWatch({ name: "targetType" }) as string | undefined;
  const { setValue, getFieldState } = useFormContext();
  useEffect(() => {
    const role = targetType ? ROLE_FOR_TARGET[targetType] : undefined;
    if (role && !getFieldState("role").isDirty) {
      setValue("role", role);
    }
  }, [targetType, setValue, getFieldState]);
  return null;
};

const PrimaryHint = () => {
  const translate = useTranslate();
  const primary = useWatch({ name: "primary" }) as boolean | undefined;
  const targetType = useWatch({ name: "targetType" }) as string | undefined;
  if (!primary || targetType === "REGION" || targetType === "PROJECT") {
    return null;
  }
  return (
    <Alert severity="info" sx={{ mb: 2, maxWidth: 640 }}>
      {translate("dostup.curatorAssignments.primary_hint")}
    </Alert>
  );
};

// After an assignment, the list of its target's assignments in the region shows the new
// period and the previous one closed by it.
const redirectToTarget = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>): string => {
  const record = data as
    | {
        region?: { id: string };
        municipality?: { id: string } | null;
        service?: { id: string } | null;
        centre?: { id: string } | null;
        lifeSituation?: { id: string } | null;
        project?: { id: string } | null;
      }
    | undefined;
  const filter: Record<string, string> = {};
  if (record?.region) filter.regionId = record.region.id;
  if (record?.municipality) filter.municipalityId = record.municipality.id;
  if (record?.service) filter.serviceId = record.service.id;
  if (record?.centre) filter.centreId = record.centre.id;
  if (record?.lifeSituation) filter.lifeSituationId = record.lifeSituation.id;
  if (record?.project) filter.projectId = record.project.id;
  return `/curatorAssignments?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=validFrom&order=DESC`;
};

export const AssignmentCreate = () => (
  <Create redirect={redirectToTarget} mutationMode="pessimistic">
    <SimpleForm
      defaultValues={{ targetType: "SERVICE", role: "SERVICE_CURATOR", primary: true, validFrom: localDay(new Date()) }}
    >
      <RoleFollowsTarget />
      <ReferenceInput source="regionId" reference="regions">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <FormDataConsumer<{ regionId?: string }>>
        {({ formData }) => (
          <ReferenceInput
            source="personId"
            reference="people"
            filter={formData.regionId ? { regionId: formData.regionId } : {}}
          >
            <AutocompleteInput optionText="fullName" validate={required()} sx={{ minWidth: 400 }} />
          </ReferenceInput>
        )}
      </FormDataConsumer>
      <SelectInput source="targetType" choices={targetChoices} validate={required()} />
      <FormDataConsumer<{ targetType?: string; regionId?: string }>>
        {({ formData }) => (
          <>
            <TargetInput targetType={formData.targetType} regionId={formData.regionId} />
            <MunicipalityInput targetType={formData.targetType} regionId={formData.regionId} />
          </>
        )}
      </FormDataConsumer>
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <BooleanInput source="primary" />
      <PrimaryHint />
      <DateInput source="validFrom" validate={required()} />
      <TextInput source="note" multiline sx={{ minWidth: 480 }} />
    </SimpleForm>
  </Create>
);

/** Only the note changes; the period ends with "End assignment". */
export const AssignmentEdit = () => (
  <SimpleEdit>
    <TextInput source="note" multiline sx={{ minWidth: 480 }} />
  </SimpleEdit>
);
