/** `text/event-stream` responses as an async iterable of events (the WHATWG server-sent events format). */
export interface ServerSentEvent {
  /** The `event:` field, `"message"` when absent. */
  event: string;
  /** The `data:` lines joined with `\n`; parse JSON yourself if the API sends JSON. */
  data: string;
  id: string | undefined;
  /** The `retry:` field in milliseconds, if the server sent one. */
  retry: number | undefined;
}

/** Reads events as they arrive; stops at the end of the stream or when `signal` aborts. */
export async function* readEventStream(body: ReadableStream<Uint8Array> | null, signal?: AbortSignal): AsyncGenerator<ServerSentEvent> {
  if (!body) return;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const cancel = () => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener("abort", cancel, { once: true });
  let buffer = "";
  let event: ServerSentEvent = blank();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (line === "") {
          if (event.data !== "" || event.event !== "message") yield { ...event, data: event.data.replace(/\n$/, "") };
          event = { ...blank(), id: event.id };
          continue;
        }
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "data") event.data += `${value}\n`;
        else if (field === "event") event.event = value;
        else if (field === "id" && !value.includes("\0")) event.id = value;
        else if (field === "retry" && /^\d+$/.test(value)) event.retry = Number(value);
      }
    }
    signal?.throwIfAborted();
  } finally {
    signal?.removeEventListener("abort", cancel);
    reader.releaseLock();
  }
}

function blank(): ServerSentEvent {
  return { event: "message", data: "", id: undefined, retry: undefined };
}
