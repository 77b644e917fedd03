// The live session's browser side (Components/Patient/LivePanel.razor drives it through JS interop): audio
// through the WebSocket into the worklet, Web Bluetooth heart rate out to the socket, and Too loud, which silences
// here in the click itself. Every JSON message from the server goes on to the component, which shows it.
//
// Test hooks on window.attuneLive (read-only unless noted):
//   states      every {type:'state'} message received, oldest first
//   readies     every {type:'ready'} message (one per connection; resumed:true after a reconnection)
//   messages    every JSON message received; sent: every message sent except acks
//   report      the worklet's latest {played_frames, buffered_ms, underruns, level_dbfs}; playedFrames, levelDbfs: its fields
//               (here played_frames counts 48 kHz sample frames; the ack sent to the server counts 20 ms frames)
//   summary     the ended message's summary, or null
//   tooLoud     {pressedAt, clearedAt, dropped}: performance.now() at the press and when the worklet was silent, and
//               the frames dropped until the server confirmed; outputLatencyMs: the context's base + output latency
//   extensions  the WebSocket extensions the server accepted on the live socket ('' when none)
//   dropConnection()  closes the socket as a network failure would (it reconnects with the resume token)
import { AudioPlayer } from './audio-player.js';
import { LiveSocket } from './live-socket.js';
import { heartRate, bluetoothSupported, SUPPORT_TEXT } from './heart-rate.js';

let view = null, socket = null, player = null, pending = null, tooLoudUnsent = false;
const hooks = {
  states: [], readies: [], messages: [], sent: [], summary: null,
  get report() { return player?.report ?? null; },
  get playedFrames() { return player?.report.played_frames ?? 0; },
  get levelDbfs() { return player?.report.level_dbfs ?? -120; },
  get connections() { return socket?.connections ?? 0; },
  get extensions() { return socket?.extensions ?? null; },
  get tooLoud() { return player?.tooLoud ?? null; },
  get outputLatencyMs() { return (player?.outputLatencySeconds ?? 0) * 1000; },
  dropConnection() { socket?.drop(); },
};
window.attuneLive = hooks;

function tell(method, ...args) {
  view?.invokeMethodAsync(method, ...args).catch(() => { /* the page's circuit is gone */ });
}

export function send(message) {
  if (message.type !== 'ack') hooks.sent.push(message);
  return socket?.send(message) ?? false;
}

heartRate.subscribe((packet, bpm) => {
  send(packet);
  tell('OnHeartRate', bpm);
});

function newPlayer() {
  const p = new AudioPlayer();
  return { player: p, started: p.start() };
}

/**
 * component: a DotNetObjectReference (OnMessage, OnStatus, OnHeartRate). The audio context is created in the start
 * button's own click, where every browser lets it play; Too loud clears the ring buffer in its own click.
 */
export function bind(component, startButton, tooLoudButton) {
  view = component;
  startButton.addEventListener('click', () => { pending ??= newPlayer(); });
  tooLoudButton.addEventListener('click', () => {
    player?.silence();
    // Between connections the server cannot hear it yet: it goes first thing on the next connection.
    tooLoudUnsent = !send({ type: 'too_loud' });
  });
  return { bluetooth: bluetoothSupported, supportText: SUPPORT_TEXT };
}

function onMessage(m) {
  hooks.messages.push(m);
  // The socket is ordered: every frame after "paused" or "resumed" was rendered after the server heard Too loud.
  if (m.type === 'paused' || m.type === 'resumed') player?.unmute();
  if (m.type === 'ready') {
    hooks.readies.push(m);
    if (tooLoudUnsent) tooLoudUnsent = !send({ type: 'too_loud' });
  } else if (m.type === 'state') hooks.states.push(m);
  else if (m.type === 'ended') { hooks.summary = m.summary ?? {}; end(); }
  else if (m.type === 'lost') end();
  tell('OnMessage', m);
}

/** Starts playing a planned session; null, or why the audio could not start. */
export async function start(sessionId) {
  const { player: p, started } = pending ?? newPlayer();
  pending = null;
  try { await started; } catch (err) { await p.close(); return `Audio could not start: ${err.message}`; }
  Object.assign(hooks, { states: [], readies: [], messages: [], sent: [], summary: null, sessionId });
  tooLoudUnsent = false;
  player = p;
  socket = new LiveSocket(sessionId, p, onMessage, (text) => tell('OnStatus', text));
  socket.connect();
  return null;
}

/** The start button was pressed but no session was started (e.g. the form had a bad field). */
export function cancel() {
  pending?.player.close();
  pending = null;
}

/** Ends on purpose, and lets the last fade play out before the audio closes. */
export function end() {
  socket?.close();
  socket = null;
  const p = player;
  setTimeout(() => p?.close(), 1500);
}

export async function pair() {
  try { return { name: await heartRate.pair() }; } catch (err) { return { problem: `Pairing did not work: ${err.message}` }; }
}
