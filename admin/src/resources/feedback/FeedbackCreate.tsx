import { Box, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import {
  AutocompleteInput,
  DateTimeInput,
  FormDataConsumer,
  Labeled,
  Loading,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useTranslate,
} from "react-admin";
import { SimpleCreate } from "../../components/RecordForm";
import { RegionInput } from "../../components/RegionInput";
import { useRole } from "../../lib/resource";
import { request } from "../../providers/graphql";
import { feedbackSubjectChoices, ratingChoices } from "./choices";

const OWN_CENTRE = "query OwnCentre { me { centre { id name } } }";

interface OwnCentreData {
  me: { centre: { id: string; name: string } | null } | null;
}

const RATINGS = ["ratingTime", "ratingWaiting", "ratingStaff", "ratingComfort", "ratingInformation"] as const;

/**
 * Records feedback received on paper, by phone or at a centre. Operators record it for
 * their own centre only (the API refuses any other), so their centre is fixed.
 */
export const FeedbackCreate = () => {
  const role = useRole();
  const translate = useTranslate();
  const operator = role === "OPERATOR";
  const { data, isPending } = useQuery({
    queryKey: ["feedback-own-centre"],
    queryFn: ({ signal }) => request<OwnCentreData>(OWN_CENTRE, {}, signal),
    enabled: operator,
  });
  if (operator && isPending) {
    return <Loading />;
  }
  const ownCentre = data?.me?.centre ?? null;
  return (
    <SimpleCreate defaultValues={{ subjectType: "CENTRE", ...(ownCentre ? { centreId: ownCentre.id } : {}) }}>
      <ReferenceInput source="categoryId" reference="feedbackCategories">
        <SelectInput label="resources.feedback.fields.categoryId" validate={required()} />
      </ReferenceInput>
      <SelectInput source="subjectType" choices={feedbackSubjectChoices} validate={required()} />
      {operator ? (
        <Labeled label="resources.feedback.fields.centreId">
          <Typography>{ownCentre?.name ?? "—"}</Typography>
        </Labeled>
      ) : (
        <FormDataConsumer<{ subjectType?: string }>>
          {({ formData }) => (
            <ReferenceInput source="centreId" reference="centres">
              <AutocompleteInput
                label="resources.feedback.fields.centreId"
                validate={formData.subjectType === "CENTRE" ? required() : undefined}
              />
            </ReferenceInput>
          )}
        </FormDataConsumer>
      )}
      <FormDataConsumer<{ subjectType?: string }>>
        {({ formData }) => (
          <>
            {formData.subjectType === "SERVICE" && (
              <ReferenceInput source="serviceId" reference="services">
                <AutocompleteInput label="resources.feedback.fields.serviceId" validate={required()} />
              </ReferenceInput>
            )}
            {formData.subjectType === "LIFE_SITUATION" && (
              <ReferenceInput source="lifeSituationId" reference="lifeSituations">
                <AutocompleteInput label="resources.feedback.fields.lifeSituationId" validate={required()} />
              </ReferenceInput>
            )}
          </>
        )}
      </FormDataConsumer>
      {!operator && (
        <RegionInput
          source="regionId"
          label="resources.feedback.fields.regionId"
          helperText={translate("dostup.feedback.region_help")}
        />
      )}
      <TextInput source="text" multiline minRows={4} fullWidth validate={required()} />
      <Box
        sx={{
          display: "grid",
          gridTemplateColumns: "repeat(auto-fill, minmax(280px, 1fr))",
          columnGap: 2,
          width: "100%",
        }}
      >
        {RATINGS.map((rating) => (
          <SelectInput key={rating} source={rating} choices={ratingChoices} />
        ))}
      </Box>
      <TextInput source="authorName" />
      <TextInput source="authorContact" />
      <DateTimeInput source="receivedAt" helperText="dostup.feedback.received_help" />
    </SimpleCreate>
  );
};
