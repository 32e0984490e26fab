import { Alert, Box, Paper, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import {
  AutocompleteInput,
  BooleanInput,
  NullableBooleanInput,
  NumberInput,
  required,
  SelectInput,
  useTranslate,
} from "react-admin";
import { useWatch } from "react-hook-form";
import { choicesOf } from "../../lib/choices";
import { request } from "../../providers/graphql";
import {
  type DefinitionValue,
  FORMULA_KINDS,
  formulaWords,
  INDICATOR_PARTS,
  SERVICE_LEVELS,
  SERVICE_PROPERTIES,
  TERM_KINDS,
  type TermValue,
} from "./formula";

const formulaKindChoices = choicesOf("KpiFormulaKind", FORMULA_KINDS);
const termKindChoices = choicesOf("KpiFormulaKind", TERM_KINDS);
const partChoices = choicesOf("KpiIndicatorPart", INDICATOR_PARTS);
const levelChoices = choicesOf("ServiceLevel", SERVICE_LEVELS);

const INDICATORS = `query FormulaIndicators {
  reportForms(first: 100) { edges { node { name indicators { code name } } } }
}`;

interface IndicatorData {
  reportForms: { edges: { node: { name: string; indicators: { code: string; name: string }[] } }[] };
}

/** Report indicators by code (the same code on several forms is one indicator), for the choices and the words. */
function useIndicators(): Map<string, string> {
  const { data } = useQuery({
    queryKey: ["formulaIndicators"],
    queryFn: ({ signal }) => request<IndicatorData>(INDICATORS, {}, signal),
    staleTime: 60_000,
  });
  const names = new Map<string, string>();
  for (const edge of data?.reportForms.edges ?? []) {
    for (const indicator of edge.node.indicators) {
      if (!names.has(indicator.code)) {
        names.set(indicator.code, indicator.name);
      }
    }
  }
  return names;
}

const label = (key: string) => `dostup.kpis.formula.${key}`;

/** Tri-state properties of services: has it, lacks it, or not looked at. */
const PropertyInputs = ({ prefix }: { prefix: string }) => (
  <Box sx={{ display: "flex", flexWrap: "wrap", columnGap: 2 }}>
    {SERVICE_PROPERTIES.map((property) => (
      <NullableBooleanInput
        key={property}
        source={`${prefix}.${property}`}
        label={label(`property.${property}`)}
        nullLabel={label("any")}
        trueLabel={label("yes")}
        falseLabel={label("no")}
        sx={{ minWidth: 220 }}
      />
    ))}
    <SelectInput
      source={`${prefix}.level`}
      label={label("level")}
      choices={levelChoices}
      emptyText={label("any_level")}
      sx={{ minWidth: 220 }}
    />
  </Box>
);

/** The inputs of one simple term at `prefix` (its kind chosen beside it). */
const TermInputs = ({
  prefix,
  term,
  indicators,
}: {
  prefix: string;
  term: TermValue | undefined;
  indicators: Map<string, string>;
}) => {
  const translate = useTranslate();
  const kind = term?.kind;
  return (
    <>
      {(kind === "SERVICE_COUNT" || kind === "SERVICE_SHARE") && (
        <>
          <Typography variant="subtitle2">
            {translate(label(kind === "SERVICE_SHARE" ? "base_set" : "counted_set"))}
          </Typography>
          <PropertyInputs prefix={`${prefix}.services`} />
          <BooleanInput
            source={`${prefix}.services.federal`}
            label={label("federal")}
            helperText={label("federal_help")}
            defaultValue={true}
          />
        </>
      )}
      {kind === "SERVICE_SHARE" && (
        <>
          <Typography variant="subtitle2">{translate(label("having"))}</Typography>
          <PropertyInputs prefix={`${prefix}.having`} />
        </>
      )}
      {kind === "INDICATOR" && (
        <Box sx={{ display: "flex", flexWrap: "wrap", columnGap: 2 }}>
          <AutocompleteInput
            source={`${prefix}.indicatorCode`}
            label={label("indicator")}
            choices={[...indicators].map(([code, name]) => ({ id: code, name: `${name} (${code})` }))}
            validate={required()}
            sx={{ minWidth: 420 }}
          />
          <SelectInput
            source={`${prefix}.part`}
            label={label("part")}
            choices={partChoices}
            defaultValue="TOTAL"
            validate={required()}
          />
        </Box>
      )}
      {kind === "INDICATOR" && <Typography variant="body2">{translate(label("indicator_help"))}</Typography>}
      {kind === "POPULATION" && <Typography variant="body2">{translate(label("population_help"))}</Typography>}
      {(kind === "SERVICE_COUNT" || kind === "SERVICE_SHARE") && (
        <Typography variant="body2">{translate(label("catalogue_help"))}</Typography>
      )}
    </>
  );
};

/**
 * The formula of a COMPUTED KPI: the kind of term (or a ratio of two), what it counts or sums,
 * and the formula in words as it is built. Shown only while the KPI's source is COMPUTED.
 */
export const FormulaBuilder = ({ national }: { national: boolean }) => {
  const translate = useTranslate();
  const source = useWatch({ name: "source" });
  const definition = useWatch({ name: "definition" }) as DefinitionValue | undefined;
  const indicators = useIndicators();
  if (source !== "COMPUTED") {
    return null;
  }
  const words = formulaWords(definition, translate, indicators);
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2, width: "100%" }} data-testid="formula-builder">
      <Typography variant="h6">{translate(label("title"))}</Typography>
      <SelectInput source="definition.kind" label={label("kind")} choices={formulaKindChoices} validate={required()} />
      {definition?.kind === "RATIO" ? (
        <>
          {(["numerator", "denominator"] as const).map((part) => (
            <Box key={part} sx={{ pl: 2, borderLeft: 3, borderColor: "divider", mb: 2 }}>
              <Typography variant="subtitle1">{translate(label(part))}</Typography>
              <SelectInput
                source={`definition.${part}.kind`}
                label={label("term_kind")}
                choices={termKindChoices}
                validate={required()}
              />
              <TermInputs prefix={`definition.${part}`} term={definition[part] ?? undefined} indicators={indicators} />
            </Box>
          ))}
          <NumberInput
            source="definition.multiplier"
            label={label("multiplier")}
            helperText={label("multiplier_help")}
            defaultValue={100}
            min={0}
          />
        </>
      ) : (
        <TermInputs prefix="definition" term={definition ?? undefined} indicators={indicators} />
      )}
      {national && <BooleanInput source="definition.byRegion" label={label("by_region")} />}
      {words && (
        <Alert severity="info" data-testid="formula-words">
          {translate(label("in_words"))}: {words}
        </Alert>
      )}
    </Paper>
  );
};
