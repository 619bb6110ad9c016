import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from './format';
import { chunkText, UPLOAD_TTL_MS, UploadStore } from './uploads';

describe('uploads', () => {
  it('joins chunks sent in order and hands the text over once', () => {
    const s = new UploadStore(() => 'u1');
    const id = s.begin('a.json', 6, 0);
    expect(s.append(id, 0, 'abc', 1)).toBe('ok');
    expect(s.append(id, 2, 'x', 1)).toBe('out-of-order');
    expect(s.append(id, 1, 'def', 2)).toBe('ok');
    expect(s.peek(id, 3)).toEqual({ name: 'a.json', size: 6, text: 'abcdef' });
    expect(s.take(id, 4)?.text).toBe('abcdef');
    expect(s.take(id, 5)).toBeNull();
    expect(s.append(id, 2, 'x', 5)).toBe('unknown');
  });

  it('takes a whole file as text in one message, and no chunks after it', () => {
    const s = new UploadStore(() => 'u1');
    const id = s.begin('b.json', 4, 0);
    expect(s.putText(id, '{"a":"ё"}', 1)).toBe('ok');
    expect(s.append(id, 0, 'x', 1)).toBe('out-of-order');
    expect(s.putText(id, '{}', 1)).toBe('out-of-order');
    expect(s.take(id, 2)?.text).toBe('{"a":"ё"}');
    expect(s.putText('nope', '', 2)).toBe('unknown');
    const chunked = s.begin('c.json', 2, 3);
    expect(s.append(chunked, 0, '{', 3)).toBe('ok');
    expect(s.putText(chunked, '{}', 3)).toBe('out-of-order');
    const big = s.begin('big.json', 1, 3);
    expect(s.putText(big, 'x'.repeat(MAX_FILE_BYTES + 1), 3)).toBe('too-large');
    expect(s.peek(big, 3)).toBeNull();
  });

  it('drops an upload longer than the size limit, and uploads left unused', () => {
    let n = 0;
    const s = new UploadStore(() => `u${++n}`);
    const big = s.begin('big.json', 1, 0);
    expect(s.append(big, 0, 'x'.repeat(MAX_FILE_BYTES + 1), 0)).toBe('too-large');
    expect(s.peek(big, 0)).toBeNull();
    const old = s.begin('old.json', 1, 0);
    s.begin('new.json', 1, UPLOAD_TTL_MS + 1);
    expect(s.peek(old, UPLOAD_TTL_MS + 1)).toBeNull();
    expect(s.size).toBe(1);
  });

  it('chunks text without splitting a surrogate pair', () => {
    const text = 'ab😀cd😀';
    for (const size of [1, 2, 3, 4]) {
      const chunks = chunkText(text, size);
      expect(chunks.join('')).toBe(text);
      for (const c of chunks) expect(c).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    expect(chunkText('')).toEqual([]);
  });
});
