/**
 * Messages about detection health, reported by content scripts and read by extension pages.
 */
import { z } from 'zod';
import { HealthReportSchema } from '../health';
import { HostSchema } from '../primitives';
import { message } from './common';

export const HEALTH_MESSAGES = {
  reportHealth: message(() => HealthReportSchema, () => z.null()),
  health: message(() => z.object({ host: HostSchema.nullable() }), () => z.array(HealthReportSchema)),
} as const;
