import ts from "typescript";
import { stringToAST } from "openapi-typescript";

/**
 * openapi-typescript types `allOf` + `required` as `WithRequired<T, "a" | "b">` with
 * `K extends keyof T`. When `T` can be `null` (a `nullable: true` member, plaid.com's `PlaidError`)
 * or `undefined` (an optional property reached by a `properties` ref, linode.com's
 * `FirewallDevices["entity"]`), `keyof T` is `never` and the constraint fails (TS2344).
 * The required keys apply to the object, so the helper is taken over `NonNullable<T>`.
 */
const HELPER = "type WithRequired<T, K extends keyof NonNullable<T>> = NonNullable<T> & { [P in K]-?: NonNullable<T>[P] };";

/** Replaces openapi-typescript's `WithRequired` helper (when it emitted one) by the null-safe version. */
export function nullSafeWithRequired(nodes: ts.Node[]): ts.Node[] {
  const index = nodes.findIndex((node) => ts.isTypeAliasDeclaration(node) && node.name.text === "WithRequired");
  if (index < 0) return nodes;
  const copy = [...nodes];
  copy[index] = stringToAST(HELPER)[0] as ts.Node;
  return copy;
}
