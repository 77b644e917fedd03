// Sign-in and registration against /api/account; the auth cookie is HttpOnly, so the page asks /me who is signed in.
const $ = (id) => document.getElementById(id);

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    credentials: 'same-origin',
  });
  const text = await response.text();
  return { ok: response.ok, status: response.status, data: text ? JSON.parse(text) : null };
}

function problemText(problem) {
  if (!problem) return 'Something went wrong.';
  if (problem.errors) return Object.entries(problem.errors).map(([field, messages]) => `${field} ${messages.join('; ')}`).join('. ');
  return problem.detail || problem.title || 'Something went wrong.';
}

function say(message, isError) {
  $('status').textContent = message;
  $('status').className = isError ? 'error' : '';
}

function show(account) {
  $('signed-in').hidden = !account;
  $('signed-out').hidden = !!account;
  $('who').textContent = account ? account.email : '';
}

async function submit(form, path, verb) {
  const body = { email: form.email.value, password: form.password.value };
  const result = await api('POST', path, body);
  if (result.ok) {
    form.reset();
    show(result.data);
    say(`${verb}.`, false);
  } else {
    say(problemText(result.data), true);
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  $('login').addEventListener('submit', (e) => { e.preventDefault(); submit(e.target, '/api/account/login', 'Signed in'); });
  $('register').addEventListener('submit', (e) => { e.preventDefault(); submit(e.target, '/api/account/register', 'Account created'); });
  $('logout').addEventListener('click', async () => { await api('POST', '/api/account/logout'); show(null); say('Signed out.', false); });
  const me = await api('GET', '/api/account/me');
  show(me.ok ? me.data : null);
});
