/**
 * Files on their way from a page to the background. Two ways in:
 * - whole: the file's text, decoded in the page, in one service-worker postMessage (a string is
 *   copied, never JSON-serialised) — measured in Chromium (merge bench): a 4.2 MB file in
 *   ~30 ms, against ~100 ms as text in an extension message. Decoding there, not here, keeps it
 *   off the worker's thread, which an import keeps busy: profiled, TextDecoder took ~30 ms of it
 *   a file (issue 8);
 * - text chunks through extension messages where there is no service worker (Firefox's
 *   background is an event page): a message is serialised as JSON and Chromium refuses one
 *   over 64 MiB, so text goes in chunks of CHUNK_CHARS (JSON escaping at most sextuples one).
 * Uploads live in memory only: a background restart loses them, and the page is told so
 * ("interrupted") — nothing was written yet.
 */
import { MAX_FILE_BYTES } from './format';

export const CHUNK_CHARS = 4 * 1024 * 1024;
/** An upload not finished or used within this time is dropped. */
export const UPLOAD_TTL_MS = 10 * 60_000;

interface Upload {
  name: string;
  size: number;
  chunks: string[];
  chars: number;
  /** The whole text arrived in one message: no more chunks. */
  whole: boolean;
  touched: number;
}

export type AppendResult = 'ok' | 'unknown' | 'out-of-order' | 'too-large';

export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly makeId: () => string = () => crypto.randomUUID()) {}

  begin(name: string, size: number, now: number): string {
    this.expire(now);
    const id = this.makeId();
    this.uploads.set(id, { name, size, chunks: [], chars: 0, whole: false, touched: now });
    return id;
  }

  /** Chunks must come in order; a file is never longer (in UTF-16 units) than the byte limit. */
  append(id: string, index: number, text: string, now: number): AppendResult {
    const u = this.uploads.get(id);
    if (!u) return 'unknown';
    if (index !== u.chunks.length || u.whole) return 'out-of-order';
    u.chars += text.length;
    if (u.chars > MAX_FILE_BYTES) {
      this.uploads.delete(id);
      return 'too-large';
    }
    u.chunks.push(text);
    u.touched = now;
    return 'ok';
  }

  /** The whole file at once, as text (a file is never longer, in UTF-16 units, than the byte limit). */
  putText(id: string, text: string, now: number): AppendResult {
    const u = this.uploads.get(id);
    if (!u) return 'unknown';
    if (u.chunks.length || u.whole) return 'out-of-order';
    if (text.length > MAX_FILE_BYTES) {
      this.uploads.delete(id);
      return 'too-large';
    }
    u.chunks = [text];
    u.chars = text.length;
    u.whole = true;
    u.touched = now;
    return 'ok';
  }

  /** The whole text, leaving the upload in place (e.g. while the user is asked). */
  peek(id: string, now: number): { name: string; size: number; text: string } | null {
    this.expire(now);
    const u = this.uploads.get(id);
    if (!u) return null;
    u.touched = now;
    if (u.chunks.length > 1) u.chunks = [u.chunks.join('')];
    return { name: u.name, size: u.size, text: u.chunks[0] ?? '' };
  }

  /** The whole text, and the upload is gone. */
  take(id: string, now: number): { name: string; size: number; text: string } | null {
    const u = this.peek(id, now);
    this.uploads.delete(id);
    return u;
  }

  drop(id: string): void {
    this.uploads.delete(id);
  }

  get size(): number {
    return this.uploads.size;
  }

  private expire(now: number): void {
    for (const [id, u] of this.uploads) if (now - u.touched > UPLOAD_TTL_MS) this.uploads.delete(id);
  }
}

/** Splits a text into chunks without cutting a surrogate pair in two. */
export function chunkText(text: string, size = CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + size, text.length);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end = end - 1 > i ? end - 1 : end + 1;
    chunks.push(text.slice(i, end));
    i = end;
  }
  return chunks;
}
