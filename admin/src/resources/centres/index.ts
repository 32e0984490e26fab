import type { ResourceProps } from "react-admin";
import { CentreList } from "./CentreList";
import { CentreShow } from "./CentreShow";

export default {
  list: CentreList,
  show: CentreShow,
  recordRepresentation: "name",
} satisfies Omit<ResourceProps, "name">;
