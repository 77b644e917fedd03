// A small line plot on a <canvas>: each series is scaled to its own range, so arousal, tempo and loudness share one box.
const COLOURS = ['#2d5a73', '#b5651d', '#4f7d3a'];

export function drawSeries(canvas, seriesList) {
  const ctx = canvas.getContext('2d');
  const w = canvas.width, h = canvas.height, pad = 6;
  ctx.clearRect(0, 0, w, h);
  ctx.strokeStyle = '#c8ccd0';
  ctx.strokeRect(0.5, 0.5, w - 1, h - 1);
  seriesList.forEach((s, k) => {
    const values = s.values.filter((v) => Number.isFinite(v));
    if (values.length < 2) return;
    const lo = s.min ?? Math.min(...values), hi = s.max ?? Math.max(...values);
    const span = hi - lo || 1;
    ctx.strokeStyle = COLOURS[k % COLOURS.length];
    ctx.lineWidth = 2;
    ctx.beginPath();
    let started = false;
    s.values.forEach((v, i) => {
      if (!Number.isFinite(v)) return;
      const x = pad + (i / (s.values.length - 1)) * (w - 2 * pad);
      const y = h - pad - ((v - lo) / span) * (h - 2 * pad);
      if (started) ctx.lineTo(x, y); else { ctx.moveTo(x, y); started = true; }
    });
    ctx.stroke();
  });
}
