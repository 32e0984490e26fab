import { Divider, ListSubheader } from "@mui/material";
import { Fragment } from "react";
import { Menu as RaMenu, useResourceDefinitions, useSidebarState, useTranslate } from "react-admin";

/**
 * The menu in groups a librarian looks for: daily work first, administration last. A group
 * shows only the resources the role has pages for (App.tsx registers no list for the others),
 * and disappears when it has none. Dense items and low group headings keep the administrator's
 * whole menu (over twenty entries) on a laptop screen: the sidebar scrolls without showing a
 * scrollbar (roles.test.ts checks the 900 px window).
 */
const GROUPS: readonly { label: string; resources: readonly string[] }[] = [
  {
    label: "dostup.menu.work",
    resources: ["centres", "reports", "feedback", "systemicErrors", "events", "registryImports"],
  },
  {
    label: "dostup.menu.catalogue",
    resources: ["services", "lifeSituations", "qualityStandards", "qualityMeasurements", "kpis"],
  },
  { label: "dostup.menu.people", resources: ["people", "curatorAssignments", "organisations"] },
  {
    label: "dostup.menu.reference",
    resources: ["regions", "municipalities", "population", "reportForms", "feedbackCategories", "projects"],
  },
  { label: "dostup.menu.administration", resources: ["users", "apiClients", "fileAccesses"] },
];

/** Dense items a little lower than MUI's, so the administrator's whole menu fits the window. */
const ITEM = { minHeight: 0, py: "3px" } as const;

export const Menu = () => {
  const translate = useTranslate();
  const definitions = useResourceDefinitions();
  const [open] = useSidebarState();
  const listed = (name: string) => definitions[name]?.hasList === true;
  const grouped = new Set(GROUPS.flatMap((group) => group.resources));
  // A resource added to the registry but to no group still gets its entry, last.
  const others = Object.keys(definitions).filter((name) => listed(name) && !grouped.has(name));
  return (
    <RaMenu>
      <RaMenu.DashboardItem dense />
      {GROUPS.map((group) => {
        const names = group.resources.filter(listed);
        if (names.length === 0) return null;
        return (
          <Fragment key={group.label}>
            {open ? (
              <ListSubheader
                disableSticky
                sx={{ lineHeight: "24px", mt: 0.25, bgcolor: "transparent" }}
                data-menu-group={group.label}
              >
                {translate(group.label)}
              </ListSubheader>
            ) : (
              <Divider sx={{ my: 0.5 }} />
            )}
            {names.map((name) => (
              <RaMenu.ResourceItem key={name} name={name} dense sx={ITEM} />
            ))}
          </Fragment>
        );
      })}
      {others.map((name) => (
        <RaMenu.ResourceItem key={name} name={name} dense />
      ))}
    </RaMenu>
  );
};
