import { Alert, Box, Button, Card, CardContent, CardHeader, Skeleton, Typography } from "@mui/material";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslate } from "react-admin";

interface DashboardCardProps<T> {
  /** Names the card for tests and styles (data-card). */
  id: string;
  title: string;
  subtitle?: string;
  action?: ReactNode;
  result: UseQueryResult<T>;
  isEmpty: (data: T) => boolean;
  /** i18n key of the empty state. */
  empty: string;
  children: (data: T) => ReactNode;
  minHeight?: number;
}

const statusOf = (error: unknown): unknown =>
  typeof error === "object" && error !== null ? (error as { status?: unknown }).status : undefined;

/**
 * A card of the dashboard: its title, then a skeleton while loading, the error with a retry
 * button, a sentence when there is nothing to show, or the content.
 */
export function DashboardCard<T>({
  id,
  title,
  subtitle,
  action,
  result,
  isEmpty,
  empty,
  children,
  minHeight = 120,
}: DashboardCardProps<T>) {
  const translate = useTranslate();
  let body: ReactNode;
  if (result.isPending) {
    body = (
      <Box data-state="loading" aria-label={translate("dostup.dashboard.loading")}>
        <Skeleton variant="rounded" height={minHeight} />
      </Box>
    );
  } else if (result.isError) {
    const forbidden = statusOf(result.error) === 403;
    const detail = result.error instanceof Error ? result.error.message : "";
    body = (
      <Alert
        data-state="error"
        severity={forbidden ? "info" : "error"}
        action={
          forbidden ? undefined : (
            <Button color="inherit" size="small" onClick={() => result.refetch()}>
              {translate("dostup.dashboard.retry")}
            </Button>
          )
        }
      >
        {translate(forbidden ? "dostup.dashboard.forbidden" : "dostup.dashboard.error")}
        {!forbidden && detail ? (
          <Typography variant="caption" component="div">
            {translate(detail, { _: detail })}
          </Typography>
        ) : null}
      </Alert>
    );
  } else if (isEmpty(result.data)) {
    body = (
      <Typography data-state="empty" color="text.secondary" sx={{ py: 2 }}>
        {translate(empty)}
      </Typography>
    );
  } else {
    body = <Box data-state="ready">{children(result.data)}</Box>;
  }
  return (
    <Card data-card={id} variant="outlined" sx={{ height: "100%" }}>
      <CardHeader
        title={title}
        subheader={subtitle}
        action={action}
        slotProps={{ title: { variant: "h6", component: "h2" }, subheader: { variant: "body2" } }}
      />
      <CardContent sx={{ pt: 0 }}>{body}</CardContent>
    </Card>
  );
}
