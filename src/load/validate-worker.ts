import { parentPort, workerData } from "node:worker_threads";
import { validateText } from "./open.js";

/* The thread `openSpec` starts: validates the spec's text with Redocly while the main thread generates. */

const { source, cwd, text } = workerData as { source: string; cwd: string; text: string };
parentPort!.postMessage(await validateText(source, cwd, text));
