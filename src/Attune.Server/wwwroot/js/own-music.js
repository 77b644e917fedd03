// "Notch your own music" and the offline session download.
// WAV, MP3 and OGG go to the server as they are (POST /api/notch?tinnitus_hz=F, the file as the body, a WAV back).
// Any other format the browser can play is decoded here with decodeAudioData and sent as a 16-bit PCM WAV, so the
// server only ever parses those three formats.
import { $, problemText, say } from './api.js';
import { getField } from './profile.js';

const SERVER_FORMATS = /\.(wav|mp3|ogg|oga)$/i;

function wavFromBuffer(buffer) {
  const channels = Math.min(2, buffer.numberOfChannels), frames = buffer.length, rate = buffer.sampleRate;
  const out = new DataView(new ArrayBuffer(44 + frames * channels * 2));
  const text = (offset, s) => { for (let i = 0; i < s.length; i++) out.setUint8(offset + i, s.charCodeAt(i)); };
  text(0, 'RIFF'); out.setUint32(4, 36 + frames * channels * 2, true); text(8, 'WAVE');
  text(12, 'fmt '); out.setUint32(16, 16, true); out.setUint16(20, 1, true); out.setUint16(22, channels, true);
  out.setUint32(24, rate, true); out.setUint32(28, rate * channels * 2, true); out.setUint16(32, channels * 2, true); out.setUint16(34, 16, true);
  text(36, 'data'); out.setUint32(40, frames * channels * 2, true);
  const data = [...Array(channels).keys()].map((c) => buffer.getChannelData(c));
  let p = 44;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) { out.setInt16(p, Math.round(Math.max(-1, Math.min(1, data[c][i])) * 32767), true); p += 2; }
  }
  return new Blob([out.buffer], { type: 'audio/wav' });
}

async function notch(file) {
  const hz = getField('tinnitusHz');
  if (!hz) { say($('notch-status'), 'Set your tinnitus pitch in the profile first (the set-up measures it).', true); return; }
  let body = file, type = file.type || 'application/octet-stream';
  if (!SERVER_FORMATS.test(file.name)) {
    say($('notch-status'), 'Decoding in the browser…', false);
    const ctx = new OfflineAudioContext(2, 1, 48000);
    body = wavFromBuffer(await ctx.decodeAudioData(await file.arrayBuffer()));
    type = 'audio/wav';
  }
  say($('notch-status'), 'Notching…', false);
  const response = await fetch(`/api/notch?tinnitus_hz=${Math.round(hz)}`, { method: 'POST', body, headers: { 'Content-Type': type }, credentials: 'same-origin' });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* no JSON body */ }
    say($('notch-status'), response.status === 404 ? 'Notching your own music is not available on this server yet.' : problemText(problem, response.status), true);
    return;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = file.name.replace(/\.[^.]*$/, '') + '-notched.wav';
  link.textContent = `Download ${link.download}`;
  $('notch-status').replaceChildren('Done. ', link);
}

export function initOwnMusic() {
  $('notch-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const file = $('notch-file').files[0];
    if (!file) { say($('notch-status'), 'Choose a music file first.', true); return; }
    notch(file).catch((err) => say($('notch-status'), `This file could not be read: ${err.message}`, true));
  });
}
