import { Admin, Resource } from "react-admin";
import { authProvider } from "./providers/authProvider";
import { dataProvider } from "./providers/dataProvider";
import { i18nProvider } from "./providers/i18nProvider";
import centres from "./resources/centres";
import organisations from "./resources/organisations";
import regions from "./resources/regions";

// The first resource is the home page: the app opens on the list of centres.
// Telemetry is off: the admin must not call third-party hosts.
// The API reads data only with credentials, so every page, the first
// included, waits for a sign-in (requireAuth).
export const App = () => (
  <Admin
    title="Доступ"
    authProvider={authProvider}
    requireAuth
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    disableTelemetry
  >
    <Resource name="centres" {...centres} />
    <Resource name="organisations" {...organisations} />
    <Resource name="regions" {...regions} />
  </Admin>
);
