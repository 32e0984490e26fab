import type { ReactNode } from "react";
import { AppBar, LoadingIndicator, LocalesMenuButton, Layout as RaLayout } from "react-admin";
import { NotificationBell } from "../notifications/NotificationBell";
import { Menu } from "./Menu";

/** React-admin's app bar tools (language, loading) with the inbox's bell before them. */
const Toolbar = () => (
  <>
    <NotificationBell />
    <LocalesMenuButton />
    <LoadingIndicator />
  </>
);

const Bar = () => <AppBar toolbar={<Toolbar />} />;

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={Bar}>
    {children}
  </RaLayout>
);
