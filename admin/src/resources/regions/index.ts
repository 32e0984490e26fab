import type { ResourceProps } from "react-admin";
import { RegionList } from "./RegionList";

export default {
  list: RegionList,
  recordRepresentation: "name",
} satisfies Omit<ResourceProps, "name">;
