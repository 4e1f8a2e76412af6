/**
 * The wording of schema errors that a person reads. zod says "Invalid input: expected string,
 * received undefined" for a required field that is not there; a curator needs to read "missing".
 */
export const MISSING_FIELD = 'missing: this field is required';

/** A zod error map (pass as `{ error: missingField }` to safeParse): missing fields say so, others keep zod's words. */
export function missingField(issue: { code?: string; input?: unknown }): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? MISSING_FIELD : undefined;
}
