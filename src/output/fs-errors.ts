import { SdkwrightError } from "../errors.js";

/** What each file-system failure means for `--out`, and what the user can do about it. */
const CAUSES: Record<string, [what: string, fix: string]> = {
  EACCES: ["permission denied", "choose an output folder you can write to, or change the folder's permissions"],
  EPERM: ["operation not permitted", "choose an output folder you can write to, or change the folder's permissions"],
  EROFS: ["the file system is read-only", "choose an output folder on a writable disk"],
  ENOSPC: ["no space left on the device", "free some disk space, or choose an output folder on another disk"],
  EDQUOT: ["the disk quota is exceeded", "free some space within your quota, or choose another output folder"],
  ENOTDIR: ["a part of the path is a file, not a folder", "choose an output path whose parent folders are folders"],
  // What `mkdir -p` says when a part of the path is a file.
  EEXIST: ["a part of the path is a file, not a folder", "choose an output path whose parent folders are folders"],
  EISDIR: ["a folder is in the way of a file", "remove or rename that folder, or choose another output folder"],
  EMFILE: ["too many files are open", "raise the open-file limit (ulimit -n) and run again"],
  EBUSY: ["the folder is busy (in use by another program)", "close what uses it (an editor, a watcher) and run again"],
};

/**
 * A Node.js file-system error met while writing `out`, as one line with a fix; anything else is
 * returned as it was. The previous output is untouched either way (files are swapped in last).
 */
export function fileSystemError(error: unknown, out: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof SdkwrightError || typeof code !== "string" || !(code in CAUSES)) return error;
  const [what, fix] = CAUSES[code]!;
  const where = (error as NodeJS.ErrnoException).path;
  return new SdkwrightError(`cannot write the SDK to ${out}: ${what} (${code}${where ? ` on ${where}` : ""})`, {
    location: { file: out },
    hint: `${fix}; the previous output, if any, was left as it was`,
    cause: error,
  });
}
