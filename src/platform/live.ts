/**
 * Live data for extension pages: re-run a request whenever the background reports a database
 * write or the settings/catalog change.
 */
import { useEffect, useState } from 'react';
import { resolveLang, translator, type Translate } from '../core/i18n';
import type { Lang } from '../core/primitives';
import type { Catalog } from '../core/catalog';
import type { Settings } from '../core/settings';
import { dbRevisionItem, loadCatalog, loadSettings, watchConfig } from './stored';
import { browserLanguages } from './browser-lang';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

export function useLive<T>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    let generation = 0;
    const run = () => {
      const mine = ++generation;
      load().then(
        (value) => alive && mine === generation && setState({ status: 'ready', value }),
        (error: unknown) =>
          alive && mine === generation && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    };
    run();
    const unwatch = [dbRevisionItem.watch(run), watchConfig(run)];
    return () => {
      alive = false;
      unwatch.forEach((u) => u());
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

export interface PageConfig {
  settings: Settings;
  catalog: Catalog;
  lang: Lang;
  t: Translate;
  /** Set when a stored value was invalid and defaults are in use. */
  problems: string[];
}

export async function loadPageConfig(): Promise<PageConfig> {
  const [s, c] = await Promise.all([loadSettings(), loadCatalog()]);
  const lang = resolveLang(s.settings.language, browserLanguages());
  return {
    settings: s.settings,
    catalog: c.catalog,
    lang,
    t: translator(lang),
    problems: [s.problem, c.problem].filter((p): p is string => Boolean(p)),
  };
}

/**
 * A loader whose first call returns a read started when the page's script loaded (before React's
 * first render), and later calls read afresh: the first figures of a page do not wait for a commit.
 */
export function startedEarly<T>(load: () => Promise<T>): () => Promise<T> {
  let early: Promise<T> | null = load();
  return () => {
    const first = early;
    early = null;
    return first ?? load();
  };
}
