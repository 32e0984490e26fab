import { useQuery } from "@tanstack/react-query";
import {
  AutocompleteInput,
  DateInput,
  FormDataConsumer,
  Labeled,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextField,
  TextInput,
} from "react-admin";
import { SimpleCreate, SimpleEdit } from "../../components/RecordForm";
import { RegionInput } from "../../components/RegionInput";
import { request } from "../../providers/graphql";

interface TargetsData {
  qualityStandards: { edges: { node: { targets: { indicatorCode: string; name: string; unit: string }[] } }[] };
}

const TARGETS = `query MeasurementIndicators($serviceId: ID!) {
  qualityStandards(first: 20, filter: { serviceId: $serviceId }) {
    edges { node { targets { indicatorCode name unit } } }
  }
}`;

/** The indicators the service's standards have targets for: the only codes the API accepts. */
const IndicatorInput = ({ serviceId }: { serviceId: string | undefined }) => {
  const { data = [] } = useQuery({
    queryKey: ["measurement-indicators", serviceId],
    enabled: serviceId !== undefined,
    queryFn: async ({ signal }) => {
      const result = await request<TargetsData>(TARGETS, { serviceId }, signal);
      const byCode = new Map<string, string>();
      for (const edge of result.qualityStandards.edges) {
        for (const target of edge.node.targets) {
          byCode.set(target.indicatorCode, `${target.name} (${target.indicatorCode}, ${target.unit})`);
        }
      }
      return [...byCode].map(([id, name]) => ({ id, name }));
    },
  });
  return (
    <SelectInput
      source="indicatorCode"
      choices={data}
      validate={required()}
      disabled={serviceId === undefined}
      helperText="dostup.qualityMeasurements.indicator_help"
    />
  );
};

export const QualityMeasurementCreate = () => (
  <SimpleCreate>
    <ReferenceInput source="serviceId" reference="services">
      <AutocompleteInput label="resources.qualityMeasurements.fields.serviceId" validate={required()} />
    </ReferenceInput>
    <FormDataConsumer<{ serviceId?: string; regionId?: string }>>
      {({ formData }) => (
        <>
          <IndicatorInput serviceId={formData.serviceId || undefined} />
          <RegionInput
            source="regionId"
            label="resources.qualityMeasurements.fields.regionId"
            helperText="dostup.qualityMeasurements.place_help"
          />
          <ReferenceInput
            source="centreId"
            reference="centres"
            filter={formData.regionId ? { regionId: formData.regionId } : {}}
          >
            <AutocompleteInput label="resources.qualityMeasurements.fields.centreId" />
          </ReferenceInput>
        </>
      )}
    </FormDataConsumer>
    <DateInput source="periodStart" validate={required()} />
    <DateInput source="periodEnd" validate={required()} />
    <NumberInput source="value" validate={required()} />
    <TextInput source="source" helperText="dostup.qualityMeasurements.source_help" />
  </SimpleCreate>
);

// Only the value and its source can be corrected; the rest identifies the measurement.
export const QualityMeasurementEdit = () => (
  <SimpleEdit>
    <Labeled source="service.name">
      <TextField source="service.name" />
    </Labeled>
    <Labeled source="indicatorCode">
      <TextField source="indicatorCode" />
    </Labeled>
    <Labeled source="region.name">
      <TextField source="region.name" />
    </Labeled>
    <NumberInput source="value" validate={required()} />
    <TextInput source="source" />
  </SimpleEdit>
);
