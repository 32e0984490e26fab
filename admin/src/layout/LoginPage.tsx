import { Box, Typography } from "@mui/material";
import { LocalesMenuButton, Login, LoginForm, useTranslate } from "react-admin";

/** react-admin's login form under the app's name; the language can be switched before signing in. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <Box sx={{ px: 2, textAlign: "center", maxWidth: 320 }}>
        <Typography variant="h4" component="h1" data-testid="app-name">
          {translate("dostup.app.name")}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate("dostup.app.tagline")}
        </Typography>
        <Typography variant="body2" sx={{ mt: 2 }}>
          {translate("dostup.login.hint")}
        </Typography>
      </Box>
      <LoginForm />
      <Box sx={{ display: "flex", justifyContent: "center", pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
