/**
 * A fresh idempotency key: a random UUID (v4). `crypto.randomUUID` exists only in secure contexts
 * (https pages, localhost); a page served over plain http (a LAN dev server, an intranet app) has
 * `crypto.getRandomValues` alone, so the same kind of UUID is built from 16 random bytes there.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
