/**
 * The "edit" link of a drill-down row: where a record's reason or comment is changed and where
 * it is marked "closed by mistake → returned to work" (the record page of the panel issue).
 * Wire that page's URL here; until then the slot stays empty.
 */
import type { Translate } from '../../core/i18n';

export const recordPageUrl: ((id: string) => string) | null = null;

export function RecordEditLink({ id, t }: { id: string; t: Translate }) {
  if (!recordPageUrl) return null;
  return (
    <a href={recordPageUrl(id)} data-testid="wl-edit">
      {t('stats.drill.edit')}
    </a>
  );
}
