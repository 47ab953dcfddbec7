/**
 * JSON pointers as specs write them: `#/paths/~1pets/get`, sometimes percent-encoded. A literal `%`
 * that is not an escape (a path key such as `/100%`) is kept as it is instead of throwing.
 */
export function decodePointer(pointer: string): string {
  try {
    return decodeURIComponent(pointer);
  } catch {
    return pointer;
  }
}

/** One segment of a pointer, unescaped (`~1` → `/`, `~0` → `~`). */
export function decodeSegment(segment: string): string {
  return decodePointer(segment).replace(/~1/g, "/").replace(/~0/g, "~");
}
