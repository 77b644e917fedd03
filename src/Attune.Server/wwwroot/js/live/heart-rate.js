// Heart-rate input: a Bluetooth strap (Web Bluetooth, Heart Rate Service 0x180D, Measurement 0x2A37 notifications)
// or injected bytes. Both go through receive(), which turns the raw value into the protocol's
// {type:'hr', seq, t_ms, hex} packet — so a test that injects bytes exercises the same path a strap does.
// Test hook: window.attuneHeartRate.inject([0x16, 0x4B, 0x00, 0x04, 0x02]) (also exported as heartRate.inject).
export const bluetoothSupported = typeof navigator !== 'undefined' && 'bluetooth' in navigator;
export const SUPPORT_TEXT = 'Heart-rate straps pair through Web Bluetooth, which Chrome, Edge and Opera offer on desktop and Android. '
  + 'Firefox and Safari do not; the music still adapts to your check-ins without a strap.';

class HeartRateSource {
  #seq = 0;
  #listeners = new Set();
  device = null;
  lastBpm = null;

  /** listener(packet, bpm) for every measurement; returns a function that unsubscribes. */
  subscribe(listener) { this.#listeners.add(listener); return () => this.#listeners.delete(listener); }

  async pair() {
    if (!bluetoothSupported) throw new Error(SUPPORT_TEXT);
    this.device = await navigator.bluetooth.requestDevice({ filters: [{ services: ['heart_rate'] }] });
    const server = await this.device.gatt.connect();
    const service = await server.getPrimaryService('heart_rate');
    const characteristic = await service.getCharacteristic('heart_rate_measurement');
    characteristic.addEventListener('characteristicvaluechanged', (e) => {
      const v = e.target.value;
      this.receive(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    });
    await characteristic.startNotifications();
    return this.device.name || 'heart-rate strap';
  }

  /** Feeds bytes as if a strap had sent them. */
  inject(bytes) { this.receive(Uint8Array.from(bytes)); }

  receive(bytes) {
    if (bytes.length < 2) return;
    // Flags bit 0: the value is uint16 rather than uint8 (Bluetooth SIG Heart Rate Service 1.0, §3.1).
    this.lastBpm = bytes[0] & 1 ? bytes[1] | (bytes[2] << 8) : bytes[1];
    const packet = {
      type: 'hr',
      seq: ++this.#seq,
      t_ms: Math.round(performance.now()),
      hex: [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' '),
    };
    for (const l of this.#listeners) l(packet, this.lastBpm);
  }
}

export const heartRate = new HeartRateSource();
window.attuneHeartRate = { inject: (bytes) => heartRate.inject(bytes), get lastBpm() { return heartRate.lastBpm; } };
