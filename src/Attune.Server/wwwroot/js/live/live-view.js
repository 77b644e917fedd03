// The live-session view: start a session, play it, show in plain words what is happening, and send the listener's
// controls and heart rate to the server (docs/web-protocol.md, "Live session").
//
// Test hooks on window.attuneLive (read-only unless noted):
//   states      every {type:'state'} message received, oldest first
//   readies     every {type:'ready'} message (one per connection; resumed:true after a reconnection)
//   messages    every JSON message received; sent: every message sent except acks
//   report      the worklet's latest {played_frames, buffered_ms, underruns, level_dbfs}; playedFrames, levelDbfs: its fields
//               (here played_frames counts 48 kHz sample frames; the ack sent to the server counts 20 ms frames)
//   summary     the ended message's summary, or null
//   dropConnection()  closes the socket as a network failure would (it reconnects with the resume token)
import { $, api, problemText, say } from '../api.js';
import { AudioPlayer } from './audio-player.js';
import { LiveSocket } from './live-socket.js';
import { heartRate, bluetoothSupported, SUPPORT_TEXT } from './heart-rate.js';
import { drawSeries } from './live-plot.js';
import { SOUND_CLASSES } from '../sound-classes.js';

const HISTORY = 300; // points on the live plot (5 minutes at one state a second)
let socket = null, player = null, sleepTimer = 0, paused = false;
const hooks = {
  states: [], readies: [], messages: [], sent: [], summary: null,
  get report() { return player?.report ?? null; },
  get playedFrames() { return player?.report.played_frames ?? 0; },
  get levelDbfs() { return player?.report.level_dbfs ?? -120; },
  get connections() { return socket?.connections ?? 0; },
  dropConnection() { socket?.drop(); },
};
window.attuneLive = hooks;

function send(message) {
  if (message.type !== 'ack') hooks.sent.push(message);
  return socket?.send(message) ?? false;
}

function stateText(s) {
  const parts = [];
  if (s.heart_rate_bpm != null) parts.push(`Your heart rate is ${Math.round(s.heart_rate_bpm)} beats a minute.`);
  if (s.arousal == null) parts.push('Still getting to know how you are.');
  else parts.push(s.arousal >= 0.6 ? 'You seem tense.' : s.arousal <= 0.35 ? 'You seem calm.' : 'You seem steady.');
  const m = s.music || {};
  if (m.tempo_bpm != null) {
    parts.push(`The music is at ${Math.round(m.tempo_bpm)} beats a minute${m.phase ? `, ${m.phase}` : ''}${m.reason ? `: ${m.reason}` : ''}.`);
  }
  if (s.breathing_bpm) parts.push(`Breathe along at about ${Math.round(s.breathing_bpm)} breaths a minute if you like.`);
  return parts.join(' ');
}

function drawLive() {
  const recent = hooks.states.slice(-HISTORY);
  drawSeries($('live-plot'), [
    { values: recent.map((s) => s.arousal), min: 0, max: 1 },
    { values: recent.map((s) => s.music?.tempo_bpm) },
    { values: recent.map((s) => s.music?.loudness_db) },
  ]);
}

const TECHNICAL = new Set(['server', 'decisions', 'underruns']); // for the event log, not for the listener
const words = (key) => key.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const numbersOf = (v) => (Array.isArray(v) ? v.map((x) => (typeof x === 'number' ? x : Number(Object.values(x ?? {}).find((y) => typeof y === 'number' && !Number.isInteger(y)) ?? Object.values(x ?? {}).at(-1)))) : []);

function showSummary(summary) {
  hooks.summary = summary ?? {};
  const facts = [], trends = {};
  for (const [key, value] of Object.entries(hooks.summary)) {
    if (Array.isArray(value)) { trends[key] = value; continue; }
    if (TECHNICAL.has(key) || value === null) continue;
    const text = value && typeof value === 'object'
      ? Object.entries(value).map(([k, v]) => `${words(k)} ${v}`).join(', ')
      : typeof value === 'number' ? String(Math.round(value * 10) / 10) : String(value);
    facts.push([words(key), text]);
  }
  $('summary-facts').replaceChildren(...facts.flatMap(([k, v]) => [
    Object.assign(document.createElement('dt'), { textContent: k }), Object.assign(document.createElement('dd'), { textContent: v })]));
  const hrKey = Object.keys(trends).find((k) => /heart|hr/i.test(k) && !/rmssd|hrv/i.test(k));
  const hrvKey = Object.keys(trends).find((k) => /rmssd|hrv/i.test(k));
  drawSeries($('summary-plot'), [{ values: numbersOf(trends[hrKey]) }, { values: numbersOf(trends[hrvKey]) }]);
  $('live-panel').hidden = true;
  $('live-summary').hidden = false;
  $('live-start').hidden = false;
  $('summary-title').focus?.();
}

function onMessage(m) {
  hooks.messages.push(m);
  switch (m.type) {
    case 'ready':
      hooks.readies.push(m);
      say($('live-state'), m.resumed ? 'Reconnected — the music carries on.' : 'Connected. The music starts in a moment.', false);
      if (m.music) $('live-music').textContent = `Today’s music: ${m.music.description}. ${m.music.why}`;
      if (!m.resumed) send({ type: 'report', scale: 'distress', value: Number($('live-distress-before').value) });
      break;
    case 'state':
      hooks.states.push(m);
      if (!paused) say($('live-state'), stateText(m), false);
      drawLive();
      break;
    case 'safety':
      say($('live-state'), m.kind === 'too_loud' ? 'Silenced because it was too loud. Press Resume when you are ready; it will be softer.'
        : m.kind === 'fade_out' ? 'Fading out.' : `The level was held down to keep it safe${m.detail ? `: ${m.detail}` : ''}.`, false);
      break;
    case 'paused': paused = true; $('live-pause').textContent = 'Resume'; say($('live-state'), 'Paused.', false); break;
    case 'resumed': paused = false; $('live-pause').textContent = 'Pause'; say($('live-state'), 'Playing again.', false); break;
    case 'error': say($('live-state'), `${m.field ? `${m.field}: ` : ''}${m.detail}`, true); break;
    case 'ended': finish(m.summary); break;
    case 'lost':
      say($('live-state'), hooks.readies.length ? 'The connection was lost. Start a new session to listen again.'
        : 'The live connection could not be opened (this server may not offer live sessions yet).', true);
      finish(null);
      break;
    default: break;
  }
}

function finish(summary) {
  clearTimeout(sleepTimer);
  socket?.close();
  const p = player;
  setTimeout(() => p?.close(), 1500); // let the last fade play out
  if (summary) showSummary(summary);
  else { $('live-panel').hidden = true; $('live-start').hidden = false; }
}

async function start(e) {
  e.preventDefault();
  const goal = $('live-goal').value, minutes = Number($('live-minutes').value), timer = Number($('live-timer').value);
  say($('live-state'), 'Starting…', false);
  $('live-summary').hidden = true;
  $('live-panel').hidden = false;
  // The audio context starts inside the click, so the browser lets it play.
  player = new AudioPlayer();
  try { await player.start(); } catch (err) { say($('live-state'), `Audio could not start: ${err.message}`, true); return; }
  const created = await api('POST', '/api/sessions', { goal, plannedMinutes: minutes, minutes });
  if (!created.ok) { say($('live-state'), problemText(created.data, created.status), true); await player.close(); return; }
  $('live-start').hidden = true;
  Object.assign(hooks, { states: [], readies: [], messages: [], sent: [], summary: null });
  paused = false;
  socket = new LiveSocket(created.data.id, player, onMessage, (text) => say($('live-state'), text, false));
  hooks.sessionId = created.data.id;
  socket.connect();
  if (timer > 0) sleepTimer = setTimeout(() => send({ type: 'stop' }), timer * 60000);
}

function initHeartRate() {
  heartRate.subscribe((packet, bpm) => {
    send(packet);
    say($('hr-status'), `Heart rate ${bpm} beats a minute.`, false);
  });
  if (!bluetoothSupported) {
    $('hr-pair').hidden = true;
    say($('hr-status'), SUPPORT_TEXT, false);
    return;
  }
  $('hr-pair').addEventListener('click', async () => {
    try { say($('hr-status'), `Paired with ${await heartRate.pair()}.`, false); }
    catch (err) { say($('hr-status'), `Pairing did not work: ${err.message}`, true); }
  });
}

export function initLive() {
  $('live-start').addEventListener('submit', start);
  $('live-too-loud').addEventListener('click', () => { player?.silence(); send({ type: 'too_loud' }); });
  $('live-pause').addEventListener('click', () => send({ type: paused ? 'resume' : 'pause' }));
  $('live-skip').addEventListener('click', () => { send({ type: 'skip' }); say($('live-state'), 'Moving on to something different.', false); });
  $('live-stop').addEventListener('click', () => {
    send({ type: 'report', scale: 'distress', value: Number($('live-checkin-distress').value) });
    send({ type: 'stop' });
    say($('live-state'), 'Fading out…', false);
  });
  $('live-volume').addEventListener('input', (e) => {
    $('live-volume-value').textContent = e.target.value;
    send({ type: 'volume', db: Number(e.target.value) });
  });
  const select = $('live-dislike-class');
  select.append(new Option('Not sure', ''), ...SOUND_CLASSES.map(([name, text]) => new Option(text, name)));
  $('live-dislike').addEventListener('click', () => {
    send(select.value ? { type: 'dislike', classes: select.value } : { type: 'dislike' });
    say($('live-state'), 'Noted — that sound will be left out.', false);
  });
  $('live-checkin').addEventListener('click', () => {
    for (const [id, scale] of [['live-checkin-distress', 'distress'], ['live-checkin-loudness', 'tinnitus_loudness'], ['live-checkin-calm', 'calm']]) {
      send({ type: 'report', scale, value: Number($(id).value) });
    }
    say($('live-state'), 'Thank you — check-in sent.', false);
  });
  initHeartRate();
}
