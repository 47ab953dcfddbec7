import { statSync } from "node:fs";
import path from "node:path";
import { BaseResolver, type Document, type Source } from "@redocly/openapi-core";
import { SdkwrightError } from "../errors.js";
import { checkDocumentShape, checkFileSize } from "./limits.js";

/**
 * Redocly's resolver with a policy on what a spec may make sdkwright read:
 * - a spec fetched over http(s) may only reference http(s) URLs (never `file:` or local paths);
 * - a local spec may read local files only inside its own folder or the working folder;
 * - every file is size-checked before it is read, and every document's shape after it is parsed.
 */
export class GuardedResolver extends BaseResolver {
  private readonly remoteRoot: boolean;
  private readonly allowedDirs: string[];

  constructor(root: string, cwd: string) {
    super();
    this.remoteRoot = /^https?:\/\//i.test(root);
    this.allowedDirs = this.remoteRoot ? [] : [path.dirname(root), cwd].map((dir) => path.resolve(dir));
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    const remote = /^https?:\/\//i.test(absoluteRef);
    if (!remote) this.checkLocal(absoluteRef);
    const source = await super.loadExternalRef(absoluteRef);
    if (remote) checkFileSize(source.body.length, absoluteRef);
    return source;
  }

  override parseDocument(source: Source, isRoot?: boolean): Document {
    const document = super.parseDocument(source, isRoot);
    checkDocumentShape(document.parsed, source.absoluteRef);
    return document;
  }

  private checkLocal(file: string): void {
    if (this.remoteRoot) {
      throw new SdkwrightError(`refusing to read ${file}: a spec fetched over http(s) may only reference http(s) URLs`, {
        location: { file },
        hint: "a remote spec cannot read files on this machine; download it and its references, then run sdkwright on the local copy",
      });
    }
    const resolved = path.resolve(file.replace(/^file:\/\//i, ""));
    if (!this.allowedDirs.some((dir) => resolved === dir || resolved.startsWith(dir + path.sep))) {
      throw new SdkwrightError(`refusing to read ${resolved}: it is outside the spec's folder and the working folder`, {
        location: { file: resolved },
        hint: `move the referenced file under ${this.allowedDirs[0]}, or run sdkwright from a folder that contains it`,
      });
    }
    try {
      checkFileSize(statSync(resolved).size, resolved);
    } catch (error) {
      if (error instanceof SdkwrightError) throw error;
      // A missing file is reported by Redocly with the place of the $ref that names it.
    }
  }
}
