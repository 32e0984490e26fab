import { Admin, CustomRoutes, Resource } from "react-admin";
import { Route } from "react-router-dom";
import { Dashboard } from "./dashboard/Dashboard";
import { Layout } from "./layout/Layout";
import { LoginPage } from "./layout/LoginPage";
import type { AdminResource } from "./lib/resource";
import { InboxPage } from "./notifications/InboxPage";
import { authProvider, type Role, translateLoginMessagesWith } from "./providers/authProvider";
import { dataProvider } from "./providers/dataProvider";
import { i18nProvider } from "./providers/i18nProvider";
import { resources } from "./resources";

translateLoginMessagesWith(i18nProvider.translate);

/**
 * The resource's routes for a role: a role outside `read` gets it without pages (no menu
 * entry, references still resolve); one outside `write` gets no create and edit pages, so
 * react-admin shows no create or edit buttons for it.
 */
function resourceFor(resource: AdminResource, role: Role | undefined) {
  const reads = role !== undefined && resource.access.read.includes(role);
  const writes = role !== undefined && resource.access.write.includes(role);
  return (
    <Resource
      key={resource.name}
      name={resource.name}
      icon={resource.icon}
      recordRepresentation={resource.recordRepresentation}
      // The list's toolbar exports the API's CSV where the definition names one (ListActions).
      options={{ apiCsv: Boolean(resource.definition.csv) }}
      list={reads ? resource.list : undefined}
      show={reads ? resource.show : undefined}
      edit={writes ? resource.edit : undefined}
      create={writes ? resource.create : undefined}
    />
  );
}

// Telemetry is off: the admin must not call third-party hosts. The API reads data only
// with credentials, so every page, the first included, waits for a sign-in (requireAuth).
export const App = () => (
  <Admin
    title="Доступ"
    authProvider={authProvider}
    requireAuth
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    loginPage={LoginPage}
    disableTelemetry
  >
    {(role: Role | undefined) => [
      ...resources.map((resource) => resourceFor(resource, role)),
      // The inbox of digests (notifications/): the bell in the app bar leads here.
      <CustomRoutes key="notifications">
        <Route path="/notifications" element={<InboxPage />} />
      </CustomRoutes>,
    ]}
  </Admin>
);
