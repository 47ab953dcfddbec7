/**
 * The one error type sdkwright shows to users: what went wrong, where (file, line, JSON pointer)
 * and how to fix it. The CLI prints `format()` and exits 1; anything else is a bug.
 */
export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  pointer?: string;
}

export class SdkwrightError extends Error {
  readonly location: ErrorLocation;
  readonly hint: string | undefined;
  readonly details: string[];

  constructor(message: string, options: { location?: ErrorLocation; hint?: string; details?: string[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SdkwrightError";
    this.location = options.location ?? {};
    this.hint = options.hint;
    this.details = options.details ?? [];
  }

  format(): string {
    const lines = [`error: ${this.message}`];
    const where = formatLocation(this.location);
    if (where) lines.push(`  at ${where}`);
    for (const detail of this.details) lines.push(`  ${detail}`);
    if (this.hint) lines.push(`  fix: ${this.hint}`);
    return lines.join("\n");
  }
}

export function formatLocation(location: ErrorLocation): string {
  const parts: string[] = [];
  if (location.file) {
    let file = location.file;
    if (location.line !== undefined) file += `:${location.line}`;
    if (location.line !== undefined && location.column !== undefined) file += `:${location.column}`;
    parts.push(file);
  }
  if (location.pointer) parts.push(`#${location.pointer}`);
  return parts.join(" ");
}
