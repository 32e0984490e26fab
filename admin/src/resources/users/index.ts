import ManageAccountsIcon from "@mui/icons-material/ManageAccounts";
import type { RaRecord } from "react-admin";
import type { AdminResource } from "../../lib/resource";
import { access } from "./access";
import { en, ru } from "./messages";
import { UserCreate, UserEdit } from "./UserForm";
import { UserList } from "./UserList";
import { UserShow } from "./UserShow";

const FIELDS =
  "version email fullName role active allRegions lastLoginAt locale centre { id name } regions { id name }";

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((id) => typeof id === "string") : []);
const previousRegionIds = (previous: RaRecord): string[] =>
  ((previous.regions as { id: string }[] | undefined) ?? []).map((region) => region.id);

/**
 * The scope fields follow the role: an operator has a centre, a curator or a regional
 * auditor regions, an auditor of the whole country allRegions; the others are cleared.
 */
function scopeInput(data: RaRecord): Record<string, unknown> {
  const role = data.role;
  return {
    centreId: role === "OPERATOR" ? (data.centreId ?? null) : null,
    regionIds: role === "CURATOR" || (role === "AUDITOR" && !data.allRegions) ? ids(data.regionIds) : [],
    allRegions: role === "AUDITOR" ? Boolean(data.allRegions) : false,
  };
}

function createInput(data: RaRecord): Record<string, unknown> {
  return {
    email: data.email,
    fullName: data.fullName,
    password: data.password,
    role: data.role,
    locale: data.locale ?? "ru",
    ...scopeInput(data),
  };
}

function updateInput(data: RaRecord, previous?: RaRecord): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of ["fullName", "role", "active", "locale"] as const) {
    if (!previous || data[field] !== previous[field]) {
      input[field] = data[field];
    }
  }
  if (typeof data.password === "string" && data.password !== "") {
    input.password = data.password;
  }
  const scope = scopeInput(data);
  const before = previous
    ? {
        centreId: (previous.centre as { id: string } | null)?.id ?? null,
        regionIds: previousRegionIds(previous),
        allRegions: Boolean(previous.allRegions),
      }
    : undefined;
  for (const [field, value] of Object.entries(scope)) {
    if (!before || JSON.stringify(value) !== JSON.stringify(before[field as keyof typeof before])) {
      input[field] = value;
    }
  }
  return input;
}

export default {
  name: "users",
  definition: {
    typename: "User",
    fields: FIELDS,
    detailFields: `${FIELDS} openSessions`,
    filters: { search: "String", role: "UserRole", active: "Boolean" },
    create: { mutation: "createUser", input: createInput },
    update: { mutation: "updateUser", input: updateInput },
  },
  list: UserList,
  show: UserShow,
  edit: UserEdit,
  create: UserCreate,
  icon: ManageAccountsIcon,
  recordRepresentation: "fullName",
  access,
  messages: { ru, en },
} satisfies AdminResource;
