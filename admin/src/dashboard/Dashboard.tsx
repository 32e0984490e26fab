import { Card, CardContent, Typography } from "@mui/material";
import { useTranslate } from "react-admin";

// Placeholder until the dashboard lands.
export const Dashboard = () => {
  const translate = useTranslate();
  return (
    <Card>
      <CardContent>
        <Typography variant="h5">{translate("ra.page.dashboard")}</Typography>
      </CardContent>
    </Card>
  );
};
