/** Manual tagging: the context-menu item (the keyboard command's description is in public/_locales). */
import type { Messages } from './types';

const en = {
  'manual.menu': 'Record a refusal for this lead',
} as const;

export const manual: Messages<typeof en> = {
  en,
  ru: { 'manual.menu': 'Записать отказ по этому лиду' },
  uk: { 'manual.menu': 'Записати відмову по цьому ліду' },
};
