// Decodes the live session's audio frames (docs/web-protocol.md: 4-byte LE sequence number, then pcm16 or one Opus
// packet) and feeds them to the ring-buffer worklet; reports the worklet's playback figures to a callback.
const SAMPLE_RATE = 48000;
const FRAME_SAMPLES = 960; // 20 ms

export class AudioPlayer {
  #context = null;
  #node = null;
  #decoder = null;
  #codec = 'pcm16';
  #lastSeq = -1;
  /** The worklet's latest report: {played_frames, buffered_ms, underruns, level_dbfs}. */
  report = { played_frames: 0, buffered_ms: 0, underruns: 0, level_dbfs: -120 };
  decodedFrames = 0;
  /** Too loud: when it was pressed, when the worklet was silent, and the frames dropped until the server confirmed. */
  tooLoud = { pressedAt: null, clearedAt: null, dropped: 0 };
  #muted = false;

  constructor(onReport) { this.onReport = onReport; }

  async start() {
    if (this.#context) return;
    this.#context = new AudioContext({ sampleRate: SAMPLE_RATE, latencyHint: 'playback' });
    await this.#context.audioWorklet.addModule('/js/live/ring-worklet.js');
    this.#node = new AudioWorkletNode(this.#context, 'attune-ring', {
      numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [2],
      processorOptions: { leadMs: 200, capacityMs: 3000, reportMs: 500 },
    });
    this.#node.port.onmessage = (e) => {
      if (e.data.type === 'cleared') { this.tooLoud.clearedAt = performance.now(); return; }
      this.report = e.data;
      this.onReport?.(e.data);
    };
    this.#node.connect(this.#context.destination);
    if (this.#context.state === 'suspended') await this.#context.resume();
  }

  /** Called for each "ready": a fresh session starts its sequence over; a resumed one keeps it, so resent frames are skipped. */
  setStream(codec, resumed) {
    if (!resumed) this.#lastSeq = -1;
    if (codec === this.#codec && (codec !== 'opus' || this.#decoder)) return;
    this.#codec = codec;
    this.#decoder?.close();
    this.#decoder = null;
    if (codec === 'opus') {
      if (typeof AudioDecoder === 'undefined') throw new Error('This browser cannot decode Opus (no WebCodecs AudioDecoder).');
      this.#decoder = new AudioDecoder({ output: (data) => this.#fromAudioData(data), error: (e) => console.error('opus', e) });
      this.#decoder.configure({ codec: 'opus', sampleRate: SAMPLE_RATE, numberOfChannels: 2 });
    }
  }

  /**
   * The ack's figures. played_frames there counts 20 ms frames (the wire's sequence numbers), so the server can resume
   * from where playback stopped: the newest frame received minus what still waits in the ring.
   */
  ackReport() {
    const waiting = Math.ceil((this.report.buffered_ms * SAMPLE_RATE / 1000) / FRAME_SAMPLES);
    return { ...this.report, played_frames: Math.max(0, this.#lastSeq + 1 - waiting) };
  }

  /** One binary WebSocket message. */
  push(buffer) {
    const view = new DataView(buffer);
    const seq = view.getUint32(0, true);
    if (seq <= this.#lastSeq) return;
    this.#lastSeq = seq;
    if (this.#muted) { this.tooLoud.dropped++; return; }
    if (this.#codec === 'opus') {
      this.#decoder.decode(new EncodedAudioChunk({ type: 'key', timestamp: seq * 20000, data: new Uint8Array(buffer, 4) }));
      return;
    }
    const frames = Math.min(FRAME_SAMPLES, (buffer.byteLength - 4) >> 2);
    const left = new Float32Array(frames), right = new Float32Array(frames);
    for (let i = 0; i < frames; i++) {
      left[i] = view.getInt16(4 + i * 4, true) / 32768;
      right[i] = view.getInt16(6 + i * 4, true) / 32768;
    }
    this.#send(left, right);
  }

  #fromAudioData(data) {
    const frames = data.numberOfFrames;
    const left = new Float32Array(frames), right = new Float32Array(frames);
    const planar = data.format.endsWith('-planar');
    if (planar) {
      data.copyTo(left, { planeIndex: 0, format: 'f32-planar' });
      data.copyTo(right, { planeIndex: data.numberOfChannels > 1 ? 1 : 0, format: 'f32-planar' });
    } else {
      const both = new Float32Array(frames * data.numberOfChannels);
      data.copyTo(both, { planeIndex: 0, format: 'f32' });
      for (let i = 0; i < frames; i++) { left[i] = both[i * data.numberOfChannels]; right[i] = both[i * data.numberOfChannels + (data.numberOfChannels > 1 ? 1 : 0)]; }
    }
    data.close();
    this.#send(left, right);
  }

  #send(left, right) {
    this.decodedFrames += left.length;
    this.#node?.port.postMessage({ type: 'push', left, right }, [left.buffer, right.buffer]);
  }

  /**
   * Too loud: the worklet fades out within 2 ms and drops what it holds, and every frame that arrives until the
   * server confirms (unmute) is dropped too: those were rendered before the server heard, at the level that was too
   * loud, and would otherwise wait in the ring and play first when the music resumes.
   */
  silence() {
    this.#muted = true;
    this.tooLoud = { pressedAt: performance.now(), clearedAt: null, dropped: 0 };
    this.#node?.port.postMessage({ type: 'clear' });
  }

  /** The server has gone silent (paused) or resumed: what arrives from now on was rendered after the Too loud. */
  unmute() { this.#muted = false; }

  /** Seconds between the worklet's output and the speakers: the context's base latency plus the output latency. */
  get outputLatencySeconds() { return (this.#context?.baseLatency ?? 0) + (this.#context?.outputLatency ?? 0); }

  async close() {
    this.#decoder?.close();
    this.#decoder = null;
    await this.#context?.close();
    this.#context = null;
    this.#node = null;
  }
}
