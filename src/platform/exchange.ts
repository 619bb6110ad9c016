/**
 * Files in extension pages: hand a chosen file to the background;
 * fetch the records of an export a page at a time; save a file as a download.
 * The page never parses an import itself: the background validates where the database is.
 */
import { browser } from 'wxt/browser';
import { decodeFile, sizeProblem } from '../core/exchange/json';
import { problem, type ImportProblem } from '../core/exchange/problems';
import { chunkText } from '../core/exchange/uploads';
import type { Filter } from '../core/filters';
import { UPLOAD_TEXT, UploadTextReplySchema } from '../core/protocol/exchange';
import type { Rejection } from '../core/rejection';
import { call, request } from './messaging';

export type Uploaded = { ok: true; uploadId: string } | { ok: false; problem: ImportProblem };

const interrupted = (): Uploaded => ({ ok: false, problem: problem('interrupted') });

/**
 * Size check first (a 50 MB file is never read); then the file is decoded here (decodeFile, as
 * every reader of our files decodes) and its text goes to the background: in one service-worker
 * postMessage where there is one (Chromium), else in chunks in extension messages (Firefox's
 * event page). Either way the page parses nothing: the background validates.
 */
export async function uploadFile(file: File): Promise<Uploaded> {
  const tooLarge = sizeProblem(file.size);
  if (tooLarge) return { ok: false, problem: tooLarge };
  const begin = await call('exchange.uploadBegin', { name: file.name.slice(0, 500), size: file.size });
  if (!begin.ok) return interrupted();
  const { uploadId } = begin.value;
  try {
    const text = decodeFile(new Uint8Array(await file.arrayBuffer()));
    const worker = await serviceWorker();
    const sent = worker ? await postText(worker, uploadId, text) : null;
    if (sent === 'ok') return { ok: true, uploadId };
    if (sent !== null) return interrupted();
    return await sendText(uploadId, text);
  } catch (error) {
    return { ok: false, problem: problem('unreadable', { detail: error instanceof Error ? error.message : String(error) }) };
  }
}

async function serviceWorker(): Promise<ServiceWorker | null> {
  try {
    return (await navigator.serviceWorker?.getRegistration())?.active ?? null;
  } catch {
    return null;
  }
}

/** The text to the service worker (one structured clone); null when it does not answer. */
function postText(worker: ServiceWorker, uploadId: string, text: string): Promise<string | null> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), 30_000);
    channel.port1.onmessage = (e) => {
      clearTimeout(timer);
      const reply = UploadTextReplySchema.safeParse(e.data);
      resolve(reply.success ? reply.data.result : null);
    };
    worker.postMessage({ type: UPLOAD_TEXT, uploadId, text }, [channel.port2]);
  });
}

async function sendText(uploadId: string, text: string): Promise<Uploaded> {
  const chunks = chunkText(text);
  for (let index = 0; index < chunks.length; index++) {
    const sent = await call('exchange.uploadChunk', { uploadId, index, text: chunks[index]! });
    if (!sent.ok) return interrupted();
  }
  return { ok: true, uploadId };
}

/**
 * Runs `work` over the files with at most `parallel` at once; `done` is called per file as it
 * finishes. Four: while the background merges one file, the next ones are being read, decoded
 * and parsed (profiled, 20 files: with two the worker idled ~1.9 s of a 3.9 s import, with
 * four ~1.1 s of 3.2 s; six did no better).
 */
export async function eachFile<T>(
  files: readonly File[],
  work: (file: File) => Promise<T>,
  done: (index: number, value: T) => void,
  parallel = 4,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      done(i, await work(files[i]!));
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, files.length) }, worker));
}

const EXPORT_PAGE = 2000;

/** Every record matching the filter, fetched a page at a time (a team's data exceeds one message). */
export async function fetchRecords(filter: Filter): Promise<Rejection[]> {
  const records: Rejection[] = [];
  let after: string | null = null;
  do {
    const page: { records: Rejection[]; next: string | null } = await request('exchange.exportPage', { filter, after, limit: EXPORT_PAGE });
    for (const r of page.records) records.push(r);
    after = page.next;
  } while (after !== null);
  return records;
}

/** Saves text parts as a file through the browser's download. */
export function download(fileName: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function appVersion(): string {
  return `WhyLost ${browser.runtime.getManifest().version}`;
}
