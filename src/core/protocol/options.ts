/**
 * Messages the options page (and any context reading settings) needs from the background.
 */
import { z } from 'zod';
import { SeenPipelineSchema } from '../seen';
import { EmptySchema, result } from './common';

export const OPTIONS_MESSAGES = {
  /** Pipelines and stages found in stored records: choices for segment rules. */
  seenPipelines: { request: EmptySchema, response: result(z.array(SeenPipelineSchema)) },
  /** This browser's install id (the default identity), made by the background if still missing. */
  installId: { request: EmptySchema, response: result(z.string().min(1)) },
} as const;
