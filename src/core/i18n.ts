/**
 * Interface texts in Russian, Ukrainian and English. The language setting overrides the
 * browser's; 'auto' picks the browser's UI language when it is one of ours, else English.
 */
import type { AnswerProblem } from './answer-rules';
import type { Lang } from './primitives';
import { LANGS } from './primitives';

const en = {
  'panel.title': 'Why was it lost?',
  'panel.batch': '{count} leads closed at once',
  'panel.reasons': 'Reason',
  'panel.junk': 'Junk (not a real lead)',
  'panel.loss': 'Lost',
  'panel.comment': 'Comment',
  'panel.commentHint': 'What exactly happened? Facts, not “-”.',
  'panel.competitor': 'Which competitor?',
  'panel.save': 'Save',
  'panel.later': 'Later',
  'panel.saving': 'Saving…',
  'panel.saved': 'Saved',
  'panel.close': 'Close',
  'panel.keys': 'Digits pick a reason · Enter saves · Esc defers',
  'panel.untitled': 'Untitled lead',
  'error.reason-required': 'Choose a reason.',
  'error.reason-unknown': 'The reason “{reasonId}” is not in the catalog.',
  'error.comment-required': 'Write a comment of at least {minLength} characters: what exactly happened?',
  'error.comment-too-short': 'The comment is too short ({length} of at least {minLength} characters). Say concretely why.',
  'error.comment-placeholder': '“{text}” is not a comment. Say concretely why the lead was lost.',
  'error.comment-repeated': 'A row of one character is not a comment. Say concretely why.',
  'error.competitor-required': 'Name the competitor.',
  'error.save-failed': 'Not saved: {message}. The close is kept as pending; try again.',
  'error.quota': 'The browser’s storage is full, so nothing was written. Free disk space or export and delete old data, then try again.',
  'popup.title': 'WhyLost',
  'popup.total': 'Lost',
  'popup.pending': 'Waiting for a reason',
  'popup.empty': 'No rejections yet. Close a lead as lost in your CRM and WhyLost will ask why.',
  'popup.reasons': 'Reasons',
  'health.broken': 'WhyLost: detection is not working on this page ({missing}). Closes here may be missed.',
  'health.title': 'Detection',
  'health.ok': 'working',
  'health.brokenShort': 'not working on {host}: {missing}',
  'reason.unknown': 'unknown reason ({id})',
} as const;

export type MessageKey = keyof typeof en;
type Dictionary = Record<MessageKey, string>;

const ru: Dictionary = {
  'panel.title': 'Почему отказ?',
  'panel.batch': 'Закрыто сразу {count} лидов',
  'panel.reasons': 'Причина',
  'panel.junk': 'Некачественный (не настоящий лид)',
  'panel.loss': 'Отказ',
  'panel.comment': 'Комментарий',
  'panel.commentHint': 'Что именно произошло? Факты, а не «-».',
  'panel.competitor': 'Какой конкурент?',
  'panel.save': 'Сохранить',
  'panel.later': 'Позже',
  'panel.saving': 'Сохраняю…',
  'panel.saved': 'Сохранено',
  'panel.close': 'Закрыть',
  'panel.keys': 'Цифры — выбор причины · Enter — сохранить · Esc — позже',
  'panel.untitled': 'Лид без названия',
  'error.reason-required': 'Выберите причину.',
  'error.reason-unknown': 'Причины «{reasonId}» нет в справочнике.',
  'error.comment-required': 'Напишите комментарий не короче {minLength} символов: что именно произошло?',
  'error.comment-too-short': 'Комментарий слишком короткий ({length} из минимум {minLength} символов). Напишите конкретно, почему.',
  'error.comment-placeholder': '«{text}» — это не комментарий. Напишите конкретно, почему лид потерян.',
  'error.comment-repeated': 'Ряд одинаковых символов — не комментарий. Напишите конкретно, почему.',
  'error.competitor-required': 'Укажите конкурента.',
  'error.save-failed': 'Не сохранено: {message}. Закрытие осталось в ожидании; попробуйте ещё раз.',
  'error.quota': 'Хранилище браузера заполнено, ничего не записано. Освободите место на диске или выгрузите и удалите старые данные, затем повторите.',
  'popup.title': 'WhyLost',
  'popup.total': 'Отказы',
  'popup.pending': 'Ждут причину',
  'popup.empty': 'Отказов пока нет. Закройте лид как проигранный в CRM — WhyLost спросит почему.',
  'popup.reasons': 'Причины',
  'health.broken': 'WhyLost: распознавание не работает на этой странице ({missing}). Закрытия здесь могут быть пропущены.',
  'health.title': 'Распознавание',
  'health.ok': 'работает',
  'health.brokenShort': 'не работает на {host}: {missing}',
  'reason.unknown': 'неизвестная причина ({id})',
};

const uk: Dictionary = {
  'panel.title': 'Чому відмова?',
  'panel.batch': 'Закрито одразу {count} лідів',
  'panel.reasons': 'Причина',
  'panel.junk': 'Неякісний (не справжній лід)',
  'panel.loss': 'Відмова',
  'panel.comment': 'Коментар',
  'panel.commentHint': 'Що саме сталося? Факти, а не «-».',
  'panel.competitor': 'Який конкурент?',
  'panel.save': 'Зберегти',
  'panel.later': 'Пізніше',
  'panel.saving': 'Зберігаю…',
  'panel.saved': 'Збережено',
  'panel.close': 'Закрити',
  'panel.keys': 'Цифри — вибір причини · Enter — зберегти · Esc — пізніше',
  'panel.untitled': 'Лід без назви',
  'error.reason-required': 'Оберіть причину.',
  'error.reason-unknown': 'Причини «{reasonId}» немає в довіднику.',
  'error.comment-required': 'Напишіть коментар щонайменше з {minLength} символів: що саме сталося?',
  'error.comment-too-short': 'Коментар закороткий ({length} з щонайменше {minLength} символів). Напишіть конкретно, чому.',
  'error.comment-placeholder': '«{text}» — це не коментар. Напишіть конкретно, чому лід втрачено.',
  'error.comment-repeated': 'Ряд однакових символів — не коментар. Напишіть конкретно, чому.',
  'error.competitor-required': 'Вкажіть конкурента.',
  'error.save-failed': 'Не збережено: {message}. Закриття залишилось в очікуванні; спробуйте ще раз.',
  'error.quota': 'Сховище браузера заповнене, нічого не записано. Звільніть місце на диску або вивантажте й видаліть старі дані, потім повторіть.',
  'popup.title': 'WhyLost',
  'popup.total': 'Відмови',
  'popup.pending': 'Чекають причину',
  'popup.empty': 'Відмов поки немає. Закрийте лід як програний у CRM — WhyLost запитає чому.',
  'popup.reasons': 'Причини',
  'health.broken': 'WhyLost: розпізнавання не працює на цій сторінці ({missing}). Закриття тут можуть бути пропущені.',
  'health.title': 'Розпізнавання',
  'health.ok': 'працює',
  'health.brokenShort': 'не працює на {host}: {missing}',
  'reason.unknown': 'невідома причина ({id})',
};

export const DICTIONARIES: Record<Lang, Dictionary> = { en, ru, uk };

export type Params = Record<string, string | number | null | undefined>;

export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const template = DICTIONARIES[lang][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

/** 'auto' → the browser's UI language (e.g. "uk-UA", "ru") when we have it, else English. */
export function resolveLang(setting: 'auto' | Lang, browserLang: string | undefined): Lang {
  if (setting !== 'auto') return setting;
  const base = (browserLang ?? '').toLowerCase().split(/[-_]/)[0] as Lang;
  return (LANGS as readonly string[]).includes(base) ? base : 'en';
}

export function describeProblem(t: Translate, problem: AnswerProblem): string {
  const { code, ...params } = problem;
  return t(`error.${code}`, params as Params);
}
