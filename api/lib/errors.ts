import { GraphQLError } from "graphql";

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
