import { statSync } from "node:fs";
import path from "node:path";
import { BaseResolver, Source, type Document } from "@redocly/openapi-core";
import { SdkwrightError } from "../errors.js";
import { boundedFetch, type FetchLimits } from "./fetch.js";
import { checkDocumentShape, checkFileSize } from "./limits.js";

/**
 * Redocly's resolver with a policy on what a spec may make sdkwright read:
 * - a spec fetched over http(s) may only reference http(s) URLs (never `file:` or local paths);
 * - a local spec may read local files only inside its own folder or the working folder;
 * - every file is size-checked before it is read, and every document's shape after it is parsed.
 * `root.text` (and `root.parsed`), when given, are the root file's content as the caller already
 * read (and parsed) it: validation then checks exactly what types are generated from, even if the
 * file changes meanwhile.
 */
export class GuardedResolver extends BaseResolver {
  private readonly root: string;
  private readonly remoteRoot: boolean;
  private readonly allowedDirs: string[];
  private readonly preloaded: { text?: string; parsed?: object };

  constructor(root: string, cwd: string, preloaded: { text?: string; parsed?: object } = {}, limits: FetchLimits = {}) {
    super({ http: { headers: [], customFetch: boundedFetch(limits) } });
    this.root = root;
    this.remoteRoot = /^https?:\/\//i.test(root);
    this.allowedDirs = this.remoteRoot ? [] : [path.dirname(root), cwd].map((dir) => path.resolve(dir));
    this.preloaded = preloaded;
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    const remote = /^https?:\/\//i.test(absoluteRef);
    if (!remote) this.checkLocal(absoluteRef);
    // Like Redocly's own reader, which drops Windows line ends.
    if (absoluteRef === this.root && this.preloaded.text !== undefined) return new Source(absoluteRef, this.preloaded.text.replace(/\r\n/g, "\n"));
    const source = await super.loadExternalRef(absoluteRef);
    if (remote) checkFileSize(source.body.length, absoluteRef);
    return source;
  }

  override parseDocument(source: Source, isRoot?: boolean): Document {
    const preparsed = source.absoluteRef === this.root ? this.preloaded.parsed : undefined;
    const document = preparsed === undefined ? super.parseDocument(source, isRoot) : { source, parsed: preparsed };
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
