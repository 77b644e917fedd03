// The live-session WebSocket (docs/web-protocol.md): audio in, JSON both ways, an ack every 500 ms, and automatic
// reconnection with the resume token after an unexpected close (the ring buffer keeps draining meanwhile, so no click).
const ACK_MS = 500;
const RESUME_WINDOW_MS = 60000;

export class LiveSocket {
  #ws = null;
  #ackTimer = 0;
  #closedOnPurpose = false;
  #lostAt = 0;
  #retryMs = 250;
  resumeToken = null;
  ended = false;
  connections = 0;

  /** player: AudioPlayer; onMessage(message) gets every JSON message; onStatus(text) plain words about the connection. */
  constructor(sessionId, player, onMessage, onStatus) {
    this.sessionId = sessionId;
    this.player = player;
    this.onMessage = onMessage;
    this.onStatus = onStatus;
  }

  get open() { return this.#ws?.readyState === WebSocket.OPEN; }

  /** The extensions the server accepted (none: it declines permessage-deflate, which only cost CPU on audio). */
  get extensions() { return this.#ws?.extensions ?? ''; }

  connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    // The local hour lets the personaliser learn what suits this time of day.
    const now = new Date();
    const hour = (now.getHours() + now.getMinutes() / 60).toFixed(2);
    const query = this.resumeToken ? `?resume=${encodeURIComponent(this.resumeToken)}` : `?local_hour=${hour}`;
    const ws = new WebSocket(`${scheme}//${location.host}/api/sessions/${this.sessionId}/live${query}`);
    ws.binaryType = 'arraybuffer';
    this.#ws = ws;
    this.connections++;
    ws.onmessage = (e) => this.#receive(e.data);
    ws.onclose = (e) => this.#closed(ws, e);
    ws.onopen = () => { this.#retryMs = 250; this.#lostAt = 0; };
    clearInterval(this.#ackTimer);
    this.#ackTimer = setInterval(() => this.send({ type: 'ack', ...this.player.ackReport() }), ACK_MS);
  }

  send(message) {
    if (!this.open) return false;
    this.#ws.send(JSON.stringify(message));
    return true;
  }

  /** Ends on purpose (no reconnection). */
  close() {
    this.#closedOnPurpose = true;
    clearInterval(this.#ackTimer);
    this.#ws?.close(1000, 'closed by the listener');
  }

  /** Test hook: drop the connection as a network failure would; the socket reconnects by itself. */
  drop() { this.#ws?.close(4000, 'dropped for a test'); }

  #receive(data) {
    if (data instanceof ArrayBuffer) { this.player.push(data); return; }
    const message = JSON.parse(data);
    if (message.type === 'ready') {
      this.resumeToken = message.resume_token;
      this.player.setStream(message.codec, !!message.resumed);
    } else if (message.type === 'ended') {
      this.ended = true;
    }
    this.onMessage(message);
  }

  #closed(ws, event) {
    if (ws !== this.#ws) return;
    clearInterval(this.#ackTimer);
    if (this.#closedOnPurpose || this.ended) return;
    this.#lostAt ||= Date.now();
    if (!this.resumeToken || Date.now() - this.#lostAt > RESUME_WINDOW_MS) {
      this.onStatus(`The connection was lost and could not be resumed${event.reason ? ` (${event.reason})` : ''}.`);
      this.onMessage({ type: 'lost' });
      return;
    }
    this.onStatus('Connection lost — reconnecting…');
    setTimeout(() => { if (!this.#closedOnPurpose) this.connect(); }, this.#retryMs);
    this.#retryMs = Math.min(4000, this.#retryMs * 2);
  }
}
