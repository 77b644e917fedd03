// The tinnitus pitch match: the server runs the adaptive two-alternative procedure; this page plays each trial's
// two tones and sends the answer (docs/web-protocol.md, "Set-up wizard").
import { $, api, pick, problemText, say } from '../api.js';
import { toneUrl } from './clip-player.js';
import { loadMatches } from '../history.js';
import { setCondition, setField } from '../profile.js';

export class PitchMatch {
  constructor(player, hooks) {
    this.player = player;
    this.hooks = hooks;
    this.runId = null;
    this.trial = null;
  }

  init() {
    $('pitch-start').addEventListener('click', () => this.start());
    $('pitch-play-a').addEventListener('click', () => this.#playOne('a'));
    $('pitch-play-b').addEventListener('click', () => this.#playOne('b'));
    $('pitch-choose-a').addEventListener('click', () => this.answer('a'));
    $('pitch-choose-b').addEventListener('click', () => this.answer('b'));
  }

  showHistory() { return loadMatches($('pitch-history')); }

  async start() {
    say($('pitch-result'), 'Starting…', false);
    const result = await api('POST', '/api/wizard/pitch-match', {});
    if (!result.ok) return this.#fail(result);
    this.runId = pick(result.data, 'run_id');
    this.hooks.trials = [];
    this.#showTrial(pick(result.data, 'trial'));
  }

  async answer(choice) {
    if (!this.trial) return;
    this.player.stop();
    const trialId = pick(this.trial, 'trial_id');
    this.hooks.trials.push({ ...this.trial, choice });
    // No trial is on offer until the server answers: the next one, or the result.
    this.trial = null;
    this.hooks.trial = null;
    const result = await api('POST', `/api/wizard/pitch-match/${encodeURIComponent(this.runId)}/answer`, { trial_id: trialId, choice });
    if (!result.ok) return this.#fail(result);
    if (pick(result.data, 'done')) return this.#finish(pick(result.data, 'result'));
    this.#showTrial(pick(result.data, 'trial') ?? result.data);
  }

  #showTrial(trial) {
    this.trial = trial;
    this.hooks.trial = trial;
    $('pitch-trial').hidden = false;
    $('pitch-trial-number').textContent = String(this.hooks.trials.length + 1);
    say($('pitch-result'), 'Listen to A, then B, and choose the closer one.', false);
    this.#playBoth();
  }

  async #playBoth() {
    try { await this.#playOne('a'); await new Promise((r) => setTimeout(r, 300)); await this.#playOne('b'); }
    catch (e) { say($('pitch-result'), e.message, true); }
  }

  async #playOne(which) {
    if (!this.trial) return;
    const hz = pick(this.trial, which === 'a' ? 'a_hz' : 'b_hz');
    await this.player.play(toneUrl(hz, -20));
  }

  async #finish(r) {
    $('pitch-trial').hidden = true;
    this.hooks.result = r;
    const best = Math.round(pick(r, 'best_hz')), low = Math.round(pick(r, 'low_hz')), high = Math.round(pick(r, 'high_hz'));
    const date = new Date().toISOString().slice(0, 10);
    say($('pitch-result'), `Your tinnitus is closest to ${best} Hz (range ${low}–${high} Hz), measured ${date}. It is saved and filled in above.`, false);
    setField('tinnitusHz', best);
    setCondition('tinnitus', true);
    await this.showHistory();
  }

  #fail(result) {
    const missing = result.status === 404 || result.status === 405;
    say($('pitch-result'), missing
      ? `The pitch match is not available on this server (HTTP ${result.status}).`
      : problemText(result.data, result.status), true);
  }
}
