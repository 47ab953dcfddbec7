import type * as TS from "typescript";
import { openapiTypescript, ts } from "./libraries.js";

/**
 * openapi-typescript types `allOf` + `required` as `WithRequired<T, "a" | "b">` with
 * `K extends keyof T`. When `T` can be `null` (a `nullable: true` member, plaid.com's `PlaidError`)
 * or `undefined` (an optional property reached by a `properties` ref, linode.com's
 * `FirewallDevices["entity"]`), `keyof T` is `never` and the constraint fails (TS2344).
 * The required keys apply to the object, so the helper is taken over `NonNullable<T>`.
 */
const HELPER = "type WithRequired<T, K extends keyof NonNullable<T>> = NonNullable<T> & { [P in K]-?: NonNullable<T>[P] };";

/** Replaces openapi-typescript's `WithRequired` helper (when it emitted one) by the null-safe version. */
export function nullSafeWithRequired(nodes: TS.Node[]): TS.Node[] {
  const index = nodes.findIndex((node) => ts.isTypeAliasDeclaration(node) && node.name.text === "WithRequired");
  if (index < 0) return nodes;
  const copy = [...nodes];
  copy[index] = openapiTypescript.stringToAST(HELPER)[0] as TS.Node;
  return copy;
}
