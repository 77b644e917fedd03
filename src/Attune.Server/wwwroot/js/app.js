// The signed-in app: view switching, then each view's module. Signed out → back to the landing page.
import { $, api } from './api.js';
import { initProfile } from './profile.js';
import { initWizard } from './wizard/wizard.js';
import { initLive } from './live/live-view.js';
import { loadHistory } from './history.js';
import { initOwnMusic } from './own-music.js';

function showView(name) {
  for (const b of document.querySelectorAll('nav button')) b.setAttribute('aria-pressed', String(b.dataset.view === name));
  for (const v of ['profile', 'live', 'history']) $(`view-${v}`).hidden = v !== name;
  if (name === 'history') loadHistory();
}

document.addEventListener('DOMContentLoaded', async () => {
  const me = await api('GET', '/api/account/me');
  if (!me.ok) { window.location.assign('/'); return; }
  $('who').textContent = me.data.email;
  $('logout').addEventListener('click', async () => { await api('POST', '/api/account/logout'); window.location.assign('/'); });
  for (const b of document.querySelectorAll('nav button')) b.addEventListener('click', () => showView(b.dataset.view));
  await initProfile();
  initWizard();
  initLive();
  initOwnMusic();
  document.body.dataset.ready = 'true';
});
