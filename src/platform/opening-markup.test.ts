// @vitest-environment happy-dom
/**
 * What a page keeps as its shell (shell.ts openingMarkup): its first screen as it looked when it
 * opened, whatever the user did on it since. (In Chromium, with the dashboard's real markup:
 * test/e2e/page-shell.e2e.ts.)
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openingMarkup } from './shell';

let root: HTMLElement;

beforeEach(() => {
  document.body.innerHTML = `<div id="root"><main class="wl-dashboard" data-live="true">
    <section id="filters">
      <select id="period"><option value="7d">7</option><option value="all" selected>all</option></select>
      <input id="search" type="text" value="">
      <input id="raw" type="checkbox">
      <input id="file" type="file">
      <textarea id="note"></textarea>
    </section>
    <section id="trend" class="wl-card is-hover">
      <svg><rect class="bar is-hover"></rect></svg>
      <div id="tooltip" data-shell="drop">12 leads</div>
      <details id="table" open><summary>As a table</summary><table><tr><td>12</td></tr></table></details>
    </section>
    <span data-shell="end" hidden></span>
    <section id="managers">below the first screen</section>
  </main></div>`;
  root = document.getElementById('root')!;
});

const parse = (html: string) => {
  const box = document.createElement('div');
  box.innerHTML = html;
  return box.firstElementChild!;
};

describe('openingMarkup', () => {
  it('keeps the frame and what comes before the end marker, nothing after it', () => {
    const kept = parse(openingMarkup(root));
    expect(kept.tagName).toBe('MAIN');
    expect(kept.getAttribute('data-live')).toBe('true');
    expect([...kept.children].map((c) => c.id)).toEqual(['filters', 'trend']);
    expect(kept.querySelector('[data-shell="end"]')).toBeNull();
  });

  it('leaves out a hover and its tooltip, and folds unfolded tables', () => {
    const kept = parse(openingMarkup(root));
    expect(kept.querySelector('#tooltip')).toBeNull();
    expect(kept.querySelectorAll('.is-hover')).toHaveLength(0);
    expect(kept.querySelector('#trend')!.classList.contains('wl-card')).toBe(true);
    expect(kept.querySelector('#table')!.hasAttribute('open')).toBe(false);
    expect(kept.querySelector('#table td')!.textContent).toBe('12');
  });

  it('writes what each control holds now into the markup, so the copy shows the same choice', () => {
    (document.getElementById('period') as HTMLSelectElement).value = '7d';
    (document.getElementById('search') as HTMLInputElement).value = 'дорого';
    (document.getElementById('raw') as HTMLInputElement).checked = true;
    (document.getElementById('note') as HTMLTextAreaElement).value = 'a <b>note</b>';
    const kept = parse(openingMarkup(root));
    const options = [...kept.querySelectorAll('#period option')];
    expect(options.map((o) => o.hasAttribute('selected'))).toEqual([true, false]);
    expect(kept.querySelector('#search')!.getAttribute('value')).toBe('дорого');
    expect(kept.querySelector('#raw')!.hasAttribute('checked')).toBe(true);
    expect(kept.querySelector('#note')!.textContent).toBe('a <b>note</b>');
    expect(kept.querySelector('#note b')).toBeNull();
    expect(kept.querySelector('#file')!.hasAttribute('value')).toBe(false);
  });

  it('changes nothing on the page itself', () => {
    const before = root.innerHTML;
    openingMarkup(root);
    expect(root.innerHTML).toBe(before);
    expect(document.getElementById('tooltip')).not.toBeNull();
    expect(document.getElementById('table')!.hasAttribute('open')).toBe(true);
  });

  it('is the root as it is when it holds no frame element', () => {
    root.innerHTML = 'text only';
    expect(openingMarkup(root)).toBe('text only');
  });
});
