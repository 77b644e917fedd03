// The set-up wizard's sound (Components/Patient/SetupWizard.razor calls play/stop through JS interop): fetches a
// server-rendered WAV clip, decodes it and plays it. "Too loud" is bound here to the button itself, so the sound
// stops inside the click, without waiting for the server.
//
// Test hooks on window.attuneWizard: played (every clip URL played, in order), playing, stopped (Too loud presses),
// outputLatencyMs (the audio context's base + output latency).
import { problemText } from '../problem.js';

class ClipPlayer {
  #context = null;
  #source = null;
  #finish = null;
  #generation = 0;
  played = [];

  #ctx() {
    this.#context ??= new AudioContext({ sampleRate: 48000 });
    if (this.#context.state === 'suspended') this.#context.resume();
    return this.#context;
  }

  /** Creates or resumes the audio context inside a click, where every browser (Safari too) lets it start. */
  unlock() { this.#ctx(); }

  /** Plays one clip; resolves when it has finished or was stopped, with null, or with the problem in words. */
  async play(url) {
    this.stop();
    const generation = ++this.#generation;
    const ctx = this.#ctx();
    let buffer;
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) return `${await problemText(response)} (HTTP ${response.status} from ${url.split('?')[0]})`;
      buffer = await ctx.decodeAudioData(await response.arrayBuffer());
    } catch (err) {
      return `The sound could not be played: ${err.message}`;
    }
    if (generation !== this.#generation) return null; // stopped (Too loud) while it was loading
    this.played.push(url);
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(ctx.destination);
    this.#source = source;
    await new Promise((resolve) => {
      this.#finish = resolve;
      source.onended = resolve;
      source.start();
    });
    if (this.#source === source) this.#source = null;
    return null;
  }

  stop() {
    this.#generation++;
    const s = this.#source, finish = this.#finish;
    this.#source = null;
    this.#finish = null;
    if (s) {
      s.onended = null;
      s.stop();
      s.disconnect();
    }
    finish?.();
  }

  get playing() { return this.#source !== null; }

  /** Milliseconds between the graph's output and the speakers (base + output latency); 0 before the first clip. */
  get outputLatencyMs() { return ((this.#context?.baseLatency ?? 0) + (this.#context?.outputLatency ?? 0)) * 1000; }
}

const player = new ClipPlayer();
const hooks = {
  get played() { return player.played; }, get playing() { return player.playing; }, stopped: 0,
  get outputLatencyMs() { return player.outputLatencyMs; },
};
window.attuneWizard = hooks;

export const play = (url) => player.play(url);
export const stop = () => player.stop();

/**
 * Binds the wizard's section: any click in it unlocks the audio context in the click itself (the clip is played a
 * server round trip later, outside it); Too loud silences at once, in its own click, and the component then lowers
 * the next level.
 */
export function bind(section, tooLoudButton) {
  section.addEventListener('click', () => player.unlock(), { capture: true });
  tooLoudButton.addEventListener('click', () => { player.stop(); hooks.stopped++; });
}
