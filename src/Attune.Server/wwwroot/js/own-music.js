// "Notch your own music" (Components/Patient/OwnMusic.razor calls notch() through JS interop): the file never
// passes through the page's server connection. WAV, MP3 and OGG go to POST /api/notch as they are; any other format
// the browser can play is decoded here with decodeAudioData and sent as a 16-bit PCM WAV, so the server only ever
// parses those three formats. A WAV comes back and is offered as a download.
import { problemText } from './problem.js';

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

/** Notches the file chosen in `input` at `hz`: {href, name} of the notched WAV, or {problem} in words. */
export async function notch(input, hz) {
  const file = input.files[0];
  if (!file) return { problem: 'Choose a music file first.' };
  try {
    let body = file, type = file.type || 'application/octet-stream';
    if (!SERVER_FORMATS.test(file.name)) {
      const ctx = new OfflineAudioContext(2, 1, 48000);
      body = wavFromBuffer(await ctx.decodeAudioData(await file.arrayBuffer()));
      type = 'audio/wav';
    }
    const response = await fetch(`/api/notch?tinnitus_hz=${Math.round(hz)}`,
      { method: 'POST', body, headers: { 'Content-Type': type }, credentials: 'same-origin' });
    if (response.status === 404) return { problem: 'Notching your own music is not available on this server yet.' };
    if (!response.ok) return { problem: await problemText(response) };
    return { href: URL.createObjectURL(await response.blob()), name: file.name.replace(/\.[^.]*$/, '') + '-notched.wav' };
  } catch (err) {
    return { problem: `This file could not be read: ${err.message}` };
  }
}
