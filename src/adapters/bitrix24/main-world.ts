/**
 * Bitrix24 main-world script: runs in the portal's own JavaScript world (every frame, from
 * document_start), subscribes to Bitrix's own events, reads its stage data and sees its
 * stage-change requests, and tells the content script what was closed, undone or held.
 *
 * Ways in, most robust first (names and sources in facts.ts):
 * - card progress bar: 'Crm.EntityProgress.Saved' (after the save, with semantics);
 * - kanban drop zones: 'Crm.Kanban.Grid:onBeforeItemCapturedStart' (before the move; strict mode
 *   holds it with dropEvent.denyAction() and replays dropZone.captureItem(item) once released),
 *   undo through the grid's 'Kanban.DropZone:onItemRestored' and 'Crm.Kanban.Grid:onItemMovedFinal';
 * - smart-process stage flow: BX.Event.EventEmitter 'BX.Crm.ItemDetailsComponent:onStageChange';
 * - requests (fallback, and the list view which fires no window event): list.ajax.php
 *   SAVE_PROGRESS, crm.kanban action=status, runAction crm.api.autorun.setstage.prepare (bulk) and
 *   crm.controller.item.update. A request seen where an event is expected waits a moment for the event.
 * Every close is reported once (per entity and stage, 15 s); the content script and the background
 * dedupe again. Nothing here runs unless the page is Bitrix (window.BX and html.bx-core).
 */
import { bridgeUp, onBridgeDown } from '../../main-world/bridge';
import type { CloseReport, UndoReport } from './bridge-messages';
import { DOWN, UP } from './channel';
import { BX_CORE_CLASS, DEFAULT_DROPZONE_TIMEOUT_MS, ENTITY_TYPE_NAME, EVENTS } from './facts';
import { pageInfo, type EntityKind, type PageInfo } from './page';
import { parseStageRequest, type StageRequest } from './requests';
import { categoryOfStage, classify, entityKindOf, readStageInfos, tableOf, type StageInfo, type StageTable } from './stages';

const REPEAT_MS = 15_000;
/** A request seen where Bitrix fires an event after it: how long the event gets to arrive first. */
const EVENT_GRACE_MS = 1_000;
/** After the undo window closes, requests may still be in flight. */
const UNDO_SLACK_MS = 3_000;

type Obj = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const isFn = (v: unknown): v is Fn => typeof v === 'function';
/** Calls obj.name(...args) if it is a method; undefined otherwise (Bitrix objects vary by version). */
function call(obj: unknown, name: string, ...args: unknown[]): unknown {
  if (!isObj(obj) && !isFn(obj)) return undefined;
  const f = (obj as Obj)[name];
  if (!isFn(f)) return undefined;
  try {
    return f.apply(obj, args);
  } catch {
    return undefined;
  }
}
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null);
const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

function BX(): Obj | null {
  const bx = (window as unknown as { BX?: unknown }).BX;
  return isObj(bx) || isFn(bx) ? (bx as Obj) : null;
}

function path(root: unknown, ...keys: string[]): unknown {
  let v: unknown = root;
  for (const k of keys) v = isObj(v) || isFn(v) ? (v as Obj)[k] : undefined;
  return v;
}

interface Drop {
  entityType: EntityKind;
  entityTypeId: string | null;
  stageId: string;
  until: number;
}

interface Hold {
  dropZone: unknown;
  item: unknown;
  keys: string[];
}

class BitrixMainWorld {
  private strict = false;
  /** When the content script last answered, and when it was last asked (a drag may begin). */
  private configAt = 0;
  private askedAt = 0;
  private readonly reported = new Map<string, number>();
  private readonly drops = new Map<string, Drop>();
  private readonly holds = new Map<string, Hold>();
  /** Items whose held drop was released: their replayed capture passes. */
  private readonly released = new WeakSet<object>();
  private readonly watchedGrids = new WeakSet<object>();
  /** Stages learned from kanban drop zones and columns (their data.type is the semantics). */
  private readonly seenStages: StageInfo[] = [];
  /** The smart-process card component (its stages carry the semantics); caught at init. */
  private smartCard: Obj | null = null;
  private eventsHooked = false;
  private missing: string[] | null = null;
  private holdSeq = 0;

  constructor(private readonly page: PageInfo | null) {}

  start(): void {
    this.catchSmartCard();
    this.hookEvents();
    this.hookRequests();
    onBridgeDown('bitrix24', (type, payload) => this.onDown(type, payload));
    this.publishContext();
    // Page data (stage managers) is set in BX.ready: judge what is missing once the page has loaded.
    const judge = () => setTimeout(() => this.judgeHooks(), 300);
    if (document.readyState === 'complete') judge();
    else window.addEventListener('load', judge, { once: true });
    // The strict setting is asked for again when a drag may begin, so a changed setting applies.
    document.addEventListener(
      'mousedown',
      () => {
        this.askedAt = Date.now();
        bridgeUp('bitrix24', UP.configRequest, null);
      },
      { capture: true, passive: true },
    );
  }

  // ── content script → here ────────────────────────────────────────────────────────────────
  private onDown(type: string, payload: unknown): void {
    if (type === DOWN.hello) {
      this.publishContext();
      if (this.missing) bridgeUp('bitrix24', UP.hooks, { missing: this.missing });
    } else if (type === DOWN.config) {
      this.strict = isObj(payload) && payload.strict === true;
      this.configAt = Date.now();
    } else if (type === DOWN.release || type === DOWN.cancel) {
      const holdId = isObj(payload) ? str(payload.holdId) : null;
      const hold = holdId ? this.holds.get(holdId) : undefined;
      if (!holdId || !hold) return;
      this.holds.delete(holdId);
      if (type === DOWN.release) {
        if (isObj(hold.item)) this.released.add(hold.item);
        call(hold.dropZone, 'captureItem', hold.item);
      } else {
        // The move never happened: the same drop made again is a new close.
        for (const key of hold.keys) this.reported.delete(key);
      }
    }
  }

  private publishContext(): void {
    const message = path(BX(), 'message');
    const read = (key: string) => (isFn(message) ? str(call(BX(), 'message', key)) : null);
    const name = [read('USER_NAME'), read('USER_LAST_NAME')].filter(Boolean).join(' ');
    bridgeUp('bitrix24', UP.context, { user: { id: read('USER_ID'), name: name || null } });
  }

  private judgeHooks(): void {
    const missing: string[] = [];
    const bx = BX();
    if (!isFn(path(bx, 'addCustomEvent'))) missing.push('bx-events');
    const p = this.page;
    if (p && (p.kind === 'card' || p.kind === 'list') && p.entityType !== 'smart') {
      const infos = p.entityType === 'lead' ? path(bx, 'CrmLeadStatusManager', 'infos') : path(bx, 'CrmDealStageManager', 'infos');
      if (!readStageInfos(infos).length) missing.push('stage-data');
    }
    if (p?.kind === 'item-card' && !this.smartStages().length) missing.push('smart-stage-data');
    this.missing = missing;
    if (missing.length) bridgeUp('bitrix24', UP.hooks, { missing });
  }

  // ── stage data ───────────────────────────────────────────────────────────────────────────
  /**
   * The smart-process card keeps its stages in an ItemDetailsComponent made inside BX.ready and
   * stored nowhere: wrap its init() before BX.ready runs (this runs first on DOMContentLoaded).
   */
  private catchSmartCard(): void {
    const proto = path(BX(), 'Crm', 'ItemDetailsComponent', 'prototype');
    if (!isObj(proto) || !isFn(proto.init)) return;
    const init = proto.init;
    const self = this;
    proto.init = function (this: Obj, ...args: unknown[]) {
      self.smartCard = this;
      return init.apply(this, args);
    };
  }

  private smartStages(): StageInfo[] {
    const stages = this.smartCard?.stages;
    if (!Array.isArray(stages)) return [];
    return readStageInfos(stages.map((s) => (isObj(s) ? (call(s, 'getData') ?? s) : s)));
  }

  private table(): StageTable {
    const bx = BX();
    return tableOf(
      readStageInfos(path(bx, 'CrmLeadStatusManager', 'infos')),
      readStageInfos(path(bx, 'CrmDealStageManager', 'infos')),
      this.smartStages(),
      this.seenStages,
    );
  }

  private stageRef(stageId: string | null, table: StageTable, name?: unknown): { id: string; name: string | null } | null {
    if (!stageId) return null;
    return { id: stageId, name: str(name) ?? table.get(stageId)?.name ?? null };
  }

  private category(entityType: EntityKind, stageId: string): CloseReport['category'] {
    if (entityType === 'lead') return null;
    const id = categoryOfStage(entityType, stageId) ?? this.page?.categoryId ?? null;
    let name: string | null = null;
    const card = this.smartCard;
    if (card && Array.isArray(card.categories)) {
      const hit = card.categories.find((c) => isObj(c) && str(c.categoryId) === id);
      name = isObj(hit) ? str(hit.text) : null;
    }
    return { id, name };
  }

  // ── reporting ────────────────────────────────────────────────────────────────────────────
  private key(entityType: EntityKind, entityTypeId: string | null, id: string, stageId: string): string {
    return `${entityType}:${entityTypeId ?? ''}|${id}|${stageId}`;
  }

  private isReported(key: string): boolean {
    const at = this.reported.get(key);
    return at !== undefined && Date.now() - at <= REPEAT_MS;
  }

  /** Sends the report for the items not reported yet; returns the keys it claimed. */
  private send(report: CloseReport): string[] {
    const now = Date.now();
    for (const [k, at] of this.reported) if (now - at > REPEAT_MS) this.reported.delete(k);
    const keys: string[] = [];
    const items = report.items.filter((item) => {
      const k = this.key(report.entityType, report.entityTypeId, item.id, report.toStage.id);
      if (this.isReported(k)) return false;
      this.reported.set(k, now);
      keys.push(k);
      return true;
    });
    if (items.length) bridgeUp('bitrix24', UP.close, { ...report, items });
    return keys;
  }

  private undo(entityType: EntityKind, entityTypeId: string | null, id: string): void {
    const drop = this.drops.get(id);
    if (!drop || drop.entityType !== entityType || Date.now() > drop.until) return;
    this.drops.delete(id);
    this.reported.delete(this.key(entityType, entityTypeId, id, drop.stageId));
    const undo: UndoReport = { entityType, entityTypeId, ids: [id], stageId: drop.stageId };
    bridgeUp('bitrix24', UP.undo, undo);
  }

  private trackDrop(entityType: EntityKind, entityTypeId: string | null, id: string, stageId: string, windowMs: number): void {
    this.drops.set(id, { entityType, entityTypeId, stageId, until: Date.now() + windowMs + UNDO_SLACK_MS });
  }

  // ── Bitrix events ────────────────────────────────────────────────────────────────────────
  private hookEvents(): void {
    const bx = BX();
    if (!isFn(path(bx, 'addCustomEvent'))) return;
    const on = (name: string, handler: Fn, target?: unknown) => {
      if (target) call(bx, 'addCustomEvent', target, name, handler);
      else call(bx, 'addCustomEvent', window, name, handler);
    };
    on(EVENTS.progressSaved, (_control, p) => this.onProgressSaved(p));
    on(EVENTS.kanbanBeforeCapture, (grid, dropEvent) => this.onBeforeCapture(grid, dropEvent));
    on(EVENTS.kanbanMovedFinal, (data) => this.onMovedFinal(data));
    const emitter = path(bx, 'Event', 'EventEmitter');
    if (isFn(path(emitter, 'subscribe'))) call(emitter, 'subscribe', EVENTS.itemStageChange, (event: unknown) => this.onItemStageChange(event));
    this.eventsHooked = true;
    this.watchGrid = (grid) => {
      if (!isObj(grid) || this.watchedGrids.has(grid)) return;
      this.watchedGrids.add(grid);
      on(EVENTS.dropzoneRestored, (item, dropZone) => this.onRestored(item, dropZone), grid);
    };
  }

  private watchGrid: (grid: unknown) => void = () => undefined;

  /** Card progress bar saved: a failure step (semantics from the event itself). */
  private onProgressSaved(p: unknown): void {
    if (!isObj(p)) return;
    const entityType = entityKindOf(num(p.entityTypeId) ?? -1);
    const id = str(p.entityId);
    const stageId = str(p.currentStepId);
    if (!entityType || entityType === 'smart' || !id || !stageId) return;
    const table = this.table();
    const verdict = classify(stageId, table, str(p.currentSemantics));
    if (!verdict.failure) return;
    this.send({
      via: this.page?.kind === 'list' ? 'list' : 'card',
      source: 'event',
      entityType,
      entityTypeId: null,
      items: [{ id, title: null, amount: null, fromStage: this.stageRef(str(p.previousStepId), table) }],
      toStage: this.stageRef(stageId, table)!,
      category: this.category(entityType, stageId),
      fallback: verdict.fallback,
      holdId: null,
    });
  }

  private kanbanEntity(grid: unknown): { entityType: EntityKind; entityTypeId: string | null } | null {
    if (this.page && this.page.kind === 'kanban') return { entityType: this.page.entityType, entityTypeId: this.page.entityTypeId };
    const name = str(path(call(grid, 'getData'), 'entityType'));
    if (!name) return null;
    if (ENTITY_TYPE_NAME[name]) return { entityType: ENTITY_TYPE_NAME[name]!, entityTypeId: null };
    const dynamic = /^DYNAMIC_(\d+)$/.exec(name);
    return dynamic ? { entityType: 'smart', entityTypeId: dynamic[1]! } : null;
  }

  private learn(stageId: string, target: unknown): string | null {
    const data = call(target, 'getData');
    const semantics = str(path(data, 'type')) ?? str(path(data, 'semantics'));
    if (semantics && !this.seenStages.some((s) => s.id === stageId)) {
      this.seenStages.push({ id: stageId, name: str(call(target, 'getName')), semantics, categoryId: null });
    }
    return semantics;
  }

  /** Kanban drop onto a drop zone, before Bitrix moves anything. */
  private onBeforeCapture(grid: unknown, dropEvent: unknown): void {
    const dropZone = call(dropEvent, 'getDropZone');
    const item = call(dropEvent, 'getItem');
    const stageId = str(call(dropZone, 'getId'));
    const id = str(call(item, 'getId'));
    const entity = this.kanbanEntity(grid);
    if (!stageId || !id || !entity || stageId === 'DELETED') return;
    const semantics = this.learn(stageId, dropZone);
    const table = this.table();
    const verdict = classify(stageId, table, semantics);
    if (!verdict.failure) return;
    this.watchGrid(grid);
    const windowMs = num(call(call(dropZone, 'getDropZoneArea'), 'getDropZoneTimeout')) ?? DEFAULT_DROPZONE_TIMEOUT_MS;

    const replay = isObj(item) && this.released.has(item);
    if (replay || this.isReported(this.key(entity.entityType, entity.entityTypeId, id, stageId))) {
      // The replay of a held drop the manager has answered, or a repeat of a reported close: let it
      // through (never hold what nobody will release), watch for undo.
      if (replay) this.released.delete(item as object);
      this.trackDrop(entity.entityType, entity.entityTypeId, id, stageId, windowMs);
      return;
    }

    const data = call(item, 'getData');
    const column = call(item, 'getColumn');
    const fromId = str(call(column, 'getId'));
    const report: CloseReport = {
      via: 'kanban',
      source: 'event',
      ...entity,
      items: [{ id, title: str(path(data, 'name')) ?? str(path(data, 'title')), amount: num(path(data, 'price')), fromStage: this.stageRef(fromId, table, call(column, 'getName')) }],
      toStage: this.stageRef(stageId, table, call(dropZone, 'getName'))!,
      category: this.category(entity.entityType, stageId),
      fallback: verdict.fallback,
      holdId: null,
    };
    // Hold only while the content script is alive (it answered since the drag began): a held move
    // nobody can release would block the CRM (e.g. after the extension was updated).
    if (this.strict && this.configAt >= this.askedAt && isFn(path(dropEvent, 'denyAction'))) {
      call(dropEvent, 'denyAction');
      const holdId = `hold-${Date.now()}-${++this.holdSeq}`;
      const keys = this.send({ ...report, holdId });
      if (keys.length) this.holds.set(holdId, { dropZone, item, keys });
      return;
    }
    this.trackDrop(entity.entityType, entity.entityTypeId, id, stageId, windowMs);
    this.send(report);
  }

  /** «Отменить» under a drop zone: Bitrix restored the item. */
  private onRestored(item: unknown, _dropZone: unknown): void {
    const id = str(call(item, 'getId'));
    const drop = id ? this.drops.get(id) : undefined;
    if (id && drop) this.undo(drop.entityType, drop.entityTypeId, id);
  }

  /** A move between columns — also how Bitrix puts a restored item back (undo). */
  private onMovedFinal(data: unknown): void {
    if (!isObj(data)) return;
    const id = str(call(data.item, 'getId'));
    const stageId = str(call(data.targetColumn, 'getId'));
    const entity = this.kanbanEntity(data.grid);
    if (!id || !stageId || !entity) return;
    const semantics = this.learn(stageId, data.targetColumn);
    const table = this.table();
    const verdict = classify(stageId, table, semantics);
    if (!verdict.failure) {
      this.undo(entity.entityType, entity.entityTypeId, id);
      return;
    }
    // A failure stage shown as a column (not a drop zone): Bitrix saves right after this event.
    const itemData = call(data.item, 'getData');
    this.send({
      via: 'kanban',
      source: 'event',
      ...entity,
      items: [{ id, title: str(path(itemData, 'name')), amount: num(path(itemData, 'price')), fromStage: null }],
      toStage: this.stageRef(stageId, table, call(data.targetColumn, 'getName'))!,
      category: this.category(entity.entityType, stageId),
      fallback: verdict.fallback,
      holdId: null,
    });
  }

  /** Smart-process card: the stage flow saved a new stage. */
  private onItemStageChange(event: unknown): void {
    const data = call(event, 'getData') ?? (isObj(event) ? (event.data ?? event) : null);
    if (!isObj(data)) return;
    const entityTypeId = str(data.entityTypeId);
    const id = str(data.id);
    const stageId = str(data.stageId);
    if (!entityTypeId || !id || !stageId || entityKindOf(entityTypeId) !== 'smart') return;
    const table = this.table();
    const verdict = classify(stageId, table);
    if (!verdict.failure) return;
    this.send({
      via: 'stageflow',
      source: 'event',
      entityType: 'smart',
      entityTypeId,
      items: [{ id, title: null, amount: null, fromStage: this.stageRef(str(data.previousStageId), table) }],
      toStage: this.stageRef(stageId, table)!,
      category: this.category('smart', stageId),
      fallback: verdict.fallback,
      holdId: null,
    });
  }

  // ── requests (fallback; the list view's only way) ───────────────────────────────────────
  private hookRequests(): void {
    const self = this;
    const proto = XMLHttpRequest.prototype;
    const open = proto.open;
    const send = proto.send;
    const urls = new WeakMap<XMLHttpRequest, string>();
    proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      urls.set(this, String(args[1] ?? ''));
      return (open as Fn).apply(this, args);
    } as typeof proto.open;
    proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      const request = self.parse(urls.get(this) ?? '', body);
      if (request) {
        this.addEventListener('loadend', () => {
          if (this.status >= 200 && this.status < 300) self.onRequest(request);
        });
      }
      return send.call(this, body);
    };
    const fetch0 = window.fetch;
    window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const request = self.parse(url, init?.body);
      const response = fetch0.call(this, input, init);
      if (request) {
        void response.then((r) => {
          if (r.ok) self.onRequest(request);
        }, () => undefined);
      }
      return response;
    };
  }

  private parse(url: string, body: unknown): StageRequest | null {
    try {
      return parseStageRequest(url, body);
    } catch {
      return null;
    }
  }

  private onRequest(r: StageRequest): void {
    const table = this.table();
    const verdict = classify(r.stageId, table);
    const page = this.page;

    if (r.kind === 'kanban-status') {
      const entity = ENTITY_TYPE_NAME[r.typeName ?? ''] ? { entityType: ENTITY_TYPE_NAME[r.typeName!]!, entityTypeId: null } : this.kanbanEntity(null);
      if (!entity) return;
      if (!verdict.failure) {
        for (const id of r.ids) this.undo(entity.entityType, entity.entityTypeId, id);
        return;
      }
      for (const id of r.ids) if (!this.drops.has(id)) this.trackDrop(entity.entityType, entity.entityTypeId, id, r.stageId, DEFAULT_DROPZONE_TIMEOUT_MS);
      this.send(this.requestReport('kanban', entity.entityType, entity.entityTypeId, r.ids, r.stageId, table, verdict.fallback));
      return;
    }
    if (!verdict.failure) return;

    if (r.kind === 'save-progress') {
      const entityType = ENTITY_TYPE_NAME[r.typeName.toUpperCase()];
      if (!entityType) return;
      const onList = page?.kind === 'list';
      const report = this.requestReport(onList ? 'list' : 'card', entityType, null, r.ids, r.stageId, table, verdict.fallback);
      // On a card, 'Crm.EntityProgress.Saved' follows this response and tells more: give it the chance.
      if (onList || !this.eventsHooked) this.send(report);
      else setTimeout(() => this.send(report), EVENT_GRACE_MS);
      return;
    }
    const entityType = r.entityTypeId ? entityKindOf(r.entityTypeId) : page?.entityType ?? null;
    if (!entityType) return;
    const entityTypeId = entityType === 'smart' ? (r.entityTypeId ?? page?.entityTypeId ?? null) : null;
    if (r.kind === 'bulk-stage') {
      this.send(this.requestReport('list', entityType, entityTypeId, r.ids, r.stageId, table, verdict.fallback));
    } else {
      const report = this.requestReport('stageflow', entityType, entityTypeId, r.ids, r.stageId, table, verdict.fallback);
      if (this.eventsHooked) setTimeout(() => this.send(report), EVENT_GRACE_MS);
      else this.send(report);
    }
  }

  private requestReport(
    via: CloseReport['via'],
    entityType: EntityKind,
    entityTypeId: string | null,
    ids: string[],
    stageId: string,
    table: StageTable,
    fallback: boolean,
  ): CloseReport {
    return {
      via,
      source: 'request',
      entityType,
      entityTypeId,
      items: ids.filter((id) => /^\d{1,15}$/.test(id)).map((id) => ({ id, title: null, amount: null, fromStage: null })),
      toStage: this.stageRef(stageId, table)!,
      category: this.category(entityType, stageId),
      fallback,
      holdId: null,
    };
  }
}

export function runBitrixMainWorld(): void {
  const init = () => {
    // Only Bitrix pages: the same script runs on every page of an added own-domain host.
    if (!BX() || !document.documentElement.classList.contains(BX_CORE_CLASS)) return;
    new BitrixMainWorld(pageInfo(new URL(location.href))).start();
  };
  // Registered before any page script, this runs before the handlers of BX.ready.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init, { once: true, capture: true });
  else init();
}
