/**
 * Messages about detection health, reported by content scripts and read by extension pages.
 */
import { z } from 'zod';
import { HealthReportSchema } from '../health';
import { HostSchema } from '../primitives';
import { result } from './common';

export const HEALTH_MESSAGES = {
  reportHealth: { request: HealthReportSchema, response: result(z.null()) },
  health: { request: z.object({ host: HostSchema.nullable() }), response: result(z.array(HealthReportSchema)) },
} as const;
