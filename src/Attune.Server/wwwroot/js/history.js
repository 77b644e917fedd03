// The history view: past sessions (with their summaries) and tinnitus matches, newest first.
import { $, api } from './api.js';

export function matchText(m) {
  const date = String(m.measuredAt || '').slice(0, 10);
  return `${Math.round(m.bestEstimateHz)} Hz (range ${Math.round(m.rangeLowHz)}–${Math.round(m.rangeHighHz)} Hz), ${date}`;
}

export async function loadMatches(list) {
  const result = await api('GET', '/api/profile/tinnitus-matches');
  list.replaceChildren(...(result.ok ? result.data : []).map((m) => Object.assign(document.createElement('li'), { textContent: matchText(m) })));
  if (!list.children.length) list.append(Object.assign(document.createElement('li'), { textContent: 'None yet.' }));
}

export async function loadHistory() {
  const sessions = await api('GET', '/api/sessions');
  const items = (sessions.ok ? sessions.data : []).map((s) => {
    const minutes = s.summary?.minutes_listened ?? s.summary?.minutesListened;
    const text = `${String(s.createdAt).slice(0, 16).replace('T', ' ')} — ${s.goal}, ${s.plannedMinutes} min planned, ${s.status}`
      + (minutes !== undefined ? `, ${Number(minutes).toFixed(1)} min listened` : '');
    return Object.assign(document.createElement('li'), { textContent: text });
  });
  $('history-sessions').replaceChildren(...items);
  if (!items.length) $('history-sessions').append(Object.assign(document.createElement('li'), { textContent: 'No sessions yet.' }));
  await loadMatches($('history-matches'));
}
