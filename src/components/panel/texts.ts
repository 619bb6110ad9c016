/**
 * The panel's texts: only the panel area (plus the detector's) travels with the panel into CRM
 * pages; the type keeps panel components to those keys.
 */
import { areaTranslator, type KeysOf, type Translate } from '../../core/i18n-core';
import { panel } from '../../core/messages/panel';
import type { Lang } from '../../core/primitives';

export type PanelKey = KeysOf<typeof panel>;
export type PanelTranslate = Translate<PanelKey>;

const PANEL_AREAS = [panel] as const;

export function panelTranslator(lang: Lang): PanelTranslate {
  return areaTranslator(lang, PANEL_AREAS);
}
