/**
 * Messages the options page needs from the background (which owns the database).
 */
import { z } from 'zod';
import { SeenPipelineSchema } from '../seen';
import { EmptySchema, result } from './common';

export const OPTIONS_MESSAGES = {
  /** Pipelines and stages found in stored records: choices for segment rules. */
  seenPipelines: { request: EmptySchema, response: result(z.array(SeenPipelineSchema)) },
} as const;
