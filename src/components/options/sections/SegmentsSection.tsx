/**
 * Segment rules: which segment's reason list a close gets, by CRM / host / pipeline / stage
 * (the most specific matching rule wins, see core/segments). The pipelines and stages seen in
 * stored records are offered as choices; ids can also be typed.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { CRM_IDS, SEGMENTS, type CrmId, type Named, type Segment } from '../../../core/primitives';
import type { SeenPipeline } from '../../../core/seen';
import { ruleFromDraft, type RuleDraft, type RuleProblem } from '../../../core/settings-edit';
import type { SegmentRule } from '../../../core/settings';
import { request } from '../../../platform/messaging';
import { updateSettings } from '../../../platform/options-store';
import { dbRevisionItem } from '../../../platform/stored';
import { describeRuleProblem } from '../problems';
import { CRM_NAMES, FlashLine, SavedSelect, type Flash } from '../ui';
import type { SectionProps } from './index';

const seenKey = (p: Pick<SeenPipeline, 'crm' | 'host' | 'pipeline'>) => `${p.crm}|${p.host}|${p.pipeline?.id ?? ''}`;
const named = (n: Named) => (n.name ? `${n.name} (${n.id})` : n.id);

/**
 * The pipelines seen in the records: a scan of the whole database in the background, so it runs
 * when the section opens and after new records only while this page is visible (a settings tab
 * left open behind the CRM costs nothing per save).
 */
function useSeenPipelines(): SeenPipeline[] {
  const [seen, setSeen] = useState<SeenPipeline[]>([]);
  useEffect(() => {
    let alive = true;
    let stale = false;
    const load = () => {
      stale = document.hidden;
      if (stale) return;
      request('seenPipelines', {}).then(
        (list) => alive && setSeen(list),
        () => undefined,
      );
    };
    const onVisible = () => {
      if (stale && !document.hidden) load();
    };
    load();
    const unwatch = dbRevisionItem.watch(load);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive = false;
      unwatch();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return seen;
}

export function SegmentsSection({ config }: SectionProps) {
  const { t, settings } = config;
  const seen = useSeenPipelines();
  const [draft, setDraft] = useState<RuleDraft>({ crm: '', host: '', pipelineId: '', stageId: '', segment: 'outbound-b2b' });
  const [problems, setProblems] = useState<RuleProblem[]>([]);
  const [flash, setFlash] = useState<Flash>(null);

  const set = (change: Partial<RuleDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setProblems([]);
    setFlash(null);
  };

  /** A condition typed as text; empty means "any". */
  const anyInput = (field: 'host' | 'pipelineId' | 'stageId', testId: string) => (
    <input data-testid={testId} value={draft[field]} placeholder={t('segments.any')} spellCheck={false} onChange={(e) => set({ [field]: e.target.value })} />
  );

  const chosen = seen.find((p) => p.crm === draft.crm && p.host === draft.host.trim() && (p.pipeline?.id ?? '') === draft.pipelineId.trim());

  const pickSeen = (key: string) => {
    const p = seen.find((x) => seenKey(x) === key);
    if (p) set({ crm: p.crm, host: p.host, pipelineId: p.pipeline?.id ?? '', stageId: '' });
  };

  /** "amoCRM · demo.amocrm.ru · Продажи (3) · any stage" with the names seen, ids otherwise. */
  const describe = (rule: SegmentRule) => {
    const p = seen.find((x) => x.crm === rule.crm && x.host === rule.host && x.pipeline?.id === rule.pipelineId);
    const pipeline = rule.pipelineId ? (p?.pipeline ? named(p.pipeline) : rule.pipelineId) : null;
    const stageSeen = rule.stageId ? seen.flatMap((x) => x.stages).find((s) => s.id === rule.stageId) : undefined;
    const stage = rule.stageId ? (stageSeen ? named(stageSeen) : rule.stageId) : null;
    const any = t('segments.any');
    return [
      `${t('segments.crm')}: ${rule.crm ? CRM_NAMES[rule.crm] : any}`,
      `${t('segments.host')}: ${rule.host ?? any}`,
      `${t('segments.pipeline')}: ${pipeline ?? any}`,
      `${t('segments.stage')}: ${stage ?? any}`,
    ].join(' · ');
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    const checked = ruleFromDraft(draft, settings.segmentRules);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    void updateSettings((s) => ({ ...s, segmentRules: [...s.segmentRules, checked.value] })).then(() => {
      setDraft((d) => ({ ...d, stageId: '' }));
      setFlash({ kind: 'ok', text: t('segments.added') });
    });
  };

  const remove = (index: number) => {
    const rule = settings.segmentRules[index];
    if (!rule) return;
    // By content, not index: another tab may have changed the list meanwhile.
    void updateSettings((s) => ({ ...s, segmentRules: s.segmentRules.filter((r) => JSON.stringify(r) !== JSON.stringify(rule)) }));
  };

  return (
    <section className="wl-section" aria-labelledby="wl-segments-title" data-testid="wl-segments">
      <h2 id="wl-segments-title">{t('segments.title')}</h2>
      <p className="wl-intro">{t('segments.intro')}</p>
      <label className="wl-field">
        <span>{t('segments.default')}</span>
        <SavedSelect
          testId="wl-default-segment"
          stored={settings.defaultSegment}
          options={SEGMENTS.map((s) => ({ value: s, label: t(`segment.${s}`) }))}
          onSave={(next) => void updateSettings((s) => ({ ...s, defaultSegment: next }))}
        />
      </label>

      {settings.segmentRules.length === 0 ? (
        <p className="wl-empty">{t('segments.none')}</p>
      ) : (
        <ul className="wl-list" data-testid="wl-rule-list">
          {settings.segmentRules.map((rule, i) => (
            <li key={JSON.stringify(rule)} data-testid="wl-rule-row" data-segment={rule.segment} data-pipeline-id={rule.pipelineId ?? ''}>
              <span>
                {describe(rule)} → <strong>{t(`segment.${rule.segment}`)}</strong>
              </span>
              <button
                type="button"
                data-testid="wl-rule-remove"
                aria-label={t('segments.removeRule', { rule: `${describe(rule)} → ${t(`segment.${rule.segment}`)}` })}
                onClick={() => remove(i)}
              >
                {t('segments.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <form className="wl-rule-form" onSubmit={add} aria-label={t('segments.add')}>
        <label className="wl-field">
          <span>{t('segments.seen')}</span>
          {seen.length ? (
            <select data-testid="wl-rule-seen" value={chosen ? seenKey(chosen) : ''} onChange={(e) => pickSeen(e.target.value)}>
              <option value="">{t('segments.seenPick')}</option>
              {seen.map((p) => (
                <option key={seenKey(p)} value={seenKey(p)}>
                  {CRM_NAMES[p.crm]} · {p.host} · {p.pipeline ? named(p.pipeline) : t('segments.any')} — {t('segments.records', { count: p.records })}
                </option>
              ))}
            </select>
          ) : (
            <span className="wl-empty">{t('segments.seenNone')}</span>
          )}
        </label>
        <div className="wl-row">
          <label>
            <span>{t('segments.crm')}</span>
            <select data-testid="wl-rule-crm" value={draft.crm} onChange={(e) => set({ crm: e.target.value as CrmId | '' })}>
              <option value="">{t('segments.any')}</option>
              {CRM_IDS.map((c) => (
                <option key={c} value={c}>
                  {CRM_NAMES[c]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('segments.host')}</span>
            {anyInput('host', 'wl-rule-host')}
          </label>
          <label>
            <span>{t('segments.pipeline')}</span>
            {anyInput('pipelineId', 'wl-rule-pipeline')}
          </label>
          <label>
            <span>{t('segments.stage')}</span>
            {chosen && chosen.stages.length > 0 ? (
              <select data-testid="wl-rule-stage" value={draft.stageId} onChange={(e) => set({ stageId: e.target.value })}>
                <option value="">{t('segments.any')}</option>
                {chosen.stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {named(s)}
                  </option>
                ))}
              </select>
            ) : (
              anyInput('stageId', 'wl-rule-stage')
            )}
          </label>
          <label>
            <span>{t('segments.segment')}</span>
            <select data-testid="wl-rule-segment" value={draft.segment} onChange={(e) => set({ segment: e.target.value as Segment })}>
              {SEGMENTS.map((s) => (
                <option key={s} value={s}>
                  {t(`segment.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" data-testid="wl-rule-add">
            {t('segments.add')}
          </button>
        </div>
        {problems.length > 0 && (
          <ul className="wl-error" role="alert" data-testid="wl-rule-error">
            {problems.map((p) => (
              <li key={p.code}>{describeRuleProblem(t, p)}</li>
            ))}
          </ul>
        )}
        <FlashLine flash={flash} testId="wl-rule-message" />
      </form>
    </section>
  );
}
