import type { ResourceProps } from "react-admin";
import { OrganisationList } from "./OrganisationList";

export default {
  list: OrganisationList,
  recordRepresentation: "name",
} satisfies Omit<ResourceProps, "name">;
