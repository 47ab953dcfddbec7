import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index.js";
import type { Resource } from "../../src/model/types.js";

type Route = [route: string, operation?: object];

function spec(routes: Route[]): OpenAPI3 {
  // A second root keeps the shared prefix (`/repos`) a resource.
  const paths: Record<string, Record<string, object>> = { "/health": { get: { responses: { "200": { description: "ok" } } } } };
  for (const [route, operation = {}] of routes) {
    const [method, path] = route.split(" ") as [string, string];
    (paths[path] ??= {})[method.toLowerCase()] = { responses: { "200": { description: "ok" } }, ...operation };
  }
  return { openapi: "3.0.3", info: { title: "t", version: "1" }, paths } as OpenAPI3;
}

function json(schema: object): object {
  return { responses: { "200": { description: "ok", content: { "application/json": { schema } } } } };
}

const object = json({ type: "object", properties: { login: { type: "string" } } });
const array = json({ type: "array", items: { type: "object" } });
const page = json({ type: "object", properties: { total_count: { type: "integer" }, workflow_runs: { type: "array", items: {} } } });

/** `resource.path.method [kind]` → `METHOD /path`. */
function calls(resources: Resource[], prefix = ""): Record<string, string> {
  const result: Record<string, string> = {};
  for (const resource of resources) {
    const here = prefix + resource.name;
    for (const method of resource.methods) result[`${here}.${method.name} [${method.kind}]`] = `${method.httpMethod.toUpperCase()} ${method.path}`;
    Object.assign(result, calls(resource.children, `${here}.`));
  }
  return result;
}

// [claim, routes, the calls that must be among the generated ones]
const CASES: Array<[string, Route[], Record<string, string>]> = [
  [
    "a path without an item parameter whose GET answers one object is a singleton: get(), put(), not list()",
    [["GET /repos/{owner}/{repo}/actions/permissions", object], ["PUT /repos/{owner}/{repo}/actions/permissions", { operationId: "actions/set-github-actions-permissions-repository" }]],
    { "repos.actions.permissions.get [get]": "GET /repos/{owner}/{repo}/actions/permissions", "repos.actions.permissions.put [put]": "PUT /repos/{owner}/{repo}/actions/permissions" },
  ],
  [
    "beside its item path, /user answering one object is get(); the item GET takes the operationId's words",
    [["GET /user", object], ["GET /user/{account_id}", { operationId: "users/get-by-id" }]],
    { "user.get [get]": "GET /user", "user.getById [verb]": "GET /user/{account_id}" },
  ],
  ["an array answer is a collection", [["GET /user/repos", array]], { "user.repos.list [list]": "GET /user/repos" }],
  ["a page of items (one array beside a count) is a collection", [["GET /repos/{o}/{r}/actions/runs", page]], { "repos.actions.runs.list [list]": "GET /repos/{o}/{r}/actions/runs" }],
  [
    "an operationId that says list keeps list() even when the answer is one object holding several arrays",
    [["GET /guilds/{id}/audit-logs", { operationId: "list_guild_audit_log_entries", ...json({ type: "object", properties: { users: { type: "array" }, entries: { type: "array" } } }) }]],
    { "guilds.auditLogs.list [list]": "GET /guilds/{id}/audit-logs" },
  ],
  [
    "a POST that updates an item is modify(): Stripe's operationId only restates the call, its description says Updates",
    [["GET /v1/customers/{customer}"], ["POST /v1/customers/{customer}", { operationId: "PostCustomersCustomer", description: "<p>Updates the specified customer.</p>" }]],
    { "customers.get [get]": "GET /v1/customers/{customer}", "customers.modify [modify]": "POST /v1/customers/{customer}" },
  ],
  ["Twilio's UpdateCall on an item is modify()", [["POST /Accounts/{A}/Calls/{Sid}.json", { operationId: "UpdateCall" }]], { "accounts.calls.modify [modify]": "POST /Accounts/{A}/Calls/{Sid}.json" }],
  [
    "a POST on an item that does something else is named for its verb",
    [["POST /orgs/{org}/personal-access-token-requests/{pat_request_id}", { operationId: "orgs/review-pat-grant-request" }]],
    { "orgs.personalAccessTokenRequests.reviewPatGrant [verb]": "POST /orgs/{org}/personal-access-token-requests/{pat_request_id}" },
  ],
  [
    "PUT on a collection takes the verb; the path already says what (set, not setLabels)",
    [["GET /repos/{o}/{r}/issues/{n}/labels", array], ["PUT /repos/{o}/{r}/issues/{n}/labels", { operationId: "issues/set-labels" }], ["DELETE /repos/{o}/{r}/issues/{n}/labels", { operationId: "issues/remove-all-labels" }], ["DELETE /repos/{o}/{r}/issues/{n}/labels/{name}"]],
    {
      "repos.issues.labels.set [verb]": "PUT /repos/{o}/{r}/issues/{n}/labels",
      // `remove()` beside `delete(name)` could be mistaken for it: the modifier stays.
      "repos.issues.labels.removeAll [verb]": "DELETE /repos/{o}/{r}/issues/{n}/labels",
      "repos.issues.labels.delete [delete]": "DELETE /repos/{o}/{r}/issues/{n}/labels/{name}",
    },
  ],
  ["a verb alone takes the words after the object", [["GET /notifications", array], ["PUT /notifications", { operationId: "activity/mark-notifications-as-read" }]], { "notifications.markAsRead [verb]": "PUT /notifications" }],
  [
    "a name the REST table wants elsewhere is kept from derived names; the scope words are the last resort",
    [["GET /repos/{o}/{r}/issues/comments", { operationId: "issues/list-comments-for-repo", ...array }], ["GET /repos/{o}/{r}/issues/comments/{id}"], ["GET /repos/{o}/{r}/issues/{n}/comments", array]],
    { "repos.issues.comments.list [list]": "GET /repos/{o}/{r}/issues/{n}/comments", "repos.issues.comments.listForRepo [verb]": "GET /repos/{o}/{r}/issues/comments" },
  ],
  ["bulk keeps its modifier", [["GET /guilds/{g}/roles", array], ["PATCH /guilds/{g}/roles", { operationId: "bulk_update_guild_roles" }]], { "guilds.roles.bulkUpdate [verb]": "PATCH /guilds/{g}/roles" }],
  ["a PATCH that says update is modify, never update()", [["GET /things", array], ["PATCH /things", { operationId: "update-things" }]], { "things.modify [verb]": "PATCH /things" }],
  ["with no verb in its words an operation keeps its operationId", [["GET /things", array], ["PATCH /things", { operationId: "thingsBatch" }]], { "things.thingsBatch [operation]": "PATCH /things" }],
];

describe("names a person would write", () => {
  it.each(CASES)("%s", (_claim, routes, expected) => {
    const found = calls(buildModel(spec(routes)).resources);
    expect(Object.fromEntries(Object.entries(found).filter(([call]) => call in expected))).toEqual(expected);
  });

  it("never names a method update() or put() unless it is a PUT", () => {
    const found = calls(buildModel(spec([["GET /a", array], ["PATCH /a", { operationId: "update" }], ["POST /a/{id}", { operationId: "put-a" }], ["DELETE /a", { operationId: "update-all" }]])).resources);
    for (const [call, route] of Object.entries(found)) if (/\.(put|update) /.test(call)) expect(route).toMatch(/^PUT /);
  });
});
