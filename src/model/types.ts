import type { LintFinding } from "./lint.js";

/**
 * The intermediate representation between the spec and the emitted code: plain data, sorted,
 * and dumpable as JSON (what `sdkwright inspect --json` will print).
 */
export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** What a path addresses: a collection (`/pets`), one item (`/pets/{id}`), a singleton (`/users/{id}/profile`) or an action (`/pets/{id}/vaccinate`). */
export type Role = "collection" | "item" | "singleton" | "action";

/**
 * Why a method got its name: the REST table (`modify` is a POST that updates an item), an action
 * segment, the verb of the operationId or summary (`verb`), an override, or the raw operationId.
 */
export type MethodKind = "list" | "create" | "get" | "put" | "patch" | "modify" | "delete" | "head" | "options" | "action" | "verb" | "operation" | "override";

/** A parameter's or form field's serialization where it is not its location's default (OpenAPI 3.1 §4.8.12.4). */
export interface ParamStyle {
  style?: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject" | "simple" | "label" | "matrix";
  explode?: boolean;
  allowReserved?: boolean;
}

/** One field's `encoding` entry of a form or multipart body; `headers` only those whose value the spec fixes. */
export interface FieldEncoding extends ParamStyle {
  contentType?: string;
  headers?: Record<string, string>;
}

/** Something the spec declares that cannot go on the wire as declared (reported as a lint warning). */
export interface WireNote {
  rule: "get-with-body" | "unsendable-method" | "unserializable-parameter";
  reason: string;
}

export interface PathParam {
  /** Name in the spec, e.g. `pet_id`. */
  name: string;
  /** Positional argument name in the generated method, e.g. `petId`. */
  identifier: string;
  /** Declared in the operation's parameters (so its type comes from schema.ts). */
  declared: boolean;
  /** `label` / `matrix` style, `explode`, or `allowReserved` / `x-multi-segment` (keeps `/`). */
  style?: ParamStyle;
  /** Its type written out (`string`, a literal union) when the schema is that plain; else schema.ts is indexed. */
  type?: string;
}

export interface MediaChoice {
  contentType: string;
  /** How the runtime encodes or decodes it. */
  format: "json" | "form" | "multipart" | "text" | "binary" | "event-stream";
  /** A form or multipart request body's `encoding` entries. */
  encoding?: Record<string, FieldEncoding>;
}

export interface ResponseChoice {
  /** The key in the spec's responses object: 200, 201, "2XX", ... */
  status: string;
  media: MediaChoice | undefined;
}

export interface ApiMethod {
  name: string;
  /** Extra names for the same operation (`update` for `put`). */
  aliases: string[];
  kind: MethodKind;
  /** What the path addresses, which decides the REST name. */
  role: Role;
  httpMethod: HttpMethod;
  /** The path as written in the spec, e.g. `/pets/{petId}`: the key into `paths` in schema.ts. */
  path: string;
  operationId: string | undefined;
  pathParams: PathParam[];
  hasQuery: boolean;
  queryRequired: boolean;
  hasHeaders: boolean;
  headersRequired: boolean;
  hasCookies: boolean;
  cookiesRequired: boolean;
  /** Query parameters not in the default style (form, exploded), by name. */
  queryStyles: Record<string, ParamStyle>;
  /** Header parameters declared `explode: true`. */
  headerExplode?: Record<string, boolean>;
  /** Cookie parameters not in the default style (form, exploded). */
  cookieStyles?: Record<string, ParamStyle>;
  /** What the spec declares that cannot be sent as declared: a GET body (dropped), TRACE, an array of objects in a query. */
  wireNotes?: WireNote[];
  /** `media` is what a call sends by default; `alternatives` are the other request content types a call may pick with `options.contentType`. */
  body: { required: boolean; media: MediaChoice; alternatives: MediaChoice[] } | undefined;
  responses: ResponseChoice[];
  /** The `Accept` header sent, from the success responses' media types. */
  accept: string | undefined;
  /** A 2xx response declares a `Location` header. */
  declaresLocation: boolean;
  /** Safe to retry automatically: idempotent by HTTP semantics, or protected by an Idempotency-Key. */
  retry: { safe: boolean; reason: string };
  /** False when the operation declares that it needs no credentials (`security: []`). */
  auth: boolean;
  /** Name of the declared Idempotency-Key header, if any. */
  idempotencyHeader: string | undefined;
  summary: string | undefined;
  description: string | undefined;
  deprecated: boolean;
  /** How the list pages, when it does (see src/model/pagination.ts); the same object is emitted for the runtime. */
  pagination?: Pagination;
}

/** A list's paging scheme; `items` is the dotted body field holding the items, absent when the body is the array. */
export type Pagination = { items?: string; hasMore?: string } & (
  | { scheme: "link" }
  | { scheme: "next-url"; next: string }
  | { scheme: "cursor"; param: string; cursor: string }
  | { scheme: "after-item"; param: string; field: string }
  | { scheme: "offset"; param: string }
  | { scheme: "page"; param: string; first?: number }
);

/** A security scheme the generated client can apply (`createClient({ auth: { [property]: credential } })`). */
export type AuthScheme = {
  /** Name in `components.securitySchemes`. */
  key: string;
  /** Property of the `auth` option, e.g. `apiKey` for `api_key`. */
  property: string;
  description: string | undefined;
} & ({ type: "bearer" } | { type: "basic" } | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string });

export interface Resource {
  /** Property name on the parent, e.g. `comments`. */
  name: string;
  /** Class name, unique in the SDK, e.g. `PetsComments`. */
  className: string;
  /** File name without extension, unique in the SDK, e.g. `pets-comments`. */
  fileName: string;
  methods: ApiMethod[];
  children: Resource[];
}

export interface ApiModel {
  title: string;
  version: string;
  /** The spec's first server URL, or undefined when it declares none. */
  baseUrl: string | undefined;
  /** The client's default retry policy when the config sets one. */
  retry?: { maxRetries?: number; initialDelayMs?: number; maxDelayMs?: number; methods?: string[] } | false;
  resources: Resource[];
  auth: AuthScheme[];
  /** Naming collisions that were resolved, and overrides that were ignored. */
  warnings: string[];
  /** Operations whose HTTP method contradicts REST semantics. */
  lint: LintFinding[];
}
