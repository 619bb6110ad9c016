/**
 * Messages the options page (and any context reading settings) needs from the background.
 */
import { z } from 'zod';
import { SeenPipelineSchema } from '../seen';
import { EmptySchema, message } from './common';

export const OPTIONS_MESSAGES = {
  /** Pipelines and stages found in stored records: choices for segment rules. */
  seenPipelines: message(() => EmptySchema, () => z.array(SeenPipelineSchema)),
  /** This browser's install id (the default identity), made by the background if still missing. */
  installId: message(() => EmptySchema, () => z.string().min(1)),
} as const;
