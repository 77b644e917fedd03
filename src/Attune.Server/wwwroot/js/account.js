// Sign-in and registration against /api/account; the auth cookie is HttpOnly, so the page asks /me who is signed in.
import { $, api, problemText, say } from './api.js';

function show(account) {
  $('signed-in').hidden = !account;
  $('signed-out').hidden = !!account;
  $('who').textContent = account ? account.email : '';
}

async function submit(form, path) {
  const body = { email: form.email.value, password: form.password.value };
  say($('status'), 'One moment…', false);
  const result = await api('POST', path, body);
  if (result.ok) {
    window.location.assign('/app.html');
  } else {
    say($('status'), problemText(result.data, result.status), true);
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  $('login').addEventListener('submit', (e) => { e.preventDefault(); submit(e.target, '/api/account/login'); });
  $('register').addEventListener('submit', (e) => { e.preventDefault(); submit(e.target, '/api/account/register'); });
  $('logout').addEventListener('click', async () => { await api('POST', '/api/account/logout'); show(null); say($('status'), 'Signed out.', false); });
  const me = await api('GET', '/api/account/me');
  show(me.ok ? me.data : null);
});
