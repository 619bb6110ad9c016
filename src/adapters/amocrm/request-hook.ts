/**
 * Main world: sees the page's own XHR and fetch requests (the web UI's status changes), without
 * changing them. For a request whose path `wanted` accepts, `seen` gets the path and the body
 * as form text once the server answered 2xx. Bodies that are not text-like (Blob, ArrayBuffer)
 * are skipped. Written without schema libraries: this runs in the CRM page's world.
 */
export interface SeenRequest {
  path: string;
  body: string;
}

export interface HookState {
  xhr: boolean;
  fetch: boolean;
}

function bodyText(body: unknown): string | null {
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    const form = new URLSearchParams();
    for (const [key, value] of body) if (typeof value === 'string') form.append(key, value);
    return form.toString();
  }
  return null;
}

/** Same-origin path + query of a request URL; null for other origins. */
function pathOf(url: string | URL): string | null {
  try {
    const u = new URL(String(url), location.href);
    return u.origin === location.origin ? u.pathname + u.search : null;
  } catch {
    return null;
  }
}

const ok = (status: number) => status >= 200 && status < 300;

export function hookRequests(wanted: (pathname: string) => boolean, seen: (request: SeenRequest) => void): HookState {
  const state: HookState = { xhr: false, fetch: false };
  const pathname = (path: string) => path.split('?')[0]!;

  try {
    const proto = XMLHttpRequest.prototype;
    const open = proto.open;
    const send = proto.send;
    const opened = new WeakMap<XMLHttpRequest, { method: string; path: string | null }>();
    proto.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      try {
        opened.set(this, { method: String(method).toUpperCase(), path: pathOf(url) });
      } catch {
        /* never break the page */
      }
      return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
    } as typeof proto.open;
    proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      try {
        const o = opened.get(this);
        const text = o && o.method === 'POST' && o.path && wanted(pathname(o.path)) ? bodyText(body) : null;
        if (o?.path && text !== null) {
          const path = o.path;
          this.addEventListener('loadend', () => {
            if (ok(this.status)) seen({ path, body: text });
          });
        }
      } catch {
        /* never break the page */
      }
      return send.call(this, body);
    };
    state.xhr = true;
  } catch {
    state.xhr = false;
  }

  try {
    const original = window.fetch;
    if (typeof original === 'function') {
      window.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
        const response = original.call(this ?? window, input, init);
        try {
          const request = typeof Request !== 'undefined' && input instanceof Request ? input : null;
          const method = String(init?.method ?? request?.method ?? 'GET').toUpperCase();
          const path = pathOf(request ? request.url : (input as string | URL));
          if (method === 'POST' && path && wanted(pathname(path))) {
            const text: Promise<string | null> =
              init?.body !== undefined ? Promise.resolve(bodyText(init.body)) : request ? request.clone().text() : Promise.resolve(null);
            void Promise.all([response, text]).then(
              ([res, body]) => {
                if (body !== null && ok(res.status)) seen({ path, body });
              },
              () => undefined,
            );
          }
        } catch {
          /* never break the page */
        }
        return response;
      } as typeof window.fetch;
      state.fetch = true;
    }
  } catch {
    state.fetch = false;
  }
  return state;
}
