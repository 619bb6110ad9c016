/** The toolbar popup, detection health, shared labels. */
import type { Messages } from './types';

const en = {
  'popup.title': 'WhyLost',
  'popup.total': 'Lost',
  'popup.pending': 'Waiting for a reason',
  'popup.empty': 'No rejections yet. Close a lead as lost in your CRM and WhyLost will ask why.',
  'popup.reasons': 'Reasons',
  'health.title': 'Detection',
  'health.ok': 'working',
  'health.brokenShort': 'not working on {host}: {missing}',
  'reason.unknown': 'unknown reason ({id})',
} as const;

export const popup: Messages<typeof en> = {
  en,
  ru: {
    'popup.title': 'WhyLost',
    'popup.total': 'Отказы',
    'popup.pending': 'Ждут причину',
    'popup.empty': 'Отказов пока нет. Закройте лид как проигранный в CRM — WhyLost спросит почему.',
    'popup.reasons': 'Причины',
    'health.title': 'Распознавание',
    'health.ok': 'работает',
    'health.brokenShort': 'не работает на {host}: {missing}',
    'reason.unknown': 'неизвестная причина ({id})',
  },
  uk: {
    'popup.title': 'WhyLost',
    'popup.total': 'Відмови',
    'popup.pending': 'Чекають причину',
    'popup.empty': 'Відмов поки немає. Закрийте лід як програний у CRM — WhyLost запитає чому.',
    'popup.reasons': 'Причини',
    'health.title': 'Розпізнавання',
    'health.ok': 'працює',
    'health.brokenShort': 'не працює на {host}: {missing}',
    'reason.unknown': 'невідома причина ({id})',
  },
};
