/**
 * OneBox main-world script: watches the requests the page sends (XMLHttpRequest and fetch) for
 * stage changes (./request.ts) and tells the content script about the accepted ones. It never
 * changes a request or its answer; it only reads them after they finish.
 */
import { bridgeUp, onBridgeDown } from '../../main-world/bridge';
import { accepted, stageChangesOf, stageRequestAddress, type Body, type StageChange } from './request';

const MARK = Symbol.for('whylost.onebox.requests');

function report(changes: StageChange[]): void {
  bridgeUp('onebox', 'stage-request', { changes });
}

function watchXhr(): void {
  const proto = XMLHttpRequest.prototype;
  const open = proto.open;
  const send = proto.send;
  const calls = new WeakMap<XMLHttpRequest, { method: string; url: string }>();
  proto.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    calls.set(this, { method: String(method), url: String(url) });
    return (open as (...a: unknown[]) => void).apply(this, [method, url, ...rest]);
  } as typeof proto.open;
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const call = calls.get(this);
    const changes = call ? safeChanges(call.method, call.url, body as Body) : [];
    if (changes.length) {
      this.addEventListener('loadend', () => {
        const text = this.responseType === '' || this.responseType === 'text' ? this.responseText : null;
        if (accepted(this.status, text)) report(changes);
      });
    }
    return send.call(this, body);
  };
}

function watchFetch(): void {
  const original = window.fetch;
  window.fetch = async function (input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request ? input : null;
    const method = init?.method ?? request?.method ?? 'GET';
    const url = request ? request.url : String(input);
    let changes: StageChange[] = [];
    if (stageRequestAddress(method, url, location.href)) {
      let body: Body = null;
      if (init?.body !== undefined) body = typeof init.body === 'string' || init.body instanceof URLSearchParams || init.body instanceof FormData ? init.body : null;
      else if (request) body = await request.clone().text().catch(() => null);
      changes = safeChanges(method, url, body);
    }
    const response = await original.call(window, input, init);
    if (changes.length) {
      void response
        .clone()
        .text()
        .then((text) => accepted(response.status, text) && report(changes))
        .catch(() => undefined);
    }
    return response;
  };
}

function safeChanges(method: string, url: string, body: Body): StageChange[] {
  try {
    return stageChangesOf(method, url, body, location.href);
  } catch {
    return [];
  }
}

export function runOneboxMainWorld(): void {
  const w = window as unknown as Record<symbol, { xhr: boolean; fetch: boolean } | undefined>;
  // Own-domain registration and the static script can both land on one page: hook once.
  if (!w[MARK]) {
    const hooks = { xhr: false, fetch: false };
    try {
      watchXhr();
      hooks.xhr = true;
    } catch {
      /* reported as missing below */
    }
    try {
      watchFetch();
      hooks.fetch = true;
    } catch {
      /* reported as missing below */
    }
    w[MARK] = hooks;
    onBridgeDown('onebox', (type) => {
      if (type === 'hooks?') bridgeUp('onebox', 'hooks', w[MARK]);
    });
  }
}
