/**
 * Team sharing end to end in real Chromium: two managers (two profiles, two identities) close
 * leads on the amoCRM card fixture and export; a third profile (the team lead) imports both
 * files at once and sees both managers; the CSV opens in Excel with Cyrillic (checked by its
 * bytes); the whole bad-input corpus is refused file by file with nothing changed; the catalog
 * travels as a file; the options page backs up, deletes and restores everything.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, type Catalog } from '../../src/core/catalog';
import { catalogFileText, decodeFile, readExchangeFile, sizeProblem } from '../../src/core/exchange/json';
import { describeRefusal } from '../../src/core/exchange/problems';
import { translator } from '../../src/core/i18n';
import type { Rejection } from '../../src/core/rejection';
import type { Settings } from '../../src/core/settings';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { ANNA, exportText, makeRecord } from '../support/exchange-data';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import {
  downloadFrom,
  importFiles,
  ownerRows,
  rejectOnAmo,
  setCatalog,
  setIdentity,
  storedValue,
  type Downloaded,
} from '../support/sharing';
import { eventually, storedRecords } from '../support/drive';
import { CORPUS, CORPUS_DIR, HUGE_FILE, MARKUP, writeHugeFile } from '../fixtures/imports/corpus';

const ru = translator('ru'); // every profile's language is set to Russian (setIdentity)
const FORMULA = '=HYPERLINK("http://evil.example";"клик") — дорого на 30%';

let server: FixtureServer;
let dir: string;
const open: ExtensionBrowser[] = [];
const files: { anna?: Downloaded; boris?: Downloaded; annaCsv?: Downloaded } = {};
let annaSettings: Settings;
let borisSettings: Settings;
let lead: ExtensionBrowser;

async function profile(name: string): Promise<{ browser: ExtensionBrowser; settings: Settings }> {
  const browser = await launchWithExtension();
  open.push(browser);
  return { browser, settings: await setIdentity(browser, name) };
}

const dashboard = (b: ExtensionBrowser) => b.openExtensionPage('dashboard.html');
const byId = (records: Rejection[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));

beforeAll(async () => {
  server = await startFixtureServer();
  dir = mkdtempSync(join(tmpdir(), 'whylost-sharing-'));
});
afterAll(async () => {
  for (const b of open) await b.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('team sharing', () => {
  it('two managers close leads on the fixture and export: JSON round-trips, the CSV opens in Excel with Cyrillic', async () => {
    const anna = await profile('Анна Петрова');
    annaSettings = anna.settings;
    const page = await anna.browser.context.newPage();
    await rejectOnAmo(page, server, '1001', { reasonId: 'price', comment: 'Бюджет 50 тыс., наша цена 85 тыс.' });
    await rejectOnAmo(page, server, '1002', { reasonId: 'competitor', comment: FORMULA, competitor: '+7 495 ООО «Вектор»' });
    await page.close();

    const dash = await dashboard(anna.browser);
    files.anna = await downloadFrom(dash, 'wl-export-json', dir);
    expect(files.anna.name).toMatch(/^whylost-records-Анна-Петрова-\d{4}-\d\d-\d\d\.json$/);
    const stored = byId(await storedRecords(anna.browser));
    expect(stored).toHaveLength(2);
    const read = readExchangeFile(files.anna.bytes.toString('utf8'), ['records']);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    // Lossless: every field of every stored record, who exported, the catalog used.
    expect(byId(read.file.records)).toEqual(stored);
    expect(read.file.exportedBy).toEqual({ id: annaSettings.identity.id, name: 'Анна Петрова' });
    expect(read.file.catalog).toEqual(DEFAULT_CATALOG);
    expect(read.file.records.every((r) => r.owner.id === annaSettings.identity.id)).toBe(true);

    // CSV: ; by default for Russian, BOM, Cyrillic in UTF-8, the formula neutralised.
    files.annaCsv = await downloadFrom(dash, 'wl-export-csv', dir);
    const csv = files.annaCsv.bytes;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.subarray(3).toString('utf8');
    const [head, ...rows] = text.split('\r\n').filter(Boolean);
    expect(head!.split(';').slice(0, 4)).toEqual(['ID записи', 'Дата закрытия', 'Статус', 'Причина']);
    expect(rows).toHaveLength(2);
    expect(text).toContain(';Дорого;');
    expect(text).toContain(';Выбрал конкурента;');
    expect(csv.includes(Buffer.from('Бюджет 50 тыс., наша цена 85 тыс.', 'utf8'))).toBe(true);
    // The formula cell starts with an apostrophe (and is quoted: it holds ; and ").
    expect(text).toContain(`;"'=HYPERLINK(""http://evil.example"";""клик"") — дорого на 30%";`);
    expect(text).toContain(`;'+7 495 ООО «Вектор»;`);
    for (const row of rows) expect(row.split(';').some((c) => /^[=+\-@]/.test(c))).toBe(false);
    // The comma option.
    await dash.locator('[data-testid="wl-csv-separator"]').selectOption(',');
    const comma = (await downloadFrom(dash, 'wl-export-csv', dir)).bytes.subarray(3).toString('utf8');
    expect(comma.split('\r\n')[0]!.split(',').slice(0, 3)).toEqual(['ID записи', 'Дата закрытия', 'Статус']);
    await dash.close();

    const boris = await profile('Борис Коваленко');
    borisSettings = boris.settings;
    const bp = await boris.browser.context.newPage();
    await rejectOnAmo(bp, server, '2001', { reasonId: 'no-budget', comment: 'Нет бюджета до следующего квартала' });
    await bp.close();
    const bdash = await dashboard(boris.browser);
    files.boris = await downloadFrom(bdash, 'wl-export-json', dir);
    await bdash.close();
    expect(borisSettings.identity.id).not.toBe(annaSettings.identity.id);
  });

  it('the team lead imports both files at once: the team view shows both managers; again changes nothing; a newer edit wins', async () => {
    ({ browser: lead } = await profile('Руководитель'));
    const dash = await dashboard(lead);
    const lines = await importFiles(dash, [files.anna!.path, files.boris!.path]);
    expect(lines.map((l) => l.outcome)).toEqual(['imported', 'imported']);
    expect(lines[0]!.text).toBe(`«${files.anna!.name}» (Анна Петрова): добавлено 2, обновлено 0, без изменений 0.`);
    expect(lines[1]!.text).toBe(`«${files.boris!.name}» (Борис Коваленко): добавлено 1, обновлено 0, без изменений 0.`);

    await expect.poll(() => ownerRows(dash)).toEqual([
      { id: annaSettings.identity.id, name: 'Анна Петрова', count: 2 },
      { id: borisSettings.identity.id, name: 'Борис Коваленко', count: 1 },
    ]);
    const merged = await storedRecords(lead);
    expect(merged.map((r) => r.owner.name).sort()).toEqual(['Анна Петрова', 'Анна Петрова', 'Борис Коваленко']);
    // The figures count what the import brought (by manager).
    const counted = merged.filter((r) => r.status === 'tagged' && r.reasonId !== null).length;
    expect(counted).toBeGreaterThan(0);
    const managerTotal = async () => (await dash.locator('[data-testid="wl-manager-total"]').allTextContents()).reduce((n, t) => n + Number(t), 0);
    await expect.poll(managerTotal, { timeout: 10_000 }).toBe(counted);

    // The same files again: nothing changes.
    const again = await importFiles(dash, [files.anna!.path, files.boris!.path]);
    expect(again.map((l) => l.text)).toEqual([
      `«${files.anna!.name}» (Анна Петрова): добавлено 0, обновлено 0, без изменений 2.`,
      `«${files.boris!.name}» (Борис Коваленко): добавлено 0, обновлено 0, без изменений 1.`,
    ]);
    expect(byId(await storedRecords(lead))).toEqual(byId(merged));

    // Anna edits one record later (newer updatedAt): it replaces the older copy; the older file cannot undo it.
    const annaRead = readExchangeFile(files.anna!.bytes.toString('utf8'), ['records']);
    if (!annaRead.ok) throw new Error('unreadable');
    const [first, second] = byId(annaRead.file.records);
    const edited = { ...first!, comment: 'Уточнила: бюджет 40 тыс., цена 85 тыс.', updatedAt: first!.updatedAt + 60_000 };
    const newer = join(dir, 'anna-newer.json');
    writeFileSync(newer, exportText(annaRead.file.exportedBy, [edited, second!]));
    const upd = await importFiles(dash, [newer, files.anna!.path]);
    expect(upd.map((l) => l.text.split(': ')[1])).toEqual(['добавлено 0, обновлено 1, без изменений 1.', 'добавлено 0, обновлено 0, без изменений 2.']);
    expect((await storedRecords(lead)).find((r) => r.id === first!.id)?.comment).toBe(edited.comment);

    // Mine vs team: the lead made no records, so "mine" exports nothing, "team" everything.
    await dash.locator('[data-testid="wl-scope-mine"]').check();
    const mine = readExchangeFile((await downloadFrom(dash, 'wl-export-json', dir)).bytes.toString('utf8'), ['records']);
    expect(mine.ok && mine.file.records.length).toBe(0);
    expect(mine.ok && mine.file.filter?.scope).toBe('mine');
    await dash.locator('[data-testid="wl-scope-team"]').check();
    const team = readExchangeFile((await downloadFrom(dash, 'wl-export-json', dir)).bytes.toString('utf8'), ['records']);
    expect(team.ok && new Set(team.file.records.map((r) => r.owner.id))).toEqual(new Set([annaSettings.identity.id, borisSettings.identity.id]));

    // Remove one imported manager, after confirming.
    const boris = dash.locator(`[data-testid="wl-owner"][data-owner-id="${borisSettings.identity.id}"]`);
    await boris.locator('[data-testid="wl-owner-remove"]').click();
    await expect(boris.locator('[data-testid="wl-owner-confirm"]').textContent()).resolves.toContain('Удалить из этого браузера все записи (1) менеджера Борис Коваленко?');
    await boris.locator('[data-testid="wl-owner-remove-confirm"]').click();
    await expect.poll(() => ownerRows(dash)).toEqual([{ id: annaSettings.identity.id, name: 'Анна Петрова', count: 2 }]);
    expect((await storedRecords(lead)).map((r) => r.owner.id)).toEqual([annaSettings.identity.id, annaSettings.identity.id]);
    await dash.close();
  });

  it('refuses every corpus file cleanly, each naming itself and its problem, and changes nothing; markup stays text', async () => {
    const dash = await dashboard(lead);
    // The two good files first: markup in names and texts imports as text; the v0 draft is migrated.
    const good = CORPUS.filter((c) => c.expect === 'imported');
    const goodLines = await importFiles(dash, good.map((c) => join(CORPUS_DIR, c.file)));
    expect(goodLines.map((l) => l.outcome)).toEqual(good.map(() => 'imported'));
    const vera = dash.locator('[data-testid="wl-owner"][data-owner-id="owner-vera-0003"] [data-testid="wl-owner-name"]');
    await expect(vera.textContent()).resolves.toBe(MARKUP.ownerName);
    expect(goodLines[0]!.text).toContain(MARKUP.ownerName);

    const before = byId(await storedRecords(lead));
    const bad = CORPUS.filter((c) => c.expect !== 'imported');
    const huge = writeHugeFile(dir);
    const lines = await importFiles(dash, [...bad.map((c) => join(CORPUS_DIR, c.file)), huge], 60_000);
    expect(lines).toHaveLength(bad.length + 1);
    for (const [i, c] of bad.entries()) {
      const expected = readExchangeFile(decodeFile(readFileSync(join(CORPUS_DIR, c.file))), ['records']);
      if (expected.ok) throw new Error(`${c.file} reads as valid`);
      expect(lines[i], c.file).toEqual({ file: c.file, outcome: 'refused', text: describeRefusal(ru, c.file, expected.problem) });
    }
    expect(lines.at(-1)).toEqual({ file: HUGE_FILE.file, outcome: 'refused', text: describeRefusal(ru, HUGE_FILE.file, sizeProblem(HUGE_FILE.bytes)!) });
    expect(byId(await storedRecords(lead))).toEqual(before);

    // Nothing from any file ran or became an element: not in the dashboard, not in the popup.
    const pages: Page[] = [dash, await lead.openExtensionPage('popup.html')];
    for (const p of pages) {
      expect(await p.evaluate(() => (window as unknown as { __wlPwned?: string }).__wlPwned ?? null)).toBeNull();
      expect(await p.locator('main img, main script:not([src]), main b, main i, main a[href^="javascript"]').count()).toBe(0);
    }
    await expect(dash.locator('[data-testid="wl-import-result"][data-file="html-page.json"]').textContent()).resolves.toContain('это HTML-страница');
    await pages[1]!.close();
    await dash.close();
  });

  it('shares the catalog as a file: unknown reasons show by id until it arrives; an older one is applied only when asked', async () => {
    // The team lead's catalog has a reason the default lacks.
    const teamCatalog: Catalog = {
      revision: 5,
      updatedAt: Date.UTC(2026, 10, 1),
      reasons: [
        ...DEFAULT_CATALOG.reasons,
        { id: 'tender-lost', kind: 'loss', label: { ru: 'Проиграли тендер', uk: 'Програли тендер', en: 'Lost the tender' }, segments: 'all', commentRequired: true, soft: false, asks: [], retired: false },
      ],
    };
    await setCatalog(lead, teamCatalog);
    const leadDash = await dashboard(lead);
    await expect(leadDash.locator('[data-testid="wl-export-catalog"]').textContent()).resolves.toContain('редакция 5');
    const catalogFile = await downloadFrom(leadDash, 'wl-export-catalog', dir);
    await leadDash.close();

    // Boris's browser receives records that use the new reason before the catalog.
    const boris = open[1]!;
    const dash = await dashboard(boris);
    const tender = join(dir, 'tender.json');
    // Closed an hour ago: the popup opens on the last 30 days, whatever day the test runs.
    const closedAt = Date.now() - 3_600_000;
    const times = { detectedAt: closedAt, updatedAt: closedAt + 60_000, taggedAt: closedAt + 60_000 };
    writeFileSync(tender, exportText(ANNA, [makeRecord(ANNA, 77, { reasonId: 'tender-lost', comment: 'Тендер выиграл «Вектор», цена ниже на 12%', ...times })]));
    const [line] = await importFiles(dash, [tender]);
    expect(line!.text).toContain('Причин нет в вашем каталоге: tender-lost.');
    const popup = await boris.openExtensionPage('popup.html');
    const row = popup.locator('[data-testid="wl-reason-row"][data-reason-id="tender-lost"]');
    await expect(row.locator('.wl-label').textContent()).resolves.toBe('неизвестная причина (tender-lost)');

    await dash.locator('[data-testid="wl-import-catalog"]').setInputFiles(catalogFile.path);
    const result = dash.locator('[data-testid="wl-catalog-result"]');
    await expect.poll(() => result.textContent()).toBe(`Каталог из «${catalogFile.name}» теперь используется (редакция 5).`);
    await expect.poll(() => row.locator('.wl-label').textContent()).toBe('Проиграли тендер');
    expect(await storedValue(boris, 'catalog')).toEqual(teamCatalog);

    // An older catalog asks first; "keep" changes nothing, "replace" applies it above the current revision.
    const older = join(dir, 'older-catalog.json');
    writeFileSync(older, catalogFileText({ exportedAt: Date.UTC(2026, 9, 1), exportedBy: ANNA, app: 'WhyLost 0.1.0' }, DEFAULT_CATALOG));
    await dash.locator('[data-testid="wl-import-catalog"]').setInputFiles(older);
    await expect.poll(() => result.textContent()).toContain('более старый каталог (редакция 1');
    await expect(result.textContent()).resolves.toContain('tender-lost');
    await dash.locator('[data-testid="wl-catalog-keep"]').click();
    await expect.poll(() => result.textContent()).toBe('Ваш каталог сохранён.');
    expect(await storedValue(boris, 'catalog')).toEqual(teamCatalog);
    await dash.locator('[data-testid="wl-import-catalog"]').setInputFiles(older);
    await dash.locator('[data-testid="wl-catalog-replace"]').click();
    await expect.poll(() => result.textContent()).toContain('теперь используется (редакция 6)');
    await expect.poll(() => row.locator('.wl-label').textContent()).toBe('неизвестная причина (tender-lost)');
    await popup.close();
    await dash.close();
  });

  it('options: counts, a full backup, delete everything after typing the word, restore all of it', async () => {
    const options = await lead.openExtensionPage('options.html');
    const tile = (id: string) => options.locator(`[data-testid="wl-data-${id}"]`);
    await expect.poll(() => tile('total').textContent()).toBe('6'); // Anna 2 + Vera 1 + v0 draft 2 + UTF-16 file 1
    await expect(tile('mine').textContent()).resolves.toBe('0');
    await expect(tile('others').textContent()).resolves.toBe('6');
    const records = byId(await storedRecords(lead));
    const settings = await storedValue(lead, 'settings');
    const catalog = await storedValue(lead, 'catalog');

    const backup = await downloadFrom(options, 'wl-backup', dir);
    const read = readExchangeFile(backup.bytes.toString('utf8'), ['backup']);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(byId(read.file.records)).toEqual(records);
    expect(read.file.settings).toEqual(settings);
    expect(read.file.catalog).toEqual(catalog);

    // What the popup keeps to open fast (its figures and its screen) holds counts and titles: it goes with the data.
    const kept = async () => {
      const sw = await lead.serviceWorker();
      return sw.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: { storage: { local: StorageArea; session: StorageArea } } };
        type StorageArea = { get(k: string): Promise<Record<string, unknown>> };
        return { answers: (await chrome.storage.local.get('lastAnswers')).lastAnswers ?? null, shell: (await chrome.storage.session.get('shell:popup'))['shell:popup'] ?? null };
      });
    };
    const popupNow = await lead.openExtensionPage('popup.html');
    await popupNow.waitForFunction(() => document.documentElement.dataset.wlLive === '1');
    await popupNow.close();
    const before = await eventually(kept, (k) => k.answers !== null && k.shell !== null);
    expect(JSON.stringify(before.shell)).toContain('wl-total');

    const button = options.locator('[data-testid="wl-delete-all"]');
    await options.locator('[data-testid="wl-delete-word"]').fill('удалить');
    expect(await button.isDisabled()).toBe(true);
    await options.locator('[data-testid="wl-delete-word"]').fill('УДАЛИТЬ');
    await button.click();
    await expect.poll(() => tile('total').textContent()).toBe('0');
    // Read before any popup opens again (storedRecords reads through one, and keeps its empty figures).
    expect(await kept()).toEqual({ answers: null, shell: null });
    expect(await storedRecords(lead)).toEqual([]);
    expect(await storedValue(lead, 'settings')).toBeNull();
    await setIdentity(lead, 'Руководитель'); // the language again (see setIdentity); the restore replaces these settings

    // A refused restore changes nothing; the good one brings back records, settings and catalog.
    await options.locator('[data-testid="wl-restore"]').setInputFiles(files.anna!.path);
    await expect.poll(() => options.locator('[data-testid="wl-data-status"]').textContent()).toContain('здесь можно загрузить: полная резервная копия');
    await options.locator('[data-testid="wl-restore"]').setInputFiles(backup.path);
    await expect(options.locator('[data-testid="wl-restore-check"]').textContent()).resolves.toContain('записей 6');
    await options.locator('[data-testid="wl-restore-confirm"]').click();
    await expect.poll(() => tile('total').textContent()).toBe('6');
    expect(byId(await eventually(() => storedRecords(lead), (r) => r.length === 6))).toEqual(records);
    expect(await storedValue(lead, 'settings')).toEqual(settings);
    expect(await storedValue(lead, 'catalog')).toEqual(catalog);
    await options.close();
  });
});
