/**
 * Every generated identifier and file name comes from here, so the rules live in one place:
 * words are split on anything that is not a letter or digit (and on camelCase humps),
 * then joined; the result is always a valid, non-reserved TypeScript identifier.
 */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean constructor declare get " +
    "module require number set string symbol type from of await async unknown never object undefined"
  ).split(" "),
);

/** Splits `pet_id`, `PetID`, `x-rate-limit`, `Messages.json` and `café` into words. */
export function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function camelCase(text: string, fallback = "value"): string {
  const parts = words(text);
  if (parts.length === 0) return fallback;
  const joined = parts[0]! + parts.slice(1).map(capitalise).join("");
  return safeIdentifier(joined);
}

/** Member names a class cannot use for a method or field (`constructor` would define the constructor). */
const RESERVED_MEMBERS = new Set(["constructor"]);

/** A method or property name: reserved words are fine after a dot (`api.pets.delete`). */
export function memberName(text: string, fallback = "call"): string {
  const parts = words(text);
  if (parts.length === 0) return fallback;
  const joined = parts[0]! + parts.slice(1).map(capitalise).join("");
  const safe = /^[0-9]/.test(joined) ? `_${joined}` : joined;
  return RESERVED_MEMBERS.has(safe) ? `${safe}_` : safe;
}

/**
 * Every name the SDK's index.ts exports besides the resources: the runtime's (templates/index.ts;
 * a test keeps this list complete), client.ts's, base-client.ts's and schema.ts's. No class or type alias may take one.
 */
export const SDK_EXPORTS: ReadonlySet<string> = new Set(
  (
    "ApiPromise ApiResponse AuthConfig BasicCredential Credential SecurityScheme encodePathParam SdkError ApiError " +
    "BadRequestError AuthenticationError PermissionDeniedError NotFoundError ConflictError PreconditionFailedError " +
    "UnprocessableEntityError RateLimitError InternalServerError apiErrorFor InvalidResponseError RequestBuildError ConnectionError " +
    "OutcomeUnknownError TimeoutError RequestInfo RequestSent createHttpClient HttpClient BaseRequestOptions ClientConfig " +
    "Endpoint HeaderValues IdempotentWriteOptions RequestHookInfo RequestOptions ResponseHookInfo RetryHookInfo Timers " +
    "UnsafeRequestOptions DEFAULT_RETRY RetryMethod RetryOptions ServerSentEvent readEventStream " +
    "linkNext PagePromise paginate Page PageItem PageOptions Pagination PaginationProgress " +
    "Client createClient createBaseClient DEFAULT_BASE_URL SECURITY_SCHEMES ClientAuth ClientOptions components operations paths webhooks"
  ).split(" "),
);

/** Globals a generated class must not shadow inside its own file. */
const TAKEN_CLASS_NAMES = new Set([
  ..."Array Object Promise Error Map Set Date String Number Boolean Symbol JSON Math URL URLSearchParams Headers Request Response Blob File FormData ReadableStream AbortSignal Record Partial NonNullable Omit".split(" "),
  ...SDK_EXPORTS,
]);

export function pascalCase(text: string, fallback = "Value"): string {
  const parts = words(text);
  if (parts.length === 0) return fallback;
  const joined = safeIdentifier(parts.map(capitalise).join(""));
  return TAKEN_CLASS_NAMES.has(joined) ? `${joined}Resource` : joined;
}

export function kebabCase(text: string, fallback = "resource"): string {
  const parts = words(text);
  return parts.length === 0 ? fallback : parts.join("-");
}

/** Prefixes identifiers that start with a digit and suffixes reserved words (`delete` → `delete_`). */
export function safeIdentifier(name: string): string {
  const prefixed = /^[0-9]/.test(name) ? `_${name}` : name;
  return RESERVED.has(prefixed) ? `${prefixed}_` : prefixed;
}

/** Returns `name`, or `name2`, `name3`, ... the first one `taken` does not hold; records it. */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  taken.add(candidate);
  return candidate;
}
