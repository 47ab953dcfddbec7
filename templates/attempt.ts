import type { HeaderValues } from "./config.js";
import type { BodyRead } from "./decode.js";

/**
 * Request headers as a plain object with lower-cased names: cheaper to build than `Headers`, and
 * `fetch` takes it as is. Later sources win; `null` or `undefined` removes a header.
 */
export function mergeHeaders(headers: Record<string, string>, source: HeaderValues | undefined): Record<string, string> {
  for (const name in source) {
    const value = source[name];
    if (value === undefined || value === null) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = String(value);
  }
  return headers;
}

export function addCookie(headers: Record<string, string>, name: string, value: string): void {
  const pair = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  headers["cookie"] = headers["cookie"] ? `${headers["cookie"]}; ${pair}` : pair;
}

/**
 * One attempt's time limit and cancellation. It ends on the caller's signal, after `timeoutMs`, or
 * when the call's deadline (`deadlineLeft` ms from now) passes, whichever comes first; `timedOut`
 * says which limit it was. Ending it rejects `race()` and cancels the body being read (`reader`).
 *
 * Every attempt gives `fetch` its own signal, although in Node that is most of the client's own
 * cost per request (~15 µs): without it a timed-out request could only be abandoned, and its socket
 * would stay open until the server answered (up to undici's 300 s), so a hung server would pile
 * up open connections with every retry.
 */
export class Attempt implements BodyRead {
  readonly #caller: AbortSignal | undefined;
  readonly #controller = new AbortController();
  readonly #expiry: "attempt" | "deadline";
  #work: Promise<Response> | undefined;
  #reject: ((reason: unknown) => void) | undefined;
  /** When the time limit passes, by `performance.now()`. */
  readonly dueAt: number;
  /** The signal to give `fetch`: the timeout, the deadline and the caller's signal all abort it. */
  readonly signal: AbortSignal = this.#controller.signal;
  timedOut: false | "attempt" | "deadline" = false;
  aborted = false;
  reason: unknown;
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined;

  constructor(caller: AbortSignal | undefined, timeoutMs: number, deadlineLeft: number | undefined) {
    const byDeadline = deadlineLeft !== undefined && deadlineLeft < timeoutMs;
    this.#expiry = byDeadline ? "deadline" : "attempt";
    this.dueAt = performance.now() + (byDeadline ? Math.max(0, deadlineLeft) : timeoutMs);
    watch(this);
    if (caller) {
      this.#caller = caller;
      if (caller.aborted) this.abort(caller.reason);
      else caller.addEventListener("abort", this);
    }
  }

  /** `work` (the fetch), or a rejection with the abort reason as soon as the attempt ends. */
  race(work: Promise<Response>): Promise<Response> {
    this.#work = work;
    return new Promise((resolve, reject) => {
      this.#reject = reject;
      if (this.aborted) reject(this.reason);
      work.then(resolve, reject);
    });
  }

  /** The caller's signal aborted. */
  handleEvent(): void {
    this.abort(this.#caller!.reason);
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.#controller.abort(reason);
    this.#reject?.(reason);
    this.reader?.cancel(reason).catch(() => undefined);
    // A response that arrived as the attempt ended is not read: cancelling its body frees the connection.
    this.#work?.then((response) => response.body?.cancel().catch(() => undefined), () => undefined);
  }

  expire(): void {
    this.timedOut = this.#expiry;
    this.abort(new DOMException(`The ${this.#expiry} time limit was reached.`, "TimeoutError"));
  }

  clear(): void {
    unwatch(this);
    this.#caller?.removeEventListener("abort", this);
  }
}

/*
 * One timer for every attempt in progress, set for the earliest `dueAt`. Sequential requests then
 * cost no timer at all: creating and clearing a timer per attempt is a measurable part of a
 * request's CPU time in Node (the runtime's list of timers is rebuilt each time). Where timers can
 * be unref'd (Node, Bun), the timer never keeps a process alive by itself; elsewhere it is cleared
 * when no attempt is left, so nothing lingers either.
 */
let watched: Set<Attempt> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let armedFor = Infinity;

function watch(attempt: Attempt): void {
  (watched ??= new Set()).add(attempt);
  if (attempt.dueAt < armedFor) arm(attempt.dueAt);
}

function unwatch(attempt: Attempt): void {
  watched?.delete(attempt);
  if (!watched?.size && !(timer as { unref?: unknown } | undefined)?.unref) arm(Infinity);
}

function arm(at: number): void {
  clearTimeout(timer);
  armedFor = at;
  timer = at === Infinity ? undefined : setTimeout(sweep, at - performance.now());
  (timer as { unref?: () => void } | undefined)?.unref?.();
}

function sweep(): void {
  armedFor = Infinity;
  const now = performance.now();
  let next = Infinity;
  for (const attempt of watched ?? []) {
    if (attempt.dueAt <= now) {
      watched!.delete(attempt);
      attempt.expire();
    } else {
      next = Math.min(next, attempt.dueAt);
    }
  }
  if (next < Infinity) arm(next);
}
