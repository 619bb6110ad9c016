/**
 * The "edit" link of a drill-down row: the record page, where a record's reason or comment is
 * changed and where it is marked "closed by mistake → returned to work".
 */
import type { Translate } from '../../core/i18n';
import { recordPagePath } from '../../core/links';

export function RecordEditLink({ id, t }: { id: string; t: Translate }) {
  return (
    <a href={recordPagePath([id])} target="_blank" rel="noreferrer" data-testid="wl-edit">
      {t('stats.drill.edit')}
    </a>
  );
}
