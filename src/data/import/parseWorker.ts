/// <reference lib="webworker" />
/**
 * The parse worker's entry: reading a log of a few hundred MB never blocks the page. Start it
 * with new Worker(new URL('…/data/import/parseWorker.ts', import.meta.url), { type: 'module' }) and
 * speak messages.ts; handler.ts does the work.
 */
import { createParseHandler } from './handler';
import type { ParseReply, ParseRequest } from './messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createParseHandler((m: ParseReply) => scope.postMessage(m));
scope.onmessage = (e: MessageEvent<ParseRequest>) => void handle(e.data);
