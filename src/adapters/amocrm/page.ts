import { PAGES, isAmoHost } from './facts';

export function amoPage(url: URL): string | null {
  if (!isAmoHost(url.hostname)) return null;
  return PAGES.find((p) => p.path.test(url.pathname))?.kind ?? null;
}

export function leadIdFromUrl(url: URL): string | null {
  return /^\/leads\/detail\/(\d+)/.exec(url.pathname)?.[1] ?? null;
}

/** "mycompany.amocrm.ru" → "mycompany". */
export function accountOf(host: string): string | null {
  const first = host.split('.')[0];
  return first && first !== 'www' ? first : null;
}

/** The pipeline a kanban or list page shows: /leads/pipeline/3, /leads/list/pipeline/3 → "3"; /leads/list/ → null. */
export function pipelineIdFromUrl(url: URL): string | null {
  return /^\/leads\/(?:list\/)?pipeline\/(\d+)/.exec(url.pathname)?.[1] ?? null;
}
