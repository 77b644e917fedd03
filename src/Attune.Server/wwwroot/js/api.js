// Shared by every page: JSON calls to the Attune API and readable text for its RFC 7807 problems.
export const $ = (id) => document.getElementById(id);

export async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    credentials: 'same-origin',
  });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { detail: text }; }
  return { ok: response.ok, status: response.status, data };
}

// The new endpoints speak snake_case and the older ones camelCase; read either.
export function pick(obj, snakeName) {
  if (!obj) return undefined;
  if (obj[snakeName] !== undefined) return obj[snakeName];
  return obj[snakeName.replace(/_([a-z])/g, (_, c) => c.toUpperCase())];
}

export function problemText(problem, status) {
  if (!problem) return status === 404 ? 'That is not available on this server yet.' : 'Something went wrong.';
  if (problem.errors) {
    return Object.entries(problem.errors).map(([field, messages]) => `${field} ${messages.join('; ')}`).join('. ');
  }
  return problem.detail || problem.title || 'Something went wrong.';
}

export function say(element, message, isError) {
  element.textContent = message;
  element.classList.toggle('error', !!isError);
}
