import KeyIcon from "@mui/icons-material/Key";
import type { AdminResource } from "../../lib/resource";
import { ApiClientCreate } from "./ApiClientCreate";
import { ApiClientList } from "./ApiClientList";
import { ApiClientShow } from "./ApiClientShow";
import { access } from "./access";
import { en, ru } from "./messages";

export default {
  name: "apiClients",
  definition: {
    typename: "ApiClient",
    fields: "version name keyPrefix scopes rateLimitPerMinute createdAt expiresAt lastUsedAt revokedAt",
    filters: {},
    // The create page calls createApiClient itself: its answer carries the key, shown once.
    delete: { mutation: "revokeApiClient" },
  },
  list: ApiClientList,
  show: ApiClientShow,
  create: ApiClientCreate,
  icon: KeyIcon,
  recordRepresentation: "name",
  access,
  messages: { ru, en },
} satisfies AdminResource;
