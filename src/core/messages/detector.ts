/**
 * The few texts the always-injected content script shows itself (the rest of the panel's texts
 * come with the panel, loaded when needed).
 */
import type { Messages } from './types';

const en = {
  'health.broken': 'WhyLost: detection is not working on this page ({missing}). Closes here may be missed.',
  'health.dismiss': 'Dismiss',
  'detector.panelUnavailable': 'WhyLost could not open its panel on this page ({message}). The close is kept: answer it from the WhyLost button in the toolbar.',
} as const;

export const detector: Messages<typeof en> = {
  en,
  ru: {
    'health.broken': 'WhyLost: распознавание не работает на этой странице ({missing}). Закрытия здесь могут быть пропущены.',
    'health.dismiss': 'Скрыть',
    'detector.panelUnavailable': 'WhyLost не смог открыть панель на этой странице ({message}). Закрытие сохранено: ответьте на него через кнопку WhyLost на панели браузера.',
  },
  uk: {
    'health.broken': 'WhyLost: розпізнавання не працює на цій сторінці ({missing}). Закриття тут можуть бути пропущені.',
    'health.dismiss': 'Сховати',
    'detector.panelUnavailable': 'WhyLost не зміг відкрити панель на цій сторінці ({message}). Закриття збережено: дайте відповідь через кнопку WhyLost на панелі браузера.',
  },
};
