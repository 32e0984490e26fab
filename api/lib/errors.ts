import { GraphQLError } from "graphql";
import { Prisma } from "../generated/prisma/client.js";
import {
  formatMessage,
  isMessageCode,
  type Language,
  type MessageCode,
  type MessageParams,
} from "../messages/index.js";

// Every error a person may read carries a stable code and its parameters (api/messages/): the
// English text is the error's `message` (logs, API clients that ask for nothing else), and the
// GraphQL layer answers in the caller's language (Accept-Language: ru for the admin panel).

/** A code and its parameters: what a message says, before it is put in words. */
export interface Coded {
  readonly code: MessageCode;
  readonly params?: MessageParams | undefined;
}

/** The text of a code in a language. Text that is not a code (a message not yet coded) stays as it is. */
export function textOf(coded: { code: string; params?: MessageParams | undefined }, language: Language): string {
  return isMessageCode(coded.code) ? formatMessage(coded.code, coded.params, language) : coded.code;
}

/** The extensions that let the GraphQL layer translate a GraphQLError (api/lib/localize.ts). */
function codedExtensions(code: MessageCode, params?: MessageParams): Record<string, unknown> {
  return { messageCode: code, ...(params ? { messageParams: params } : {}) };
}

/** Problems with a request's arguments that the caller can fix; never masked. */
export class UserInputError extends GraphQLError {
  constructor(code: MessageCode, params?: MessageParams, field?: string) {
    super(textOf({ code, params }, "en"), {
      extensions: { code: "BAD_USER_INPUT", ...(field ? { field } : {}), ...codedExtensions(code, params) },
    });
  }
}

/** A missing, malformed, expired or revoked credential. */
export class AuthenticationError extends GraphQLError {
  constructor(code: MessageCode = "UNAUTHENTICATED", params?: MessageParams) {
    super(textOf({ code, params }, "en"), {
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 }, ...codedExtensions(code, params) },
    });
  }
}

/** A role that may not use a field at all (raised by scope-auth before the resolver runs). */
export class AccessDeniedError extends GraphQLError {
  constructor(code: MessageCode = "ACCESS_DENIED", params?: MessageParams) {
    super(textOf({ code, params }, "en"), { extensions: { code: "FORBIDDEN", ...codedExtensions(code, params) } });
  }
}

/** A partner key without the scope a field needs; names the scopes that would do. */
export class MissingScopeError extends GraphQLError {
  constructor(scopes: readonly string[]) {
    const params = { scopes: scopes.join(" or ") };
    super(textOf({ code: "MISSING_SCOPE", params }, "en"), {
      extensions: { code: "FORBIDDEN", requiredScopes: [...scopes], ...codedExtensions("MISSING_SCOPE", params) },
    });
  }
}

/**
 * A partner key over its requests per minute: HTTP 429 with Retry-After, and the same
 * number of seconds in the error for clients that read only the body.
 */
export class RateLimitedError extends GraphQLError {
  constructor(retryAfterSeconds: number) {
    const params = { seconds: retryAfterSeconds };
    super(textOf({ code: "RATE_LIMITED", params }, "en"), {
      extensions: {
        code: "RATE_LIMITED",
        retryAfterSeconds,
        http: { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
        ...codedExtensions("RATE_LIMITED", params),
      },
    });
  }
}

// ── Typed domain errors: returned in mutation result unions, never masked ──

/** An error of a mutation's result union: its code and parameters, its message in English. */
export abstract class DomainError extends Error implements Coded {
  constructor(
    readonly code: MessageCode,
    readonly params?: MessageParams,
  ) {
    super(textOf({ code, params }, "en"));
  }

  /** The message in `language`. */
  text(language: Language): string {
    return textOf(this, language);
  }
}

export class NotFoundError extends DomainError {
  override name = "NotFoundError";
  /** `entity`: the kind of record (api/messages/parts/entities.ts); `code` for a more precise message. */
  constructor(
    readonly entity: string,
    code: MessageCode = "NOT_FOUND",
    params?: MessageParams,
  ) {
    super(code, { entity, ...params });
  }
}

export class ForbiddenError extends DomainError {
  override name = "ForbiddenError";
  constructor(code: MessageCode = "FORBIDDEN", params?: MessageParams) {
    super(code, params);
  }
}

/** One problem with one input field: `field` is its path ("input.hours.0.opens"). */
export interface FieldProblem extends Coded {
  readonly field: string;
}

/** A field problem as the API answers it: with its English message. */
export interface FieldIssue extends FieldProblem {
  readonly message: string;
}

export class ValidationError extends DomainError {
  override name = "ValidationError";
  readonly issues: FieldIssue[];
  constructor(problems: readonly FieldProblem[]) {
    const issues = problems.map((problem) => ({ ...problem, message: textOf(problem, "en") }));
    // The first problem's code is the error's; the message lists them all.
    const first = issues[0];
    super(first?.code ?? "INVALID_VALUE", first?.params);
    this.issues = issues;
    this.message = issues.map((issue) => `${issue.field}: ${issue.message}`).join("; ");
  }

  static of(field: string, code: MessageCode, params?: MessageParams): ValidationError {
    return new ValidationError([{ field, code, params }]);
  }

  override text(language: Language): string {
    return this.issues.map((issue) => `${issue.field}: ${textOf(issue, language)}`).join("; ");
  }
}

export class ConflictError extends DomainError {
  override name = "ConflictError";
  constructor(
    code: MessageCode,
    params?: MessageParams,
    readonly currentVersion: number | null = null,
  ) {
    super(code, params);
  }
}

/** What a CHECK constraint means, in words a person can act on. */
const CHECKS: Record<string, FieldProblem> = {
  ReportValue_values_check: { field: "values", code: "CHECK_REPORT_VALUES" },
  Feedback_ratings_check: { field: "ratings", code: "CHECK_FEEDBACK_RATINGS" },
  OpeningHours_check: { field: "openingHours", code: "CHECK_OPENING_HOURS" },
  OpeningHoursException_check: { field: "exceptions", code: "CHECK_OPENING_HOURS_EXCEPTION" },
  CuratorAssignment_period_check: { field: "validTo", code: "CHECK_ASSIGNMENT_PERIOD" },
  CuratorAssignment_target_check: { field: "target", code: "CHECK_ASSIGNMENT_TARGET" },
  Centre_equipment_check: { field: "equipment", code: "CHECK_CENTRE_EQUIPMENT" },
  Centre_coordinates_check: { field: "coordinates", code: "CHECK_CENTRE_COORDINATES" },
  MobileVisit_people_check: { field: "peopleServed", code: "CHECK_VISIT_PEOPLE" },
  MobileVisitDocument_count_check: { field: "documents", code: "CHECK_VISIT_DOCUMENTS" },
};

function constraintOf(error: unknown): string {
  const text = `${(error as Error)?.message ?? ""} ${JSON.stringify((error as { meta?: unknown })?.meta ?? {})}`;
  return text;
}

/**
 * The one place where database errors become domain errors: unique → Conflict, foreign key
 * → ValidationError, missing row → NotFound, CHECK → ValidationError with its meaning.
 * Anything else is rethrown (and masked by Yoga).
 */
export function mapDatabaseError(error: unknown, entity = "record"): Error {
  if (error instanceof DomainError) return error;
  const text = constraintOf(error);
  for (const [name, issue] of Object.entries(CHECKS)) {
    if (text.includes(name)) return new ValidationError([issue]);
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    switch (error.code) {
      case "P2002": {
        const constraint = (
          error.meta?.driverAdapterError as { cause?: { constraint?: { fields?: string[]; index?: string } } }
        )?.cause?.constraint;
        // The fields, else the unique index's name as PostgreSQL reports it ("Centre_regionId_code_key").
        const index = /^[A-Za-z]+_(\w+)_key$/.exec(constraint?.index ?? "")?.[1]?.split("_");
        const target = (error.meta?.target as string[] | string | undefined) ?? constraint?.fields ?? index;
        const fields = (Array.isArray(target) ? target.join(", ") : (target ?? "")).replaceAll('"', "");
        // Prisma names the fields on some paths only: without them, say no more than is known.
        return fields
          ? new ConflictError("DUPLICATE", { entity, fields })
          : new ConflictError("DUPLICATE_VALUES", { entity });
      }
      case "P2003":
        return ValidationError.of("input", "REFERENCE_MISSING", {
          reference: String(error.meta?.field_name ?? error.meta?.constraint ?? "foreign key"),
        });
      case "P2025":
        return new NotFoundError(entity);
      case "P2004":
      case "P2011":
      case "P2000":
        return ValidationError.of("input", "VALUE_NOT_ALLOWED", {
          detail: error.message.split("\n").at(-1) ?? "A value is not allowed.",
        });
    }
  }
  if (/check constraint|violates check/i.test(text)) return ValidationError.of("input", "VALUE_OUT_OF_RANGE");
  return error instanceof Error ? error : new Error(String(error));
}

// ── The database itself unavailable ──

/** Prisma's codes for "cannot reach / lost / timed out waiting for" the server. */
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Driver adapter error kinds (@prisma/adapter-pg) for the same. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** SQLSTATE classes 08 (connection exception) and 57P (server shutting down or starting). */
const UNAVAILABLE_SQLSTATE = /^(?:08|57P0[123])/;
/**
 * pg's own connection errors carry no code, only these messages; Prisma's P2028 "unable to
 * start a transaction in the given time" means every pooled connection stayed busy.
 */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|not queryable|Can't reach database server|Server has closed the connection|database system is (?:starting up|shutting down|in recovery)|terminating connection due to administrator command|timeout exceeded when trying to connect|connection timeout|Unable to start a transaction in the given time/i;

/**
 * PostgreSQL is down, restarting or out of connections (or all of ours stayed busy): not the
 * caller's mistake, and asking again shortly may work. Looks through the causes Prisma and
 * its driver adapter wrap.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 10) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    if (e instanceof Prisma.PrismaClientInitializationError) return true;
    if (e instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_CODES.has(e.code)) return true;
    const fields = e as { kind?: unknown; code?: unknown; originalCode?: unknown; message?: unknown };
    if (typeof fields.kind === "string" && UNAVAILABLE_KINDS.has(fields.kind)) return true;
    for (const code of [fields.code, fields.originalCode])
      if (typeof code === "string" && UNAVAILABLE_SQLSTATE.test(code)) return true;
    if (typeof fields.message === "string" && UNAVAILABLE_MESSAGE.test(fields.message)) return true;
    queue.push(
      (e as { cause?: unknown }).cause,
      (e as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError,
    );
  }
  return false;
}

/**
 * What a caller gets while the database is unreachable: a coded error instead of the masked
 * "Unexpected error.", so clients can tell "try again shortly" from a bug (as S3_UNAVAILABLE).
 */
export class DatabaseUnavailableError extends GraphQLError {
  constructor(path?: readonly (string | number)[]) {
    super(textOf({ code: "DATABASE_UNAVAILABLE" }, "en"), {
      path,
      extensions: { code: "DATABASE_UNAVAILABLE", ...codedExtensions("DATABASE_UNAVAILABLE") },
    });
  }
}
