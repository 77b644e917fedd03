// Plays the wizard's short server-rendered WAV clips; stop() silences at once (the "Too loud" path).
import { problemText } from '../api.js';

export class ClipPlayer {
  #context = null;
  #source = null;
  #generation = 0;
  /** Every clip URL played, in order (a test hook through window.attuneWizard). */
  played = [];

  #ctx() {
    this.#context ??= new AudioContext({ sampleRate: 48000 });
    if (this.#context.state === 'suspended') this.#context.resume();
    return this.#context;
  }

  /** Fetches and plays one clip; resolves when it has finished (or was stopped); throws with the server's problem text. */
  async play(url) {
    this.stop();
    const generation = ++this.#generation;
    const ctx = this.#ctx();
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch { /* not JSON: use the status */ }
      throw new Error(`${problemText(problem, response.status)} (HTTP ${response.status} from ${url.split('?')[0]})`);
    }
    const buffer = await ctx.decodeAudioData(await response.arrayBuffer());
    if (generation !== this.#generation) return; // stopped (Too loud) while it was loading
    this.played.push(url);
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(ctx.destination);
    this.#source = source;
    const ended = new Promise((resolve) => { source.onended = resolve; });
    source.start();
    await ended;
    if (this.#source === source) this.#source = null;
  }

  stop() {
    this.#generation++;
    if (!this.#source) return;
    const s = this.#source;
    this.#source = null;
    s.onended = null;
    s.stop();
    s.disconnect();
  }

  get playing() { return this.#source !== null; }
}

export const noiseUrl = (levelDb, ms = 1500) => `/api/wizard/noise?level_db=${levelDb}&ms=${ms}&color=pink`;
export const toneUrl = (hz, levelDb, ms = 1000) => `/api/wizard/tone?hz=${Math.round(hz)}&level_db=${levelDb}&ms=${ms}`;
