import DoneIcon from "@mui/icons-material/Done";
import DoneAllIcon from "@mui/icons-material/DoneAll";
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  FormControl,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  Radio,
  RadioGroup,
  Stack,
  Switch,
  Typography,
} from "@mui/material";
import { useState } from "react";
import { Link, Title, useNotify, useTranslate } from "react-admin";
import { useIntlLocale } from "../components/localeFields";
import {
  type DigestFrequency,
  type InboxItem,
  PAGE,
  useDigestSettings,
  useHasInbox,
  useInbox,
  useMarkRead,
  useSetFrequency,
} from "./queries";

const FREQUENCIES: readonly DigestFrequency[] = ["DAILY", "WEEKLY", "OFF"];

// API dates are calendar days ("2026-05-08"); formatted in UTC so no time zone shifts them.
const dayOf = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

function useDates() {
  const locale = useIntlLocale();
  const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const moment = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
  return { day: (iso: string) => day.format(dayOf(iso)), moment: (iso: string) => moment.format(new Date(iso)) };
}

/** What the item's date means ("срок сдачи 5 мая 2026 г."), or nothing. */
function useDateText() {
  const translate = useTranslate();
  const dates = useDates();
  return (item: InboxItem): string | null => {
    if (item.kind === "SERVICE_WITHOUT_CURATOR") return null;
    if (!item.date)
      return item.kind === "UNVERIFIED_CENTRE" ? translate("dostup.notifications.dates.never_verified") : null;
    return translate(`dostup.notifications.dates.${item.kind}`, { date: dates.day(item.date) });
  };
}

const InboxRow = ({ item, onMark, busy }: { item: InboxItem; onMark: (id: string) => void; busy: boolean }) => {
  const translate = useTranslate();
  const dates = useDates();
  const dateText = useDateText()(item);
  const unread = item.readAt === null;
  return (
    <ListItem
      divider
      data-testid="notification"
      data-unread={unread}
      sx={{ bgcolor: unread ? "action.hover" : undefined, alignItems: "flex-start" }}
      secondaryAction={
        unread ? (
          <Button size="small" startIcon={<DoneIcon />} disabled={busy} onClick={() => onMark(item.id)}>
            {translate("dostup.notifications.mark_read")}
          </Button>
        ) : null
      }
    >
      <ListItemText
        sx={{ pr: 22 }}
        primary={
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: "center", flexWrap: "wrap" }}>
            <Chip size="small" label={translate(`dostup.notifications.kinds.${item.kind}`)} />
            {/* Opening the record marks the notification read: it has been seen to. */}
            <Link to={item.adminPath.replace(/^#/, "")} onClick={() => unread && onMark(item.id)}>
              <Typography component="span" sx={{ fontWeight: unread ? 600 : 400 }}>
                {item.title}
              </Typography>
            </Link>
          </Stack>
        }
        secondary={[
          item.regionName,
          dateText,
          translate("dostup.notifications.received", { date: dates.moment(item.createdAt) }),
          item.emailedAt ? translate("dostup.notifications.emailed") : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      />
    </ListItem>
  );
};

const Settings = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dates = useDates();
  const { data: settings } = useDigestSettings(true);
  const save = useSetFrequency();
  if (!settings) return null;
  const last = settings.lastDigest;
  return (
    <Card component="section" aria-labelledby="digest-settings">
      <CardContent>
        <Typography variant="h6" id="digest-settings" gutterBottom>
          {translate("dostup.notifications.settings.title")}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate("dostup.notifications.settings.help", { email: settings.email })}
        </Typography>
        <FormControl disabled={save.isPending}>
          <RadioGroup
            row
            value={settings.frequency}
            onChange={(event) =>
              save.mutate(event.target.value as DigestFrequency, {
                onSuccess: () => notify("dostup.notifications.settings.saved", { type: "success" }),
                onError: (error) => notify(error.message, { type: "error" }),
              })
            }
          >
            {FREQUENCIES.map((frequency) => (
              <FormControlLabel
                key={frequency}
                value={frequency}
                control={<Radio />}
                label={translate(`dostup.notifications.settings.${frequency}`)}
              />
            ))}
          </RadioGroup>
        </FormControl>
        {settings.frequency === "OFF" ? (
          <Typography variant="body2" color="text.secondary">
            {translate("dostup.notifications.settings.off_help")}
          </Typography>
        ) : null}
        {last ? (
          <Typography variant="body2" sx={{ mt: 1 }}>
            {translate("dostup.notifications.settings.last", {
              date: dates.moment(last.createdAt),
              count: last.itemCount,
            })}
          </Typography>
        ) : null}
        {last?.mailStatus === "FAILED" ? (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {translate("dostup.notifications.settings.last_failed", { error: last.mailError ?? "" })}
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
};

/** The inbox: the person's notifications with links to their records, marks, and the digest settings. */
export const InboxPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const hasInbox = useHasInbox();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useInbox(unreadOnly, hasInbox);
  const mark = useMarkRead();
  const onMark = (input: { ids: string[] } | { all: true }) =>
    mark.mutate(input, {
      onSuccess: (result) =>
        "all" in input ? notify("dostup.notifications.marked", { messageArgs: { count: result.marked } }) : undefined,
      onError: (error) => notify(error.message, { type: "error" }),
    });

  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate("dostup.notifications.title")} />
      {!hasInbox ? (
        <Alert severity="info">{translate("dostup.notifications.not_recipient")}</Alert>
      ) : (
        <>
          <Settings />
          <Card sx={{ mt: 2 }}>
            <CardContent>
              <Stack
                direction="row"
                spacing={2}
                sx={{ alignItems: "center", justifyContent: "space-between", flexWrap: "wrap" }}
              >
                <FormControlLabel
                  control={<Switch checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} />}
                  label={translate("dostup.notifications.unread_only")}
                />
                <Button
                  variant="outlined"
                  startIcon={<DoneAllIcon />}
                  disabled={mark.isPending || !inbox.data?.items.some((item) => item.readAt === null)}
                  onClick={() => onMark({ all: true })}
                >
                  {translate("dostup.notifications.mark_all")}
                </Button>
              </Stack>
              {inbox.isPending ? (
                <CircularProgress size={24} sx={{ m: 2 }} />
              ) : inbox.isError ? (
                <Alert severity="error">{translate("dostup.notifications.error")}</Alert>
              ) : inbox.data.items.length === 0 ? (
                <Typography sx={{ my: 2 }} color="text.secondary">
                  {translate("dostup.notifications.empty")}
                </Typography>
              ) : (
                <>
                  <List>
                    {inbox.data.items.map((item) => (
                      <InboxRow
                        key={item.id}
                        item={item}
                        busy={mark.isPending}
                        onMark={(id) => onMark({ ids: [id] })}
                      />
                    ))}
                  </List>
                  {inbox.data.totalCount > PAGE ? (
                    <Typography variant="body2" color="text.secondary">
                      {translate("dostup.notifications.more", { shown: PAGE, total: inbox.data.totalCount })}
                    </Typography>
                  ) : null}
                </>
              )}
            </CardContent>
          </Card>
        </>
      )}
    </Box>
  );
};
