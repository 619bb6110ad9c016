/** OneBox: the refusal stages section of the options page. */
import type { Messages } from './types';

const en = {
  'onebox.title': 'OneBox: refusal stages',
  'onebox.intro':
    'OneBox has no built-in “lost” stage: each company names its own («Відмова», «Закрито без оплати», …). List the stage names (or stage ids) that mean the client refused, one per line. Case and spaces do not matter. The default row applies to every OneBox portal without a row of its own.',
  'onebox.allHosts': 'All OneBox portals (default)',
  'onebox.stages': 'Refusal stages, one per line',
  'onebox.save': 'Save',
  'onebox.defaults': 'Default names',
  'onebox.remove': 'Remove',
  'onebox.hostInput': 'Portal address',
  'onebox.addHost': 'Add a portal with its own stages',
  'onebox.saved': 'Saved. Open OneBox tabs use it at once.',
  'onebox.emptyWarning': 'No refusal stages here: WhyLost will not detect refusals on {host}.',
  'onebox.tooMany': 'At most {max} stages per portal.',
  'onebox.tooLong': 'A stage name is at most {max} characters: «{name}».',
  'onebox.exists': '{host} already has a row.',
  'onebox.badHost': 'Type the portal address, e.g. acme.1b.app or crm.example.com.',
} as const;

export const onebox: Messages<typeof en> = {
  en,
  ru: {
    'onebox.title': 'OneBox: этапы отказа',
    'onebox.intro':
      'В OneBox нет встроенного этапа «проиграно»: каждая компания называет его по-своему («Отказ», «Закрыто без оплаты», …). Перечислите названия этапов (или их id), которые означают отказ клиента, по одному в строке. Регистр и пробелы не важны. Строка по умолчанию действует на всех порталах OneBox без своей строки.',
    'onebox.allHosts': 'Все порталы OneBox (по умолчанию)',
    'onebox.stages': 'Этапы отказа, по одному в строке',
    'onebox.save': 'Сохранить',
    'onebox.defaults': 'Названия по умолчанию',
    'onebox.remove': 'Удалить',
    'onebox.hostInput': 'Адрес портала',
    'onebox.addHost': 'Добавить портал со своими этапами',
    'onebox.saved': 'Сохранено. Открытые вкладки OneBox применяют это сразу.',
    'onebox.emptyWarning': 'Этапов отказа нет: WhyLost не будет замечать отказы на {host}.',
    'onebox.tooMany': 'Не больше {max} этапов на портал.',
    'onebox.tooLong': 'Название этапа — не больше {max} символов: «{name}».',
    'onebox.exists': 'Для {host} строка уже есть.',
    'onebox.badHost': 'Введите адрес портала, например acme.1b.app или crm.example.com.',
  },
  uk: {
    'onebox.title': 'OneBox: етапи відмови',
    'onebox.intro':
      'В OneBox немає вбудованого етапу «програно»: кожна компанія називає його по-своєму («Відмова», «Закрито без оплати», …). Перелічіть назви етапів (або їхні id), що означають відмову клієнта, по одному в рядку. Регістр і пробіли не важливі. Рядок за замовчуванням діє на всіх порталах OneBox без власного рядка.',
    'onebox.allHosts': 'Усі портали OneBox (за замовчуванням)',
    'onebox.stages': 'Етапи відмови, по одному в рядку',
    'onebox.save': 'Зберегти',
    'onebox.defaults': 'Назви за замовчуванням',
    'onebox.remove': 'Видалити',
    'onebox.hostInput': 'Адреса порталу',
    'onebox.addHost': 'Додати портал із власними етапами',
    'onebox.saved': 'Збережено. Відкриті вкладки OneBox застосовують це одразу.',
    'onebox.emptyWarning': 'Етапів відмови немає: WhyLost не помічатиме відмов на {host}.',
    'onebox.tooMany': 'Не більше {max} етапів на портал.',
    'onebox.tooLong': 'Назва етапу — не більше {max} символів: «{name}».',
    'onebox.exists': 'Для {host} рядок уже є.',
    'onebox.badHost': 'Введіть адресу порталу, наприклад acme.1b.app або crm.example.com.',
  },
};
