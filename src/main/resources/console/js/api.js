// Calls of the page. Paths are relative to the page (/preview/), so a context path or proxy prefix still works;
// the JWT audience is the application path (/cds-services/...), which the server prefixes with its public base URL.

const appUrl = (path) => new URL(`..${path}`, document.baseURI).toString();

async function json(response) {
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  return { status: response.status, ok: response.ok, body, text };
}

export async function consoleGet(path) {
  const result = await json(await fetch(appUrl(`/preview/api${path}`), { headers: { Accept: 'application/json' } }));
  if (!result.ok) throw new Error(`${path} answered HTTP ${result.status}`);
  return result.body;
}

export async function consolePost(path, body) {
  const result = await json(await fetch(appUrl(`/preview/api${path}`), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  }));
  if (!result.ok) throw new Error(result.body?.detail ?? `${path} answered HTTP ${result.status}`);
  return result.body;
}

/** The header and claims of a JWT, for display (the signature is not shown). */
export function describeToken(token) {
  const decode = (part) => JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/')));
  const [header, claims] = token.split('.');
  return { header: decode(header), claims: decode(claims) };
}

/**
 * One call to a CDS Hooks endpoint with a fresh console JWT (aud = that endpoint). elapsedMs covers the call to the
 * service only, not the token request.
 */
export async function cdsCall(path, body) {
  const { token } = await consolePost('/token', { path });
  const init = {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const started = performance.now();
  const response = await fetch(appUrl(path), init);
  const result = await json(response);
  return { ...result, elapsedMs: Math.round(performance.now() - started), jwt: describeToken(token) };
}
