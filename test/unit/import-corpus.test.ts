/**
 * Every file of the bad-input corpus is refused for its own reason, with a message that names
 * the file and the problem in each language; the two good files import.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFile, readExchangeFile, sizeProblem } from '../../src/core/exchange/json';
import { describeRefusal } from '../../src/core/exchange/problems';
import { translator } from '../../src/core/i18n';
import { CORPUS, CORPUS_DIR, HUGE_FILE, corpusBytes, writeHugeFile } from '../fixtures/imports/corpus';


describe('bad-input corpus', () => {
  it('has at least 25 files that must be refused, and the committed files match the generator', () => {
    expect(CORPUS.filter((c) => c.expect !== 'imported').length).toBeGreaterThanOrEqual(25);
    for (const c of CORPUS) {
      expect(Buffer.compare(readFileSync(join(CORPUS_DIR, c.file)), Buffer.from(corpusBytes(c))), `${c.file} differs: run scripts/make-import-corpus.ts`).toBe(0);
    }
  });

  for (const c of CORPUS) {
    it(`${c.file} (${c.why}) → ${c.expect}`, () => {
      const bytes = readFileSync(join(CORPUS_DIR, c.file));
      expect(sizeProblem(bytes.length)).toBeNull();
      const read = readExchangeFile(decodeFile(bytes), ['records']);
      if (c.expect === 'imported') {
        expect(read.ok ? 'imported' : read.problem).toBe('imported');
        return;
      }
      if (read.ok) throw new Error(`${c.file} was accepted`);
      expect(read.problem.code).toBe(c.expect);
      const en = describeRefusal(translator('en'), c.file, read.problem);
      expect(en).toContain(`«${c.file}» was refused, nothing changed: `);
      for (const m of c.mentions) expect(en).toContain(m);
      for (const lang of ['ru', 'uk'] as const) {
        const text = describeRefusal(translator(lang), c.file, read.problem);
        expect(text).toContain(c.file);
        expect(text, `${lang}: a parameter left unfilled`).not.toMatch(/\{\w+\}/);
      }
    });
  }

  it(`${HUGE_FILE.file} is refused by its size before it is read`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'whylost-huge-'));
    try {
      const size = statSync(writeHugeFile(dir)).size;
      expect(size).toBe(HUGE_FILE.bytes);
      const p = sizeProblem(size);
      expect(p?.code).toBe('too-large');
      expect(describeRefusal(translator('en'), HUGE_FILE.file, p!)).toBe(
        '«huge-50mb.json» was refused, nothing changed: it is 50.0 MB, files up to 32.0 MB can be imported. Export a shorter period.',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
