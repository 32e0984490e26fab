import { Box, CircularProgress } from "@mui/material";
import { lazy, Suspense } from "react";
import { Title, useTranslate } from "react-admin";

// The charts (recharts) and the dashboard's queries load after sign-in, in their own chunk,
// so the login page's bundle does not carry them.
const DashboardContent = lazy(() => import("./DashboardContent"));

export const Dashboard = () => {
  const translate = useTranslate();
  return (
    <>
      <Title title={translate("dostup.dashboard.title")} />
      <Suspense
        fallback={
          <Box sx={{ display: "flex", justifyContent: "center", p: 4 }}>
            <CircularProgress aria-label={translate("dostup.dashboard.loading")} />
          </Box>
        }
      >
        <DashboardContent />
      </Suspense>
    </>
  );
};
