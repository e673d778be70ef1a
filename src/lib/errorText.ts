/**
 * Errors as text for the reader and as Error for promises. Anything can be thrown in JS (a
 * string, a worker's ErrorEvent, undefined), so every catch goes through these two.
 */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

export function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
