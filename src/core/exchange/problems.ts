/**
 * Why a file was refused: a code the interface words in the reader's language, with the
 * numbers and names it needs. Crosses the background → page border, so it is a schema.
 */
import { z } from 'zod';
import type { MessageKey, Translate } from '../i18n';
import { lazySchema } from '../lazy-schema';

export const PROBLEM_CODES = [
  'unreadable', // the page could not read the file
  'too-large',
  'empty',
  'binary',
  'utf16',
  'html',
  'csv',
  'truncated',
  'not-json',
  'bad-json',
  'not-object',
  'no-format',
  'wrong-format',
  'no-version',
  'bad-version',
  'future-version',
  'migration',
  'invalid-header',
  'invalid-record',
  'duplicate-id',
  'wrong-kind',
  'owner-conflict',
  'interrupted',
  'storage',
] as const;
export const ProblemCodeSchema = lazySchema(() => z.enum(PROBLEM_CODES));
export type ProblemCode = z.infer<typeof ProblemCodeSchema>;

export const ImportProblemSchema = lazySchema(() => z.object({
  code: ProblemCodeSchema,
  params: z.record(z.string(), z.union([z.string().max(2000), z.number()])),
}));
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export function problem(code: ProblemCode, params: ImportProblem['params'] = {}): ImportProblem {
  return { code, params };
}

/** "«team-anna.json» was refused: it was cut off before its end …" — names the file and the problem. */
export function describeRefusal(t: Translate, fileName: string, p: ImportProblem): string {
  return t('sharing.refused', { file: fileName, problem: describeProblem(t, p) });
}

export function describeProblem(t: Translate, p: ImportProblem): string {
  let params = p.params;
  if (p.code === 'wrong-kind') {
    // Kinds are words of the reader's language: "a WhyLost catalog file; here you can import: records export".
    const kinds = (list: string | number | undefined) =>
      String(list ?? '')
        .split(', ')
        .map((k) => t(`sharing.fileKind.${k}` as MessageKey))
        .join(', ');
    params = { kind: kinds(p.params.kind), expected: kinds(p.params.expected) };
  }
  return t(`sharing.problem.${p.code}` as MessageKey, params);
}

export const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
