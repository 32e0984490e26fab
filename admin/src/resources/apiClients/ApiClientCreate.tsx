import ContentCopyIcon from "@mui/icons-material/ContentCopy";
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField as MuiTextField,
  Typography,
} from "@mui/material";
import { useState } from "react";
import {
  CheckboxGroupInput,
  DateTimeInput,
  Form,
  maxValue,
  minValue,
  NumberInput,
  required,
  SaveButton,
  TextInput,
  Title,
  useNotify,
  useRedirect,
  useTranslate,
} from "react-admin";
import { mutate } from "../../providers/graphql";

interface Created {
  key: string;
  apiClient: { id: string; name: string; keyPrefix: string };
}

/** The API's ApiScope values, each labelled by what it lets a partner read. */
const SCOPES = ["REGISTRY_READ", "STATISTICS_READ", "FEEDBACK_WRITE"].map((id) => ({
  id,
  name: `dostup.apiClients.scope_full.${id}`,
}));

/**
 * A new partner key. The API returns the whole key only in this answer (it stores a hash),
 * so it is shown once, in a dialog that cannot be dismissed by a stray click.
 */
export const ApiClientCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [created, setCreated] = useState<Created | null>(null);
  const [copied, setCopied] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    try {
      const result = await mutate<Created>(
        "createApiClient",
        {
          name: values.name,
          scopes: Array.isArray(values.scopes) ? values.scopes : [],
          rateLimitPerMinute: typeof values.rateLimitPerMinute === "number" ? values.rateLimitPerMinute : null,
          expiresAt: values.expiresAt || null,
        },
        "key apiClient { id name keyPrefix }",
      );
      setCreated(result);
      return undefined;
    } catch (error) {
      notify(error instanceof Error ? error.message : "dostup.error.unexpected", { type: "error" });
      const body = (error as { body?: { errors?: Record<string, unknown> } }).body;
      return body?.errors;
    }
  };

  const copy = async () => {
    if (!created) {
      return;
    }
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(true);
    } catch {
      notify("dostup.apiClients.copy_failed", { type: "warning" });
    }
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="dostup.apiClients.create_title" />
      <Card>
        <Form onSubmit={submit} defaultValues={{ scopes: [], rateLimitPerMinute: 600 }}>
          <CardContent>
            <TextInput source="name" resource="apiClients" validate={required()} sx={{ minWidth: 400 }} />
            <CheckboxGroupInput
              source="scopes"
              resource="apiClients"
              choices={SCOPES}
              row={false}
              validate={required("dostup.apiClients.scope_required")}
              helperText="dostup.apiClients.scope_help"
            />
            <NumberInput
              source="rateLimitPerMinute"
              resource="apiClients"
              min={1}
              max={100000}
              validate={[required(), minValue(1), maxValue(100000)]}
              helperText="dostup.apiClients.rate_limit_help"
            />
            <DateTimeInput source="expiresAt" resource="apiClients" />
            <Box>
              <SaveButton label="dostup.apiClients.create" />
            </Box>
          </CardContent>
        </Form>
      </Card>
      <Dialog open={created !== null} maxWidth="md" fullWidth>
        <DialogTitle>{translate("dostup.apiClients.key_title", { name: created?.apiClient.name ?? "" })}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate("dostup.apiClients.key_warning")}
          </Alert>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate("dostup.apiClients.key_usage")}
          </Typography>
          <MuiTextField
            fullWidth
            value={created?.key ?? ""}
            slotProps={{ htmlInput: { readOnly: true, "data-testid": "api-key", style: { fontFamily: "monospace" } } }}
            onFocus={(event) => event.target.select()}
          />
        </DialogContent>
        <DialogActions>
          <Button startIcon={<ContentCopyIcon />} onClick={copy}>
            {translate(copied ? "dostup.apiClients.copied" : "dostup.apiClients.copy")}
          </Button>
          <Button
            variant="contained"
            onClick={() => {
              const id = created?.apiClient.id;
              setCreated(null);
              redirect(id ? "show" : "list", "apiClients", id);
            }}
          >
            {translate("dostup.apiClients.key_stored")}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
