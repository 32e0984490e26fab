// Pothos setup only: plugins, scalars, auth scopes. Types live in modules/<domain>.
import SchemaBuilder, {
  completeValue,
  type PothosOutputFieldConfig,
  reduceMaybeAsync,
  type SchemaTypes,
} from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin, { type AuthFailure, AuthScopeFailureType } from "@pothos/plugin-scope-auth";
import { PothosValidationPlugin } from "@pothos/plugin-validation";
import { type GraphQLFieldResolver, type GraphQLNamedType, Kind } from "graphql";
import { config } from "./config.js";
import type { Context } from "./context.js";
import type PrismaTypes from "./generated/pothos-types.js";
import type { UserRole } from "./generated/prisma/client.js";
import { isAdmin, isStaff, seesInternal } from "./lib/access.js";
import { ALL_API_SCOPES, type ApiScope } from "./lib/api-scopes.js";
import { datamodel } from "./lib/datamodel.js";
import { prisma } from "./lib/db.js";
import {
  AccessDeniedError,
  ConflictError,
  ForbiddenError,
  MissingScopeError,
  NotFoundError,
  UserInputError,
  ValidationError,
} from "./lib/errors.js";
import { validationError } from "./lib/validate.js";

/** The largest page any connection returns, whatever `first` asks for. */
export const MAX_PAGE_SIZE = 100;

/** What a field asks of a partner key: one scope, or any one of several. */
export type PartnerScopes = ApiScope | readonly ApiScope[];

function holdsAny(ctx: Context, scopes: PartnerScopes): boolean {
  if (ctx.identity?.kind !== "partner") return false;
  const held = ctx.identity.scopes;
  return typeof scopes === "string" ? held.includes(scopes) : scopes.some((scope) => held.includes(scope));
}

/** The partner scopes a failed check asked for (scope-auth's failure tree), to name them. */
function partnerScopesIn(failure: AuthFailure): ApiScope[] {
  switch (failure.kind) {
    case AuthScopeFailureType.AuthScope:
      return failure.scope === "partner" ? [failure.parameter as PartnerScopes].flat() : [];
    case AuthScopeFailureType.AnyAuthScopes:
    case AuthScopeFailureType.AllAuthScopes:
      return [...new Set(failure.failures.flatMap(partnerScopesIn))];
    default:
      return [];
  }
}

/**
 * Whether a partner key may read this row of this type, by the type's own declared auth
 * scopes: only a type that names a partner scope the key holds (e.g. `{ staff: true, partner:
 * "registry:read" }`) admits partners, so node(id) answers null for anything else, exactly as
 * for an id that does not exist (no error that would tell the two apart), and a type nobody
 * declared for partners stays closed to them.
 */
async function partnerMayRead(type: GraphQLNamedType | null | undefined, row: unknown, ctx: Context) {
  const declared = (type?.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions
    ?.authScopes;
  const verdict = typeof declared === "function" ? await declared(row, ctx) : declared;
  const scopes = (verdict as { partner?: PartnerScopes } | null | undefined)?.partner;
  return typeof verdict === "object" && scopes !== undefined && holdsAny(ctx, scopes);
}

type ArgMapper<Types extends SchemaTypes> = PothosOutputFieldConfig<Types>["argMappers"][number];

/**
 * The validation plugin, validating after authorization. Pothos maps a field's arguments (and
 * so validates them) before any plugin wraps the resolver: a caller scope-auth refuses would be
 * told what is wrong with their input instead of being refused, and the errors plugin would not
 * see the failure to put it in the mutation's result union. Here the plugin's validator runs
 * inside the resolver's wrappers instead: after scope-auth, within the errors plugin.
 */
class ValidationAfterAuthPlugin<Types extends SchemaTypes> extends PothosValidationPlugin<Types> {
  private readonly validators = new Map<string, ArgMapper<Types>[]>();

  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>) {
    const config = super.onOutputFieldConfig(fieldConfig);
    if (!config || config.kind === "Subscription") return config;
    const added = config.argMappers.slice(fieldConfig.argMappers.length);
    if (added.length === 0) return config;
    this.validators.set(`${config.parentType}.${config.name}`, added);
    return { ...config, argMappers: fieldConfig.argMappers };
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    const validators = this.validators.get(`${fieldConfig.parentType}.${fieldConfig.name}`);
    if (!validators) return resolver;
    return (parent, args, context, info) =>
      completeValue(
        reduceMaybeAsync(validators, args as Record<string, unknown>, (mapped, validate) =>
          validate(mapped, context, info),
        ),
        (validated) => resolver(parent, validated, context, info),
      );
  }
}

SchemaBuilder.registerPlugin("validationAfterAuth", ValidationAfterAuthPlugin);

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      validationAfterAuth: ValidationAfterAuthPlugin<Types>;
    }
  }
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  AuthScopes: {
    /** Anyone, signed in or not (login, me). */
    public: boolean;
    /** A signed-in person of any role (not a partner app): may see personal data in scope. */
    staff: boolean;
    /**
     * A partner app's key holding this scope (or, given a list, any one of them). The only way a
     * field admits partner keys: there is deliberately no "any verified identity" scope.
     */
    partner: PartnerScopes;
    /** Administrators, curators and auditors: internal records of their regions. */
    internal: boolean;
    /** Roles that change data: administrators, and curators within their regions. */
    writer: boolean;
    admin: boolean;
    role: UserRole;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
  };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, ErrorsPlugin, "validationAfterAuth", PrismaPlugin, RelayPlugin],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      public: true,
      staff: isStaff(ctx.access),
      partner: (scopes) => holdsAny(ctx, scopes),
      internal: seesInternal(ctx.access),
      writer: ctx.access.write === "all" || ctx.access.write.length > 0,
      admin: isAdmin(ctx.access),
      role: (role) => ctx.identity?.kind === "user" && ctx.identity.role === role,
    }),
    unauthorizedError: (_parent, context, _info, result) => {
      if (!context.identity) return new AccessDeniedError("SIGN_IN_REQUIRED");
      const missing = context.identity.kind === "partner" ? partnerScopesIn(result.failure) : [];
      return missing.length > 0 ? new MissingScopeError(missing) : new AccessDeniedError();
    },
  },
  prisma: {
    client: prisma,
    dmmf: datamodel,
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: 20,
    onUnusedQuery: config.production ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeQueryOptions: {
      // Staff, and keys with any scope: for a key, the type found then decides (partnerMayRead).
      authScopes: { staff: true, partner: ALL_API_SCOPES },
      resolve: async (_root, args, context, info, resolveNode) => {
        const node = await resolveNode(args.id);
        if (context.identity?.kind !== "partner" || node === null || node === undefined) return node;
        return (await partnerMayRead(info.schema.getType(args.id.typename), node, context)) ? node : null;
      },
    },
    nodesQueryOptions: false,
  },
  errors: { defaultTypes: [NotFoundError, ForbiddenError, ValidationError, ConflictError] },
  // A failed validation is a ValidationError naming each field by its path (input.hours.0.opens).
  validation: { validationError: (failure) => validationError(failure.issues) },
});

/** The builder's schema types, for helpers that take Pothos field builders. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

builder.queryType({});
builder.mutationType({});

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day as a UTC midnight, or null if there is no such day (2024-02-30, year 0). */
function calendarDay(year: string, month: string, day: string): Date | null {
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  const real =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day);
  return real && Number(year) >= 1 ? date : null;
}

// new Date() alone would take "2024-02-30T10:00Z" as 1 March, a time without an offset as the
// server's local time, and "March 29, 2026" at all; years beyond 9999 fail in PostgreSQL.
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/i;

builder.scalarType("DateTime", {
  description: "An instant, as an ISO 8601 string with time zone (e.g. 2026-11-21T10:00:00Z).",
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const match = typeof value === "string" ? INSTANT.exec(value) : null;
    const date = match ? new Date(value as string) : null;
    if (
      !match ||
      !date ||
      Number.isNaN(date.getTime()) ||
      !calendarDay(match[1] ?? "", match[2] ?? "", match[3] ?? "")
    ) {
      throw new UserInputError("INVALID_DATETIME", { value: JSON.stringify(value) });
    }
    return date;
  },
});

/** Parses YYYY-MM-DD strictly: 2024-02-30 is refused, not rolled over to March. */
function parseDate(value: unknown): Date {
  const match = typeof value === "string" ? DATE.exec(value) : null;
  const date = match ? calendarDay(match[1] ?? "", match[2] ?? "", match[3] ?? "") : null;
  if (!date) {
    throw new UserInputError("INVALID_DATE", { value: JSON.stringify(value) });
  }
  return date;
}

builder.scalarType("Date", {
  description: "A calendar date as YYYY-MM-DD.",
  serialize: (value) => value.toISOString().slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});
