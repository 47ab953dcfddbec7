import type { GeneratedFile } from "../emit/index.js";
import type { NameLock } from "../model/name-lock.js";

/** For the SDK's user: does code that compiled against the old SDK still compile (and mean the same)? */
export type Severity = "breaking" | "compatible";

export interface Change {
  severity: Severity;
  kind: "method-added" | "method-removed" | "method-renamed" | "argument" | "response";
  /** The method in the new SDK (the old one when removed), e.g. `pets.get`. */
  method: string;
  /** `GET /pets/{petId}`. */
  operation: string;
  /** Inside the method: `options.query.cursor`, `body.tags[]`, `response.status`; absent for the method itself. */
  where?: string;
  message: string;
}

export interface DiffReport {
  /** Semantic version bump the SDK's release needs: breaking → major, anything added or widened → minor, else patch. */
  verdict: "major" | "minor" | "patch";
  breaking: number;
  compatible: number;
  methods: { before: number; after: number; added: number; removed: number; renamed: number };
  changes: Change[];
  /** Names the lock kept (see model/name-lock.ts): what a regeneration without it would rename. */
  notes: string[];
}

/** One generated SDK, as files and the method of each operation (its lock). */
export interface SdkSnapshot {
  files: GeneratedFile[];
  methods: NameLock;
}
