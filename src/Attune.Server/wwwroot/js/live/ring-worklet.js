// AudioWorkletProcessor "attune-ring": a stereo ring buffer between the socket and the speakers.
// It waits for ≈ 200 ms of audio before playing (the server's lead), fades out over what is left when it runs dry
// (a dropped connection drains without a click) and fades back in when audio returns.
// Messages in: {type:'push', left, right} (Float32Array), {type:'clear'} (fast fade, drop all: "Too loud").
// Messages out every ~500 ms: {played_frames, buffered_ms, underruns, level_dbfs}; and {type:'cleared'} once a
// clear has faded to silence and dropped the rest.
const FADE_FRAMES = 480; // 10 ms
const CLEAR_FADE_FRAMES = 96; // 2 ms: Too loud must be near-instant but still not click

class RingProcessor extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const o = options.processorOptions || {};
    this.capacity = Math.round(sampleRate * (o.capacityMs || 3000) / 1000);
    this.lead = Math.round(sampleRate * (o.leadMs || 200) / 1000);
    this.reportEvery = Math.round(sampleRate * (o.reportMs || 500) / 1000);
    this.left = new Float32Array(this.capacity);
    this.right = new Float32Array(this.capacity);
    this.read = 0;
    this.count = 0;
    this.playing = false;
    this.gain = 0;
    this.clearing = 0;
    this.played = 0;
    this.underruns = 0;
    this.sumSquares = 0;
    this.sinceReport = 0;
    this.port.onmessage = (e) => this.onMessage(e.data);
  }

  onMessage(m) {
    if (m.type === 'push') this.push(m.left, m.right);
    else if (m.type === 'clear') this.clearing = CLEAR_FADE_FRAMES;
  }

  push(l, r) {
    const n = l.length;
    // Full: drop the oldest audio rather than the newest (the server paces us, so this is rare).
    if (this.count + n > this.capacity) {
      const drop = this.count + n - this.capacity;
      this.read = (this.read + drop) % this.capacity;
      this.count -= drop;
    }
    let w = (this.read + this.count) % this.capacity;
    for (let i = 0; i < n; i++) {
      this.left[w] = l[i];
      this.right[w] = r[i];
      w = w + 1 === this.capacity ? 0 : w + 1;
    }
    this.count += n;
  }

  process(_inputs, outputs) {
    const outL = outputs[0][0], outR = outputs[0][1] || outputs[0][0];
    const n = outL.length;
    if (!this.playing && this.count >= this.lead && this.clearing === 0) this.playing = true;
    let i = 0;
    if (this.playing) {
      // Running dry: spread a fade-out over what is left instead of stopping mid-wave.
      const dry = this.clearing === 0 && this.count < n + FADE_FRAMES;
      const take = Math.min(n, this.count);
      const fadeFrames = this.clearing > 0 ? this.clearing : (dry ? Math.max(1, this.count) : 0);
      for (; i < take; i++) {
        if (fadeFrames > 0) this.gain = Math.max(0, this.gain - 1 / fadeFrames);
        else this.gain = Math.min(1, this.gain + 1 / FADE_FRAMES);
        const l = this.left[this.read] * this.gain, r = this.right[this.read] * this.gain;
        outL[i] = l;
        outR[i] = r;
        this.sumSquares += 0.5 * (l * l + r * r);
        this.read = this.read + 1 === this.capacity ? 0 : this.read + 1;
        this.count--;
        this.played++;
        if (this.clearing > 0 && --this.clearing === 0) { this.count = 0; i++; this.port.postMessage({ type: 'cleared' }); break; }
      }
      if (this.count === 0) {
        if (dry) this.underruns++;
        this.playing = false;
        this.gain = 0;
      }
    } else if (this.clearing > 0) {
      this.count = 0;
      this.clearing = 0;
      this.port.postMessage({ type: 'cleared' });
    }
    for (; i < n; i++) { outL[i] = 0; outR[i] = 0; }
    this.sinceReport += n;
    if (this.sinceReport >= this.reportEvery) {
      const rms = Math.sqrt(this.sumSquares / this.sinceReport);
      this.port.postMessage({
        played_frames: this.played,
        buffered_ms: Math.round(this.count * 1000 / sampleRate),
        underruns: this.underruns,
        level_dbfs: rms > 1e-6 ? Math.round(200 * Math.log10(rms)) / 10 : -120,
      });
      this.sumSquares = 0;
      this.sinceReport = 0;
    }
    return true;
  }
}

registerProcessor('attune-ring', RingProcessor);
