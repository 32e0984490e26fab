import AddIcon from "@mui/icons-material/Add";
import ArrowDownwardIcon from "@mui/icons-material/ArrowDownward";
import ArrowUpwardIcon from "@mui/icons-material/ArrowUpward";
import DeleteIcon from "@mui/icons-material/Delete";
import {
  Autocomplete,
  Box,
  Checkbox,
  FormControlLabel,
  IconButton,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
} from "@mui/material";
import { useState } from "react";
import { Button, Link, useCreatePath, useGetList, useRecordContext, useTranslate } from "react-admin";
import { EmptyText } from "../../components/EmptyText";
import { useAction } from "../../lib/action";
import type { PublicationStatus } from "../../lib/choices";
import type { Named } from "../../lib/records";
import { useWriteScope } from "../../lib/writeScope";
import { mutate } from "../../providers/graphql";
import type { LifeSituationRecord, OrderedService } from "./choices";

/** A service as the picker reads it from the services list. */
interface ServiceOption {
  id: string;
  name: string;
  status: PublicationStatus;
  region: Named | null;
}

interface Entry {
  serviceId: string;
  mandatory: boolean;
}

const entriesOf = (services: readonly OrderedService[]): Entry[] =>
  services.map(({ service, mandatory }) => ({ serviceId: service.id, mandatory }));

/** Moves the item at `index` by `offset` places (−1 up, +1 down). */
function moved<T>(list: readonly T[], index: number, offset: number): T[] {
  const result = [...list];
  const target = index + offset;
  const item = result[index];
  const other = result[target];
  if (item === undefined || other === undefined) {
    return result;
  }
  result[index] = other;
  result[target] = item;
  return result;
}

/**
 * The life situation's services in order. Writers move them up and down, add and remove
 * them and mark them mandatory or optional; each step saves the whole ordered list at once
 * (setLifeSituationServices replaces it), with the version read, so a concurrent change is
 * reported rather than overwritten.
 */
export const OrderedServices = () => {
  const record = useRecordContext<LifeSituationRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const scope = useWriteScope();
  const { pending: saving, run } = useAction();
  if (!record) {
    return null;
  }
  const services = [...(record.services ?? [])].sort((a, b) => a.position - b.position);
  const writable = scope.canWriteRegion(record.region?.id ?? null) && record.status !== "ARCHIVED";

  const save = (entries: Entry[]) =>
    run(
      () =>
        mutate(
          "setLifeSituationServices",
          { id: record.id, version: record.version, services: entries },
          "id version services { position mandatory service { id } }",
        ),
      "dostup.lifeSituations.services_saved",
    );
  const entries = entriesOf(services);

  return (
    <Box sx={{ width: "100%" }}>
      {services.length === 0 ? (
        <EmptyText text="dostup.lifeSituations.no_services" />
      ) : (
        <Table size="small" data-testid="ordered-services">
          <TableHead>
            <TableRow>
              <TableCell>{translate("resources.lifeSituations.fields.position")}</TableCell>
              <TableCell>{translate("resources.lifeSituations.fields.service")}</TableCell>
              <TableCell>{translate("resources.services.fields.level")}</TableCell>
              <TableCell>{translate("resources.lifeSituations.fields.mandatory")}</TableCell>
              {writable && <TableCell>{translate("dostup.lifeSituations.actions")}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {services.map((item, index) => (
              <TableRow key={item.service.id} data-testid="ordered-service">
                <TableCell>{index + 1}</TableCell>
                <TableCell>
                  <Link to={createPath({ resource: "services", id: item.service.id, type: "show" })}>
                    {item.service.name}
                  </Link>
                </TableCell>
                <TableCell>{translate(`enums.ServiceLevel.${item.service.level}`)}</TableCell>
                <TableCell>
                  {writable ? (
                    <FormControlLabel
                      control={
                        <Switch
                          checked={item.mandatory}
                          disabled={saving}
                          onChange={(event) =>
                            save(
                              entries.map((entry, i) =>
                                i === index ? { ...entry, mandatory: event.target.checked } : entry,
                              ),
                            )
                          }
                        />
                      }
                      label={translate(
                        item.mandatory ? "dostup.lifeSituations.mandatory" : "dostup.lifeSituations.optional",
                      )}
                    />
                  ) : (
                    translate(item.mandatory ? "dostup.lifeSituations.mandatory" : "dostup.lifeSituations.optional")
                  )}
                </TableCell>
                {writable && (
                  <TableCell>
                    <Tooltip title={translate("dostup.lifeSituations.move_up")}>
                      <span>
                        <IconButton
                          aria-label={translate("dostup.lifeSituations.move_up")}
                          disabled={saving || index === 0}
                          onClick={() => save(moved(entries, index, -1))}
                          size="small"
                        >
                          <ArrowUpwardIcon fontSize="small" />
                        </IconButton>
                      </span>
                    </Tooltip>
                    <Tooltip title={translate("dostup.lifeSituations.move_down")}>
                      <span>
                        <IconButton
                          aria-label={translate("dostup.lifeSituations.move_down")}
                          disabled={saving || index === services.length - 1}
                          onClick={() => save(moved(entries, index, 1))}
                          size="small"
                        >
                          <ArrowDownwardIcon fontSize="small" />
                        </IconButton>
                      </span>
                    </Tooltip>
                    <Tooltip title={translate("dostup.lifeSituations.remove")}>
                      <span>
                        <IconButton
                          aria-label={translate("dostup.lifeSituations.remove")}
                          disabled={saving}
                          onClick={() => save(entries.filter((_, i) => i !== index))}
                          size="small"
                        >
                          <DeleteIcon fontSize="small" />
                        </IconButton>
                      </span>
                    </Tooltip>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {writable && (
        <AddService
          regionId={record.region?.id ?? null}
          present={entries.map((entry) => entry.serviceId)}
          disabled={saving}
          onAdd={(entry) => save([...entries, entry])}
        />
      )}
    </Box>
  );
};

interface AddServiceProps {
  regionId: string | null;
  present: readonly string[];
  disabled: boolean;
  onAdd: (entry: Entry) => void;
}

/**
 * Picks a service to append: federal ones, or those of the life situation's region (the
 * API accepts no others), not already in the list.
 */
const AddService = ({ regionId, present, disabled, onAdd }: AddServiceProps) => {
  const translate = useTranslate();
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<ServiceOption | null>(null);
  const [mandatory, setMandatory] = useState(true);
  const { data = [], isPending } = useGetList<ServiceOption>("services", {
    filter: search ? { q: search } : {},
    pagination: { page: 1, perPage: 50 },
    sort: { field: "name", order: "ASC" },
  });
  const options = data.filter(
    (service) =>
      !present.includes(service.id) &&
      service.status !== "ARCHIVED" &&
      (service.region === null || service.region.id === regionId),
  );
  return (
    <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: "center" }}>
      <Autocomplete
        sx={{ minWidth: 420 }}
        options={options}
        loading={isPending}
        value={chosen}
        onChange={(_event, value) => setChosen(value)}
        onInputChange={(_event, value, reason) => reason === "input" && setSearch(value)}
        getOptionLabel={(option) => option.name}
        isOptionEqualToValue={(option, value) => option.id === value.id}
        filterOptions={(all) => all}
        noOptionsText={translate("ra.navigation.no_results")}
        renderInput={(params) => (
          <TextField {...params} size="small" label={translate("dostup.lifeSituations.add_service")} />
        )}
      />
      <FormControlLabel
        control={<Checkbox checked={mandatory} onChange={(event) => setMandatory(event.target.checked)} />}
        label={translate("dostup.lifeSituations.mandatory")}
      />
      <Button
        label="dostup.lifeSituations.add"
        disabled={disabled || !chosen}
        onClick={() => {
          if (chosen) {
            onAdd({ serviceId: chosen.id, mandatory });
            setChosen(null);
          }
        }}
      >
        <AddIcon />
      </Button>
    </Stack>
  );
};
