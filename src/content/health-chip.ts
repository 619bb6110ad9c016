/**
 * The on-page notice that detection is not working on this page (a CRM redesign, a page
 * the adapter does not know). Plain DOM in its own shadow root, so it costs nothing when healthy.
 */
export const HEALTH_TAG = 'whylost-health';

export function showHealthChip(text: string, dismissLabel: string, signal: AbortSignal): void {
  hideHealthChip();
  const host = document.createElement(HEALTH_TAG);
  host.setAttribute('role', 'status');
  host.dataset.testid = 'wl-health';
  for (const [k, v] of Object.entries({ position: 'fixed', bottom: '16px', right: '16px', 'z-index': '2147483646', display: 'block' })) {
    host.style.setProperty(k, v, 'important');
  }
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial}
  .chip{display:flex;gap:8px;align-items:flex-start;max-width:360px;padding:10px 12px;border-radius:10px;background:#fff4e5;color:#5f3700;border:1px solid #f5b971;box-shadow:0 6px 20px rgba(0,0,0,.15);font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
  button{all:unset;cursor:pointer;font-size:16px;line-height:1;padding:0 2px;color:inherit}
  button:focus-visible{outline:2px solid #5f3700}`;
  const chip = document.createElement('div');
  chip.className = 'chip';
  const message = document.createElement('span');
  message.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', dismissLabel);
  close.addEventListener('click', () => host.remove());
  chip.append(message, close);
  shadow.append(style, chip);
  document.body.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
}

export function hideHealthChip(): void {
  document.querySelector(HEALTH_TAG)?.remove();
}
