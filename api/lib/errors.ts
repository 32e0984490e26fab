import { GraphQLError } from "graphql";
import { Prisma } from "../generated/prisma/client.js";

/** Problems with a request's arguments that the caller can fix; never masked. */
export class UserInputError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: "BAD_USER_INPUT", ...(field ? { field } : {}) } });
  }
}

/** A missing, malformed, expired or revoked credential. */
export class AuthenticationError extends GraphQLError {
  constructor(message = "The credentials are not valid.") {
    super(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
  }
}

/** A role that may not use a field at all (raised by scope-auth before the resolver runs). */
export class AccessDeniedError extends GraphQLError {
  constructor(message = "You are not allowed to do this.") {
    super(message, { extensions: { code: "FORBIDDEN" } });
  }
}

/** A partner key without the scope a field needs; names the scopes that would do. */
export class MissingScopeError extends GraphQLError {
  constructor(scopes: readonly string[]) {
    super(`This API key does not have the scope ${scopes.join(" or ")}.`, {
      extensions: { code: "FORBIDDEN", requiredScopes: [...scopes] },
    });
  }
}

/**
 * A partner key over its requests per minute: HTTP 429 with Retry-After, and the same
 * number of seconds in the error for clients that read only the body.
 */
export class RateLimitedError extends GraphQLError {
  constructor(retryAfterSeconds: number) {
    super(`Too many requests with this API key; try again in ${retryAfterSeconds} s.`, {
      extensions: {
        code: "RATE_LIMITED",
        retryAfterSeconds,
        http: { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
      },
    });
  }
}

// ── Typed domain errors: returned in mutation result unions, never masked ──

export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(
    readonly entity: string,
    message = `The ${entity} does not exist or is outside your scope.`,
  ) {
    super(message);
  }
}

export class ForbiddenError extends Error {
  override name = "ForbiddenError";
  constructor(message = "You are not allowed to change this record.") {
    super(message);
  }
}

export interface FieldIssue {
  field: string;
  message: string;
}

export class ValidationError extends Error {
  override name = "ValidationError";
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join("; "));
  }

  static of(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

export class ConflictError extends Error {
  override name = "ConflictError";
  constructor(
    message: string,
    readonly currentVersion: number | null = null,
  ) {
    super(message);
  }
}

/** What a CHECK constraint means, in words a person can act on. */
const CHECKS: Record<string, FieldIssue> = {
  ReportValue_values_check: {
    field: "values",
    message: "Values must be whole numbers ≥ 0, and the rural part cannot exceed the total.",
  },
  Feedback_ratings_check: { field: "ratings", message: "Ratings are whole numbers from 1 to 5." },
  OpeningHours_check: { field: "openingHours", message: "Use weekdays 1–7 and HH:MM times, opening before closing." },
  OpeningHoursException_check: {
    field: "exceptions",
    message: "The range must end on or after its start, with hours unless closed.",
  },
  CuratorAssignment_period_check: { field: "validTo", message: "The end date cannot be before the start date." },
  CuratorAssignment_target_check: { field: "target", message: "Give exactly the target the assignment's type names." },
  Centre_equipment_check: { field: "equipment", message: "Equipment counts cannot be negative." },
  Centre_coordinates_check: {
    field: "coordinates",
    message: "Latitude is −90…90 and longitude −180…180, both or neither.",
  },
  MobileVisit_people_check: { field: "peopleServed", message: "People served cannot be negative." },
  MobileVisitDocument_count_check: { field: "documents", message: "Document counts cannot be negative." },
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
  if (
    error instanceof NotFoundError ||
    error instanceof ForbiddenError ||
    error instanceof ValidationError ||
    error instanceof ConflictError
  ) {
    return error;
  }
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
        return new ConflictError(
          fields
            ? `A ${entity} with the same ${fields} already exists.`
            : `A ${entity} with these values already exists.`,
        );
      }
      case "P2003":
        return ValidationError.of(
          "input",
          `A referenced record does not exist (${String(error.meta?.field_name ?? error.meta?.constraint ?? "foreign key")}).`,
        );
      case "P2025":
        return new NotFoundError(entity);
      case "P2004":
      case "P2011":
      case "P2000":
        return ValidationError.of("input", error.message.split("\n").at(-1) ?? "A value is not allowed.");
    }
  }
  if (/check constraint|violates check/i.test(text))
    return ValidationError.of("input", "A value is outside the allowed range.");
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
    super("The database is not reachable or too busy right now; try again shortly.", {
      path,
      extensions: { code: "DATABASE_UNAVAILABLE" },
    });
  }
}
